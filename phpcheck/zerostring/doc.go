// Package zerostring defines a PHP check that reports loose comparisons
// of 0 with a string literal whose result PHP 8 changed.
//
// # Check zerostring
//
// zerostring: loose comparison of 0 with a non-numeric string
//
// A `==`, `!=` or `<>` comparison of the integer literal 0 with a string
// literal that is not numeric is reported:
//
//	if (0 == 'all') { // false since PHP 8, true before
//
// PHP 7 compared a number with a string as numbers, converting the string
// by its leading digits, so every string without a numeric prefix, the
// empty string included, was equal to 0. PHP 8 ("Saner string to number comparisons")
// compares 0 with a non-numeric string as strings, so the same line now
// gives false, and `!=` true: code written for PHP 7 silently takes the
// other branch. Only strings whose result changed are reported: a numeric
// string ('0', ' 1e3 ') compares as a number in both versions, and one
// with a non-zero numeric prefix ('1abc') was unequal to 0 in both. A
// string literal with a backslash escape or an interpolation is not
// judged.
//
// False positives: the check sees literals only, so it never misjudges a
// value's type, but code written for PHP 8 alone that means the new result
// is reported too; write the result itself (false) or compare the string
// with '0' instead. Comparisons of a variable with 0 are not reported:
// without types, every `$x == 0` would be.
package zerostring
