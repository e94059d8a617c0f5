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

// TestParseValidEdges covers valid PHP that php-parser v0.8.2 rejects or
// crashes on as given (see parserInput): each must parse, and a syntax
// error after lone "\r" line ends must keep its offset.
func TestParseValidEdges(t *testing.T) {
	for _, src := range []string{
		"<?php",
		"<?PHP",
		"<html><?php",
		"<?php\r$a = 1;\r",
		"<?php\r\n$a = 1;\r\n",
		"<?php\r$a = 1;\r\n$b = 2;\r",
		"<?php\r",
		"\r\r<?php\r\r",
	} {
		root, serr := engine.Parse([]byte(src))
		if root == nil || serr != nil {
			t.Errorf("Parse(%q) = %v, %+v; want a tree", src, root, serr)
		}
	}
	src := []byte("<?php\r\rfunction f( {\r")
	orig := string(src)
	_, serr := engine.Parse(src)
	if serr == nil || serr.Offset != 19 {
		t.Errorf("got %+v, want a syntax error at offset 19", serr)
	}
	if string(src) != orig {
		t.Errorf("Parse changed its input to %q", src)
	}
}
