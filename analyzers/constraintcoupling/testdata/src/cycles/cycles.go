// Package cycles checks that every type parameter on a reference cycle is
// reported, whatever the limit.
package cycles

func Peers[A interface{ Peer() B }, B interface{ Peer() A }]() {} // want `^type parameter A's constraint is on a reference cycle A -> B -> A$` `^type parameter B's constraint is on a reference cycle B -> A -> B$`

// A longer cycle; D points into it but is not on it.
func Ring[A interface{ Next() B }, B interface{ Next() C }, C interface{ Next() A }, D interface{ Next() A }]() { // want `A's constraint is on a reference cycle A -> B -> C -> A` `B's constraint is on a reference cycle B -> C -> A -> B` `C's constraint is on a reference cycle C -> A -> B -> C`
}

// Both rules at once: one finding, naming both.
func Both[K comparable, V any, M interface { // want `^type parameter M's constraint couples 3 other type parameters \(K, V, O\); max is 1, and is on a reference cycle M -> O -> M$`
	Get(K) V
	Owner() O
}, O interface{ Owned() M }]() { // want `O's constraint is on a reference cycle O -> M -> O`
}

// Cycles through named generic interfaces count too.
type Node[E any] interface{ Edges() []E }

type Edge[N any] interface{ From() N }

type Graph[N Node[E], E Edge[N]] struct{} // want `N's constraint is on a reference cycle N -> E -> N` `E's constraint is on a reference cycle E -> N -> E`
