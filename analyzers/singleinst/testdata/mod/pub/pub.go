// Package pub is public: callers outside the module instantiate Map.
package pub

func Map[T, U any](xs []T, f func(T) U) []U { return nil }

var _ = Map([]int{1}, func(int) int { return 0 })
