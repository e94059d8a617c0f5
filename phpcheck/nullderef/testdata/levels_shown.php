<?php // riskvet:run // riskvet:flags -nullderef.level=shown
// levels.php's code at -nullderef.level=shown: nulls that only code
// elsewhere shows (a callee's body, a property nothing initialises) are
// reported too, and the test functions take those paths to prove it. Its
// lines are levels.php's, so the line numbers in the messages match.
//
declare(strict_types=1); namespace Levels\Shown;

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

function checkedNull(int $id): string {
    $p = lookup($id);
    if ($p === null) {
        return $p->title(); // want `^\$p is null here \(lookup\(\) returns null at levels_shown\.php:14, checked null at line 30\)$`
    }
    return $p->title();
}

function calleeOnly(int $id): string {
    $p = lookup($id);
    return $p->title(); // want `^\$p may be null here \(lookup\(\) returns null at levels_shown\.php:14\)$`
}

function unsetProperty(Page $p): string {
    return $p->parent->title(); // want `^\$p->parent may be null here \(property Page::\$parent is \?Page\)$`
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

function testParameter(): void {
    ownParameter();
}

function testCallee(): void {
    calleeOnly(0);
}

function testProperty(): void {
    unsetProperty(new Page());
}
