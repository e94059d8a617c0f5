package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/riskvet/riskvet/internal/reportcheck/checktest"
)

// TestSonarConverts runs riskvet sonar on every recorded input at once, in
// each format, and checks the exit code and the report with the shared
// validators.
func TestSonarConverts(t *testing.T) {
	samples := checktest.Samples(t)
	project := filepath.Join(samples, "project")
	inputs, _ := filepath.Glob(filepath.Join(samples, "inputs", "*"))
	for _, format := range []string{"sonar", "sonar-legacy", "sarif"} {
		t.Run(format, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "report.json")
			// govet.stderr.txt is empty: go1.26 prints vet's JSON on stdout.
			args := append([]string{"-allow-empty", "-format", format, "-base-dir", project, "-path-prefix", "/src/project=" + project, "-o", out}, inputs...)
			var stdout, stderr bytes.Buffer
			if code := runSonar(args, strings.NewReader(""), &stdout, &stderr); code != 0 {
				t.Fatalf("exit %d, want 0\n%s", code, &stderr)
			}
			if stdout.Len() != 0 || stderr.Len() != 0 {
				t.Errorf("-o: want nothing on stdout or stderr, got %q / %q", &stdout, &stderr)
			}
			data, err := os.ReadFile(out)
			if err != nil {
				t.Fatal(err)
			}
			// 3 go vet + 9 staticcheck + 7 golangci-lint findings.
			if n := bytes.Count(data, []byte(`"ruleId"`)); n != 19 {
				t.Errorf("%d issues, want 19", n)
			}
			checktest.Check(t, format, out, project, false)
		})
	}
}

// TestSonarStdin reads "-" and writes to stdout; a finding whose file is
// missing is kept, reported on stderr, and, since SonarQube would skip it,
// makes the exit code 2.
func TestSonarStdin(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "a.go"), []byte("package a\n\nvar x = 1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	stdin := strings.NewReader(`{"code":"U1000","severity":"error","location":{"file":"a.go","line":3,"column":5},"end":{"file":"","line":0,"column":0},"message":"var x is unused"}
{"code":"U1000","severity":"error","location":{"file":"gone.go","line":3,"column":5},"end":{"file":"","line":0,"column":0},"message":"var y is unused"}
`)
	var stdout, stderr bytes.Buffer
	if code := runSonar([]string{"-base-dir", dir, "-"}, stdin, &stdout, &stderr); code != 2 {
		t.Fatalf("exit %d, want 2\n%s", code, &stderr)
	}
	for _, want := range []string{`"startColumn": 4`, `"filePath": "gone.go"`, `"engineId": "riskvet-staticcheck"`} {
		if !strings.Contains(stdout.String(), want) {
			t.Errorf("no %s in:\n%s", want, &stdout)
		}
	}
	if want := "riskvet sonar: gone.go:3:5: U1000: cannot read gone.go; kept at file level\n" +
		"riskvet sonar: SonarQube would skip the issues on 1 file it cannot find under -base-dir " + dir + ": gone.go\n" +
		"riskvet sonar: exit 2 (-allow-missing exits 0)\n"; stderr.String() != want {
		t.Errorf("stderr %q, want %q", &stderr, want)
	}
}

// TestSonarExitCodes checks each way riskvet sonar fails with exit code 2,
// and what it says.
func TestSonarExitCodes(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.json")
	if err := os.WriteFile(bad, []byte("{\n  \"p\": {\n    \"printf\": [}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	good := filepath.Join(dir, "clean.json")
	if err := os.WriteFile(good, []byte(`{"schema":"riskvet/findings/v1","files":[],"findings":[],"errors":[]}`), 0o644); err != nil {
		t.Fatal(err)
	}
	empty := filepath.Join(dir, "empty.json")
	if err := os.WriteFile(empty, []byte(" \n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name   string
		args   []string
		code   int
		stderr string
	}{
		{"no input", []string{}, 2, "riskvet sonar: no input"},
		{"unknown format", []string{"-format", "xml", good}, 2, `unknown format "xml"`},
		{"unknown flag", []string{"-nope", good}, 2, "flag provided but not defined: -nope"},
		{"bad prefix", []string{"-path-prefix", "nothing", good}, 2, "want FROM=TO"},
		{"missing input", []string{filepath.Join(dir, "absent.json")}, 2, "absent.json: no such file"},
		{"malformed input", []string{bad}, 2, "bad.json:3:16: malformed JSON: invalid character '}'"},
		{"base dir missing", []string{"-base-dir", filepath.Join(dir, "nodir"), good}, 2, "is not a directory"},
		{"unwritable output", []string{"-o", filepath.Join(dir, "nodir", "out.json"), good}, 2, "out.json"},
		{"a clean report", []string{"-base-dir", dir, good}, 0, ""},
		{"empty input", []string{"-base-dir", dir, good, empty}, 3, "riskvet sonar: nothing to check: " + empty + " is empty (staticcheck -f json prints nothing on clean code: -allow-empty accepts it)"},
		{"empty input allowed", []string{"-allow-empty", "-base-dir", dir, empty}, 0, ""},
		{"text", []string{"-format", "text", good}, 0, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := runSonar(tc.args, strings.NewReader(""), &stdout, &stderr)
			if code != tc.code {
				t.Errorf("exit %d, want %d\n%s", code, tc.code, &stderr)
			}
			if tc.stderr == "" && stderr.Len() > 0 || !strings.Contains(stderr.String(), tc.stderr) {
				t.Errorf("stderr %q, want it to contain %q", &stderr, tc.stderr)
			}
		})
	}
}

// TestSonarHelp prints the usage on stdout and exits 0.
func TestSonarHelp(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if code := runSonar([]string{"-h"}, strings.NewReader(""), &stdout, &stderr); code != 0 {
		t.Errorf("exit %d, want 0", code)
	}
	for _, want := range []string{"usage: riskvet sonar", "-base-dir", "Exit codes: 0"} {
		if !strings.Contains(stdout.String(), want) {
			t.Errorf("usage lacks %q:\n%s", want, &stdout)
		}
	}
}
