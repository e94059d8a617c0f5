package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"testing"
)

// TestProjectRootIgnored: a named file brings its git repository as its
// project, unless the repository ignores it (a downloaded corpus inside a
// checkout must not index the whole checkout).
func TestProjectRootIgnored(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not installed")
	}
	dir := t.TempDir()
	if out, err := exec.Command("git", "init", "-q", dir).CombinedOutput(); err != nil {
		t.Fatalf("git init: %v\n%s", err, out)
	}
	for name, src := range map[string]string{
		".gitignore":     "corpus/\n",
		"src/a.php":      "<?php\n",
		"corpus/x/b.php": "<?php\n",
	} {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	root, _ := filepath.EvalSymlinks(dir)
	for _, c := range []struct {
		file    string
		roots   []string
		partial bool
	}{
		{"src/a.php", []string{root}, false},
		{"corpus/x/b.php", nil, true},
	} {
		roots, partial := findProjects([]string{filepath.Join(root, filepath.FromSlash(c.file))})
		if !slices.Equal(roots, c.roots) || partial != c.partial {
			t.Errorf("%s: roots %v, partial %v; want %v, %v", c.file, roots, partial, c.roots, c.partial)
		}
	}
}
