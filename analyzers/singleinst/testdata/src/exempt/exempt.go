// Package exempt holds generics that must stay silent.
package exempt

// Two lists.
func pick[T any](a, b T) T { return a }

// Never instantiated: unused-code checks own that.
func unused[T any](v T) {}

// Exported: another package may instantiate it, which no single package
// sees.
func Map[T, U any](xs []T, f func(T) U) []U { return nil }

// An open list: node's types are decided by Tree's own instantiations.
type node[T any] struct{ v T }

type Tree[T any] struct{ root *node[T] }

func use() {
	_ = pick(1, 2)
	_ = pick("a", "b")
	_ = Map([]int{1}, func(int) int { return 0 })
	var t Tree[int]
	_ = t
}

// Deprecated: kept for compatibility, not reviewed again.
func old[T any](v T) T { return v }

var _ = old(1)
