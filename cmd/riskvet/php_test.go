package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/riskvet/riskvet/internal/finding"
	"github.com/riskvet/riskvet/internal/reportcheck/checktest"
)

// writePHPTree creates files (path -> content) under dir.
func writePHPTree(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for p, content := range files {
		full := filepath.Join(dir, p)
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// php runs `riskvet php args...` in dir and returns its exit code, stdout
// and stderr.
func php(t *testing.T, dir string, args ...string) (int, string, string) {
	t.Helper()
	t.Chdir(dir)
	var stdout, stderr bytes.Buffer
	code := run(append([]string{"php"}, args...), strings.NewReader(""), &stdout, &stderr)
	return code, stdout.String(), stderr.String()
}

const strictOK = "<?php\ndeclare(strict_types=1);\necho 1;\n"

func TestPHPExitCodes(t *testing.T) {
	dir := t.TempDir()
	writePHPTree(t, dir, map[string]string{
		"clean/a.php":          strictOK,
		"dirty/b.php":          "<?php\ndeclare(strict_types=1);\necho $_GET['page'];\n",
		"bad-setting.toml":     "[nullderef]\ntests = 1\n",
		"unknown-setting.toml": "[nullderef]\nstrikt = true\n",
	})
	if code, out, errOut := php(t, dir, "clean"); code != 0 || out != "" || errOut != "" {
		t.Errorf("clean tree: exit %d, stdout %q, stderr %q; want 0 and no output", code, out, errOut)
	}
	code, out, _ := php(t, dir, "dirty")
	if code != 1 {
		t.Errorf("findings: exit %d, want 1", code)
	}
	want := "dirty/b.php:3:6: undefinedindex: $_GET['page'] is read without a check that the key exists\n"
	if out != want {
		t.Errorf("text output:\n%s\nwant:\n%s", out, want)
	}
	for _, args := range [][]string{
		{},                                           // no paths
		{"-f", "xml", "clean"},                       // unknown format
		{"-checks", "nosuch", "clean"},               // unknown check
		{"-nosuchflag", "clean"},                     // unknown flag
		{"-ext", "php", "clean"},                     // extension without a dot
		{"-exclude", "[", "clean"},                   // bad glob
		{"missing"},                                  // a path that does not exist
		{"-nullderef.strict=maybe", "clean"},         // a check flag's bad value
		{"-nullderef.nosuch", "clean"},               // a check's unknown flag
		{"-nullderef.never_null=A:b", "clean"},       // a list item that is not a name
		{"-config", "bad-setting.toml", "clean"},     // a bad [nullderef] value
		{"-config", "unknown-setting.toml", "clean"}, // an unknown [nullderef] key
	} {
		code, _, errOut := php(t, dir, args...)
		if code != 2 || errOut == "" {
			t.Errorf("riskvet php %q: exit %d, stderr %q; want 2 and a message", args, code, errOut)
		}
	}
	if code, out, _ := php(t, dir, "-h"); code != 0 || !strings.Contains(out, "usage: riskvet php") {
		t.Errorf("-h: exit %d, stdout %q", code, out)
	}
}

func TestPHPFormats(t *testing.T) {
	dir := t.TempDir()
	writePHPTree(t, dir, map[string]string{
		"a.php": "<?php\necho $_GET['x'];\n",
		"b.php": strictOK,
	})
	code, out, _ := php(t, dir, "-f", "json", ".")
	if code != 1 {
		t.Fatalf("exit %d, want 1", code)
	}
	var rep finding.Report
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("json: %v\n%s", err, out)
	}
	if rep.Schema != finding.Schema || len(rep.Files) != 2 || rep.Files[0].Lines != 2 || rep.Files[1].Lines != 3 {
		t.Errorf("json report header/files wrong: %+v", rep)
	}
	if len(rep.Findings) != 2 || rep.Findings[0].Rule != "stricttypes" || rep.Findings[1].Rule != "undefinedindex" {
		t.Errorf("json findings: %+v", rep.Findings)
	}
	if !strings.Contains(out, `"errors": []`) {
		t.Errorf("empty errors list must be [], got:\n%s", out)
	}

	// Deterministic: a second run with one worker writes the same bytes.
	_, again, _ := php(t, dir, "-f", "json", "-workers", "1", ".")
	if again != out {
		t.Errorf("output differs between runs")
	}

	code, out, errOut := php(t, dir, "-f", "sarif", ".")
	if code != 1 || !strings.Contains(out, `"version": "2.1.0"`) || !strings.Contains(out, `"ruleId": "undefinedindex"`) {
		t.Fatalf("sarif: exit %d, stderr %q, output:\n%s", code, errOut, out)
	}
	sarif := filepath.Join(t.TempDir(), "out.sarif")
	if err := os.WriteFile(sarif, []byte(out), 0o644); err != nil {
		t.Fatal(err)
	}
	checktest.Check(t, "sarif", sarif, dir, false)
}

func TestPHPWalk(t *testing.T) {
	dir := t.TempDir()
	outside := t.TempDir()
	bad := "<?php\necho $_GET['x'];\n" // two findings wherever it is checked
	writePHPTree(t, dir, map[string]string{
		"src/app.php":             bad,
		"src/vendor/lib.php":      bad,
		"src/node_modules/m.php":  bad,
		"src/.git/hook.php":       bad,
		"src/dir.php/inner.php":   bad, // a directory named dir.php is walked, not read
		"src/tpl/page.inc":        bad, // not a .php file
		"src/gen/skip.php":        bad,
		"src/cache.generated.php": bad,
	})
	writePHPTree(t, outside, map[string]string{"out.php": bad})
	links := map[string]string{
		"src/dangling.php": filepath.Join(dir, "nowhere.php"),
		"src/escape.php":   filepath.Join(outside, "out.php"),
		"src/alias.php":    filepath.Join(dir, "src", "app.php"), // same file twice
		"src/loop":         filepath.Join(dir, "src"),
	}
	for l, target := range links {
		if err := os.Symlink(target, filepath.Join(dir, l)); err != nil {
			t.Fatal(err)
		}
	}
	code, out, errOut := php(t, dir, "-f", "json", "-exclude", "gen", "-exclude", "*.generated.php", "src")
	// The symlinks left out are counted and named; the alias and the loop
	// lead inside the tree, so nothing of them is lost.
	wantErr := "riskvet php: 2 symlinks not followed: src/dangling.php (dangling symlink), src/escape.php (symlink to " +
		filepath.ToSlash(filepath.Join(outside, "out.php")) + ", outside the checked paths)\n"
	if code != 1 || errOut != wantErr {
		t.Fatalf("exit %d, stderr %q, want %q", code, errOut, wantErr)
	}
	var rep finding.Report
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range rep.Files {
		got = append(got, f.Path)
	}
	want := "src/alias.php src/dir.php/inner.php"
	// alias.php and app.php are one file: whichever sorts first is kept.
	if strings.Join(got, " ") != want {
		t.Errorf("checked files %q, want %q", got, want)
	}

	code, out, _ = php(t, dir, "-ext", ".inc", "src/tpl")
	if code != 1 || !strings.Contains(out, "src/tpl/page.inc:2:6: undefinedindex") {
		t.Errorf("-ext .inc: exit %d, output %q", code, out)
	}
	// An explicit file is checked whatever its extension.
	if code, out, _ = php(t, dir, "src/tpl/page.inc"); code != 1 || out == "" {
		t.Errorf("explicit file: exit %d, output %q", code, out)
	}
}

// TestPHPUnreadable checks that a file that cannot be read is reported on
// stderr with its path, gives exit 2, and does not stop the other files.
// Tests run as root here, so chmod 000 does not make a file unreadable; a
// FIFO given explicitly is a path that exists but cannot be read as a file
// (reading it would block, and the driver refuses non-regular files).
func TestPHPUnreadable(t *testing.T) {
	dir := t.TempDir()
	writePHPTree(t, dir, map[string]string{"ok.php": "<?php\necho $_GET['x'];\n"})
	fifo := filepath.Join(dir, "pipe.php")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	code, out, errOut := php(t, dir, "ok.php", "pipe.php")
	if code != 2 {
		t.Errorf("exit %d, want 2", code)
	}
	if !strings.Contains(errOut, "pipe.php: not a regular file") {
		t.Errorf("stderr %q does not name the unreadable file", errOut)
	}
	if !strings.Contains(out, "ok.php:2:6: undefinedindex") {
		t.Errorf("the readable file was not checked: %q", out)
	}
	// Met while walking, the FIFO is skipped without an error.
	if code, _, errOut := php(t, dir, "."); code != 1 || errOut != "" {
		t.Errorf("walk over a FIFO: exit %d, stderr %q", code, errOut)
	}
}

// TestPHPParseError: a syntax error is one parseerror finding; syntax
// newer than php-parser's grammar (a class named Enum, a PHP 8.3 typed
// constant, a PHP 8.4 hook) and a .php file that is XML are checked.
func TestPHPParseError(t *testing.T) {
	dir := t.TempDir()
	writePHPTree(t, dir, map[string]string{
		"a_broken.php":   "<?php\ndeclare(strict_types=1);\n\nfunction f( {\n",
		"b_enum.php":     "<?php\ndeclare(strict_types=1);\n\nclass Enum {}\n",
		"b_const83.php":  "<?php\ndeclare(strict_types=1);\nclass K { const string X = 'a'; public int $n { get => 1; } }\n",
		"c_readonly.php": "<?php\ndeclare(strict_types=1);\nreadonly class R {}\n",
		"c_xml.php":      "<?xml version=\"1.0\"?>\n<a/>\n",
		"d_checked.php":  "<?php\necho $_GET['x'];\n",
	})
	code, out, errOut := php(t, dir, ".")
	if code != 1 || errOut != "" {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	want := strings.Join([]string{
		"a_broken.php:4:13: parseerror: syntax error: unexpected '{', expecting T_VARIABLE",
		"d_checked.php:1:1: stricttypes: file does not declare strict_types=1",
		"d_checked.php:2:6: undefinedindex: $_GET['x'] is read without a check that the key exists",
	}, "\n") + "\n"
	if out != want {
		t.Errorf("got:\n%s\nwant:\n%s", out, want)
	}
}

func TestPHPFix(t *testing.T) {
	dir := t.TempDir()
	writePHPTree(t, dir, map[string]string{
		"crlf.php": "<?php\r\necho $_GET['x'];\r\n",
		"lf.php":   "<?php\necho 1;\n",
		"zero.php": "<?php\ndeclare(strict_types=0);\n",
	})
	code, out, errOut := php(t, dir, "-fix", ".")
	// The fixed findings are gone; the unfixable one remains, on its
	// line in the fixed file.
	if code != 1 || errOut != "" || out != "crlf.php:3:6: undefinedindex: $_GET['x'] is read without a check that the key exists\n" {
		t.Errorf("-fix: exit %d, stderr %q, stdout %q", code, errOut, out)
	}
	for name, want := range map[string]string{
		"crlf.php": "<?php\r\ndeclare(strict_types=1);\r\necho $_GET['x'];\r\n",
		"lf.php":   "<?php\ndeclare(strict_types=1);\necho 1;\n",
		"zero.php": "<?php\ndeclare(strict_types=1);\n",
	} {
		got, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != want {
			t.Errorf("%s after -fix = %q, want %q", name, got, want)
		}
	}
	// Idempotent: a second -fix changes nothing.
	php(t, dir, "-fix", ".")
	if got, _ := os.ReadFile(filepath.Join(dir, "crlf.php")); string(got) != "<?php\r\ndeclare(strict_types=1);\r\necho $_GET['x'];\r\n" {
		t.Errorf("second -fix changed the file: %q", got)
	}
}

func TestPHPChecksAndIgnore(t *testing.T) {
	dir := t.TempDir()
	writePHPTree(t, dir, map[string]string{
		"a.php": "<?php\n" +
			"// riskvet:ignore undefinedindex the router sets it\n" +
			"echo $_GET['x'];\n" +
			"echo $_GET['y']; // riskvet:ignore undefinedindex\n",
	})
	code, out, _ := php(t, dir, "-checks", "-stricttypes", ".")
	want := "a.php:4:6: undefinedindex: $_GET['y'] is read without a check that the key exists\n" +
		"a.php:4:18: badignore: riskvet:ignore undefinedindex directive gives no reason\n"
	if code != 1 || out != want {
		t.Errorf("exit %d, got:\n%s\nwant:\n%s", code, out, want)
	}
	code, out, _ = php(t, dir, "-checks", "stricttypes", ".")
	if code != 1 || out != "a.php:1:1: stricttypes: file does not declare strict_types=1\n"+
		"a.php:4:18: badignore: riskvet:ignore undefinedindex directive gives no reason\n" {
		t.Errorf("-checks stricttypes: exit %d, got:\n%s", code, out)
	}
}
