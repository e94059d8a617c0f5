// Package nullderef defines a PHP check that reports method calls and
// property accesses on values that may be null.
//
// # Check nullderef
//
// nullderef: method call or property access on a value that may be null
//
// placeholder
package nullderef
