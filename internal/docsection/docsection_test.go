package docsection_test

import (
	"strings"
	"testing"

	"github.com/riskvet/riskvet/internal/docsection"
)

const src = `// Package demo does things.
//
// # Analyzer demo
//
// demo: report demonstrations
//
// The demo analyzer reports every demonstration.
//
//	demo() // reported
//
// # Other section
//
// Not part of the analyzer's doc.
package demo
`

func TestExtract(t *testing.T) {
	got, err := docsection.Extract(src, "Analyzer", "demo")
	if err != nil {
		t.Fatal(err)
	}
	want := "report demonstrations\n\nThe demo analyzer reports every demonstration.\n\n\tdemo() // reported"
	if got != want {
		t.Errorf("Extract = %q, want %q", got, want)
	}
}

func TestExtractErrors(t *testing.T) {
	for _, tc := range []struct {
		name, src, analyzer, err string
	}{
		{"no doc", "package demo\n", "demo", "no package doc comment"},
		{"no section", "// Package demo.\npackage demo\n", "demo", `no "# Analyzer demo" section`},
		{"other analyzer", src, "other", `no "# Analyzer other" section`},
		{"no summary", "// Package demo.\n//\n// # Analyzer demo\n//\n// Text.\npackage demo\n", "demo", "does not start with"},
		{"syntax", "// Package demo.\npackage\n", "demo", "expected"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := docsection.Extract(tc.src, "Analyzer", tc.analyzer)
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("Extract error = %v, want it to contain %q", err, tc.err)
			}
		})
	}
}

func TestMustExtractPanics(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("MustExtract did not panic on a missing section")
		}
	}()
	docsection.MustExtract(src, "Analyzer", "missing")
}
