package main

import (
	"flag"
	"io"
	"slices"
	"testing"

	"github.com/riskvet/riskvet/internal/config"
	"github.com/riskvet/riskvet/internal/finding"
	"github.com/riskvet/riskvet/phpcheck"
	"github.com/riskvet/riskvet/phpcheck/checks"
	"github.com/riskvet/riskvet/phpcheck/nullderef"
)

const settingsTOML = `disable = ["undefinedindex", "nilness"]
exclude = ["gen"]

[genericdepth]
max = 5

[[override]]
paths = ["legacy/**"]
disable = ["stricttypes"]
enable = ["undefinedindex"]
`

func newTestSettings(t *testing.T, args ...string) *settings {
	t.Helper()
	fs := flag.NewFlagSet("test", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.String("checks", "all", "")
	s := addSettings(fs, "riskvet php")
	if err := fs.Parse(args); err != nil {
		t.Fatal(err)
	}
	c, err := config.Parse("riskvet.toml", []byte(settingsTOML))
	if err != nil {
		t.Fatal(err)
	}
	c.Dir = "/p"
	s.cfg = c
	return s
}

// TestSettingsPHP checks the checks a PHP run gets from the file: a check
// an override enables runs, the run's Enabled keeps its findings only where
// it is on, and an excluded file leaves the list of scanned files.
func TestSettingsPHP(t *testing.T) {
	s := newTestSettings(t)
	cfg := phpcheck.Config{Checkers: checks.All}
	if err := s.applyPHP(&cfg, "/p"); err != nil {
		t.Fatal(err)
	}
	// Every check, as none is off by default and the file turns none off
	// everywhere.
	var want []string
	for _, c := range checks.All {
		want = append(want, c.Name)
	}
	slices.Sort(want)
	if !slices.Equal(cfg.Checks, want) {
		t.Errorf("checks = %v, want %v", cfg.Checks, want)
	}
	rep := &finding.Report{Findings: []finding.Finding{
		{Rule: "undefinedindex", File: "a.php"},
		{Rule: "undefinedindex", File: "legacy/a.php"},
		{Rule: "stricttypes", File: "legacy/a.php"},
		{Rule: "stricttypes", File: "a.php"},
		{Rule: "nullderef", File: "gen/a.php"},
	}, Files: []finding.FileStat{{Path: "a.php"}, {Path: "gen/a.php"}}}
	s.unlistExcluded(rep, "/p")
	var got []string
	for _, f := range rep.Findings {
		if cfg.Enabled(f.File, f.Rule) {
			got = append(got, f.Rule+" "+f.File)
		}
	}
	if want := []string{"undefinedindex legacy/a.php", "stricttypes a.php"}; !slices.Equal(got, want) {
		t.Errorf("kept %q, want %q", got, want)
	}
	if len(rep.Files) != 1 {
		t.Errorf("files = %v, want gen/ excluded", rep.Files)
	}

	// -checks wins over the global lists; the overrides still apply.
	s = newTestSettings(t, "-checks=undefinedindex")
	cfg = phpcheck.Config{Checkers: checks.All, Checks: []string{"undefinedindex"}}
	if err := s.applyPHP(&cfg, "/p"); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(cfg.Checks, []string{"undefinedindex"}) {
		t.Errorf("checks = %v, want the flag's", cfg.Checks)
	}
	if !s.enabled("/p/a.php", "undefinedindex") || s.enabled("/p/legacy/a.php", "stricttypes") {
		t.Error("with -checks: the file's disable or its override is not applied as it should be")
	}
}

func TestVetConfigArgs(t *testing.T) {
	s := newTestSettings(t)
	got := vetConfigArgs(s.cfg)
	// singleinst is off by default, so the unit checker is told to skip it.
	// The thresholds are not arguments: applySettings sets the flags.
	if want := []string{"-singleinst=false", "-nilness=false"}; !slices.Equal(got, want) {
		t.Errorf("vetConfigArgs = %q, want %q", got, want)
	}
	// Enabled in the file, it runs.
	s.cfg.Enable = append(s.cfg.Enable, "singleinst")
	if got := vetConfigArgs(s.cfg); slices.Contains(got, "-singleinst=false") {
		t.Errorf("vetConfigArgs with singleinst enabled = %q", got)
	}
}

// TestCheckSettings checks that riskvet.toml's [nullderef] table sets the
// check's flags, that the command line wins, and that a mistake is an
// error at its line.
func TestCheckSettings(t *testing.T) {
	flags := &nullderef.Checker.Flags
	get := func(name string) string { return flags.Lookup(name).Value.String() }
	run := func(toml string, args ...string) error {
		t.Helper()
		fs := flag.NewFlagSet("test", flag.ContinueOnError)
		fs.SetOutput(io.Discard)
		s := addSettings(fs, "riskvet php")
		addCheckFlags(fs)
		if err := fs.Parse(args); err != nil {
			t.Fatal(err)
		}
		c, err := config.Parse("riskvet.toml", []byte(toml))
		if err != nil {
			t.Fatal(err)
		}
		s.cfg = c
		return applySettings(s.cfg, s.set, true)
	}
	t.Cleanup(func() { addCheckFlags(flag.NewFlagSet("reset", flag.ContinueOnError)) })

	if err := run("[nullderef]\nstrict = true\nnever_null = [\"Container::get\", \"get_current_screen\"]\n"); err != nil {
		t.Fatal(err)
	}
	if get("strict") != "true" || get("never_null") != "Container::get,get_current_screen" || get("tests") != "false" {
		t.Errorf("after the file: strict=%s never_null=%s tests=%s", get("strict"), get("never_null"), get("tests"))
	}
	if err := run("[nullderef]\nstrict = true\ntests = true\n", "-nullderef.strict=false"); err != nil {
		t.Fatal(err)
	}
	if get("strict") != "false" || get("tests") != "true" || get("never_null") != "" {
		t.Errorf("the flag does not win, or a value leaked from the previous run: strict=%s tests=%s never_null=%s", get("strict"), get("tests"), get("never_null"))
	}
	for toml, want := range map[string]string{
		"\n[nullderef]\nstrikt = true\n":                  "riskvet.toml:3:1: nullderef.strikt: unknown setting (nullderef has level, lifecycle, never_null, strict, tests)",
		"[nullderef]\nstrict = \"yes\"\n":                 `riskvet.toml:2:1: nullderef.strict: want true or false, not "yes"`,
		"[nullderef]\nnever_null = [\"Container:get\"]\n": `riskvet.toml:2:1: nullderef.never_null: "Container:get" is not a name like "get_current_screen" or "Container::get"`,
		"[stricttypes]\nlevel = 1\n":                      "riskvet.toml:2:1: stricttypes.level: unknown setting: stricttypes has none",
		"[nilness]\nx = 1\n":                              "riskvet.toml:2:1: nilness.x: unknown setting: nilness has none",
		"[parseerror]\nx = 1\n":                           "riskvet.toml:2:1: parseerror.x: parseerror has no settings in riskvet.toml",
		"[genericdepth]\nmax = 0\n":                       "riskvet.toml:2:1: genericdepth.max: must be at least 1, not 0",
		"[genericdepth]\nmaxx = 3\n":                      "riskvet.toml:2:1: genericdepth.maxx: unknown setting (genericdepth has aliases, generated, max)",
		"[genericdepth]\nmax = 2.5\n":                     `riskvet.toml:2:1: genericdepth.max: not an integer: "2.5"`,
	} {
		if err := run(toml); err == nil || err.Error() != want {
			t.Errorf("%q: error %v\nwant %s", toml, err, want)
		}
	}
}

// TestAnalyzerSettings checks that riskvet.toml's analyzer tables set the
// analyzers' flags through the same mapping as the PHP checks', the
// command line winning, and that the Go linter and go vet leave the PHP
// checks' tables alone.
func TestAnalyzerSettings(t *testing.T) {
	t.Cleanup(resetAnalyzerFlags)
	c, err := config.Parse("riskvet.toml", []byte("[genericdepth]\nmax = 5\naliases = \"expand\"\n[constraintcoupling]\nmax = 0\n[nullderef]\nstrict = \"yes\"\n"))
	if err != nil {
		t.Fatal(err)
	}
	resetAnalyzerFlags()
	if err := applySettings(c, func(name string) bool { return name == "genericdepth.aliases" }, false); err != nil {
		t.Fatal(err)
	}
	get := func(check, name string) string {
		fs, _, _ := checkFlags(check)
		return fs.Lookup(name).Value.String()
	}
	if get("genericdepth", "max") != "5" || get("genericdepth", "aliases") != "names" || get("constraintcoupling", "max") != "0" {
		t.Errorf("genericdepth.max=%s genericdepth.aliases=%s constraintcoupling.max=%s, want 5, names (set on the command line) and 0",
			get("genericdepth", "max"), get("genericdepth", "aliases"), get("constraintcoupling", "max"))
	}
	if err := applySettings(c, func(string) bool { return false }, true); err == nil {
		t.Error("with the PHP checks, nullderef.strict = \"yes\" is no error")
	}
}
