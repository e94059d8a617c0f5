package golangci_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"
)

// This file builds golangci-lint with the plugin linked in, the way
// golangci-lint custom does, and runs it on testdata/fixture.
//
// golangci-lint custom clones golangci-lint from GitHub, which these tests
// cannot reach, then replaces cmd/golangci-lint/plugins.go with blank
// imports of the plugins, adds requirements for them, and builds
// ./cmd/golangci-lint. customBinary does the same from the release's module
// zip, which the Go module proxy serves: the same source as the tag.
//
// The build compiles all of golangci-lint (minutes on a small machine the
// first time), so it is skipped under -short, and the binary is kept in the
// temporary directory under a key of golangci-lint's version, the Go
// version and a hash of every source file of riskvet the plugin links in:
// a changed analyzer rebuilds it, a rerun of the tests does not.

// customBinary returns a golangci-lint of version built with the plugin
// package importPath, building it unless a binary for the same key exists.
func customBinary(t *testing.T, version, importPath string) string {
	t.Helper()
	sum := pluginHash(t)
	h := sha256.New()
	fmt.Fprintf(h, "golangci-lint %s\ngo %s\nimport %s\nplugin %s\n", version, runtime.Version(), importPath, sum)
	key := hex.EncodeToString(h.Sum(nil))[:16]
	dir := filepath.Join(os.TempDir(), "riskvet-golangci-lint", version+"-"+key)
	bin := filepath.Join(dir, "custom-gcl")
	if _, err := os.Stat(bin); err == nil {
		t.Logf("using %s", bin)
		return bin
	}

	// The release's source, from the module cache (go mod download fills
	// it from the proxy), copied to a writable tree.
	var dl struct{ Dir, Error string }
	out := goCmd(t, "", "mod", "download", "-json", "github.com/golangci/golangci-lint/v2@"+version)
	if err := json.Unmarshal(out, &dl); err != nil || dl.Error != "" || dl.Dir == "" {
		t.Fatalf("go mod download golangci-lint %s: %v %s", version, err, dl.Error)
	}
	src := filepath.Join(t.TempDir(), "golangci-lint")
	if err := os.CopyFS(src, os.DirFS(dl.Dir)); err != nil {
		t.Fatal(err)
	}

	// What golangci-lint custom does: blank-import the plugin in
	// cmd/golangci-lint/plugins.go and require it. A local plugin is
	// required through a replace (custom's path: form); riskvet's own
	// module needs one too, since a dependency's replace directives do not
	// apply to the main module's build.
	plugins := fmt.Sprintf("package main\n\nimport _ %q\n", importPath)
	if err := os.WriteFile(filepath.Join(src, "cmd", "golangci-lint", "plugins.go"), []byte(plugins), 0o644); err != nil {
		t.Fatal(err)
	}
	pluginDir, err := filepath.Abs(".")
	if err != nil {
		t.Fatal(err)
	}
	mod := modulePath(t)
	goCmd(t, src, "mod", "edit",
		"-require", mod+"@v0.0.0", "-replace", mod+"="+pluginDir,
		"-require", "github.com/riskvet/riskvet@v0.0.0", "-replace", "github.com/riskvet/riskvet="+filepath.Dir(pluginDir))

	// custom runs go mod tidy here; -mod=mod adds the few missing go.sum
	// lines without tidy's download of every test dependency. The version
	// string is custom's form; golangci-lint salts its cache with it, so a
	// rebuilt plugin never replays findings cached by an older one.
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	tmp := bin + fmt.Sprintf(".%d.tmp", os.Getpid())
	ldflags := fmt.Sprintf("-X main.version=%s-custom-gcl-%s -X main.date=%s",
		strings.TrimPrefix(version, "v"), key, time.Now().UTC().Format(time.RFC3339))
	start := time.Now()
	goCmd(t, src, "build", "-mod=mod", "-buildvcs=false", "-ldflags", ldflags, "-o", tmp, "./cmd/golangci-lint")
	t.Logf("built golangci-lint %s with riskvet in %v", version, time.Since(start).Round(time.Second))
	// Rename is atomic: a concurrent test run sees no binary or a whole one.
	if err := os.Rename(tmp, bin); err != nil {
		t.Fatal(err)
	}
	// Drop binaries built from older sources (70 MB each). A run still
	// using one keeps it open; Unix frees it when that run ends.
	old, _ := filepath.Glob(filepath.Join(filepath.Dir(dir), version+"-*"))
	for _, o := range old {
		if o != dir {
			os.RemoveAll(o)
		}
	}
	return bin
}

// goCmd runs the go command in dir (the current one if empty) and returns
// its standard output, failing the test with its standard error.
func goCmd(t *testing.T, dir string, args ...string) []byte {
	t.Helper()
	cmd := exec.Command("go", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go %s: %v\n%s", strings.Join(args, " "), err, stderr.Bytes())
	}
	return out
}

// pluginHash hashes the name and content of every file riskvet's modules
// contribute to the plugin package's build, with both modules' go.mod and
// go.sum.
func pluginHash(t *testing.T) string {
	t.Helper()
	out := goCmd(t, "", "list", "-deps", "-f",
		`{{with .Module}}{{.Path}}{{end}}|{{.Dir}}|{{join .GoFiles ","}},{{join .EmbedFiles ","}}`, ".")
	files := []string{"go.mod", "go.sum", "../go.mod", "../go.sum"}
	for line := range strings.Lines(string(out)) {
		f := strings.Split(strings.TrimSpace(line), "|")
		if len(f) != 3 || !strings.HasPrefix(f[0], "github.com/riskvet/riskvet") {
			continue
		}
		for name := range strings.SplitSeq(f[2], ",") {
			if name != "" {
				files = append(files, filepath.Join(f[1], name))
			}
		}
	}
	slices.Sort(files)
	h := sha256.New()
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil && !errors.Is(err, os.ErrNotExist) {
			t.Fatal(err)
		}
		fmt.Fprintf(h, "%s %d\n", name, len(data))
		h.Write(data)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// issue is the part of a golangci-lint JSON issue the test compares.
type issue struct {
	FromLinter string
	Text       string
	Pos        struct {
		Filename     string
		Line, Column int
	}
}

func (i issue) String() string {
	return fmt.Sprintf("%s:%d:%d: %s: %s", filepath.Base(i.Pos.Filename), i.Pos.Line, i.Pos.Column, i.FromLinter, i.Text)
}

// lint runs golangci-lint on a fresh copy of the fixture module with config
// and returns its issues, sorted, its standard error and its exit code.
// Runs share cacheDir, golangci-lint's cache, on purpose.
func lint(t *testing.T, bin, config, cacheDir string) (issues []string, stderr string, code int) {
	t.Helper()
	work := t.TempDir()
	if err := os.CopyFS(work, os.DirFS("testdata/fixture")); err != nil {
		t.Fatal(err)
	}
	cfg := filepath.Join(work, ".golangci.yml")
	if err := os.WriteFile(cfg, []byte(config), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, "run", "--config", cfg, "--output.json.path=stdout", "--show-stats=false", "./...")
	cmd.Dir = work
	cmd.Env = append(os.Environ(), "GOLANGCI_LINT_CACHE="+cacheDir, "GOWORK=off", "GOFLAGS=")
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	var exit *exec.ExitError
	switch {
	case errors.As(err, &exit):
		code = exit.ExitCode()
	case err != nil:
		t.Fatal(err)
	}
	if code == 0 || code == 1 {
		var rep struct{ Issues []issue }
		if err := json.Unmarshal(out.Bytes(), &rep); err != nil {
			t.Fatalf("golangci-lint output: %v\n%s\n%s", err, out.Bytes(), errb.Bytes())
		}
		issues = []string{} // none is an empty list, never nil
		for _, i := range rep.Issues {
			issues = append(issues, i.String())
		}
		slices.Sort(issues)
	}
	return issues, errb.String(), code
}

// want is an expected finding: on the fixture line marked [marker], at the
// first byte of at on that line.
type want struct {
	file, marker, at, linter, text string
}

// expect renders wants in issue.String's form, locating them in the fixture.
func expect(t *testing.T, ws ...want) []string {
	t.Helper()
	out := []string{}
	for _, w := range ws {
		data, err := os.ReadFile(filepath.Join("testdata/fixture", w.file))
		if err != nil {
			t.Fatal(err)
		}
		line, col := 0, 0
		for n, l := range strings.Split(string(data), "\n") {
			if strings.Contains(l, "// ["+w.marker+"]") {
				line, col = n+1, strings.Index(l, w.at)+1
			}
		}
		if line == 0 || col == 0 {
			t.Fatalf("no line marked [%s] containing %q in %s", w.marker, w.at, w.file)
		}
		out = append(out, fmt.Sprintf("%s:%d:%d: %s: %s", w.file, line, col, w.linter, w.text))
	}
	slices.Sort(out)
	return out
}

// The fixture's findings, as golangci-lint prints them: the linter is
// riskvet, the message starts with the analyzer's name.
var (
	depth4At3 = want{"generics.go", "depth4", "List[Opt[List", "riskvet",
		"genericdepth: generic nesting depth 4 exceeds 3 in List[Opt[List[Opt[int]]]] (List → Opt → List → Opt); name an intermediate type"}
	depth4At1 = want{"generics.go", "depth4", "List[Opt[List", "riskvet",
		"genericdepth: generic nesting depth 4 exceeds 1 in List[Opt[List[Opt[int]]]] (List → Opt → List → Opt); name an intermediate type"}
	depth2At1 = want{"generics.go", "depth2", "Opt[Opt[string", "riskvet",
		"genericdepth: generic nesting depth 2 exceeds 1 in Opt[Opt[string]] (Opt → Opt); name an intermediate type"}
	coupling = want{"generics.go", "coupling", "M interface", "riskvet",
		"constraintcoupling: type parameter M's constraint couples 2 other type parameters (K, V); max is 1"}
	nilDeref = want{"nils.go", "nilderef", "Val //", "riskvet",
		"nilness: nil dereference in field selection"}
)

// onlyRiskvet is a configuration running riskvet alone with settings.
func onlyRiskvet(settings string) string {
	return `version: "2"
linters:
  default: none
  enable: [riskvet]
  settings:
    custom:
      riskvet:
        type: module
        settings:
` + settings
}

func TestEndToEnd(t *testing.T) {
	if testing.Short() {
		t.Skip("builds golangci-lint with the plugin (minutes the first time); run without -short")
	}
	c := loadCustomExample(t)
	bin := customBinary(t, c.Version, c.Plugins[0].Import)
	cache := t.TempDir()

	example, err := os.ReadFile(golangciExample)
	if err != nil {
		t.Fatal(err)
	}

	for _, tc := range []struct {
		name   string
		config string
		want   []string
	}{
		{
			// The documented example as a user copies it, standard linters
			// included: they are quiet on the fixture.
			name:   "example",
			config: string(example),
			want:   expect(t, depth4At3, coupling, nilDeref),
		},
		{
			// No settings at all: the default suite at default thresholds.
			name:   "default suite",
			config: onlyRiskvet(""),
			want:   expect(t, depth4At3, coupling, nilDeref),
		},
		{
			name:   "default max-depth",
			config: onlyRiskvet("          checks: [genericdepth]\n"),
			want:   expect(t, depth4At3),
		},
		{
			// Same analyzers, same sources, same cache as the run above:
			// only the setting differs. golangci-lint salts its cache with
			// linters.settings, so nothing stale is replayed.
			name:   "max-depth 1",
			config: onlyRiskvet("          checks: [genericdepth]\n          max-depth: 1\n"),
			want:   expect(t, depth4At1, depth2At1),
		},
		{
			name:   "max-coupling 2",
			config: onlyRiskvet("          max-coupling: 2\n          checks: [genericdepth, constraintcoupling]\n"),
			want:   expect(t, depth4At3),
		},
		{
			// govet's nilness on too: each linter keeps its own finding.
			name: "govet nilness alongside",
			config: `version: "2"
linters:
  default: none
  enable: [govet, riskvet]
  settings:
    govet:
      disable-all: true
      enable: [nilness]
    custom:
      riskvet:
        type: module
        settings:
          checks: [nilness]
issues:
  uniq-by-line: false
`,
			want: append(expect(t, nilDeref), expect(t, want{"nils.go", "nilderef", "Val //", "govet",
				"nilness: nil dereference in field selection"})...),
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, stderr, code := lint(t, bin, tc.config, cache)
			if code != 1 {
				t.Fatalf("exit code %d, want 1 (issues found)\n%s", code, stderr)
			}
			slices.Sort(tc.want)
			if !slices.Equal(got, tc.want) {
				t.Errorf("issues:\n\t%s\nwant:\n\t%s\nstderr:\n%s",
					strings.Join(got, "\n\t"), strings.Join(tc.want, "\n\t"), stderr)
			}
		})
	}

	// golangci-lint checks the example against its embedded JSON schema,
	// which rejects unknown keys anywhere (a misspelt enable, say).
	t.Run("example schema", func(t *testing.T) {
		for _, tc := range []struct {
			config string
			ok     bool
		}{
			{string(example), true},
			{"version: \"2\"\nlinters:\n  enabel: [riskvet]\n", false},
		} {
			cfg := filepath.Join(t.TempDir(), ".golangci.yml")
			if err := os.WriteFile(cfg, []byte(tc.config), 0o644); err != nil {
				t.Fatal(err)
			}
			out, err := exec.Command(bin, "config", "verify", "--config", cfg).CombinedOutput()
			if (err == nil) != tc.ok {
				t.Errorf("config verify of\n%s\nerror %v, want ok=%v\n%s", tc.config, err, tc.ok, out)
			}
		}
	})

	// Bad settings stop golangci-lint before it lints, naming the problem.
	for _, tc := range []struct{ settings, want string }{
		{"          max-depth: -1\n", "max-depth: must be at least 1, not -1"},
		{"          maxdepth: 4\n", `unknown field "maxdepth"`},
		{"          checks: [genericdepth, SA9999]\n", `unknown check "SA9999"`},
	} {
		t.Run("bad "+strings.TrimSpace(tc.settings), func(t *testing.T) {
			got, stderr, code := lint(t, bin, onlyRiskvet(tc.settings), cache)
			if code == 0 || code == 1 {
				t.Fatalf("exit code %d with issues %v, want golangci-lint's error exit", code, got)
			}
			if !strings.Contains(stderr, tc.want) {
				t.Errorf("stderr lacks %q:\n%s", tc.want, stderr)
			}
		})
	}
}
