// Package exempt holds constraints that must stay silent.
package exempt

// Structural type terms are not methods: the slices and maps idioms.
func Clone[S ~[]E, E any](s S) S { return s }

func Keys[M ~map[K]V, K comparable, V any](m M) []K { return nil }

func Chans[C ~chan E | ~<-chan E, E any](c C) {}

func Funcs[F ~func(A) B, A, B any](f F) {}

// Pointer terms: the pointer-method idiom, whose method mentions no other
// parameter.
func Decode[T any, PT interface {
	*T
	UnmarshalText([]byte) error
}](b []byte) (T, error) {
	var v T
	err := PT(&v).UnmarshalText(b)
	return v, err
}

// Unions and approximations with several parameters.
func Union[A ~int | ~string, B ~[]A | ~map[A]A, C interface{ ~[]B | ~[]A }]() {}

// Self-references: F-bounded constraints.
func Sort[T interface{ Less(T) bool }](s []T) {}

type Point[P any] interface{ Add(P, P) P }

func Double[P Point[P]](p P) P { return p.Add(p, p) }

// A self-reference plus one other is one.
func Lookup[K comparable, T interface{ Get(K) T }]() {}

// Constraints that mention no other parameter.
func Plain[A any, B comparable, C interface{ String() string }, D fmtStringer]() {}

type fmtStringer interface{ String() string }

// A one-way chain is not a cycle: A -> B, B -> C.
func Chain[A interface{ Next() B }, B interface{ Next() C }, C any]() {}

// Type parameters of the receiver are not re-checked at each method.
type Box[K comparable, V any] struct{}

func (Box[K, V]) Get(K) V { var v V; return v }
