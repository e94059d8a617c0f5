// Package nested runs the tests of the repository's nested modules, so that
// the one test command, go test ./..., covers them too. A nested module is
// not part of ./... of the root module: it has its own go.mod, and here the
// golangci-lint plugin keeps golangci-lint out of riskvet's dependencies.
package nested

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// TestGolangciPlugin runs the golangci-lint plugin module's tests, which build
// golangci-lint v2.15.0 with the plugin linked in (minutes on a cold cache).
func TestGolangciPlugin(t *testing.T) {
	if testing.Short() {
		t.Skip("builds golangci-lint: skipped with -short")
	}
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command on PATH")
	}
	dir := filepath.Join("..", "..", "golangci")
	cmd := exec.Command(goBin, "test", "-count=1", "-timeout=50m", "./...")
	cmd.Dir = dir
	cmd.Env = os.Environ()
	out, err := cmd.CombinedOutput()
	t.Logf("go test ./... in golangci/:\n%s", out)
	if err != nil {
		t.Fatalf("golangci/ tests failed: %v", err)
	}
}
