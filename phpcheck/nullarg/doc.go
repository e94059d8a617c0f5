// Package nullarg defines a PHP check that reports values that may be null
// passed to parameters whose native type excludes null.
//
// # Check nullarg
//
// nullarg: a value that may be null passed to a parameter that does not accept null
//
// A call of a function, method, static method or constructor that the
// symbol index knows, or of PHP's own functions and the methods of its
// internal classes, is reported when an argument may be null and the
// parameter it lands in has a native type without null (`User $u`, `int
// $n`, `int ...$ns`, not `?User`, `User|null`, `mixed` or `User $u =
// null`):
//
//	$page may be null here, passed to $page (Page) of render(): a TypeError (assigned null at line 12)
//
// PHP checks a native parameter type on entry and throws a TypeError for
// null in every mode: a user function never coerces null, strict_types or
// not. A docblock @param type is not enforced by PHP and is not reported.
//
// PHP's built-ins come from one table of their signatures, generated from
// PHP 8.2's Reflection (phpcheck/builtin): a built-in throws a
// TypeError for null given to an array, callable, object or class
// parameter in every mode, and to any parameter in a file that declares
// strict_types=1 (`a TypeError under strict_types=1`). Outside
// strict_types, PHP 8.1 and later coerce a null given to a scalar
// parameter (`strlen(null)` is 0) with a deprecation: the call works, so
// the finding is not reported unless `-nullarg.deprecated` is set, and
// then says so:
//
//	$s may be null here, passed to $string (string) of strlen(): deprecated since PHP 8.1, null becomes "" (assigned null at line 3)
//
// The check reads the same flow analysis as nullderef (one walk serves
// both): the same sources of null, the same narrowing, the same evidence
// levels, and nullderef's settings (`-nullderef.level`, `strict`, `tests`,
// `never_null`, `lifecycle`, or riskvet.toml's `[nullderef]` table) govern
// it too, so that one decision about how sure a finding must be covers
// every null a run reports. By default it reports definite and inevitable
// evidence outside test code, as nullderef does.
//
// Correlated nulls count here as in nullderef: after `if ($a === null &&
// $b === null) { throw ...; }`, `$a !== null ? $a : $b` and the else of
// `if ($a !== null)` pass a non-null $b, and a chain that takes the first
// non-null of values one of which a test proved set passes a non-null
// (nullderef's doc says what is related and its trade-off).
//
// False positives and negatives:
//
//   - Only callees in the scanned tree and PHP's built-ins are checked:
//     libraries outside the tree are not, which misses those failures.
//     The table holds PHP 8.2's core extensions (standard, date, pcre,
//     SPL, json, ctype, filter, hash, random, iconv, PDO, fileinfo,
//     session, tokenizer, zlib, Reflection); mbstring, intl and the
//     others are not checked. A built-in whose Reflection type is `mixed`
//     or missing (max, array_udiff's callbacks) is never reported, though
//     some of them throw for null.
//   - A parameter passed by reference is never reported: the call may be
//     what assigns it.
//   - A spread (`...$args`) and an argument past the declared parameters
//     of a function without a variadic one are not matched to a parameter
//     and are not reported.
//   - After a reported argument the value counts as non-null for a class
//     type (PHP would have thrown), so one missing check is one finding.
package nullarg
