package phpcheck_test

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/riskvet/riskvet/internal/finding"
	"github.com/riskvet/riskvet/internal/position"
	"github.com/riskvet/riskvet/phpcheck"
	"github.com/riskvet/riskvet/phpcheck/checks"
	"github.com/riskvet/riskvet/phpcheck/index"
	"github.com/riskvet/riskvet/phpcheck/internal/phpfile"
)

// runOn writes files into a temporary root and runs the driver on it.
func runOn(t *testing.T, files map[string][]byte) *finding.Report {
	t.Helper()
	dir := t.TempDir()
	for name, src := range files {
		if err := os.WriteFile(filepath.Join(dir, name), src, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	rep, err := phpcheck.Run(phpcheck.Config{Checkers: checks.All, Paths: []string{dir}, Root: dir})
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

func rulesOf(rep *finding.Report, file string) []string {
	var out []string
	for _, f := range rep.Findings {
		if f.File == file {
			out = append(out, f.Rule)
		}
	}
	return out
}

// TestEdgeInputs runs the whole pipeline on inputs that have broken
// parsers before: none may panic or hang, and each gets the findings that
// a person would expect.
func TestEdgeInputs(t *testing.T) {
	deep := "<?php\ndeclare(strict_types=1);\n$x = " + strings.Repeat("(", 10000) + "1" + strings.Repeat(")", 10000) + ";\n"
	deepArr := "<?php\ndeclare(strict_types=1);\n$x = " + strings.Repeat("[", 10000) + strings.Repeat("]", 10000) + ";\n"
	deepIf := "<?php\ndeclare(strict_types=1);\n" + strings.Repeat("if ($a) {\n", 3000) + "echo $_GET['x'];\n" + strings.Repeat("}\n", 3000)
	// Element reads, writes and guards 30,000 levels down: undefinedindex
	// names elements by their path, which must not grow with the square
	// of the depth.
	dims := strings.Repeat("[0]", 30000)
	deepDims := "<?php\ndeclare(strict_types=1);\n$x = [];\n$x" + dims + " = 1;\nunset($x" + dims + ");\nif (isset($x" + dims + ")) { echo $x" + dims + "; }\n"
	files := map[string][]byte{
		"deepdims.php": []byte(deepDims),
		"deep.php":     []byte(deep),
		"deeparr.php":  []byte(deepArr),
		"deepif.php":   []byte(deepIf),
		"empty.php":    {},
		"bom.php":      []byte("\xef\xbb\xbf<?php\necho $_GET['b'];\n"),
		"crlf.php":     []byte("<?php\r\ndeclare(strict_types=1);\r\n\r\necho $_GET['c'];\r\n"),
		"lonecr.php":   []byte("<?php\rdeclare(strict_types=1);\recho 1;\recho $_GET['r'];\r"),
		"opentag.php":  []byte("<?php"),
		"latin1.php":   []byte("<?php\ndeclare(strict_types=1);\n// caf\xe9\necho '\xff\xfe'; echo $_GET['l'];\n"),
		"nul.php":      []byte("<?php\x00\x00"),
		"html.php":     []byte("<p>\xff</p>"),
		"unclosed.php": []byte("<?php\ndeclare(strict_types=1);\n/* never closed\n"),
	}
	rep := runOn(t, files)
	if len(rep.Errors) != 0 {
		t.Fatalf("errors: %+v", rep.Errors)
	}
	if len(rep.Files) != len(files) {
		t.Errorf("%d files scanned, want %d", len(rep.Files), len(files))
	}
	want := map[string]string{
		"deep.php":     "",
		"deeparr.php":  "",
		"deepif.php":   "undefinedindex",
		"deepdims.php": "",
		"empty.php":    "",
		// A BOM is output before the tag: the file is a template for
		// stricttypes, and its code is still checked.
		"bom.php":  "undefinedindex",
		"crlf.php": "undefinedindex",
		// php-parser crashes on a lone CR as given; riskvet reads it as
		// the line end PHP takes it for, and positions stay right.
		"lonecr.php": "undefinedindex",
		// Valid PHP the parser rejects as given: no false parseerror.
		"opentag.php": "stricttypes",
		"latin1.php":  "undefinedindex",
		"html.php":    "",
		// PHP warns and runs; php-parser rejects it.
		"unclosed.php": "parseerror",
	}
	for name, rules := range want {
		if got := strings.Join(rulesOf(rep, name), ","); got != rules {
			t.Errorf("%s: rules %q, want %q", name, got, rules)
		}
	}
	for _, f := range rep.Findings {
		if f.File == "crlf.php" && (f.Line != 4 || f.Column != 6) {
			t.Errorf("crlf.php finding at %d:%d, want 4:6", f.Line, f.Column)
		}
		if f.File == "lonecr.php" && (f.Line != 4 || f.Column != 6) {
			t.Errorf("lonecr.php finding at %d:%d, want 4:6", f.Line, f.Column)
		}
	}
}

// TestParserCrash checks that an input php-parser panics on becomes one
// parseerror finding.
func TestParserCrash(t *testing.T) {
	src := []byte("<?php\n\"\\u{") // an unterminated Unicode escape
	_, serr := phpfile.Parse(src)
	if serr == nil {
		t.Skip("php-parser no longer fails on this input")
	}
	rep := runOn(t, map[string][]byte{"crash.php": src, "ok.php": []byte("<?php\necho $_GET['x'];\n")})
	if got := strings.Join(rulesOf(rep, "crash.php"), ","); got != "parseerror" {
		t.Errorf("crash.php: %q, want one parseerror", got)
	}
	if got := strings.Join(rulesOf(rep, "ok.php"), ","); got != "stricttypes,undefinedindex" {
		t.Errorf("ok.php: %q: the other file must still be checked", got)
	}
}

// bigFile returns a valid PHP file of at least 50 MB whose one finding is
// an undefinedindex on its last line.
func bigFile() []byte {
	var b bytes.Buffer
	b.WriteString("<?php\ndeclare(strict_types=1);\n")
	line := "$a = ['k' => 1]; echo $a['k'] . \"padding padding padding\";\n"
	for b.Len() < 50<<20 {
		b.WriteString(line)
	}
	b.WriteString("echo $_GET['last'];\n")
	return b.Bytes()
}

// TestLargeFile checks that a 50 MB file is reported as too large to parse,
// with its lines counted, and that the run goes on.
func TestLargeFile(t *testing.T) {
	rep := runOn(t, map[string][]byte{"big.php": bigFile(), "ok.php": []byte("<?php\necho 1;\n")})
	if got := strings.Join(rulesOf(rep, "big.php"), ","); got != "parseerror" {
		t.Errorf("big.php: rules %q, want one parseerror", got)
	}
	if got := strings.Join(rulesOf(rep, "ok.php"), ","); got != "stricttypes" {
		t.Errorf("ok.php: rules %q, want stricttypes", got)
	}
	if rep.Files[0].Lines < 800000 {
		t.Errorf("big.php counted %d lines", rep.Files[0].Lines)
	}
}

// TestLargeFileParsed parses and checks the 50 MB file with the limit
// lifted: no panic, no hang. It takes about a minute of CPU and 7 GB of
// memory, so it runs only when RISKVET_LARGE_TEST=1.
func TestLargeFileParsed(t *testing.T) {
	if os.Getenv("RISKVET_LARGE_TEST") != "1" {
		t.Skip("set RISKVET_LARGE_TEST=1 to parse a 50 MB file (1 min CPU, 7 GB RSS)")
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "big.php"), bigFile(), 0o644); err != nil {
		t.Fatal(err)
	}
	rep, err := phpcheck.Run(phpcheck.Config{Checkers: checks.All, Paths: []string{dir}, Root: dir, MaxBytes: -1})
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(rulesOf(rep, "big.php"), ","); got != "undefinedindex" {
		t.Errorf("big.php: rules %q, want the one undefinedindex at its end", got)
	}
}

// FuzzCheck runs the whole per-file pipeline (parse, index, every check,
// suppression) on arbitrary bytes: it must never panic, and a check must
// never fail on a file the parser accepted.
func FuzzCheck(f *testing.F) {
	for _, s := range []string{
		"<?php\necho $_GET['a'];",
		"<?php\nif (!isset($_GET['a'])) { return; }\necho $_GET['a'];",
		"<?php\n$a = ['x' => 1]; $a['y'] = 2; echo $a['z'];",
		"<?php\ndeclare(strict_types=0);",
		"<?php\nclass A { public ?A $p; function f(): ?A { return null; } }\n$a = new A; $a->f()->f();",
		"<?php\nfunction f(?int $x) { return $x?->y; }",
		"<?php // riskvet:ignore nullderef x\n$a = null; $a->b();",
		"<html><?php echo 1 ?>",
		"<?php\r\n\xef\xbb\xbf",
		"<?php\r$a = null;\r$a->b();\r",
		"<?PHP",
		"<?php\nenum E { case Default; } class Enum { public ?Enum $n = null; public string $s { get => $this->n->s; } }",
		"<?php\nfunction f((A&B)|null $x): (A&B)|null { return new A()->b()?->c; } $f = exit(...);",
		"<?xml version=\"1.0\"?>\n<a/>",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		orig := bytes.Clone(src)
		root, serr := phpfile.Parse(src)
		if !bytes.Equal(src, orig) {
			t.Fatalf("Parse changed its input from %q to %q", orig, src)
		}
		lines := position.NewFile(src)
		if serr != nil {
			phpfile.ParseFinding("f.php", lines, serr)
			return
		}
		idx := index.Merge([]*index.FileSymbols{index.Collect("f.php", root)})
		file := &phpfile.File{Path: "f.php", Src: src, Root: root, Lines: lines}
		if _, _, err := phpfile.Check(file, idx, checks.All, phpfile.Known); err != nil {
			t.Fatal(err)
		}
		file.Fix = true
		_, edits, err := phpfile.Check(file, idx, checks.All, phpfile.Known)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := phpfile.ApplyEdits(src, edits); err != nil {
			t.Fatal(err)
		}
	})
}

// TestExclude checks that Exclude takes riskvet.toml's globs: a pattern
// without a slash matches at any depth, "**" spans directories, and a
// directory's pattern skips everything under it.
func TestExclude(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"tests/a.php", "app/tests/b.php", "lib/deep/gen/c.php", "lib/d.php", "e.inc.php", "app/f.inc.php"} {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("<?php\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, c := range []struct {
		exclude []string
		want    string
	}{
		{nil, "app/f.inc.php app/tests/b.php e.inc.php lib/d.php lib/deep/gen/c.php tests/a.php"},
		{[]string{"tests"}, "app/f.inc.php e.inc.php lib/d.php lib/deep/gen/c.php"},
		{[]string{"lib/**/gen"}, "app/f.inc.php app/tests/b.php e.inc.php lib/d.php tests/a.php"},
		{[]string{"*.inc.php"}, "app/tests/b.php lib/d.php lib/deep/gen/c.php tests/a.php"},
		{[]string{"/e.inc.php", "app/"}, "lib/d.php lib/deep/gen/c.php tests/a.php"},
	} {
		rep, err := phpcheck.Run(phpcheck.Config{Checkers: checks.All, Paths: []string{dir}, Root: dir, Exclude: c.exclude})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, f := range rep.Files {
			got = append(got, f.Path)
		}
		if strings.Join(got, " ") != c.want {
			t.Errorf("Exclude %q: checked %q, want %q", c.exclude, strings.Join(got, " "), c.want)
		}
	}
}

// TestUnusedIgnore checks that a directive is judged by the pass that runs
// its rule: a rule of the first pass (undefinedindex), of the second
// (nullderef), and one the second pass skips because it cannot report in
// the file (no "->"), which makes a directive naming it unused.
func TestUnusedIgnore(t *testing.T) {
	rep := runOn(t, map[string][]byte{
		"silent.php": []byte("<?php\ndeclare(strict_types=1);\n// riskvet:ignore nullderef nothing here can be null\necho 1;\n"),
		"mixed.php":  []byte("<?php\ndeclare(strict_types=1);\nfunction f(?stdClass $o) {\n    return $o->a; // riskvet:ignore nullderef,undefinedindex set by the caller\n}\n"),
		"used.php":   []byte("<?php\ndeclare(strict_types=1);\n// riskvet:ignore undefinedindex the router sets it\necho $_GET['id'];\n"),
	})
	var got []string
	for _, f := range rep.Findings {
		got = append(got, fmt.Sprintf("%s:%d:%d: %s: %s", f.File, f.Line, f.Column, f.Rule, f.Message))
	}
	want := []string{
		"mixed.php:4:19: badignore: riskvet:ignore undefinedindex directive matches no finding on this line or the next; remove it",
		"silent.php:3:1: badignore: riskvet:ignore nullderef directive matches no finding on this line or the next; remove it",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestDeepNesting runs every check on files that nest a million levels
// deep, each way the checks recurse (array literals, parentheses, a binary
// chain, nested statements): without a bound on their recursion the
// goroutine stack overflows, a fatal error that no recover catches and
// that would end the whole run. The findings before the deep expression
// are still reported.
func TestDeepNesting(t *testing.T) {
	if testing.Short() {
		t.Skip("parses 10 MB of nested PHP")
	}
	const n = 1 << 20
	prefix := "<?php\ndeclare(strict_types=1);\necho $_GET['before'];\n$a = null;\n$a->before();\n"
	files := map[string][]byte{
		"arr.php": []byte(prefix + "$x = " + strings.Repeat("[", n) + "1" + strings.Repeat("]", n) + ";\n"),
		"par.php": []byte(prefix + "$x = " + strings.Repeat("(", n) + "1" + strings.Repeat(")", n) + ";\n"),
		"bin.php": []byte(prefix + "$x = 1" + strings.Repeat(" + 1", n) + ";\n"),
		"ifs.php": []byte(prefix + strings.Repeat("if ($x) {", n/4) + "echo 1;" + strings.Repeat("}", n/4) + "\n"),
	}
	rep := runOn(t, files)
	for name := range files {
		var got []string
		for _, f := range rep.Findings {
			if f.File == name {
				got = append(got, fmt.Sprintf("%d:%s", f.Line, f.Rule))
			}
		}
		if strings.Join(got, " ") != "3:undefinedindex 5:nullderef" {
			t.Errorf("%s: findings %q, want the undefinedindex and nullderef before the deep part", name, got)
		}
	}
}

// TestSettingsDocumented keeps each check's Rule.Settings, which feed
// docs/checks.md and `riskvet help`, in step with its Flags: every flag is
// documented with its default, and nothing else is.
func TestSettingsDocumented(t *testing.T) {
	for _, c := range checks.All {
		documented := map[string]string{}
		for _, s := range c.Rule.Settings {
			documented[s.Name] = s.Default
		}
		c.Flags.VisitAll(func(f *flag.Flag) {
			def, ok := documented[f.Name]
			switch {
			case !ok:
				t.Errorf("-%s.%s is not in the rule's Settings", c.Name, f.Name)
			case def != f.DefValue:
				t.Errorf("-%s.%s: documented default %q, flag's %q", c.Name, f.Name, def, f.DefValue)
			}
			delete(documented, f.Name)
		})
		for name := range documented {
			t.Errorf("%s documents a setting %s that is no flag", c.Name, name)
		}
	}
}
