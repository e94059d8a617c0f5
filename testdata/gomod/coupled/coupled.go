// Package coupled has a type parameter whose constraint binds two others.
package coupled

// NewStore's M refers to K and V: reported at the default
// -constraintcoupling.max=1.
func NewStore[K comparable, V any, M interface{ Get(K) V }](m M) M { return m }

// Clip uses a structural constraint, the idiom of package slices: not
// reported.
func Clip[S ~[]E, E any](s S) S { return s[:len(s):len(s)] }
