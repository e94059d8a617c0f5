package matrix

import (
	"io"
	"strings"
)

// WriteMarkdown writes m as GitHub-flavoured Markdown tables, for a
// pull-request comment or a job summary.
func WriteMarkdown(w io.Writer, m *Matrix) error {
	var b strings.Builder
	b.WriteString("## Risk matrix" + mxCommitNote(m) + "\n\n")
	if inc := mxIncomplete(m); inc != nil {
		b.WriteString("> [!WARNING]\n> **" + mxMarkdownEscape(strings.ToUpper(inc[0][:1])+inc[0][1:]) + ":**\n")
		for _, l := range inc[1:] {
			b.WriteString("> - `" + strings.ReplaceAll(l, "`", "'") + "`\n")
		}
		b.WriteString("\n")
	}
	mxWriteMarkdownTable(&b, mxLanguageTable(m))
	b.WriteString("\n")
	if fams := mxFamilyTable(m); len(fams) > 1 {
		mxWriteMarkdownTable(&b, fams)
	} else {
		b.WriteString(mxNoFindings(m) + "\n")
	}
	if comps := mxComponentTable(m); len(comps) > 1 {
		b.WriteString("\n### By component\n\n")
		mxWriteMarkdownTable(&b, comps)
	}
	if trend := mxTrendTable(m); len(trend) > 1 {
		b.WriteString("\n### Trend\n\n")
		mxWriteMarkdownTable(&b, trend)
	}
	b.WriteString("\n")
	for _, n := range mxNotes(m) {
		b.WriteString("- " + n + "\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func mxWriteMarkdownTable(b *strings.Builder, rows [][]string) {
	for i, r := range rows {
		b.WriteString("|")
		for _, c := range r {
			b.WriteString(" " + mxMarkdownEscape(c) + " |")
		}
		b.WriteString("\n")
		if i == 0 {
			b.WriteString("|")
			for _, h := range r {
				if mxLeftAligned(h) {
					b.WriteString(" :--- |")
				} else {
					b.WriteString(" ---: |")
				}
			}
			b.WriteString("\n")
		}
	}
}

// mxMarkdownEscape keeps a cell from breaking the table: rule IDs of foreign
// tools are free text.
func mxMarkdownEscape(s string) string {
	return strings.NewReplacer("|", `\|`, "\n", " ").Replace(s)
}
