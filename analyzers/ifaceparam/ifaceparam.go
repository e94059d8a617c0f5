package ifaceparam

import (
	_ "embed"
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/riskvet/riskvet/analyzers/internal/exempt"
	"github.com/riskvet/riskvet/analyzers/internal/generated"
	"github.com/riskvet/riskvet/analyzers/internal/tparams"
	"github.com/riskvet/riskvet/internal/docsection"
)

//go:embed doc.go
var doc string

// Analyzer reports type parameters an interface parameter could replace.
var Analyzer = &analysis.Analyzer{
	Name:     "ifaceparam",
	Doc:      docsection.MustExtract(doc, "Analyzer", "ifaceparam"),
	URL:      "https://github.com/riskvet/riskvet/blob/main/docs/checks.md#ifaceparam",
	Requires: []*analysis.Analyzer{inspect.Analyzer},
	Run:      run,
}

// includeGenerated is -ifaceparam.generated: also check generated files.
var includeGenerated *bool

func init() { includeGenerated = generated.Flag(&Analyzer.Flags) }

func run(pass *analysis.Pass) (any, error) {
	insp := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	// Built at the first generic function: most packages declare none,
	// and the walk over every call and use would be wasted on them.
	var values map[types.Object]bool
	for d := range exempt.Generics(pass, insp, *includeGenerated) {
		// Only functions: Generics yields no methods, whose type parameters
		// are the receiver's, which an interface cannot replace. (A generic
		// function always has a body.)
		if d.Func == nil {
			continue
		}
		if values == nil {
			values = funcValues(pass, insp)
		}
		if !values[pass.TypesInfo.Defs[d.Name]] {
			check(pass, d.Func)
		}
	}
	return nil, nil
}

// funcValues returns the functions of the package used as values rather
// than called: Close[R] passed where a func(R) is expected needs its type
// parameter, since a func(io.Closer) is not a func(*os.File). Test files
// count: a use there is a use.
func funcValues(pass *analysis.Pass, insp *inspector.Inspector) map[types.Object]bool {
	called := map[*ast.Ident]bool{}
	for n := range insp.PreorderSeq((*ast.CallExpr)(nil)) {
		fun := ast.Unparen(n.(*ast.CallExpr).Fun)
		switch f := fun.(type) {
		case *ast.IndexExpr:
			fun = f.X
		case *ast.IndexListExpr:
			fun = f.X
		}
		if sel, ok := fun.(*ast.SelectorExpr); ok {
			fun = sel.Sel
		}
		if id, ok := fun.(*ast.Ident); ok {
			called[id] = true
		}
	}
	values := map[types.Object]bool{}
	for id, obj := range pass.TypesInfo.Uses {
		if fn, ok := obj.(*types.Func); ok && fn.Pkg() == pass.Pkg && !called[id] {
			values[fn.Origin()] = true
		}
	}
	return values
}

// check reports each type parameter of decl that an interface parameter
// could replace.
func check(pass *analysis.Pass, decl *ast.FuncDecl) {
	fn, ok := pass.TypesInfo.Defs[decl.Name].(*types.Func)
	if !ok {
		return
	}
	sig := fn.Signature()
	for i := range sig.TypeParams().Len() {
		tp := sig.TypeParams().At(i)
		iface, ok := tp.Constraint().Underlying().(*types.Interface)
		// A plain method set: no type terms, not comparable, at least one
		// method, and no method that mentions T itself (T interface{
		// Less(T) bool } needs T; an interface cannot say "the same type").
		if !ok || !iface.IsMethodSet() || iface.NumMethods() == 0 || tparams.Occurrences(iface, tp) > 0 {
			continue
		}
		param := soleParam(sig, i, tp)
		if param == nil || !bodyNeedsOnlyInterface(pass, decl.Body, tp, param) {
			continue
		}
		ident, cexpr := typeParam(decl, i)
		constraint := types.ExprString(cexpr)
		pass.ReportRangef(ident, "type parameter %s occurs once, as the type of %s, and its constraint %s has %d %s and no type terms: %s %s says the same",
			tp.Obj().Name(), param.Name(), constraint, iface.NumMethods(), plural(iface.NumMethods(), "method", "methods"), param.Name(), constraint)
	}
}

// soleParam returns the parameter whose type is exactly tp, if tp occurs in
// the signature only there: not in the results, not under a pointer, slice
// or type argument, not in another type parameter's constraint, and not as
// a variadic parameter (a ...T argument is a []T, which a []I is not).
func soleParam(sig *types.Signature, index int, tp *types.TypeParam) *types.Var {
	if tparams.Occurrences(sig.Results(), tp) > 0 {
		return nil
	}
	for j := range sig.TypeParams().Len() {
		if j != index && tparams.Occurrences(sig.TypeParams().At(j).Constraint(), tp) > 0 {
			return nil
		}
	}
	var found *types.Var
	for k := range sig.Params().Len() {
		v := sig.Params().At(k)
		n := tparams.Occurrences(v.Type(), tp)
		if n == 0 {
			continue
		}
		if found != nil || n != 1 || v.Type() != tp || sig.Variadic() && k == sig.Params().Len()-1 {
			return nil
		}
		found = v
	}
	if found == nil || found.Name() == "" || found.Name() == "_" {
		return nil
	}
	return found
}

// bodyNeedsOnlyInterface reports whether body uses tp and param only in
// ways an interface-typed parameter allows with the same meaning: param's
// methods called or taken as values, and param passed or converted where an
// interface type is expected. Any other use keeps the type parameter: the
// type named in the body (var zero T, T(x)), param used to instantiate
// another generic (with an interface the callee would get the interface
// type), assigned, its address taken, or stored. A body that never uses
// param is left alone too: such a function is usually a compile-time
// assertion, not an API.
func bodyNeedsOnlyInterface(pass *analysis.Pass, body *ast.BlockStmt, tp *types.TypeParam, param *types.Var) bool {
	ok, used := true, false
	var stack []ast.Node
	ast.Inspect(body, func(n ast.Node) bool {
		if !ok {
			return false
		}
		if n == nil {
			stack = stack[:len(stack)-1]
			return true
		}
		stack = append(stack, n)
		id, isIdent := n.(*ast.Ident)
		if !isIdent {
			return true
		}
		if inst, found := pass.TypesInfo.Instances[id]; found && countList(inst.TypeArgs, tp) > 0 {
			ok = false
			return false
		}
		switch pass.TypesInfo.Uses[id] {
		case tp.Obj():
			ok = false
		case param:
			used = true
			ok = len(stack) >= 2 && interfaceContext(pass, stack[len(stack)-2], id)
		}
		return true
	})
	return ok && used
}

func countList(l *types.TypeList, tp *types.TypeParam) int {
	n := 0
	for t := range l.Types() {
		n += tparams.Occurrences(t, tp)
	}
	return n
}

// interfaceContext reports whether the use id in parent needs no more than
// an interface value: a method selection, or an argument whose parameter or
// conversion target is an interface type.
func interfaceContext(pass *analysis.Pass, parent ast.Node, id *ast.Ident) bool {
	switch p := parent.(type) {
	case *ast.SelectorExpr:
		return p.X == id
	case *ast.CallExpr:
		if p.Fun == id {
			return false
		}
		tv := pass.TypesInfo.Types[p.Fun]
		if tv.IsType() {
			return isInterface(tv.Type)
		}
		sig, ok := tv.Type.Underlying().(*types.Signature)
		if !ok || p.Ellipsis.IsValid() {
			return false
		}
		for k, arg := range p.Args {
			if arg != id {
				continue
			}
			var pt types.Type
			switch n := sig.Params().Len(); {
			case sig.Variadic() && k >= n-1:
				pt = sig.Params().At(n - 1).Type().(*types.Slice).Elem()
			case k < n:
				pt = sig.Params().At(k).Type()
			default:
				return false
			}
			return isInterface(pt)
		}
	}
	return false
}

// isInterface reports whether t is an interface type that is not itself a
// type parameter.
func isInterface(t types.Type) bool {
	if _, ok := types.Unalias(t).(*types.TypeParam); ok {
		return false
	}
	return types.IsInterface(t)
}

// typeParam returns the identifier of decl's i-th type parameter and its
// constraint expression, as written.
func typeParam(decl *ast.FuncDecl, i int) (*ast.Ident, ast.Expr) {
	for _, field := range decl.Type.TypeParams.List {
		if i < len(field.Names) {
			return field.Names[i], field.Type
		}
		i -= len(field.Names)
	}
	return decl.Name, nil
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
