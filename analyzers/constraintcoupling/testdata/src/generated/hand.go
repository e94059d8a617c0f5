package generated

// A hand-written file of the same package is checked.
func Keyed[K comparable, V any, E interface{ Pair(K, V) }](e E) {} // want `constraint couples 2 other type parameters`
