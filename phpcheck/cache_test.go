package phpcheck_test

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/riskvet/riskvet/internal/finding"
	"github.com/riskvet/riskvet/phpcheck"
	"github.com/riskvet/riskvet/phpcheck/check"
	"github.com/riskvet/riskvet/phpcheck/checks"
	"github.com/riskvet/riskvet/phpcheck/nullderef"
	"github.com/riskvet/riskvet/phpcheck/undefinedindex"
)

// cacheTree is a small tree in which a caller in one file depends on a
// declaration in another (Repo::find's return type), and other files are
// independent of it.
var cacheTree = map[string]string{
	"repo.php": `<?php
declare(strict_types=1);

class User {
    public function name(): string { return 'u'; }
}

class Repo {
    public function find(int $id): User {
        return new User(); // body
    }
}
`,
	"caller.php": `<?php
declare(strict_types=1);

function show(Repo $r): string {
    // riskvet:ignore nullderef a stale directive: the lines it covers dereference nothing nullable
    $u = $r->find(1);
    return $u->name();
}
`,
	"local.php": `<?php
echo $_GET['x'];
`,
	// other.php is checked by the second pass but reads nothing of
	// repo.php: a change there leaves its cached findings valid.
	"other.php": `<?php
declare(strict_types=1);

class Box {
    public function get(): ?Box { return null; }
}

function open(Box $b): ?Box {
    return $b->get()->get();
}
`,
	"broken.php": `<?php
function (
`,
}

// findUser and findMaybe are Repo::find's signature and first body line
// before and after the change that makes it return null: a declared ?User
// whose body returns null, so that the caller's finding is shown.
const (
	findUser  = "find(int $id): User {\n        return new User();"
	findMaybe = "find(int $id): ?User {\n        return $id > 0 ? new User() : null;"
)

func writeTree(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, src := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// runCached runs the driver on dir with the cache in cacheDir ("" for none).
func runCached(t *testing.T, dir, cacheDir string, shard phpcheck.Shard) (*finding.Report, *phpcheck.Stats) {
	t.Helper()
	var st phpcheck.Stats
	rep, err := phpcheck.Run(phpcheck.Config{Checkers: checks.All, Paths: []string{dir}, Root: dir, CacheDir: cacheDir, Shard: shard, Stats: &st})
	if err != nil {
		t.Fatal(err)
	}
	return rep, &st
}

// runBoth runs the driver on dir without a cache and with the cache in
// cacheDir, fails the test unless both report the same, and returns the
// cached run's stats.
func runBoth(t *testing.T, name, dir, cacheDir string) *phpcheck.Stats {
	t.Helper()
	cold, _ := runCached(t, dir, "", phpcheck.Shard{})
	warm, st := runCached(t, dir, cacheDir, phpcheck.Shard{})
	if c, w := reportJSON(t, cold), reportJSON(t, warm); c != w {
		t.Fatalf("%s: cached run differs from a cold run\ncold:\n%s\nwarm:\n%s", name, c, w)
	}
	return st
}

func reportJSON(t *testing.T, rep *finding.Report) string {
	t.Helper()
	b, err := json.MarshalIndent(rep, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func edit(t *testing.T, dir, name, old, new string) {
	t.Helper()
	p := filepath.Join(dir, name)
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), old) {
		t.Fatalf("%s has no %q", name, old)
	}
	if err := os.WriteFile(p, []byte(strings.Replace(string(b), old, new, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestCacheEqualsCold checks that a cached run reports exactly what a run
// without a cache reports, after each kind of change, and that it parses
// only what the change requires.
func TestCacheEqualsCold(t *testing.T) {
	dir, cacheDir := t.TempDir(), t.TempDir()
	writeTree(t, dir, cacheTree)
	n := int64(len(cacheTree))

	step := func(name string) *phpcheck.Stats {
		t.Helper()
		return runBoth(t, name, dir, cacheDir)
	}
	nullderefs := func() int {
		rep, _ := runCached(t, dir, cacheDir, phpcheck.Shard{})
		k := 0
		for _, f := range rep.Findings {
			if f.Rule == "nullderef" && f.File == "caller.php" {
				k++
			}
		}
		return k
	}

	st := step("first run")
	if st.Parsed1 != n {
		t.Errorf("first run parsed %d files in pass 1, want %d", st.Parsed1, n)
	}
	st = step("unchanged")
	if st.Parsed1 != 0 || st.Parsed2 != 0 || st.Reused2 == 0 {
		t.Errorf("unchanged rerun: %+v, want nothing parsed and second-pass findings reused", *st)
	}

	// A body edit on the same lines: the index is unchanged, so only the
	// edited file is parsed again.
	edit(t, dir, "repo.php", "return new User(); // body", "return new User(); // edited body")
	st = step("body edit")
	if st.Parsed1 != 1 || st.Parsed2 > 1 {
		t.Errorf("body edit: %+v, want 1 file parsed by each pass at most", *st)
	}

	// A declaration other files depend on: find() may now return null,
	// and the unchanged caller must be reported.
	if k := nullderefs(); k != 0 {
		t.Fatalf("caller reported %d times before the change", k)
	}
	edit(t, dir, "repo.php", findUser, findMaybe)
	st = step("declaration change")
	// repo.php now writes a null, which nullarg's second pass looks at.
	if st.Parsed1 != 1 || st.Parsed2 != 2 || st.Reused2 != 2 {
		t.Errorf("declaration change: %+v, want repo.php parsed by pass 1, repo.php and caller.php (which reads find()) by pass 2, and other.php's and local.php's results reused", *st)
	}
	if k := nullderefs(); k != 1 {
		t.Errorf("after find() became nullable the caller is reported %d times, want 1", k)
	}

	// And back: the old entries serve again.
	edit(t, dir, "repo.php", findMaybe, findUser)
	step("declaration reverted")
	if k := nullderefs(); k != 0 {
		t.Errorf("after the revert the caller is reported %d times, want 0", k)
	}

	// Damage the pack in each of four ways: each time the run parses
	// everything, reports the same, and writes a good pack again.
	packs, _ := filepath.Glob(filepath.Join(cacheDir, "*.pack"))
	if len(packs) != 1 {
		t.Fatalf("cache holds packs %v, want one", packs)
	}
	for i, damage := range []func([]byte) []byte{
		func(b []byte) []byte { return b[:len(b)/2] },                // truncated
		func(b []byte) []byte { b[len(b)-3] ^= 0x40; return b },      // one bit flipped in the payload
		func(b []byte) []byte { return nil },                         // empty
		func(b []byte) []byte { return []byte("not a pack at all") }, // foreign
	} {
		b, err := os.ReadFile(packs[0])
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(packs[0], damage(b), 0o644); err != nil {
			t.Fatal(err)
		}
		st = step("damaged pack")
		if st.Parsed1 != n {
			t.Errorf("damage %d: %d files parsed in pass 1, want %d", i, st.Parsed1, n)
		}
		st = step("rewritten pack")
		if st.Parsed1 != 0 {
			t.Errorf("damage %d: after rewriting, %d files parsed in pass 1, want 0", i, st.Parsed1)
		}
	}

	if removed, err := phpcheck.CleanCache(cacheDir); err != nil || removed == 0 {
		t.Errorf("CleanCache: %d removed, %v", removed, err)
	}
	st = step("after clean")
	if st.Parsed1 != n {
		t.Errorf("after clean: %d files parsed in pass 1, want %d", st.Parsed1, n)
	}
}

// TestCleanCacheKeepsOtherFiles checks that cleaning a directory that is
// not a cache removes nothing of its own.
func TestCleanCacheKeepsOtherFiles(t *testing.T) {
	dir := t.TempDir()
	keep := []string{"notes.txt", "ab/readme", strings.Repeat("a", 64), strings.Repeat("z", 64) + ".pack"}
	for _, k := range keep {
		p := filepath.Join(dir, k)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if n, err := phpcheck.CleanCache(dir); err != nil || n != 0 {
		t.Errorf("CleanCache removed %d files (%v), want 0", n, err)
	}
	for _, k := range keep {
		if _, err := os.Stat(filepath.Join(dir, k)); err != nil {
			t.Errorf("%s: %v", k, err)
		}
	}
}

// TestShardsPartition checks that the shards of a run report every file
// exactly once, with the findings of the unsharded run.
func TestShardsPartition(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, cacheTree)
	edit(t, dir, "repo.php", findUser, findMaybe)
	all, _ := runCached(t, dir, "", phpcheck.Shard{})
	for _, n := range []int{1, 2, 3, 7} {
		var files []finding.FileStat
		var findings []finding.Finding
		for i := 1; i <= n; i++ {
			rep, _ := runCached(t, dir, "", phpcheck.Shard{I: i, N: n})
			files = append(files, rep.Files...)
			findings = append(findings, rep.Findings...)
		}
		merged := &finding.Report{Files: files, Findings: findings}
		merged.Normalize()
		want := &finding.Report{Files: all.Files, Findings: all.Findings}
		want.Normalize()
		if !reflect.DeepEqual(merged.Files, want.Files) || !reflect.DeepEqual(merged.Findings, want.Findings) {
			t.Errorf("%d shards: files %v findings %v, want files %v findings %v", n, merged.Files, merged.Findings, want.Files, want.Findings)
		}
	}
	// The caller's nullderef needs repo.php's declaration, which lies in
	// another shard for n=2 (files sorted: broken, caller, local, repo).
	rep, _ := runCached(t, dir, "", phpcheck.Shard{I: 2, N: 2})
	found := false
	for _, f := range rep.Findings {
		found = found || f.Rule == "nullderef" && f.File == "caller.php"
	}
	if !found {
		t.Errorf("shard 2/2 lost the caller's nullderef: %v", rep.Findings)
	}
}

func TestParseShard(t *testing.T) {
	for _, s := range []string{"1/1", "2/3", " 3 / 3 "} {
		if _, err := phpcheck.ParseShard(s); err != nil {
			t.Errorf("ParseShard(%q): %v", s, err)
		}
	}
	for _, s := range []string{"0/0", "3/2", "0/2", "x/y", "1", "1/", "/2", "-1/2", "1/2/3", ""} {
		if sh, err := phpcheck.ParseShard(s); err == nil {
			t.Errorf("ParseShard(%q) = %v, want an error", s, sh)
		}
	}
}

// TestCacheKeepsOtherFiles checks that a run over part of a tree keeps the
// cached entries of the rest, and that packs unused for days are deleted.
func TestCacheKeepsOtherFiles(t *testing.T) {
	dir, cacheDir := t.TempDir(), t.TempDir()
	for _, sub := range []string{"a", "b"} {
		if err := os.Mkdir(filepath.Join(dir, sub), 0o755); err != nil {
			t.Fatal(err)
		}
		writeTree(t, filepath.Join(dir, sub), map[string]string{"x.php": "<?php\necho $_GET['" + sub + "'];\n"})
	}
	run := func(paths ...string) *phpcheck.Stats {
		var st phpcheck.Stats
		if _, err := phpcheck.Run(phpcheck.Config{Checkers: checks.All, Paths: paths, Root: dir, CacheDir: cacheDir, Stats: &st}); err != nil {
			t.Fatal(err)
		}
		return &st
	}
	run(dir)
	if st := run(filepath.Join(dir, "a")); st.Parsed1 != 0 {
		t.Errorf("run over a/: %d files parsed, want 0", st.Parsed1)
	}
	if st := run(dir); st.Parsed1 != 0 {
		t.Errorf("whole tree after a run over a/: %d files parsed, want 0", st.Parsed1)
	}

	// A stale pack (another build's, days old) goes at the next daily trim.
	stale := filepath.Join(cacheDir, strings.Repeat("0", 64)+".pack")
	if err := os.WriteFile(stale, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	old := time.Now().Add(-10 * 24 * time.Hour)
	for _, p := range []string{stale, filepath.Join(cacheDir, "trim.txt")} {
		if err := os.Chtimes(p, old, old); err != nil {
			t.Fatal(err)
		}
	}
	if st := run(dir); st.Parsed1 != 0 {
		t.Errorf("after trimming: %d files parsed, want 0", st.Parsed1)
	}
	if _, err := os.Stat(stale); !os.IsNotExist(err) {
		t.Errorf("stale pack not removed: %v", err)
	}
}

// TestCacheStamp checks that a rerun does not read a file whose stamp
// (size, times, inode) is unchanged, and does read one whose content
// changed even when its size and modification time were restored.
func TestCacheStamp(t *testing.T) {
	// Files written by the test are younger than the default window,
	// which would make every stamp untrusted.
	defer phpcheck.SetRacyWindow(0)()
	dir, cacheDir := t.TempDir(), t.TempDir()
	writeTree(t, dir, cacheTree)
	n := int64(len(cacheTree))
	time.Sleep(10 * time.Millisecond) // the files' times are before the run's start
	step := func(name string, read, parsed int64) {
		t.Helper()
		st := runBoth(t, name, dir, cacheDir)
		if st.Read1 != read || st.Parsed1 != parsed {
			t.Errorf("%s: %d files read and %d parsed by pass 1, want %d and %d", name, st.Read1, st.Parsed1, read, parsed)
		}
	}
	step("first run", n, n)
	step("unchanged", 0, 0)

	// Same size, modification time put back: the status-change time and
	// so the stamp differ, and the new content is seen.
	p := filepath.Join(dir, "repo.php")
	info, err := os.Stat(p)
	if err != nil {
		t.Fatal(err)
	}
	edit(t, dir, "repo.php", "find(int $id): User", "find(int $id): Usr ")
	if err := os.Chtimes(p, info.ModTime(), info.ModTime()); err != nil {
		t.Fatal(err)
	}
	time.Sleep(10 * time.Millisecond)
	step("same size and mtime", 1, 1)
	step("after it", 0, 0)

	// Touched: read again, not parsed (same content), then known by its
	// new stamp.
	now := time.Now()
	if err := os.Chtimes(p, now, now); err != nil {
		t.Fatal(err)
	}
	time.Sleep(10 * time.Millisecond)
	step("touched", 1, 0)
	step("after touch", 0, 0)
}

// TestCacheMemberDeps checks that results depend on the members looked up,
// not on whole files: a method added to a class that another file calls
// into leaves that file's results valid.
func TestCacheMemberDeps(t *testing.T) {
	dir, cacheDir := t.TempDir(), t.TempDir()
	writeTree(t, dir, cacheTree)
	runCached(t, dir, cacheDir, phpcheck.Shard{})
	// On the same line, so no other declaration moves.
	edit(t, dir, "repo.php", "class Repo {", "class Repo { public function extra(): ?User { return null; }")
	st := runBoth(t, "new method", dir, cacheDir)
	// repo.php itself is checked again: its text changed, and nullarg
	// looks at every call at the level these tests run at.
	if st.Parsed1 != 1 || st.Parsed2 != 1 {
		t.Errorf("new method: %+v, want repo.php parsed by pass 1 and by pass 2, and not caller.php (which reads only find() and name())", *st)
	}
}

// TestCacheInitializer checks that a file whose finding depends on what a
// constructor in another file assigns (the initialization analysis) is
// checked again when that assignment changes, and only that file.
func TestCacheInitializer(t *testing.T) {
	dir, cacheDir := t.TempDir(), t.TempDir()
	writeTree(t, dir, map[string]string{
		"mailer.php": `<?php
declare(strict_types=1);

class Logger {
    public function log(string $m): void {}
}

class Mailer {
    public ?Logger $logger = null;

    public function __construct(Logger $l) {
        $this->logger = $l;
    }
}
`,
		"user.php": `<?php
declare(strict_types=1);

function notify(Mailer $m): void {
    $m->logger->log('x');
}
`,
		"other.php": `<?php
declare(strict_types=1);

function other(?Logger $l): void {
    $l->log('y');
}
`,
	})
	users := func() int {
		rep, _ := runCached(t, dir, cacheDir, phpcheck.Shard{})
		k := 0
		for _, f := range rep.Findings {
			if f.Rule == "nullderef" && f.File == "user.php" {
				k++
			}
		}
		return k
	}
	runBoth(t, "first run", dir, cacheDir)
	if k := users(); k != 0 {
		t.Fatalf("user.php reported %d times while the constructor sets $logger, want 0", k)
	}
	// The constructor now sets $logger on one path only: the property is
	// no longer initialised and the unchanged user.php must be reported.
	edit(t, dir, "mailer.php", "$this->logger = $l;", "if ($l !== $l) { $this->logger = $l; }")
	st := runBoth(t, "constructor change", dir, cacheDir)
	if st.Parsed1 != 1 || st.Reused2 != 1 {
		t.Errorf("constructor change: %+v, want mailer.php parsed by pass 1, user.php checked again and other.php's results reused", *st)
	}
	if k := users(); k != 1 {
		t.Errorf("after the constructor change user.php is reported %d times, want 1", k)
	}
}

// TestCacheDelta checks that a run with few new entries writes them to a
// delta pack and leaves the full pack as it is, that reruns read both,
// that a damaged or foreign delta costs only re-checking, and that a large
// change folds everything into a new full pack.
func TestCacheDelta(t *testing.T) {
	dir, cacheDir := t.TempDir(), t.TempDir()
	files := map[string]string{}
	for i := range 24 {
		files[fmt.Sprintf("f%02d.php", i)] = fmt.Sprintf("<?php\ndeclare(strict_types=1);\nfunction f%d(?stdClass $o): string { return $o->name; }\n", i)
	}
	writeTree(t, dir, files)
	step := func(name string) *phpcheck.Stats {
		t.Helper()
		return runBoth(t, name, dir, cacheDir)
	}
	read := func(glob string) []byte {
		t.Helper()
		m, _ := filepath.Glob(filepath.Join(cacheDir, glob))
		if len(m) == 0 {
			return nil
		}
		b, err := os.ReadFile(m[0])
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	step("first run")
	full := read("*.pack")
	if full == nil || read("*.delta") != nil {
		t.Fatal("first run: want a full pack and no delta")
	}

	edit(t, dir, "f00.php", "return $o->name;", "return $o?->name ?? '';")
	step("one edit")
	if !reflect.DeepEqual(read("*.pack"), full) || read("*.delta") == nil {
		t.Fatal("one edit: want the full pack unchanged and a delta")
	}
	if st := step("after one edit"); st.Parsed1 != 0 || st.Parsed2 != 0 {
		t.Errorf("rerun after a delta: %+v, want nothing parsed", *st)
	}

	// A damaged delta is ignored: the edited file is parsed again.
	m, _ := filepath.Glob(filepath.Join(cacheDir, "*.delta"))
	if err := os.WriteFile(m[0], []byte("damaged"), 0o644); err != nil {
		t.Fatal(err)
	}
	if st := step("damaged delta"); st.Parsed1 != 1 {
		t.Errorf("damaged delta: %d files parsed by pass 1, want 1", st.Parsed1)
	}

	// Many edits: one full pack again, no delta.
	for i := range 12 {
		edit(t, dir, fmt.Sprintf("f%02d.php", i+1), "return $o->name;", "return $o->name . '';")
	}
	step("many edits")
	if reflect.DeepEqual(read("*.pack"), full) || read("*.delta") != nil {
		t.Fatal("many edits: want a new full pack and no delta")
	}
	if st := step("after many edits"); st.Parsed1 != 0 {
		t.Errorf("rerun after folding: %d files parsed by pass 1, want 0", st.Parsed1)
	}
}

// TestCacheFlags checks that a check's flags are part of the cache key: a
// rerun with -nullderef.tests or a never_null list does not replay the
// findings of a run without.
func TestCacheFlags(t *testing.T) {
	dir, cacheDir := t.TempDir(), t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, "tests"), 0o755); err != nil {
		t.Fatal(err)
	}
	writeTree(t, dir, map[string]string{"tests/BoxTest.php": cacheTree["other.php"]})
	flags := &nullderef.Checker.Flags
	t.Cleanup(defaultFlags)
	count := func(rep *finding.Report) int {
		n := 0
		for _, f := range rep.Findings {
			if f.Rule == "nullderef" {
				n++
			}
		}
		return n
	}
	for _, step := range []struct {
		flag, value string
		want        int
	}{
		{"tests", "false", 0},
		{"tests", "true", 1},
		{"never_null", "Box::get", 0},
		{"never_null", "", 1},
		{"tests", "false", 0},
	} {
		if err := flags.Set(step.flag, step.value); err != nil {
			t.Fatal(err)
		}
		name := fmt.Sprintf("-nullderef.%s=%s", step.flag, step.value)
		runBoth(t, name, dir, cacheDir)
		if rep, _ := runCached(t, dir, cacheDir, phpcheck.Shard{}); count(rep) != step.want {
			t.Errorf("%s: %d nullderef findings, want %d", name, count(rep), step.want)
		}
	}
}

// TestRelevantAfterIndex checks a relevance that waits for the index
// (check.After): a file whose only keyed read is of a call's result is
// not parsed again while the callee documents no shape, is checked once
// another file gives it one, and a cached run sees that change.
func TestRelevantAfterIndex(t *testing.T) {
	dir, cacheDir := t.TempDir(), t.TempDir()
	writeTree(t, dir, map[string]string{
		"read.php": `<?php
function label(): string {
    $row = fetch_row();
    return $row['name'];
}
`,
		"rows.php": `<?php
/** @return array */
function fetch_row() { return []; }
`,
	})
	run := func(cache string) (*finding.Report, phpcheck.Stats) {
		var st phpcheck.Stats
		rep, err := phpcheck.Run(phpcheck.Config{Checkers: []*check.Checker{undefinedindex.Checker}, Paths: []string{dir}, Root: dir, CacheDir: cache, Stats: &st})
		if err != nil {
			t.Fatal(err)
		}
		return rep, st
	}
	if rep, st := run(""); len(rep.Findings) != 0 || st.Parsed2 != 0 {
		t.Errorf("no shape: %d findings, %d files parsed again; want none", len(rep.Findings), st.Parsed2)
	}
	run(cacheDir)
	edit(t, dir, "rows.php", "@return array */", "@return array{id: int} */")
	for _, cache := range []string{"", cacheDir} {
		rep, st := run(cache)
		if len(rep.Findings) != 1 || rep.Findings[0].File != "read.php" || rep.Findings[0].Line != 4 {
			t.Errorf("cache %q: findings %+v, want one at read.php:4", cache, rep.Findings)
		}
		if st.Parsed2 != 1 {
			t.Errorf("cache %q: %d files parsed again, want read.php only", cache, st.Parsed2)
		}
	}
}

// TestNullAssertAfterIndex checks that a file whose only null comes from
// a callee's assertion tag in another file is checked at the default
// level, and that the result cache notices the tag being added: the
// file's relevance (use.php has no null; use3.php calls the function by
// an alias) and its bodies' skips (use2.php has one, in another function)
// both ask the index.
func TestNullAssertAfterIndex(t *testing.T) {
	// The default level, where bodies and files without a null are
	// skipped (TestMain sets shown).
	level := nullderef.Checker.Flags.Lookup("level")
	if err := level.Value.Set(level.DefValue); err != nil {
		t.Fatal(err)
	}
	defer defaultFlags()
	dir, cacheDir := t.TempDir(), t.TempDir()
	writeTree(t, dir, map[string]string{
		"use.php": `<?php
function label(?Item $item): string {
    if (isMissing($item)) {
        return $item->name();
    }
    return '';
}
`,
		"use2.php": `<?php
function label2(?Item $item): string {
    if (isMissing($item)) {
        return $item->name();
    }
    return '';
}
function unset_label(): ?string { return null; }
`,
		"use3.php": `<?php
namespace Use3;
use function isMissing as missing;
function label3(?\Item $item): string {
    if (missing($item)) {
        return $item->name();
    }
    return '';
}
`,
		"item.php": `<?php
class Item { public function name(): string { return 'x'; } }
/** @phpstan-assert-if-true Item $item */
function isMissing(?Item $item): bool { return $item === null; }
`,
	})
	run := func(cache string) *finding.Report {
		rep, err := phpcheck.Run(phpcheck.Config{Checkers: []*check.Checker{nullderef.Checker}, Paths: []string{dir}, Root: dir, CacheDir: cache})
		if err != nil {
			t.Fatal(err)
		}
		return rep
	}
	if rep := run(""); len(rep.Findings) != 0 {
		t.Errorf("no null assertion: findings %+v, want none", rep.Findings)
	}
	run(cacheDir)
	edit(t, dir, "item.php", "@phpstan-assert-if-true Item $item", "@phpstan-assert-if-true null $item")
	for _, cache := range []string{"", cacheDir} {
		rep := run(cache)
		var got []string
		for _, f := range rep.Findings {
			got = append(got, fmt.Sprintf("%s:%d", f.File, f.Line))
		}
		if want := []string{"use.php:4", "use2.php:4", "use3.php:6"}; !reflect.DeepEqual(got, want) {
			t.Errorf("cache %q: findings at %v, want %v", cache, got, want)
		}
	}
}
