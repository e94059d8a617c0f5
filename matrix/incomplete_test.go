package matrix_test

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"github.com/riskvet/riskvet/matrix"
)

// The incomplete input (testdata/incomplete/findings.json, the printers'
// input of the same name) is a report of an analysis that could not check
// everything: one finding, and three errors.

// TestIncompleteMatrix writes the matrix of the incomplete input in every
// format: each says the analysis is incomplete and lists the errors, and
// matches its golden file (testdata/matrix/incomplete.*).
func TestIncompleteMatrix(t *testing.T) {
	m := matrix.New(readMatrixInput(t, "../incomplete/findings.json"))
	for _, f := range matrixFormats {
		t.Run(f.golden, func(t *testing.T) {
			var buf bytes.Buffer
			if err := f.write(&buf, m); err != nil {
				t.Fatal(err)
			}
			out := buf.String()
			wants := []string{"ncomplete analysis: 3 errors", "go/store.go:12:12: cannot use 1", "web/gone.php: open", "go: cannot find main module"}
			if f.golden == "matrix.json" {
				wants = []string{`"file": "go/store.go",` + "\n      \"line\": 12,\n      \"column\": 12,", `"file": "web/gone.php"`, `"message": "go: cannot find main module"`}
			}
			for _, want := range wants {
				if !strings.Contains(out, want) {
					t.Errorf("no %q in:\n%s", want, out)
				}
			}
			checkGolden(t, filepath.Join("testdata", "matrix", "incomplete"+filepath.Ext(f.golden)), buf.Bytes())
		})
	}
}
