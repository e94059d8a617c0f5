package examples_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestPreCommitEndToEnd runs the repository's hooks with the real
// pre-commit, as `pre-commit try-repo` does for a user trying them: in a
// temporary git repository, each hook fails with its finding on a bad file
// and passes on a good one; riskvet-php, given only the staged file, still
// resolves a method declared in a file outside the commit; and the plain
// git hook of pre-commit.sh does the same with the binary pre-commit built.
//
// pre-commit builds riskvet with `go install ./...` in a clone of the
// repository, once for the three hooks. try-repo would make a new clone,
// and a new build, on every call when the checkout has uncommitted changes;
// the test instead snapshots the working tree (HEAD plus the changes to
// tracked files, what try-repo itself uses) into one commit, so that every
// call reuses the first build. Modules come from the usual module cache.
func TestPreCommitEndToEnd(t *testing.T) {
	if testing.Short() {
		t.Skip("builds riskvet through pre-commit; skipped with -short")
	}
	for _, tool := range []string{"pre-commit", "git", "go"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s is not installed: the pre-commit hooks are not tested (Debian: apt-get install pre-commit git)", tool)
		}
	}
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	src := snapshot(t, root)
	modcache, err := exec.Command("go", "env", "GOMODCACHE").Output()
	if err != nil {
		t.Fatal(err)
	}
	home := t.TempDir()
	env := append(os.Environ(),
		"PRE_COMMIT_HOME="+filepath.Join(home, "pre-commit"),
		"GOMODCACHE="+strings.TrimSpace(string(modcache)),
		"GOTOOLCHAIN=local",
		"RISKVET_CACHE="+filepath.Join(home, "riskvet-cache"),
		"GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.com",
		"GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.com",
	)

	work := t.TempDir()
	run := func(name string, args ...string) (string, error) {
		cmd := exec.Command(name, args...)
		cmd.Dir, cmd.Env = work, env
		out, err := cmd.CombinedOutput()
		return string(out), err
	}
	must := func(name string, args ...string) {
		t.Helper()
		if out, err := run(name, args...); err != nil {
			t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
		}
	}
	write := func(name, content string) {
		t.Helper()
		p := filepath.Join(work, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// check runs pre-commit; fail says whether it must fail, and want what
	// its output must hold.
	check := func(fail bool, want []string, args ...string) {
		t.Helper()
		out, err := run("pre-commit", args...)
		ok := (err != nil) == fail
		for _, w := range want {
			ok = ok && strings.Contains(out, w)
		}
		if !ok {
			t.Fatalf("pre-commit %s: failed %v, want %v, and output holding %q:\n%s", strings.Join(args, " "), err != nil, fail, want, out)
		}
	}

	must("git", "init", "-q")
	// A project, committed: a PHP repository class and Go generic types.
	// The finding below follows Repo::find()'s body in another file: shown
	// evidence, which the project asks for in its riskvet.toml.
	write("riskvet.toml", "[nullderef]\nlevel = \"shown\"\n")
	write("lib/Repo.php", "<?php\ndeclare(strict_types=1);\nclass User { public string $name = ''; }\nclass Repo {\n    public function find(int $id): ?User { return null; }\n}\n")
	write("go.mod", "module example.com/hooks\n\ngo 1.22\n")
	write("types.go", "package hooks\n\ntype Opt[T any] struct{ v T }\n\ntype List[T any] struct{ v []T }\n")
	must("git", "add", "-A")
	must("git", "commit", "-qm", "project")

	// try-repo with every hook, on bad files: each fails with its finding.
	// (try-repo installs into a store of its own on every call, so it is
	// called once; the other cases use the same hooks through a config.)
	write("deep.go", "package hooks\n\nvar Deep Opt[List[Opt[List[int]]]]\n")
	write("app/Controller.php", "<?php\ndeclare(strict_types=1);\nfunction show(Repo $r): string {\n    return $r->find(1)->name;\n}\n")
	write("legacy.php", "<?php\necho 1;\n")
	must("git", "add", "deep.go", "legacy.php") // pre-commit sees a fix as a change to a tracked file
	check(true, []string{
		"deep.go:3:10: genericdepth: generic nesting depth 4 exceeds 3",
		"app/Controller.php:4:12: nullderef: $r->find() may be null here (Repo::find() returns null at lib/Repo.php:5)",
		"legacy.php:1:1: stricttypes: file does not declare strict_types=1",
		"files were modified by this hook",
	}, "try-repo", src, "--files", "deep.go", "app/Controller.php", "legacy.php")
	if b, _ := os.ReadFile(filepath.Join(work, "legacy.php")); !bytes.Contains(b, []byte("declare(strict_types=1);")) {
		t.Errorf("legacy.php was not fixed:\n%s", b)
	}

	// The same hooks from a .pre-commit-config.yaml naming the snapshot.
	rev, err := exec.Command("git", "-C", src, "rev-parse", "HEAD").Output()
	if err != nil {
		t.Fatal(err)
	}
	write(".pre-commit-config.yaml", "repos:\n  - repo: "+src+"\n    rev: "+strings.TrimSpace(string(rev))+"\n    hooks:\n      - id: riskvet-go\n      - id: riskvet-php\n      - id: riskvet-stricttypes-fix\n")
	must("git", "add", ".pre-commit-config.yaml", "legacy.php")
	// Good files pass.
	write("deep.go", "package hooks\n\nvar Shallow Opt[List[int]]\n")
	check(false, []string{"Passed"}, "run", "riskvet-go", "--files", "deep.go")
	check(false, []string{"Passed"}, "run", "riskvet-php", "--files", "lib/Repo.php", "legacy.php")
	check(false, []string{"Passed"}, "run", "riskvet-stricttypes-fix", "--files", "legacy.php")
	// The staged files only: the controller, whose Repo is declared in a
	// file that is not part of the commit, is still judged with its type.
	must("git", "add", "app/Controller.php")
	check(true, []string{"app/Controller.php:4:12: nullderef"}, "run", "riskvet-php")
	// Test code is not reported by default; the hook's args pass a check's
	// flags as on the command line.
	write("tests/RepoTest.php", "<?php\ndeclare(strict_types=1);\nfunction testFind(Repo $r): string {\n    return $r->find(1)->name;\n}\n")
	check(false, []string{"Passed"}, "run", "riskvet-php", "--files", "tests/RepoTest.php")
	config, err := os.ReadFile(filepath.Join(work, ".pre-commit-config.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	write(".pre-commit-config.yaml", strings.Replace(string(config), "- id: riskvet-php\n", "- id: riskvet-php\n        args: [-nullderef.tests]\n", 1))
	must("git", "add", ".pre-commit-config.yaml")
	check(true, []string{"tests/RepoTest.php:4:12: nullderef"}, "run", "riskvet-php", "--files", "tests/RepoTest.php")
	write(".pre-commit-config.yaml", string(config))
	must("git", "add", ".pre-commit-config.yaml")

	// The plain git hook, with the riskvet pre-commit built.
	bins, _ := filepath.Glob(filepath.Join(home, "pre-commit", "*", "golangenv-*", "bin", "riskvet"))
	must("git", "stash", "-q", "--keep-index") // deep.go's edit is not part of this commit
	if len(bins) == 0 {
		t.Fatal("pre-commit built no riskvet binary")
	}
	hook, err := os.ReadFile("pre-commit.sh")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(work, ".git", "hooks", "pre-commit"), hook, 0o755); err != nil {
		t.Fatal(err)
	}
	env = append(env, "PATH="+filepath.Dir(bins[0])+string(os.PathListSeparator)+os.Getenv("PATH"))
	must("git", "reset", "-q")
	must("git", "add", "app/Controller.php")
	if out, err := run("git", "commit", "-qm", "controller"); err == nil || !strings.Contains(out, "nullderef") {
		t.Fatalf("git commit with the bad controller: err %v\n%s", err, out)
	}
	write("app/Controller.php", "<?php\ndeclare(strict_types=1);\nfunction show(Repo $r): string {\n    return $r->find(1)?->name ?? '';\n}\n")
	must("git", "add", "app/Controller.php")
	must("git", "commit", "-qm", "controller")
}

// snapshot clones the repository at root into a temporary directory and
// commits there the working tree's changes to tracked files.
func snapshot(t *testing.T, root string) string {
	t.Helper()
	dst := filepath.Join(t.TempDir(), "riskvet")
	git := func(dir string, stdin []byte, args ...string) []byte {
		t.Helper()
		cmd := exec.Command("git", args...)
		cmd.Dir = dir
		cmd.Stdin = bytes.NewReader(stdin)
		cmd.Env = append(os.Environ(), "GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.com", "GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.com")
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("git %s: %v", strings.Join(args, " "), err)
		}
		return out
	}
	git(root, nil, "clone", "-q", root, dst)
	if diff := git(root, nil, "diff", "--binary", "HEAD"); len(diff) > 0 {
		git(dst, diff, "apply", "--binary", "-")
		git(dst, nil, "add", "-A")
		git(dst, nil, "commit", "-qm", "working tree")
	}
	return dst
}
