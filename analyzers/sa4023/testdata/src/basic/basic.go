package basic

type myError struct{}

func (*myError) Error() string { return "" }

func typedNil() bool {
	var p *myError
	var err error = p
	return err != nil // want `^this comparison is always true$`
}

func pointer() bool {
	var err error = &myError{}
	return err == nil // want `^this comparison is never true$`
}

// Both branches store the same typed value.
func branches(cond bool, p *myError) bool {
	var err error = p
	if cond {
		println()
	}
	return err != nil // want `^this comparison is always true$`
}

// An untyped nil may reach the comparison: not reported.
func mixed(cond bool, p *myError) bool {
	var err error
	if cond {
		err = p
	}
	return err != nil
}

// A parameter's interface value may be nil.
func param(err error) bool {
	return err != nil
}

// A type parameter with a type list is never an interface.
func listed[T ~int | ~string](v T) bool {
	var x any = v
	return x != nil // want `^this comparison is always true$`
}

// A type parameter with methods only may be an interface type, whose nil
// stays nil in x.
func methods[T error](v T) bool {
	var x any = v
	return x != nil
}

// nil on the left is not considered, as in staticcheck.
func swapped() bool {
	var err error = &myError{}
	return nil == err
}

// A package-level initializer is checked too.
var _ = func() bool {
	var err error = &myError{}
	return err == nil // want `^this comparison is never true$`
}()
