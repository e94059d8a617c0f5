package basic

import "io"

type A interface{ M() int }

type B interface{ M() string }

type C interface {
	M() int
	N()
}

type G[T any] interface{ M() T }

type impl struct{}

func (impl) M() int { return 0 }

func commaOk(a A) bool {
	_, ok := a.(B) // want `impossible type assertion; A and B contradict each other:\n\twrong type for M method\n\t\thave func\(\) int\n\t\twant func\(\) string`
	return ok
}

func single(a A) B {
	return a.(B) // want `impossible type assertion; A and B contradict each other`
}

// A package-level initializer is checked too.
var _, _ = A(impl{}).(B) // want `impossible type assertion`

func literal(a A) func() {
	return func() {
		_ = a.(B) // want `impossible type assertion`
	}
}

// The methods agree: C may hold a value of type A.
func compatible(a A) bool {
	_, ok := a.(C)
	return ok
}

// No method in common: a type may implement both.
func unrelated(a A) bool {
	_, ok := a.(io.Reader)
	return ok
}

// A generic method's signature needs unification to compare: not decided.
func generic(a A) bool {
	_, ok := a.(G[string])
	return ok
}

// An assertion to a concrete type is the compiler's to reject.
func concrete(a A) bool {
	_, ok := a.(impl)
	return ok
}

// A type switch is not an assertion expression (ifaceassert covers it).
func typeSwitch(a A) int {
	switch a.(type) {
	case B:
		return 1
	}
	return 0
}
