// Package positions fixes report columns; the test checks them.
package positions

func F[K comparable, V any, M interface{ Get(K) V }]() {} // want `M's`

type T[K comparable,
	V any,
	Mm interface{ Put(K, V) }, // want `Mm's`
] struct{}
