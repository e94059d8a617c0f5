package rules_test

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/riskvet/riskvet/internal/rules"
)

var update = flag.Bool("update", false, "rewrite docs/checks.md")

// TestChecksDoc keeps docs/checks.md in step with the registry.
func TestChecksDoc(t *testing.T) {
	var buf bytes.Buffer
	if err := rules.WriteMarkdown(&buf); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join("..", "..", "docs", "checks.md")
	if *update {
		if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./internal/rules -update)", err)
	}
	if !bytes.Equal(buf.Bytes(), want) {
		t.Errorf("docs/checks.md is stale: run go test ./internal/rules -update")
	}
}
