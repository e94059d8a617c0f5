// Package exempt holds type parameters that must stay: each ties types
// together or is used in a way an interface cannot express.
package exempt

import (
	"fmt"
	"io"
)

type Stringer interface{ String() string }

// Returned: the caller gets its own type back.
func Same[T Stringer](v T) T { return v }

// Two parameters of one type.
func Both[T Stringer](a, b T) string { return a.String() + b.String() }

// Under a slice: a []T is not a []Stringer.
func All[T Stringer](vs []T) {
	for _, v := range vs {
		fmt.Println(v)
	}
}

// Variadic: the same, a ...T is a []T.
func Each[T Stringer](vs ...T) {}

// Type terms, comparable and any are not plain method sets.
func Num[T ~int | ~int64](v T) {}
func Key[T comparable](v T)    {}
func Anything[T any](v T)      { fmt.Println(v) }
func Mixed[T interface {
	~int
	String() string
}](v T) {
	fmt.Println(v.String())
}

// F-bounded: the method mentions T itself.
func Less[T interface{ Less(T) bool }](v T) bool { return v.Less(v) }

// The body names T.
func Zero[T Stringer](v T) {
	var z T
	_ = z
	fmt.Println(v)
}

// The value instantiates another generic: with an interface, Sink would be
// instantiated with the interface type instead.
func Sink[T any](v T)         {}
func Forward[T Stringer](v T) { Sink(v) }
func Recurse[T Stringer](v T, n int) {
	if n > 0 {
		Recurse(v, n-1)
	}
}

// The value is assigned, has its address taken, or is stored.
func Assign[T Stringer](v T, w T) {}
func Addr[T io.Reader](r T)       { read(&r) }
func Store[T Stringer](v T) []any { return []any{v} }
func Reassign[T Stringer](v T) {
	var s Stringer = v
	_ = s
}

func read(p any) {}

// Never used: usually a compile-time assertion, not an API.
func Implements[T Stringer](T) {}
func Unused[T Stringer](v T)   {}

// Another type parameter's constraint mentions T.
func Pair[T Stringer, P interface{ Get() T }](p P) {}

// Methods: the receiver's type parameters cannot become an interface.
type Box[T Stringer] struct{ v T }

func (b Box[T]) Show(v T) { fmt.Println(v.String()) }

// Deprecated: a deprecated function keeps its signature for compatibility.
func OldPrint[T Stringer](v T) { fmt.Println(v.String()) }

// Used as a value: the caller needs a func(*file), which a func(io.Closer)
// is not, so the type parameter must stay.
type file struct{}

func (*file) Close() error { return nil }

func closeIt[C io.Closer](c C) error { return c.Close() }

func withResource[R any](open func() R, release func(R) error) error { return release(open()) }

var _ = withResource(func() *file { return nil }, closeIt[*file])

func closeAlso[C io.Closer](c C) error { return c.Close() }

var release func(*file) error = closeAlso
