// Package nullarg defines a PHP check that reports values that may be null
// passed to parameters whose native type excludes null.
//
// # Check nullarg
//
// nullarg: a value that may be null passed to a parameter that does not accept null
//
// A call of a function, method, static method or constructor that the
// symbol index knows is reported when an argument may be null and the
// parameter it lands in has a native type without null (`User $u`, `int
// $n`, not `?User`, `User|null` or `User $u = null`):
//
//	$page may be null here, passed to $page (Page) of render(): a TypeError (assigned null at line 12)
//
// PHP checks a native parameter type on entry and throws a TypeError for
// null in every mode: a user function never coerces null, strict_types or
// not. A docblock @param type is not enforced by PHP and is not reported.
//
// The check reads the same flow analysis as nullderef (one walk serves
// both): the same sources of null, the same narrowing, the same evidence
// levels, and nullderef's settings (`-nullderef.level`, `strict`, `tests`,
// `never_null`, `lifecycle`, or riskvet.toml's `[nullderef]` table) govern
// it too, so that one decision about how sure a finding must be covers
// every null a run reports. By default it reports definite and inevitable
// evidence outside test code, as nullderef does.
//
// False positives and negatives:
//
//   - Only callees in the scanned tree are checked: PHP's own functions
//     (strlen(null), deprecated since 8.1 outside strict_types) and
//     libraries outside the tree are not, which misses those failures.
//   - A parameter passed by reference is never reported: the call may be
//     what assigns it.
//   - A spread (`...$args`) and an argument past the declared parameters
//     are not matched to a parameter and are not reported.
//   - After a reported argument the value counts as non-null for a class
//     type (PHP would have thrown), so one missing check is one finding.
package nullarg
