package main

import (
	"bytes"
	"strings"
	"testing"
)

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
		code := run(tc.args, strings.NewReader(""), &stdout, &stderr)
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
		t.Fatalf("-genericdepth.max: %v", err)
	}
	fs, _ = newGoFlagSet(new(bytes.Buffer))
	if got := fs.Lookup("genericdepth.max").Value.String(); got != "3" {
		t.Errorf("genericdepth.max after a new flag set = %s, want the default 3", got)
	}
}
