<?php // riskvet:run
// Nulls the function itself makes, passed where the native type refuses
// them: PHP throws a TypeError on entry, strict_types or not.
namespace NullArg\Basic;

final class Mailer {
    public function send(Message $m, int $retries): string { return 'sent ' . $retries; }
    public static function queue(Message $m): string { return 'queued'; }
}

final class Message {
    public function __construct(public string $subject) {}
}

final class Envelope {
    public function __construct(Message $m) {}
}

function subject(Message $m): string { return $m->subject; }

function lenient(?Message $m, ?int $n = null): string { return $m === null ? '-' : $m->subject; }

function assignedOnOneBranch(bool $ready): string {
    $m = null;
    if ($ready) {
        $m = new Message('hi');
    }
    return subject($m); // want `^\$m may be null here, passed to \$m \(Message\) of subject\(\): a TypeError \(assigned null at line 24\)$`
}

function toMethod(bool $ready, Mailer $mailer): string {
    $m = $ready ? new Message('hi') : null;
    return $mailer->send($m, 1); // want `^\$m may be null here, passed to \$m \(Message\) of Mailer::send\(\): a TypeError \(ternary yields null at line 32\)$`
}

function toScalar(Mailer $mailer, bool $ready): string {
    $n = null;
    if ($ready) {
        $n = 3;
    }
    return $mailer->send(new Message('x'), $n); // want `^\$n may be null here, passed to \$retries \(int\) of Mailer::send\(\): a TypeError \(assigned null at line 37\)$`
}

function toStatic(bool $ready): string {
    $m = null;
    if ($ready) {
        $m = new Message('hi');
    }
    return Mailer::queue($m); // want `^\$m may be null here, passed to \$m \(Message\) of Mailer::queue\(\): a TypeError \(assigned null at line 45\)$`
}

function toConstructor(bool $ready): Envelope {
    $m = null;
    if ($ready) {
        $m = new Message('hi');
    }
    return new Envelope($m); // want `^\$m may be null here, passed to \$m \(Message\) of Envelope::__construct\(\): a TypeError \(assigned null at line 53\)$`
}

function alwaysNull(): string {
    $m = null;
    return subject($m); // want `^\$m is null here, passed to \$m \(Message\) of subject\(\): a TypeError \(assigned null at line 61\)$`
}

// Negatives: a nullable parameter, a guard, a default of null.
function guarded(bool $ready): string {
    $m = $ready ? new Message('hi') : null;
    if ($m === null) {
        return '';
    }
    return subject($m);
}

function toNullable(bool $ready): string {
    $m = $ready ? new Message('hi') : null;
    return lenient($m, null);
}

function fromRow(array $row): string {
    return subject($row['m'] ?? null); // not reported by default: only a missing key leaves null
}

function testBranch(): void { assignedOnOneBranch(false); }
function testMethod(): void { toMethod(false, new Mailer()); }
function testScalar(): void { toScalar(new Mailer(), false); }
function testStatic(): void { toStatic(false); }
function testConstructor(): void { toConstructor(false); }
function testAlways(): void { alwaysNull(); }
function testQuiet(): void {
    guarded(false);
    guarded(true);
    toNullable(false);
    fromRow(['m' => new Message('x')]);
    assignedOnOneBranch(true);
    toMethod(true, new Mailer());
}
