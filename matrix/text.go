package matrix

import (
	"cmp"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode/utf8"
)

// matrixNotes explain the matrix's columns; every human-readable format
// prints them under the tables.
var matrixNotes = []string{
	"likelihood: findings per thousand lines of code (KLOC); the generics, nulltype, strictness and other columns split it by rule family",
	"impact: runtime counts findings that fail at run time (nullderef, undefinedindex, Go nil checks); maintainability counts the rest",
	"effort: the sum of each finding's remediation estimate from the rule registry; hand h is the work left to people, auto-fix h the findings riskvet php -fix clears (a missing strict_types declaration), counted apart",
	"components: each Go module and Composer package below the root, else each top-level folder (a package tree of a Go module at the root)",
}

// mxTrendNote explains the trend table, under the notes when there is one.
const mxTrendNote = "trend: one row per commit the reports were taken at, oldest first; the other tables are the newest commit's"

// WriteText writes m as two plain-text tables: one row per language,
// then one row per language and rule family that has findings.
func WriteText(w io.Writer, m *Matrix) error {
	var b strings.Builder
	b.WriteString("risk matrix" + mxCommitNote(m) + "\n\n")
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
	if comps := mxComponentTable(m); len(comps) > 1 {
		b.WriteString("\n")
		mxWriteAligned(&b, comps)
	}
	if trend := mxTrendTable(m); len(trend) > 1 {
		b.WriteString("\n")
		mxWriteAligned(&b, trend)
	}
	b.WriteString("\n")
	for _, n := range mxNotes(m) {
		b.WriteString(n + "\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// mxLanguageTable returns the per-language table, header first.
func mxLanguageTable(m *Matrix) [][]string {
	head := []string{"language", "files", "KLOC", "findings", "per KLOC"}
	for _, f := range Families {
		head = append(head, string(f))
	}
	head = append(head, "runtime", "maintainability", "hand h", "auto-fix h")
	rows := [][]string{head}
	for _, l := range m.Languages {
		row := []string{mxLanguageName(l.Language), fmt.Sprint(l.Files), mxFmtKLOC(l), fmt.Sprint(l.Findings), mxFmtRate(l.PerKLOC, l)}
		for _, f := range l.Families {
			row = append(row, mxFmtRate(f.PerKLOC, l))
		}
		row = append(row,
			mxFmtShare(l.Runtime, l.Findings),
			mxFmtShare(l.Maintainability, l.Findings),
			mxFmtHours(l.HandHours), mxFmtHours(l.AutofixHours))
		rows = append(rows, row)
	}
	return rows
}

// mxFamilyTable returns the per-family table, header first, with a row for
// each language and family that has findings.
func mxFamilyTable(m *Matrix) [][]string {
	rows := [][]string{{"language", "family", "findings", "per KLOC", "runtime", "hand h", "auto-fix h", "rules"}}
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
				mxFmtHours(f.HandHours), mxFmtHours(f.AutofixHours),
				mxFmtRules(f.Rules),
			})
		}
	}
	return rows
}

// mxComponentTable returns the per-component table, header first: the
// components with findings, most hand work first (then most findings, then
// by name), so that the top rows are where the risk is; components
// without findings are counted in the last row.
func mxComponentTable(m *Matrix) [][]string {
	rows := [][]string{{"component", "kind", "language", "files", "KLOC", "findings", "per KLOC", "runtime", "hand h", "auto-fix h"}}
	comps := mxRanked(m.Components)
	clean := 0
	for _, c := range comps {
		if c.Findings == 0 {
			clean++
			continue
		}
		rows = append(rows, []string{
			c.Name, c.Kind, mxLanguageName(c.Language), fmt.Sprint(c.Files), mxFmtCompKLOC(c), fmt.Sprint(c.Findings),
			mxFmtCompRate(c), mxFmtShare(c.Runtime, c.Findings), mxFmtHours(c.HandHours), mxFmtHours(c.AutofixHours),
		})
	}
	if clean > 0 && len(rows) > 1 {
		rows = append(rows, []string{fmt.Sprintf("(%d more without findings)", clean), "", "", "", "", "0", "", "", "", ""})
	}
	return rows
}

// mxRanked returns the components ordered by hand work, findings and name.
func mxRanked(cs []Component) []Component {
	out := slices.Clone(cs)
	slices.SortStableFunc(out, func(a, b Component) int {
		return cmp.Or(cmp.Compare(b.HandMinutes, a.HandMinutes), cmp.Compare(b.Findings, a.Findings), cmp.Compare(a.Name, b.Name))
	})
	return out
}

// mxTrendTable returns the trend table, header first; only the header when
// the matrix has no trend. Each language with lines gets a per-KLOC column.
func mxTrendTable(m *Matrix) [][]string {
	head := []string{"commit", "date", "KLOC", "findings", "per KLOC"}
	var langs []string
	for i, l := range m.Languages {
		for _, p := range m.Trend {
			if i < len(p.Languages) && p.Languages[i].LinesKnown && p.Languages[i].Lines > 0 && !slices.Contains(langs, l.Language) {
				langs = append(langs, l.Language)
			}
		}
	}
	for _, l := range langs {
		head = append(head, mxLanguageName(l)+" per KLOC")
	}
	head = append(head, "runtime", "hand h", "auto-fix h", "errors")
	rows := [][]string{head}
	for _, p := range m.Trend {
		kloc, rate := "-", "-"
		if p.LinesKnown {
			kloc, rate = fmt.Sprintf("%.1f", p.KLOC), fmt.Sprintf("%.2f", p.PerKLOC)
		}
		row := []string{mxShortCommit(p.Commit), mxShortDate(p.Date), kloc, fmt.Sprint(p.Findings), rate}
		for _, lang := range langs {
			cell := "-"
			for _, pl := range p.Languages {
				if pl.Language == lang && pl.LinesKnown && pl.Lines > 0 {
					cell = fmt.Sprintf("%.2f", pl.PerKLOC)
				}
			}
			row = append(row, cell)
		}
		row = append(row, mxFmtShare(p.Runtime, p.Findings), mxFmtHours(p.HandHours), mxFmtHours(p.AutofixHours), fmt.Sprint(p.Errors))
		rows = append(rows, row)
	}
	return rows
}

// mxNotes returns the notes under the tables.
func mxNotes(m *Matrix) []string {
	if len(m.Trend) > 0 {
		return append(slices.Clone(matrixNotes), mxTrendNote)
	}
	return matrixNotes
}

// mxCommitNote names the commit the matrix is of, " (commit 1a2b3c4d5e6f,
// 2026-03-01)", or "" when the report records none.
func mxCommitNote(m *Matrix) string {
	if m.Commit == "" {
		return ""
	}
	if m.Date == "" {
		return " (commit " + mxShortCommit(m.Commit) + ")"
	}
	return " (commit " + mxShortCommit(m.Commit) + ", " + mxShortDate(m.Date) + ")"
}

// mxShortCommit abbreviates a commit hash to 12 digits, as git's short
// hashes are long enough to stay unique in large repositories.
func mxShortCommit(c string) string { return c[:min(len(c), 12)] }

// mxShortDate keeps the day of an RFC 3339 date.
func mxShortDate(d string) string { return d[:min(len(d), 10)] }

func mxFmtHours(h float64) string { return fmt.Sprintf("%.2f", h) }

func mxFmtCompKLOC(c Component) string {
	return mxFmtKLOC(Language{LinesKnown: c.LinesKnown, KLOC: c.KLOC})
}

func mxFmtCompRate(c Component) string {
	return mxFmtRate(c.PerKLOC, Language{LinesKnown: c.LinesKnown, Lines: c.Lines})
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
	return header == "language" || header == "family" || header == "rules" || header == "component" || header == "kind" || header == "commit" || header == "date"
}

func mxFmtKLOC(l Language) string {
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
func mxFmtRate(rate float64, l Language) string {
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

func mxFmtRules(rs []Rule) string {
	parts := make([]string, len(rs))
	for i, r := range rs {
		parts[i] = fmt.Sprintf("%s %d", r.Rule, r.Findings)
	}
	return strings.Join(parts, ", ")
}
