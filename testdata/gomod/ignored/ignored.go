// Package ignored suppresses findings with //lint:ignore directives.
package ignored

type Opt[T any] struct{ V T }

type List[T any] []T

//lint:ignore genericdepth the wire format fixes this shape
var Suppressed Opt[List[Opt[List[int]]]]

// A directive without a reason suppresses nothing and is itself reported.
//
//lint:ignore genericdepth
var Unexplained Opt[List[Opt[List[int]]]]
