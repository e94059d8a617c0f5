<?php // riskvet:run
// Run with -nullderef.strict (TestStrict). A call of a method whose body
// may write null to a property undoes a guard of that property on the
// same object; a method that does not, or that sets it again on every
// path, keeps it.
namespace NullArg\ForgetNulled;

class Job {}

class Queue {
    public ?Job $head = null;
    public int $seen = 0;

    public function drop(): void { $this->head = null; }
    public function count(): void { $this->seen++; }
    public function refill(): void {
        $this->head = null;
        $this->head = new Job();
    }
}

function run(Job $j): string { return 'ran'; }

function afterDrop(Queue $q): string {
    if ($q->head !== null) {
        $q->drop();
        return run($q->head); // want `^\$q->head may be null here, passed to \$j \(Job\) of run\(\): a TypeError \(property Queue::\$head is \?Job\)$`
    }
    return '';
}

function afterCount(Queue $q): string {
    if ($q->head !== null) {
        $q->count();
        return run($q->head); // not reported: count() writes no null
    }
    return '';
}

function afterRefill(Queue $q): string {
    if ($q->head !== null) {
        $q->refill();
        return run($q->head); // not reported: refill() sets it again
    }
    return '';
}

function testDrop(): void {
    $q = new Queue();
    $q->head = new Job();
    afterDrop($q);
}
function testKept(): void {
    $q = new Queue();
    $q->head = new Job();
    afterCount($q);
    afterRefill($q);
}
