// Package nilcheck dereferences a pointer it just found to be nil.
package nilcheck

// Item is anything with a name.
type Item struct{ Name string }

// Name reads it.Name on the branch where it is nil: x/tools nilness
// reports it (under its own category "nilderef", which riskvet renames to
// the analyzer's name, nilness).
func Name(it *Item) string {
	if it == nil {
		return it.Name
	}
	return it.Name
}
