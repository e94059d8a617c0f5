package golangci_test

import (
	"strconv"
	"strings"
	"testing"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/nilness"

	"github.com/riskvet/riskvet/analyzers"
	"github.com/riskvet/riskvet/analyzers/constraintcoupling"
	"github.com/riskvet/riskvet/analyzers/genericdepth"
	_ "github.com/riskvet/riskvet/golangci" // registers the plugin
)

// build runs the plugin the way golangci-lint does: look it up by name,
// construct it from the raw settings, build its analyzers.
func build(t *testing.T, raw any) ([]*analysis.Analyzer, error) {
	t.Helper()
	t.Cleanup(resetFlags)
	newPlugin, err := register.GetPlugin("riskvet")
	if err != nil {
		t.Fatal(err)
	}
	p, err := newPlugin(raw)
	if err != nil {
		return nil, err
	}
	if got := p.GetLoadMode(); got != register.LoadModeTypesInfo {
		t.Errorf("GetLoadMode() = %q, want %q", got, register.LoadModeTypesInfo)
	}
	return p.BuildAnalyzers()
}

// resetFlags puts the analyzers' thresholds back to their defaults, so that
// tests do not leak settings into each other through the shared analyzers.
func resetFlags() {
	genericdepth.Analyzer.Flags.Set("max", strconv.Itoa(genericdepth.DefaultMax))
	constraintcoupling.Analyzer.Flags.Set("max", strconv.Itoa(constraintcoupling.DefaultMax))
}

func names(as []*analysis.Analyzer) string {
	var out []string
	for _, a := range as {
		out = append(out, a.Name)
	}
	return strings.Join(out, ",")
}

func flag(a *analysis.Analyzer) string { return a.Flags.Lookup("max").Value.String() }

// settings builds raw settings as golangci-lint passes them: the YAML
// mapping decoded by viper into map[string]any.
func settings(kv ...any) map[string]any {
	m := map[string]any{}
	for i := 0; i < len(kv); i += 2 {
		m[kv[i].(string)] = kv[i+1]
	}
	return m
}

func TestDefaults(t *testing.T) {
	// nil is what golangci-lint passes when settings: is absent.
	for _, raw := range []any{nil, settings()} {
		genericdepth.Analyzer.Flags.Set("max", "9") // left over from an earlier build
		as, err := build(t, raw)
		if err != nil {
			t.Fatalf("%v: %v", raw, err)
		}
		if got, want := names(as), names(analyzers.Suite); got != want {
			t.Errorf("%v: analyzers %s, want the default suite %s", raw, got, want)
		}
		if got, want := flag(genericdepth.Analyzer), strconv.Itoa(genericdepth.DefaultMax); got != want {
			t.Errorf("%v: genericdepth.max = %s, want the default %s", raw, got, want)
		}
		if got, want := flag(constraintcoupling.Analyzer), strconv.Itoa(constraintcoupling.DefaultMax); got != want {
			t.Errorf("%v: constraintcoupling.max = %s, want the default %s", raw, got, want)
		}
	}
}

func TestThresholds(t *testing.T) {
	// YAML integers arrive as int from viper, JSON ones as float64: both decode.
	as, err := build(t, settings("max-depth", 5, "max-coupling", float64(0)))
	if err != nil {
		t.Fatal(err)
	}
	if len(as) != len(analyzers.Suite) {
		t.Errorf("analyzers %s, want the default suite", names(as))
	}
	if got := flag(genericdepth.Analyzer); got != "5" {
		t.Errorf("genericdepth.max = %s, want 5", got)
	}
	if got := flag(constraintcoupling.Analyzer); got != "0" {
		t.Errorf("constraintcoupling.max = %s, want 0", got)
	}
}

func TestChecks(t *testing.T) {
	as, err := build(t, settings("checks", []any{"nilness", "genericdepth"}, "max-depth", 1))
	if err != nil {
		t.Fatal(err)
	}
	if got := names(as); got != "nilness,genericdepth" {
		t.Errorf("analyzers %s, want nilness,genericdepth in the order given", got)
	}
	if got := flag(genericdepth.Analyzer); got != "1" {
		t.Errorf("genericdepth.max = %s, want 1", got)
	}
	// golangci-lint attributes a finding to a linter by analyzer pointer:
	// riskvet's nilness must not be govet's very analyzer.
	if as[0] == nilness.Analyzer {
		t.Error("nilness is govet's own analyzer, want a copy of it")
	}
	if as[0].Run == nil || as[0].Doc != nilness.Analyzer.Doc || len(as[0].Requires) != len(nilness.Analyzer.Requires) {
		t.Error("the copy of nilness differs from nilness")
	}
}

// TestEverySuiteCheck proves each analyzer of the default suite can be named
// in checks on its own.
func TestEverySuiteCheck(t *testing.T) {
	for _, a := range analyzers.Suite {
		as, err := build(t, settings("checks", []any{a.Name}))
		if err != nil {
			t.Errorf("checks: [%s]: %v", a.Name, err)
			continue
		}
		if got := names(as); got != a.Name {
			t.Errorf("checks: [%s]: analyzers %s", a.Name, got)
		}
	}
}

func TestBadSettings(t *testing.T) {
	for _, tc := range []struct {
		name string
		raw  any
		want string // a substring of the error
	}{
		{"unknown key", settings("max_depth", 4), `unknown field "max_depth"`},
		{"camel case key", settings("maxdepth", 4), `unknown field "maxdepth"`},
		{"negative depth", settings("max-depth", -1), "max-depth: must be at least 1, not -1"},
		{"zero depth", settings("max-depth", 0), "max-depth: must be at least 1, not 0"},
		{"negative coupling", settings("max-coupling", -2), "max-coupling: must be at least 0, not -2"},
		{"depth not a number", settings("max-depth", "four"), "max-depth"},
		{"fractional depth", settings("max-depth", 2.5), "max-depth"},
		{"unknown check", settings("checks", []any{"genericdepth", "nosuch"}), `unknown check "nosuch" in checks (known: `},
		{"check case", settings("checks", []any{"GenericDepth"}), `unknown check "GenericDepth"`},
		{"repeated check", settings("checks", []any{"nilness", "nilness"}), `check "nilness" is listed twice`},
		{"checks not a list", settings("checks", "genericdepth"), "checks"},
		{"threshold of a check left out", settings("checks", []any{"nilness"}, "max-depth", 4), "max-depth is set but genericdepth is not in checks"},
		{"settings not a mapping", []any{"genericdepth"}, "riskvet settings"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := build(t, tc.raw)
			if err == nil {
				t.Fatalf("no error, want one containing %q", tc.want)
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %q, want it to contain %q", err, tc.want)
			}
			if !strings.HasPrefix(err.Error(), "riskvet settings: ") {
				t.Errorf("error %q does not say it is about riskvet's settings", err)
			}
		})
	}
}
