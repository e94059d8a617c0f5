package gocheck

import (
	"go/ast"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/riskvet/riskvet/analyzers/singleinst"
)

type countFact struct{}

func (*countFact) AFact() {}

// TestSkipOff checks that an analyzer off in every file of a package does
// not run on it, and that one that produces facts, one another requires,
// and singleinst still do.
func TestSkipOff(t *testing.T) {
	dir, cleanup, err := analysistest.WriteFiles(map[string]string{
		"app/app.go":        "package app\n\nimport _ \"legacy/old\"\n",
		"legacy/old/old.go": "package old\n\nfunc F() {}\n",
		"legacy/old/s.s":    "// assembly: a file of the package too\n",
		"legacy/gen/gen.go": "package gen\n\n//line gen.y:1\nfunc G() {}\n",
	})
	if err != nil {
		t.Fatal(err)
	}
	defer cleanup()
	legacy := filepath.Join(dir, "src", "legacy") + string(filepath.Separator)
	off := func(path, check string) bool { return strings.HasPrefix(path, legacy) }

	var mu sync.Mutex
	ran := map[string]bool{}
	counter := func(name string) *analysis.Analyzer {
		a := &analysis.Analyzer{Name: name, Doc: "counts the packages it runs on", ResultType: reflect.TypeFor[*int]()}
		a.Run = func(pass *analysis.Pass) (any, error) {
			mu.Lock()
			ran[name+" "+pass.Pkg.Path()] = true
			mu.Unlock()
			return new(int), nil
		}
		return a
	}
	plain, facts, required := counter("plain"), counter("facts"), counter("required")
	facts.FactTypes = []analysis.Fact{new(countFact)}
	user := counter("user")
	user.Requires = []*analysis.Analyzer{required}
	as := SkipOff([]*analysis.Analyzer{plain, facts, required, user}, off)
	if !slices.Contains(SkipOff([]*analysis.Analyzer{singleinst.Analyzer}, off), singleinst.Analyzer) {
		t.Error("singleinst is wrapped to be skipped; its records count for other packages")
	}
	for _, a := range as {
		analysistest.Run(t, dir, a, "app", "legacy/old", "legacy/gen")
	}
	var got []string
	for k := range ran {
		got = append(got, k)
	}
	slices.Sort(got)
	want := []string{
		"facts app", "facts legacy/gen", "facts legacy/old",
		"plain app", "plain legacy/gen", // legacy/gen: its //line directive may place a finding elsewhere
		"required app", "required legacy/gen", "required legacy/old",
		"user app", "user legacy/gen",
	}
	if !slices.Equal(got, want) {
		t.Errorf("ran %q, want %q", got, want)
	}
}

// TestCacheSaltOff checks that the per-path settings key the result cache:
// a package an analyzer skipped under one configuration is never replayed
// under another.
func TestCacheSaltOff(t *testing.T) {
	a, err := cacheSalt("config-a")
	if err != nil {
		t.Fatal(err)
	}
	b, err := cacheSalt("config-b")
	if err != nil {
		t.Fatal(err)
	}
	if slices.Equal(a, b) {
		t.Error("two per-path settings give the same cache salt")
	}
}

// TestPerPath checks that a diagnostic reported in a file where its check
// is off is dropped as it is reported, in a package whose other file keeps
// its diagnostic (analysistest fails on a diagnostic without a want, and on
// a want without one); that a copy requires the copy of an analyzer of the
// list, not the original, so that none runs twice; and that singleinst's
// records under ModuleScope are left for Run to decide.
func TestPerPath(t *testing.T) {
	dir, cleanup, err := analysistest.WriteFiles(map[string]string{
		"p/on.go":  "package p\n\nvar X = 1 // want `var X`\n",
		"p/off.go": "package p\n\nvar Y = 2\n",
	})
	if err != nil {
		t.Fatal(err)
	}
	defer cleanup()
	off := func(path, check string) bool { return filepath.Base(path) == "off.go" && check == "vars" }
	required := &analysis.Analyzer{Name: "required", Doc: "reports nothing", Run: func(*analysis.Pass) (any, error) { return nil, nil }}
	vars := &analysis.Analyzer{Name: "vars", Doc: "reports each package-level var", Requires: []*analysis.Analyzer{required},
		Run: func(pass *analysis.Pass) (any, error) {
			for _, f := range pass.Files {
				for _, d := range f.Decls {
					if g, ok := d.(*ast.GenDecl); ok && g.Tok == token.VAR {
						pass.Reportf(g.Pos(), "var %s", g.Specs[0].(*ast.ValueSpec).Names[0].Name)
					}
				}
			}
			return nil, nil
		}}
	fileOf := func(fset *token.FileSet, pos token.Pos) string { return fset.Position(pos).Filename }
	as := PerPath([]*analysis.Analyzer{required, vars}, off, fileOf)
	if as[0] == required || as[1] == vars {
		t.Fatal("PerPath returned an original, not a copy")
	}
	if as[1].Requires[0] != as[0] {
		t.Error("the copy of vars requires the original required analyzer: it would run twice")
	}
	if vars.Requires[0] != required {
		t.Error("PerPath changed the original's requirements")
	}
	analysistest.Run(t, dir, as[1], "p")

	was := singleinst.ModuleScope
	defer func() { singleinst.ModuleScope = was }()
	singleinst.ModuleScope = true
	if got := PerPath([]*analysis.Analyzer{singleinst.Analyzer}, off, fileOf); got[0] != singleinst.Analyzer {
		t.Error("singleinst's records are filtered under ModuleScope; a use in an off file must still count")
	}
}

// TestRunFileOverride runs the standalone driver on a package of two files
// with genericdepth off in one of them (a file-level override, not the
// whole package): the finding in that file is not reported, the one in the
// other is.
func TestRunFileOverride(t *testing.T) {
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("no go command: the Go analyzers cannot load packages")
	}
	dir := t.TempDir()
	deep := "\n\ntype Box[T any] struct{ V T }\n\nvar Deep Box[Box[Box[Box[int]]]]\n"
	for name, src := range map[string]string{
		"go.mod":    "module example.com/deep\n\ngo 1.22\n",
		"on.go":     "package deep" + deep,
		"legacy.go": "package deep\n\nvar Old Box[Box[Box[Box[string]]]]\n",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	off := func(path, check string) bool { return filepath.Base(path) == "legacy.go" && check == "genericdepth" }
	for _, tc := range []struct {
		off   func(path, check string) bool
		offID string
		want  []string
	}{
		{nil, "", []string{"legacy.go genericdepth", "on.go genericdepth"}},
		{off, "legacy.go off", []string{"on.go genericdepth"}},
	} {
		rep, err := Run(Config{Dir: dir, Patterns: []string{"./..."}, Off: tc.off, OffID: tc.offID})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, f := range rep.Findings {
			got = append(got, f.File+" "+f.Rule)
		}
		slices.Sort(got)
		if !slices.Equal(got, tc.want) || len(rep.Errors) > 0 {
			t.Errorf("Off %q: findings %q, want %q; errors %v", tc.offID, got, tc.want, rep.Errors)
		}
	}
}
