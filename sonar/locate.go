package sonar

import (
	"os"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/riskvet/riskvet/internal/finding"
	"github.com/riskvet/riskvet/internal/position"
	"github.com/riskvet/riskvet/internal/rules"
)

// placed is a finding with its position converted for the writers: a path
// relative to the base directory and UTF-16 columns checked against the file.
type placed struct {
	f    finding.Finding
	rule rules.Rule
	// path is relative to the base directory, with "/".
	path string
	// known reports whether the file was read, so the range was checked.
	known bool
	// line is the 1-based line; 0 puts the finding on the whole file.
	line int
	// col is the 0-based UTF-16 start column; -1 means the whole line.
	// When col >= 0 it is before the end of the line, and endLine/endCol
	// give an end strictly after it (endSet false: the end of the line).
	col               int
	endLine, endCol   int
	endSet            bool
	lineLen, firstLen int // UTF-16 lengths of the start line and of line 1
	text              []byte
}

// locator converts the findings of one report; it caches files.
type locator struct {
	opt   Options
	root  string
	base  string // absolute, with "/"
	files map[string]*position.File
}

// newLocator returns a locator for the paths of r under opt.BaseDir.
func newLocator(r *finding.Report, opt Options) *locator {
	base := opt.BaseDir
	if base == "" {
		base = "."
	}
	if abs, err := filepath.Abs(base); err == nil {
		base = abs
	}
	return &locator{opt: opt, root: r.Root, base: filepath.ToSlash(base), files: map[string]*position.File{}}
}

// place converts every finding of r, sorted by output path and position.
func place(r *finding.Report, opt Options) []placed {
	lc := newLocator(r, opt)
	out := make([]placed, 0, len(r.Findings))
	for _, f := range r.Findings {
		out = append(out, lc.place(f))
	}
	slices.SortFunc(out, func(a, b placed) int {
		x, y := a.f, b.f
		x.File, y.File = a.path, b.path
		return finding.Compare(x, y)
	})
	return out
}

// placeErrors places r's errors as findings are placed, so that their
// paths and columns are in the writers' units; it warns about nothing, since
// an error's position is only a pointer for the reader.
func placeErrors(r *finding.Report, opt Options) []placed {
	opt.Warn = nil
	lc := newLocator(r, opt)
	out := make([]placed, 0, len(r.Errors))
	for _, e := range r.Errors {
		p := placed{f: finding.Finding{File: e.File, Line: e.Line, Column: e.Column, Message: e.Message}, path: ".", col: -1}
		if e.File != "" {
			p = lc.place(p.f)
		}
		out = append(out, p)
	}
	return out
}

// Unknown returns, sorted and once each, the paths of r's findings that
// SonarQube would not find under opt.BaseDir: a file outside it, a file
// that cannot be read there, or no file at all. The scanner skips an issue
// on such a file with one log line and no error, so a report that passes
// every check can still lose these. outside reports whether any path lies
// outside the base directory, the mark of a report recorded on another
// machine, which [Options.Prefixes] map.
func Unknown(r *finding.Report, opt Options) (paths []string, outside bool) {
	lc := newLocator(r, opt)
	seen := map[string]bool{}
	for _, f := range r.Findings {
		rel, abs, inside := "", "", false
		if f.File != "" {
			rel, abs, inside = lc.resolve(f.File)
			if inside && lc.read(abs) != nil {
				continue
			}
		}
		outside = outside || f.File != "" && !inside
		if !seen[rel] {
			seen[rel] = true
			paths = append(paths, rel)
		}
	}
	slices.Sort(paths)
	return paths, outside
}

// resolve returns the path of file relative to the base directory, the path
// to read it from, and whether it lies inside the base directory.
func (lc *locator) resolve(file string) (rel, abs string, inside bool) {
	p := strings.ReplaceAll(file, `\`, "/")
	for _, pre := range lc.opt.Prefixes {
		from := strings.TrimSuffix(strings.ReplaceAll(pre.From, `\`, "/"), "/")
		if p == from || strings.HasPrefix(p, from+"/") {
			p = strings.TrimSuffix(strings.ReplaceAll(pre.To, `\`, "/"), "/") + p[len(from):]
			break
		}
	}
	if !isAbsPath(p) {
		dir := lc.base
		if lc.root != "" {
			dir = strings.ReplaceAll(lc.root, `\`, "/")
		}
		p = path.Join(dir, p)
	}
	if !isAbsPath(p) { // a relative root: relative to the working directory
		if a, err := filepath.Abs(filepath.FromSlash(p)); err == nil {
			p = filepath.ToSlash(a)
		}
	}
	p = path.Clean(p)
	if p == lc.base {
		return ".", p, false
	}
	if strings.HasPrefix(p, strings.TrimSuffix(lc.base, "/")+"/") {
		return strings.TrimPrefix(p[len(lc.base):], "/"), p, true
	}
	return p, p, false
}

func (lc *locator) read(abs string) *position.File {
	if pf, ok := lc.files[abs]; ok {
		return pf
	}
	readFile := lc.opt.ReadFile
	if readFile == nil {
		readFile = os.ReadFile
	}
	var pf *position.File
	if src, err := readFile(filepath.FromSlash(abs)); err == nil {
		pf = position.NewFile(src)
	}
	lc.files[abs] = pf
	return pf
}

func (lc *locator) place(f finding.Finding) placed {
	engine := f.Engine
	if engine == "" {
		engine = "riskvet"
	}
	p := placed{f: f, rule: rules.Foreign(engine, f.Rule, f.Language), col: -1}
	where := f.File
	if f.Line > 0 {
		where += ":" + strconv.Itoa(f.Line)
		if f.Column > 0 {
			where += ":" + strconv.Itoa(f.Column)
		}
	}
	warn := func(format string, args ...any) {
		lc.opt.warnf("%s: %s: "+format, append([]any{where, f.Rule}, args...)...)
	}
	if f.File == "" {
		p.path = "."
		warn("finding has no file; kept at the project base directory")
		return p
	}
	rel, abs, inside := lc.resolve(f.File)
	p.path = rel
	if !inside {
		warn("file is outside the base directory %s; kept at file level", lc.base)
		return p
	}
	pf := lc.read(abs)
	if pf == nil {
		warn("cannot read %s; kept at file level", rel)
		return p
	}
	p.known = true
	p.firstLen, _ = pf.LineUTF16Len(1)
	if f.Line <= 0 {
		return p // the finding is about the whole file
	}
	if f.Line > pf.NumLines() {
		warn("line %d is past the end of %s (%d lines); kept at file level", f.Line, rel, pf.NumLines())
		return p
	}
	p.line = f.Line
	p.lineLen, _ = pf.LineUTF16Len(f.Line)
	p.text, _ = pf.Line(f.Line)
	if f.Column <= 0 || p.lineLen == 0 {
		return p // whole line; SonarQube rejects a startColumn on an empty line
	}
	c, ok := pf.UTF16Column(f.Line, f.Column)
	if !ok {
		warn("column %d is past the end of line %d; kept at line level", f.Column, f.Line)
		return p
	}
	if c >= p.lineLen {
		return p // at the end of the line: no character to point at
	}
	p.col = c
	el, ec := f.EndLine, f.EndColumn
	if el == 0 && ec > 0 {
		el = f.Line
	}
	if el <= 0 {
		return p
	}
	if ec <= 0 {
		ec = 1
	}
	e, ok := pf.UTF16Column(el, ec)
	switch {
	case el < f.Line || !ok:
		warn("end %d:%d does not fit in %s; range runs to the end of line %d", f.EndLine, f.EndColumn, rel, f.Line)
	case el == f.Line && e <= c:
		// An empty range (go vet repeats the start when there is no
		// end): run to the end of the line, as SonarQube does by default.
	default:
		p.endLine, p.endCol, p.endSet = el, e, true
	}
	return p
}

// maxMessage is SonarQube's Issue.MESSAGE_MAX_SIZE, in UTF-16 code units.
const maxMessage = 1333

// message returns a finding's message as SonarQube keeps it: U+0000
// replaced (older servers reject it), trimmed, at most maxMessage UTF-16
// units ending in "..." when cut, never splitting a surrogate pair. An empty
// message is replaced by the rule's title, since an issue with no message
// tells a reader nothing.
func message(p placed, limit int) string {
	m := strings.ToValidUTF8(p.f.Message, "\uFFFD")
	m = strings.ReplaceAll(m, "\x00", "[NULL]")
	m = strings.TrimSpace(m)
	if m == "" {
		m = p.rule.Title
	}
	if limit <= 0 || utf16Len(m) <= limit {
		return m
	}
	n := 0
	for i, r := range m {
		w := utf16.RuneLen(r)
		if w < 0 {
			w = 1
		}
		if n+w > limit-3 {
			return strings.TrimRight(m[:i], " \t\r\n") + "..."
		}
		n += w
	}
	return m
}

func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		if r >= 0x10000 && r <= utf8.MaxRune {
			n += 2
		} else {
			n++
		}
	}
	return n
}
