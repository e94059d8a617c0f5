// Package zero is checked with -constraintcoupling.max=0: any reference to
// another type parameter is reported, and the message uses the singular.
package zero

func Keyed[K comparable, E interface{ Key() K }](e E) {} // want `^type parameter E's constraint couples 1 other type parameter \(K\); max is 0$`

// Structural terms and self-references stay silent even at 0.
func Clone[S ~[]E, E any](s S) S { return s }

func Sort[T interface{ Less(T) bool }](s []T) {}
