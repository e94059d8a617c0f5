// Package flags is checked with -typeparamcount.max=1.
package flags

func Map[K comparable, V any](m map[K]V) {} // want `function Map declares 2 type parameters, more than 1`

func Id[T any](v T) T { return v }
