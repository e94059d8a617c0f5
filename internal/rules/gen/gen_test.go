package main

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"testing"

	"github.com/riskvet/riskvet/analyzers"
	"github.com/riskvet/riskvet/internal/rules"
	"github.com/riskvet/riskvet/phpcheck/checks"
)

// TestGenerated fails when catalog.go is not what the checks' own rules
// generate. (internal/rules' TestChecksDoc does the same for the docs.)
func TestGenerated(t *testing.T) {
	got, err := catalog(own())
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile(filepath.Join("..", "catalog.go"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Error("internal/rules/catalog.go is stale: run go generate ./internal/rules")
	}
}

// TestChecksComplete fails when a check has no rule, no documentation or no
// fixture: every PHP check, and every analyzer of the suite that is not a
// curated upstream one.
func TestChecksComplete(t *testing.T) {
	own := map[string]rules.Rule{}
	for _, r := range analyzers.Rules {
		own[r.ID] = r
	}
	for _, a := range analyzers.Suite {
		r, ok := own[a.Name]
		if !ok {
			if up, ok := rules.Lookup(a.Name); !ok || up.Upstream == "" {
				t.Errorf("analyzer %s has no rule: add its package's Rule to analyzers.Rules", a.Name)
			}
			continue
		}
		delete(own, a.Name)
		complete(t, r)
		if strings.TrimSpace(a.Doc) == "" {
			t.Errorf("analyzer %s has no documentation", a.Name)
		}
		fixtures(t, a.Name, folder(t, a.Run), filepath.Join("testdata", "src", "*"))
	}
	for id := range own {
		t.Errorf("analyzers.Rules has %s, which no analyzer of the suite reports", id)
	}
	for _, c := range checks.All {
		if c.Rule.ID != c.Name {
			t.Errorf("check %s: its Rule's ID is %q", c.Name, c.Rule.ID)
		}
		complete(t, c.Rule)
		if strings.TrimSpace(c.Doc) == "" {
			t.Errorf("check %s has no documentation", c.Name)
		}
		fixtures(t, c.Name, folder(t, c.Run), filepath.Join("testdata", "*.php"))
	}
}

// complete reports a rule that lacks metadata one of its outputs needs.
func complete(t *testing.T, r rules.Rule) {
	t.Helper()
	if r.ID == "" || r.Language == "" || r.Title == "" || r.Description == "" || r.Rationale == "" ||
		r.Bad == "" || r.Good == "" || r.Effort <= 0 || r.Severity == "" || r.Family == "" ||
		r.Quality == "" || r.Impact == "" || r.Attribute == "" {
		t.Errorf("rule %s lacks metadata: %+v", r.ID, r)
	}
}

// folder returns the folder of the package that declares run, relative to
// this one.
func folder(t *testing.T, run any) string {
	t.Helper()
	name := runtime.FuncForPC(reflect.ValueOf(run).Pointer()).Name()
	const module = "github.com/riskvet/riskvet/"
	pkg, _, _ := strings.Cut(strings.TrimPrefix(name, module), ".")
	if pkg == name {
		t.Fatalf("%s is not in module %s", name, module)
	}
	return filepath.Join("..", "..", "..", filepath.FromSlash(pkg))
}

// fixtures reports a check whose folder has no file matching pattern.
func fixtures(t *testing.T, name, dir, pattern string) {
	t.Helper()
	m, err := filepath.Glob(filepath.Join(dir, pattern))
	if err != nil || len(m) == 0 {
		t.Errorf("check %s has no fixture %s in %s", name, pattern, dir)
	}
}
