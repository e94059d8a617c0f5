package generated

type Opt[T any] struct{ v T }

// A hand-written file of the same package is checked.
var deepHand Opt[Opt[Opt[Opt[int]]]] // want `depth 4 exceeds 3`
