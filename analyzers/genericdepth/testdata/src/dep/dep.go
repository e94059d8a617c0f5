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
