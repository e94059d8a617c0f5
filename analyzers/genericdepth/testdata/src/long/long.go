// Package long checks that a long expression is quoted shortened.
package long

type Opt[T any] struct{ v T }

type Pair[A, B any] struct {
	a A
	b B
}

type Map[K comparable, V any] struct{ m map[K]V }

type CustomerAccountIdentifier string

type InvoiceLineItemDescription struct{}

// 95 characters as written: the type arguments off the deepest path become
// "…" and the depth stays visible in the quote.
var ledger Map[CustomerAccountIdentifier, Pair[InvoiceLineItemDescription, Opt[Opt[InvoiceLineItemDescription]]]] // want `^generic nesting depth 4 exceeds 3 in Map\[…, Pair\[…, Opt\[Opt\[InvoiceLineItemDescription\]\]\]\] \(Map → Pair → Opt → Opt\); name an intermediate type$`

// Too long even shortened: cut at 80 characters, ending in "…".
var cut Opt[Opt[Opt[Opt[map[InvoiceLineItemDescription]struct{ customer, account, identifier, description InvoiceLineItemDescription }]]]] // want `^generic nesting depth 4 exceeds 3 in Opt\[Opt\[Opt\[Opt\[map\[InvoiceLineItemDescription\]struct\{customer, account, identi… \(Opt → Opt → Opt → Opt\); name an intermediate type$`

// At most 80 characters: quoted whole.
var short Map[CustomerAccountIdentifier, Opt[Opt[Opt[InvoiceLineItemDescription]]]] // want `in Map\[CustomerAccountIdentifier, Opt\[Opt\[Opt\[InvoiceLineItemDescription\]\]\]\] \(`
