// Package phptest runs riskvet's PHP checks over fixture files and compares
// their findings with the expectations written in the fixtures, as
// golang.org/x/tools/go/analysis/analysistest does for Go.
//
// # Expectations
//
// A comment `// want "regex"` (or `# want "regex"`) on a line expects one
// finding on that line whose message matches the regular expression. Several
// patterns expect several findings: `// want "a" "b"`. A pattern may be
// preceded by `col=N` to also require the finding's 1-based byte column:
// `// want col=14 "may be null"`. Patterns are Go string literals, double
// quoted or back quoted. Matching is exact in count: a finding with no want
// and a want with no finding both fail the test.
//
// Fixtures in subfolders of the directory are found too; the checks see
// their paths relative to it ("tests/UserTest.php"), as the driver's paths
// are relative to the scanned root.
//
// # Check flags
//
// A comment `// riskvet:flags -nullderef.tests -nullderef.never_null=a,b`
// in a fixture's first five lines sets the checks' flags for that fixture
// only, spelled as on riskvet php's command line; every flag is back at its
// default for the next fixture.
//
// A fixture NAME.php with a sibling NAME.php.fixed is also fixed, as
// `riskvet php -fix` would, and the result compared with that golden file.
//
// Every fixture goes through the driver's own per-file code (package
// phpcheck/internal/phpfile): a file the parser rejects yields its one
// parseerror finding, and riskvet:ignore directives apply.
//
// # Label check
//
// A fixture whose first two lines contain `riskvet:run` is also run under
// the php binary by [RunPHP]: each top-level function whose name starts with
// "test" is called, and every runtime failure (an uncaught Error, a warning
// or notice) is recorded with its line. Each want line must fail at run time
// and no other line may, which proves that positives are real failures and
// negatives are not. A deprecation is not a failure, except that a want
// whose pattern contains "deprecated" claims one: that line must raise an
// E_DEPRECATED at run time and not fail. Runnable fixtures must therefore use syntax that both
// riskvet's parser (php-parser's PHP 8.1 grammar, with the newer syntax
// package rewrite handles) and the installed php accept, their test
// functions take no arguments, and every want in them must be a failure
// that the test functions actually reach.
package phptest

import (
	"bufio"
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/VKCOM/php-parser/pkg/ast"

	"github.com/riskvet/riskvet/internal/finding"
	"github.com/riskvet/riskvet/internal/position"
	"github.com/riskvet/riskvet/phpcheck/check"
	"github.com/riskvet/riskvet/phpcheck/index"
	"github.com/riskvet/riskvet/phpcheck/internal/phpfile"
)

// want is one expected finding.
type want struct {
	line int
	col  int // 0: any column
	re   *regexp.Regexp
	used bool
}

var wantRE = regexp.MustCompile(`(?://|#)\s*want\s+(.*)$`)

// fixture is one parsed testdata file.
type fixture struct {
	path  string // as given to the checks: the base name
	src   []byte
	lines *position.File
}

// load reads the *.php fixtures under dir, in subfolders too: a fixture's
// path, as the checks see it, is relative to dir ("tests/UserTest.php"), as
// the driver's paths are relative to the scanned root.
func load(t *testing.T, dir string) []fixture {
	t.Helper()
	var paths []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".php") {
			paths = append(paths, p)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(paths) == 0 {
		t.Fatalf("no *.php fixtures in %s", dir)
	}
	slices.Sort(paths)
	var fxs []fixture
	for _, p := range paths {
		src, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			t.Fatal(err)
		}
		fxs = append(fxs, fixture{path: filepath.ToSlash(rel), src: src, lines: position.NewFile(src)})
	}
	return fxs
}

var flagsRE = regexp.MustCompile(`(?://|#)\s*riskvet:flags\b(.*)$`)

// setFlags applies a fixture's `// riskvet:flags -CHECK.FLAG[=VALUE] ...`
// comment, in its first five lines, to the checkers' flags, as the same
// words would on riskvet php's command line (a boolean flag without a
// value is true). It returns the function that resets every flag of the
// checkers to its default, which the caller defers.
func setFlags(t *testing.T, fx fixture, checkers []*check.Checker) (reset func()) {
	t.Helper()
	reset = func() {
		for _, c := range checkers {
			c.Flags.VisitAll(func(f *flag.Flag) { _ = f.Value.Set(f.DefValue) })
		}
	}
	for n := 1; n <= min(5, fx.lines.NumLines()); n++ {
		text, _ := fx.lines.Line(n)
		m := flagsRE.FindSubmatch(text)
		if m == nil {
			continue
		}
		for _, arg := range strings.Fields(string(m[1])) {
			name, value, hasValue := strings.Cut(strings.TrimLeft(arg, "-"), "=")
			cname, fname, _ := strings.Cut(name, ".")
			i := slices.IndexFunc(checkers, func(c *check.Checker) bool { return c.Name == cname })
			if i < 0 || checkers[i].Flags.Lookup(fname) == nil {
				t.Fatalf("%s:%d: riskvet:flags: no flag -%s in the checks under test", fx.path, n, name)
			}
			f := checkers[i].Flags.Lookup(fname)
			if b, ok := f.Value.(interface{ IsBoolFlag() bool }); !hasValue && ok && b.IsBoolFlag() {
				value = "true"
			}
			if err := f.Value.Set(value); err != nil {
				t.Fatalf("%s:%d: riskvet:flags: -%s: %v", fx.path, n, name, err)
			}
		}
	}
	return reset
}

// Run checks every dir/*.php fixture with the given checkers, using an
// index built from all the fixtures in dir, and fails t on every unexpected
// or missing finding.
func Run(t *testing.T, dir string, checkers ...*check.Checker) {
	t.Helper()
	fixtures := load(t, dir)

	// The index pass, over every fixture, as the driver does over a tree.
	type parsed struct {
		root ast.Vertex
		serr *phpfile.SyntaxError
	}
	trees := make([]parsed, len(fixtures))
	var syms []*index.FileSymbols
	for i, fx := range fixtures {
		root, serr := phpfile.Parse(fx.src)
		trees[i] = parsed{root, serr}
		if serr == nil {
			syms = append(syms, index.Collect(fx.path, root))
		}
	}
	idx := index.Merge(syms)

	for i, fx := range fixtures {
		t.Run(strings.TrimSuffix(fx.path, ".php"), func(t *testing.T) {
			defer setFlags(t, fx, checkers)()
			var got []finding.Finding
			if tr := trees[i]; tr.serr != nil {
				got = []finding.Finding{phpfile.ParseFinding(fx.path, fx.lines, tr.serr)}
			} else {
				f := &phpfile.File{Path: fx.path, Src: fx.src, Root: tr.root, Lines: fx.lines}
				var err error
				got, _, err = phpfile.Check(f, idx, checkers, phpfile.Known)
				if err != nil {
					t.Error(err)
				}
				checkRelevant(t, fx.path, fx.src, tr.root, idx, got, checkers)
				checkFixed(t, dir, f, idx, checkers)
			}
			slices.SortFunc(got, finding.Compare)
			wants := parseWants(t, fx)
			compare(t, fx.path, got, wants)
		})
	}
}

// checkRelevant fails when a check reported in a file its Relevant calls
// irrelevant, from the file alone or with the fixtures' index: the driver
// would not have run it there.
func checkRelevant(t *testing.T, path string, src []byte, root ast.Vertex, idx *index.Index, got []finding.Finding, checkers []*check.Checker) {
	t.Helper()
	for _, c := range checkers {
		if c.Relevant == nil || c.Relevant(path, src, root).Ask(idx) {
			continue
		}
		for _, f := range got {
			if f.Rule == c.Name {
				t.Errorf("%s reports at line %d of a file its Relevant rules out", c.Name, f.Line)
				break
			}
		}
	}
}

// checkFixed compares the file that `riskvet php -fix` would write with the
// golden file NAME.php.fixed, when there is one.
func checkFixed(t *testing.T, dir string, f *phpfile.File, idx *index.Index, checkers []*check.Checker) {
	t.Helper()
	golden, err := os.ReadFile(filepath.Join(dir, f.Path+".fixed"))
	if os.IsNotExist(err) {
		return
	}
	if err != nil {
		t.Fatal(err)
	}
	fx := *f
	fx.Fix = true
	_, edits, err := phpfile.Check(&fx, idx, checkers, phpfile.Known)
	if err != nil {
		t.Fatal(err)
	}
	fixed, err := phpfile.ApplyEdits(f.Src, edits)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(fixed, golden) {
		t.Errorf("%s: fixed file differs from %s.fixed:\ngot:\n%q\nwant:\n%q", f.Path, f.Path, fixed, golden)
	}
}

// parseWants reads the want comments of a fixture.
func parseWants(t *testing.T, fx fixture) []*want {
	t.Helper()
	var ws []*want
	for n := 1; n <= fx.lines.NumLines(); n++ {
		text, _ := fx.lines.Line(n)
		m := wantRE.FindSubmatch(text)
		if m == nil {
			continue
		}
		rest := strings.TrimSpace(string(m[1]))
		col := 0
		for rest != "" {
			if v, ok := strings.CutPrefix(rest, "col="); ok {
				end := strings.IndexFunc(v, func(r rune) bool { return r < '0' || r > '9' })
				if end <= 0 {
					t.Fatalf("%s:%d: bad col= in want", fx.path, n)
				}
				col, _ = strconv.Atoi(v[:end])
				rest = strings.TrimSpace(v[end:])
				continue
			}
			lit, err := strconv.QuotedPrefix(rest)
			if err != nil {
				t.Fatalf("%s:%d: want needs quoted patterns: %q", fx.path, n, rest)
			}
			pat, _ := strconv.Unquote(lit)
			re, err := regexp.Compile(pat)
			if err != nil {
				t.Fatalf("%s:%d: bad want pattern: %v", fx.path, n, err)
			}
			ws = append(ws, &want{line: n, col: col, re: re})
			col = 0
			rest = strings.TrimSpace(rest[len(lit):])
		}
	}
	return ws
}

func compare(t *testing.T, path string, got []finding.Finding, wants []*want) {
	t.Helper()
	for _, f := range got {
		matched := false
		for _, w := range wants {
			if !w.used && w.line == f.Line && (w.col == 0 || w.col == f.Column) && w.re.MatchString(f.Message) {
				w.used, matched = true, true
				break
			}
		}
		if !matched {
			t.Errorf("%s:%d:%d: unexpected finding: %s: %s", path, f.Line, f.Column, f.Rule, f.Message)
		}
	}
	for _, w := range wants {
		if !w.used {
			col := ""
			if w.col != 0 {
				col = fmt.Sprintf(" at col %d", w.col)
			}
			t.Errorf("%s:%d: no finding%s matching %q", path, w.line, col, w.re)
		}
	}
}

// Runnable reports whether a fixture is marked for the label check.
func Runnable(src []byte) bool {
	lines := bytes.SplitN(src, []byte("\n"), 3)
	for _, l := range lines[:min(2, len(lines))] {
		if bytes.Contains(l, []byte("riskvet:run")) {
			return true
		}
	}
	return false
}

// prelude includes the fixture given as argv[1], calls its test functions
// and appends one JSON line per runtime failure to the file argv[2]. It
// writes to a file, not stdout, so that fixtures may print freely.
const prelude = `<?php
$__rv_fixture = realpath($argv[1]);
$__rv_out = $argv[2];
function __rv_report(string $file, int $line, string $msg, bool $deprecated = false): void {
    global $__rv_out;
    file_put_contents($__rv_out, json_encode(['file' => $file, 'line' => $line, 'msg' => $msg, 'deprecated' => $deprecated]) . "\n", FILE_APPEND);
}
function __rv_throwable(\Throwable $e): void {
    global $__rv_fixture;
    $file = $e->getFile();
    $line = $e->getLine();
    // A parameter's TypeError is raised at the callee's declaration; the
    // failure is the call's, whose place the message gives.
    if ($e instanceof \TypeError && preg_match('/, called in (.+) on line (\d+)$/', $e->getMessage(), $m)) {
        $file = $m[1];
        $line = (int) $m[2];
    }
    if ($file !== $__rv_fixture) {
        foreach ($e->getTrace() as $frame) {
            if (($frame['file'] ?? '') === $__rv_fixture) {
                $file = $frame['file'];
                $line = $frame['line'];
                break;
            }
        }
    }
    __rv_report($file, $line, get_class($e) . ': ' . $e->getMessage());
}
set_error_handler(function (int $no, string $str, string $file, int $line): bool {
    // Deprecations are not failures, only recorded as such, and @
    // silences a diagnostic (the handler is still called, with
    // error_reporting() masked).
    if (!(error_reporting() & $no)) {
        return true;
    }
    if ($no & (E_DEPRECATED | E_USER_DEPRECATED)) {
        __rv_report($file, $line, $str, true);
        return true;
    }
    __rv_report($file, $line, $str);
    return true;
});
try {
    require $__rv_fixture;
} catch (\Throwable $e) {
    __rv_throwable($e);
}
foreach (get_defined_functions()['user'] as $fn) {
    $rf = new ReflectionFunction($fn);
    if ($rf->getFileName() !== $__rv_fixture) {
        continue;
    }
    $pos = strrpos($fn, '\\');
    $short = $pos === false ? $fn : substr($fn, $pos + 1);
    if (strncmp($short, 'test', 4) !== 0) {
        continue;
    }
    try {
        $fn();
    } catch (\Throwable $e) {
        __rv_throwable($e);
    }
}
`

// failure is one runtime failure recorded by the prelude.
type failure struct {
	File string `json:"file"`
	Line int    `json:"line"`
	Msg  string `json:"msg"`
	// Deprecated marks an E_DEPRECATED, which is not a failure.
	Deprecated bool `json:"deprecated"`
}

// RunPHP is the label check: it runs every runnable fixture in dir under
// php and fails t unless the lines that fail at run time are exactly the
// fixture's want lines. It skips t when php is not installed.
func RunPHP(t *testing.T, dir string) {
	t.Helper()
	php, err := exec.LookPath("php")
	if err != nil {
		t.Skip("php not found in PATH: the label check needs php-cli (apt-get install php-cli)")
	}
	tmp := t.TempDir()
	pre := filepath.Join(tmp, "prelude.php")
	if err := os.WriteFile(pre, []byte(prelude), 0o644); err != nil {
		t.Fatal(err)
	}
	ran := 0
	for i, fx := range load(t, dir) {
		if !Runnable(fx.src) {
			continue
		}
		ran++
		t.Run(strings.TrimSuffix(fx.path, ".php"), func(t *testing.T) {
			abs, err := filepath.Abs(filepath.Join(dir, fx.path))
			if err != nil {
				t.Fatal(err)
			}
			abs, err = filepath.EvalSymlinks(abs)
			if err != nil {
				t.Fatal(err)
			}
			out := filepath.Join(tmp, fmt.Sprintf("out%d.jsonl", i))
			cmd := exec.Command(php, "-n", "-d", "error_reporting=-1", "-d", "display_errors=stderr", pre, abs, out)
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			if err := cmd.Run(); err != nil {
				t.Fatalf("php %s: %v\n%s", fx.path, err, stderr.String())
			}
			fails := readFailures(t, out)
			wantLines := map[int]bool{}
			deprecation := map[int]bool{} // the want lines claiming a deprecation
			for _, w := range parseWants(t, fx) {
				if strings.Contains(w.re.String(), "deprecated") {
					deprecation[w.line] = true
				} else {
					wantLines[w.line] = true
				}
			}
			failed := map[int]bool{}
			for _, f := range fails {
				if f.Deprecated {
					if f.File == abs && deprecation[f.Line] {
						failed[f.Line] = true
					}
					continue
				}
				if f.File != abs {
					t.Errorf("runtime failure outside the fixture: %s:%d: %s", f.File, f.Line, f.Msg)
					continue
				}
				failed[f.Line] = true
				if !wantLines[f.Line] {
					t.Errorf("%s:%d: fails at run time but has no want: %s", fx.path, f.Line, f.Msg)
				}
			}
			for _, n := range slices.Sorted(maps.Keys(wantLines)) {
				if !failed[n] {
					t.Errorf("%s:%d: has a want but runs clean", fx.path, n)
				}
			}
			for _, n := range slices.Sorted(maps.Keys(deprecation)) {
				if !failed[n] {
					t.Errorf("%s:%d: has a want claiming a deprecation but raises none", fx.path, n)
				}
			}
		})
	}
	if ran == 0 {
		t.Logf("no runnable fixtures (marked riskvet:run) in %s", dir)
	}
}

func readFailures(t *testing.T, path string) []failure {
	t.Helper()
	data, err := os.ReadFile(path)
	if os.IsNotExist(err) {
		return nil
	}
	if err != nil {
		t.Fatal(err)
	}
	var fs []failure
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var f failure
		if err := json.Unmarshal(sc.Bytes(), &f); err != nil {
			t.Fatalf("bad prelude output %q: %v", sc.Text(), err)
		}
		fs = append(fs, f)
	}
	return fs
}
