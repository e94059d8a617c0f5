package sa4031

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"

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

// Analyzer reports nil checks of values that are never nil, as
// staticcheck's SA4031 does.
var Analyzer = &analysis.Analyzer{
	Name:     "SA4031",
	Doc:      docsection.MustExtract(doc, "Analyzer", "SA4031"),
	URL:      "https://staticcheck.dev/docs/checks/#SA4031",
	Requires: []*analysis.Analyzer{buildssa.Analyzer, inspect.Analyzer},
	Run:      run,
}

func run(pass *analysis.Pass) (any, error) {
	insp := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	var conds []*ast.BinaryExpr
	for n := range insp.PreorderSeq((*ast.IfStmt)(nil)) {
		if c, ok := nilCheck(pass.TypesInfo, n.(*ast.IfStmt).Cond); ok {
			conds = append(conds, c)
		}
	}
	if len(conds) == 0 {
		return nil, nil // most packages: no function's instructions are read
	}
	cmps := comparisons(pass.ResultOf[buildssa.Analyzer].(*buildssa.SSA))
	for _, c := range conds {
		if cmp := cmps[c.OpPos]; cmp != nil {
			check(pass, c, cmp)
		}
	}
	return nil, nil
}

// nilCheck returns cond when it is a comparison x == nil or x != nil with
// the predeclared nil on the right, other than &v == nil (SA4022's).
// Parentheses anywhere in it do not matter, as in staticcheck's patterns.
func nilCheck(info *types.Info, cond ast.Expr) (*ast.BinaryExpr, bool) {
	b, ok := ast.Unparen(cond).(*ast.BinaryExpr)
	if !ok || (b.Op != token.EQL && b.Op != token.NEQ) {
		return nil, false
	}
	if id, ok := ast.Unparen(b.Y).(*ast.Ident); !ok || info.Uses[id] != types.Universe.Lookup("nil") {
		return nil, false
	}
	if u, ok := ast.Unparen(b.X).(*ast.UnaryExpr); ok && u.Op == token.AND {
		return nil, false
	}
	return b, true
}

// comparisons maps the operator position of each == and != in the
// package's functions to its instruction.
func comparisons(s *buildssa.SSA) map[token.Pos]*ssa.BinOp {
	out := map[token.Pos]*ssa.BinOp{}
	for _, fn := range srcfuncs.All(s) {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				if op, ok := instr.(*ssa.BinOp); ok && (op.Op == token.EQL || op.Op == token.NEQ) && op.Pos().IsValid() {
					out[op.Pos()] = op
				}
			}
		}
	}
	return out
}

// check reports cond when the value it compares with nil is never nil.
func check(pass *analysis.Pass, cond *ast.BinaryExpr, cmp *ssa.BinOp) {
	v := cmp.X
	var origins []ssa.Value
	if !neverNil(v, true, map[ssa.Value]bool{}, &origins) {
		return
	}
	qualifier := "always"
	if cond.Op == token.EQL {
		qualifier = "never"
	}
	msg := fmt.Sprintf("this nil check is %s true", qualifier)
	_, isFunc := v.(*ssa.Function)
	var related []analysis.RelatedInformation
	if id, ok := ast.Unparen(cond.X).(*ast.Ident); ok && isVar(pass.TypesInfo.ObjectOf(id)) {
		if v.Parent() == cmp.Parent() {
			slices.SortFunc(origins, func(a, b ssa.Value) int { return int(a.Pos() - b.Pos()) })
			text := "this is the value of " + id.Name
			if len(origins) > 1 {
				text = "this is one of the value of " + id.Name
			}
			for _, o := range origins {
				if o.Pos().IsValid() {
					related = append(related, analysis.RelatedInformation{Pos: o.Pos(), Message: text})
				}
			}
		}
		switch v.(type) {
		case *ssa.MakeClosure, *ssa.Function:
			msg = "the checked variable contains a function and is never nil; did you mean to call it?"
		}
	} else if isFunc {
		msg = "functions are never nil; did you mean to call it?"
	}
	pass.Report(analysis.Diagnostic{Pos: cond.Pos(), End: cond.End(), Message: msg, Related: related})
}

func isVar(obj types.Object) bool {
	_, ok := obj.(*types.Var)
	return ok
}

// neverNil reports whether v is never nil: an allocation, a function, or a
// slice or field address of one, or a phi all of whose edges are. The
// values that make it so are appended to origins when track is set (a
// slice's or field address's operand is not an origin of its own).
func neverNil(v ssa.Value, track bool, seen map[ssa.Value]bool, origins *[]ssa.Value) bool {
	if seen[v] {
		return true // a loop back to a phi already being decided
	}
	seen[v] = true
	switch v := v.(type) {
	case *ssa.MakeClosure, *ssa.Function, *ssa.MakeChan, *ssa.MakeMap, *ssa.MakeSlice, *ssa.Alloc:
		if track {
			*origins = append(*origins, v)
		}
		return true
	case *ssa.Slice:
		if track {
			*origins = append(*origins, v)
		}
		return neverNil(v.X, false, seen, origins)
	case *ssa.FieldAddr:
		if track {
			*origins = append(*origins, v)
		}
		return neverNil(v.X, false, seen, origins)
	case *ssa.Phi:
		for _, e := range v.Edges {
			if !neverNil(e, true, seen, origins) {
				return false
			}
		}
		return true
	}
	return false
}
