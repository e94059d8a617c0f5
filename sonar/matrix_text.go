package sonar

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// matrixNotes explain the matrix's columns; every human-readable format
// prints them under the tables.
var matrixNotes = []string{
	"likelihood: findings per thousand lines of code (KLOC); the generics, nulltype, strictness and other columns split it by rule family",
	"impact: runtime counts findings that fail at run time (nullderef, undefinedindex, Go nil checks); maintainability counts the rest",
	"effort: the sum of each finding's remediation estimate from the rule registry",
}

// WriteMatrixText writes m as two plain-text tables: one row per language,
// then one row per language and rule family that has findings.
func WriteMatrixText(w io.Writer, m *Matrix) error {
	var b strings.Builder
	b.WriteString("risk matrix\n\n")
	if inc := mxIncomplete(m); inc != nil {
		b.WriteString(strings.ToUpper(inc[0][:1]) + inc[0][1:] + ":\n")
		for _, l := range inc[1:] {
			b.WriteString("  " + l + "\n")
		}
		b.WriteString("\n")
	}
	mxWriteAligned(&b, mxLanguageTable(m))
	b.WriteString("\n")
	if fams := mxFamilyTable(m); len(fams) > 1 {
		mxWriteAligned(&b, fams)
	} else {
		b.WriteString(strings.ToLower(mxNoFindings(m)[:1]) + strings.TrimSuffix(mxNoFindings(m)[1:], ".") + "\n")
	}
	b.WriteString("\n")
	for _, n := range matrixNotes {
		b.WriteString(n + "\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// mxLanguageTable returns the per-language table, header first.
func mxLanguageTable(m *Matrix) [][]string {
	head := []string{"language", "files", "KLOC", "findings", "per KLOC"}
	for _, f := range MatrixFamilies {
		head = append(head, string(f))
	}
	head = append(head, "runtime", "maintainability", "effort h")
	rows := [][]string{head}
	for _, l := range m.Languages {
		row := []string{mxLanguageName(l.Language), fmt.Sprint(l.Files), mxFmtKLOC(l), fmt.Sprint(l.Findings), mxFmtRate(l.PerKLOC, l)}
		for _, f := range l.Families {
			row = append(row, mxFmtRate(f.PerKLOC, l))
		}
		row = append(row,
			mxFmtShare(l.Runtime, l.Findings),
			mxFmtShare(l.Maintainability, l.Findings),
			fmt.Sprintf("%.2f", l.EffortHours))
		rows = append(rows, row)
	}
	return rows
}

// mxFamilyTable returns the per-family table, header first, with a row for
// each language and family that has findings.
func mxFamilyTable(m *Matrix) [][]string {
	rows := [][]string{{"language", "family", "findings", "per KLOC", "runtime", "effort h", "rules"}}
	for _, l := range m.Languages {
		for _, f := range l.Families {
			if f.Findings == 0 {
				continue
			}
			rows = append(rows, []string{
				mxLanguageName(l.Language),
				mxFamilyName(f.Family),
				fmt.Sprint(f.Findings),
				mxFmtRate(f.PerKLOC, l),
				mxFmtShare(f.Runtime, f.Findings),
				fmt.Sprintf("%.2f", f.EffortHours),
				mxFmtRules(f.Rules),
			})
		}
	}
	return rows
}

// mxWriteAligned writes rows as columns separated by two spaces: the first
// column and the last of a text column left-aligned, numbers right-aligned.
func mxWriteAligned(b *strings.Builder, rows [][]string) {
	widths := make([]int, len(rows[0]))
	for _, r := range rows {
		for i, c := range r {
			widths[i] = max(widths[i], utf8.RuneCountInString(c))
		}
	}
	for _, r := range rows {
		var line strings.Builder
		for i, c := range r {
			pad := strings.Repeat(" ", widths[i]-utf8.RuneCountInString(c))
			if i > 0 {
				line.WriteString("  ")
			}
			if mxLeftAligned(rows[0][i]) {
				line.WriteString(c + pad)
			} else {
				line.WriteString(pad + c)
			}
		}
		b.WriteString(strings.TrimRight(line.String(), " ") + "\n")
	}
}

// mxLeftAligned reports whether the column with the given header holds text.
func mxLeftAligned(header string) bool {
	return header == "language" || header == "family" || header == "rules"
}

func mxFmtKLOC(l MatrixLanguage) string {
	if !l.LinesKnown {
		return "-"
	}
	if l.KLOC < 10 {
		return fmt.Sprintf("%.3f", l.KLOC)
	}
	return fmt.Sprintf("%.1f", l.KLOC)
}

// mxFmtRate formats a per-KLOC rate, or "-" when the language's lines are
// unknown and a rate would be a lie.
func mxFmtRate(rate float64, l MatrixLanguage) string {
	if !l.LinesKnown || l.Lines == 0 {
		return "-"
	}
	return fmt.Sprintf("%.2f", rate)
}

// mxFmtShare formats part/whole as a whole percentage, "-" when whole is 0.
func mxFmtShare(part, whole int) string {
	if whole == 0 {
		return "-"
	}
	return fmt.Sprintf("%.0f%%", mxShare(part, whole)*100)
}

func mxFmtRules(rs []MatrixRule) string {
	parts := make([]string, len(rs))
	for i, r := range rs {
		parts[i] = fmt.Sprintf("%s %d", r.Rule, r.Findings)
	}
	return strings.Join(parts, ", ")
}
