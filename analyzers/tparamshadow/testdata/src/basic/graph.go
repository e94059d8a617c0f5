package basic

type Node struct{ ID int }

type Edge = struct{ From, To Node }

// Walk's Node is the type parameter: root is not a Node of this package.
func Walk[Node any](root Node, visit func(Node)) { visit(root) } // want `^type parameter Node shadows the package-level type Node \(declared at graph.go:3\)$`

// Path shadows an alias too.
type Path[Edge any] []Edge // want `type parameter Edge shadows the package-level type Edge \(declared at graph.go:5\)`

// Parse's string is any type: s.Len would not be a string's.
func Parse[string any](s string) string { return s } // want `^type parameter string shadows the predeclared type string$`

// Pair's second parameter is reported, its first is not.
type Pair[K comparable, error any] struct { // want `type parameter error shadows the predeclared type error`
	Key K
	Err error
}

// Map names its parameters after no type: not reported.
func Map[N, M any](ns []N, f func(N) M) []M {
	out := make([]M, 0, len(ns))
	for _, n := range ns {
		out = append(out, f(n))
	}
	return out
}

// walk is a function, not a type: a parameter named after it is not a
// type's shadow.
func walk() {}

func Each[walk any](xs []walk) {} // not reported: walk is a function

// Method's receiver repeats Path's parameter name: receivers are not judged.
func (p Path[Edge]) Len() int { return len(p) }

// Deprecated: Old is kept for its callers; not reported.
func Old[Node any](n Node) Node { return n }
