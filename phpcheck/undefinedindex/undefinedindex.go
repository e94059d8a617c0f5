package undefinedindex

import (
	_ "embed"

	"github.com/VKCOM/php-parser/pkg/ast"
	"github.com/VKCOM/php-parser/pkg/visitor"
	"github.com/VKCOM/php-parser/pkg/visitor/traverser"

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

// relevant reports whether a file may hold a finding: every report is at
// an element read with a constant key (`$a['k']`, not `$a[$k]`) or a
// destructuring (`[$a, $b] = …`, `list(…)`, their foreach forms). A file whose brackets all build arrays,
// such as MediaWiki's message tables (a third of its bytes), has neither
// and is not parsed a second time. The look costs a walk of the tree the
// first pass parsed, a small part of a parse.
func relevant(path string, _ []byte, root ast.Vertex) bool {
	if !tests && testcode.Path(path) {
		return false // withheld: see run
	}
	var r reads
	traverser.NewTraverser(&r).Traverse(root)
	return r.found
}

// reads is the visitor behind relevant.
type reads struct {
	visitor.Null
	found bool
}

func (r *reads) ExprArrayDimFetch(n *ast.ExprArrayDimFetch) {
	if _, ok := constKey(n.Dim); ok {
		r.found = true
	}
}
func (r *reads) ExprList(*ast.ExprList)       { r.found = true }
func (r *reads) ExprAssign(n *ast.ExprAssign) { r.destructures(n.Var) }
func (r *reads) ExprAssignReference(n *ast.ExprAssignReference) {
	r.destructures(n.Var)
}
func (r *reads) StmtForeach(n *ast.StmtForeach) { r.destructures(n.Var) }

// destructures notes a short list (`[$a, $b]`) as an assignment's target.
func (r *reads) destructures(target ast.Vertex) {
	if _, ok := target.(*ast.ExprArray); ok {
		r.found = true
	}
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
		return &domain{pass: pass, sc: sc, docs: scanDocs(pass.Src), inTest: inTest}
	})
}
