// Package deep nests generic instantiations to known depths.
package deep

type Opt[T any] struct{ V T }

type Pair[A, B any] struct {
	A A
	B B
}

type List[T any] []T

type Map[K comparable, V any] map[K]V

// Index nests four levels: reported at the default -genericdepth.max=3.
var Index Map[string, List[Pair[int, Opt[string]]]]

// Shallow nests three levels, the default limit: not reported.
var Shallow List[Pair[int, Opt[string]]]

// Deeper nests five levels: reported even at -genericdepth.max=4.
var Deeper Opt[Map[string, List[Pair[int, Opt[string]]]]]
