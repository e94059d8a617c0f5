<?php
declare(strict_types=1);

// Not runnable: the second read fails at run time as the first does, but
// the check reports a key once per path.

function reportedOnce(): void
{
    $p = explode('@', 'nobody');
    echo $p[1]; // want `\$p\[1\] may be undefined`
    echo $p[1]; // negative: reported once per path
    $u = ['a' => 1];
    echo $u['b'], $u['b']; // want `\$u\['b'\] is not a key of \$u`
}
