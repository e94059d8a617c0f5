package main

import (
	"flag"
	"io"
	"slices"
	"testing"

	"github.com/riskvet/riskvet/internal/config"
	"github.com/riskvet/riskvet/internal/finding"
	"github.com/riskvet/riskvet/phpcheck"
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
// an override enables runs, and filter keeps it only where it is on.
func TestSettingsPHP(t *testing.T) {
	s := newTestSettings(t)
	var cfg phpcheck.Config
	s.applyPHP(&cfg, "/p")
	if want := []string{"nullderef", "stricttypes", "undefinedindex"}; !slices.Equal(cfg.Checks, want) {
		t.Errorf("checks = %v, want %v", cfg.Checks, want)
	}
	rep := &finding.Report{Findings: []finding.Finding{
		{Rule: "undefinedindex", File: "a.php"},
		{Rule: "undefinedindex", File: "legacy/a.php"},
		{Rule: "stricttypes", File: "legacy/a.php"},
		{Rule: "stricttypes", File: "a.php"},
		{Rule: "nullderef", File: "gen/a.php"},
	}, Files: []finding.FileStat{{Path: "a.php"}, {Path: "gen/a.php"}}}
	s.filter(rep, "/p")
	var got []string
	for _, f := range rep.Findings {
		got = append(got, f.Rule+" "+f.File)
	}
	if want := []string{"undefinedindex legacy/a.php", "stricttypes a.php"}; !slices.Equal(got, want) {
		t.Errorf("kept %q, want %q", got, want)
	}
	if len(rep.Files) != 1 {
		t.Errorf("files = %v, want gen/ excluded", rep.Files)
	}

	// -checks wins over the global lists; the overrides still apply.
	s = newTestSettings(t, "-checks=undefinedindex")
	cfg = phpcheck.Config{Checks: []string{"undefinedindex"}}
	s.applyPHP(&cfg, "/p")
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
	if want := []string{"-genericdepth.max=5", "-nilness=false"}; !slices.Equal(got, want) {
		t.Errorf("vetConfigArgs = %q, want %q", got, want)
	}
}
