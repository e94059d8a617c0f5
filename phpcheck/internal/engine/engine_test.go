package engine_test

import (
	"strings"
	"testing"

	"github.com/riskvet/riskvet/phpcheck/internal/engine"
)

// TestParseNoHang covers inputs on which php-parser v0.8.2 loops forever
// (inline HTML ending in "<", found by FuzzCheck) or crashes.
func TestParseNoHang(t *testing.T) {
	for _, src := range []string{"<", "a<", "<<", "<html><", "<?php echo 1; ?><", "<?php\recho 1;\r"} {
		root, serr := engine.Parse([]byte(src))
		if root == nil && serr == nil {
			t.Errorf("Parse(%q) returned neither a tree nor an error", src)
		}
	}
}

func TestParseError(t *testing.T) {
	_, serr := engine.Parse([]byte("<?php\n\nfunction f( {\n"))
	if serr == nil || serr.Offset != 19 || !strings.HasPrefix(serr.Message, "syntax error") {
		t.Errorf("got %+v, want a syntax error at offset 19", serr)
	}
	_, serr = engine.Parse([]byte("<?php\n$a = (real) 1;\n"))
	if serr == nil || serr.Message != "the (real) cast has been removed, use (float) instead" {
		t.Errorf("got %+v, want the parser's message lowercased without a period", serr)
	}
}
