// Package basic holds type parameters an interface parameter could replace.
package basic

import (
	"fmt"
	"io"
)

type Stringer interface{ String() string }

func Print[T fmt.Stringer](v T) { // want `type parameter T occurs once, as the type of v, and its constraint fmt.Stringer has 1 method and no type terms: v fmt.Stringer says the same`
	fmt.Println(v.String())
}

// Passing the value where an interface is expected, and method values.
func Log[W io.Writer, S Stringer](w W, s S) { // want `type parameter W occurs once, as the type of w, and its constraint io.Writer has 1 method` `type parameter S occurs once, as the type of s, and its constraint Stringer has 1 method`
	fmt.Fprintln(w, s)
	f := s.String
	_ = f
	_ = any(s)
}

// A constraint written in place, with two methods.
type namedCloser = interface {
	io.Closer
	Name() string
}

func Close[C interface{ namedCloser }](c C) error { // want `type parameter C occurs once, as the type of c, and its constraint interface{namedCloser} has 2 methods`
	fmt.Println(c.Name())
	return c.Close()
}

// Only one of two type parameters is replaceable: K ties the map's keys.
func Lookup[K comparable, S Stringer](m map[K]int, k K, s S) int { // want `type parameter S occurs once`
	return m[k] + len(s.String())
}

// Uses inside a closure count like any other.
func Later[S Stringer](s S) func() string { // want `type parameter S occurs once`
	return func() string { return s.String() }
}
