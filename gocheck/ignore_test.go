package gocheck

import (
	"fmt"
	"go/token"
	"reflect"
	"testing"

	"honnef.co/go/tools/lintcmd/runner"
)

func TestApplyIgnores(t *testing.T) {
	pos := func(line, col int) token.Position {
		return token.Position{Filename: "/p/a.go", Line: line, Column: col}
	}
	diags := []runner.Diagnostic{
		{Position: pos(3, 5), Category: "genericdepth", Message: "on line 3"},
		{Position: pos(6, 5), Category: "genericdepth", Message: "on line 6"},
		{Position: pos(9, 5), Category: "nilness", Message: "on line 9"},
	}
	dirs := []runner.SerializedDirective{
		// Suppresses line 3.
		{Command: "ignore", Arguments: []string{"genericdepth", "the", "reason"}, DirectivePosition: pos(2, 1), NodePosition: pos(3, 1)},
		// No reason: malformed, suppresses nothing.
		{Command: "ignore", Arguments: []string{"genericdepth"}, DirectivePosition: pos(5, 1), NodePosition: pos(6, 1)},
		// Wrong check for line 9: suppresses nothing, reported as stale.
		{Command: "ignore", Arguments: []string{"genericdepth", "reason"}, DirectivePosition: pos(8, 1), NodePosition: pos(9, 1)},
		// Unknown directives are none of riskvet's business.
		{Command: "sometool", Arguments: []string{"x"}, DirectivePosition: pos(1, 1), NodePosition: pos(1, 1)},
	}
	enabled := enabledChecks([]string{"genericdepth", "nilness"}, []string{"all"})
	never := func(string, string) bool { return false }
	got := applyIgnores(diags, dirs, enabled, never)
	var lines []string
	for _, d := range got {
		lines = append(lines, fmt.Sprintf("a.go:%d:%d: %s (%s)", d.Position.Line, d.Position.Column, d.Message, d.Category))
	}
	want := []string{
		"a.go:5:1: malformed //lint:ignore directive: want //lint:ignore CHECK[,CHECK] reason (lintdirective)",
		"a.go:8:1: //lint:ignore genericdepth suppresses no finding on this line (lintdirective)",
		"a.go:6:5: on line 6 (genericdepth)",
		"a.go:9:5: on line 9 (nilness)",
	}
	if !reflect.DeepEqual(lines, want) {
		t.Errorf("applyIgnores:\ngot  %q\nwant %q", lines, want)
	}

	// A file-ignore covers the whole file, for the checks it names.
	got = applyIgnores(diags, []runner.SerializedDirective{
		{Command: "file-ignore", Arguments: []string{"genericdepth", "generated"}, DirectivePosition: pos(1, 1), NodePosition: pos(1, 1)},
	}, enabled, never)
	if len(got) != 1 || got[0].Category != "nilness" {
		t.Errorf("file-ignore left %v, want only the nilness finding", got)
	}

	// Per-path settings: with genericdepth off in a.go, its findings were
	// dropped as reported, and a directive naming it is not stale; with
	// lintdirective off there, no directive finding is made.
	for _, tc := range []struct {
		off  string
		want int // lintdirective findings
	}{{"genericdepth", 1}, {"lintdirective", 0}} {
		off := func(path, check string) bool { return path == "/p/a.go" && check == tc.off }
		n := 0
		for _, d := range applyIgnores(diags[2:], dirs, enabled, off) {
			if d.Category == directiveRule {
				n++
			}
		}
		if n != tc.want {
			t.Errorf("%s off in a.go: %d lintdirective findings, want %d", tc.off, n, tc.want)
		}
	}
}
