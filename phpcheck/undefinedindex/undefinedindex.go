package undefinedindex

import (
	"github.com/VKCOM/php-parser/pkg/ast"

	"github.com/riskvet/riskvet/phpcheck/check"
)

// Checker is the undefinedindex check.
var Checker = &check.Checker{
	Name: "undefinedindex",
	Doc:  "report reads of request input and of locally built arrays at keys that may be missing",
	Run:  run,
}

func run(pass *check.Pass) {
	root, ok := pass.Root.(*ast.Root)
	if !ok {
		return
	}
	w := &walker{pass: pass}
	w.scope(root.Stmts, newState())
}
