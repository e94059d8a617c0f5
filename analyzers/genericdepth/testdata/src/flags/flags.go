// Package flags is checked with -genericdepth.max=1.
package flags

type Opt[T any] struct{ v T }

var one Opt[int]

var two Opt[Opt[int]] // want `depth 2 exceeds 1 in Opt\[Opt\[int\]\]`
