<?php
declare(strict_types=1);

// Directives: one that excuses a finding is silent; one that excuses
// nothing is reported, so that it cannot hide a future finding unseen.

function used(?stdClass $o): string
{
    // riskvet:ignore nullderef the caller always passes an object
    return $o->name;
}

function stale(stdClass $o): string
{
    // riskvet:ignore nullderef $o was nullable once // want "riskvet:ignore nullderef directive matches no finding on this line or the next; remove it"
    return $o->name;
}

function sameLine(?stdClass $o): string
{
    return $o->name; // riskvet:ignore nullderef checked by the router
}
