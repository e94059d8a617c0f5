package gocheck

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"honnef.co/go/tools/lintcmd/runner"
)

// directiveRule is the rule of findings about //lint:ignore directives
// themselves: one without a reason, or one that suppresses nothing.
const directiveRule = "lintdirective"

// applyIgnores applies //lint:ignore and //lint:file-ignore directives as
// staticcheck does: "//lint:ignore CHECK[,CHECK] reason" on the line above
// (or at the end of) a statement suppresses those checks' findings on that
// node's line; the reason is required. A malformed directive, or a line
// directive for an enabled check that suppressed nothing, is itself
// reported under directiveRule, so that stale suppressions do not pile up.
//
// Per-path settings (off, Config.Off) have dropped the findings of checks
// off in a file before the directives see them, so a directive only counts
// as stale for a check that is on in its file; and a directiveRule finding
// is made only where off lets directiveRule report.
func applyIgnores(diags []runner.Diagnostic, dirs []runner.SerializedDirective, enabled map[string]bool, off func(path, check string) bool) []runner.Diagnostic {
	suppressed := make([]bool, len(diags))
	var extra []runner.Diagnostic
	for _, dir := range dirs {
		if dir.Command != "ignore" && dir.Command != "file-ignore" {
			continue
		}
		if len(dir.Arguments) < 2 {
			extra = append(extra, runner.Diagnostic{
				Position: dir.DirectivePosition,
				Category: directiveRule,
				Message:  fmt.Sprintf("malformed //lint:%s directive: want //lint:%[1]s CHECK[,CHECK] reason", dir.Command),
			})
			continue
		}
		checks := strings.Split(strings.ToLower(dir.Arguments[0]), ",")
		matched, relevant := false, false
		for _, c := range checks {
			if enabled[c] && !off(dir.NodePosition.Filename, c) {
				relevant = true
			}
		}
		for i, d := range diags {
			if d.Position.Filename != dir.NodePosition.Filename {
				continue
			}
			if dir.Command == "ignore" && d.Position.Line != dir.NodePosition.Line {
				continue
			}
			if Suppresses(checks, d.Category) {
				suppressed[i], matched = true, true
			}
		}
		if dir.Command == "ignore" && !matched && relevant {
			extra = append(extra, runner.Diagnostic{
				Position: dir.DirectivePosition,
				Category: directiveRule,
				Message:  fmt.Sprintf("//lint:ignore %s suppresses no finding on this line", dir.Arguments[0]),
			})
		}
	}
	out := slices.DeleteFunc(extra, func(d runner.Diagnostic) bool { return off(d.Position.Filename, directiveRule) })
	for i, d := range diags {
		if !suppressed[i] {
			out = append(out, d)
		}
	}
	return out
}

// Suppresses reports whether a directive naming checks (names or
// patterns such as "SA4*", in any case) covers rule, as staticcheck
// matches them.
func Suppresses(checks []string, rule string) bool {
	rule = strings.ToLower(rule)
	for _, c := range checks {
		if ok, _ := filepath.Match(strings.ToLower(c), rule); ok {
			return true
		}
	}
	return false
}
