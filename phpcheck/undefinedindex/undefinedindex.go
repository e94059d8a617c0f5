package undefinedindex

import (
	_ "embed"
	"github.com/VKCOM/php-parser/pkg/ast"

	"github.com/riskvet/riskvet/phpcheck/check"
)

//go:embed doc.go
var doc string

// Checker is the undefinedindex check.
var Checker = &check.Checker{
	Name: "undefinedindex",
	Doc:  check.MustExtractDoc(doc, "undefinedindex"),
	Rule: rule,
	Run:  run,
}

func run(pass *check.Pass) {
	root, ok := pass.Root.(*ast.Root)
	if !ok {
		return
	}
	w := &walker{pass: pass, docs: scanDocs(pass.Src)}
	w.scope(root.Stmts, newState())
}
