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

// enter opens a child region of the current one and returns the region to
// restore with leave.
func (a *analyzer) enter() int32 {
	if len(a.regions) == 0 {
		a.regions = append(a.regions, -1) // region 0: no region
	}
	saved := a.region
	a.regions = append(a.regions, saved)
	a.region = int32(len(a.regions) - 1)
	return saved
}

// leave restores the region enter returned.
func (a *analyzer) leave(saved int32) { a.region = saved }

// exit records an abrupt exit: nulls that arose before it no longer
// inevitably reach what follows.
func (a *analyzer) exit() { a.exits++ }

// here returns a reason of the given kind stamped with the current region
// and exit count.
func (a *analyzer) here(kind whyKind, line int32) Why {
	return Why{kind: kind, line: line, region: a.region, exits: a.exits}
}

// stamp marks w as arising at the current point.
func (a *analyzer) stamp(w *Why) {
	w.region, w.exits = a.region, a.exits
}

// inevitable reports whether a dereference at the current point follows
// the point w arose at on every path, with no test and no exit between.
func (a *analyzer) inevitable(w Why) bool {
	if w.region == 0 || w.exits != a.exits {
		return false
	}
	if w.checked == 0 && (w.kind == whyParam || w.kind == whyInlineVar) {
		// A nullable parameter or an inline @var states a contract, often
		// one no caller uses (judged on real code: none of round 2's 27
		// such findings was true); the function has not made the value
		// null itself.
		return false
	}
	for r := w.region; r > 0; r = a.regions[r] {
		if r == a.region {
			return true
		}
	}
	return false
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
		if w := s.vars[i].v.Why; s.vars[i].v.N.mayBeNull() && w.region != 0 && w.exits >= 0 {
			s.own()
			s.vars[i].v.Why.exits = -1
		}
	}
}
