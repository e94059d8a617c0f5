package undefinedindex

import (
	"bytes"
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
	// Every report is at an element read, written with a bracket; the
	// check reads the index for declared shapes, so it runs in the
	// second pass, which parses only the files some check finds relevant.
	Relevant: func(src []byte) bool { return bytes.Contains(src, []byte("[")) },
}

func run(pass *check.Pass) {
	root, ok := pass.Root.(*ast.Root)
	if !ok {
		return
	}
	w := &walker{pass: pass, docs: scanDocs(pass.Src)}
	w.scope(root.Stmts, newState())
}
