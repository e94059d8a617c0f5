// Package srcfuncs lists the functions of a package's x/tools SSA form
// that staticcheck's IR lists as source functions, for the ports of
// staticcheck's checks onto x/tools' form.
package srcfuncs

import (
	"slices"

	"golang.org/x/tools/go/analysis/passes/buildssa"
	"golang.org/x/tools/go/ssa"
)

// All returns buildssa's source functions (every declared function and
// its literals) followed by the package initializer and its literals,
// which buildssa leaves out and staticcheck's IR includes: package-level
// variables' initializers, and the function literals in them, are checked
// too.
func All(s *buildssa.SSA) []*ssa.Function {
	init := s.Pkg.Func("init")
	if init == nil {
		return s.SrcFuncs
	}
	return slices.Concat(s.SrcFuncs, []*ssa.Function{init}, anons(init))
}

// anons returns fn's function literals, nested ones included.
func anons(fn *ssa.Function) []*ssa.Function {
	var out []*ssa.Function
	for _, a := range fn.AnonFuncs {
		out = append(out, a)
		out = append(out, anons(a)...)
	}
	return out
}
