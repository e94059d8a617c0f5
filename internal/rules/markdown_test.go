package rules_test

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/riskvet/riskvet/internal/rules"
)

// TestChecksDoc keeps docs/checks.md and README.md's rule table in step
// with the registry.
func TestChecksDoc(t *testing.T) {
	var buf bytes.Buffer
	if err := rules.WriteMarkdown(&buf); err != nil {
		t.Fatal(err)
	}
	root := filepath.Join("..", "..")
	want, err := os.ReadFile(filepath.Join(root, "docs", "checks.md"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(buf.Bytes(), want) {
		t.Errorf("docs/checks.md is stale: run go generate ./internal/rules")
	}
	readme, err := os.ReadFile(filepath.Join(root, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	got, err := rules.ReplaceTable(readme)
	if err != nil {
		t.Fatalf("README.md: %v", err)
	}
	if !bytes.Equal(got, readme) {
		t.Errorf("README.md's rule table is stale: run go generate ./internal/rules")
	}
}
