// Package aliases checks that under -genericdepth.aliases=expand aliases,
// generic ones included, are transparent: today's type-level depth.
package aliases

import "dep"

type Opt[T any] struct{ v T }

type Pair[A, B any] struct {
	a A
	b B
}

// An alias of a depth-3 type is depth 3: silent.
type Three = Opt[Opt[Opt[int]]]

// Used as a type argument it adds its 3.
var viaAlias Opt[Three] // want `depth 4 exceeds 3 in Opt\[Three\]`

// A plain use is the aliased type, depth 3: silent. The alias declaration is
// where a too-deep alias is reported, once.
var plainUse Three

// A too-deep alias declaration is reported at its right-hand side.
type Four = Opt[Three] // want `depth 4 exceeds 3 in Opt\[Three\]`

// and its uses are not reported again.
var useOfFour Four

// An alias of an alias is still transparent.
type AlsoThree = Three

var viaAliasOfAlias Pair[int, AlsoThree] // want `depth 4 exceeds 3 in Pair\[int, AlsoThree\]`

// Generic aliases: the instantiation is measured as the type it stands for.
type Wrap[T any] = Opt[Opt[T]]

var genericAlias Wrap[Wrap[int]] // want `depth 4 exceeds 3 in Wrap\[Wrap\[int\]\]`

// Wrap[Opt[int]] is Opt[Opt[Opt[int]]], depth 3: silent.
var genericAliasAtLimit Wrap[Opt[int]]

// A generic alias that drops its argument: Drop[X] is int, depth 0, so
// Opt[Drop[X]] is depth 1 whatever X is. X is still a written type
// expression and is measured on its own.
type Drop[T any] = int

var dropped Opt[Drop[Opt[Opt[Opt[int]]]]]

var droppedDeep Opt[Drop[Opt[Opt[Opt[Opt[int]]]]]] // want `depth 4 exceeds 3 in Opt\[Opt\[Opt\[Opt\[int\]\]\]\]`

// An imported alias of a depth-3 type adds its 3.
var importedAlias Opt[dep.Deep3] // want `depth 4 exceeds 3 in Opt\[dep\.Deep3\] \(Opt → dep\.Opt → dep\.Opt → dep\.Opt\); alias dep\.Deep3 expanded: only a defined type resets the depth$`

// A plain use of the alias is depth 3: silent.
var importedAliasUse dep.Deep3
