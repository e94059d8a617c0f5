// Package sa4023 defines riskvet's SA4023 Analyzer: staticcheck's check of
// the same code, ported from staticcheck's IR onto x/tools' SSA form, for
// the comparisons it can decide within one function.
//
// # Analyzer SA4023
//
// SA4023: report comparisons with nil of interface values that always hold a type
//
// An interface value is nil only when it holds no type. Once a concretely
// typed value, even a nil pointer, is stored in it, the interface is not
// nil, and a comparison with nil always has the same result. This is Go's
// classic nil error that is not nil:
//
//	var p *MyError
//	var err error = p
//	if err != nil { // reported: this comparison is always true
//
// The comparison is reported when every value that reaches it (through
// variables assigned in several branches, each to the same value) is a
// conversion of a concrete type to the interface. A type parameter's value
// counts only when its constraint lists types (T ~int | ~string); a type
// parameter constrained by methods alone may be an interface type itself,
// whose nil stays nil.
//
// What was traded. staticcheck's SA4023 also reports `f() == nil` where f
// is a function that never returns a nil interface but may return a typed
// nil in one. It decides that from facts its nilness analysis records for
// every function of every package, built on staticcheck's own SSA form
// (IR): under go vet that means building IR for each dependency of each
// vetted package (on samber/mo, 204 dependency runs for its 8 packages;
// bench/go.sh cost). This port reads x/tools' SSA form, which nilness
// builds anyway, and only for the package being checked, so that part is
// left out: on the Go standard library and the twelve real modules of
// bench/gomods-compare.sh staticcheck's SA4023 reported nothing at all
// (see bench/README.md, "One SSA form"). Run staticcheck itself for it.
//
// The message is staticcheck's short one. staticcheck points the finding's
// related information at the value stored in the interface; so does the
// port, except for a zero value (var p *T), which has no position in
// x/tools' form.
//
// The false-positive trade-off: none known; the comparison's result is
// fixed by the types, whatever the values.
package sa4023
