// Package positions fixes report columns; positions_test checks them.
package positions

import "dep"

type Opt[T any] struct{ v T }

var a Opt[Opt[Opt[Opt[int]]]] // want `depth 4`

var b = []dep.Opt[dep.Opt[dep.Opt[dep.Opt[int]]]]{} // want `depth 4`

func f(x, y Opt[int], z Opt[Opt[Opt[Opt[string]]]]) {} // want `depth 4`
