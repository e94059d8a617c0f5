// Package flags is checked with -constraintcoupling.max=2.
package flags

func Two[K comparable, V any, M interface{ Get(K) V }]() {}

func Three[A, B, C any, M interface{ F(A, B, C) }]() {} // want `type parameter M's constraint couples 3 other type parameters \(A, B, C\); max is 2`

// Cycles are reported whatever the limit.
func Peers[A interface{ Peer() B }, B interface{ Peer() A }]() {} // want `A's constraint is on a reference cycle` `B's constraint is on a reference cycle`
