package position_test

import (
	"testing"

	"github.com/riskvet/riskvet/internal/position"
)

func TestLines(t *testing.T) {
	tests := []struct {
		src            string
		numLines, code int
		lines          []string
	}{
		{"", 1, 0, []string{""}},
		{"a", 1, 1, []string{"a"}},
		{"a\n", 2, 1, []string{"a", ""}},
		{"a\r\nb\rc\n\nd", 5, 5, []string{"a", "b", "c", "", "d"}},
		{"\r\r\n", 3, 2, []string{"", "", ""}},
	}
	for _, tt := range tests {
		f := position.NewFile([]byte(tt.src))
		if got := f.NumLines(); got != tt.numLines {
			t.Errorf("NumLines(%q) = %d, want %d", tt.src, got, tt.numLines)
		}
		if got := f.CodeLines(); got != tt.code {
			t.Errorf("CodeLines(%q) = %d, want %d", tt.src, got, tt.code)
		}
		for i, want := range tt.lines {
			got, ok := f.Line(i + 1)
			if !ok || string(got) != want {
				t.Errorf("Line(%q, %d) = %q, %v; want %q", tt.src, i+1, got, ok, want)
			}
		}
		if _, ok := f.Line(len(tt.lines) + 1); ok {
			t.Errorf("Line(%q, %d) exists, want not", tt.src, len(tt.lines)+1)
		}
	}
}

func TestPositionOffsetRoundTrip(t *testing.T) {
	src := "<?php\r\n$a = 'é';\r$b\n\n"
	f := position.NewFile([]byte(src))
	for off := 0; off <= len(src); off++ {
		line, col := f.Position(off)
		back, ok := f.Offset(line, col)
		if src[max(off-1, 0)] == '\r' && off < len(src) && src[off] == '\n' {
			// The "\n" of "\r\n" belongs to no column of its own.
			continue
		}
		if !ok || back != off {
			t.Errorf("offset %d -> %d:%d -> %d, %v", off, line, col, back, ok)
		}
	}
	if line, col := f.Position(7); line != 2 || col != 1 {
		t.Errorf("Position(7) = %d:%d, want 2:1", line, col)
	}
	if line, col := f.Position(1 << 20); line != 5 || col != 1 {
		t.Errorf("Position(past end) = %d:%d, want 5:1", line, col)
	}
}

func TestUTF16Column(t *testing.T) {
	// Line 1 has a BOM; line 2 has a two-byte rune, a three-byte rune and an
	// emoji (four bytes, two UTF-16 units); line 3 has an invalid byte.
	src := "\xEF\xBB\xBFab\n" + "é€😀x\n" + "\xFFy"
	f := position.NewFile([]byte(src))
	tests := []struct {
		line, byteCol, want int
		ok                  bool
	}{
		{1, 1, 0, true}, // before the BOM
		{1, 4, 0, true}, // 'a', after the BOM
		{1, 5, 1, true}, // 'b'
		{1, 6, 2, true}, // end of line
		{1, 7, 0, false},
		{2, 1, 0, true},
		{2, 3, 1, true},  // '€'
		{2, 6, 2, true},  // emoji
		{2, 10, 4, true}, // 'x'
		{2, 11, 5, true}, // end of line
		{3, 2, 1, true},  // 'y' after an invalid byte
		{4, 1, 0, false}, // no such line
		{2, 0, 0, false},
	}
	for _, tt := range tests {
		got, ok := f.UTF16Column(tt.line, tt.byteCol)
		if got != tt.want || ok != tt.ok {
			t.Errorf("UTF16Column(%d, %d) = %d, %v; want %d, %v", tt.line, tt.byteCol, got, ok, tt.want, tt.ok)
		}
	}
	if n, ok := f.LineUTF16Len(2); n != 5 || !ok {
		t.Errorf("LineUTF16Len(2) = %d, %v; want 5, true", n, ok)
	}
	if n, ok := f.LineUTF16Len(1); n != 2 || !ok {
		t.Errorf("LineUTF16Len(1) = %d, %v; want 2, true", n, ok)
	}
}

func FuzzUTF16Column(f *testing.F) {
	f.Add([]byte("a\r\nb€😀\rc"), 2, 3)
	f.Add([]byte("\xEF\xBB\xBF\xFF"), 1, 2)
	f.Fuzz(func(t *testing.T, src []byte, line, col int) {
		pf := position.NewFile(src)
		got, ok := pf.UTF16Column(line, col)
		if !ok {
			return
		}
		n, lok := pf.LineUTF16Len(line)
		if !lok || got < 0 || got > n {
			t.Fatalf("UTF16Column(%d, %d) = %d outside line of %d units", line, col, got, n)
		}
		off, ook := pf.Offset(line, col)
		if !ook {
			t.Fatalf("Offset(%d, %d) not ok while UTF16Column is", line, col)
		}
		if l2, c2 := pf.Position(off); l2 != line || c2 != col {
			t.Fatalf("Position(Offset(%d, %d)) = %d:%d", line, col, l2, c2)
		}
	})
}
