package report

import (
	"cmp"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/riskvet/riskvet/internal/finding"
	"github.com/riskvet/riskvet/internal/position"
	"github.com/riskvet/riskvet/internal/rules"
)

// Issue is a finding placed for the printers: its path relative to the base
// directory and its UTF-16 columns checked against the file. Printers format
// issues; they never read a source file or convert a column themselves.
type Issue struct {
	// Finding is the finding as read, with its own path and byte columns
	// (the text and Checkstyle formats print those).
	Finding finding.Finding
	// Rule is the finding's rule metadata, a placeholder for a foreign
	// rule riskvet does not describe.
	Rule rules.Rule
	// Engine is the finding's engine, "riskvet" when it named none.
	Engine string
	// Path is relative to the base directory, with "/".
	Path string
	// Known reports whether the file was read (or its lines came from
	// the run's line cache), so the range was checked.
	Known bool
	// Line is the 1-based line; 0 puts the finding on the whole file.
	Line int
	// Col is the 0-based UTF-16 start column; -1 means the whole line.
	// When Col >= 0 it is before the end of the line, and EndLine/EndCol
	// give an end strictly after it (EndSet false: the end of the line).
	Col               int
	EndLine, EndCol   int
	EndSet            bool
	LineLen, FirstLen int // UTF-16 lengths of the start line and of line 1
	// Text is the start line's content, without its terminator.
	Text []byte
}

// Placed is a report placed once for every printer of a run: [Place] reads
// and line-indexes each file with a finding once, however many formats are
// written from it, and not at all when the run's checkers left it in
// [Options.Lines].
type Placed struct {
	// Report is the report placed, unchanged.
	Report *finding.Report
	// Issues are its findings, sorted by output path and position.
	Issues []Issue
	// Errors are its errors, placed as findings are (their paths and
	// columns in the printers' units) but without warnings, since an
	// error's position is only a pointer for the reader.
	Errors []Issue
	lc     *locator
}

// locator converts the findings of one report; it caches files, so that
// each is read and line-indexed once.
type locator struct {
	opt   Options
	root  string
	base  string // absolute, with "/"
	files map[string]*position.File
}

// newLocator returns a locator for the paths of r under opt.BaseDir.
func newLocator(r *finding.Report, opt Options) *locator {
	base := cmp.Or(opt.BaseDir, ".")
	if abs, err := filepath.Abs(base); err == nil {
		base = abs
	}
	return &locator{opt: opt, root: r.Root, base: filepath.ToSlash(base), files: map[string]*position.File{}}
}

// Place converts every finding and error of r for the printers, with one
// warning on opt.Warn for each finding that had to be moved to fit.
func Place(r *finding.Report, opt Options) *Placed {
	lc := newLocator(r, opt)
	p := &Placed{Report: r, Issues: make([]Issue, 0, len(r.Findings)), Errors: make([]Issue, 0, len(r.Errors)), lc: lc}
	for _, f := range r.Findings {
		p.Issues = append(p.Issues, lc.place(f, true))
	}
	slices.SortFunc(p.Issues, func(a, b Issue) int {
		x, y := a.Finding, b.Finding
		x.File, y.File = a.Path, b.Path
		return finding.Compare(x, y)
	})
	for _, e := range r.Errors {
		is := Issue{Finding: finding.Finding{File: e.File, Line: e.Line, Column: e.Column, Message: e.Message}, Path: ".", Col: -1}
		if e.File != "" {
			is = lc.place(is.Finding, false)
		}
		p.Errors = append(p.Errors, is)
	}
	return p
}

// Unknown returns, sorted and once each, the paths of the findings that
// SonarQube would not find under the base directory: a file outside it, a
// file that cannot be read there, or no file at all. The scanner skips an
// issue on such a file with one log line and no error, so a report that
// passes every check can still lose these. outside reports whether any path
// lies outside the base directory, the mark of a report recorded on another
// machine, which [Options.Prefixes] map.
func (p *Placed) Unknown() (paths []string, outside bool) {
	seen := map[string]bool{}
	for _, f := range p.Report.Findings {
		rel, abs, inside := "", "", false
		if f.File != "" {
			rel, abs, inside = p.lc.resolve(f.File)
			if inside && p.lc.read(abs) != nil {
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

// Relative returns a copy of the report whose finding paths are relative
// to the base directory, after [Options.Prefixes], as the other formats
// write them: a merge of go vet's absolute paths and riskvet php's relative
// ones prints one kind of path. A path outside the base directory stays
// absolute.
func (p *Placed) Relative() *finding.Report {
	out := *p.Report
	out.Findings = slices.Clone(p.Report.Findings)
	for i := range out.Findings {
		if f := &out.Findings[i]; f.File != "" {
			f.File, _, _ = p.lc.resolve(f.File)
		}
	}
	return &out
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
	if !IsAbsPath(p) {
		dir := lc.base
		if lc.root != "" {
			dir = strings.ReplaceAll(lc.root, `\`, "/")
		}
		p = path.Join(dir, p)
	}
	if !IsAbsPath(p) { // a relative root: relative to the working directory
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

// read returns the indexed content of the file at abs, of which the
// caller reads the given lines and line 1: from the run's line cache when
// it holds them, else read once; nil when it cannot be read.
func (lc *locator) read(abs string, lines ...int) *position.File {
	if pf, ok := lc.opt.Lines.Get(abs, lines...); ok {
		return pf
	}
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

// place converts one finding; warn tells whether to say what was moved.
func (lc *locator) place(f finding.Finding, warn bool) Issue {
	engine := cmp.Or(f.Engine, "riskvet")
	p := Issue{Finding: f, Rule: rules.Foreign(engine, f.Rule, f.Language), Engine: engine, Col: -1}
	where := f.File
	if f.Line > 0 {
		where += ":" + strconv.Itoa(f.Line)
		if f.Column > 0 {
			where += ":" + strconv.Itoa(f.Column)
		}
	}
	say := func(format string, args ...any) {
		if warn {
			lc.opt.warnf("%s: %s: "+format, append([]any{where, f.Rule}, args...)...)
		}
	}
	if f.File == "" {
		p.Path = "."
		say("finding has no file; kept at the project base directory")
		return p
	}
	rel, abs, inside := lc.resolve(f.File)
	p.Path = rel
	if !inside {
		say("file is outside the base directory %s; kept at file level", lc.base)
		return p
	}
	el, ec := f.EndLine, f.EndColumn
	if el == 0 && ec > 0 {
		el = f.Line
	}
	pf := lc.read(abs, f.Line, el)
	if pf == nil {
		say("cannot read %s; kept at file level", rel)
		return p
	}
	p.Known = true
	p.FirstLen, _ = pf.LineUTF16Len(1)
	if f.Line <= 0 {
		return p // the finding is about the whole file
	}
	if f.Line > pf.NumLines() {
		say("line %d is past the end of %s (%d lines); kept at file level", f.Line, rel, pf.NumLines())
		return p
	}
	p.Line = f.Line
	p.LineLen, _ = pf.LineUTF16Len(f.Line)
	p.Text, _ = pf.Line(f.Line)
	if f.Column <= 0 || p.LineLen == 0 {
		return p // whole line; SonarQube rejects a startColumn on an empty line
	}
	c, ok := pf.UTF16Column(f.Line, f.Column)
	if !ok {
		say("column %d is past the end of line %d; kept at line level", f.Column, f.Line)
		return p
	}
	if c >= p.LineLen {
		return p // at the end of the line: no character to point at
	}
	p.Col = c
	if el <= 0 {
		return p
	}
	if ec <= 0 {
		ec = 1
	}
	e, ok := pf.UTF16Column(el, ec)
	switch {
	case el < f.Line || !ok:
		say("end %d:%d does not fit in %s; range runs to the end of line %d", f.EndLine, f.EndColumn, rel, f.Line)
	case el == f.Line && e <= c:
		// An empty range (go vet repeats the start when there is no
		// end): run to the end of the line, as SonarQube does by default.
	default:
		p.EndLine, p.EndCol, p.EndSet = el, e, true
	}
	return p
}
