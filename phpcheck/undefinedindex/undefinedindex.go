package undefinedindex

import (
	_ "embed"

	"github.com/riskvet/riskvet/phpcheck/check"
	"github.com/riskvet/riskvet/phpcheck/internal/flow"
	"github.com/riskvet/riskvet/phpcheck/internal/testcode"
)

//go:embed doc.go
var doc string

// Checker is the undefinedindex check.
var Checker = &check.Checker{
	Name: "undefinedindex",
	Doc:  check.MustExtractDoc(doc, "undefinedindex"),
	Rule: rule,
	Run:  run,
	// The check reads the index for declared shapes, so it runs in the
	// second pass, which parses only the files some check finds relevant.
	Relevant: relevant,
}

// tests reports in test code too (see testcode.In); a setting, documented
// in doc.go and in the rule's Settings. A missing key in a test fails
// that test and reaches no user, and test code reads what it has just
// built or what the code under test printed (none of 11 judged findings
// in test code was a bug a user could meet); the cost is that a missing
// key in a test helper goes unreported until -undefinedindex.tests.
var tests bool

// strict also follows the builtins whose judged precision at the default
// was low (builtins' strict entries: explode, preg_split, str_getcsv,
// preg_match's groups, 8 true of 40 judged in a fresh sample; parse_url,
// 1 of 6): the strings real code splits and matches are mostly built by
// the application or a protocol. The cost is the input from outside
// without its delimiter, which the default does not report.
var strict bool

func init() {
	Checker.Flags.BoolVar(&tests, "tests", false, "also report in test code: PHPUnit TestCase subclasses and files under a tests folder")
	Checker.Flags.BoolVar(&strict, "strict", false, "also follow explode, preg_split, str_getcsv, preg_match's groups and parse_url")
}

func run(pass *check.Pass) {
	inTest, skip := testcode.Withhold(pass, tests)
	if skip {
		return
	}
	flow.Walk(pass.Root, pass.Index, func(sc *flow.Scope) flow.Domain {
		// A body that can report nothing is skipped, unless withheld
		// findings could use a directive or the file documents shapes
		// (which the docblocks, not the body, say).
		skips := !pass.MayIgnore() && !docShapes(pass.Src)
		return &domain{pass: pass, sc: sc, docs: scanDocs(pass.Src), inTest: inTest, skips: skips}
	})
}
