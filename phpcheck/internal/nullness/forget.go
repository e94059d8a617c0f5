package nullness

import (
	"slices"

	"github.com/VKCOM/php-parser/pkg/ast"
)

// forgetNulled forgets, after a call of method on recv (of class class),
// what was known of the properties of recv that the method's body may
// assign null (index.Summary.MayNull): a guard before the call no longer
// holds after it (`if ($o->p !== null) { $o->reset(); take($o->p); }`),
// and a read falls back to the property's declared type. A property the
// method also sets on every path is left to applyEffects. Other calls
// keep their receiver's non-null facts (see invalidate): only a body that
// writes null to the property, as written, undoes a guard, so a null
// written through a helper or a reference is still missed.
func (a *analyzer) forgetNulled(recv ast.Vertex, class string, method ast.Vertex, s *State) {
	id, ok := method.(*ast.Identifier)
	if !ok || class == "" || s.dead || len(s.vars) == 0 || a.silent > 0 {
		return
	}
	a.buf, ok = a.appendKey(a.buf[:0], recv, 0)
	if !ok || !a.knowsBelow(s) {
		return
	}
	m, _ := a.ix.Method(class, string(id.Value))
	if m == nil || len(m.Summary.MayNull) == 0 {
		return
	}
	base := string(a.buf)
	for _, p := range m.Summary.MayNull {
		if !slices.Contains(m.Summary.Sets, p) {
			s.kill(base + "->" + p)
		}
	}
}

// knowsBelow reports whether s proves a property of the path in a.buf
// non-null, the only facts forgetNulled may undo; it allocates nothing.
func (a *analyzer) knowsBelow(s *State) bool {
	n := len(a.buf)
	for _, e := range s.vars {
		if e.v.N == NonNull && len(e.key) > n+2 && e.key[:n] == string(a.buf) && e.key[n:n+2] == "->" {
			return true
		}
	}
	return false
}
