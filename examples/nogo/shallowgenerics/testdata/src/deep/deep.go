// Package deep has instantiations on both sides of the wrapper's limit.
package deep

type Opt[T any] struct{ v T }

// Depth 2 is the wrapper's limit: silent.
var two Opt[Opt[int]]

// Depth 3 is genericdepth's default limit, over the wrapper's.
var three Opt[Opt[Opt[int]]] // want `generic nesting depth 3 exceeds 2 in Opt\[Opt\[Opt\[int\]\]\]`
