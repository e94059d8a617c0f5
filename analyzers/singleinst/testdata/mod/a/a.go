package a

import "example.com/mod/internal/box"

var X = box.Wrap(1)
var P = box.Pair(1, 2)

// An unexported generic: its package is the whole story.
func twice[T any](v T) [2]T { return [2]T{v, v} }

var T = twice(1.5)
