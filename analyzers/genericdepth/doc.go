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
// Depth is measured as the reader sees it, on what is written:
//
//   - A name counts 0: a type that is not generic, a type parameter, a
//     defined type whatever its underlying type. Opt[Inventory] is depth 1
//     however deep Inventory's own declaration is: a name is looked up
//     once, which is exactly the cure.
//   - An instantiation counts 1 plus the largest depth among its type
//     arguments: Map[K, List[Pair[A, Opt[B]]]] is 4. The instantiation of
//     a generic alias counts the same way, whatever the alias stands for:
//     with SeqEither[E, A] = Seq[Either[E, A]], the signature
//     Flatten(mma SeqEither[E, SeqEither[E, A]]) is depth 2.
//   - An alias is a name, like a defined type. Written without brackets it
//     counts 0, as any name does, however deep the type it stands for (a
//     dependency's IntSliceFlag = FlagBase[[]int64, ...] adds nothing at a
//     use): judged on fp-go, counting such a name as a level gave 3 noise
//     findings of 5. Its right-hand side is measured once, at its
//     declaration, in the alias's own package.
//   - Slices, arrays, maps, pointers, channels, function, struct and
//     interface types add nothing themselves; the generic types inside them
//     still count, so []Opt[Opt[int]] is 2.
//   - Explicit function instantiation brackets, as in Id[T](x), add nothing:
//     they name a function, not a type. Their type arguments are checked
//     like any other type expression.
//
// -genericdepth.aliases=expand measures the types instead, for teams that
// count what an alias hides: aliases, generic ones included, are
// transparent, so an alias of a depth-3 type used as a type argument adds
// its 3, and only a defined type resets the depth. The false-positive
// trade-off differs: names (the default) stays quiet on a library's alias
// vocabulary, whose defined-type cure would break compatibility with the
// library's own types, at the price of missing a nesting an alias hides;
// expand reports that nesting, and with it every idiomatic signature built
// from aliases of aliases.
//
// Every written type expression is checked: variable, field, parameter and
// result types, type declarations, type-parameter constraints, composite
// literals, conversions, type assertions and type switches, explicit
// instantiations, and declarations inside function bodies. Types the
// compiler infers are never written, so they are never reported.
//
// Only the outermost offending instantiation is reported, at its first
// character, never one finding per nested level. The message states the
// depth, the limit, the expression and the chain of its deepest path, the
// names a reader expands one after the other:
//
//	generic nesting depth 4 exceeds 3 in Map[K, List[Pair[A, Opt[B]]]] (Map → List → Pair → Opt); name an intermediate type
//
// An expression longer than 80 characters is quoted with the type
// arguments off the deepest path written as "…", so the quote still shows
// the depth it states; one still too long is cut at 80 characters. The
// advice fits the place: on the right-hand side of a type or alias
// declaration, which already names its type, it is to name one of its
// inner levels; under -genericdepth.aliases=expand, when the expression
// writes an alias, it is that only a defined type resets the depth.
//
// Generated files (a "// Code generated ... DO NOT EDIT." comment before
// the package clause) are skipped unless -genericdepth.generated is set:
// their author is a program, so a finding there cannot be acted on in
// place. The trade-off is a deep type a generator spells out, which goes
// unreported; it is reported where hand-written code names it.
//
// False positives are traded for silence on idiomatic code. The default
// limit of 3 leaves a margin of one level over the standard library, whose
// deepest written instantiations are depth 2 (atomic.Pointer[node[K, V]],
// HashTrieMap[int, weak.Pointer[dummy]]): without tests, 0 findings at
// -genericdepth.max=3 or 2 and 13 at 1 (riskvet -tests=false -checks
// genericdepth -genericdepth.max=N std); TestStdQuiet keeps std and the
// tests of its generic-heavy packages at 0. Reports are made only where a
// generic type is written with brackets, never at a plain name or an
// inferred type, so a deep alias is reported once, at its declaration, and
// a package that uses it is not flooded.
package genericdepth
