package nilfunc

func g() {}

func f() bool {
	return g == nil // want `comparison of function g == nil is always false`
}
