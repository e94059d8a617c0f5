package sa4022

func f() bool {
	var x int
	return &x == nil // want `the address of a variable cannot be nil`
}
