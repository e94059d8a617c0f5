// Package exempt holds declarations that must stay silent.
package exempt

// The standard library's longest list, maps.EqualFunc's 5, is under the
// limit, and so is one more.
func EqualFunc[M1 ~map[K]V1, M2 ~map[K]V2, K comparable, V1, V2 any](m1 M1, m2 M2, eq func(V1, V2) bool) bool {
	return false
}

func Six[A, B, C, D, E, F any]() {}

// An arity family: each member's list grows with its number by design.
func Zip7[A, B, C, D, E, F, G any]()    {}
func Zip8[A, B, C, D, E, F, G, H any]() {}

type Tuple7[A, B, C, D, E, F, G any] struct{}
type Tuple2[A, B any] struct{}

// A numbered list spells out a tuple's arity, whatever the name.
func Match[In1, In2, In3, In4, Out1, Out2, Out3, Out4 any]() {}
func Apply[T1, T2, T3, T4, T5, T6, R any]()                  {}

// Deprecated: a deprecated declaration keeps its signature for
// compatibility; nobody reviews it again.
func Old[A, B, C, D, E, F, G any]() {}

// Deprecated: the same for a type.
type OldTable[A, B, C, D, E, F, G any] struct{}
