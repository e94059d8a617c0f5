<?php // riskvet:run // riskvet:flags -nullderef.level=shown
// Method effects: after a call whose body always assigns a property a
// non-null value, the property is non-null in the caller.
declare(strict_types=1);

namespace App\Effects;

class Conn {
    public function run(): void {}
}

class Client {
    public ?Conn $conn = null;

    public function connect(): void {
        if ($this->conn === null) {
            $this->conn = new Conn();
        }
    }

    public function open(): void {
        $this->conn = new Conn();
    }

    public function reopen(): void {
        $this->conn = null;
        $this->open();
    }

    public function maybeOpen(bool $yes): void {
        if ($yes) {
            $this->conn = new Conn();
        }
    }

    public function send(): void {
        $this->open();
        $this->conn->run(); // not reported: open() sets it
    }

    public function resend(): void {
        $this->reopen();
        $this->conn->run(); // not reported: reopen() calls open() last
    }

    public function trySend(): void {
        $this->maybeOpen(false);
        $this->conn->run(); // want `^\$this->conn may be null here \(property Client::\$conn is \?Conn\)$`
    }
}

function testSend(): void { (new Client())->send(); }
function testResend(): void { (new Client())->resend(); }
function testTrySend(): void { (new Client())->trySend(); }

// A call on another object of a known class has the same effect.
function testOther(): void {
    $c = new Client();
    $c->connect();
    $c->conn->run(); // not reported: connect() sets it on every path
}

function testOtherMissing(): void {
    $c = new Client();
    $c->conn->run(); // want `^\$c->conn may be null here \(property Client::\$conn is \?Conn\)$`
}
