package gocheck

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"honnef.co/go/tools/analysis/lint"
	"honnef.co/go/tools/go/loader"
)

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

// TestChecksFor checks the checks in force for packages under
// staticcheck.conf files: riskvet's defaults leave singleinst off unless a
// file or -checks turns it on, and a file's "inherit" stands for the
// defaults and the files above it.
func TestChecksFor(t *testing.T) {
	root := t.TempDir()
	for name, content := range map[string]string{
		"staticcheck.conf":       "checks = [\"inherit\", \"-nilness\"]\n",
		"all/staticcheck.conf":   "checks = [\"all\"]\n",
		"other/staticcheck.conf": "initialisms = [\"RPC\"]\n",
		"bad/staticcheck.conf":   "checks = [\n",
	} {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	suite := []*lint.Analyzer{
		{Analyzer: &analysis.Analyzer{Name: "genericdepth"}, Doc: &lint.RawDocumentation{}},
		{Analyzer: &analysis.Analyzer{Name: "nilness"}, Doc: &lint.RawDocumentation{}},
		{Analyzer: &analysis.Analyzer{Name: "singleinst"}, Doc: &lint.RawDocumentation{NonDefault: true}},
	}
	names := []string{"genericdepth", "nilness", "singleinst"}
	for _, tc := range []struct {
		dir    string
		checks []string
		on     []string
	}{
		{"plain", nil, []string{"genericdepth"}},
		{"plain", []string{"inherit", "singleinst"}, []string{"genericdepth", "singleinst"}},
		{"plain", []string{"all"}, names},
		{"all", nil, names},
		{"other", nil, []string{"genericdepth"}},
		// The loader reports a malformed file as the package's error.
		{"bad", nil, []string{"genericdepth"}},
	} {
		p := &loader.PackageSpec{GoFiles: []string{filepath.Join(root, tc.dir, "p.go")}}
		enabled := enabledChecks(names, newChecksFor(suite, tc.checks).of(p))
		var on []string
		for _, n := range names {
			if isEnabled(enabled, names, n) {
				on = append(on, n)
			}
		}
		if !reflect.DeepEqual(on, tc.on) {
			t.Errorf("%s with -checks=%s enables %v, want %v", tc.dir, strings.Join(tc.checks, ","), on, tc.on)
		}
	}
}
