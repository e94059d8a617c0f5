package main

import (
	"bytes"
	"os"
	"strings"
	"testing"
)

func TestPrecision(t *testing.T) {
	var out, errb bytes.Buffer
	code := run([]string{"testdata/go-ifaceparam.tsv", "testdata/go-genericdepth.tsv"}, &out, &errb)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	for _, want := range []string{
		"| genericdepth | 1 | 0 | 1 | 0.00 |",
		"| constraintcoupling | 0 | 0 | 0 | - |",
		"| ifaceparam | 3 | 2 | 1 | 0.67 |",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
}

// TestCrossCheck proves an unjudged finding and a stale row both fail the
// run, and that only riskvet's own analyzers are held to it.
func TestCrossCheck(t *testing.T) {
	var out, errb bytes.Buffer
	code := run([]string{"-reports", "testdata/reports", "testdata/go-ifaceparam.tsv", "testdata/go-genericdepth.tsv"}, &out, &errb)
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	got := errb.String()
	for _, want := range []string{
		"example.com/a: s.go:2: singleinst: forgotten: not judged",
		"example.com/b: y.go:1: ifaceparam: msg three: judged but not reported",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("stderr lacks %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, "nilness") {
		t.Errorf("a curated analyzer's finding was held to judging:\n%s", got)
	}
}

func TestDensity(t *testing.T) {
	var out, errb bytes.Buffer
	run([]string{"-reports", "testdata/reports", "-generic", "example.com/a,example.com/b", "testdata/go-ifaceparam.tsv"}, &out, &errb)
	// 2 true ifaceparam findings in 150,000 + 50,000 lines; the absolute
	// path (a generated test main) does not count.
	if want := "| example.com/a | 150000 | 1 (0.01) | 0 (0.00) | 2 (0.01) | 0 (0.00) | 1 (0.01) |"; !strings.Contains(out.String(), want) {
		t.Errorf("output lacks the module row %q:\n%s", want, out.String())
	}
	if want := "2 true findings in 200000 lines"; !strings.Contains(out.String(), want) || !strings.Contains(out.String(), "1.00 per 100k lines") {
		t.Errorf("output lacks %q and 1.00 per 100k:\n%s", want, out.String())
	}
}

func TestBadSheets(t *testing.T) {
	for name, sheet := range map[string]string{
		"go-x.tsv":       "module\tlocation\tmessage\tverdict\treason\nm@v\ta.go:1\tm\tmaybe\tr\n",
		"go-y.tsv":       "module\tlocation\tmessage\tverdict\treason\nm@v\ta.go:1\tm\tnoise\t\n",
		"go-z.tsv":       "mod\tloc\n",
		"ifaceparam.tsv": "module\tlocation\tmessage\tverdict\treason\n",
	} {
		path := t.TempDir() + "/" + name
		if err := writeFile(path, sheet); err != nil {
			t.Fatal(err)
		}
		var out, errb bytes.Buffer
		if code := run([]string{path}, &out, &errb); code != 2 || errb.Len() == 0 {
			t.Errorf("%s: exit %d, stderr %q; want 2 and an error", name, code, errb.String())
		}
	}
}

func writeFile(path, s string) error { return os.WriteFile(path, []byte(s), 0o644) }
