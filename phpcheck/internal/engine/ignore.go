package engine

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
//
// Directives are found by scanning the text, not the token stream, so a
// string literal that contains "// riskvet:ignore" also counts; that costs
// nothing in practice and keeps the scan independent of the parser, which
// means directives work the same on every file the parser accepts.
var directiveRE = regexp.MustCompile(`(?://|#|/\*)\s*riskvet:ignore\b(.*)`)

type directive struct {
	line  int
	rules []string
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
		dirs = append(dirs, directive{line: n, rules: rules})
	}
	return dirs, bad
}

// suppress drops the findings that a directive covers.
func suppress(fs []fixable, dirs []directive) []fixable {
	if len(dirs) == 0 {
		return fs
	}
	type key struct {
		line int
		rule string
	}
	covered := map[key]bool{}
	for _, d := range dirs {
		for _, r := range d.rules {
			covered[key{d.line, r}] = true
			covered[key{d.line + 1, r}] = true
		}
	}
	out := fs[:0]
	for _, f := range fs {
		if !covered[key{f.Line, f.Rule}] {
			out = append(out, f)
		}
	}
	return out
}
