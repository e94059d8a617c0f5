package basic

type T struct{ f int }

func maps() int {
	m := make(map[string]int)
	if m == nil { // want `this nil check is never true`
		return 0
	}
	return len(m)
}

func pointers(cond bool) *T {
	p := &T{}
	if cond {
		p = new(T)
	}
	if p != nil { // want `this nil check is always true`
		return p
	}
	return nil
}

func fields() *int {
	var t T
	q := &t.f
	if q == nil { // want `this nil check is never true`
		return nil
	}
	return q
}

// The field of a parameter: the parameter may be nil.
func paramField(t *T) *int {
	q := &t.f
	if q == nil {
		return nil
	}
	return q
}

func slices(a [4]int) []int {
	s := a[:]
	if s == nil { // want `this nil check is never true`
		return nil
	}
	return s
}

func closures() int {
	f := func() int { return 1 }
	if f == nil { // want `the checked variable contains a function and is never nil; did you mean to call it\?`
		return 0
	}
	return f()
}

func named() int { return 1 }

func functions() bool {
	return named != nil
}

func declared() int {
	if named == nil { // want `functions are never nil; did you mean to call it\?`
		return 0
	}
	return named()
}

// A package-level function literal is checked as well.
var _ = func() bool {
	ch := make(chan int)
	if ch == nil { // want `this nil check is never true`
		return false
	}
	return true
}

// One origin may be nil: not reported.
func mixed(cond bool) *T {
	var p *T
	if cond {
		p = &T{}
	}
	if p == nil {
		return nil
	}
	return p
}

// A parameter may be nil.
func param(m map[string]int) bool {
	if m == nil {
		return false
	}
	return true
}

// &x == nil is SA4022's.
func address() bool {
	var t T
	if &t == nil {
		return false
	}
	return true
}

// Only a condition that is the comparison itself is checked.
func compound(cond bool) bool {
	m := make(map[string]int)
	if cond && m == nil {
		return false
	}
	return true
}

// Parentheses do not hide the comparison.
func parens() int {
	m := make(map[string]int)
	if (m) == (nil) { // want `this nil check is never true`
		return 0
	}
	f := func() {}
	if (f) != nil { // want `the checked variable contains a function`
		f()
	}
	var t T
	if (&t) == nil {
		return 2
	}
	return len(m)
}
