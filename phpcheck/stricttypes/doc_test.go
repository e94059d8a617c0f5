package stricttypes_test

import (
	"strings"
	"testing"

	"github.com/riskvet/riskvet/phpcheck/stricttypes"
)

func TestDoc(t *testing.T) {
	if !strings.HasPrefix(stricttypes.Checker.Doc, "file does not declare strict_types=1\n") {
		t.Errorf("Doc does not start with the summary from doc.go: %q", stricttypes.Checker.Doc)
	}
}
