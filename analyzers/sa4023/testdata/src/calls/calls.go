// Package calls holds what staticcheck's SA4023 reports and riskvet's port
// does not: comparisons of a call's result, decided by facts about the
// callee.
package calls

type myError struct{}

func (*myError) Error() string { return "" }

// find never returns a nil error, but may return a nil *myError in one.
func find(ok bool) error {
	var p *myError
	if ok {
		p = &myError{}
	}
	return p
}

func caller() bool {
	return find(true) != nil // staticcheck: this comparison is always true
}
