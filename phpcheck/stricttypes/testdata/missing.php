<?php // want col=1 "file does not declare strict_types=1"
// The file has no declare at all.
function add(int $a, int $b): int { return $a + $b; }
