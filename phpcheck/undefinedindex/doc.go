// Package undefinedindex defines a PHP check that reports array reads at a
// key that may not exist.
//
// # Check undefinedindex
//
// undefinedindex: array key may be undefined
//
// Two kinds of read are reported, each at a constant key (a string or
// integer literal):
//
// Request input ($_GET, $_POST, $_REQUEST, $_COOKIE, $_FILES) read at a key
// that no guard has checked on every path to the read. Guards are isset(),
// empty(), array_key_exists() and key_exists(), the ?? and ??= operators,
// the @ operator, an assignment to the key, and an early exit on any of
// them (return, throw, exit, continue, break, or `isset(...) || die()`):
//
//	if (!isset($_GET['page'])) {
//		return;
//	}
//	echo $_GET['page']; // not reported
//
// Arrays whose keys are known in the same function: a variable assigned an
// array literal whose keys are all constant, then only written at constant
// keys, read at a key it has on no path. The message lists the keys it has:
//
//	$opts = ['color' => 'red', 'size' => 2];
//	echo $opts['colour']; // $opts['colour'] is not a key of $opts (keys: 'color', 'size')
//
// Writes are not reads ($_GET['x'] = 1, $a['k'][] = 2, unset($a['k'])), nor
// are the operands of isset(), empty() and ??. An array of unknown shape (a
// parameter, a call result, a property) is never reported.
//
// # False positives and negatives
//
// The analysis is flow-sensitive within one function body (or the file's
// top-level code) and stops there. A closure's body starts from the guards
// on request input where it is created and from the arrays it captures by
// value, as they were then (an arrow function captures every variable it
// uses). Each choice below trades missed reports for silence where the
// check cannot be sure:
//
//   - A guard in a caller does not carry into a function: a function that
//     reads $_GET['id'] unguarded is reported even if every caller checked
//     the key first. This is the one deliberate source of false positives;
//     such functions should take the value as a parameter.
//   - Guards made inside a loop, switch or try body do not hold after it,
//     which can report a read after such a block (rare in practice).
//   - A read with a non-constant key ($_GET[$name]) is never reported: the
//     key usually comes from iterating the same array.
//   - A known array becomes unknown as soon as it is written at a
//     non-constant key, appended to, passed to a call (which might take it
//     by reference), captured by reference, aliased, or written anywhere in
//     a loop; extract(), include, eval and variable variables forget every
//     known array of the function. A key that exists on some path only is
//     not reported.
//   - An element of a known array passed to a method, a constructor or a
//     builtin with a by-reference parameter (sscanf, preg_match, sort...)
//     counts as written, since it may be: reads of absent keys through
//     such calls are missed, and sscanf($s, '%d', $a['n']) is not reported.
//   - Other superglobals ($_SERVER, $_SESSION, $_ENV) are not checked: their
//     keys are set by configuration, not by the request.
//   - Code nested more than 20,000 levels deep (generated array literals or
//     expression chains) is not followed, and nothing after it in the file
//     is reported: following it could overflow the stack, and a write the
//     check did not see could make a later report false.
package undefinedindex
