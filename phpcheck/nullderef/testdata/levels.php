<?php // riskvet:run
// The default level reports only local evidence: nulls the function itself
// puts on the path. Nulls that only code elsewhere shows (a callee's body,
// a property nothing initialises) wait for -nullderef.level=shown
// (levels_shown.php holds the same code at that level), because on real
// code such findings were mostly conventions the code does not spell out.
declare(strict_types=1); namespace Levels\Local;

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
    return $p->title(); // want `^\$p may be null here \(parameter \$p is \?Page\)$`
}

function checkedThenUsed(int $id): string {
    $p = lookup($id);
    if ($p === null) {
        echo "missing\n";
    }
    return $p->title(); // want `^\$p may be null here \(lookup\(\) returns null at levels\.php:14, checked null at line 30\)$`
}

function calleeOnly(int $id): string {
    $p = lookup($id);
    return $p->title(); // not reported at the default level: only lookup()'s body shows the null
}

function unsetProperty(Page $p): string {
    return $p->parent->title(); // not reported at the default level: only the declaration shows the null
}

function testLevels(): void {
    assignedNull(false);
}

function testOwnParameter(): void {
    ownParameter();
}

function testChecked(): void {
    checkedThenUsed(0);
}

function testCalleeAndProperty(): void {
    calleeOnly(1);
    $p = new Page();
    $p->parent = new Page();
    unsetProperty($p);
}
