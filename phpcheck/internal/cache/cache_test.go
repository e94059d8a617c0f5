package cache_test

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/riskvet/riskvet/internal/finding"
	"github.com/riskvet/riskvet/phpcheck/index"
	"github.com/riskvet/riskvet/phpcheck/internal/cache"
)

// The driver's own tests (phpcheck's cache_test.go) check that cached runs
// report what cold runs do, through phpcheck.Run. These check the calls'
// contract on results the driver could not easily produce: a parser
// timeout, and a file edited between the two passes.

// file is what a test's driver does with one file in a run.
type file struct {
	rel string
	// first fills the first pass's result on a miss.
	first func(r *cache.Result)
	// global are the second pass's findings when it checks the file.
	global []finding.Finding
	// reread is what the second pass reads again, "" for nothing.
	reread string
}

// outcome is what a run learned of one file.
type outcome struct {
	hit1, hit2 bool
	result     cache.Result
}

// run calls the cache as the driver does, over files in dir.
func run(t *testing.T, dir, cacheDir string, files []file) map[string]outcome {
	t.Helper()
	c := cache.Open(cacheDir, dir, []byte("test"))
	rs := make([]*cache.Result, len(files))
	hit1 := make([]bool, len(files))
	for i, f := range files {
		p := filepath.Join(dir, f.rel)
		st, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		rs[i] = new(cache.Result)
		_, hit, err := c.Before(rs[i], f.rel, st, time.Now(), func() ([]byte, error) { return os.ReadFile(p) })
		if err != nil {
			t.Fatal(err)
		}
		if hit1[i] = hit; !hit {
			f.first(rs[i])
		}
	}
	var syms []*index.FileSymbols
	for _, r := range rs {
		if r.Syms != nil {
			syms = append(syms, r.Syms)
		}
	}
	idx := index.Merge(syms)
	c.Indexed(idx, rs)
	out := map[string]outcome{}
	for i, f := range files {
		r := rs[i]
		hit2 := false
		var reread []byte
		if r.Second {
			var view *index.Index
			if view, hit2 = c.Check(r, idx); !hit2 {
				if view == nil {
					t.Fatalf("%s: Check gave no index to check with", f.rel)
				}
				r.Global = f.global
				if f.reread != "" {
					reread = []byte(f.reread)
				}
			}
		}
		c.After(r, reread)
		out[f.rel] = outcome{hit1[i], hit2, *r}
	}
	c.Close()
	return out
}

func write(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, src := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestTimeoutNotKept checks that a result whose parse timed out is parsed
// again by the next run, while a parse error of the file itself is kept,
// typed as it was given.
func TestTimeoutNotKept(t *testing.T) {
	dir, cacheDir := t.TempDir(), t.TempDir()
	write(t, dir, map[string]string{"slow.php": "<?php\n", "broken.php": "<?php\nfunction (\n"})
	slow := finding.Finding{Rule: "parseerror", File: "slow.php", Line: 1, Message: "parser did not finish within 1m0s"}
	broken := finding.Finding{Rule: "parseerror", File: "broken.php", Line: 2, Message: "syntax error"}
	files := []file{
		{rel: "slow.php", first: func(r *cache.Result) { r.Lines, r.ParseError, r.Timeout = 1, &slow, true }},
		{rel: "broken.php", first: func(r *cache.Result) { r.Lines, r.ParseError = 2, &broken }},
	}
	run(t, dir, cacheDir, files)
	got := run(t, dir, cacheDir, files)
	if got["slow.php"].hit1 {
		t.Errorf("slow.php: a timed-out parse was answered from the cache")
	}
	b := got["broken.php"]
	if !b.hit1 {
		t.Fatalf("broken.php: its parse error was not kept")
	}
	if b.result.ParseError == nil || *b.result.ParseError != broken || b.result.Timeout || b.result.Lines != 2 {
		t.Errorf("broken.php: cached result %+v, want parse error %+v on 2 lines, no timeout", b.result, broken)
	}
}

// TestEditedBetweenPasses checks that a file the second pass read with
// other content than the first is checked again by the next run, and that
// one read alike has both passes answered from the cache.
func TestEditedBetweenPasses(t *testing.T) {
	dir, cacheDir := t.TempDir(), t.TempDir()
	srcs := map[string]string{"edited.php": "<?php\necho 1;\n", "same.php": "<?php\necho 2;\n"}
	write(t, dir, srcs)
	second := func(rel string) func(r *cache.Result) {
		return func(r *cache.Result) { r.Lines, r.Second, r.Syms = 2, true, &index.FileSymbols{Path: rel} }
	}
	global := func(rel string) []finding.Finding {
		return []finding.Finding{{Rule: "nullderef", File: rel, Line: 2, Message: "m"}}
	}
	files := []file{
		{rel: "edited.php", first: second("edited.php"), global: global("edited.php"), reread: "<?php\necho 3;\n"},
		{rel: "same.php", first: second("same.php"), global: global("same.php"), reread: srcs["same.php"]},
	}
	run(t, dir, cacheDir, files)
	got := run(t, dir, cacheDir, files)
	if got["edited.php"].hit1 {
		t.Errorf("edited.php: the result of content the second pass did not see was kept")
	}
	s := got["same.php"]
	if !s.hit1 || !s.hit2 {
		t.Fatalf("same.php: first pass hit %t, second %t, want both", s.hit1, s.hit2)
	}
	if !reflect.DeepEqual(s.result.Global, global("same.php")) {
		t.Errorf("same.php: cached second-pass findings %v, want %v", s.result.Global, global("same.php"))
	}
}

// TestNilCache checks that a run without a cache only reads.
func TestNilCache(t *testing.T) {
	if c := cache.Open("", ".", nil); c != nil {
		t.Fatalf("Open with no directory returned a cache")
	}
	var c *cache.Cache
	var r cache.Result
	src, hit, err := c.Before(&r, "a.php", nil, time.Now(), func() ([]byte, error) { return []byte("x"), nil })
	if string(src) != "x" || hit || err != nil {
		t.Errorf("Before = %q, %t, %v, want the read content and no hit", src, hit, err)
	}
	idx := index.Merge(nil)
	c.Indexed(idx, []*cache.Result{&r})
	if view, hit := c.Check(&r, idx); view != idx || hit {
		t.Errorf("Check = %p, %t, want the index as it is and no hit", view, hit)
	}
	c.After(&r, nil)
	c.Close()
}
