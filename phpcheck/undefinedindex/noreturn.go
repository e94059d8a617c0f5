package undefinedindex

import (
	"strings"

	"github.com/VKCOM/php-parser/pkg/ast"

	"github.com/riskvet/riskvet/phpcheck/index"
)

// exitsByName are the functions taken never to return although the index
// cannot show it: WordPress's wp_die ends in a call of the handler a
// filter picks, and every handler WordPress ships exits (its test suite's
// throws). A site whose own handler returns would have findings hidden
// after wp_die and the wp_send_json_error family, never new ones.
var exitsByName = map[string]bool{"wp_die": true}

// maxExitDepth bounds the chain of helpers followed to a call that never
// returns (wp_send_json_error calls wp_send_json, which calls wp_die).
const maxExitDepth = 8

// exits reports whether the call e never returns: its callee, a named
// function or a method of $this, self, static or parent, is one the index
// marks so (a never type, a body that always exits or throws), or one of
// exitsByName, or a function whose every path ends so or in a call of
// such a function.
func (w *domain) exits(e ast.Vertex) bool {
	if w.pass.Index == nil {
		return false
	}
	var fn *index.Func
	switch e := e.(type) {
	case *ast.ExprFunctionCall:
		if fn = w.function(e.Function); fn == nil {
			return exitsByName[strings.ToLower(strings.TrimPrefix(funcName(e.Function), `\`))]
		}
	case *ast.ExprMethodCall:
		if v, ok := varName(e.Var); ok && v == "$this" {
			fn = w.method(w.class(), e.Method)
		}
	case *ast.ExprStaticCall:
		switch w.sc.Names().Class(e.Class) {
		case "self", "static":
			fn = w.method(w.class(), e.Call)
		case "parent":
			fn = w.method(w.parent(), e.Call)
		}
	}
	return fn != nil && w.noReturn(fn, 0)
}

// method returns the method of class named by the identifier m, or nil.
func (w *domain) method(class string, m ast.Vertex) *index.Func {
	id, ok := m.(*ast.Identifier)
	if !ok || class == "" || w.pass.Index == nil {
		return nil
	}
	fn, _ := w.pass.Index.Method(class, string(id.Value))
	return fn
}

// noReturn reports whether fn never returns (see exits).
func (w *domain) noReturn(fn *index.Func, depth int) bool {
	if fn.NoReturn || exitsByName[strings.ToLower(fn.Name)] {
		return true
	}
	if len(fn.EndsIn) == 0 || depth >= maxExitDepth {
		return false
	}
	for _, cands := range fn.EndsIn {
		// The first candidate declared is the one PHP calls.
		var callee *index.Func
		for c := range strings.SplitSeq(cands, ",") {
			if callee = w.pass.Index.Function(c); callee != nil {
				break
			}
		}
		if callee == nil || !w.noReturn(callee, depth+1) {
			return false
		}
	}
	return true
}
