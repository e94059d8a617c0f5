package nullderef

import (
	"bytes"
	_ "embed"

	"github.com/riskvet/riskvet/phpcheck/check"
	"github.com/riskvet/riskvet/phpcheck/internal/flow"
)

//go:embed doc.go
var doc string

// strict reports findings whose only evidence is a declared type (see
// [flow.Declared]) besides those the code shows.
var strict bool

func init() {
	Checker.Flags.BoolVar(&strict, "strict", false, "also report nulls that only a declared or documented type admits (PHPStan level 8)")
}

// Checker is the nullderef check.
var Checker = &check.Checker{
	Name: "nullderef",
	Doc:  check.MustExtractDoc(doc, "nullderef"),
	Run:  run,
	// Every dereference the flow engine reports is a -> (method call or
	// property read), so a file without one needs no second parse.
	Relevant: func(src []byte) bool { return bytes.Contains(src, []byte("->")) },
}

// run hands the file to the flow engine and turns each dereference of a
// value that may be null into a diagnostic at the dereferenced expression.
func run(pass *check.Pass) {
	flow.File(pass.Root, pass.Index, flow.Options{}, func(d flow.Deref) {
		if d.Level == flow.Declared && !strict {
			return
		}
		pass.Report(check.Diagnostic{
			Pos:     d.Pos,
			End:     d.End,
			Message: d.Subject + " may be null here (" + d.Why.String() + ")",
		})
	})
}
