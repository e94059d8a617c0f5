package index

import (
	"slices"
	"strings"
)

// The queries in this file combine method summaries across a class
// hierarchy. They ask only through the public, recorded lookups (Method,
// Property, Class), so a result cached from them is re-computed whenever a
// summary it read changes.

// maxCallDepth bounds how far Sets follows calls of $this's methods.
const maxCallDepth = 8

// Sets returns the properties that calling method on an object of class
// class assigns a non-null value on every normal path: those its body sets
// and those set by the methods of $this it calls on every path
// ($this->init(), parent::__construct()), followed up to a few calls deep.
// A property the method may assign null after one of those calls is not
// taken from its callees.
func (ix *Index) Sets(class, method string) map[string]bool {
	out := map[string]bool{}
	ix.sets(class, class, method, 0, out)
	return out
}

func (ix *Index) sets(obj, class, method string, depth int, out map[string]bool) {
	if depth > maxCallDepth {
		return
	}
	m, decl := ix.Method(class, method)
	if m == nil {
		return
	}
	for _, p := range m.Summary.Sets {
		out[p] = true
	}
	if len(m.Summary.Calls) == 0 {
		return
	}
	sub := map[string]bool{}
	for _, c := range m.Summary.Calls {
		if name, ok := strings.CutPrefix(c, "parent::"); ok {
			ix.sets(obj, decl.Parent, name, depth+1, sub)
		} else {
			ix.sets(obj, obj, c, depth+1, sub)
		}
	}
	for p := range sub {
		if !slices.Contains(m.Summary.NullAfterCall, p) {
			out[p] = true
		}
	}
}

// Initializer returns the name of the method that initialises property
// prop of objects of class class, or "" when there is none. A property is
// initialised when the constructor (resolved through the parents: a
// subclass constructor counts only through what it sets itself or through
// parent::__construct()) or a lifecycle method (PHPUnit's setUp, methods
// marked #[Before] or @before, and the names in lifecycle) assigns it a
// non-null value on every normal path (see Sets), and no other method of
// the class, its parents or their traits may assign it null. Such a
// property is non-null wherever an initialised object is used.
func (ix *Index) Initializer(class, prop string, lifecycle []string) string {
	p, _ := ix.Property(class, prop)
	if p == nil || p.Static {
		return ""
	}
	inits := append([]string{"__construct", "setUp"}, lifecycle...)
	ix.eachMethod(class, func(m *Func) {
		if m.Summary.Before && !slices.Contains(inits, m.Name) {
			inits = append(inits, m.Name)
		}
	})
	by := ""
	for _, name := range inits {
		if ix.Sets(class, name)[prop] {
			by = name
			break
		}
	}
	if by == "" {
		return ""
	}
	nulled := false
	ix.eachMethod(class, func(m *Func) {
		if !nulled && slices.Contains(m.Summary.MayNull, prop) && !slices.ContainsFunc(inits, func(n string) bool { return strings.EqualFold(n, m.Name) }) {
			nulled = true
		}
	})
	if nulled {
		return ""
	}
	return by
}

// eachMethod calls f with every method declared by class, its parents and
// the traits they use.
func (ix *Index) eachMethod(class string, f func(*Func)) {
	seen := map[string]bool{}
	var walk func(name string, depth int)
	walk = func(name string, depth int) {
		key := strings.ToLower(name)
		if name == "" || depth > maxDepth || seen[key] {
			return
		}
		seen[key] = true
		c := ix.Class(name)
		if c == nil {
			return
		}
		for i := range c.Methods {
			f(&c.Methods[i])
		}
		for _, t := range c.Traits {
			walk(t, depth+1)
		}
		walk(c.Parent, depth+1)
	}
	walk(class, 0)
}
