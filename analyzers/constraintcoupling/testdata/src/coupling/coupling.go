// Package coupling checks the count rule.
package coupling

// The example: M's interface literal mentions K and V.
func NewMapStore[K comparable, V any, M interface{ Get(K) V }](m M) {} // want `^type parameter M's constraint couples 2 other type parameters \(K, V\); max is 1$`

// One other parameter is within the default limit.
func Keyed[K comparable, E interface{ Key() K }](e E) {}

// A named generic interface instantiated with the parameters counts the
// same as the literal: its method set is read with K and V substituted.
type Getter[K comparable, V any] interface{ Get(K) V }

func ViaNamed[K comparable, V any, M Getter[K, V]](m M) {} // want `type parameter M's constraint couples 2 other type parameters \(K, V\); max is 1`

// Embedded interfaces count through their methods.
type Putter[K comparable, V any] interface{ Put(K, V) }

func Embedded[K comparable, V any, M interface { // want `type parameter M's constraint couples 2 other type parameters \(K, V\)`
	Putter[K, V]
	Len() int
}](m M) {
}

// Parameters, results, and types nested in maps, slices, pointers and func
// types all count; the list is in declaration order, whatever the order of
// the methods.
func Nested[A, B any, C comparable, M interface { // want `type parameter M's constraint couples 3 other type parameters \(A, B, C\); max is 1$`
	Put(map[C][]*B)
	Get() func() (A, error)
}]() {
}

// Type arguments of other generic types in the signature count.
type Opt[T any] struct{ v T }

func InArgs[K comparable, V any, M interface{ Get(K) Opt[V] }]() {} // want `couples 2 other type parameters \(K, V\)`

// Interface types inside a signature count through their methods.
func InIface[K comparable, V any, M interface{ Visit(interface{ At(K) V }) }]() {} // want `couples 2 other type parameters \(K, V\)`

// Several parameters of one list can each be reported.
func Two[K comparable, V any, M interface{ Get(K) V }, N interface{ Put(K, V) }]() {} // want `type parameter M's` `type parameter N's`
