package stricttypes_test

import (
	"testing"

	"github.com/riskvet/riskvet/internal/position"
	"github.com/riskvet/riskvet/phpcheck/check"
	"github.com/riskvet/riskvet/phpcheck/index"
	"github.com/riskvet/riskvet/phpcheck/internal/phpfile"
	"github.com/riskvet/riskvet/phpcheck/internal/phptest"
	"github.com/riskvet/riskvet/phpcheck/stricttypes"
)

func Test(t *testing.T) {
	phptest.Run(t, "testdata", stricttypes.Checker)
}

// fix returns src as -fix rewrites it.
func fix(t *testing.T, src string) string {
	t.Helper()
	root, serr := phpfile.Parse([]byte(src))
	if serr != nil {
		t.Fatalf("parse %q: %s", src, serr.Message)
	}
	f := &phpfile.File{Path: "x.php", Src: []byte(src), Root: root, Lines: position.NewFile([]byte(src)), Fix: true}
	_, edits, err := phpfile.Check(f, &index.Index{}, []*check.Checker{stricttypes.Checker}, phpfile.Known)
	if err != nil {
		t.Fatal(err)
	}
	out, err := phpfile.ApplyEdits([]byte(src), edits)
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}

// TestFix checks that -fix keeps each file's line endings and is
// idempotent.
func TestFix(t *testing.T) {
	for _, tc := range []struct{ name, src, want string }{
		{"lf", "<?php\necho 1;\n", "<?php\ndeclare(strict_types=1);\necho 1;\n"},
		{"crlf", "<?php\r\necho 1;\r\n", "<?php\r\ndeclare(strict_types=1);\r\necho 1;\r\n"},
		// No lone-CR case: php-parser v0.8.2 rejects a CR outside a
		// CRLF pair (or crashes on it at the end of a file), so such a
		// file is a parseerror and never reaches the check.
		{"same line", "<?php echo 1;\n", "<?php declare(strict_types=1); echo 1;\n"},
		// php-parser rejects a file that is only "<?php", so that
		// case never reaches the check.
		{"tag and newline", "<?php\n", "<?php\ndeclare(strict_types=1);\n"},
		{"zero", "<?php\r\ndeclare(strict_types=0);\r\n", "<?php\r\ndeclare(strict_types=1);\r\n"},
		{"already", "<?php\ndeclare(strict_types=1);\n", "<?php\ndeclare(strict_types=1);\n"},
		{"template", "<p><?php echo 1; ?></p>\n", "<p><?php echo 1; ?></p>\n"},
		{"empty", "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := fix(t, tc.src)
			if got != tc.want {
				t.Fatalf("fix(%q) = %q, want %q", tc.src, got, tc.want)
			}
			if again := fix(t, got); again != got {
				t.Errorf("fix is not idempotent: %q then %q", got, again)
			}
		})
	}
}
