// Package store keeps versions of users; the comments say ü and 世 on purpose.
package store

import "fmt"

type Map[K comparable, V any] map[K]V
type List[T any] []T
type Pair[A, B any] struct{ a A }
type Opt[T any] struct{ v *T }

// 索引 «index»: the generic type below nests four deep.
var 索引 Map[string, List[Pair[int, Opt[string]]]]

func NewStore[K comparable, V any, M interface{ Get(K) V }](m M) M { return m }

func show(s string) {
	fmt.Printf("ü世%d\n", s)
}
