package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"maps"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/riskvet/riskvet/internal/finding"
)

var update = flag.Bool("update", false, "rewrite the golden files")

func TestWilson(t *testing.T) {
	// Reference values worked out by hand from the closed form (Wilson
	// 1927): center (p + z²/2n) / (1 + z²/n), half-width
	// z·sqrt(p(1-p)/n + z²/4n²) / (1 + z²/n).
	for _, c := range []struct {
		k, n   int
		lo, hi float64
	}{
		{8, 10, 0.4902, 0.9433},
		{3, 40, 0.0258, 0.1986},
		{0, 5, 0, 0.4345},
		{5, 5, 0.5655, 1},
	} {
		lo, hi := wilson(c.k, c.n)
		if math.Abs(lo-c.lo) > 5e-4 || math.Abs(hi-c.hi) > 5e-4 {
			t.Errorf("wilson(%d, %d) = %.4f-%.4f, want %.4f-%.4f", c.k, c.n, lo, hi, c.lo, c.hi)
		}
	}
}

// TestPrecisionGolden recomputes precision from a fixture sheet holding
// every verdict kind, a false without a cause, an upper-case verdict and a
// pending row.
func TestPrecisionGolden(t *testing.T) {
	var out, errb bytes.Buffer
	sheet := "testdata/nullderef-strict-2026-12-01.tsv"
	if code := run([]string{"precision", sheet}, &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	golden := "testdata/precision.golden"
	if *update {
		if err := os.WriteFile(golden, out.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if out.String() != string(want) {
		t.Errorf("output differs from %s (go test -update to accept):\n%s", golden, out.String())
	}
	// The headline row, checked by hand: 2 true, 4 false, 1 unclear, 1
	// pending; 2/6 = 0.33; post-2022: 4 rows with a verdict of true or
	// false (1 true, 3 false) plus none pending.
	if !strings.Contains(out.String(), "| nullderef strict | 7 | 2 | 4 | 1 | 1 | 0.33 (0.10-0.70) | 4 (1/3) | 0.25 (0.05-0.70) | initialized 2, (no cause given) 1, framework 1 |") {
		t.Errorf("headline row missing or wrong:\n%s", out.String())
	}
}

func TestPrecisionBadVerdict(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "s.tsv")
	os.WriteFile(p, []byte("corpus\trule\tlevel\tpost2022\tverdict\tcause\nwp\tnullderef\tdefault\tn/a\tyes\t\n"), 0o644)
	var out, errb bytes.Buffer
	if code := run([]string{"precision", p}, &out, &errb); code != 2 {
		t.Fatalf("exit %d, want 2", code)
	}
	if want := p + `:2: verdict "yes"`; !strings.Contains(errb.String(), want) {
		t.Errorf("stderr %q lacks %q", errb.String(), want)
	}
	os.WriteFile(p, []byte("corpus\trule\tverdict\n"), 0o644)
	if code := run([]string{"precision", p}, &out, &errb); code != 2 || !strings.Contains(errb.String(), `header lacks column "level"`) {
		t.Errorf("exit %d, stderr %q: want 2 and a missing column", code, errb.String())
	}
}

func items(spec map[string]int) []*item {
	var all []*item
	for _, c := range slices.Sorted(maps.Keys(spec)) {
		for i := range spec[c] {
			all = append(all, &item{Corpus: c, F: finding.Finding{Rule: "nullderef", File: "f.php", Line: i + 1}})
		}
	}
	return all
}

// postIfGH dates findings of corpora named gh-* on odd lines as post-2022.
func postIfGH(it *item) string {
	if !strings.HasPrefix(it.Corpus, "gh-") {
		return "n/a"
	}
	if it.F.Line%2 == 1 {
		return "yes"
	}
	return "no"
}

func TestDrawStratified(t *testing.T) {
	// One big corpus dominates; the small ones and the post-2022 lines
	// must still appear.
	all := items(map[string]int{"big": 2000, "a": 3, "b": 3, "c": 3, "d": 3, "gh-x": 40})
	d := drawSample(all, 30, 7, 6, 20, 1000, postIfGH)
	if len(d.Sample) != 30 {
		t.Fatalf("sample of %d, want 30", len(d.Sample))
	}
	corpora := map[string]bool{}
	post := 0
	seen := map[*item]bool{}
	for _, it := range d.Sample {
		corpora[it.Corpus] = true
		if it.post == "yes" {
			post++
		}
		if seen[it] {
			t.Errorf("finding %v drawn twice", it.F)
		}
		seen[it] = true
	}
	if len(corpora) < 6 || post < 20 || len(d.Unmet) > 0 {
		t.Errorf("%d corpora, %d post-2022, unmet %q: want 6, 20, none", len(corpora), post, d.Unmet)
	}
	// The same seed draws the same sample; another seed another one.
	again := drawSample(items(map[string]int{"big": 2000, "a": 3, "b": 3, "c": 3, "d": 3, "gh-x": 40}), 30, 7, 6, 20, 1000, postIfGH)
	if fmt.Sprint(keys(d.Sample)) != fmt.Sprint(keys(again.Sample)) {
		t.Error("same seed, different samples")
	}
	other := drawSample(items(map[string]int{"big": 2000, "a": 3, "b": 3, "c": 3, "d": 3, "gh-x": 40}), 30, 8, 6, 20, 1000, postIfGH)
	if fmt.Sprint(keys(d.Sample)) == fmt.Sprint(keys(other.Sample)) {
		t.Error("seeds 7 and 8 drew the same sample")
	}
}

func TestDrawUnmet(t *testing.T) {
	// Two corpora, five post-2022 lines: the draw takes what there is and
	// says what it could not meet.
	d := drawSample(items(map[string]int{"a": 50, "gh-x": 10}), 20, 1, 6, 20, 1000, postIfGH)
	if len(d.Unmet) != 2 {
		t.Fatalf("unmet %q, want corpora and post-2022", d.Unmet)
	}
	post := 0
	for _, it := range d.Sample {
		if it.post == "yes" {
			post++
		}
	}
	if post != 5 {
		t.Errorf("%d post-2022 findings, want all 5", post)
	}
	// A pool smaller than n is the whole sample.
	if d := drawSample(items(map[string]int{"a": 4}), 20, 1, 1, 0, 10, postIfGH); len(d.Sample) != 4 {
		t.Errorf("sample of %d from a pool of 4", len(d.Sample))
	}
}

func keys(s []*item) []string {
	var out []string
	for _, it := range s {
		out = append(out, fmt.Sprintf("%s:%d", it.Corpus, it.F.Line))
	}
	return out
}

func TestPoolLevels(t *testing.T) {
	f := func(line int, rule string) finding.Finding {
		return finding.Finding{Rule: rule, File: "a.php", Line: line, Column: 1, Message: "m"}
	}
	def := map[string]*finding.Report{"wp": {Findings: []finding.Finding{f(1, "nullderef"), f(2, "stricttypes")}}}
	strict := map[string]*finding.Report{"wp": {Findings: []finding.Finding{f(1, "nullderef"), f(3, "nullderef"), f(2, "stricttypes")}}}
	for _, c := range []struct {
		level string
		want  []string
	}{
		{"default", []string{"1 default"}},
		{"strict", []string{"1 default", "3 strict-only"}},
		{"strict-only", []string{"3 strict-only"}},
	} {
		p, err := pool(def, strict, "nullderef", c.level)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, it := range p {
			got = append(got, fmt.Sprintf("%d %s", it.F.Line, it.Level))
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("level %s: %q, want %q", c.level, got, c.want)
		}
	}
	if _, err := pool(def, strict, "nullderef", "loose"); err == nil {
		t.Error("level loose accepted")
	}
}

func TestNames(t *testing.T) {
	funcs, props, classes := names("$this->status may be null here (Status::getValue() returns ?Value at Status.php:41)")
	if !slices.Equal(funcs, []string{"getValue"}) || !slices.Equal(props, []string{"status"}) || !slices.Contains(classes, "Status") || !slices.Contains(classes, "Value") {
		t.Errorf("names: funcs %q props %q classes %q", funcs, props, classes)
	}
	// A qualified name names its last segment only.
	if _, _, classes := names(`$r may be null here (Map::get() returns \Illuminate\Routing\Route|null per @return)`); !slices.Equal(classes, []string{"Map", "Route"}) {
		t.Errorf("qualified name: classes %q, want Map, Route", classes)
	}
}

func TestIsTestPath(t *testing.T) {
	for p, want := range map[string]bool{
		"tests/Unit/FooTest.php":           true,
		"src/Symfony/Tests/Fixtures/A.php": true,
		"src/FooTest.php":                  true,
		"src/Testing/Foo.php":              false,
		"src/Foo.php":                      false,
		"tests":                            false,
	} {
		if got := isTestPath(p); got != want {
			t.Errorf("isTestPath(%q) = %v, want %v", p, got, want)
		}
	}
}

// TestSampleEndToEnd runs judge sample on reports of two small corpora:
// the sheet's columns, the context files, the refusal to overwrite.
func TestSampleEndToEnd(t *testing.T) {
	dir := t.TempDir()
	bench := filepath.Join(dir, "bench")
	for _, c := range []string{"one", "two"} {
		src := filepath.Join(bench, "corpus", c)
		os.MkdirAll(src, 0o755)
		os.WriteFile(filepath.Join(src, "a.php"), []byte("<?php\nclass Repo {\n    private ?Repo $next = null;\n    public function find(): ?Repo { return $this->next; }\n}\n$r = (new Repo)->find();\necho $r->find();\n"), 0o644)
		rep := finding.Report{Schema: finding.Schema, Files: []finding.FileStat{{Path: "a.php", Lines: 7}},
			Findings: []finding.Finding{{Rule: "nullderef", File: "a.php", Line: 7, Column: 6, Message: "$r may be null here (Repo::find() returns ?Repo)"}}, Errors: []finding.Error{}}
		data, _ := json.Marshal(rep)
		os.MkdirAll(filepath.Join(dir, "reports", "default"), 0o755)
		os.WriteFile(filepath.Join(dir, "reports", "default", c+".json"), data, 0o644)
	}
	versions := filepath.Join(bench, "corpus", "VERSIONS")
	os.WriteFile(versions, []byte("one\tcorpus/one\t1.0\tdebian:one\t\t\ntwo\tcorpus/two\t2.0\tdebian:two\t\t\n"), 0o644)
	args := []string{"sample", "-reports", filepath.Join(dir, "reports"), "-versions", versions, "-n", "5", "-seed", "3",
		"-out", filepath.Join(dir, "judged"), "-context", filepath.Join(dir, "ctx"), "-date", "2026-12-01"}
	var out, errb bytes.Buffer
	if code := run(args, &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	sheet, err := os.ReadFile(filepath.Join(dir, "judged", "nullderef-default-2026-12-01.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	var data []string
	for _, l := range strings.Split(strings.TrimSuffix(string(sheet), "\n"), "\n") {
		if !strings.HasPrefix(l, "#") {
			data = append(data, l)
		}
	}
	want := []string{
		strings.Join(sheetColumns, "\t"),
		"1\tone\t1.0\ta.php\t7\t6\tnullderef\tdefault\t$r may be null here (Repo::find() returns ?Repo)\tn/a\t\t\t",
		"2\ttwo\t2.0\ta.php\t7\t6\tnullderef\tdefault\t$r may be null here (Repo::find() returns ?Repo)\tn/a\t\t\t",
	}
	if !slices.Equal(data, want) {
		t.Errorf("sheet:\n%s\nwant:\n%s", strings.Join(data, "\n"), strings.Join(want, "\n"))
	}
	ctx, err := os.ReadFile(filepath.Join(dir, "ctx", "nullderef-default-2026-12-01", "1.txt"))
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{">    7  echo $r->find();", "## class Repo: 1 declaration(s)", "## function find: 1 declaration(s)", "a.php:4",
		"## assignments to $this->r in this file: none"} {
		if !strings.Contains(string(ctx), s) {
			t.Errorf("context file lacks %q:\n%s", s, ctx)
		}
	}
	// A second draw on the same day must not overwrite the judged sheet.
	errb.Reset()
	if code := run(args, &out, &errb); code != 2 || !strings.Contains(errb.String(), "never overwritten") {
		t.Errorf("second run: exit %d, stderr %q", code, errb.String())
	}
}

func TestDensity(t *testing.T) {
	rep := func(lines int, fs ...finding.Finding) *finding.Report {
		return &finding.Report{Files: []finding.FileStat{{Path: "a.php", Lines: lines}}, Findings: fs}
	}
	nd := func(file string) finding.Finding { return finding.Finding{Rule: "nullderef", File: file} }
	before := reportSet{"before default", map[string]*finding.Report{
		"wp": rep(2000, nd("a.php"), nd("tests/b.php"), finding.Finding{Rule: "stricttypes", File: "a.php"}),
		"mw": rep(500),
	}}
	after := reportSet{"after default", map[string]*finding.Report{
		"wp": rep(2000, nd("a.php")),
		"mw": rep(500),
	}}
	var out bytes.Buffer
	writeDensity(&out, []reportSet{before, after})
	for _, want := range []string{
		"| wp | 1 | 2000 | nullderef | 1.00 (2) | 0.50 (1) |",
		"| wp | 1 | 2000 | stricttypes | 0.50 (1) | 0.00 (0) |",
		"| all | 2 | 2500 | nullderef | 0.80 (2) | 0.40 (1) |",
		"| wp | 50% (1 of 2) | 0% (0 of 1) |",
		"| mw | - (0 of 0) | - (0 of 0) |",
		"| mw | 1 | 500 | (none) | 0 | 0 |",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("density lacks %q:\n%s", want, out.String())
		}
	}
	// mw has no finding at all: one row says so, none per rule.
	if strings.Contains(out.String(), "| mw | 1 | 500 | nullderef") {
		t.Errorf("a corpus without findings has rule rows:\n%s", out.String())
	}
}

// TestBlame dates lines of a two-commit repository: one written in 2022,
// one in 2024; a clone cut to the last commit cannot date the old line.
func TestBlame(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("no git")
	}
	dir := t.TempDir()
	gitRun := func(date string, args ...string) {
		t.Helper()
		cmd := exec.Command("git", args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GIT_AUTHOR_DATE="+date, "GIT_COMMITTER_DATE="+date,
			"GIT_AUTHOR_NAME=a", "GIT_AUTHOR_EMAIL=a@b", "GIT_COMMITTER_NAME=a", "GIT_COMMITTER_EMAIL=a@b")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	src := filepath.Join(dir, "src")
	os.MkdirAll(src, 0o755)
	dir = src
	gitRun("2022-06-01T00:00:00Z", "init", "-q")
	os.WriteFile(filepath.Join(src, "a.php"), []byte("<?php\nold();\n"), 0o644)
	gitRun("2022-06-01T00:00:00Z", "add", "a.php")
	gitRun("2022-06-01T00:00:00Z", "commit", "-q", "-m", "old")
	os.WriteFile(filepath.Join(src, "a.php"), []byte("<?php\nold();\nnew();\n"), 0o644)
	gitRun("2024-03-01T00:00:00Z", "commit", "-q", "-am", "new")
	head, _ := exec.Command("git", "-C", src, "rev-parse", "HEAD").Output()
	c := corpus{GitDir: filepath.Join(src, ".git"), Version: strings.TrimSpace(string(head))}
	b := newBlamer(filepath.Join(t.TempDir(), "blame.tsv"))
	for line, want := range map[int]string{2: "no", 3: "yes", 9: "unknown"} {
		if got := b.post2022(c, "a.php", line); got != want {
			t.Errorf("line %d: %s, want %s", line, got, want)
		}
	}
	// A clone cut at the 2024 commit: every line stops at that boundary,
	// so none can be dated. Cut at the 2022 commit: old enough.
	for i, cut := range []struct{ rev, line2 string }{{"HEAD", "unknown"}, {"HEAD~1", "no"}} {
		shallow := filepath.Join(filepath.Dir(src), fmt.Sprintf("shallow%d", i))
		dir = filepath.Dir(src)
		rev, _ := exec.Command("git", "-C", src, "rev-parse", cut.rev).Output()
		gitRun("2024-03-01T00:00:00Z", "clone", "-q", "--bare", "--no-local", "file://"+src, shallow)
		gitRun("2024-03-01T00:00:00Z", "--git-dir="+shallow, "fetch", "-q", "--depth", "1", "origin", strings.TrimSpace(string(rev)))
		sc := corpus{GitDir: shallow, Version: strings.TrimSpace(string(rev)), Shallow: true}
		if got := blameLine(sc, "a.php", 2); got != cut.line2 {
			t.Errorf("shallow at %s, line 2: %s, want %s", cut.rev, got, cut.line2)
		}
	}
}

func TestAssignments(t *testing.T) {
	p := filepath.Join(t.TempDir(), "a.php")
	os.WriteFile(p, []byte("<?php\nclass A {\n  function __construct() { $this->em = new EM(); }\n  function f() { if ($this->em === null) {} $this->em ??= x(); $this->emx = 1; }\n}\n"), 0o644)
	got := assignments(p, "em")
	for _, want := range []string{"    3    function __construct() { $this->em = new EM(); }", "    4    function f()"} {
		if !strings.Contains(got, want) {
			t.Errorf("assignments lack %q:\n%s", want, got)
		}
	}
	if strings.Count(got, "\n ") != 2 {
		t.Errorf("want 2 lines (=== is no assignment, emx another property):\n%s", got)
	}
}

// TestRefit counts the fixture sheet's findings a later build still
// reports: ids 1 (true) and 6 (false) are, 2 (false) moved a column, 3, 7
// and 8 are gone, and the strict-only rows are matched against the
// strict-only reports.
func TestRefit(t *testing.T) {
	rows, err := readSheet(filepath.Join("testdata", "nullderef-strict-2026-12-01.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	f := func(file string, line, col int) finding.Finding {
		return finding.Finding{Rule: "nullderef", File: file, Line: line, Column: col}
	}
	byLevel := map[string]map[string]*finding.Report{
		"default": {
			"wp":   {Findings: []finding.Finding{f("a.php", 3, 5), f("a.php", 9, 6), {Rule: "stricttypes", File: "b.php", Line: 1, Column: 1}}},
			"gh-b": {Findings: []finding.Finding{f("c.php", 7, 2)}},
		},
		"strict-only": {"gh-a": {Findings: []finding.Finding{f("b.php", 4, 1)}}},
	}
	var out bytes.Buffer
	writeRefit(&out, rows, byLevel)
	for _, want := range []string{
		"nullderef default: 3 findings in 2 reports",
		"  false                          judged   3  still reported   1",
		"  pending                        judged   1  still reported   0",
		"  false initialized              judged   2  still reported   1",
		"  true                           judged   2  still reported   1",
		"  fitted precision of the ones still reported: 0.50 (0.09-0.91)",
		"  no longer reported: 2 3 7 8",
		"nullderef strict-only: 1 findings in 1 reports",
		"  unclear                        judged   1  still reported   1",
		"  no longer reported: 4",
	} {
		if !strings.Contains(out.String(), want+"\n") {
			t.Errorf("refit lacks %q:\n%s", want, out.String())
		}
	}
}
