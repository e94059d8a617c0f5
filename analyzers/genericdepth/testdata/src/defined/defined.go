// Package defined checks that a defined type resets the depth.
package defined

type Opt[T any] struct{ v T }

type Pair[A, B any] struct {
	a A
	b B
}

type List[T any] struct{ items []T }

// Inventory is the cure the analyzer suggests: a name for a depth-3 type.
type Inventory List[Pair[int, Opt[int]]]

// Opt[Inventory] is depth 1, whatever Inventory's underlying type is.
var cured Opt[Inventory]

var curedDeeper Opt[Opt[Opt[Inventory]]]

// A generic defined type resets too: Box[T]'s underlying depth does not
// leak into its uses.
type Box[T any] Opt[Opt[T]]

var boxed Box[Box[Box[int]]]

var tooManyBoxes Box[Box[Box[Box[int]]]] // want `depth 4 exceeds 3 in Box\[Box\[Box\[Box\[int\]\]\]\]`

// A non-generic struct that holds a deep field is depth 0 where it is used.
type Holder struct{ inv List[Inventory] }

var held Opt[Opt[Opt[Holder]]]
