package main

import (
	"bufio"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// readmeCommands returns the commands of the README's first code block,
// the two a new user runs first, without their comments.
func readmeCommands(t *testing.T) []string {
	t.Helper()
	f, err := os.Open(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var cmds []string
	in := false
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "```") && in:
			return cmds
		case strings.HasPrefix(line, "```"):
			in = true
		case in:
			cmd, _, _ := strings.Cut(line, "#")
			if cmd = strings.TrimSpace(cmd); cmd != "" {
				cmds = append(cmds, cmd)
			}
		}
	}
	t.Fatal("README.md has no code block")
	return nil
}

// TestReadmeCommands pins the README's first commands: the demo and the
// test command, which .ci/run must run as they are written.
func TestReadmeCommands(t *testing.T) {
	cmds := readmeCommands(t)
	want := []string{"go run ./cmd/riskvet demo", "go test -timeout 60m ./..."}
	if !slices.Equal(cmds, want) {
		t.Fatalf("README's first commands are %q, want %q (TestCleanClone runs them)", cmds, want)
	}
	ci, err := os.ReadFile(filepath.Join("..", "..", ".ci", "run"))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(ci)), "\n")
	if last := lines[len(lines)-1]; last != want[1] {
		t.Errorf(".ci/run ends with %q, not the README's test command %q", last, want[1])
	}
}

// TestCleanClone clones the repository's HEAD into an empty folder and
// runs the README's commands there, with nothing beside the clone: the
// demo as written, and the test command on a quick subset of packages
// (the writers, whose validation once lived outside the repository).
// Modules come from the module cache only. Uncommitted changes are not in
// the clone: commit before trusting it.
func TestCleanClone(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: clones the repository and builds riskvet")
	}
	for _, tool := range []string{"git", "go"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("no %s", tool)
		}
	}
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(root, ".git")); err != nil {
		t.Skipf("not a git checkout: %v", err)
	}
	clone := filepath.Join(t.TempDir(), "riskvet")
	if out, err := exec.Command("git", "clone", "--quiet", "--no-hardlinks", root, clone).CombinedOutput(); err != nil {
		t.Fatalf("git clone: %v\n%s", err, out)
	}
	env := slices.DeleteFunc(os.Environ(), func(kv string) bool {
		return strings.HasPrefix(kv, "RISKVET_") || strings.HasPrefix(kv, "GOFLAGS=")
	})
	// The demo, run without -o, leaves its project in a new temporary
	// directory for the user to open: the test's own, removed after it.
	env = append(env, "GOPROXY=off", "GOFLAGS=-mod=mod", "GOTOOLCHAIN=local", "TMPDIR="+t.TempDir())
	run := func(args ...string) string {
		t.Helper()
		cmd := exec.Command(args[0], args[1:]...)
		cmd.Dir = clone
		cmd.Env = env
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("%s in a clean clone: %v\n%s", strings.Join(args, " "), err, out)
		}
		return string(out)
	}
	cmds := readmeCommands(t)
	demo := run(strings.Fields(cmds[0])...)
	for _, want := range []string{"nullderef", "genericdepth", "matrix.html"} {
		if !strings.Contains(demo, want) {
			t.Errorf("the demo's output lacks %q:\n%s", want, demo)
		}
	}
	test := strings.Fields(cmds[1])
	test = slices.Concat(test[:len(test)-1], []string{"-short", "-count=1", "./report/...", "./printer/...", "./matrix/...", "./internal/reportcheck/..."})
	run(test...)
}
