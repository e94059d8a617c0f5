// Package position converts between the position units of the tools riskvet
// reads and the formats it writes. It is the only place in riskvet that does.
//
// The units, with their sources:
//
//   - go/token (go vet, staticcheck, riskvet's own Go analyzers): 1-based
//     lines; 1-based columns counted in bytes (go/token.Position).
//   - php-parser (github.com/VKCOM/php-parser/pkg/position): 1-based lines and
//     0-based byte offsets into the file; no columns.
//   - SonarQube generic issue import: 1-based lines; 0-based columns counted
//     in UTF-16 code units, the file decoded with its BOM removed and lines
//     ended by "\r\n", "\r" or "\n" (sonar-plugin-api FileMetadata and
//     LineOffsetCounter; see shared/sonar/FORMAT.md §1.6).
//   - SARIF 2.1.0: 1-based lines and columns (§3.30.2), counted in the unit
//     that run.columnKind names; riskvet writes "utf16CodeUnits" (§3.14.27).
//
// Invalid UTF-8 bytes count as one UTF-16 unit each, as a decoder that
// replaces each bad byte with U+FFFD does.
package position

import (
	"bytes"
	"unicode/utf16"
	"unicode/utf8"
)

var bom = []byte{0xEF, 0xBB, 0xBF}

// File indexes the lines of a source file's content.
type File struct {
	src []byte
	// starts holds the byte offset at which each line begins.
	starts []int
}

// NewFile indexes src. A file with k line terminators has k+1 lines, as
// SonarQube counts them; "\r\n", a lone "\r" and "\n" each end a line.
func NewFile(src []byte) *File {
	starts := []int{0}
	for i := 0; i < len(src); i++ {
		switch src[i] {
		case '\n':
			starts = append(starts, i+1)
		case '\r':
			if i+1 < len(src) && src[i+1] == '\n' {
				i++
			}
			starts = append(starts, i+1)
		}
	}
	return &File{src: src, starts: starts}
}

// NumLines returns the number of lines, counting an empty last line after a
// final terminator, as SonarQube does.
func (f *File) NumLines() int { return len(f.starts) }

// CodeLines returns the number of lines as a person counts them: a final
// terminator does not start a new line, and an empty file has none.
func (f *File) CodeLines() int {
	n := len(f.starts)
	if f.starts[n-1] == len(f.src) {
		n--
	}
	return n
}

// Line returns the content of the 1-based line n without its terminator, and
// whether the line exists.
func (f *File) Line(n int) ([]byte, bool) {
	if n < 1 || n > len(f.starts) {
		return nil, false
	}
	start := f.starts[n-1]
	end := len(f.src)
	if n < len(f.starts) {
		end = f.starts[n]
	}
	line := f.src[start:end]
	line = bytes.TrimSuffix(line, []byte("\n"))
	line = bytes.TrimSuffix(line, []byte("\r"))
	return line, true
}

// Position returns the 1-based line and 1-based byte column of a 0-based
// byte offset, as php-parser offsets are turned into go/token-style
// positions. An offset past the end is clamped to the end of the file.
func (f *File) Position(offset int) (line, col int) {
	if offset < 0 {
		offset = 0
	}
	if offset > len(f.src) {
		offset = len(f.src)
	}
	// The last line whose start is <= offset.
	lo, hi := 0, len(f.starts)
	for hi-lo > 1 {
		mid := (lo + hi) / 2
		if f.starts[mid] <= offset {
			lo = mid
		} else {
			hi = mid
		}
	}
	return lo + 1, offset - f.starts[lo] + 1
}

// Offset returns the 0-based byte offset of a 1-based line and byte column,
// and whether the position lies within the file (a column one past the end
// of the line is within it).
func (f *File) Offset(line, col int) (int, bool) {
	text, ok := f.Line(line)
	if !ok || col < 1 || col > len(text)+1 {
		return 0, false
	}
	return f.starts[line-1] + col - 1, true
}

// UTF16Column converts a 1-based byte column on the 1-based line into a
// 0-based count of UTF-16 code units, the unit of SonarQube's startColumn and
// endColumn. A BOM at the start of the file is not counted. It reports false
// when the line does not exist or the column lies outside it; a column one
// past the last byte is inside (it ends a range at the end of the line).
func (f *File) UTF16Column(line, byteCol int) (int, bool) {
	text, ok := f.Line(line)
	if !ok || byteCol < 1 || byteCol > len(text)+1 {
		return 0, false
	}
	start := 0
	if line == 1 && bytes.HasPrefix(text, bom) {
		if byteCol-1 < len(bom) {
			return 0, true
		}
		start = len(bom)
	}
	// Count whole characters only: a column inside a multi-byte character
	// counts the units before that character, so the result never exceeds
	// LineUTF16Len (cutting "€" after its second byte would otherwise count
	// two invalid bytes, two units, on a line of one).
	n := 0
	for i := start; i < byteCol-1; {
		_, size := utf8.DecodeRune(text[i:])
		if i+size > byteCol-1 {
			break
		}
		n += UTF16Len(text[i : i+size])
		i += size
	}
	return n, true
}

// LineUTF16Len returns the length of the 1-based line in UTF-16 code units,
// without its terminator and without a leading BOM.
func (f *File) LineUTF16Len(line int) (int, bool) {
	text, ok := f.Line(line)
	if !ok {
		return 0, false
	}
	if line == 1 {
		text = bytes.TrimPrefix(text, bom)
	}
	return UTF16Len(text), true
}

// UTF16Len returns the number of UTF-16 code units that b decodes to. Each
// invalid byte counts as one unit (U+FFFD).
func UTF16Len(b []byte) int {
	n := 0
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		if r == utf8.RuneError && size <= 1 {
			n++
			b = b[1:]
			continue
		}
		n += utf16.RuneLen(r)
		b = b[size:]
	}
	return n
}
