package position

import (
	"bytes"
	"path/filepath"
	"slices"
	"sync"
)

// Cache is the line cache of one run, shared by the checkers and the
// placement of their findings (report.Place). A checker that holds a
// file's content while it reports on it adds the lines its findings are
// on; the placement, which needs those lines to count columns in UTF-16,
// takes them from here instead of reading the file again. A file the
// checkers did not add (a result cache answered for it, or the report was
// read back from disk), or a line they did not keep, is read by the
// placement as before. A nil *Cache holds nothing and ignores additions,
// so a driver run without one needs no test.
//
// Only the lines asked for are kept, with the line structure of the whole
// file (its number of lines), so that a run over a large tree keeps a few
// lines of each file with a finding, not its source.
//
// A Cache is safe for use by several goroutines.
type Cache struct {
	mu    sync.Mutex
	files map[string]excerpt
}

// excerpt is a file of which only some lines are known.
type excerpt struct {
	f *File
	// held are the lines whose text f holds, sorted; line 1 always.
	held []int
}

// NewCache returns an empty cache.
func NewCache() *Cache {
	return &Cache{files: map[string]excerpt{}}
}

// Add records, for the file at path whose content f indexes, line 1 (its
// BOM decides the columns of the whole file) and the given 1-based lines;
// lines outside the file are left out. A relative path is taken relative
// to the working directory. A later Add for the same path replaces the
// earlier one: a checker that rewrote the file (a fix) adds the text it
// wrote.
func (c *Cache) Add(path string, f *File, lines []int) {
	if c == nil || f == nil {
		return
	}
	held := []int{1}
	for _, n := range lines {
		if n >= 1 && n <= f.NumLines() {
			held = append(held, n)
		}
	}
	slices.Sort(held)
	held = slices.Compact(held)
	e := excerpt{f: f.keep(held), held: held}
	key := cacheKey(path)
	c.mu.Lock()
	c.files[key] = e
	c.mu.Unlock()
}

// Get returns the file recorded for path when the cache holds each of the
// given lines (line 1 always; a line past the end of the file counts as
// held, since the file has none there). Only those lines, and NumLines,
// may be read from the result: its other lines are empty.
func (c *Cache) Get(path string, lines ...int) (*File, bool) {
	if c == nil {
		return nil, false
	}
	key := cacheKey(path)
	c.mu.Lock()
	e, ok := c.files[key]
	c.mu.Unlock()
	if !ok {
		return nil, false
	}
	for _, n := range lines {
		if n > 1 && n <= e.f.NumLines() {
			if _, found := slices.BinarySearch(e.held, n); !found {
				return nil, false
			}
		}
	}
	return e.f, true
}

// keep returns a file with f's lines, of which only those in held (sorted)
// keep their text, the others being empty: one byte per line not held.
func (f *File) keep(held []int) *File {
	var b bytes.Buffer
	for n := 1; n <= f.NumLines(); n++ {
		if n > 1 {
			b.WriteByte('\n')
		}
		if _, ok := slices.BinarySearch(held, n); ok {
			text, _ := f.Line(n)
			b.Write(text)
		}
	}
	return NewFile(b.Bytes())
}

// cacheKey is path absolute and cleaned, with forward slashes, so that a
// checker's path to open and the placement's path under its base
// directory meet.
func cacheKey(path string) string {
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	return filepath.ToSlash(filepath.Clean(path))
}
