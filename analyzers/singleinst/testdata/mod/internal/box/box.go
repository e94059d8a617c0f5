// Package box is internal: only its module can instantiate its generics.
package box

// Wrap is instantiated as Wrap[int] by a and by b: one list in the module.
func Wrap[T any](v T) Box[T] { return Box[T]{v} }

// Box is only instantiated with Wrap's type parameter: an open list.
type Box[T any] struct{ V T }

// Pair is instantiated with int in a and with string in b's test.
func Pair[T any](a, b T) [2]T { return [2]T{a, b} }

// Unused: never instantiated.
func Unused[T any](v T) {}
