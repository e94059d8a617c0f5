// Package exempt holds code that must stay silent.
package exempt

type Opt[T any] struct{ v T }

func Id[T any](v T) T { return v }

func Wrap[T any](v T) Opt[T] { return Opt[T]{v} }

func inferred() {
	// Inferred types are never written: the variable's type is depth 4 but
	// nothing deep is spelled out.
	x := Wrap(Wrap(Wrap(Wrap(1))))
	_ = x

	// Explicit instantiation brackets add nothing: Id[D3] names a function
	// over a depth-3 type.
	_ = Id[Opt[Opt[Opt[int]]]]

	// Indexing values is not a type expression.
	m := map[string][]int{}
	_ = m["a"][0]
}

// Slices, maps, pointers, arrays, channels and func types add nothing.
var builtins [][][][]*map[string]chan func() Opt[Opt[Opt[int]]]
