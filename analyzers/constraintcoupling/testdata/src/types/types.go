// Package types checks generic type declarations.
package types

type Store[K comparable, V any, M interface{ Get(K) V }] struct { // want `type parameter M's constraint couples 2 other type parameters \(K, V\); max is 1`
	m M
}

// Methods do not repeat the finding: receiver type parameters have no
// constraint of their own.
func (s *Store[K, V, M]) Get(k K) V { return s.m.Get(k) }

// Generic interface and alias declarations are type declarations too.
type Registry[K comparable, V any, M interface{ Get(K) V }] interface { // want `type parameter M's`
	Register(M)
}

type Within[K comparable, E interface{ Key() K }] struct{ items []E }

type Alias[K comparable, V any, M interface { // want `type parameter M's`
	Get(K) V
	Put(K, V)
}] = Store[K, V, M]
