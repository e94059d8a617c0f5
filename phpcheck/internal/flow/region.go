package flow

// Regions tell a domain whether one point of a function body follows
// another on every path, with no test of anything and no exit between
// (nullness grades its findings by it: see phpcheck/internal/nullness's
// region.go). The walker keeps a tree of regions: every construct that
// runs code conditionally (a branch, a loop body, a case, a catch, a
// closure body, and what a domain opens with Scope.Enter inside an
// expression: the right side of && or ??, a ternary or match arm) opens
// a child region, and it counts the abrupt exits (return, throw, break,
// continue, exit) it passes. A point follows another when its region
// encloses the other's and no exit was passed since.

// A Point is where in the walk a fact arose: its region and the number
// of abrupt exits the walk had passed. The zero Point is nowhere: a fact
// from elsewhere (a declaration, a callee).
type Point struct{ region, exits int32 }

// Nowhere reports whether p is the zero Point.
func (p Point) Nowhere() bool { return p.region == 0 }

// Here returns the current point of the walk.
func (sc *Scope) Here() Point { return Point{sc.a.region, sc.a.exits} }

// Enter opens a child region of the current one, for code a domain runs
// conditionally inside an expression (the right side of && or ??, a
// ternary or match arm), and returns what Leave restores.
func (sc *Scope) Enter() Region { return sc.a.enter() }

// Leave restores the region Enter returned.
func (sc *Scope) Leave(r Region) { sc.a.leave(r) }

// Follows reports whether the current point follows p on every path, with
// no test of anything and no exit between: whenever p runs, so does the
// current point.
func (sc *Scope) Follows(p Point) bool {
	a := sc.a
	if p.region == 0 || p.exits != a.exits {
		return false
	}
	for r := p.region; r > 0; r = a.regions[r] {
		if r == a.region {
			return true
		}
	}
	return false
}

// Unfollowed returns p as a point that nothing follows: a fact that
// arises only when a belief the code holds fails (see unenumerated).
func (p Point) Unfollowed() Point {
	p.exits = -1
	return p
}

// A Region is the region to restore when a child region is left.
type Region int32

// enter opens a child region of the current one and returns the region to
// restore with leave.
func (a *analyzer) enter() Region {
	if len(a.regions) == 0 {
		a.regions = append(a.regions, -1) // region 0: no region
	}
	saved := a.region
	a.regions = append(a.regions, saved)
	a.region = int32(len(a.regions) - 1)
	return Region(saved)
}

// leave restores the region enter returned.
func (a *analyzer) leave(saved Region) { a.region = int32(saved) }

// exit records an abrupt exit: nulls that arose before it no longer
// inevitably reach what follows.
func (a *analyzer) exit() { a.exits++ }
