package sonar

import (
	"bufio"
	"fmt"
	"io"
	"slices"

	"github.com/riskvet/riskvet/internal/finding"
)

// WriteText writes r as "file:line:col: rule: message" lines, the shape of
// go vet and staticcheck, sorted. Positions are the findings' own (1-based
// byte columns); a missing column or line is left out rather than printed
// as 0.
func WriteText(w io.Writer, r *finding.Report) error {
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
		fmt.Fprintf(bw, "%s: %s: %s\n", pos, f.Rule, f.Message)
	}
	return bw.Flush()
}

// Write writes r in the named format, one of [Formats].
func Write(w io.Writer, format string, r *finding.Report, opt Options) error {
	switch format {
	case FormatSonar, "":
		return WriteSonar(w, r, opt)
	case FormatSonarLegacy:
		return WriteSonarLegacy(w, r, opt)
	case FormatSARIF:
		return WriteSARIF(w, r, opt)
	case FormatText:
		return WriteText(w, r)
	}
	return fmt.Errorf("unknown format %q (want one of %v)", format, Formats)
}
