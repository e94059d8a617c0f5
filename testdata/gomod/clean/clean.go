// Package clean has nothing to report.
package clean

type Opt[T any] struct{ V T }

// Plain nests one level.
var Plain Opt[int]
