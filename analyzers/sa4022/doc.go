// Package sa4022 defines riskvet's SA4022 Analyzer: staticcheck's check of
// the same code, on the syntax tree alone.
//
// # Analyzer SA4022
//
// SA4022: report comparisons of a variable's address with nil
//
// Taking the address of a variable always yields a non-nil pointer, so
// &x == nil is never true and &x != nil always is. Such a check is dead
// code and usually stands where a check of the variable itself was meant.
//
//	if &cfg == nil { // reported: the address of a variable cannot be nil
//
// Only the form &x == nil (or !=), with the address on the left and the
// predeclared nil on the right, in parentheses or not, is reported, as
// staticcheck does.
//
// staticcheck matches the comparison with its pattern language, whose
// matcher requires a type index of the package (staticcheck's own copy of
// x/tools' typeindex) next to the one x/tools' analyzers in the suite
// already build; this port walks the binary expressions the inspector
// holds, the same nodes, and builds no index. The message is
// staticcheck's.
//
// The false-positive trade-off: none known; the comparison's result is
// fixed by the language.
package sa4022
