package phpfile

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/riskvet/riskvet/internal/finding"
)

// A directive is `riskvet:ignore RULE[,RULE...] reason` at the start of a
// `//`, `#` or `/* */` comment. It silences findings of the named rules on
// its own line and on the line below, as staticcheck's //lint:ignore does
// for the next line, so that it can sit either after the code or above it.
// A named rule that ran on the file and matched nothing there is reported
// as an unused directive (badignore).
//
// Directives are found by scanning the text, not the token stream, so a
// string literal that contains "// riskvet:ignore" also counts; that costs
// nothing in practice and keeps the scan independent of the parser, which
// means directives work the same on every file the parser accepts.
var directiveRE = regexp.MustCompile(`(?://|#|/\*)\s*riskvet:ignore\b(.*)`)

type directive struct {
	line, col int // col is 1-based, in bytes
	rules     []string
}

// directives returns the well-formed directives of f, and a badignore
// finding for each malformed one: no rule, an unknown rule, or no reason.
func directives(f *File, known func(string) bool) ([]directive, []finding.Finding) {
	var dirs []directive
	var bad []finding.Finding
	if !strings.Contains(string(f.Src), "riskvet:ignore") {
		return nil, nil
	}
	for n := 1; n <= f.Lines.NumLines(); n++ {
		text, _ := f.Lines.Line(n)
		loc := directiveRE.FindSubmatchIndex(text)
		if loc == nil {
			continue
		}
		rest := string(text[loc[2]:loc[3]])
		// The directive ends at the end of a block comment or at a
		// second line comment after it (a fixture's "// want").
		if i := strings.Index(rest, "*/"); i >= 0 {
			rest = rest[:i]
		}
		if i := strings.Index(rest, " //"); i >= 0 {
			rest = rest[:i]
		}
		report := func(format string, args ...any) {
			bad = append(bad, finding.Finding{
				Rule: BadIgnore, Engine: "riskvet", Language: finding.PHP,
				File: f.Path, Line: n, Column: loc[0] + 1,
				Message: fmt.Sprintf(format, args...),
			})
		}
		fields := strings.Fields(rest)
		if len(fields) == 0 {
			report("riskvet:ignore directive names no rule")
			continue
		}
		rules := strings.Split(fields[0], ",")
		ok := true
		for _, r := range rules {
			if r == "" || !known(r) {
				report("riskvet:ignore directive names unknown rule %q", r)
				ok = false
				break
			}
		}
		if !ok {
			continue
		}
		if len(fields) < 2 {
			report("riskvet:ignore %s directive gives no reason", fields[0])
			continue
		}
		dirs = append(dirs, directive{line: n, col: loc[0] + 1, rules: rules})
	}
	return dirs, bad
}

// dirRule is one rule named by one directive, by the directive's index.
type dirRule struct {
	dir  int
	rule string
}

// suppress drops the findings that a directive covers and reports which
// directives' rules covered at least one.
func suppress(fs []fixable, dirs []directive) ([]fixable, map[dirRule]bool) {
	if len(dirs) == 0 {
		return fs, nil
	}
	type key struct {
		line int
		rule string
	}
	covered := map[key][]int{}
	for i, d := range dirs {
		for _, r := range d.rules {
			covered[key{d.line, r}] = append(covered[key{d.line, r}], i)
			covered[key{d.line + 1, r}] = append(covered[key{d.line + 1, r}], i)
		}
	}
	used := map[dirRule]bool{}
	out := fs[:0]
	for _, f := range fs {
		by := covered[key{f.Line, f.Rule}]
		if len(by) == 0 {
			out = append(out, f)
			continue
		}
		for _, i := range by {
			used[dirRule{i, f.Rule}] = true
		}
	}
	return out, used
}

// unused returns a badignore finding for each rule of a directive that
// covered no finding although the rule ran on the file (ran), as
// staticcheck does for a //lint:ignore that matches nothing and PHPStan
// for an ignored error that no longer occurs: the code it excused has
// changed, and the directive would silence a future finding unseen.
func unused(f *File, dirs []directive, used map[dirRule]bool, ran map[string]bool) []finding.Finding {
	var out []finding.Finding
	for i, d := range dirs {
		for _, r := range d.rules {
			if !ran[r] || used[dirRule{i, r}] {
				continue
			}
			out = append(out, finding.Finding{
				Rule: BadIgnore, Engine: "riskvet", Language: finding.PHP,
				File: f.Path, Line: d.line, Column: d.col,
				Message: fmt.Sprintf("riskvet:ignore %s directive matches no finding on this line or the next; remove it", r),
			})
		}
	}
	return out
}
