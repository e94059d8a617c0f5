// Package contexts checks that every written type expression is measured.
package contexts

type Opt[T any] struct{ v T }

type Pair[A, B any] struct {
	a A
	b B
}

// Each context below spells a depth-4 type, one level over the limit.

// Type declarations.
type Named Opt[Opt[Opt[Opt[int]]]] // want `depth 4 exceeds 3 in Opt\[Opt\[Opt\[Opt\[int\]\]\]\]`

// Depth 3 is at the limit: silent.
type AtLimit Opt[Opt[Opt[int]]]

// Struct fields and embedded generic fields.
type Fields struct {
	f                        Opt[Opt[Opt[Opt[int]]]] // want `depth 4 exceeds 3`
	Opt[Opt[Opt[Opt[bool]]]]                         // want `depth 4 exceeds 3`
}

// Interface method signatures.
type Iface interface {
	Get() Opt[Opt[Opt[Opt[int]]]] // want `depth 4 exceeds 3`
}

// Parameters and results.
func Param(x Opt[Opt[Opt[Opt[int]]]]) {} // want `depth 4 exceeds 3`

func Result() (r Opt[Opt[Opt[Opt[int]]]]) { return } // want `depth 4 exceeds 3`

// Type-parameter constraints, both as a whole and inside a union.
func Constraint[T Opt[Opt[Opt[Opt[int]]]]]() {} // want `depth 4 exceeds 3`

func Union[T interface {
	~int | Opt[Opt[Opt[Opt[int]]]] // want `depth 4 exceeds 3`
}]() {
}

// Generic type declarations' own constraints.
type WithConstraint[T interface{ Opt[Opt[Opt[Opt[int]]]] }] struct{} // want `depth 4 exceeds 3`

// Methods.
func (Fields) Method(Opt[Opt[Opt[Opt[int]]]]) {} // want `depth 4 exceeds 3`

func Id[T any](v T) T { return v }

func Bodies(x any) {
	// Local variable and type declarations.
	var local Opt[Opt[Opt[Opt[int]]]]      // want `depth 4 exceeds 3`
	type localType Opt[Opt[Opt[Opt[int]]]] // want `depth 4 exceeds 3`
	_, _ = local, localType{}

	// Composite literals.
	_ = Opt[Opt[Opt[Opt[int]]]]{}   // want `depth 4 exceeds 3`
	_ = []Opt[Opt[Opt[Opt[int]]]]{} // want `depth 4 exceeds 3`

	// Conversions.
	_ = Opt[Opt[Opt[Opt[int]]]](Opt[Opt[Opt[Opt[int]]]]{}) // want `depth 4 exceeds 3` `depth 4 exceeds 3`

	// Type assertions and type switches.
	_ = x.(Opt[Opt[Opt[Opt[int]]]]) // want `depth 4 exceeds 3`
	switch x.(type) {
	case Opt[Opt[Opt[Opt[int]]]]: // want `depth 4 exceeds 3`
	case Pair[int, Opt[Opt[Opt[string]]]]: // want `depth 4 exceeds 3`
	}

	// Explicit function instantiation: the brackets add nothing, the type
	// arguments are checked.
	_ = Id[Opt[Opt[Opt[Opt[int]]]]] // want `depth 4 exceeds 3 in Opt\[Opt\[Opt\[Opt\[int\]\]\]\]`

	// new and make take types too.
	_ = new(Opt[Opt[Opt[Opt[int]]]])       // want `depth 4 exceeds 3`
	_ = make(chan Opt[Opt[Opt[Opt[int]]]]) // want `depth 4 exceeds 3`

	// Function literals.
	_ = func(Opt[Opt[Opt[Opt[int]]]]) {} // want `depth 4 exceeds 3`
}
