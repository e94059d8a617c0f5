// Package inventory keeps stock levels per warehouse. It is riskvet's demo:
// each file shows one risk that riskvet reports.
package inventory

// Opt is an optional value.
type Opt[T any] struct {
	Val T
	OK  bool
}

// Pair holds two values.
type Pair[A, B any] struct {
	First  A
	Second B
}

// List is an ordered collection.
type List[T any] struct{ items []T }

// Append adds v at the end.
func (l *List[T]) Append(v T) { l.items = append(l.items, v) }

// All returns the elements in order.
func (l *List[T]) All() []T { return l.items }

// Map is a map with a zero value ready to use.
type Map[K comparable, V any] struct{ m map[K]V }

// Get returns the value at k.
func (m *Map[K, V]) Get(k K) (V, bool) {
	v, ok := m.m[k]
	return v, ok
}

// Put sets the value at k.
func (m *Map[K, V]) Put(k K, v V) {
	if m.m == nil {
		m.m = map[K]V{}
	}
	m.m[k] = v
}
