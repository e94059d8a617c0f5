<?php // riskvet:run // riskvet:flags -nullderef.level=shown
// Loops, switch, try/catch/finally: joins, fixpoints and conservative catches.
declare(strict_types=1);

class Link {
    public ?Link $next = null;
    public function name(): string { return 'l'; }
}

function chain(int $n): Link {
    $head = new Link();
    $cur = $head;
    for ($i = 1; $i < $n; $i++) {
        $cur->next = new Link();
        $cur = $cur->next;
    }
    return $head;
}

function testLoopCarried(): void {
    $l = new Link();
    for ($i = 0; $i < 3; $i++) {
        $l->name(); // want `^\$l may be null here \(assigned null at line 24\)$`
        $l = null;
    }
}

function testWalkList(): void {
    $l = chain(3);
    while ($l !== null) {
        $l->name(); // not reported: the loop condition guards every iteration
        $l = $l->next;
    }
    $m = chain(2);
    while ($m->next !== null) {
        $m = $m->next; // not reported: reading $m->next is guarded
    }
    $m->name(); // not reported: $m is always a Link
}

function testDoWhile(): void {
    $l = chain(2);
    do {
        $l->name(); // want `^\$l may be null here \(property Link::\$next is \?Link\)$`
        $l = $l->next;
    } while (true);
}

function testBreakOut(): void {
    $found = null;
    foreach ([1, 2, 3] as $k) {
        if ($k === 2) {
            $found = new Link();
            break;
        }
    }
    if ($found !== null) {
        $found->name(); // not reported: guarded after the loop
    }
}

function switchOn(int $k): void {
    switch ($k) {
        case 1:
            $l = new Link();
            break;
        case 2:
            $l = chain(2);
            break;
        default:
            $l = null;
    }
    $l->name(); // want `^\$l may be null here \(assigned null at line 71\)$`
}
function testSwitchCall(): void { switchOn(3); }

function switchAll(int $k): void {
    switch ($k) {
        case 1:
            $l = new Link();
            break;
        default:
            $l = chain(1);
            break;
    }
    $l->name(); // not reported: every case assigns a Link
}
function testSwitchAllCall(): void { switchAll(1); switchAll(2); }

function risky(bool $fail): Link {
    if ($fail) {
        throw new RuntimeException('fail');
    }
    return new Link();
}

function testCatchReturns(): void {
    $l = null;
    try {
        $l = risky(true);
    } catch (RuntimeException $e) {
        return;
    }
    $l->name(); // not reported: the catch leaves the function
}

function testCatchFallsThrough(): void {
    $l = null;
    try {
        $l = risky(true);
    } catch (RuntimeException $e) {
        echo $e->getMessage() === '' ? 'x' : ''; // not reported: the caught exception is never null
    }
    $l->name(); // want `^\$l may be null here \(assigned null at line 108\)$`
}

function testCatchAssigns(): void {
    $l = null;
    try {
        $l = risky(true);
    } catch (RuntimeException $e) {
        $l = new Link();
    } finally {
        echo '';
    }
    $l->name(); // not reported: both the try and the catch assign it
}

function testFinallyAfterReturn(): Link {
    $l = null;
    try {
        return risky(false);
    } finally {
        if ($l !== null) {
            $l->name(); // not reported: guarded in finally
        }
    }
}

function testNestedLoopsContinue(): void {
    foreach ([1, 2] as $a) {
        foreach ([null, new Link()] as $l) {
            if ($l === null) {
                continue;
            }
            $l->name(); // not reported: continue skips the null
        }
        $m = $a === 1 ? null : new Link();
        if ($m === null) {
            continue;
        }
        $m->name(); // not reported: outer continue
    }
}

class Lazy {
    private ?Link $link = null;
    private function init(): void { $this->link = new Link(); }
    public function reset(): void {
        $this->link = null;
        $this->init();
        $this->link->name(); // not reported: a method call on $this may assign its properties
    }
    public function unguarded(): void {
        $this->link->name(); // want `^\$this->link may be null here \(property Lazy::\$link is \?Link\)$`
    }
    public function guarded(): void {
        if ($this->link === null) {
            $this->init();
        }
        $this->link->name(); // not reported: either non-null or assigned by init()
    }
}
function testLazy(): void {
    $l = new Lazy();
    $l->reset();
    $l->guarded();
    (new Lazy())->unguarded();
}

function matchTrue(?Link $l): string {
    return match (true) {
        $l === null => 'none',
        $l->next !== null => $l->next->name(), // not reported: earlier arm excluded null, this one guards next
        default => $l->name(), // not reported: the first arm excluded null
    };
}

function matchValue(?Link $l, int $k): string {
    return match ($k) {
        1 => 'one',
        default => $l->name(), // want `^\$l may be null here \(parameter \$l is \?Link\)$`
    };
}

function testMatch(): void {
    matchTrue(null);
    matchTrue(chain(2));
    matchValue(null, 2);
}
