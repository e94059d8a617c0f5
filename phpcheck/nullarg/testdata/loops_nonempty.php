<?php // riskvet:run
declare(strict_types=1);
// A foreach over an array that a condition proved non-empty runs its body
// at least once, so what the body always assigns holds after the loop; an
// unset element may empty the array again. A write to a variable variable
// or extract() may assign any variable, so what was known of each is lost.
namespace NullArg\NonEmpty;

/** @param list<int> $ids */
function total(array $ids): int { return array_sum($ids); }

/** @param list<list<int>> $groups */
function counted(array $groups): int {
    if (count($groups) > 0) {
        $all = null;
        foreach ($groups as $g) {
            $all = $all === null ? $g : array_merge($all, $g);
        }
        return total($all);
    }
    return 0;
}

/** @param list<list<int>> $groups */
function notEmpty(array $groups): int {
    if (!empty($groups)) {
        $last = null;
        foreach ($groups as $g) {
            $last = $g;
        }
        return total($last);
    }
    return 0;
}

/** @param list<list<int>> $groups */
function notTheEmptyArray(array $groups): int {
    if ($groups === []) {
        return 0;
    }
    $last = null;
    foreach ($groups as $g) {
        $last = $g;
    }
    return total($last);
}

/** @param list<list<int>> $groups */
function unguarded(array $groups): int {
    $last = null;
    foreach ($groups as $g) {
        $last = $g;
    }
    return total($last); // want `^\$last may be null here, passed to \$ids \(array\) of total\(\): a TypeError \(assigned null at line 50\)$`
}

/** @param list<list<int>> $groups */
function emptiedByUnset(array $groups): int {
    if (count($groups) > 0) {
        unset($groups[0]);
        $last = null;
        foreach ($groups as $g) {
            $last = $g;
        }
        return total($last); // want `^\$last may be null here, passed to \$ids \(array\) of total\(\): a TypeError \(assigned null at line 61\)$`
    }
    return 0;
}

/** @param array<string, mixed> $params */
function variableVariables(array $params): int {
    $items = null;
    if (!isset($params['items'])) {
        return 0;
    }
    foreach ($params as $key => $value) {
        $$key = (array) $value;
    }
    return count($items);
}

/** @param array<string, mixed> $params */
function extracted(array $params): int {
    $items = null;
    extract($params);
    return count($items);
}

/** @param list<list<int>> $groups */
function atLeastOne(array $groups): int {
    if (1 <= count($groups)) {
        $last = null;
        foreach ($groups as $g) {
            $last = $g;
        }
        return total($last);
    }
    return 0;
}

function pieces(string $spec): int {
    $out = null;
    foreach (explode(';', $spec) as $p) {
        $out = [strlen($p)];
    }
    return total($out);
}

function fromLiteral(): int {
    $parts = [1, 2];
    $sum = null;
    foreach ($parts as $p) {
        $sum = [$p];
    }
    return total($sum);
}

function test_pieces(): void { pieces(''); }
function test_from_literal(): void { fromLiteral(); }
function test_at_least_one(): void { atLeastOne([[5]]); }
function test_counted(): void { counted([[1], [2, 3]]); }
function test_not_empty(): void { notEmpty([[1]]); }
function test_not_the_empty_array(): void { notTheEmptyArray([[4]]); }
function test_unguarded(): void { unguarded([]); }
function test_emptied(): void { emptiedByUnset([[1]]); }
function test_variable_variables(): void { variableVariables(['items' => [1, 2]]); }
function test_extracted(): void { extracted(['items' => [1]]); }
