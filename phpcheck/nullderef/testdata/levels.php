<?php // riskvet:run
// The default level reports inevitable evidence: the function makes the value
// null on every path to the dereference, or at a point the dereference always
// follows. Nulls on some paths past a test or an exit (levels_local.php), or
// that only code elsewhere shows (levels_shown.php), wait for -nullderef.level
// local or shown: on real code most were tied to a condition on another value.
declare(strict_types=1); namespace Levels\Definite;

class Page {
    public ?Page $parent = null;
    public function title(): string { return 'p'; }
}

function lookup(int $id): ?Page { return $id > 0 ? new Page() : null; }

function assignedNull(bool $found): string {
    $p = null;
    if ($found) {
        $p = new Page();
    }
    return $p->title(); // want `^\$p may be null here \(assigned null at line 17\)$`
}

function ownParameter(?Page $p = null): string {
    return $p->title(); // not reported at the default level: null only if a caller passes it
}

function checkedNull(int $id): string {
    $p = lookup($id);
    if ($p === null) {
        return $p->title(); // want `^\$p is null here \(lookup\(\) returns null at levels\.php:14, checked null at line 30\)$`
    }
    return $p->title();
}

function calleeOnly(int $id): string {
    $p = lookup($id);
    return $p->title(); // not reported at the default level: only lookup()'s body shows the null
}

function unsetProperty(Page $p): string {
    return $p->parent->title(); // not reported at the default level: only the declaration shows the null
}

function neverAssigned(): string {
    $p = null;
    return $p->title(); // want `^\$p is null here \(assigned null at line 46\)$`
}

function testTested(): void {
    checkedNull(0);
}

function testNeverAssigned(): void {
    neverAssigned();
}

function testAssigned(): void {
    assignedNull(false);
}

function testQuiet(): void {
    assignedNull(true);
    ownParameter(new Page());
    checkedNull(1);
    calleeOnly(1);
    $p = new Page();
    $p->parent = new Page();
    unsetProperty($p);
}
