<?php // riskvet:run
declare(strict_types=1);

namespace Shapes;

// Array shapes from declarations: @param, @return, @var and @property tags
// (and their @phpstan- and @psalm- forms), type aliases and imports. Each
// test passes an array that fits the declared shape and lacks the key.

/**
 * @param array{id: int, name?: string} $row
 */
function describe(array $row): string
{
    $s = (string) $row['id']; // negative: a key the shape has
    if (isset($row['name'])) {
        $s .= $row['name']; // negative: guarded
    }
    return $s . $row['name']; // want col=17 `^\$row\['name'\] may be undefined: the key is optional in the @param of \$row \(line 13\)$`
}

/**
 * @phpstan-param array{id: int} $row
 * @param array $row
 */
function email(array $row): string
{
    return '' . $row['email']; // want `^\$row\['email'\] is not a key of \$row \(keys: 'id', from the @param of \$row\)$`
}

/**
 * @psalm-param list{string, string} $pair
 */
function third(array $pair): string
{
    return $pair[1] . $pair[2]; // want `\$pair\[2\] is not a key of \$pair \(keys: 0, 1`
}

/**
 * @param non-empty-list<string> $names
 */
function second(array $names): string
{
    return $names[0] . $names[1]; // want `\$names\[1\] may be undefined`
}

function testParams(): void
{
    echo describe(['id' => 1]);
    echo email(['id' => 1]);
    echo third(['a', 'b']);
    echo second(['a']);
}

/**
 * @return array{host: string, port?: int}
 */
function endpoint(): array
{
    return ['host' => 'localhost'];
}

function testReturn(): void
{
    $e = endpoint();
    echo $e['host']; // negative
    echo $e['port']; // want `^\$e\['port'\] may be undefined: the key is optional in the @return of endpoint\(\) \(endpoint\(\) at shapes.php:58\)$`
    echo endpoint()['port']; // want `endpoint\(\.\.\.\)\['port'\] may be undefined`
    $copy = $e;
    echo $copy['port'] ?? 80; // negative: ??
}

function testInlineVar(): void
{
    /** @var array{a: int, b?: int} $v */
    $v = json_decode('{"a": 1}', true);
    echo $v['a']; // negative
    echo $v['b']; // want `\$v\['b'\] may be undefined: the key is optional in the @var at line 75`
}

/**
 * @phpstan-type Version array{major: int, minor?: int}
 * @property array{debug?: bool} $flags
 */
class Release
{
    /** @var array{name: string, tag?: string} */
    public array $meta = ['name' => 'x'];

    /** @var array<string, bool> */
    public array $flags = [];

    /**
     * @param Version $v
     */
    public function minor(array $v): int
    {
        return (int) $v['minor']; // want `\$v\['minor'\] may be undefined: the key is optional in the @param of \$v`
    }

    public function tag(): string
    {
        return $this->meta['name'] . $this->meta['tag']; // want `\$this->meta\['tag'\] may be undefined: the key is optional in the @var of \$this->meta`
    }

    /**
     * @return Version
     */
    public function current(): array
    {
        return ['major' => 1];
    }

    public function show(): string
    {
        $c = $this->current();
        return $c['major'] . '.' . $c['minor']; // want `\$c\['minor'\] may be undefined: the key is optional in the @return of Release::current\(\)`
    }
}

/**
 * @phpstan-import-type Version from Release
 * @psalm-import-type Version from Release as Ver
 */
class Installer
{
    /**
     * @param Version $v
     */
    public function patch(array $v): int
    {
        return (int) $v['patch']; // want `\$v\['patch'\] is not a key of \$v \(keys: 'major', 'minor'`
    }

    /**
     * @param Ver $v
     */
    public function major(array $v): int
    {
        return $v['major']; // negative: an imported alias under another name
    }
}

function testClasses(): void
{
    $r = new Release();
    echo $r->minor(['major' => 1]);
    echo $r->tag();
    echo $r->show();
    $i = new Installer();
    echo $i->patch(['major' => 1]);
    echo $i->major(['major' => 1]);
}

/**
 * @param array<string, int>|array{x: int} $mixed
 * @param array{x: int}|null $maybe
 * @param array{a: int, c?: int}|array{b: int, c?: int} $either
 */
function unions(array $mixed, ?array $maybe, array $either): int
{
    $n = $mixed['y']; // negative: a general array in the union makes the keys unknown
    if ($maybe !== null) {
        $n += $maybe['x']; // negative: null is not an array, the shape holds
    }
    if (isset($either['b'])) {
        $n += $either['b']; // negative: guarded
    }
    $n += (int) $either['z']; // want `\$either\['z'\] is not a key of \$either`
    return $n + (int) $either['c']; // want `\$either\['c'\] may be undefined`
}

/**
 * @param array{type: 'a', a: string}|array{type: 'b', b: string} $tagged
 */
function tagged(array $tagged): string
{
    if ($tagged['type'] === 'a') {
        return $tagged['a']; // negative: one member has the key, and a tag tells them apart
    }
    return $tagged['b']; // negative: the same
}

function testUnions(): void
{
    echo unions(['y' => 1], null, ['b' => 2]);
    echo tagged(['type' => 'b', 'b' => 'x']);
}

/**
 * @property array{theme: string, lang?: string} $prefs
 */
class Magic
{
    /** @var array<string, mixed> */
    private array $data = ['prefs' => ['theme' => 'dark']];

    public function __get(string $name): mixed
    {
        return $this->data[$name];
    }

    public function lang(): string
    {
        return $this->prefs['theme'] . $this->prefs['lang']; // want `\$this->prefs\['lang'\] may be undefined: the key is optional in the @var of \$this->prefs`
    }
}

function testMagic(): void
{
    echo (new Magic())->lang();
}

/**
 * @phpstan-type Options array{
 *     verbose: bool,
 *     output?: string,
 * }
 */
class Runner
{
    /**
     * @param array{
     *     name: string,
     *     tags?: list<string>,
     * } $job
     * @param Options $options
     */
    public function run(array $job, array $options): string
    {
        $out = $job['name'] . json_encode($job['tags']); // want `\$job\['tags'\] may be undefined: the key is optional in the @param of \$job`
        return $out . $options['output']; // want `\$options\['output'\] may be undefined`
    }

    /**
     * @param array{word?: string} $data
     */
    public function again(array $data): string
    {
        $first = $data['word'] ?? throw new \RuntimeException('no word');
        return $first . $data['word']; // negative: past ?? throw, the key is set
    }
}

function testRunner(): void
{
    $r = new Runner();
    echo $r->run(['name' => 'build'], ['verbose' => true]);
    echo $r->again(['word' => 'hi']);
}

class Logger
{
    public function log(array $context): void
    {
        echo count($context);
    }
}

/**
 * @param array{id: int, note?: string} $entry
 */
function logged(array $entry, Logger $log): string
{
    $log->log($entry);
    return (string) $entry['note']; // want `\$entry\['note'\] may be undefined: the key is optional in the @param of \$entry`
}

function testLogged(): void
{
    echo logged(['id' => 1], new Logger());
}
