package nullness

import (
	"github.com/riskvet/riskvet/phpcheck/builtin"
	"github.com/riskvet/riskvet/phpcheck/index"
)

// The engine checks the arguments of PHP's own functions and of the
// methods of its internal classes against phpcheck/builtin's
// table when the index does not resolve a call. Only the arguments: the
// calls' results stay unknown, as for any callee the index does not know,
// so the table adds null arguments and nothing else.

// builtinFunc returns PHP's function a call names when the index knows no
// function of that name: global, the unqualified name a call in a
// namespace falls back to, or full when there is no fallback.
func builtinFunc(full, global string) *index.Func {
	if global != "" {
		return builtin.Function(global)
	}
	return builtin.Function(full)
}

// orBuiltin returns m and cl, or, when the index has no method name on
// class, the method of PHP's internal class that the call reaches: class
// itself, or the nearest ancestor the index does not hold (a user class
// extending Exception inherits its constructor). The class returned names
// the declaring class for messages. A dynamic call's name is "".
func (a *analyzer) orBuiltin(m *index.Func, cl *index.Class, class, name string) (*index.Func, *index.Class) {
	if m != nil || class == "" || name == "" {
		return m, cl
	}
	for depth := 0; depth < 32; depth++ {
		c := a.ix.Class(class)
		if c == nil {
			bm, decl := builtin.Method(class, name)
			if bm == nil {
				return nil, nil
			}
			return bm, builtin.Class(decl)
		}
		if c.Parent == "" {
			return nil, nil
		}
		class = c.Parent
	}
	return nil, nil
}

// paramType returns the type an argument bound to p must have: p's own,
// or each collected argument's for a variadic parameter.
func paramType(p *index.Param) *index.Type {
	if p.Variadic {
		return &p.Each
	}
	return &p.Type
}
