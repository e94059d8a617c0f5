<?php // riskvet:flags -nullderef.level=shown
// A project function named like a Laravel guard helper that does not throw
// on its condition does not narrow; one the index does not declare
// (a vendor package outside the scanned tree) does, by its name.
namespace Logs;

function abort_if($cond, string $msg): void {
    if ($cond) {
        $msg .= '!';
    }
    echo $msg;
}

class Item {
    public function id(): int { return 1; }
}

function itemOrNull(bool $some): ?Item { return $some ? new Item() : null; }

function notAGuard(bool $some): int {
    $i = itemOrNull($some);
    abort_if($i === null, 'missing item');
    return $i->id(); // want `^\$i may be null here \(itemOrNull\(\) returns null at guards_throwif_other\.php:18\)$`
}

function vendorGuard(bool $some): int {
    $i = itemOrNull($some);
    \Vendor\Http\abort_unless($i !== null, 404);
    return $i->id(); // not reported: a guard helper outside the scanned tree
}
