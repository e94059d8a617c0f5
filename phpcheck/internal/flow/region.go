package flow

// Regions grade a Local null by whether the dereference inevitably follows
// the point where the function made the value null (see [Inevitable]).
//
// Judged on real code, most Local findings were false for one reason: the
// null and the dereference sit on two different conditions that the code
// keeps in step (`$out = null; if ($skin) { $out = new Page; } ...
// if ($skin) { $out->render(); }`), or an early exit between them tests
// something that implies the value is set. A flow analysis that joins
// states cannot see such correlations; a dereference that every path from
// the null reaches, with no test of anything and no exit in between, needs
// none: whenever the null happens, the crash follows.
//
// The walker keeps a tree of regions: every construct that runs code
// conditionally (a branch, a loop body, a case, a catch, the right side of
// && or ??, a ternary or match arm, a closure body) opens a child region.
// A null's reason records the region where it arose and how many abrupt
// exits (return, throw, break, continue, exit) the walk had passed; the
// dereference inevitably follows the null when its own region encloses
// the null's and no exit was passed since.
//
// The trade-off: an exit anywhere between the null and the dereference,
// even on a branch the null does not take, demotes the finding to Local;
// so does a dereference inside any later condition, even one unrelated to
// the value. Both miss real bugs to keep the default quiet.

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

// here returns a reason of the given kind stamped with the current point.
func (a *analyzer) here(kind whyKind, line int32) Why {
	return Why{kind: kind, line: line, at: a.sc.Here()}
}

// stamp marks w as arising at the current point.
func (a *analyzer) stamp(w *Why) {
	w.at = a.sc.Here()
}

// inevitable reports whether a dereference at the current point follows
// the point w arose at on every path, with no test and no exit between.
func (a *analyzer) inevitable(w Why) bool {
	if w.checked == 0 && (w.kind == whyParam || w.kind == whyInlineVar) {
		// A nullable parameter or an inline @var states a contract, often
		// one no caller uses (judged on real code: none of round 2's 27
		// such findings was true); the function has not made the value
		// null itself.
		return false
	}
	return a.sc.Follows(w.at)
}

// unenumerated marks the nulls in s, the state of the path that no branch
// of an if-elseif chain without else (or no case of a switch without
// default) took, as not inevitably reaching anything after: a chain that
// enumerates cases is most often written to cover all of them (judged on
// real code: an exporter's four association kinds), and a null that
// survives only when none matched is that belief's failure, not a plain
// missing assignment. The trade-off: a chain that really misses a case is
// reported only at -nullderef.level=local.
func unenumerated(s *State) {
	if s.dead {
		return
	}
	for i := range s.vars {
		if w := s.vars[i].v.Why; s.vars[i].v.N.mayBeNull() && !w.at.Nowhere() && w.at != w.at.Unfollowed() {
			s.own()
			s.vars[i].v.Why.at = w.at.Unfollowed()
		}
	}
}
