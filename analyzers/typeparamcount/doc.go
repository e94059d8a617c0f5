// Package typeparamcount defines an Analyzer that reports declarations with
// too many type parameters.
//
// # Analyzer typeparamcount
//
// typeparamcount: report declarations with too many type parameters
//
// Every type parameter is one more thing a caller must infer or spell, one
// more column in every error message that mentions the declaration, and one
// more dimension a reader must hold while reading the body. Past a handful,
// the list usually stands for a structure that wants a name: a struct of
// the parameters that travel together, or two smaller functions.
//
//	func Join[A, B, C, D, E any](a A, b B, c C, d D, e E) Tuple5[A, B, C, D, E] // reported at the default
//
// typeparamcount reports a generic function, type or alias declaring more
// than -typeparamcount.max type parameters (default 4):
//
//	function Join declares 5 type parameters, more than 4
//
// A method's type parameters belong to its receiver's type and are counted
// once, at the type's declaration. Test files and generated files (a "//
// Code generated ... DO NOT EDIT." line) are skipped: generated code is
// where the longest lists live (Pipe1 to Pipe20 from one template), and
// nobody reviews it line by line.
//
// The false-positive trade-off: the number is a proxy. A family of
// functions over tuples of arity N (Zip5, Unpack6) needs N type parameters
// by construction, and such a family is reported at each arity past the
// limit; the default is set so that this is where most findings land
// (bench/gomods-compare.sh), and a library of such families can raise it.
// The Go standard library declares at most 3 type parameters; the default
// of 4 leaves it and the usual Map[K, V], Reduce[S, E, A] forms alone.
package typeparamcount
