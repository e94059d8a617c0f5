package nullarg

import (
	"bytes"
	_ "embed"

	"github.com/VKCOM/php-parser/pkg/ast"

	"github.com/riskvet/riskvet/phpcheck/check"
	"github.com/riskvet/riskvet/phpcheck/internal/nullness"
	"github.com/riskvet/riskvet/phpcheck/nullderef"
	"github.com/riskvet/riskvet/phpcheck/stricttypes"
)

//go:embed doc.go
var doc string

// Checker is the nullarg check.
var Checker = &check.Checker{
	Name:     "nullarg",
	Doc:      check.MustExtractDoc(doc, "nullarg"),
	Rule:     rule,
	Run:      run,
	Relevant: relevant,
}

// deprecated also reports null given to a built-in's scalar parameter
// outside strict_types=1, which PHP coerces with a deprecation.
var deprecated bool

func init() {
	Checker.Flags.BoolVar(&deprecated, "deprecated", false, "also report null given to a built-in's scalar parameter outside strict_types=1, which PHP 8.1 and later coerce with a deprecation instead of failing")
}

// relevant reports whether a file may hold a finding. At the levels that
// need a null the function itself makes (the default), that null is
// written in code or made by a callee's assertion tag (nullness.MayMakeNull);
// less sure levels take nulls from callees, which any call may bring.
func relevant(path string, src []byte, root ast.Vertex) check.Relevance {
	if !nullderef.ReportsIn(path) {
		return check.No
	}
	if nullderef.Level() > nullness.Inevitable {
		return check.If(bytes.IndexByte(src, '(') >= 0)
	}
	return nullness.MayMakeNull(root)
}

// run reports, from the flow analysis nullderef shares, each argument that
// may be null passed to a parameter whose native type excludes null.
func run(pass *check.Pass) {
	strict := -1 // not looked up yet
	nullderef.Each(pass, true, func(d nullness.Deref, withheld bool) {
		may := " may be"
		if d.Level == nullness.Definite {
			may = " is"
		}
		subject := d.Subject
		if subject == "expression" {
			subject = "the argument"
		}
		outcome := "a TypeError"
		if d.Arg.Builtin && d.Arg.Coerced != "" {
			if strict < 0 {
				strict = 0
				if stricttypes.Declared(pass.Root) {
					strict = 1
				}
			}
			if strict == 1 {
				outcome = "a TypeError under strict_types=1"
			} else {
				outcome = "deprecated since PHP 8.1, null becomes " + d.Arg.Coerced
				withheld = withheld || !deprecated
			}
		}
		pass.Report(check.Diagnostic{
			Pos:      d.Pos,
			End:      d.End,
			Message:  subject + may + " null here, passed to " + d.Arg.Param + " (" + d.Arg.Type + ") of " + d.Arg.Callee + ": " + outcome + " (" + d.Why.String() + ")",
			Withheld: withheld,
		})
	})
}
