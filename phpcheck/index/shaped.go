package index

import "strings"

// ShapeOwner is the kind of declaration DeclaresShape asks about.
type ShapeOwner string

// The declarations that can give a value an array shape.
const (
	ShapeFunction ShapeOwner = "function" // its @return or an assertion tag
	ShapeMethod   ShapeOwner = "method"   // its @return
	ShapeProperty ShapeOwner = "property" // its @var, or the class's @property tag
)

// shapeOwners holds, by kind, the lowercase short names (a function's
// without its namespace, a property's without its $) of the declarations
// whose documented type may be an array shape.
type shapeOwners map[ShapeOwner]map[string]bool

// DeclaresShape reports whether some function, method or property named
// name, in any namespace or class, documents a type that may be an array
// shape: one with braces or a non-empty list, an assertion of one, or,
// in a class that declares type aliases, a bare name that may be one of
// them. A check that learns keys only from such declarations asks it of
// the names a file uses, and can skip a file that uses none; the answer
// errs on the side of true.
func (ix *Index) DeclaresShape(kind ShapeOwner, name string) bool {
	if ix == nil {
		return false
	}
	ix.record(LookupShape, name, string(kind))
	return ix.shaped[kind][strings.ToLower(name)]
}

// collectShaped fills ix.shaped from its tables.
func (ix *Index) collectShaped() {
	ix.shaped = shapeOwners{ShapeFunction: {}, ShapeMethod: {}, ShapeProperty: {}}
	for _, fn := range ix.funcs {
		shaped := mayBeShapeText(fn.ArrayDoc, false)
		for i := range fn.Asserts {
			shaped = shaped || mayBeShapeText(fn.Asserts[i].Type.Text, false)
		}
		if shaped {
			name := fn.Name[strings.LastIndexByte(fn.Name, '\\')+1:]
			ix.shaped[ShapeFunction][strings.ToLower(name)] = true
		}
	}
	for _, e := range ix.classes {
		aliases := false
		for _, s := range e.Shapes {
			aliases = aliases || !strings.HasPrefix(s.Name, "$")
		}
		for i := range e.Methods {
			if m := &e.Methods[i]; mayBeShapeText(m.ArrayDoc, aliases) {
				ix.shaped[ShapeMethod][strings.ToLower(m.Name)] = true
			}
		}
		for _, s := range e.Shapes {
			if p, ok := strings.CutPrefix(s.Name, "$"); ok && mayBeShapeText(s.Type, aliases) {
				ix.shaped[ShapeProperty][strings.ToLower(p)] = true
			}
		}
	}
}

// mayBeShapeText reports whether a documented type may be an array shape
// (see DeclaresShape); with aliases, a bare name may be a type alias.
func mayBeShapeText(t string, aliases bool) bool {
	if t == "" {
		return false
	}
	return strings.Contains(t, "{") || strings.Contains(t, "non-empty") || aliases && MayBeShape(t)
}
