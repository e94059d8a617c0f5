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

// Used as a type argument it is a name, one word to the reader, like a
// defined type's: Opt[Opt[Three]] is depth 2, silent (expand mode makes it
// 5). Counting such a name as a level was noise on real code (fp-go's
// BreakerState, an alias of an Either instantiation, 3 findings of 5).
var viaAlias Opt[Opt[Three]]

// Three levels written around it are still three.
var overAlias Opt[Opt[Opt[Three]]]

// A fourth written level is reported.
var overWritten Opt[Opt[Opt[Opt[Three]]]] // want `^generic nesting depth 4 exceeds 3 in Opt\[Opt\[Opt\[Opt\[Three\]\]\]\] \(Opt → Opt → Opt → Opt\); name an intermediate type$`

// An alias of a type with no instantiation in it counts 0, as its name
// does.
type Number = int

var number Opt[Opt[Opt[Number]]]

// An alias of a slice of a generic type is a name too: 0.
type Opts = []Opt[int]

var opts Opt[Opt[Opt[Opts]]]

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

// A dependency's alias is a name at the use: dep.IntSliceFlag is a
// depth-2 instantiation behind one word, which the user cannot rename.
var flags Opt[Opt[Opt[dep.IntSliceFlag]]]

var fewerFlags Opt[Opt[dep.IntSliceFlag]]

// A dependency's generic alias counts one level per instantiation.
var depSeq dep.Seq[dep.Seq[Opt[int]]]

// Function instantiation brackets still add nothing; the alias argument
// counts its one level: Id[Opt[Opt[Three]]] names a function, silent.
func Id[T any](v T) T { return v }

var _ = Id[Opt[Opt[Three]]]
