<?php // riskvet:run
declare(strict_types=1); // riskvet:flags -undefinedindex.strict

// Guards seen in real projects before an explode or a read of a
// preg_match group (bench/judged/undefinedindex-default-2026-12-01.tsv,
// cause "guarded"). Each test passes an input that reaches the read: the
// guard holds, so every read below runs clean.

final class Text
{
    /** A framework's static contains() helper, as Laravel's Str has. */
    public static function contains(string $haystack, string $needle): bool
    {
        return $needle !== '' && str_contains($haystack, $needle);
    }
}

final class Replacement
{
    public function __construct(private string $after)
    {
    }

    public function after(): string
    {
        return $this->after;
    }
}

function storeFor(string $key): string
{
    if (Text::contains($key, '::')) {
        [$parent, $child] = explode('::', $key); // negative: the static contains() helper found the delimiter
        return $parent . '/' . $child;
    }
    return $key;
}

function tableOf(string $qualified): string
{
    if (strstr($qualified, '.')) {
        $pieces = explode('.', $qualified);
        return $pieces[1]; // negative: strstr (and mb_strstr) returns false unless the dot is there
    }
    if (stristr($qualified, '#') !== false) {
        return explode('#', $qualified)[1]; // negative: stristr found the hash
    }
    return $qualified;
}

function constantOf(Replacement $r): string
{
    if ($r->after() !== '' && str_contains($r->after(), '::')) {
        [$class, $const] = explode('::', $r->after()); // negative: the same getter was tested for the delimiter
        return $class . '.' . $const;
    }
    return '';
}

function ratio(string $fraction): float
{
    if (substr_count($fraction, '/') !== 1) {
        return 0.0;
    }
    [$num, $den] = explode('/', $fraction); // negative: exactly one slash past the early return
    return (float) $num / (float) $den;
}

function pairOf(string $line): string
{
    if (substr_count($line, '=') < 1) {
        return '';
    }
    [$name, $value] = explode('=', $line, 2); // negative: one '=' at least, and the limit keeps the rest together
    return $name . $value;
}

function testDelimiterGuards(): void
{
    echo storeFor('cache::files'), storeFor('plain');
    echo tableOf('db.users'), tableOf('a#b'), tableOf('users');
    echo constantOf(new Replacement('Foo::BAR')), constantOf(new Replacement('x'));
    echo ratio('1/2'), ratio('3');
    echo pairOf('a=b=c'), pairOf('none');
}

function weekOf(string $value): int
{
    if (0 === preg_match('/^(?P<year>\d{4})-W(?P<week>\d{2})$/', $value, $m)) {
        throw new \InvalidArgumentException('not a week');
    }
    return (int) $m['year'] * 100 + (int) $m['week']; // negative: past the throw the pattern matched
}

function releaseOf(string $version): string
{
    $found = preg_match('/^(\d+)\.(\d+)(-(\w+))?$/', $version, $m);
    if ($found === false || $found === 0) {
        throw new \RangeException('bad version ' . $version);
    }
    return $m[1] . '-' . $m[2]; // negative: the result variable was tested against 0 and false
}

function majorOf(string $version): string
{
    if (preg_match('/^(\d+)\./', $version, $m) == 0) {
        return '';
    }
    return $m[1]; // negative: early return when nothing matched
}

function shortFlags(string $arg): string
{
    if ((bool) preg_match('/^--(\w+)/', $arg, $m)) {
        return $m[1]; // negative: (bool) of the match count
    } elseif ((bool) preg_match('/^-(\w+)/', $arg, $m)) {
        return $m[1]; // negative: the elseif's own match
    }
    return '';
}

function testMatchGuards(): void
{
    echo weekOf('2024-W07'), releaseOf('5.2-rc'), majorOf('8.2.1'), majorOf('x');
    echo shortFlags('--all'), shortFlags('-v'), shortFlags('none');
}

/** The assertion helpers of a test framework or an assertion library. */
abstract class Assertions
{
    public static function assertSame(mixed $expected, mixed $actual): void
    {
        if ($expected !== $actual) {
            throw new \RuntimeException('failed asserting sameness');
        }
    }

    public static function assertTrue(mixed $actual): void
    {
        if ($actual !== true) {
            throw new \RuntimeException('failed asserting true');
        }
    }

    public static function eq(mixed $value, mixed $expect): void
    {
        if ($value != $expect) {
            throw new \InvalidArgumentException('not equal');
        }
    }
}

final class Assert extends Assertions
{
}

final class HeaderTest extends Assertions
{
    public function boundary(string $header): string
    {
        $this->assertSame(1, preg_match('/boundary=(?<boundary>[^;]+)$/', $header, $m));
        return $m['boundary']; // negative: the assertion fails the test unless it matched
    }

    public function charset(string $header): string
    {
        self::assertTrue((bool) preg_match('/charset=(\S+)/', $header, $m));
        return $m[1]; // negative: assertTrue of the match
    }
}

function versionFromFile(string $file): string
{
    Assert::eq(preg_match('/_(\d+)\.php$/', $file, $m), 1);
    return $m[1]; // negative: the assertion library throws unless it matched
}

function testAssertedMatches(): void
{
    $t = new HeaderTest();
    echo $t->boundary('multipart/form-data; boundary=xyz'), $t->charset('text/html; charset=utf-8');
    echo versionFromFile('CallMap_84.php');
}

function testMatchedDelimiter(): void
{
    $post = 'intro<!--more Read on-->rest';
    if (preg_match('/<!--more(.*?)?-->/', $post, $m)) {
        [$main, $extended] = explode($m[0], $post, 2); // negative: the delimiter is the text the match found in $post
        echo $main, $extended;
    }
}

function testMicrotime(): void
{
    $t = explode(' ', microtime());
    echo (float) $t[1] + (float) $t[0]; // negative: microtime() without arguments is 'msec sec'
}

function testGuardsThatProveNothing(): void
{
    $key = 'a:b';
    if (Text::contains($key, ':')) {
        echo explode('::', $key)[1]; // want `explode\(\.\.\.\)\[1\] may be undefined: explode\(\) at line 204`
    }
    if (0 === preg_match('/(\d)/', 'none', $m)) {
        echo $m[1]; // want `\$m\[1\] may be undefined: preg_match\(\) at line 206`
    }
    if (!(bool) preg_match('/(\d)/', 'none', $n)) {
        echo $n[1]; // want `\$n\[1\] may be undefined`
    }
    if (substr_count($key, ';') !== 1) {
        echo explode(';', $key)[1]; // want `explode\(\.\.\.\)\[1\] may be undefined`
    }
    // A case-blind search proves nothing of a delimiter with letters.
    $mixed = 'aXb';
    if (stripos($mixed, 'x') !== false) {
        echo explode('x', $mixed)[1]; // want `explode\(\.\.\.\)\[1\] may be undefined`
    }
}
