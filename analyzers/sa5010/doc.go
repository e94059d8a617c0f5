// Package sa5010 defines riskvet's SA5010 Analyzer: staticcheck's check of
// the same code, ported from staticcheck's IR onto the syntax tree.
//
// # Analyzer SA5010
//
// SA5010: report type assertions between interfaces whose method sets conflict
//
// A type assertion x.(B) from an interface type A to an interface type B
// can never succeed when A and B declare a method of the same name with
// different signatures: no type can have both methods. The assertion always
// fails (or panics, without the comma-ok form), hiding a wrong type or a
// stale interface.
//
//	type A interface{ M() int }
//	type B interface{ M() string }
//	_, ok := a.(B) // reported
//
// The message names both types and each conflicting method:
//
//	impossible type assertion; A and B contradict each other:
//		wrong type for M method
//			have func() int
//			want func() string
//
// staticcheck finds these assertions in its own SSA form (IR), which
// riskvet's vettool would build for this check alone: the other SSA-based
// checks of the suite share x/tools' form. An assertion in IR is exactly a
// type assertion expression (a type switch is a different instruction), so
// the syntax tree gives the same assertions, the same types and the same
// positions without building either form. The one difference: IR drops
// code that can never run (after a return in the same block), where this
// port still reports. As in staticcheck, a conflict involving a method of
// a generic type or interface is not reported (go/types has no exported
// unification to decide it), and interface-to-concrete assertions are left
// to the compiler, which rejects the impossible ones.
//
// x/tools' ifaceassert, also in the suite and in go vet, reports the same
// assertions (and those in type switches) in its own words; SA5010 stays
// for the standalone linter's users who select staticcheck's codes.
//
// The false-positive trade-off: none known; a conflict of signatures is
// decided by go/types, not guessed.
package sa5010
