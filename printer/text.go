package printer

import (
	"bufio"
	"fmt"
	"io"
	"slices"

	"github.com/riskvet/riskvet/internal/finding"
)

// WriteText writes r as "file:line:col: rule: message" lines, the shape of
// go vet and staticcheck with the rule named first, as every riskvet
// command prints findings, sorted. Positions are the findings' own
// (1-based byte columns); a missing column or line is left out rather than
// printed as 0.
func WriteText(w io.Writer, r *finding.Report) error {
	return WriteTextColor(w, r, false)
}

// ANSI SGR sequences of the coloured text format.
const (
	sgrBold   = "\x1b[1m"
	sgrYellow = "\x1b[33m"
	sgrReset  = "\x1b[0m"
)

// WriteTextColor writes r as WriteText does, with the position in bold and
// the rule in yellow when color is set, for a terminal. The characters
// printed are otherwise the same, so that a colourless copy is WriteText's.
func WriteTextColor(w io.Writer, r *finding.Report, color bool) error {
	fs := slices.Clone(r.Findings)
	slices.SortFunc(fs, finding.Compare)
	bw := bufio.NewWriter(w)
	for _, f := range fs {
		pos := f.File
		if f.Line > 0 {
			pos += fmt.Sprintf(":%d", f.Line)
			if f.Column > 0 {
				pos += fmt.Sprintf(":%d", f.Column)
			}
		}
		if color {
			fmt.Fprintf(bw, "%s%s:%s %s%s%s: %s\n", sgrBold, pos, sgrReset, sgrYellow, f.Rule, sgrReset, f.Message)
			continue
		}
		fmt.Fprintf(bw, "%s: %s: %s\n", pos, f.Rule, f.Message)
	}
	return bw.Flush()
}
