package basic

type config struct{ name string }

func eq() bool {
	var c config
	return &c == nil // want `^the address of a variable cannot be nil$`
}

func neq(c config) string {
	if &c.name != nil { // want `^the address of a variable cannot be nil$`
		return c.name
	}
	return ""
}

// A pointer variable may be nil.
func pointer(p *config) bool {
	return p == nil
}

// nil on the left is not the form staticcheck matches.
func swapped() bool {
	var c config
	return nil == &c
}

func parens() bool {
	var c config
	return (&c) == (nil) // want `^the address of a variable cannot be nil$`
}

// A local named nil is not the predeclared one.
func shadowed() bool {
	var c config
	var nil *config
	return &c == nil
}
