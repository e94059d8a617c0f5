package sonar

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
		return WriteText(w, relativeTo(r, opt))
	case FormatCodeClimate:
		return WriteCodeClimate(w, r, opt)
	case FormatCheckstyle:
		return WriteCheckstyle(w, r, opt)
	}
	return fmt.Errorf("unknown format %q (want one of %v)", format, Formats)
}

// relativeTo returns a copy of r whose finding paths are relative to
// opt.BaseDir, after opt.Prefixes, as the other formats write them: a
// merge of go vet's absolute paths and riskvet php's relative ones prints
// one kind of path. A path outside the base directory stays absolute.
func relativeTo(r *finding.Report, opt Options) *finding.Report {
	lc := newLocator(r, opt)
	out := *r
	out.Findings = slices.Clone(r.Findings)
	for i := range out.Findings {
		if f := &out.Findings[i]; f.File != "" {
			f.File, _, _ = lc.resolve(f.File)
		}
	}
	return &out
}
