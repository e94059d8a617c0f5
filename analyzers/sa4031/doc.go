// Package sa4031 defines riskvet's SA4031 Analyzer: staticcheck's check of
// the same code, ported from staticcheck's IR onto x/tools' SSA form.
//
// # Analyzer SA4031
//
// SA4031: report nil checks of values that are never nil
//
// A value made by make, new, a composite literal's address, a slice
// expression, a field's address or a function literal is never nil, so an
// if statement comparing it with nil is dead code, and it misleads the
// reader about which values may be nil. When the value is a function, the
// check usually stands where a call was meant.
//
//	m := make(map[string]int)
//	if m == nil { // reported: this nil check is never true
//
// Only an if statement whose whole condition is the comparison is checked,
// and a value that comes from several places (a variable assigned in two
// branches) is never nil only when each place makes a never-nil value.
// &x == nil is SA4022's.
//
// staticcheck decides this on its own SSA form (IR), which riskvet's
// vettool would build for this check alone, next to x/tools' SSA form that
// nilness needs. This port reads x/tools' form, shared with nilness: the
// compared value is the operand of the comparison's instruction, found by
// the position of its operator, where staticcheck looks the expression up
// in its form's debug information. The two forms agree on which values are
// never nil for every construct above; the messages are staticcheck's.
//
// The false-positive trade-off: none known; a value is reported only when
// each of its origins is an allocation or a function.
package sa4031
