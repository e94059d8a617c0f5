package position_test

import (
	"path/filepath"
	"testing"

	"github.com/riskvet/riskvet/internal/position"
)

// TestCache checks that the cache answers for a file only with the lines
// it was given (and line 1), that those lines measure as in the whole
// file, BOM, CRLF and UTF-16 units included, that lines past the end count
// as held, and that a relative path and its absolute form meet.
func TestCache(t *testing.T) {
	src := "\xEF\xBB\xBFa€b\r\nskipped 𝄞\r\n\tx = \"é\";\rlast"
	full := position.NewFile([]byte(src))
	dir := t.TempDir()
	abs := filepath.Join(dir, "a.php")
	c := position.NewCache()
	c.Add(abs, full, []int{3, 0, -1, 99})

	if _, ok := c.Get(abs, 2); ok {
		t.Errorf("Get(line 2) answered, but line 2 was not added")
	}
	if _, ok := c.Get(filepath.Join(dir, "b.php")); ok {
		t.Errorf("Get(b.php) answered, but b.php was not added")
	}
	got, ok := c.Get(abs, 1, 3, 0, 99)
	if !ok {
		t.Fatalf("Get(lines 1, 3, 0, 99) did not answer")
	}
	if got.NumLines() != full.NumLines() {
		t.Errorf("NumLines = %d, want %d", got.NumLines(), full.NumLines())
	}
	for _, line := range []int{1, 3} {
		gt, _ := got.Line(line)
		ft, _ := full.Line(line)
		if string(gt) != string(ft) {
			t.Errorf("Line(%d) = %q, want %q", line, gt, ft)
		}
		gl, _ := got.LineUTF16Len(line)
		fl, _ := full.LineUTF16Len(line)
		if gl != fl {
			t.Errorf("LineUTF16Len(%d) = %d, want %d", line, gl, fl)
		}
		for col := 1; col <= len(ft)+1; col++ {
			gc, gok := got.UTF16Column(line, col)
			fc, fok := full.UTF16Column(line, col)
			if gc != fc || gok != fok {
				t.Errorf("UTF16Column(%d, %d) = %d, %v; want %d, %v", line, col, gc, gok, fc, fok)
			}
		}
	}

	// A relative path is taken from the working directory.
	t.Chdir(dir)
	if _, ok := c.Get("a.php", 3); !ok {
		t.Errorf("Get(a.php) from %s did not find %s", dir, abs)
	}

	// A later Add replaces the earlier one (a fix rewrote the file).
	c.Add(abs, position.NewFile([]byte("x\ny\n")), []int{2})
	if got, ok := c.Get(abs, 2); !ok || got.NumLines() != 3 {
		t.Errorf("after a second Add, Get(line 2) = %v, %v; want the 3-line file", got, ok)
	}
	if _, ok := c.Get(abs, 3); ok {
		t.Errorf("Get(line 3) answered, but only line 2 was added")
	}
	if _, ok := c.Get(abs, 4); !ok {
		t.Errorf("Get(line 4) of a 3-line file did not answer")
	}

	var none *position.Cache
	none.Add(abs, full, nil)
	if _, ok := none.Get(abs); ok {
		t.Errorf("a nil cache answered")
	}
}
