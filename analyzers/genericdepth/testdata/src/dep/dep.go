// Package dep declares generic types used from other fixtures.
package dep

type Opt[T any] struct{ V T }

type Pair[A, B any] struct {
	A A
	B B
}

// Deep3 is an exported alias of a depth-3 type; its declaration is at the
// limit, so it is silent here.
type Deep3 = Opt[Opt[Opt[int]]]

// Base is a generic type a dependency names through aliases, as a CLI
// library names its flag kinds.
type Base[T any, C any] struct {
	V T
	C C
}

// IntSliceFlag is an alias of a depth-2 instantiation: one name, one level
// where it is used.
type IntSliceFlag = Base[[]int64, Opt[int]]

// Seq is a dependency's generic alias.
type Seq[T any] = func(yield func(T) bool)
