// Package basic holds declarations with more type parameters than the
// default limit.
package basic

func Join[A, B, C, D, E, F any](a A, b B, c C, d D, e E, f F) {} // want `function Join declares 6 type parameters, more than 5`

type Table[K comparable, V, W, X, Y, Z any] struct{} // want `type Table declares 6 type parameters, more than 5`

type Grid[K comparable, V, W, X, Y, Z any] = Table[K, V, W, X, Y, Z] // want `alias Grid declares 6 type parameters, more than 5`

// One number at the end of a name makes no family on its own.
func Merge3[A, B, C, D, E, F any]() {} // want `function Merge3 declares 6 type parameters, more than 5`

// Reported at the type, not again at each method.
func (Table[K, V, W, X, Y, Z]) Get(k K) V { var v V; return v }
