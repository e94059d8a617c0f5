package nullderef

import (
	"bytes"
	_ "embed"
	"fmt"
	"regexp"

	"github.com/VKCOM/php-parser/pkg/ast"

	"github.com/riskvet/riskvet/phpcheck/check"
	"github.com/riskvet/riskvet/phpcheck/internal/nullness"
	"github.com/riskvet/riskvet/phpcheck/internal/testcode"
)

//go:embed doc.go
var doc string

// The check's settings, documented in doc.go and in the rule registry
// (internal/rules), which a test keeps in step with Checker.Flags.
var (
	// level is the least sure evidence reported (see [nullness.Evidence]);
	// strict is level declared.
	level  = evidence{nullness.Inevitable}
	strict bool
	// tests reports in test code too (see testcode.In). A null dereference
	// in a test fails that test loudly and reaches no user, while half the
	// nullable reads in tests are of values the test has just stored; the
	// cost is that a null bug in a test helper goes unreported until
	// -nullderef.tests is given.
	tests bool
	// neverNull and lifecycle are nullness.Options' lists.
	neverNull = names{
		re:      regexp.MustCompile(`^\\?[\pL_][\pL\pN_]*(\\[\pL_][\pL\pN_]*)*(::[\pL_][\pL\pN_]*)?$`),
		example: `"get_current_screen" or "Container::get"`,
	}
	lifecycle = names{
		re:      regexp.MustCompile(`^[\pL_][\pL\pN_]*$`),
		example: `"initialize"`,
	}
)

func init() {
	Checker.Flags.Var(&level, "level", "the least sure `evidence` reported: definite (null on every path, by the function itself), inevitable (a null it makes that the dereference always follows), local (null it puts on some path), shown (also by a callee's body or an unset property) or declared (also by a declared type alone)")
	Checker.Flags.BoolVar(&strict, "strict", false, "report every level of evidence, as -nullderef.level=declared does (PHPStan level 8)")
	Checker.Flags.BoolVar(&tests, "tests", false, "also report in test code: PHPUnit TestCase subclasses and files under a tests folder")
	Checker.Flags.Var(&neverNull, "never_null", "comma-separated `functions and Class::methods` that never return null, whatever their declared type")
	Checker.Flags.Var(&lifecycle, "lifecycle", "comma-separated `methods` that run before every other method of their class, besides the constructor and setUp")
}

// names is a comma-separated list flag whose items must match re: a typo
// such as "Container:get" would otherwise match nothing, silently.
type names struct {
	check.List
	re      *regexp.Regexp
	example string // a valid item, for the error
}

func (n *names) Set(s string) error {
	var l check.List
	_ = l.Set(s)
	for _, v := range l {
		if !n.re.MatchString(v) {
			return fmt.Errorf("%q is not a name like %s", v, n.example)
		}
	}
	n.List = l
	return nil
}

// mayOrIs says "is" for a value null on every path, "may be" otherwise.
func mayOrIs(l nullness.Evidence) string {
	if l == nullness.Definite {
		return " is"
	}
	return " may be"
}

// evidence is the level flag's value.
type evidence struct{ nullness.Evidence }

func (e *evidence) Set(s string) error {
	v, ok := nullness.ParseEvidence(s)
	if !ok {
		return fmt.Errorf("%q is not a level: definite, inevitable, local, shown or declared", s)
	}
	e.Evidence = v
	return nil
}

// Checker is the nullderef check.
var Checker = &check.Checker{
	Name:     "nullderef",
	Doc:      check.MustExtractDoc(doc, "nullderef"),
	Rule:     rule,
	Run:      run,
	Relevant: relevant,
}

// relevant says whether a file may hold a finding. Every dereference the
// flow engine reports is a -> (method call or property read); at the
// levels up to inevitable its null is one the function makes itself, or
// a callee's assertion tag makes (nullness.MayMakeNull).
func relevant(path string, src []byte, root ast.Vertex) check.Relevance {
	switch {
	case !ReportsIn(path) || !bytes.Contains(src, []byte("->")):
		return check.No
	case Level() > nullness.Inevitable:
		return check.Yes
	}
	return nullness.MayMakeNull(root)
}

// ReportsIn reports whether the settings let a finding in the file at
// path be reported: files under a tests folder are left out unless
// -nullderef.tests (test classes elsewhere are known only with the index).
func ReportsIn(path string) bool { return tests || !testcode.Path(path) }

// run hands the file to the flow engine and turns each dereference of a
// value that may be null into a diagnostic at the dereferenced expression.
func run(pass *check.Pass) {
	Each(pass, false, func(d nullness.Deref, withheld bool) {
		why := d.Why.String()
		if d.Level == nullness.Declared {
			why += "; declared only"
		}
		pass.Report(check.Diagnostic{
			Pos:      d.Pos,
			End:      d.End,
			Message:  d.Subject + mayOrIs(d.Level) + " null here (" + why + ")",
			Withheld: withheld,
		})
	})
}

// Each calls f with each event of the flow analysis of pass's file that
// nullderef's settings govern: dereferences, or with args the arguments
// passed to parameters that exclude null (nullarg's). Events in test code
// and those whose evidence is less sure than the level setting asks for
// are withheld: analysed, so that a riskvet:ignore directive covering one
// is not reported as stale, but not reported.
func Each(pass *check.Pass, args bool, f func(d nullness.Deref, withheld bool)) {
	inTest, skip := testcode.Withhold(pass, tests)
	if skip {
		return
	}
	least := level.Evidence
	if strict {
		least = nullness.Declared
	}
	// Up to the inevitable level every finding starts at a null its
	// function makes; the others need walking only to use directives.
	opts := nullness.Options{NeverNull: neverNull.List, Lifecycle: lifecycle.List, OnlyNulls: least <= nullness.Inevitable && !pass.MayIgnore()}
	for _, d := range nullness.Run(pass, opts) {
		if (d.Arg != nil) != args {
			continue
		}
		f(d, d.Level > least || inTest != nil && inTest(d.Pos))
	}
}

// Level returns the least sure evidence the settings report.
func Level() nullness.Evidence {
	if strict {
		return nullness.Declared
	}
	return level.Evidence
}
