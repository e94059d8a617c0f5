// Package singleinst defines an Analyzer that reports generic declarations
// instantiated with only one type-argument list.
//
// # Analyzer singleinst
//
// singleinst: report generics instantiated with only one type-argument list
//
// A generic function or type that its code only ever uses as Parse[int]
// is a plain function over int wearing brackets: the reader pays for the
// type parameters, the constraint and the instantiation, and nothing is
// shared. singleinst reports such declarations:
//
//	func parse[T ~int | ~int64](s string) (T, error) // only parse[int] is used
//
//	generic function parse is instantiated with 1 type-argument list in its package: [int]
//
// The cure is the concrete declaration, func parse(s string) (int, error),
// until a second instantiation arrives.
//
// What counts:
//
//   - Every instantiation in the code checked, explicit (List[int]) or
//     inferred (parse(s) where T is inferred), test files and generated
//     files included: they are real uses.
//   - A generic's uses of its own type parameters (a method's receiver
//     List[T], a recursive call) are not instantiations.
//   - A list that mentions another generic's type parameters (node[T]
//     inside Tree[T]) is open: its types are decided by the other generic's
//     instantiations, so the declaration is never reported.
//   - A generic never instantiated is left to unused-code checks
//     (staticcheck's U1000).
//
// Which declarations can be judged depends on what the run sees:
//
//   - Under go vet, packages are analyzed one at a time and a package never
//     sees its importers, so only generics no other package can use are
//     judged: unexported ones, and everything in package main.
//   - The standalone command and riskvet scan load the whole module, and
//     also judge the exported generics of internal packages (Go lets only
//     the module use them), counting their instantiations in every package
//     of the module: the message then says "in its module".
//   - An exported generic of a public package is never reported: its
//     callers live outside the module, where no run can count them.
//
// Declarations in test files, generated files and deprecated ones are
// skipped: a generic test helper, a template's output and code on its way
// out are not design choices a reviewer asks to undo.
//
// singleinst is off by default; enable it in riskvet.toml (enable =
// ["singleinst"]) or with -checks. On the Go standard library (its
// packages without tests) it reports 9 generics, most of them generic by
// nature rather than by excess: containers (a ring buffer, a small map),
// a constructor of one, a helper that passes a value of any type through
// (2 of the 9 judged true, bench/judged/go-singleinst.tsv); on samber/lo,
// samber/mo, golang.org/x/exp, ent and pie in the standalone command it
// reports none. It is a review aid for code a team owns, not a default.
//
// The false-positive trade-off: a generic written ahead of its second use,
// or kept generic to state a property (a constraint as documentation), is
// reported; with -tests=false a generic whose second instantiation is in a
// test is reported too. The check never guesses about code it cannot see,
// so it misses exported generics of public packages entirely.
//
// Generated files are skipped in every mode, as by all of riskvet's own
// analyzers; -singleinst.generated includes them.
package singleinst
