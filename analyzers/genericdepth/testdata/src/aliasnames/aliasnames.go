// Package aliasnames checks the default -genericdepth.aliases=names: an
// alias is a name, like a defined type. Its instantiation counts one level,
// and its right-hand side is measured once, at its declaration.
package aliasnames

import "dep"

type Opt[T any] struct{ v T }

type Either[E, A any] struct {
	e E
	a A
}

type Seq[T any] func(yield func(T) bool)

// A local alias of a depth-3 type: its declaration is at the limit, silent.
type Three = Opt[Opt[Opt[int]]]

// Used as a type argument it counts one level, as the reader sees it:
// Opt[Opt[Three]] is depth 3, silent (expand mode makes it 5).
var viaAlias Opt[Opt[Three]]

// Two more levels written around it are reported, with the alias in the
// chain.
var overAlias Opt[Opt[Opt[Three]]] // want `^generic nesting depth 4 exceeds 3 in Opt\[Opt\[Opt\[Three\]\]\] \(Opt → Opt → Opt → Three\); name an intermediate type$`

// An alias of a type with no instantiation in it counts 0, as its name
// does.
type Number = int

var number Opt[Opt[Opt[Number]]]

// An alias of a slice of a generic type stands for an instantiation: 1.
type Opts = []Opt[int]

var opts Opt[Opt[Opt[Opts]]] // want `depth 4 exceeds 3 in Opt\[Opt\[Opt\[Opts\]\]\] \(Opt → Opt → Opt → Opts\)`

// A generic alias, the vocabulary of a functional library: its
// instantiation counts one level whatever it stands for.
type SeqEither[E, A any] = Seq[Either[E, A]]

// Flatten's signature nests the alias in itself: depth 2 as written (4 in
// expand mode), silent.
func Flatten[E, A any](mma SeqEither[E, SeqEither[E, A]]) SeqEither[E, A] { return nil }

// Four instantiations written in a row are still four.
var fourAliases SeqEither[error, SeqEither[error, SeqEither[error, SeqEither[error, int]]]] // want `depth 4 exceeds 3 in SeqEither\[error, SeqEither\[error, SeqEither\[error, SeqEither\[error, int\]\]\]\] \(SeqEither → SeqEither → SeqEither → SeqEither\)`

// An alias declaration is measured at its right-hand side; the declaration
// already names the type, so the advice is to name an inner level.
type Deep = Opt[Opt[Opt[Opt[int]]]] // want `^generic nesting depth 4 exceeds 3 in Opt\[Opt\[Opt\[Opt\[int\]\]\]\] \(Opt → Opt → Opt → Opt\); name one of its inner levels$`

// and its uses count one level, never its four again.
var useOfDeep Opt[Deep]

// The same for a defined type's declaration, parentheses aside.
type DeepDefined (Opt[Opt[Opt[Opt[int]]]]) // want `; name one of its inner levels$`

// A dependency's alias counts one level at the use: dep.IntSliceFlag is a
// depth-2 instantiation behind one name.
var flags Opt[Opt[Opt[dep.IntSliceFlag]]] // want `depth 4 exceeds 3 in Opt\[Opt\[Opt\[dep\.IntSliceFlag\]\]\] \(Opt → Opt → Opt → dep\.IntSliceFlag\)`

var fewerFlags Opt[Opt[dep.IntSliceFlag]]

// A dependency's generic alias counts one level per instantiation.
var depSeq dep.Seq[dep.Seq[Opt[int]]]

// Function instantiation brackets still add nothing; the alias argument
// counts its one level: Id[Opt[Opt[Three]]] names a function, silent.
func Id[T any](v T) T { return v }

var _ = Id[Opt[Opt[Three]]]
