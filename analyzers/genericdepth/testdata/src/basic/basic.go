// Package basic checks the depth rule and the message.
package basic

import "dep"

type Opt[T any] struct{ v T }

type Pair[A, B any] struct {
	a A
	b B
}

type List[T any] struct{ items []T }

type Map[K comparable, V any] struct{ m map[K]V }

// Depth 3 is the default limit: silent.
var atLimit Map[string, List[Pair[int, int]]]

var over Map[string, List[Pair[int, Opt[int]]]] // want `^generic nesting depth 4 exceeds 3 in Map\[string, List\[Pair\[int, Opt\[int\]\]\]\] \(Map → List → Pair → Opt\); name an intermediate type$`

// The example, with type parameters as arguments (they count 0).
func Index[K comparable, A, B any](m Map[K, List[Pair[A, Opt[B]]]]) { // want `generic nesting depth 4 exceeds 3 in Map\[K, List\[Pair\[A, Opt\[B\]\]\]\]`
}

// Depth is the deepest argument, not the sum: Pair of two depth-2 types is 3.
var wide Pair[Opt[Opt[int]], Opt[Opt[int]]]

// Deeper still: one finding for the outermost expression, never one per level.
var five Opt[Opt[Opt[Opt[Opt[int]]]]] // want `depth 5 exceeds 3 in Opt\[Opt\[Opt\[Opt\[Opt\[int\]\]\]\]\]`

// Two offending siblings inside a type that is not an instantiation are two
// findings.
var twoArgs func(Opt[Opt[Opt[Opt[int]]]], Opt[Opt[Opt[Opt[string]]]]) // want `depth 4 exceeds 3 in Opt\[Opt\[Opt\[Opt\[int\]\]\]\]` `depth 4 exceeds 3 in Opt\[Opt\[Opt\[Opt\[string\]\]\]\]`

// Built-in composite types add nothing themselves.
var composite []map[string]*[4]chan Opt[Opt[Opt[int]]]

// but the generic types inside them count, through any number of levels.
var insideComposite Opt[[]map[string]*[4]chan Opt[Opt[Opt[int]]]] // want `depth 4 exceeds 3 in Opt\[\[\]map\[string\]\*\[4\]chan Opt\[Opt\[Opt\[int\]\]\]\]`

var insideFunc Opt[func(Opt[Opt[Opt[int]]]) error]       // want `depth 4 exceeds 3`
var insideStruct Opt[struct{ f Opt[Opt[Opt[int]]] }]     // want `depth 4 exceeds 3`
var insideIface Opt[interface{ M() Opt[Opt[Opt[int]]] }] // want `depth 4 exceeds 3`

// Types from another package count the same, written with their qualifier.
var imported dep.Pair[int, dep.Opt[dep.Opt[dep.Opt[int]]]] // want `depth 4 exceeds 3 in dep\.Pair\[int, dep\.Opt\[dep\.Opt\[dep\.Opt\[int\]\]\]\]`

// An imported alias is a name: one level where it is used (the aliases
// fixture has the same lines under -genericdepth.aliases=expand).
var importedAlias Opt[dep.Deep3]

var importedAliasUse dep.Deep3
