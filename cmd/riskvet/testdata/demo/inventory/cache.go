package inventory

// Warm loads keys into a store ahead of the morning rush.
//
// constraintcoupling: S's constraint refers to both K and V, so every
// caller must spell or infer all three. A named Store[K, V] interface as
// the parameter type would read better; ifaceparam says the same from the
// other side: S occurs once, as store's type, and only its methods are
// called, so the type parameter ties nothing.
func Warm[K comparable, V any, S interface {
	Get(K) (V, bool)
	Put(K, V)
}](store S, keys []K, load func(K) V) {
	for _, k := range keys {
		if _, ok := store.Get(k); !ok {
			store.Put(k, load(k))
		}
	}
}
