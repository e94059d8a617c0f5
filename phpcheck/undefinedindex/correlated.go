package undefinedindex

import (
	"slices"
	"strings"

	"github.com/VKCOM/php-parser/pkg/ast"
)

// Correlated conditions: a guard made on one branch of a test of a
// variable's value holds later wherever a test of the same, unchanged
// variable rules the other branch out:
//
//	if ($action === 'one' || $action === 'all') { ... } else { if (empty($_POST['ids'])) exit; }
//	if ($action === 'one') { ... } elseif ($action === 'all') { ... } else { $_POST['ids']; }
//
// The values are kept as guards with pseudo-keys on the variable: "=:"
// (identical to a literal), "!:" (not identical to it) and "in:" (one of
// several literals). Only strict comparisons with literals count: `==`
// says less of a value than the check would need.
const (
	isPrefix  = "=:"
	notPrefix = "!:"
	inPrefix  = "in:"
)

// maxImplied bounds the implications a state holds: a long function
// that tests one variable against many values, with many guards, would
// otherwise keep one per pair. Past it a guard is lost at the join, and
// its read reported, as without correlation.
const maxImplied = 512

// An implication is a guard that holds where the variable v is none of
// the values of set (an "=:" or "in:" key): at a join, the guard held on
// the paths where v was none of them, and the other paths had v among
// them.
type implication struct {
	guard slot
	v     string
	set   key
}

// literalID names a literal in value facts by its type and value, so that
// '1' and 1 differ: a string or integer literal, or null.
func literalID(e ast.Vertex) (string, bool) {
	switch e := unbracket(e).(type) {
	case *ast.ScalarString:
		if k, ok := constKey(e); ok {
			return "s" + k.text(), true
		}
	case *ast.ScalarLnumber:
		if k, ok := constKey(e); ok {
			return "i" + k.text(), true
		}
	case *ast.ExprConstFetch:
		if isConst(e, "null") {
			return "null", true
		}
	}
	return "", false
}

// valueFacts returns the facts of `$v === lit` and `$v !== lit`, either
// way round; ok is false, and nothing is evaluated, for any other
// condition.
func valueFacts(e ast.Vertex) (facts, bool) {
	op, l, r := comparison(e)
	if op != "===" && op != "!==" {
		return facts{}, false
	}
	v, ok := varName(unbracket(l))
	lit := r
	if !ok {
		v, ok = varName(unbracket(r))
		lit = l
	}
	id, isLit := literalID(lit)
	if !ok || !isLit || v == "$this" {
		return facts{}, false
	}
	is, not := []slot{{v, key(isPrefix + id)}}, []slot{{v, key(notPrefix + id)}}
	if op == "!==" {
		return facts{t: not, f: is}, true
	}
	return facts{t: is, f: not}, true
}

// values returns the literals a value fact allows: one for "=:", several
// for "in:".
func (k key) values() ([]string, bool) {
	if id, ok := strings.CutPrefix(string(k), isPrefix); ok {
		return []string{id}, true
	}
	if ids, ok := strings.CutPrefix(string(k), inPrefix); ok {
		return strings.Split(ids, "\x00"), true
	}
	return nil, false
}

// either returns the value facts that hold where a or b holds: for a
// variable both restrict to some literals, that it is one of them all.
func either(a, b []slot) []slot {
	var out []slot
	for _, x := range a {
		xs, ok := x.key.values()
		if !ok {
			continue
		}
		for _, y := range b {
			ys, ok := y.key.values()
			if !ok || y.name != x.name {
				continue
			}
			all := slices.Compact(slices.Sorted(slices.Values(append(slices.Clone(xs), ys...))))
			out = append(out, slot{x.name, key(inPrefix + strings.Join(all, "\x00"))})
		}
	}
	return out
}

// valueGuard reports whether a guard is a value fact rather than a key.
func valueGuard(g slot) bool {
	k := string(g.key)
	return strings.HasPrefix(k, isPrefix) || strings.HasPrefix(k, notPrefix) || strings.HasPrefix(k, inPrefix)
}

// imply adds to s, the join of a and b, the implications of the guards a
// holds and b lacks, where b restricts a variable to values a rules out.
func (s *state) imply(a, b *state) {
	for f := range b.guards {
		ids, ok := f.key.values()
		if !ok || !excludes(a, f.name, ids) {
			continue
		}
		for g := range a.guards {
			if b.guards[g] || g == never || valueGuard(g) {
				continue
			}
			if s.implied == nil {
				s.implied = map[implication]bool{}
			}
			if len(s.implied) >= maxImplied {
				return
			}
			s.implied[implication{g, f.name, f.key}] = true
		}
	}
}

// excludes reports whether s knows that variable v is none of ids.
func excludes(s *state, v string, ids []string) bool {
	for _, id := range ids {
		if !s.guards[slot{v, key(notPrefix + id)}] {
			return false
		}
	}
	return true
}

// applyImplications adds the guards whose implication now holds.
func (s *state) applyImplications() {
	for imp := range s.implied {
		if s.guards[imp.guard] {
			continue
		}
		if ids, ok := imp.set.values(); ok && excludes(s, imp.v, ids) {
			s.guards[imp.guard] = true
		}
	}
}

// forgetValues drops the value facts and implications, after a write the
// check cannot place (extract, include, $$name).
func (s *state) forgetValues() {
	for g := range s.guards {
		if valueGuard(g) {
			delete(s.guards, g)
		}
	}
	clear(s.implied)
}
