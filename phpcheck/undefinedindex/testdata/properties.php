<?php // riskvet:run
declare(strict_types=1);

namespace Properties;

// A property declared with an optional key holds, right after a write,
// the value written: when that value surely has the key (a literal, or a
// call whose declared result has it required) a read of it is safe,
// however wide the declaration. Seen in a two-factor settings class whose
// constructor stores the result of its own reader
// (bench/judged/undefinedindex-third-default-2026-12-01.tsv, id 38).

final class Settings
{
    /**
     * @var array
     * @psalm-var array{backend: string, options: array<string, string>, scope?: 'session'|'db'}
     */
    public $config;

    public bool $stored = false;

    public function __construct(bool $complete)
    {
        $this->config = $this->read();
        $this->stored = $this->config['scope'] === 'db'; // negative: read() returns the key required
        $this->config = ['backend' => '', 'options' => [], 'scope' => 'session'];
        echo $this->config['scope']; // negative: the literal has the key
        $this->config = $this->partial($complete);
        echo $this->config['scope']; // want `\$this->config\['scope'\] may be undefined: the key is optional in the @var of \$this->config`
    }

    /**
     * @psalm-return array{backend: string, options: array<string, string>, scope: 'session'|'db'}
     */
    public function read(): array
    {
        return ['backend' => 'totp', 'options' => [], 'scope' => 'db'];
    }

    /**
     * @psalm-return array{backend: string, options: array<string, string>, scope?: 'session'|'db'}
     */
    public function partial(bool $complete): array
    {
        return $complete ? $this->read() : ['backend' => '', 'options' => []];
    }

    public function later(): ?string
    {
        return $this->config['scope']; // want `\$this->config\['scope'\] may be undefined`
    }
}

final class Nested
{
    /** @var array{db: array{host: string, port?: int}} */
    private array $conf = ['db' => ['host' => '']];

    public function port(): int
    {
        $this->conf = ['db' => ['host' => 'localhost', 'port' => 5432]];
        return $this->conf['db']['port']; // negative: the nested literal has the key
    }

    public function replaced(): ?int
    {
        $this->conf = ['db' => ['host' => 'localhost', 'port' => 5432]];
        $this->conf['db'] = ['host' => 'replica'];
        return $this->conf['db']['port']; // want `\$this->conf\['db'\]\['port'\] may be undefined`
    }
}

function testSettings(): void
{
    $s = new Settings(false);
    echo $s->later();
    echo (new Nested())->port();
}

function testReplaced(): void
{
    echo (new Nested())->replaced();
}
