// Package basic holds generics its package instantiates with one
// type-argument list.
package basic

import "strconv"

func parse[T ~int | ~int64](s string) (T, error) { // want `generic function parse is instantiated with 1 type-argument list in its package: \[int\]`
	n, err := strconv.Atoi(s)
	return T(n), err
}

type cache[V any] struct{ m map[string]V } // want `generic type cache is instantiated with 1 type-argument list in its package: \[\[\]basic.item\]`

func (c *cache[V]) get(k string) V { return c.m[k] } // the receiver is not an instantiation

type item struct{}

// The same list twice, inferred and explicit, is still one list.
func first[T any](xs []T) T { return xs[0] } // want `generic function first is instantiated with 1 type-argument list in its package: \[string\]`

// A recursive call passes the generic's own type parameters.
func count[T any](xs []T) int { // want `generic function count is instantiated with 1 type-argument list in its package: \[byte\]`
	if len(xs) == 0 {
		return 0
	}
	return 1 + count(xs[1:])
}

func use() {
	n, _ := parse[int]("1")
	m, _ := parse[int]("2")
	_ = n + m
	c := &cache[[]item]{}
	_ = c.get("k")
	_ = first([]string{"a"}) + first[string]([]string{"b"})
	_ = count([]byte("abc"))
}
