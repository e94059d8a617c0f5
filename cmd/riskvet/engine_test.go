package main

import (
	"bytes"
	"fmt"
	"go/token"
	"reflect"
	"strings"
	"testing"

	"honnef.co/go/tools/lintcmd/runner"

	"github.com/riskvet/riskvet/analyzers"
	"github.com/riskvet/riskvet/analyzers/vettool"
	"github.com/riskvet/riskvet/internal/finding"
	"github.com/riskvet/riskvet/internal/rules"
)

func TestVettoolMode(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want bool
	}{
		{[]string{"-V=full"}, true},
		{[]string{"-flags"}, true},
		{[]string{"-genericdepth.max=5", "-json", "/tmp/go-build1/b001/vet.cfg"}, true},
		{[]string{"./..."}, false},
		{[]string{"-version"}, false},
		{[]string{"-f", "json", "std"}, false},
		{nil, false},
	} {
		if got := vettoolMode(tc.args); got != tc.want {
			t.Errorf("vettoolMode(%q) = %v, want %v", tc.args, got, tc.want)
		}
	}
}

func TestVettoolSuiteUnique(t *testing.T) {
	seen := map[string]bool{}
	for _, a := range vettool.Analyzers() {
		if seen[a.Name] {
			t.Errorf("analyzer %s twice in the vettool suite", a.Name)
		}
		seen[a.Name] = true
	}
	for _, want := range []string{"genericdepth", "constraintcoupling", "printf", "copylocks"} {
		if !seen[want] {
			t.Errorf("vettool suite lacks %s", want)
		}
	}
}

func TestEnabledChecks(t *testing.T) {
	names := []string{"genericdepth", "nilness", "sa5011", "sa4023", "s1000"}
	for _, tc := range []struct {
		checks []string
		on     []string
	}{
		{[]string{"all"}, names},
		{[]string{"all", "-nilness"}, []string{"genericdepth", "sa5011", "sa4023", "s1000"}},
		{[]string{"SA*"}, []string{"sa5011", "sa4023"}},
		{[]string{"S*"}, []string{"s1000"}},
		{[]string{"SA50*"}, []string{"sa5011"}},
		{[]string{"GenericDepth"}, []string{"genericdepth"}},
	} {
		enabled := enabledChecks(names, tc.checks)
		var on []string
		for _, n := range names {
			if isEnabled(enabled, names, n) {
				on = append(on, n)
			}
		}
		if !reflect.DeepEqual(on, tc.on) {
			t.Errorf("-checks=%s enables %v, want %v", strings.Join(tc.checks, ","), on, tc.on)
		}
	}
}

func TestIsEnabledForeignCategory(t *testing.T) {
	names := []string{"genericdepth", "nilness"}
	// An analyzer's own Category survives when every check is on, and is
	// dropped when the user picked checks by name.
	if !isEnabled(enabledChecks(names, []string{"all"}), names, "custom") {
		t.Error("category of no analyzer dropped under -checks=all")
	}
	if isEnabled(enabledChecks(names, []string{"genericdepth"}), names, "custom") {
		t.Error("category of no analyzer kept under -checks=genericdepth")
	}
}

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
	got := applyIgnores(diags, dirs, enabled)
	var lines []string
	for _, d := range got {
		lines = append(lines, positionString("a.go", d.Position.Line, d.Position.Column)+": "+d.Message+" ("+d.Category+")")
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
	}, enabled)
	if len(got) != 1 || got[0].Category != "nilness" {
		t.Errorf("file-ignore left %v, want only the nilness finding", got)
	}
}

func TestMessageErrors(t *testing.T) {
	msg := "# example.com/broken\n./b.go:3:13: cannot use \"s\" as int value\n\tmore detail\nb.go:5: no column"
	got := messageErrors(msg)
	want := []finding.Error{
		{File: "./b.go", Line: 3, Column: 13, Message: "cannot use \"s\" as int value\n\tmore detail"},
		{File: "b.go", Line: 5, Message: "no column"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("messageErrors:\ngot  %+v\nwant %+v", got, want)
	}
}

func TestRelPath(t *testing.T) {
	for _, tc := range []struct{ dir, path, want string }{
		{"/m", "/m/a/b.go", "a/b.go"},
		{"/m", "/usr/lib/go/src/fmt/print.go", "/usr/lib/go/src/fmt/print.go"},
		{"/m", "/mod/x.go", "/mod/x.go"},
	} {
		if got := relPath(tc.dir, tc.path); got != tc.want {
			t.Errorf("relPath(%q, %q) = %q, want %q", tc.dir, tc.path, got, tc.want)
		}
	}
}

// TestRunInProcess checks the exit codes of run itself, without a child
// process: the scripts check the same through the binary.
func TestRunInProcess(t *testing.T) {
	for _, tc := range []struct {
		args []string
		code int
		out  string // substring of stdout+stderr
	}{
		{[]string{"-version"}, exitClean, "riskvet devel"},
		{nil, exitError, "usage: riskvet"},
		{[]string{"-nosuchflag"}, exitError, "flag provided but not defined"},
		{[]string{"help"}, exitClean, "genericdepth"},
		{[]string{"help", "genericdepth"}, exitClean, "Generic instantiation nested too deep"},
		{[]string{"help", "nosuchrule"}, exitError, `unknown command or rule "nosuchrule"`},
		{[]string{"-explain", "constraintcoupling"}, exitClean, "constraintcoupling:"},
		{[]string{"-f", "xml", "./..."}, exitError, `unknown format "xml"`},
	} {
		var stdout, stderr bytes.Buffer
		code := run(tc.args, &stdout, &stderr)
		if code != tc.code || !strings.Contains(stdout.String()+stderr.String(), tc.out) {
			t.Errorf("run(%q) = %d, output %q; want %d and %q", tc.args, code, stdout.String()+stderr.String(), tc.code, tc.out)
		}
	}
}

// TestFlagsReset checks that an analyzer threshold set by one run does not
// leak into the next run in the same process.
func TestFlagsReset(t *testing.T) {
	fs, _ := newGoFlagSet(new(bytes.Buffer))
	if err := fs.Parse([]string{"-genericdepth.max=7"}); err != nil {
		t.Skipf("genericdepth has no max flag yet: %v", err)
	}
	fs, _ = newGoFlagSet(new(bytes.Buffer))
	if got := fs.Lookup("genericdepth.max").Value.String(); got != "3" {
		t.Errorf("genericdepth.max after a new flag set = %s, want the default 3", got)
	}
}

func TestCompareVet(t *testing.T) {
	// An installed vet without scannererr but with a check the vettool
	// lacks.
	var installed []string
	for _, a := range vettool.Analyzers() {
		if r, _ := rules.Lookup(a.Name); r.ID == "" && a.Name != "scannererr" {
			installed = append(installed, a.Name)
		}
	}
	installed = append(installed, "errorsas", "newcheck")
	extra, missing := compareVet(installed)
	var names []string
	for _, e := range extra {
		names = append(names, e.name+"/"+e.source)
	}
	// riskvet's own analyzers come first, in the suite's order.
	var own []string
	for _, a := range analyzers.Suite {
		if r, _ := rules.Lookup(a.Name); r.ID != "" && r.Upstream == "" {
			own = append(own, a.Name+"/riskvet")
		}
	}
	want := strings.Join(own, " ") + " nilness/x/tools nilfunc/x/tools ifaceassert/x/tools " +
		"SA4023/staticcheck SA5010/staticcheck SA4022/staticcheck SA4031/staticcheck SA4020/staticcheck scannererr/x/tools vet suite"
	if got := strings.Join(names, " "); got != want {
		t.Errorf("extra = %s\nwant    %s", got, want)
	}
	if fmt.Sprint(missing) != "[newcheck]" {
		t.Errorf("missing = %v, want [newcheck]", missing)
	}
	for _, e := range extra {
		if e.title == "" || strings.HasPrefix(e.title, e.name+":") {
			t.Errorf("%s: title %q", e.name, e.title)
		}
	}
}
