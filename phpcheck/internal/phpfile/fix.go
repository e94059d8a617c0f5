package phpfile

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/riskvet/riskvet/phpcheck/check"
)

// ApplyEdits returns src with edits applied. Identical edits (two findings
// proposing the same insertion) are applied once; overlapping different
// edits are an error, since applying either would be a guess.
func ApplyEdits(src []byte, edits []check.Edit) ([]byte, error) {
	es := slices.Clone(edits)
	slices.SortFunc(es, func(a, b check.Edit) int {
		return cmp.Or(cmp.Compare(a.Pos, b.Pos), cmp.Compare(a.End, b.End), cmp.Compare(a.New, b.New))
	})
	es = slices.Compact(es)
	var out []byte
	last := 0
	for _, e := range es {
		if e.Pos < last || e.End < e.Pos || e.End > len(src) {
			return nil, fmt.Errorf("conflicting or out-of-range edit at byte %d", e.Pos)
		}
		out = append(out, src[last:e.Pos]...)
		out = append(out, e.New...)
		last = e.End
	}
	return append(out, src[last:]...), nil
}
