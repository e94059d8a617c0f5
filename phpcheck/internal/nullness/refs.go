package nullness

import (
	"slices"

	"github.com/VKCOM/php-parser/pkg/ast"
)

// An alias is what `$r = &$o->p;` leaves: $r and $o->p are one value, so a
// write of either changes the other. The binding itself forgets both (see
// eval); aliases make later writes forget too. They are kept per function
// body and never dropped (a write after the binding is rebound is
// forgotten needlessly, which only loses narrowing), and only a variable
// bound to a path counts: references made by foreach, global, static, a
// closure's use or a by-reference parameter are not followed, which misses
// a null written through them.
type alias struct {
	name, path string
}

// bodyRefs is what a body keeps of references: its aliases, its escaped
// locals, and whether all its variables are globals (a file's script).
type bodyRefs struct {
	refs    []alias
	escaped []string
	script  bool
}

// maxAliases bounds the aliases of one function body.
const maxAliases = 16

// bindRef records the alias `lhs = &rhs` makes.
func (a *analyzer) bindRef(lhs, rhs ast.Vertex) {
	a.escape(lhs)
	a.escape(rhs)
	name := varName(lhs)
	if name == "" || len(a.refs) >= maxAliases {
		return
	}
	var ok bool
	a.buf, ok = a.appendKey(a.buf[:0], rhs, 0)
	if !ok || string(a.buf) == name {
		return
	}
	a.refs = append(a.refs, alias{name, string(a.buf)})
}

// writeRef forgets, after a write of key, the paths that are key under
// another name: what a guard proved of them no longer holds. A property
// forgotten falls back to its declared type.
func (a *analyzer) writeRef(key string, s *State) {
	for _, r := range a.refs {
		switch key {
		case r.name:
			s.kill(r.path)
		case r.path:
			s.kill(r.name)
		}
	}
}

// escape records that local e is bound by reference (`$r = &$e`, `[&$e]`,
// `$o->p = &$e`, a closure's `use (&$e)`, `foreach ($xs as &$e)`,
// `global $e`, `static $e`, a by-reference parameter): it may be written under another name, which no write of
// it shows. A clause of it could then outlive its facts, so no clause of
// it is settled for the rest of the body (see analyzer.settle); its own
// facts are kept, as those of the other references are (see alias).
func (a *analyzer) escape(e ast.Vertex) {
	if name := varName(e); relKey(name) && !slices.Contains(a.escaped, name) {
		a.escaped = append(a.escaped, name)
	}
}
