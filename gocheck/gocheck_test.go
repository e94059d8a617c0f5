package gocheck

import (
	"testing"
)

func TestRelPath(t *testing.T) {
	for _, tc := range []struct{ dir, path, want string }{
		{"/m", "/m/a/b.go", "a/b.go"},
		{"/m", "/usr/lib/go/src/fmt/print.go", "/usr/lib/go/src/fmt/print.go"},
		{"/m", "/mod/x.go", "/mod/x.go"},
	} {
		if got := relPath(tc.dir, tc.path); got != tc.want {
			t.Errorf("relPath(%q, %q) = %q, want %q", tc.dir, tc.path, got, tc.want)
		}
	}
}
