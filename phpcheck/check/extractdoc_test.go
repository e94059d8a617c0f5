package check_test

import (
	"testing"

	"github.com/riskvet/riskvet/phpcheck/check"
)

func TestExtractDoc(t *testing.T) {
	const src = "// Package x does x.\n//\n// # Check x\n//\n// x: one-line summary\n//\n// More text.\n//\n// # Other\n//\n// Not part of it.\npackage x\n"
	got, err := check.ExtractDoc(src, "x")
	if err != nil || got != "one-line summary\n\nMore text." {
		t.Errorf("ExtractDoc = %q, %v", got, err)
	}
	for name, bad := range map[string]string{
		"no doc":     "package x\n",
		"no section": "// Package x.\npackage x\n",
		"no summary": "// Package x.\n//\n// # Check x\n//\n// Text.\npackage x\n",
	} {
		if _, err := check.ExtractDoc(bad, "x"); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}
