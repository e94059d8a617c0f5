// Package basic holds declarations with more type parameters than the
// default limit.
package basic

func Join[A, B, C, D, E, F, G any](a A, b B, c C, d D, e E, f F, g G) {} // want `function Join declares 7 type parameters, more than 6`

type Table[K comparable, V, W, X, Y, Z, Q any] struct{} // want `type Table declares 7 type parameters, more than 6`

type Grid[K comparable, V, W, X, Y, Z, Q any] = Table[K, V, W, X, Y, Z, Q] // want `alias Grid declares 7 type parameters, more than 6`

// One number at the end of a name makes no family on its own.
func Merge3[A, B, C, D, E, F, G any]() {} // want `function Merge3 declares 7 type parameters, more than 6`

// Two numbered parameters are not a numbered list.
func Fold[A1, A2, B, C, D, E, F any]() {} // want `function Fold declares 7 type parameters, more than 6`

// Reported at the type, not again at each method.
func (Table[K, V, W, X, Y, Z, Q]) Get(k K) V { var v V; return v }
