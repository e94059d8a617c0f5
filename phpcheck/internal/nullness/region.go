package nullness

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
// The walker keeps a tree of regions (see phpcheck/internal/flow's
// region.go): every construct that runs code conditionally opens a child
// region, nullness among them the right side of && or ??, a ternary or
// match arm. A null's reason records the point where it arose (its region
// and how many abrupt exits the walk had passed); the dereference
// inevitably follows the null when the walk says the dereference follows
// that point (flow.Scope.Follows).
//
// The trade-off: an exit anywhere between the null and the dereference,
// even on a branch the null does not take, demotes the finding to Local;
// so does a dereference inside any later condition, even one unrelated to
// the value. Both miss real bugs to keep the default quiet.

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
