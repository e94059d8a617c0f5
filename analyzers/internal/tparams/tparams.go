// Package tparams holds the type walks riskvet's generics analyzers share:
// where a type parameter occurs in a type, and whether a type mentions any
// type parameter at all.
package tparams

import "go/types"

// Count returns how many times a type satisfying match occurs in t. It
// looks into aliases' and named types' type arguments, composite types,
// signatures, struct fields, interface methods and embedded types, and
// union terms; a named type's underlying type is behind its name and is not
// walked, so recursive types terminate.
func Count(t types.Type, match func(types.Type) bool) int {
	if t == nil {
		return 0
	}
	if match(t) {
		return 1
	}
	n := 0
	switch t := t.(type) {
	case *types.Alias:
		if args := t.TypeArgs(); args.Len() > 0 {
			for a := range args.Types() {
				n += Count(a, match)
			}
			return n
		}
		return Count(types.Unalias(t), match)
	case *types.Named:
		for a := range t.TypeArgs().Types() {
			n += Count(a, match)
		}
	case *types.Pointer:
		n = Count(t.Elem(), match)
	case *types.Slice:
		n = Count(t.Elem(), match)
	case *types.Array:
		n = Count(t.Elem(), match)
	case *types.Chan:
		n = Count(t.Elem(), match)
	case *types.Map:
		n = Count(t.Key(), match) + Count(t.Elem(), match)
	case *types.Signature:
		n = tuple(t.Params(), match) + tuple(t.Results(), match)
	case *types.Tuple:
		n = tuple(t, match)
	case *types.Struct:
		for f := range t.Fields() {
			n += Count(f.Type(), match)
		}
	case *types.Interface:
		// An interface literal can refer to itself only through a named
		// type, which stops the walk above.
		for m := range t.ExplicitMethods() {
			n += Count(m.Type(), match)
		}
		for e := range t.EmbeddedTypes() {
			n += Count(e, match)
		}
	case *types.Union:
		for term := range t.Terms() {
			n += Count(term.Type(), match)
		}
	}
	return n
}

func tuple(t *types.Tuple, match func(types.Type) bool) int {
	n := 0
	for v := range t.Variables() {
		n += Count(v.Type(), match)
	}
	return n
}

// Occurrences returns how many times the type parameter tp occurs in t.
func Occurrences(t types.Type, tp *types.TypeParam) int {
	return Count(t, func(u types.Type) bool { return u == tp })
}

// Generic reports whether t mentions any type parameter: a type argument
// list that does is not a concrete instantiation but one that another
// generic's own instantiations decide.
func Generic(t types.Type) bool {
	return Count(t, func(u types.Type) bool { _, ok := u.(*types.TypeParam); return ok }) > 0
}
