// Package constraintcoupling defines an Analyzer that reports type
// parameters whose constraints bind other type parameters of the same list
// together.
//
// # Analyzer constraintcoupling
//
// constraintcoupling: report type parameter constraints that couple other type parameters
//
// A constraint whose methods mention other type parameters ties the list
// together: every caller must infer or spell all of them consistently, and a
// mismatch produces an error about the constraint rather than about the
// caller's code. constraintcoupling reports such type parameters:
//
//	func NewMapStore[K comparable, V any, M interface{ Get(K) V }](m M)
//
// Here M refers to K and V, two other type parameters, one more than
// -constraintcoupling.max allows by default (1):
//
//	type parameter M's constraint couples 2 other type parameters (K, V); max is 1
//
// A usual cure is a parameter of interface type, or a named generic
// interface taken as a value:
//
//	type Getter[K comparable, V any] interface{ Get(K) V }
//	func NewMapStore[K comparable, V any](m Getter[K, V])
//
// A type parameter P refers to another type parameter Q of the same list
// when Q appears anywhere in the method signatures of P's constraint: in an
// interface literal (interface{ Get(K) V }), in a named generic interface
// instantiated with Q (M Getter[K, V]), or in an interface embedded in the
// constraint. The constraint's method set is read from the type checker,
// with type arguments substituted, so every spelling counts the same.
//
// Every type parameter on a cycle of such references is reported too, since
// neither can be understood without the other, whatever the limit:
//
//	func Pair[A interface{ Peer() B }, B interface{ Peer() A }]()
//
// Both functions and generic type declarations are checked; a method's
// receiver type parameters are checked once, at the type declaration.
//
// Exemptions, each made so that idiomatic code stays silent:
//
//   - Structural type terms do not count: ~[]E, ~map[K]V, *T, unions and
//     approximation terms are the idioms of the standard library's slices
//     and maps packages (func Clone[S ~[]E, E any](s S) S). They constrain
//     a type's shape, not its behaviour, and type inference fills them in.
//   - A self-reference does not count: T interface{ Less(T) bool } and
//     P Point[P] are the standard way to write F-bounded constraints.
//   - Type parameters of an enclosing declaration cannot be referred to
//     (Go has no generic methods or local generic types), so only the
//     parameters of one list are compared.
//
// The trade-off: a constraint that mentions one other parameter, such as
// E interface{ Key() K }, is accepted at the default limit even though it
// couples two parameters, because it is common and readable. The standard
// library, tests included, has no findings at the default; at
// -constraintcoupling.max=0 it has 4, each coupling exactly one other
// parameter (internal/runtime/gc/internal/gen, crypto/mlkem's tests).
package constraintcoupling
