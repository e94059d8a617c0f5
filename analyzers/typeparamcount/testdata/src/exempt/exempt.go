// Package exempt holds declarations that must stay silent.
package exempt

// The standard library's longest list, maps.EqualFunc's, is at the limit.
func EqualFunc[M1 ~map[K]V1, M2 ~map[K]V2, K comparable, V1, V2 any](m1 M1, m2 M2, eq func(V1, V2) bool) bool {
	return false
}

// An arity family: each member's list grows with its number by design.
func Zip5[A, B, C, D, E any]()       {}
func Zip6[A, B, C, D, E, F any]()    {}
func Zip7[A, B, C, D, E, F, G any]() {}

type Tuple6[A, B, C, D, E, F any] struct{}
type Tuple2[A, B any] struct{}
