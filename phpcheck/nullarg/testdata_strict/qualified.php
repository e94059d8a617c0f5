<?php // riskvet:run
// A type test written fully qualified, as code that imports nothing from
// the global namespace does, narrows like the short one.
namespace NullArg\Qualified;

function mergedIfArrays(array $a, array $b, string $k): array {
    $x = $a[$k] ?? null;
    $y = $b[$k] ?? null;
    if (\is_array($x) && \is_array($y)) {
        return array_merge($x, $y);
    }
    return array_merge([], $y); // want `^\$y may be null here, passed to \$arrays \(array\) of array_merge\(\): a TypeError \(\?\? yields null at line 8\)$`
}

function testMerged(): void { mergedIfArrays(['k' => [1]], [], 'k'); }
