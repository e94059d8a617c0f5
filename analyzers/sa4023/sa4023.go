package sa4023

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/exp/typeparams"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/buildssa"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/ssa"

	"github.com/riskvet/riskvet/analyzers/internal/srcfuncs"
	"github.com/riskvet/riskvet/internal/docsection"
)

//go:embed doc.go
var doc string

// Analyzer reports comparisons with nil of interface values that always
// hold a type, as staticcheck's SA4023 does within one function.
var Analyzer = &analysis.Analyzer{
	Name:     "SA4023",
	Doc:      docsection.MustExtract(doc, "Analyzer", "SA4023"),
	URL:      "https://staticcheck.dev/docs/checks/#SA4023",
	Requires: []*analysis.Analyzer{buildssa.Analyzer, inspect.Analyzer},
	Run:      run,
}

func run(pass *analysis.Pass) (any, error) {
	// The instruction's position is the operator's; the report spans the
	// whole comparison, as staticcheck's does.
	exprs := map[token.Pos]*ast.BinaryExpr{}
	insp := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	for n := range insp.PreorderSeq((*ast.BinaryExpr)(nil)) {
		if b := n.(*ast.BinaryExpr); b.Op == token.EQL || b.Op == token.NEQ {
			exprs[b.OpPos] = b
		}
	}
	if len(exprs) == 0 {
		return nil, nil
	}
	for _, fn := range srcfuncs.All(pass.ResultOf[buildssa.Analyzer].(*buildssa.SSA)) {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				if op, ok := instr.(*ssa.BinOp); ok {
					check(pass, op, exprs[op.Pos()])
				}
			}
		}
	}
	return nil, nil
}

// check reports op, an x == nil or x != nil whose x always holds a type.
// Only x on the left is considered, as in staticcheck.
func check(pass *analysis.Pass, op *ssa.BinOp, expr *ast.BinaryExpr) {
	if expr == nil || (op.Op != token.EQL && op.Op != token.NEQ) {
		return
	}
	if !types.IsInterface(op.X.Type()) || typeparams.IsTypeParam(op.X.Type()) {
		return
	}
	if k, ok := op.Y.(*ssa.Const); !ok || !k.IsNil() {
		return
	}
	mi, ok := single(op.X).(*ssa.MakeInterface)
	if !ok {
		return
	}
	if terms, err := typeparams.NormalTerms(mi.X.Type()); len(terms) == 0 || err != nil {
		return // a type parameter that may be an interface type
	}
	qualifier := "always"
	if op.Op == token.EQL {
		qualifier = "never"
	}
	d := analysis.Diagnostic{Pos: expr.Pos(), End: expr.End(), Message: fmt.Sprintf("this comparison is %s true", qualifier)}
	// A zero value has no position in x/tools' form (staticcheck's form
	// records the declaration): the finding then points at nothing more.
	if pos := mi.X.Pos(); pos.IsValid() {
		d.Related = []analysis.RelatedInformation{{Pos: pos, Message: "the lhs of the comparison gets its value from here and has a concrete type"}}
	}
	pass.Report(d)
}

// single returns the one value that v stands for, looking through phis
// whose edges all lead to it, or nil when there are several.
func single(v ssa.Value) ssa.Value {
	var out ssa.Value
	seen := map[ssa.Value]bool{}
	var walk func(v ssa.Value) bool
	walk = func(v ssa.Value) bool {
		if seen[v] {
			return true
		}
		seen[v] = true
		if phi, ok := v.(*ssa.Phi); ok {
			for _, e := range phi.Edges {
				if !walk(e) {
					return false
				}
			}
			return true
		}
		if out != nil && out != v {
			return false
		}
		out = v
		return true
	}
	if !walk(v) {
		return nil
	}
	return out
}
