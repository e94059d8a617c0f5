// Package analyzers holds riskvet's Go analyzers and the curated suite that
// the riskvet command runs, both under `go vet -vettool` and standalone.
//
// The suite is riskvet's own generics analyzers plus a small, deliberate set
// of upstream analyzers for Go's own nil and type risks. Each upstream entry
// has its metadata in internal/rules (curated.go), registered under the name
// it reports as, so every output format can describe its findings.
//
// One SSA form per package: the analyzers that need one (nilness, SA4023,
// SA4031) share x/tools' (buildssa). staticcheck builds its own form, IR,
// for its SA4023, SA4031 and SA5010, and its SA4023 needs facts that build
// IR for every dependency of a vetted package; riskvet runs ports of the
// three instead (analyzers/sa4023, sa4031, sa5010), whose docs say what
// was traded. SA4022 is ported too (analyzers/sa4022), so that no
// staticcheck type index is built beside x/tools'. bench/go.sh cost
// measures the cost, bench/go-findings.sh the findings before and after
// (bench/README.md, "One SSA form").
package analyzers

import (
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/errorsas"
	"golang.org/x/tools/go/analysis/passes/ifaceassert"
	"golang.org/x/tools/go/analysis/passes/nilfunc"
	"golang.org/x/tools/go/analysis/passes/nilness"
	"honnef.co/go/tools/analysis/lint"
	"honnef.co/go/tools/staticcheck/sa4020"

	"github.com/riskvet/riskvet/analyzers/constraintcoupling"
	"github.com/riskvet/riskvet/analyzers/genericdepth"
	"github.com/riskvet/riskvet/analyzers/ifaceparam"
	"github.com/riskvet/riskvet/analyzers/sa4022"
	"github.com/riskvet/riskvet/analyzers/sa4023"
	"github.com/riskvet/riskvet/analyzers/sa4031"
	"github.com/riskvet/riskvet/analyzers/sa5010"
	"github.com/riskvet/riskvet/analyzers/singleinst"
	"github.com/riskvet/riskvet/analyzers/tparamshadow"
	"github.com/riskvet/riskvet/analyzers/typeparamcount"
	"github.com/riskvet/riskvet/internal/rules"
)

// Suite is every analyzer riskvet runs, in the order it lists them.
//
// nilfunc, ifaceassert and errorsas are also in go vet's default set; they
// are listed here because they are nil and type checks, so the standalone
// command, which runs only this suite, must cover them too.
//
// Notable analyzers left out:
//   - x/tools printf, copylocks, loopclosure, unusedresult and the rest of
//     vet's default set: sound bug checks, but not nil or type risks; `go
//     vet` runs them (with or without riskvet as its vettool).
//   - x/tools shadow: reports a style, with many false positives.
//   - x/tools unsafeptr: a run-time risk, but only for unsafe code, which
//     riskvet's users rarely write; vet runs it.
//   - staticcheck SA1029 (context.WithValue key type): a type rule about
//     key collisions, not a failure of the program's own types.
//   - staticcheck SA1019 (use of deprecated API), SA4006 (value never used)
//     and the S and ST families: maintenance and style, not nil or type
//     risk; run staticcheck itself for them.
//   - staticcheck SA5011 (possible nil pointer dereference): disabled
//     upstream in v0.8.2, where its run panics ("broken and should not be
//     used"); x/tools nilness covers certain nil dereferences instead.
//   - staticcheck SA5000 (assignment to nil map): nilness reports the same
//     statements ("nil dereference in map update"); both would be noise.
//   - staticcheck SA5009 (invalid Printf call): duplicates vet's printf.
//   - staticcheck SA4024 (impossible result of a builtin, such as len < 0):
//     a logic check that rarely points at a nil or type problem.
var Suite = []*analysis.Analyzer{
	genericdepth.Analyzer,       // riskvet: generic instantiation nested too deep
	constraintcoupling.Analyzer, // riskvet: constraints coupling other type parameters
	ifaceparam.Analyzer,         // riskvet: a type parameter an interface parameter could replace
	typeparamcount.Analyzer,     // riskvet: too many type parameters on one declaration
	singleinst.Analyzer,         // riskvet: a generic instantiated with one type-argument list
	tparamshadow.Analyzer,       // riskvet: a type parameter that shadows a package-level or predeclared type

	uncategorized(nilness.Analyzer), // certain nil dereferences and degenerate nil comparisons, from SSA
	nilfunc.Analyzer,                // comparison of a declared function with nil, never true
	ifaceassert.Analyzer,            // interface-to-interface assertion no type can satisfy
	errorsas.Analyzer,               // errors.As target that is not a pointer: a run-time panic

	sa4023.Analyzer,             // typed nil stored in an interface compared with nil (port onto x/tools SSA)
	sa5010.Analyzer,             // type assertion between conflicting interfaces (port onto the syntax tree)
	sa4022.Analyzer,             // &x == nil, never true (port onto the inspector alone)
	sa4031.Analyzer,             // nil check of a value that is never nil (port onto x/tools SSA)
	upstream(sa4020.SCAnalyzer), // type switch case shadowed by an earlier one
}

// Rules are the rules of riskvet's own analyzers in Suite, each owned by
// its analyzer's package (rule.go). internal/rules' catalogue is generated
// from them (go generate ./internal/rules); the curated analyzers' rules,
// riskvet's summaries of upstream checks, are written in
// internal/rules/curated.go.
var Rules = []rules.Rule{
	genericdepth.Rule,
	constraintcoupling.Rule,
	ifaceparam.Rule,
	typeparamcount.Rule,
	singleinst.Rule,
	tparamshadow.Rule,
}

// uncategorized returns a copy of a whose diagnostics carry no Category.
// lintcmd takes a diagnostic's Category as its check name and drops those
// that name no enabled check, so nilness's categories ("nilderef", "cond")
// would silently lose its findings in the standalone command. The copy
// shares a's requirements, flags and results.
func uncategorized(a *analysis.Analyzer) *analysis.Analyzer {
	c := *a
	c.Run = func(pass *analysis.Pass) (any, error) {
		p := *pass
		p.Report = func(d analysis.Diagnostic) {
			d.Category = ""
			pass.Report(d)
		}
		return a.Run(&p)
	}
	return &c
}

// staticcheckDocs keeps staticcheck's own structured documentation for the
// curated staticcheck analyzers, which Lint hands to lintcmd as is.
var staticcheckDocs = map[*analysis.Analyzer]*lint.Analyzer{}

// upstream records a staticcheck analyzer's documentation and returns the
// plain analyzer for Suite.
func upstream(a *lint.Analyzer) *analysis.Analyzer {
	staticcheckDocs[a.Analyzer] = a
	return a.Analyzer
}

// Lint returns the suite in the form staticcheck's lintcmd takes, for the
// standalone command. Staticcheck's analyzers carry their own documentation;
// the others get theirs from the rule registry (title, description and
// rationale, bad and good examples, severity), so `riskvet -explain` and the
// SARIF rules describe every check alike. The analyzers themselves are
// shared with Suite, not copied.
func Lint() []*lint.Analyzer {
	out := make([]*lint.Analyzer, 0, len(Suite))
	for _, a := range Suite {
		if la, ok := staticcheckDocs[a]; ok {
			out = append(out, la)
			continue
		}
		out = append(out, &lint.Analyzer{Doc: Documentation(a), Analyzer: a})
	}
	return out
}

// Documentation returns lintcmd's structured documentation for a, built
// from its rule in the registry, or from a.Doc for an analyzer that has no
// rule.
func Documentation(a *analysis.Analyzer) *lint.RawDocumentation {
	r, ok := rules.Lookup(a.Name)
	if !ok {
		title, text, _ := strings.Cut(a.Doc, "\n\n")
		return &lint.RawDocumentation{Title: title, Text: text, Severity: lint.SeverityWarning}
	}
	text := r.Description
	if r.Rationale != "" {
		text += "\n\n" + r.Rationale
	}
	return &lint.RawDocumentation{
		Title:      r.Title,
		Text:       text,
		Before:     r.Bad,
		After:      r.Good,
		NonDefault: !r.Default,
		Severity:   severity(r.Severity),
	}
}

func severity(s string) lint.Severity {
	switch s {
	case "error":
		return lint.SeverityError
	case "info":
		return lint.SeverityInfo
	}
	return lint.SeverityWarning
}

// ByName returns the suite's analyzer with the given name (a vet flag name
// such as "genericdepth" or a staticcheck code such as "SA5010"), or nil.
func ByName(name string) *analysis.Analyzer {
	for _, a := range Suite {
		if a.Name == name {
			return a
		}
	}
	return nil
}
