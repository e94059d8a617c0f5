package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/riskvet/riskvet/internal/finding"
)

// matrixInput is the shared input of the matrix writers' golden tests; the
// command must reproduce their golden files exactly.
var matrixInput = filepath.Join("..", "..", "matrix", "testdata", "matrix", "input.json")

func runCLI(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(args, strings.NewReader(""), &out, &errb)
	return code, out.String(), errb.String()
}

func TestMatrixFormatsMatchGolden(t *testing.T) {
	for format, golden := range map[string]string{"text": "matrix.txt", "markdown": "matrix.md", "json": "matrix.json", "html": "matrix.html"} {
		t.Run(format, func(t *testing.T) {
			want, err := os.ReadFile(filepath.Join("..", "..", "matrix", "testdata", "matrix", golden))
			if err != nil {
				t.Fatal(err)
			}
			code, out, errs := runCLI(t, "matrix", "-f", format, matrixInput)
			if code != exitClean {
				t.Fatalf("exit %d, want 0; stderr:\n%s", code, errs)
			}
			if out != string(want) {
				t.Errorf("riskvet matrix -f %s differs from matrix/testdata/matrix/%s:\n%s", format, golden, out)
			}
		})
	}
}

// TestMatrixDefaultAndOutputFile: text is the default format, and -o
// writes the same bytes to a file and nothing to stdout.
func TestMatrixDefaultAndOutputFile(t *testing.T) {
	_, text, _ := runCLI(t, "matrix", matrixInput)
	if !strings.HasPrefix(text, "risk matrix (commit ") {
		t.Errorf("default format is not text:\n%s", text)
	}
	out := filepath.Join(t.TempDir(), "m.html")
	code, stdout, errs := runCLI(t, "matrix", "-f", "html", "-o", out, matrixInput)
	if code != exitClean || stdout != "" {
		t.Fatalf("exit %d, stdout %q, stderr %q; want 0 and nothing on stdout", code, stdout, errs)
	}
	_, page, _ := runCLI(t, "matrix", "-f", "html", matrixInput)
	if got, err := os.ReadFile(out); err != nil || string(got) != page {
		t.Errorf("-o file differs from stdout (err %v)", err)
	}
}

// TestMatrixShards: the matrix of shards is the matrix of the whole run,
// and a shard given twice is not counted twice.
func TestMatrixShards(t *testing.T) {
	data, err := os.ReadFile(matrixInput)
	if err != nil {
		t.Fatal(err)
	}
	var whole finding.Report
	if err := json.Unmarshal(data, &whole); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	var shards []string
	for _, lang := range []string{finding.Go, finding.PHP} {
		shard := whole
		shard.Files, shard.Findings = nil, nil
		for _, f := range whole.Files {
			if f.Language == lang {
				shard.Files = append(shard.Files, f)
			}
		}
		for _, f := range whole.Findings {
			if f.Language == lang {
				shard.Findings = append(shard.Findings, f)
			}
		}
		shard.Normalize()
		b, err := json.Marshal(shard)
		if err != nil {
			t.Fatal(err)
		}
		name := filepath.Join(dir, lang+".json")
		if err := os.WriteFile(name, b, 0o644); err != nil {
			t.Fatal(err)
		}
		shards = append(shards, name)
	}
	_, want, _ := runCLI(t, "matrix", "-f", "json", matrixInput)
	for _, args := range [][]string{
		{shards[0], shards[1]},
		{shards[1], shards[0], shards[1]}, // the PHP shard twice
	} {
		code, got, errs := runCLI(t, append([]string{"matrix", "-f", "json"}, args...)...)
		if code != exitClean || got != want {
			t.Errorf("matrix of %d shards (exit %d, stderr %q) differs from the whole:\n%s", len(args), code, errs, got)
		}
	}
}

func TestMatrixErrors(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.json")
	if err := os.WriteFile(bad, []byte(`{"schema": "riskvet/findings/v1", "findings": [`), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name   string
		args   []string
		stderr string
	}{
		{"no input", []string{"matrix"}, "no input"},
		{"unknown format", []string{"matrix", "-f", "pdf", matrixInput}, `unknown format "pdf"`},
		{"unknown flag", []string{"matrix", "-x", matrixInput}, "flag provided but not defined"},
		{"missing file", []string{"matrix", filepath.Join(dir, "nope.json")}, "nope.json"},
		{"malformed", []string{"matrix", bad}, "bad.json"},
		{"unwritable output", []string{"matrix", "-o", filepath.Join(dir, "no", "such", "dir", "m.txt"), matrixInput}, "m.txt"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, _, errs := runCLI(t, tc.args...)
			if code != exitError {
				t.Errorf("exit %d, want 2", code)
			}
			if !strings.Contains(errs, tc.stderr) {
				t.Errorf("stderr %q does not mention %q", errs, tc.stderr)
			}
		})
	}
	code, out, _ := runCLI(t, "matrix", "-h")
	if code != exitClean || !strings.HasPrefix(out, "usage: riskvet matrix") {
		t.Errorf("-h: exit %d, stdout %q; want 0 and the usage", code, out)
	}
}
