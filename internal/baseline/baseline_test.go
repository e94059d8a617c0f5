package baseline_test

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/riskvet/riskvet/internal/baseline"
	"github.com/riskvet/riskvet/internal/finding"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// files is a project in memory; src returns a Source over it.
type files map[string]string

func (fs files) src(name string) ([]byte, error) {
	s, ok := fs[name]
	if !ok {
		return nil, os.ErrNotExist
	}
	return []byte(s), nil
}

const before = `<?php
function a() {
    $u = find();
    echo $u->name;
}
function b() {
    $u = find();
    echo $u->name;
}
`

// the findings of before: the same message on two lines whose contexts are
// identical, and one elsewhere.
func findingsAt(lines ...int) []finding.Finding {
	var fs []finding.Finding
	for _, l := range lines {
		fs = append(fs, finding.Finding{Rule: "nullderef", File: "a.php", Line: l, Column: 10, Message: "$u may be null"})
	}
	return fs
}

func roundTrip(t *testing.T, b *baseline.Baseline) *baseline.Baseline {
	t.Helper()
	var buf bytes.Buffer
	if err := b.Write(&buf); err != nil {
		t.Fatal(err)
	}
	r, err := baseline.Read(&buf)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func lines(fs []finding.Finding) []int {
	out := []int{}
	for _, f := range fs {
		out = append(out, f.Line)
	}
	return out
}

func TestFilter(t *testing.T) {
	old := files{"a.php": before}
	b := roundTrip(t, baseline.New(findingsAt(4, 8), old.src))
	if len(b.Entries) != 1 || b.Entries[0].Count != 2 {
		t.Fatalf("two identical findings: entries %+v, want one with count 2", b.Entries)
	}
	for _, tc := range []struct {
		name     string
		src      string
		findings []finding.Finding
		want     []int // lines of the findings reported as new
		gone     int
	}{
		{"unchanged", before, findingsAt(4, 8), nil, 0},
		{
			"line shift", "<?php\n// a new comment\n\n" + before[len("<?php\n"):],
			findingsAt(6, 10), nil, 0,
		},
		{
			"edit elsewhere", strings.Replace(before, "function b() {", "function renamed() {", 1) + "function c() {}\n",
			findingsAt(4, 8), nil, 0,
		},
		{
			"fixed", strings.Replace(before, "    echo $u->name;\n}\nfunction b", "    echo $u?->name;\n}\nfunction b", 1),
			findingsAt(8), nil, 1,
		},
		{
			"new finding of the same kind", before + "function c() {\n    $u = find();\n    echo $u->name;\n}\n",
			findingsAt(4, 8, 12), []int{12}, 0,
		},
		{
			// As in PHPStan: the finding is the same, wherever it is.
			"edit of the line itself", strings.Replace(before, "echo $u->name;\n}\nfunction b", "print $u->name;\n}\nfunction b", 1),
			findingsAt(4, 8), nil, 0,
		},
		{
			// A third copy beside the two, and the lines of both old
			// ones edited: the count says one is new, and none has its
			// context recorded, so the first two in order are the old ones.
			"repeats all edited", strings.ReplaceAll(before, "echo", "print") + "function c() {\n    $u = find();\n    print $u->name;\n}\n",
			findingsAt(4, 8, 12), []int{12}, 0,
		},
		{
			// The new copy goes first in the file: its context is not
			// recorded, the old ones' are, so it is the one reported.
			"new repeat first", "<?php\nfunction z() {\n    $u = find();\n    print $u->name;\n}\n" + before[len("<?php\n"):],
			findingsAt(4, 8, 12), []int{4}, 0,
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fresh, gone := b.Filter(tc.findings, files{"a.php": tc.src}.src)
			if got, want := lines(fresh), lines(findingsAt(tc.want...)); !slices.Equal(got, want) || gone != tc.gone {
				t.Errorf("new findings on lines %v, %d gone; want %v, %d gone", got, gone, want, tc.gone)
			}
		})
	}
	// Another rule, file or message is another finding.
	other := []finding.Finding{
		{Rule: "undefinedindex", File: "a.php", Line: 4, Message: "$u may be null"},
		{Rule: "nullderef", File: "b.php", Line: 4, Message: "$u may be null"},
		{Rule: "nullderef", File: "a.php", Line: 4, Message: "$v may be null"},
	}
	if fresh, gone := b.Filter(other, files{"a.php": before, "b.php": before}.src); len(fresh) != 3 || gone != 2 {
		t.Errorf("other findings: %d new, %d gone; want 3, 2", len(fresh), gone)
	}
}

// TestFileLevel is issue 12's case: a docblock line added under <?php must
// not make a recorded stricttypes finding, reported at line 1, new.
func TestFileLevel(t *testing.T) {
	st := []finding.Finding{{Rule: "stricttypes", File: "b.php", Line: 1, Column: 1, Message: "file does not declare strict_types=1"}}
	b := roundTrip(t, baseline.New(st, files{"b.php": "<?php\necho 1;\n"}.src))
	for _, src := range []string{"<?php\n/** the page */\necho 1;\n", "", "<?php\r\n\r\necho 2;\r\n"} {
		if fresh, gone := b.Filter(st, files{"b.php": src}.src); len(fresh) != 0 || gone != 0 {
			t.Errorf("after editing b.php to %q: %d new, %d gone; want 0, 0", src, len(fresh), gone)
		}
	}
	if fresh, gone := b.Filter(nil, files{}.src); len(fresh) != 0 || gone != 1 {
		t.Errorf("fixed: %d new, %d gone; want 0, 1", len(fresh), gone)
	}
}

// TestReadV1 checks that a baseline of the first format, one entry per
// context, reads as the grouped entries and still absorbs its findings.
func TestReadV1(t *testing.T) {
	v1, err := os.ReadFile(filepath.Join("testdata", "v1.json"))
	if err != nil {
		t.Fatal(err)
	}
	b, err := baseline.Read(bytes.NewReader(v1))
	if err != nil {
		t.Fatal(err)
	}
	if b.Len() != 4 || len(b.Entries) != 3 {
		t.Fatalf("entries %+v, want 3 recording 4 findings", b.Entries)
	}
	// The two nullderef entries of v1 are one of count 2; a third finding
	// whose context is not recorded is the new one.
	third := before + "function c() {\n    $u = find();\n    echo $u?->name; echo $u->name;\n}\n"
	fresh, gone := b.Filter(findingsAt(12, 4, 8), files{"a.php": third}.src)
	if got := lines(fresh); !slices.Equal(got, []int{12}) || gone != 2 {
		t.Errorf("new findings on lines %v, %d gone; want [12], 2 gone (b.php and c.php)", got, gone)
	}
}

// TestWrite checks the document against a golden file: sorted entries, a
// whole-file finding with an empty context, an empty list as [].
func TestWrite(t *testing.T) {
	fs := files{"a.php": before, "b.php": "<?php\necho 1;\n"}
	all := append(findingsAt(8, 4),
		finding.Finding{Rule: "stricttypes", File: "b.php", Line: 1, Message: "missing declare(strict_types=1)"},
		finding.Finding{Rule: "parseerror", File: "c.php", Line: 0, Message: "syntax error"},
	)
	var buf bytes.Buffer
	if err := baseline.New(all, fs.src).Write(&buf); err != nil {
		t.Fatal(err)
	}
	if err := baseline.New(nil, fs.src).Write(&buf); err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join("testdata", "baseline.golden")
	if *update {
		if err := os.WriteFile(golden, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if buf.String() != string(want) {
		t.Errorf("got\n%s\nwant\n%s", buf.String(), want)
	}
}

func TestRead(t *testing.T) {
	for _, s := range []string{
		`{"schema": "riskvet/findings/v1", "entries": []}`,
		`{"schema": "riskvet/baseline/v1", "entries": [{"rule": "x", "count": 0}]}`,
		`{"schema": "riskvet/baseline/v1", "entries": [], "extra": 1}`,
		`[]`,
		`{"schema": "riskvet/baseline/v2", "entries": [{"rule": "x", "file": "a", "message": "m", "count": 1, "context": ""}]}`,
		`{"schema": "riskvet/baseline/v2", "entries": [{"rule": "x", "file": "a", "message": "m", "count": 1, "contexts": ["a", "b"]}]}`,
		`{"schema": "riskvet/baseline/v2", "entries": [{"rule": "x", "count": 1}, {"rule": "x", "count": 1}]}`,
		`{"schema": "riskvet/baseline/v1", "entries": [{"rule": "x", "count": 1}]}`,
	} {
		if _, err := baseline.Read(strings.NewReader(s)); err == nil {
			t.Errorf("Read(%s) accepted it", s)
		}
	}
}
