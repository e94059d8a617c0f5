package reportcheck

import (
	"bytes"
	"unicode/utf16"
	"unicode/utf8"
)

// lines is a source file split the way an importer reads it. It is counted
// here, apart from internal/position, so that a mistake there shows.
type lines struct {
	src []byte
}

// split returns the file's lines without their terminators, the BOM
// removed; seps are the sequences that end a line, longest first.
func (l *lines) split(seps ...string) [][]byte {
	src := bytes.TrimPrefix(l.src, []byte("\xef\xbb\xbf"))
	var out [][]byte
	start := 0
	for i := 0; i < len(src); {
		n := 0
		for _, s := range seps {
			if bytes.HasPrefix(src[i:], []byte(s)) {
				n = len(s)
				break
			}
		}
		if n == 0 {
			i++
			continue
		}
		out = append(out, src[start:i])
		i += n
		start = i
	}
	return append(out, src[start:])
}

// utf16Len counts the UTF-16 code units of b decoded as UTF-8, an invalid
// byte counting as one U+FFFD.
func utf16Len(b []byte) int {
	n := 0
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		b = b[size:]
		n += utf16.RuneLen(r)
	}
	return n
}

// runeLen counts code points, an invalid byte counting as one.
func runeLen(b []byte) int { return utf8.RuneCount(b) }
