// Package check defines the interface between riskvet's PHP checks and the
// driver that runs them, as golang.org/x/tools/go/analysis does for Go: a
// check is a [Checker] value with a Run function over a [Pass]; the driver in
// package phpcheck parses files, builds the symbol index, calls every enabled
// check on every file and turns [Diagnostic]s into findings.
//
// A check only says what it looks for. Parsing, file walking, the symbol
// index, positions, suppression and reporting live in the driver.
package check

import (
	"bytes"
	"flag"
	"strings"

	"github.com/VKCOM/php-parser/pkg/ast"

	"github.com/riskvet/riskvet/internal/rules"
	"github.com/riskvet/riskvet/phpcheck/index"
)

// Checker describes one PHP check.
type Checker struct {
	// Name is the rule ID, registered in internal/rules.
	Name string
	// Doc is the check's documentation; its first line is a summary.
	Doc string
	// Rule is the check's metadata for users and tools: title,
	// description, rationale, examples, severity, SonarQube impact and
	// clean-code attribute, effort, default and the settings its Flags
	// hold. Rule.ID is Name. The check owns it (by convention in its
	// rule.go); internal/rules' catalogue, docs/checks.md, `riskvet help`
	// and the SARIF and SonarQube rule descriptions are generated from it
	// (go generate ./internal/rules).
	Rule rules.Rule
	// Run inspects one parsed file and reports through pass.Report.
	Run func(pass *Pass)
	// Local reports that Run does not read Pass.Index. The driver then
	// runs the check in its first pass, on the tree it parses anyway to
	// build the index, instead of parsing the file a second time for it.
	Local bool
	// Relevant, when set, says whether the check could report anything
	// in a file with this path (as Pass.Path), content and tree (the
	// first pass's parse); a file no non-local check finds relevant is
	// not parsed a second time.
	// It must err on the side of [Yes] and cost far less than a parse: a
	// textual test, such as "contains ->" for a check that reports
	// dereferences, or a look for the kind of node the check reports at.
	// When the answer turns on declarations in other files, it is
	// [After] a question to the finished index.
	// It need not foresee withheld diagnostics: a file with riskvet:ignore
	// directives is checked by every check.
	Relevant func(path string, src []byte, root ast.Vertex) Relevance
	// Flags are the check's settings, as golang.org/x/tools/go/analysis's
	// Analyzer.Flags: `-nullderef.strict` on the command line and
	// `[nullderef] strict = true` in riskvet.toml set Flags' "strict".
	// The driver sets them before a run; Run only reads them. Their values
	// are part of the result cache's key, so a flag must say everything
	// Run depends on besides the file and the index.
	Flags flag.FlagSet
}

// Relevance is what a check's Relevant says of a file: [Yes], [No], or
// [After] a question to the index of the whole tree.
type Relevance struct {
	yes   bool
	after func(*index.Index) bool
}

// Yes and No are the answers Relevant knows from the file alone.
var (
	Yes = Relevance{yes: true}
	No  = Relevance{}
)

// If returns Yes when may holds, else No.
func If(may bool) Relevance { return Relevance{yes: may} }

// After defers the answer to the driver's second pass: before it would
// parse the file again, the driver calls f with the index of the whole
// tree, viewed as the check would see it (the result cache records the
// lookups f makes, so a cached answer lasts until one of theirs changes).
// For a check whose findings need a declaration in another file, such as
// a function that documents the array shape it returns, f asks whether
// the names the file uses have any. f holds what it needs (names), not
// the tree, and costs a few lookups.
func After(f func(ix *index.Index) bool) Relevance { return Relevance{after: f} }

// Known reports whether the answer is known from the file alone, and
// that answer.
func (r Relevance) Known() (known, yes bool) { return r.after == nil, r.yes }

// Ask returns the answer, asking ix when it was deferred.
func (r Relevance) Ask(ix *index.Index) bool {
	if r.after == nil {
		return r.yes
	}
	return r.after(ix)
}

// Pass is what a check sees of one file.
type Pass struct {
	// Path is the file's path as shown to users (relative to the scanned
	// root, forward slashes).
	Path string
	// Src is the file's content.
	Src []byte
	// Root is the parsed AST; nil only for checks that run on files the
	// parser rejected, which none of riskvet's do.
	Root ast.Vertex
	// Index holds the declarations of the whole scanned tree.
	Index *index.Index
	// Report records a diagnostic.
	Report func(Diagnostic)
	// Shared holds results computed once per file and read by several
	// checks (nullderef and nullarg read one flow analysis), keyed by the
	// package that computes them; nil when the driver shares nothing.
	Shared map[any]any
}

// MayIgnore reports whether the file may hold riskvet:ignore directives.
// When it holds none, withheld diagnostics change nothing, and a check may
// skip the work of finding them.
func (p *Pass) MayIgnore() bool { return MayIgnore(p.Src) }

// MayIgnore reports whether src may hold riskvet:ignore directives.
func MayIgnore(src []byte) bool { return bytes.Contains(src, []byte("riskvet:ignore")) }

// Diagnostic is a problem found by a check.
type Diagnostic struct {
	// Pos and End are 0-based byte offsets into Src, as php-parser's
	// position.Position.StartPos and EndPos; End may be 0 when unknown.
	Pos, End int
	// Message is lowercase with no trailing period.
	Message string
	// Fix holds the edits that resolve the problem, applied together by
	// `riskvet php -fix`; empty when there is no safe mechanical fix.
	Fix []Edit
	// Withheld marks a finding the check's settings keep out of the
	// report (in test code, or below the strict level). The driver drops
	// it, but a riskvet:ignore directive that covers it still counts as
	// used: a directive must not turn stale because a setting changed.
	Withheld bool
}

// List is a flag holding a comma-separated list, as
// `-nullderef.never_null=a,b` or riskvet.toml's `never_null = ["a", "b"]`.
// Set replaces the list rather than appending to it, so that setting a
// flag's default value resets it.
type List []string

func (l *List) String() string { return strings.Join(*l, ",") }

// Set sets the list from a comma-separated value; empty items are dropped.
func (l *List) Set(s string) error {
	var out []string
	for _, v := range strings.Split(s, ",") {
		if v = strings.TrimSpace(v); v != "" {
			out = append(out, v)
		}
	}
	*l = out
	return nil
}

// Edit replaces the bytes Src[Pos:End] with New; Pos == End inserts.
type Edit struct {
	Pos, End int
	New      string
}

// Reportf reports a diagnostic at the given node's start.
func (p *Pass) Reportf(n ast.Vertex, format string, args ...any) {
	d := Diagnostic{Message: sprintf(format, args...)}
	if pos := n.GetPosition(); pos != nil {
		d.Pos, d.End = pos.StartPos, pos.EndPos
	}
	p.Report(d)
}
