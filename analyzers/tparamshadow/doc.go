// Package tparamshadow defines an Analyzer that reports type parameters
// named after a type the code around them already uses.
//
// # Analyzer tparamshadow
//
// tparamshadow: report type parameters that shadow a package-level or predeclared type
//
// A type parameter's name hides any type of that name for the whole
// declaration: in
//
//	type Node struct{ ID int }
//
//	func Walk[Node any](root Node, visit func(Node)) // reported
//
// every Node of the signature and the body is the type parameter, not the
// package's Node, though a reader, and the author a month later, sees the
// package's type there. A body that then needs the real Node cannot name
// it, and a constraint or a field that was meant for it silently accepts
// any type. The same holds for a predeclared type: in `func F[string
// any](s string)` the parameter s is not a string.
//
// tparamshadow reports a generic function's, type's or alias's type
// parameter that has the name of a type declared at the package's top
// level or of a predeclared type (int, string, error, any, ...), naming
// the type it hides and where that is declared:
//
//	type parameter Node shadows the package-level type Node (declared at graph.go:3)
//
// Test files, generated files (unless -tparamshadow.generated) and
// deprecated declarations are exempt, as for riskvet's other generics
// analyzers. A method's receiver type parameters are not judged: they
// usually repeat the names of the type's own declaration, reported there.
//
// False positives: the check reports the shadow whether or not the
// declaration would have used the hidden type, since a reader of the
// signature cannot tell either way; a package-level type named like a
// type parameter (a type T) makes every generic T of the package
// reported, which renaming the package's type, not the parameters, fixes.
package tparamshadow
