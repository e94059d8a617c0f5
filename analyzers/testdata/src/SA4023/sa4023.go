package sa4023

type myError struct{}

func (*myError) Error() string { return "" }

func f() bool {
	var p *myError
	var err error = p
	return err != nil // want `this comparison is always true`
}
