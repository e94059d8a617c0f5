package ssafirst

type T struct{ x int }

// nilness reads the shared SSA form, nilfunc does not: both report.
func f(p *T) {
	if p == nil {
		p.x = 1 // nil dereference in field selection
	}
	if f == nil { // a declared function is never nil (nilfunc, and nilness)
		println()
	}
}

// SA4023 reads the same form as nilness: both report the comparison.
func g() {
	var p *T
	var e any = p
	if e == nil { // never true: e holds a *T
		println(e)
	}
}
