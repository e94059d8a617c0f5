package undefinedindex

import (
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/VKCOM/php-parser/pkg/ast"

	"github.com/riskvet/riskvet/phpcheck/internal/flow"
)

// A key is a normalized array key: "s:name" for a string, "i:5" for an
// integer. PHP turns a canonical decimal string key ("5") into the integer
// 5, and so does key.
type key string

func strKey(s string) key {
	if n, err := strconv.ParseInt(s, 10, 64); err == nil && strconv.FormatInt(n, 10) == s {
		return intKey(n)
	}
	return key("s:" + s)
}

func intKey(n int64) key { return key("i:" + strconv.FormatInt(n, 10)) }

// String formats k as PHP source: 'name' or 5.
func (k key) String() string {
	if v, ok := strings.CutPrefix(string(k), "s:"); ok {
		return "'" + strings.ReplaceAll(strings.ReplaceAll(v, `\`, `\\`), `'`, `\'`) + "'"
	}
	return strings.TrimPrefix(string(k), "i:")
}

// slot names one key of one variable, as a guard is stored: "$_GET" + key.
type slot struct {
	name string
	key  key
}

// state is what is known at one point of a function body.
type state struct {
	// guards holds the keys known to exist on every path to this point.
	guards map[slot]bool
	// arrays maps a variable to its shape, when known; a variable not in
	// it is unknown and never reported. Shapes are shared between states
	// and copied before a write.
	arrays map[string]*shape
	// results maps a variable to the call whose result it holds, when
	// that result proves keys (`$ok = preg_match(..., $m); if ($ok)`).
	results map[string]*ast.ExprFunctionCall
	// flags maps a variable to the facts of the test whose result it
	// holds (`$ok = count($p) === 2;`), until it or a variable the facts
	// name is written.
	flags map[string]*facts
	// refs holds the pairs of variables bound by reference (`$data =
	// &$_POST` adds [$data, $_POST]) on some path to this point, true
	// when on every path: a write that can drop keys of one (unset,
	// reassignment) drops the guards of both where the pair may hold; a
	// guard made by one name holds for the other where it must.
	refs map[[2]string]bool
	// implied holds the guards that hold where a variable is found to be
	// none of some values (see correlated.go).
	implied map[implication]bool
	// dead reports that no path reaches this point (after a return).
	dead bool
}

func newState() *state {
	return &state{guards: map[slot]bool{}, arrays: map[string]*shape{}}
}

func (s *state) clone() *state {
	return &state{guards: maps.Clone(s.guards), arrays: maps.Clone(s.arrays), results: maps.Clone(s.results), flags: maps.Clone(s.flags), refs: maps.Clone(s.refs), implied: maps.Clone(s.implied), dead: s.dead}
}

// cow is a state as the facts of phpcheck/internal/flow's walk: the walker
// clones its facts at every branch and loop pass, most clones are never
// changed, and a state's copy copies its maps, so clones share the state
// until one of them is changed (see own).
type cow struct {
	s *state
	// shared reports whether another cow may hold s.
	shared bool
}

func (c *cow) Clone() flow.Facts {
	c.shared = true
	return &cow{s: c.s, shared: true}
}

func (c *cow) Join(o flow.Facts) flow.Facts { return &cow{s: merge(c.s, o.(*cow).s)} }

func (c *cow) Equal(o flow.Facts) bool { return c.s.equal(o.(*cow).s) }

// own returns the state for a change, copied first when shared.
func (c *cow) own() *state {
	if c.shared {
		c.s = c.s.clone()
		c.shared = false
	}
	return c.s
}

// equal reports whether s and t hold the same facts, which ends a loop's
// passes.
func (s *state) equal(t *state) bool {
	if s.dead != t.dead || len(s.guards) != len(t.guards) || len(s.arrays) != len(t.arrays) || len(s.results) != len(t.results) || len(s.refs) != len(t.refs) || len(s.implied) != len(t.implied) {
		return false
	}
	for imp := range s.implied {
		if !t.implied[imp] {
			return false
		}
	}
	for r, must := range s.refs {
		if other, ok := t.refs[r]; !ok || other != must {
			return false
		}
	}
	for g := range s.guards {
		if !t.guards[g] {
			return false
		}
	}
	for n, sh := range s.arrays {
		if t.arrays[n] != sh {
			return false
		}
	}
	for n, c := range s.results {
		if t.results[n] != c {
			return false
		}
	}
	return true
}

// with returns a copy of s in which the given guards hold.
func (s *state) with(facts []slot) *state {
	c := s.clone()
	for _, f := range facts {
		if f == never {
			c.dead = true
			continue
		}
		c.guards[f] = true
	}
	c.applyImplications()
	return c
}

// never is the fact of a condition that cannot hold: a test that an
// array known to be empty is truthy. The branch it guards is dead.
var never = slot{key: "never"}

// merge returns the state where paths a and b join: a guard holds if it
// holds on both, a key may exist if it may on either, and an array is known
// only if it is known on both.
func merge(a, b *state) *state {
	switch {
	case a.dead:
		return b.clone()
	case b.dead:
		return a.clone()
	}
	m := newState()
	for g := range a.guards {
		if b.guards[g] {
			m.guards[g] = true
		}
	}
	for n, ka := range a.arrays {
		kb, ok := b.arrays[n]
		if !ok {
			continue
		}
		if j := join(ka, kb); j != nil {
			m.arrays[n] = j
		}
	}
	for n, c := range a.results {
		if b.results[n] == c {
			if m.results == nil {
				m.results = map[string]*ast.ExprFunctionCall{}
			}
			m.results[n] = c
		}
	}
	// An implication holds where it held on both paths, or on one path
	// and the other has its guard; new ones come from guards one path
	// lacks.
	for _, p := range [][2]*state{{a, b}, {b, a}} {
		for imp := range p[0].implied {
			if p[1].implied[imp] || p[1].guards[imp.guard] {
				if m.implied == nil {
					m.implied = map[implication]bool{}
				}
				m.implied[imp] = true
			}
		}
	}
	m.imply(a, b)
	m.imply(b, a)
	// A reference made on either path may hold: the union; it must where
	// it must on both.
	for _, refs := range []map[[2]string]bool{a.refs, b.refs} {
		for r := range refs {
			if m.refs == nil {
				m.refs = map[[2]string]bool{}
			}
			m.refs[r] = a.refs[r] && b.refs[r]
		}
	}
	for n, fs := range a.flags {
		if b.flags[n] == fs {
			if m.flags == nil {
				m.flags = map[string]*facts{}
			}
			m.flags[n] = fs
		}
	}
	return m
}

// forget makes a variable's shape unknown and drops its guards, those of
// its elements included, after it is reassigned or may have been changed
// behind the check's back.
func (s *state) forget(name string) { s.forgetPath(name) }

// forgetPath is forget for a write that may change the array at path, a
// variable or an element of one ("$a['x']"): the variable's shape becomes
// unknown, and the guards on path's keys and below are dropped, while
// those on the keys above it hold (the write does not remove $a['x']
// itself).
func (s *state) forgetPath(path string) {
	for _, p := range s.bound(path) {
		root := rootName(p)
		delete(s.arrays, root)
		delete(s.results, root)
		s.forgetOwnGuards(p)
		for n, fs := range s.flags {
			if n == root || mentions(fs.t, p) || mentions(fs.f, p) {
				delete(s.flags, n)
			}
		}
	}
}

// bound returns name and the names a reference may bind it to: for
// "$data['k']" after `$data = &$_POST`, "$_POST['k']" too.
func (s *state) bound(name string) []string { return s.named(name, false) }

// aliases returns name and the names a reference binds it to on every
// path.
func (s *state) aliases(name string) []string { return s.named(name, true) }

// named is bound (must false) and aliases (must true).
func (s *state) named(name string, must bool) []string {
	out := []string{name}
	if len(s.refs) == 0 {
		return out
	}
	root := rootName(name)
	rest := name[len(root):]
	for r, always := range s.refs {
		if must && !always {
			continue
		}
		switch root {
		case r[0]:
			out = append(out, r[1]+rest)
		case r[1]:
			out = append(out, r[0]+rest)
		}
	}
	return out
}

// bind records that `alias = &target` made two names of one array: the
// target's known shape is dropped (writes through alias change it unseen),
// its guards kept (a write that can drop a key drops the guards of both).
func (s *state) bind(alias, target string) {
	s.unbind(alias) // alias is rebound: the array it named is not touched
	s.forget(alias)
	for _, name := range s.bound(target) {
		delete(s.arrays, name)
		delete(s.results, name)
	}
	if alias == target || alias == "$this" || target == "$this" {
		return
	}
	if s.refs == nil {
		s.refs = map[[2]string]bool{}
	}
	s.refs[[2]string{alias, target}] = true
}

// mentions reports whether a guard of slots is on name or its elements.
func mentions(slots []slot, name string) bool {
	for _, g := range slots {
		if below(g.name, name) {
			return true
		}
	}
	return false
}

// below reports whether a guard's name is name, one of its elements
// ("$a['k']") or what one of its getters returns ("$a->get()").
func below(g, name string) bool {
	return g == name || strings.HasPrefix(g, name) && len(g) > len(name) && (g[len(name)] == '[' || g[len(name)] == '-')
}

// forgetGuards drops the guards on name's keys and on its elements' keys
// (and those on what its getters return, "$r->after()").
func (s *state) forgetGuards(name string) {
	for _, name := range s.bound(name) {
		s.forgetOwnGuards(name)
	}
}

func (s *state) forgetOwnGuards(name string) {
	for g := range s.guards {
		if below(g.name, name) {
			delete(s.guards, g)
		}
	}
	for imp := range s.implied {
		if below(imp.guard.name, name) || below(imp.v, name) {
			delete(s.implied, imp)
		}
	}
}

// has reports whether key k of name is guarded, by that name or by one
// a reference binds to it on every path.
func (s *state) has(name string, k key) bool {
	if s.guards[slot{name, k}] {
		return true
	}
	if len(s.refs) == 0 {
		return false
	}
	for _, b := range s.aliases(name)[1:] {
		if s.guards[slot{b, k}] {
			return true
		}
	}
	return false
}

// unbind forgets the references of name, when unset or rebound.
func (s *state) unbind(name string) {
	for r := range s.refs {
		if r[0] == name || r[1] == name {
			delete(s.refs, r)
		}
	}
}

// dropGuard drops the guard that name has key k, and those of the names
// bound to it by reference.
func (s *state) dropGuard(name string, k key) {
	for _, name := range s.bound(name) {
		delete(s.guards, slot{name, k})
		for imp := range s.implied {
			if imp.guard == (slot{name, k}) {
				delete(s.implied, imp)
			}
		}
	}
}

// maxProveDepth bounds the levels of a written value whose keys proveKeys
// records.
const maxProveDepth = 4

// proveKeys records as guards the keys that an array of shape sh, just
// stored in name, surely has, and those of its elements down to
// maxProveDepth levels.
func (s *state) proveKeys(name string, sh *shape, depth int) {
	if sh == nil || depth >= maxProveDepth || len(name) > maxNameLen {
		return
	}
	for k, el := range sh.keys {
		if el.maybe || el.unsure {
			continue
		}
		s.guards[slot{name, k}] = true
		s.proveKeys(elemName(name, k), el.sub, depth+1)
	}
}

// elemName names the element of name at key k, as guards on its own keys
// are stored: "$a['k']".
func elemName(name string, k key) string {
	return name + "[" + k.String() + "]"
}

// forgetArrays makes every local array unknown (after extract(), include
// or a variable variable, any local may have changed).
func (s *state) forgetArrays() {
	s.forgetValues()
	clear(s.arrays)
	clear(s.results)
	clear(s.flags)
}

// keyList formats the keys of an array for a message, sorted, at most 8.
func keyList(ks map[key]bool) string {
	if len(ks) == 0 {
		return "it has none"
	}
	var strs []string
	for k := range ks {
		strs = append(strs, k.String())
	}
	slices.Sort(strs)
	more := ""
	if len(strs) > 8 {
		more = fmt.Sprintf(" and %d more", len(strs)-8)
		strs = strs[:8]
	}
	return "keys: " + strings.Join(strs, ", ") + more
}
