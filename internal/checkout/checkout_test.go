package checkout_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"testing"

	"github.com/riskvet/riskvet/internal/checkout"
	"github.com/riskvet/riskvet/internal/finding"
)

func write(t *testing.T, root string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestComponents: go.mod and composer.json mark components, with their
// declared names; vendor, testdata and hidden directories are not walked.
func TestComponents(t *testing.T) {
	root := t.TempDir()
	write(t, root, map[string]string{
		"go.mod":                     "module example.com/top\n",
		"svc/api/go.mod":             "module example.com/api\n\ngo 1.22\n",
		"web/composer.json":          `{"name": "acme/web"}`,
		"web/vendor/x/composer.json": `{"name": "x/x"}`,
		"lib/testdata/go.mod":        "module fixture\n",
		".git/composer.json":         `{}`,
		"broken/composer.json":       `{`,
		"web/src/Page.php":           "<?php\n",
	})
	got := checkout.Components(root)
	want := []finding.Component{
		{Path: ".", Kind: finding.GoModule, Name: "example.com/top"},
		{Path: "broken", Kind: finding.ComposerPackage},
		{Path: "svc/api", Kind: finding.GoModule, Name: "example.com/api"},
		{Path: "web", Kind: finding.ComposerPackage, Name: "acme/web"},
	}
	if !slices.Equal(got, want) {
		t.Errorf("Components = %+v\nwant %+v", got, want)
	}
}

// TestCommit: in a repository, the commit and its committer date; outside
// one, nothing.
func TestCommit(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("no git")
	}
	dir := t.TempDir()
	if h, d := checkout.Commit(dir); h != "" || d != "" {
		t.Errorf("outside a repository: %q %q, want nothing", h, d)
	}
	write(t, dir, map[string]string{"a.txt": "a\n"})
	git := func(args ...string) {
		t.Helper()
		cmd := exec.Command("git", args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GIT_AUTHOR_NAME=a", "GIT_AUTHOR_EMAIL=a@example.com", "GIT_COMMITTER_NAME=a",
			"GIT_COMMITTER_EMAIL=a@example.com", "GIT_COMMITTER_DATE=2026-03-01T10:00:00+01:00", "GIT_AUTHOR_DATE=2026-03-01T10:00:00+01:00")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	git("init", "-q")
	if h, _ := checkout.Commit(dir); h != "" {
		t.Errorf("a repository without commits: %q, want nothing", h)
	}
	git("add", ".")
	git("commit", "-q", "-m", "first")
	h, d := checkout.Commit(filepath.Join(dir))
	if !regexp.MustCompile(`^[0-9a-f]{40}$`).MatchString(h) || d != "2026-03-01T10:00:00+01:00" {
		t.Errorf("Commit = %q, %q; want a hash and 2026-03-01T10:00:00+01:00", h, d)
	}
	// A folder the repository ignores is not its code: no commit.
	write(t, dir, map[string]string{".gitignore": "corpus/\n", "corpus/x/b.php": "<?php\n"})
	if h, _ := checkout.Commit(filepath.Join(dir, "corpus", "x")); h != "" {
		t.Errorf("an ignored folder: %q, want nothing", h)
	}
}
