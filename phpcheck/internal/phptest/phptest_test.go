package phptest_test

import (
	"testing"

	"github.com/VKCOM/php-parser/pkg/ast"
	"github.com/VKCOM/php-parser/pkg/visitor"
	"github.com/VKCOM/php-parser/pkg/visitor/traverser"

	"github.com/riskvet/riskvet/phpcheck/check"
	"github.com/riskvet/riskvet/phpcheck/internal/phptest"
)

// badvar is a toy check for the harness's own tests: it reports every
// variable named $bad. It borrows the registered rule name nullderef so that
// riskvet:ignore directives naming it are well-formed.
var badvar = &check.Checker{
	Name: "nullderef",
	Doc:  "badvar reports variables named $bad",
	Run: func(pass *check.Pass) {
		traverser.NewTraverser(&badVisitor{pass: pass}).Traverse(pass.Root)
	},
}

// loud is badvar's flag, set by flags.php's riskvet:flags directive.
var loud bool

func init() {
	badvar.Flags.BoolVar(&loud, "loud", false, "say it loudly")
}

type badVisitor struct {
	visitor.Null
	pass *check.Pass
}

func (v *badVisitor) ExprVariable(n *ast.ExprVariable) {
	if id, ok := n.Name.(*ast.Identifier); ok && string(id.Value) == "$bad" {
		if loud {
			v.pass.Reportf(n, "bad variable %s, loudly", id.Value)
			return
		}
		v.pass.Reportf(n, "bad variable %s", id.Value)
	}
}

func TestRun(t *testing.T) {
	phptest.Run(t, "testdata", badvar)
}

func TestRunPHP(t *testing.T) {
	phptest.RunPHP(t, "testdata")
}
