package phpcheck_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/riskvet/riskvet/internal/finding"
	"github.com/riskvet/riskvet/phpcheck"
	"github.com/riskvet/riskvet/phpcheck/check"
	"github.com/riskvet/riskvet/phpcheck/checks"
)

// perPathTree has a folder, legacy/, where riskvet.toml's overrides turn
// checks off. legacy/old.php has findings of every check; legacy/kept.php
// names nullderef in directives, one used and one stale, so that nullderef
// must still judge them there as a run of every check would.
var perPathTree = map[string]string{
	"app/box.php": cacheTree["other.php"],
	"app/get.php": "<?php\necho $_GET['x'];\n",
	"legacy/old.php": `<?php
class Old {
    public function get(): ?Old { return null; }
}

function open(Old $b, array $a): ?Old {
    echo $a['missing'];
    return $b->get()->get();
}
`,
	"legacy/kept.php": `<?php
declare(strict_types=1);

class Kept {
    public function get(): ?Kept { return null; }
}

function keep(Kept $b): ?Kept {
    // riskvet:ignore nullderef the caller checks for null first
    return $b->get()->get();
}

function stale(Kept $b): Kept {
    // riskvet:ignore nullderef a stale directive: nothing nullable here
    return $b;
}
`,
}

// legacyOff is the per-path setting of the tests: the checks in off are
// off under legacy/.
func legacyOff(off ...string) func(rel, check string) bool {
	return func(rel, check string) bool {
		return !strings.HasPrefix(rel, "legacy/") || !slices.Contains(off, check)
	}
}

// counted wraps the checks to record which ran on which file.
type counted struct {
	mu  sync.Mutex
	ran map[string]bool // "check file"
}

func (c *counted) checkers() []*check.Checker {
	c.ran = map[string]bool{}
	var out []*check.Checker
	for _, orig := range checks.All {
		w := &check.Checker{Name: orig.Name, Rule: orig.Rule, Local: orig.Local, Relevant: orig.Relevant}
		w.Run = func(pass *check.Pass) {
			c.mu.Lock()
			c.ran[orig.Name+" "+pass.Path] = true
			c.mu.Unlock()
			orig.Run(pass)
		}
		out = append(out, w)
	}
	return out
}

// filtered is what the riskvet command reported before per-path settings
// reached the driver: every check ran, and the findings of the checks off
// for their file were dropped afterwards.
func filtered(rep *finding.Report, enabled func(rel, check string) bool) *finding.Report {
	rep.Findings = slices.DeleteFunc(rep.Findings, func(f finding.Finding) bool { return !enabled(f.File, f.Rule) })
	return rep
}

// TestPerPathChecks checks that a check off under a folder does not run
// there, that a file whose second-pass checks are all off is parsed once,
// and that the findings are those of running everything and filtering.
func TestPerPathChecks(t *testing.T) {
	dir := t.TempDir()
	for _, d := range []string{"app", "legacy"} {
		if err := os.Mkdir(filepath.Join(dir, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	writeTree(t, dir, perPathTree)
	enabled := legacyOff("nullderef", "nullarg", "undefinedindex", "stricttypes")

	var allSt phpcheck.Stats
	all, err := phpcheck.Run(phpcheck.Config{Checkers: checks.All, Paths: []string{dir}, Root: dir, Stats: &allSt})
	if err != nil {
		t.Fatal(err)
	}
	var c counted
	var st phpcheck.Stats
	got, err := phpcheck.Run(phpcheck.Config{Checkers: c.checkers(), Paths: []string{dir}, Root: dir, Enabled: enabled, Stats: &st})
	if err != nil {
		t.Fatal(err)
	}
	if w, g := reportJSON(t, filtered(all, enabled)), reportJSON(t, got); w != g {
		t.Fatalf("per-path run differs from running every check and filtering\nwant:\n%s\ngot:\n%s", w, g)
	}
	for _, name := range []string{"nullderef", "nullarg", "undefinedindex", "stricttypes"} {
		if c.ran[name+" legacy/old.php"] {
			t.Errorf("%s ran on legacy/old.php, where it is off", name)
		}
	}
	for _, want := range []string{"zerostring legacy/old.php", "nullderef legacy/kept.php", "stricttypes app/get.php", "nullderef app/box.php"} {
		if !c.ran[want] {
			t.Errorf("%s did not run", want)
		}
	}
	if c.ran["nullarg legacy/kept.php"] {
		t.Errorf("nullarg ran on legacy/kept.php, where it is off and no directive names it")
	}

	// With badignore off too, directives need no judging: nullderef does
	// not run on legacy/kept.php either, and the findings are the same.
	enabled = legacyOff("nullderef", "nullarg", "undefinedindex", "stricttypes", "badignore")
	all, err = phpcheck.Run(phpcheck.Config{Checkers: checks.All, Paths: []string{dir}, Root: dir})
	if err != nil {
		t.Fatal(err)
	}
	got, err = phpcheck.Run(phpcheck.Config{Checkers: c.checkers(), Paths: []string{dir}, Root: dir, Enabled: enabled})
	if err != nil {
		t.Fatal(err)
	}
	if w, g := reportJSON(t, filtered(all, enabled)), reportJSON(t, got); w != g {
		t.Fatalf("with badignore off: per-path run differs from running every check and filtering\nwant:\n%s\ngot:\n%s", w, g)
	}
	if c.ran["nullderef legacy/kept.php"] {
		t.Errorf("nullderef ran on legacy/kept.php, where it and badignore are off")
	}
	// Every file needs the second pass when every check runs;
	// legacy/old.php, whose second-pass checks are off, is then not
	// parsed again.
	if allSt.Parsed2 != 4 || st.Parsed2 != 3 {
		t.Errorf("second pass parsed %d files, and %d with every check; want 3 and 4", st.Parsed2, allSt.Parsed2)
	}
}

// TestPerPathCache checks that changing a per-path setting re-checks only
// the files it covers, and that the cached runs report what cold runs do.
func TestPerPathCache(t *testing.T) {
	dir, cacheDir := t.TempDir(), t.TempDir()
	for _, d := range []string{"app", "legacy"} {
		if err := os.Mkdir(filepath.Join(dir, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	writeTree(t, dir, perPathTree)
	run := func(cacheDir string, enabled func(rel, check string) bool) (string, *phpcheck.Stats) {
		var st phpcheck.Stats
		rep, err := phpcheck.Run(phpcheck.Config{Checkers: checks.All, Paths: []string{dir}, Root: dir, CacheDir: cacheDir, Enabled: enabled, Stats: &st})
		if err != nil {
			t.Fatal(err)
		}
		return reportJSON(t, rep), &st
	}
	for i, step := range []struct {
		off     []string
		parsed1 int64 // files parsed by the first pass of the cached run
	}{
		{[]string{"nullderef"}, 4},
		{[]string{"nullderef"}, 0},
		{[]string{"nullderef", "zerostring"}, 2},
		{nil, 2},
		{nil, 0},
	} {
		enabled := legacyOff(step.off...)
		cold, _ := run("", enabled)
		warm, st := run(cacheDir, enabled)
		if cold != warm {
			t.Fatalf("step %d (off %v): cached run differs from a cold run\ncold:\n%s\nwarm:\n%s", i, step.off, cold, warm)
		}
		if st.Parsed1 != step.parsed1 {
			t.Errorf("step %d (off %v): first pass parsed %d files, want %d", i, step.off, st.Parsed1, step.parsed1)
		}
	}
}
