// Package undefinedindex defines a PHP check that reports array reads at a
// key that may not exist.
//
// # Check undefinedindex
//
// undefinedindex: array key may be undefined
//
// Reads at a constant key (a string or integer literal, or a constant
// expression of them: 'a' . 'b', 1 + 1, true, -3) of four kinds of array
// are reported when no guard has checked the key on every path to the
// read. Guards are isset(), empty(), array_key_exists() and key_exists(),
// in_array('k', array_keys($a)), the ?? and ??= operators, a ?? compared
// with a constant (`null !== ($a['k'] ?? null)` and `($a['k'] ?? null)
// === 'x'` prove the key) or tested with a falsy default (`if ($a['k'] ?? false)`),
// the @ operator, the arms of a match (those of `match (true)` are tests),
// a guard made on the branches where a variable is not identical to some
// literals, read where a later test of the unchanged variable rules them
// out (`if ($a === 'x' || $a === 'y') {...} else { if (empty($_POST['k']))
// exit; }`, then `$_POST['k']` in the else of `$a === 'x'`, `$a ===
// 'y'`),
// an assignment to the key, count($a) compared with an integer (for
// lists: count($a) >= 2 proves keys 0 and 1), a test of the variable that
// holds the result of preg_match or count, or of a test (`$ok = $ns > 0 &&
// count($p) === 2; if ($ok)`, until $ok or $p is written again), and an
// early exit on any of them (return, throw, exit, continue, break,
// `isset(...) || die()`, a call of a function or method whose body throws
// when its first argument is true, such as `$this->dieIf(count($p) !==
// 2)`, or a call that never returns, see below):
//
//	if (!isset($_GET['page'])) {
//		return;
//	}
//	echo $_GET['page']; // not reported
//
// Request input ($_GET, $_POST, $_REQUEST, $_COOKIE, $_FILES) at any key,
// and the keys of $_SERVER that the request sets only when it carries
// them (HTTP_* headers but Host, HTTPS, PATH_INFO, PHP_AUTH_*, AUTH_TYPE,
// REMOTE_USER):
//
//	echo $_SERVER['HTTP_REFERER']; // $_SERVER['HTTP_REFERER'] is read without a check that the key exists
//
// Arrays whose keys are known in the same function: a variable assigned an
// array literal (nested literals too), then only written at constant
// keys, read at a key it has on no path. The message lists the keys it has:
//
//	$opts = ['color' => 'red', 'size' => 2];
//	echo $opts['colour']; // $opts['colour'] is not a key of $opts (keys: 'color', 'size')
//
// Results of builtins whose keys are not all guaranteed (the table in
// builtins.go): explode, preg_split and str_getcsv return one element when
// the separator is missing, parse_url only the components the URL has,
// pathinfo no extension for a name without a dot, getimagesize channels
// for JPEG and GIF only, parse_str only the fields of the query, and
// preg_match sets no group when the pattern does not match and leaves out
// optional groups after the last one that took part. Destructuring reads
// each key it names:
//
//	[$user, $host] = explode('@', $email); // explode(...)[1] may be undefined: explode() at line 3 returns one element when the delimiter does not occur
//
// Array shapes from declarations: array{k: T, opt?: T}, list{T, T} and
// non-empty-list<T> in @param, @return, @var and @property tags (and their
// @phpstan- and @psalm- forms, which win over the plain tag), through type
// aliases (@phpstan-type, @psalm-type) and their imports. A parameter has
// its @param shape, a variable the shape of an inline @var, a call of a
// function or of a method of $this, self or static the shape of its
// @return, and $this->prop the shape of the property's @var, except for
// the keys a value written to it in the same function surely has (a
// literal's, or those a called function's @return requires). A read at a
// key the shape marks optional is reported, and so is a read at a key it
// lacks (unless it ends in `...`):
//
//	/** @param array{id: int, name?: string} $row */
//	function label(array $row): string {
//		return $row['name']; // $row['name'] may be undefined: the key is optional in the @param of $row (line 2)
//	}
//
// Writes are not reads ($_GET['x'] = 1, $a['k'][] = 2, unset($a['k'])), nor
// are the operands of isset(), empty() and ??. An array of
// unknown shape (an undocumented parameter, a general array<K, V> or
// list<T>, a call result the index does not document, a property of
// another object) is never reported.
//
// What is reported by default: everything above but parse_url's
// components, outside test code. Settings change that, each as a flag
// (`riskvet php -undefinedindex.tests`) or a key of riskvet.toml's
// `[undefinedindex]` table (`tests = true`):
//
//   - tests also reports in test code: classes that extend PHPUnit's
//     `PHPUnit\Framework\TestCase`, directly or through classes in the
//     index, and files under a folder named tests, Tests, test, Test or
//     spec (a segment of the path relative to the scanned directory). A
//     missing key in a test fails that test and reaches no user; in the
//     judged sample, none of the 11 findings in test code was a bug (5
//     false, 6 inputs of PHPStan's analyser tests that are never run).
//   - strict also follows the builtins whose results real code reads
//     safely far more often than not: explode, preg_split and
//     str_getcsv's pieces, preg_match's groups, parse_url's components.
//     Judged on real code, in a fresh sample of 60 default findings
//     (bench/judged/undefinedindex-fresh-default-2026-12-01.tsv), 8 of 36
//     explode findings and none of 4 preg ones were bugs: the strings
//     split are mostly built by the application or a protocol with the
//     delimiter in them; parse_url, 1 of 6 in the first sample (a DSN
//     without a host). Request input, 16 of 20, stays in the default.
//
// # False positives and negatives
//
// The analysis is flow-sensitive within one function body (or the file's
// top-level code) and stops there; declarations come from the index. It
// runs on the walker nullderef runs on (phpcheck/internal/flow): branches,
// loops, switch (the cases of `switch (true)` are conditions), try, catch
// and finally, and exits mean the same in both checks. A
// closure's body starts from the guards on superglobals where it is
// created and from the arrays it captures by value, as they were then (an
// arrow function captures every variable it uses). Each choice below
// trades missed reports for silence where the check cannot be sure:
//
//   - A call ends the path when the callee never returns: a function or
//     a method of $this, self, static or parent that the index marks so
//     (a never type or tag, a body that always exits or throws), one whose
//     every path ends so or in a call of such a function, and WordPress's
//     wp_die, trusted by name (it ends in a call of the handler a filter
//     picks; WordPress's own handlers all exit). A handler that returns
//     would hide findings after wp_die and the helpers that end in it,
//     such as wp_send_json_error.
//   - A read that is reported counts as a guard for the rest of its path:
//     a second read of the same request field or of the same key of the
//     same variable after it is left out, since the fix of the first (a
//     guard or a default) resolves both; a read on another branch, which
//     a request can reach without passing the first, is reported. A fix
//     local to the first read (a ?? on that read alone) leaves the second
//     unreported until the next run.
//   - A guard in a caller does not carry into a function: a function that
//     reads $_GET['id'] unguarded is reported even if every caller checked
//     the key first. This is the one deliberate source of false positives
//     in request input; such functions should take the value as a
//     parameter.
//   - A builtin's result is reported whatever its argument: explode on a
//     string that always holds the delimiter (a value the code built
//     itself, one a caller validated) is reported unless the code checks
//     it first. The checks it reads: str_contains, strpos, strrpos,
//     strstr and their mb_ forms, their case-insensitive forms for a
//     delimiter without letters, substr_count compared with a number, a
//     static helper named contains (`Str::contains($s, '::')`, trusted by
//     its name), and a preg_match on the string whose whole match $m[0]
//     is the delimiter. The subject may be a variable or a method called
//     without arguments on one (`$r->after()`), taken to be a getter that
//     returns the same string again. explode(' ', microtime()) has two
//     pieces. Other code can pad the result (`explode(...) + [1 => null]`,
//     array_pad) to say what it expects.
//   - A preg_match result compared with 0 (`0 === preg_match(...)`,
//     `$r === 0`), cast to bool or passed to an assertion is a test of the
//     match; its false, an error of the pattern or the subject's encoding,
//     is taken not to happen. Assertions are trusted by their names:
//     PHPUnit's assertSame, assertEquals, assertTrue and assertFalse (on
//     $this or a class) and webmozart/assert's static same, eq, true and
//     false; past one, its condition holds. A method so named that
//     returns when the test fails would hide findings after it.
//   - explode, preg_split, str_getcsv, preg_match and parse_url are
//     followed only with strict (see above); parse_url even then not on
//     a call's result or a constant (parse_url(home_url())): such
//     URLs come from the application's own configuration and have a
//     host. A URL from the request without one is the false negative
//     this buys.
//   - A declared shape is trusted: a read at a key it lacks is reported
//     even where the value really has the key, and a read at a key it has
//     is not reported where the value really lacks it. In a union of
//     shapes, a key that one member has and another lacks is not
//     reported: code tells the members apart by a tag key
//     (`if ($x['type'] === 'a')`), which the check does not narrow on.
//   - A guard on $this->prop, from a test or a write, holds until the
//     function writes the property again: a method called in between that
//     changes it would hide a report after the call.
//   - Correlated tests are followed only through strict comparisons of a
//     variable with string or integer literals or null (`===`, `!==`,
//     joined by && and ||), until the variable is written: a guard that
//     depends on a loose comparison, a switch, in_array or a function's
//     result is lost at the join, and its read reported.
//   - Two variables bound by reference (`$in = &$_POST`) name one array: a
//     guard or a write that adds a key by either name proves it for both
//     where the binding holds on every path, and a write that can drop a
//     key (an unset, a reassignment) drops the guards of both where it
//     holds on some path. The array's known
//     shape, if any, is forgotten at the binding. A reference made
//     another way (a by-reference parameter, a reference to an element)
//     is not followed: a key it drops is missed.
//   - A loop drops, on entry, the guards its body may undo: all those of
//     a variable it assigns or unsets at a key it does not name, and for
//     a write down in an element (`unset($a['x'][$k])`) only those on the
//     keys of that element: $a keeps 'x'.
//   - Guards made inside a loop body do not hold after the loop, nor do
//     guards a try block makes in its catch blocks, which can report a read
//     after such a block (rare in practice).
//   - A read with a non-constant key ($_GET[$name]) is never reported: the
//     key usually comes from iterating the same array.
//   - A known array becomes unknown as soon as it is written at a
//     non-constant key, appended to, passed to a call that might take it
//     by reference, captured by reference, aliased, or written anywhere in
//     a loop; extract(), include, eval and variable variables forget every
//     known array of the function. A key that exists on some path only is
//     not reported. count($a) > 0 and a truthy $a prove key 0 of any array
//     not known to lack it.
//   - An element of a known array passed to a method, a constructor or a
//     builtin with a by-reference parameter (sscanf, preg_match, sort...)
//     counts as written, since it may be: reads of absent keys through
//     such calls are missed, and sscanf($s, '%d', $a['n']) is not
//     reported. A user function's parameters come from the index.
//   - Other superglobals ($_SESSION, $_ENV) and the keys of $_SERVER that
//     every web server sets are not checked: their keys are set by
//     configuration, not by the request. HTTP_HOST is left out although a
//     request can omit it: HTTP/1.1 requires it and servers reject
//     requests without it.
//   - pathinfo's dirname is taken as set: it is missing only for an empty
//     path. getimagesize and error_get_last can return false or null;
//     reading a key of those is not an undefined key and is not reported.
//   - Code nested more than 20,000 levels deep (generated array literals or
//     expression chains) is not followed, and nothing after it in the file
//     is reported: following it could overflow the stack, and a write the
//     check did not see could make a later report false.
package undefinedindex
