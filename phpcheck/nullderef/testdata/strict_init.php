<?php
// riskvet:flags nullderef.strict
// Under -nullderef.strict the declared-only cases are reported too, each
// saying so; shown ones read as at the default level. Not runnable: none of
// the declared-only lines fails at run time, which is why the default level
// leaves them out.
declare(strict_types=1);

namespace App\StrictInit;

class Logger {
    public function log(string $m): void {}
}

class Mailer {
    private ?Logger $logger = null;
    private ?Logger $audit = null;

    public function __construct(Logger $logger) {
        $this->logger = $logger;
    }

    public function logger(): ?Logger { return $this->logger; }
    public function audit(): ?Logger { return $this->audit; }

    public function send(): void {
        $this->logger->log('sent'); // want `^\$this->logger may be null here \(property Mailer::\$logger is \?Logger, set by __construct\(\); declared only\)$`
        $this->audit->log('sent'); // want `^\$this->audit may be null here \(property Mailer::\$audit is \?Logger\)$`
    }
}

function outside(Mailer $m): void {
    $m->logger()->log('x'); // want `^\$m->logger\(\) may be null here \(Mailer::logger\(\) returns \?Logger; declared only\)$`
    $m->audit()->log('x'); // want `^\$m->audit\(\) may be null here \(Mailer::audit\(\) returns \?Logger\)$`
}

abstract class TestCase {
    protected function setUp(): void {}
}

class MailerTest extends TestCase {
    private ?Mailer $mailer = null;

    protected function setUp(): void {
        $this->mailer = new Mailer(new Logger());
    }

    public function testSend(): void {
        $this->mailer->send(); // want `^\$this->mailer may be null here \(property MailerTest::\$mailer is \?Mailer, set by setUp\(\); declared only\)$`
    }
}

class Container {
    /** @var array<string, object> */
    private array $services = [];

    public function get(string $id): ?object {
        return $this->services[$id] ?? throw new \RuntimeException($id);
    }

    /** @return Logger|null */
    public function logger() {
        return new Logger();
    }
}

function fromContainer(Container $c): void {
    $c->get('mailer')->send(); // want `^\$c->get\(\) may be null here \(Container::get\(\) returns \?object; declared only\)$`
    $c->logger()->log('x'); // want `^\$c->logger\(\) may be null here \(Container::logger\(\) returns Logger\|null per @return; declared only\)$`
}

interface Source {
    public function current(): ?Logger;
}

function fromInterface(Source $s): void {
    $s->current()->log('x'); // want `^\$s->current\(\) may be null here \(Source::current\(\) returns \?Logger; declared only\)$`
}
