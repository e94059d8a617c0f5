// Package checkout finds what the reports record about the checked tree
// besides its findings: the commit it was at, and its components (Go
// modules and Composer packages), by which the risk matrix groups files.
package checkout

import (
	"cmp"
	"encoding/json"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"

	"golang.org/x/mod/modfile"

	"github.com/riskvet/riskvet/internal/finding"
)

// Commit returns the commit HEAD names in the git repository holding dir,
// and its committer date in RFC 3339 (git's strict ISO 8601), or two empty
// strings when dir is in no repository, the repository has no commit yet,
// or git cannot run. The date is the commit's, not the time of the run:
// two runs on one commit record the same report.
//
// A dir the repository ignores (a downloaded corpus inside a checkout) is
// not that repository's code, and records no commit.
func Commit(dir string) (hash, date string) {
	if Ignored(dir, dir) {
		return "", ""
	}
	cmd := exec.Command("git", "log", "-1", "--format=%H %cI")
	cmd.Dir = dir
	// A repository's own configuration may not run programs here: log
	// runs none, and GIT_* variables of a hook that called riskvet must
	// not point it at another repository.
	cmd.Env = withoutGitVars(os.Environ())
	out, err := cmd.Output()
	if err != nil {
		return "", ""
	}
	hash, date, ok := strings.Cut(strings.TrimSpace(string(out)), " ")
	if !ok {
		return "", ""
	}
	return hash, date
}

// Ignored reports whether the git repository holding dir ignores path;
// false when dir is in no git repository or git cannot run.
func Ignored(dir, path string) bool {
	cmd := exec.Command("git", "check-ignore", "-q", "--", path)
	cmd.Dir = dir
	cmd.Env = withoutGitVars(os.Environ())
	// Exit status 0: ignored; 1: not ignored; 128: no repository.
	return cmd.Run() == nil
}

// withoutGitVars drops the GIT_DIR-like variables a git hook sets, which
// would make git look at the hook's repository rather than dir's.
func withoutGitVars(env []string) []string {
	out := env[:0:0]
	for _, kv := range env {
		if k, _, _ := strings.Cut(kv, "="); k == "GIT_DIR" || k == "GIT_WORK_TREE" || k == "GIT_INDEX_FILE" {
			continue
		}
		out = append(out, kv)
	}
	return out
}

// Components returns the directories under root that hold a go.mod or a
// composer.json, with the module path or package name they declare, sorted
// by path. Like the go command, the walk skips vendor, testdata and
// directories whose names start with "." or "_"; like phpcheck,
// node_modules. A directory that cannot be read, or a manifest that cannot
// be parsed, gives a component without a name: its files still belong to
// it.
func Components(root string) []finding.Component {
	var out []finding.Component
	_ = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil // an unreadable directory holds no component we can use
		}
		if d.IsDir() {
			name := d.Name()
			if p != root && (name == "vendor" || name == "testdata" || name == "node_modules" ||
				strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_")) {
				return filepath.SkipDir
			}
			return nil
		}
		kind := ""
		switch d.Name() {
		case "go.mod":
			kind = finding.GoModule
		case "composer.json":
			kind = finding.ComposerPackage
		default:
			return nil
		}
		rel, err := filepath.Rel(root, filepath.Dir(p))
		if err != nil {
			return nil
		}
		c := finding.Component{Path: filepath.ToSlash(rel), Kind: kind}
		if data, err := os.ReadFile(p); err == nil {
			c.Name = manifestName(kind, data)
		}
		out = append(out, c)
		return nil
	})
	slices.SortStableFunc(out, func(a, b finding.Component) int { return cmp.Compare(a.Path, b.Path) })
	return out
}

// manifestName returns the module path of a go.mod or the name of a
// composer.json, "" when it declares none.
func manifestName(kind string, data []byte) string {
	if kind == finding.GoModule {
		return modfile.ModulePath(data)
	}
	var c struct {
		Name string `json:"name"`
	}
	if json.Unmarshal(data, &c) != nil {
		return ""
	}
	return c.Name
}
