// Package phpfile is the per-file core of riskvet's PHP checker: it parses
// one file (PHP up to 8.4: package scan's tokens drive package rewrite's
// in-place rewrites in front of php-parser), turns parser failures into a
// single parseerror finding, runs the enabled checks over the parsed file,
// converts byte offsets into positions and applies riskvet:ignore
// directives.
//
// It holds no state across files, so the driver (package phpcheck) and the
// fixture harness (phpcheck/internal/phptest) run exactly the same code on
// a file. It lives apart from package phpcheck so that a check's own tests
// can use the harness without importing the driver that imports the check.
package phpfile

import (
	"bytes"
	"fmt"
	"runtime/debug"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/VKCOM/php-parser/pkg/ast"
	"github.com/VKCOM/php-parser/pkg/conf"
	perrors "github.com/VKCOM/php-parser/pkg/errors"
	"github.com/VKCOM/php-parser/pkg/parser"
	"github.com/VKCOM/php-parser/pkg/version"

	"github.com/riskvet/riskvet/internal/finding"
	"github.com/riskvet/riskvet/internal/position"
	"github.com/riskvet/riskvet/internal/rules"
	"github.com/riskvet/riskvet/phpcheck/check"
	"github.com/riskvet/riskvet/phpcheck/index"
	"github.com/riskvet/riskvet/phpcheck/internal/rewrite"
	"github.com/riskvet/riskvet/phpcheck/internal/scan"
)

// Rule IDs that phpfile itself reports.
const (
	// ParseError is a file the parser rejected or crashed on.
	ParseError = "parseerror"
	// BadIgnore is a malformed riskvet:ignore directive.
	BadIgnore = "badignore"
)

// phpVersion is the newest grammar php-parser v0.8.2 knows. Newer syntax
// reaches it through package rewrite.
var phpVersion = &version.Version{Major: 8, Minor: 1}

// SyntaxError is the first problem the parser found in a file.
type SyntaxError struct {
	// Offset is the 0-based byte offset of the error, or -1 when the
	// parser gave no position (it crashed, or reported none).
	Offset int
	// Message is the parser's message, lowercased as riskvet's messages are.
	Message string
	// Timeout reports that the parser did not finish within its deadline
	// (see Parse): a verdict that depends on the machine's load, not on the
	// file alone, so the result cache must not keep it.
	Timeout bool
}

// Parse parses src with php-parser's PHP 8.1 grammar, after package
// rewrite has turned newer syntax and what the parser misreads into text it
// reads, byte for byte in place (see parserInput for the rest). The tree's
// offsets are src's offsets, and its names read src's bytes. It never
// panics: a parser crash is returned as a SyntaxError. On any error the
// returned AST is nil, because php-parser's error recovery leaves partial
// trees that the checks were not written for.
//
// It never hangs either: php-parser v0.8.2 loops forever on inline HTML
// that ends in "<" (its lexer gives back the "<" and matches it again), so
// such a file is parsed with a newline appended, which changes no offset
// before the end; and as a last resort a parse that runs past a generous
// deadline (see parseDeadline) is abandoned and reported, its goroutine left
// to die with the process.
func Parse(src []byte) (ast.Vertex, *SyntaxError) {
	root, _, serr := ParsePlain(src, false)
	return root, serr
}

// ParsePlain is Parse that also reports plain: src parsed as it is, with
// nothing for package rewrite to change. Given plain true from an earlier
// ParsePlain of the same bytes, it skips the scan and the rewrite's look
// for triggers, which would find nothing again (the driver's second pass
// parses again the bytes its first pass parsed).
func ParsePlain(src []byte, plain bool) (ast.Vertex, bool, *SyntaxError) {
	type result struct {
		root  ast.Vertex
		plain bool
		serr  *SyntaxError
	}
	done := make(chan result, 1)
	go func() {
		root, plain, serr := parseRewritten(src, plain)
		done <- result{root, plain, serr}
	}()
	timer := time.NewTimer(parseDeadline(len(src)))
	defer timer.Stop()
	select {
	case r := <-done:
		return r.root, r.plain, r.serr
	case <-timer.C:
		return nil, false, &SyntaxError{Offset: -1, Message: fmt.Sprintf("parser did not finish within %v", parseDeadline(len(src))), Timeout: true}
	}
}

// parseRewritten parses src through package rewrite and repairs the tree.
// Property hook bodies, which the rewrite blanks, are parsed on their own
// and grafted onto their classes; if they do not parse, the rest of the
// file is still checked.
func parseRewritten(src []byte, plain bool) (ast.Vertex, bool, *SyntaxError) {
	root, fix, plain, serr := parseOne(src, plain)
	if serr != nil {
		return nil, false, serr
	}
	if hs := fix.HookSource(src); hs != nil {
		if hooks, _, _, herr := parseOne(hs, false); herr == nil {
			fix.Graft(root, hooks)
		}
	}
	return root, plain, nil
}

// parseOne rewrites src (unless plain says there is nothing to rewrite),
// parses the result and gives the tree src's bytes back: token values are
// slices of the parser's input, so copying src over it restores the
// renamed names (and the rest). It reports whether src was plain.
func parseOne(src []byte, plain bool) (ast.Vertex, rewrite.Fix, bool, *SyntaxError) {
	in, fix := src, rewrite.Fix{}
	if !plain {
		in, fix = rewrite.Rewrite(src, scan.Scan(src))
		plain = fix.Empty() && (len(src) == 0 || &in[0] == &src[0])
	}
	in = parserInput(in)
	root, serr := parse(in)
	if serr != nil {
		return nil, fix, plain, serr
	}
	if len(src) > 0 && &in[0] != &src[0] {
		copy(in, src)
	}
	fix.Apply(root, src)
	return root, fix, plain, nil
}

// parserInput works around inputs that php-parser v0.8.2 gets wrong but
// PHP accepts, without moving any byte, so that offsets into the result
// are offsets into src (src itself is never changed):
//   - a lone "\r" ends a line for PHP (and for riskvet's positions); the
//     parser crashes on it, so it reads "\n" instead;
//   - a file that ends in an open tag ("<?php" and nothing after it, as in
//     many placeholder index.php files) is valid PHP; the parser reports
//     "unexpected $end", so it gets a newline after the tag;
//   - inline HTML ending in "<" makes the parser loop forever (found by
//     FuzzCheck); a newline after it ends the loop.
func parserInput(src []byte) []byte {
	out, copied := src, false
	for i := 0; ; i++ {
		j := bytes.IndexByte(src[i:], '\r')
		if j < 0 {
			break
		}
		i += j
		if i+1 == len(src) || src[i+1] != '\n' {
			if !copied { // src itself is never changed
				out, copied = bytes.Clone(src), true
			}
			out[i] = '\n'
		}
	}
	if bytes.HasSuffix(out, []byte("<")) || hasSuffixFold(out, "<?php") {
		out = append(out[:len(out):len(out)], '\n')
	}
	return out
}

func hasSuffixFold(b []byte, suffix string) bool {
	return len(b) >= len(suffix) && strings.EqualFold(string(b[len(b)-len(suffix):]), suffix)
}

// parseDeadline is how long a parse may take: php-parser reads about
// 2 MB/s of CPU, so a minute plus 10 s per MB leaves a margin of 20 and
// more for a loaded machine; only a parser bug reaches it.
func parseDeadline(size int) time.Duration {
	return time.Minute + time.Duration(size>>20)*10*time.Second
}

func parse(src []byte) (root ast.Vertex, serr *SyntaxError) {
	defer func() {
		if r := recover(); r != nil {
			root, serr = nil, &SyntaxError{Offset: -1, Message: fmt.Sprintf("parser crashed: %v", r)}
		}
	}()
	var first *perrors.Error
	cfg := conf.Config{
		Version: phpVersion,
		ErrorHandlerFunc: func(e *perrors.Error) {
			// Keep the earliest error in the file; the lexer and the
			// parser report in source order except when the lexer
			// looks ahead, so compare offsets rather than trust order.
			if first == nil || offsetOf(e) >= 0 && offsetOf(e) < offsetOf(first) {
				first = e
			}
		},
	}
	root, err := parser.Parse(src, cfg)
	if err != nil {
		return nil, &SyntaxError{Offset: -1, Message: lowerMessage(err.Error())}
	}
	if first != nil {
		return nil, &SyntaxError{Offset: offsetOf(first), Message: lowerMessage(first.Msg)}
	}
	if root == nil {
		return nil, &SyntaxError{Offset: -1, Message: "parser returned no syntax tree"}
	}
	return root, nil
}

func offsetOf(e *perrors.Error) int {
	if e.Pos == nil {
		return -1
	}
	return e.Pos.StartPos
}

// lowerMessage turns a parser message into riskvet's style: a lowercase
// first letter (unless it starts an acronym such as "PHP") and no trailing
// period.
func lowerMessage(s string) string {
	s = strings.TrimSuffix(strings.TrimSpace(s), ".")
	r, size := utf8.DecodeRuneInString(s)
	if size == 0 {
		return "syntax error"
	}
	next, _ := utf8.DecodeRuneInString(s[size:])
	if unicode.IsUpper(r) && !unicode.IsUpper(next) {
		s = string(unicode.ToLower(r)) + s[size:]
	}
	return s
}

// ParseFinding turns a SyntaxError into the file's one parseerror finding.
// The line comes from position.File, not from php-parser's own line count,
// so that it agrees with every other riskvet position on files with lone CR
// line endings (which php-parser does not count as line breaks).
func ParseFinding(path string, lines *position.File, e *SyntaxError) finding.Finding {
	f := finding.Finding{
		Rule:     ParseError,
		Engine:   "riskvet",
		Language: finding.PHP,
		File:     path,
		Line:     1,
		Message:  e.Message,
	}
	if e.Offset >= 0 {
		f.Line, f.Column = lines.Position(e.Offset)
	}
	return f
}

// File is one parsed file ready to be checked.
type File struct {
	// Path is the path shown to users.
	Path string
	// Src is the content.
	Src []byte
	// Root is the parsed AST.
	Root ast.Vertex
	// Lines indexes Src's lines.
	Lines *position.File
	// Fix asks Check to return the edits of fixable findings instead of
	// the findings themselves.
	Fix bool
	// OmitBadIgnore leaves out the findings for malformed riskvet:ignore
	// directives, when an earlier Check of the same file (the driver's
	// first pass) has reported them already. Directives still apply.
	OmitBadIgnore bool
	// Silent names checks that did not run on the file because they
	// cannot report anything in it (check.Checker Relevant): a directive
	// naming one of them is unused, as one naming a check that ran and
	// reported nothing there.
	Silent []string
	// Unjudged names checks whose directives are never reported as
	// unused, although they ran: their findings depend on declarations
	// the run may not have seen.
	Unjudged []string
}

// fixable is a finding with the edits that resolve it.
type fixable struct {
	finding.Finding
	fix []check.Edit
	// withheld: not reported, but a directive covering it is used (see
	// check.Diagnostic Withheld).
	withheld bool
}

// Check runs checkers on f with the tree's index and returns their findings
// after riskvet:ignore directives are applied, plus a finding for each
// malformed directive. known reports whether a rule ID may be named in a
// directive. With f.Fix set, a finding that carries a fix is left out and
// its edits are returned instead (a suppressed finding is never fixed). A
// withheld diagnostic is never returned, but uses the directive that
// covers it.
//
// A check that panics does not stop the others; its panic is returned as an
// error naming the check and file, since it is a riskvet bug the user must
// see.
func Check(f *File, idx *index.Index, checkers []*check.Checker, known func(rule string) bool) (fs []finding.Finding, edits []check.Edit, err error) {
	var out []fixable
	var errs []string
	var failed []string // checks that panicked
	shared := map[any]any{}
	for _, c := range checkers {
		if err := runOne(c, f, idx, shared, &out); err != nil {
			errs = append(errs, err.Error())
			failed = append(failed, c.Name)
		}
	}
	dirs, bad := directives(f, known)
	kept, used := suppress(out, dirs)
	for _, x := range kept {
		if x.withheld {
			continue
		}
		if f.Fix && len(x.fix) > 0 {
			edits = append(edits, x.fix...)
			continue
		}
		fs = append(fs, x.Finding)
	}
	if !f.OmitBadIgnore {
		fs = append(fs, bad...)
	}
	if len(dirs) > 0 && !f.Fix {
		// A check that panicked may have missed findings: its
		// directives are not judged.
		ran := map[string]bool{}
		for _, c := range checkers {
			ran[c.Name] = !slices.Contains(failed, c.Name)
		}
		for _, name := range f.Silent {
			ran[name] = true
		}
		for _, name := range f.Unjudged {
			ran[name] = false
		}
		fs = append(fs, unused(f, dirs, used, ran)...)
	}
	if len(errs) > 0 {
		err = fmt.Errorf("%s", strings.Join(errs, "; "))
	}
	return fs, edits, err
}

func runOne(c *check.Checker, f *File, idx *index.Index, shared map[any]any, out *[]fixable) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("check %s panicked on %s: %v\n%s", c.Name, f.Path, r, debug.Stack())
		}
	}()
	pass := &check.Pass{
		Path:   f.Path,
		Src:    f.Src,
		Root:   f.Root,
		Index:  idx,
		Shared: shared,
		Report: func(d check.Diagnostic) {
			fd := f.finding(c.Name, d)
			fd.Fixable = len(d.Fix) > 0
			*out = append(*out, fixable{fd, d.Fix, d.Withheld})
		},
	}
	c.Run(pass)
	return nil
}

// finding converts a diagnostic's byte offsets into a finding's positions.
func (f *File) finding(rule string, d check.Diagnostic) finding.Finding {
	fd := finding.Finding{
		Rule:     rule,
		Engine:   "riskvet",
		Language: finding.PHP,
		File:     f.Path,
		Message:  d.Message,
	}
	fd.Line, fd.Column = f.Lines.Position(d.Pos)
	if d.End > d.Pos {
		fd.EndLine, fd.EndColumn = f.Lines.Position(d.End)
	}
	return fd
}

// Known reports whether id is a rule a riskvet:ignore directive may name:
// a registered PHP rule.
func Known(id string) bool {
	r, ok := rules.Lookup(id)
	return ok && r.Language == finding.PHP
}
