package undefinedindex

import (
	"testing"

	sigs "github.com/riskvet/riskvet/phpcheck/builtin"
)

// TestBuiltinsInTable keeps this check's entries, which say what keys a
// built-in's array may lack, tied to phpcheck/builtin's signature table,
// which says what the built-in takes: each entry names a function of the
// table, and its by-reference output is a by-reference parameter there.
func TestBuiltinsInTable(t *testing.T) {
	for name, b := range builtins {
		fn := sigs.Function(name)
		if fn == nil {
			t.Errorf("%s is not in phpcheck/builtin's table", name)
			continue
		}
		if b.maxArgs > len(fn.Params) && !fn.Params[len(fn.Params)-1].Variadic {
			t.Errorf("%s: maxArgs %d, but it takes %d parameters", name, b.maxArgs, len(fn.Params))
		}
		if b.out > 0 && (b.out > len(fn.Params) || !fn.Params[b.out-1].ByRef) {
			t.Errorf("%s: argument %d is not by reference in the table", name, b.out)
		}
	}
}
