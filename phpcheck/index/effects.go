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
// taken from its callees, and one that a callee may null without setting
// it again is not taken from the method's own assignments.
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
	own := map[string]bool{}
	for _, p := range m.Summary.Sets {
		own[p] = true
	}
	sub := map[string]bool{}
	for _, c := range m.Summary.Calls {
		class, name := obj, c
		if n, ok := strings.CutPrefix(c, "parent::"); ok {
			class, name = decl.Parent, n
		}
		one := map[string]bool{}
		ix.sets(obj, class, name, depth+1, one)
		// A callee that may null a property without setting it again
		// may undo what this body set, before or after the call.
		if callee, _ := ix.Method(class, name); callee != nil {
			for _, p := range callee.Summary.MayNull {
				if !one[p] {
					delete(own, p)
				}
			}
		}
		for p := range one {
			sub[p] = true
		}
	}
	for p := range own {
		out[p] = true
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
// marked #[Before] or @before, those a PHPBench BeforeMethods names, and
// the names in lifecycle) assigns it a
// non-null value on every normal path (see Sets), and no other method of
// the class, its parents or their traits may assign it null. Such a
// property is non-null wherever an initialised object is used.
func (ix *Index) Initializer(class, prop string, lifecycle []string) string {
	p, _ := ix.Property(class, prop)
	if p == nil || p.Static {
		return ""
	}
	inits := ix.initializers(class, lifecycle)
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
	ix.eachClass(class, func(c *Class) {
		for i := range c.Methods {
			m := &c.Methods[i]
			if !nulled && slices.Contains(m.Summary.MayNull, prop) && !slices.ContainsFunc(inits, func(n string) bool { return strings.EqualFold(n, m.Name) }) {
				nulled = true
			}
		}
	})
	if nulled {
		return ""
	}
	return by
}

// IsInitializer reports whether method runs before the other methods of
// class: the constructor or a lifecycle method (see Initializer).
func (ix *Index) IsInitializer(class, method string, lifecycle []string) bool {
	return slices.ContainsFunc(ix.initializers(class, lifecycle), func(n string) bool { return strings.EqualFold(n, method) })
}

// initializers returns the constructor and the lifecycle methods of
// class: PHPUnit's setUp, the methods marked #[Before] or @before, the
// methods a PHPBench BeforeMethods names, and lifecycle.
func (ix *Index) initializers(class string, lifecycle []string) []string {
	inits := append([]string{"__construct", "setUp"}, lifecycle...)
	add := func(name string) {
		if !slices.ContainsFunc(inits, func(n string) bool { return strings.EqualFold(n, name) }) {
			inits = append(inits, name)
		}
	}
	ix.eachClass(class, func(c *Class) {
		for _, name := range c.Before {
			add(name)
		}
		for i := range c.Methods {
			if c.Methods[i].Summary.Before {
				add(c.Methods[i].Name)
			}
		}
	})
	return inits
}

// eachClass calls f with class, its parents and the traits they use.
func (ix *Index) eachClass(class string, f func(*Class)) {
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
		f(c)
		for _, t := range c.Traits {
			walk(t, depth+1)
		}
		walk(c.Parent, depth+1)
	}
	walk(class, 0)
}
