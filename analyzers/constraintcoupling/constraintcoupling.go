package constraintcoupling

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/riskvet/riskvet/analyzers/internal/generated"
	"github.com/riskvet/riskvet/analyzers/internal/limit"
	"github.com/riskvet/riskvet/internal/docsection"
)

//go:embed doc.go
var doc string

// Analyzer reports type parameters whose constraints couple more than
// -constraintcoupling.max other type parameters, or that are on a cycle of
// such references.
var Analyzer = &analysis.Analyzer{
	Name:     "constraintcoupling",
	Doc:      docsection.MustExtract(doc, "Analyzer", "constraintcoupling"),
	URL:      "https://github.com/riskvet/riskvet/blob/main/docs/checks.md#constraintcoupling",
	Requires: []*analysis.Analyzer{inspect.Analyzer},
	Run:      run,
}

// DefaultMax is the default of -constraintcoupling.max.
const DefaultMax = 1

// MinMax is the least value -constraintcoupling.max accepts.
const MinMax = 0

var (
	maxRefs          int
	includeGenerated *bool
)

func init() {
	limit.Var(&Analyzer.Flags, &maxRefs, "max", DefaultMax, MinMax,
		"report a type parameter whose constraint refers to more than this many other type parameters")
	includeGenerated = generated.Flag(&Analyzer.Flags)
}

func run(pass *analysis.Pass) (any, error) {
	insp := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	filter := []ast.Node{(*ast.FuncDecl)(nil), (*ast.TypeSpec)(nil)}
	for file := range generated.Files(insp, *includeGenerated) {
		for c := range file.Preorder(filter...) {
			switch n := c.Node().(type) {
			case *ast.FuncDecl:
				checkList(pass, n.Type.TypeParams) // nil for methods: see the type declaration
			case *ast.TypeSpec:
				checkList(pass, n.TypeParams)
			}
		}
	}
	return nil, nil
}

// checkList reports the type parameters of one list that refer to too many
// others or are on a cycle of references.
func checkList(pass *analysis.Pass, list *ast.FieldList) {
	if list == nil {
		return
	}
	var idents []*ast.Ident
	for _, field := range list.List {
		idents = append(idents, field.Names...)
	}
	params := make([]*types.TypeParam, len(idents))
	for i, id := range idents {
		obj := pass.TypesInfo.Defs[id]
		if obj == nil {
			return // the list did not type-check
		}
		tp, ok := obj.Type().(*types.TypeParam)
		if !ok {
			return
		}
		params[i] = tp
	}
	refs := References(params)
	for i, id := range idents {
		var msg strings.Builder
		if len(refs[i]) > maxRefs {
			fmt.Fprintf(&msg, "type parameter %s's constraint couples %d other type %s (%s); max is %d",
				id.Name, len(refs[i]), plural(len(refs[i]), "parameter", "parameters"), names(params, refs[i]), maxRefs)
		}
		if cycle := Cycle(refs, i); cycle != nil {
			if msg.Len() == 0 {
				fmt.Fprintf(&msg, "type parameter %s's constraint is on a reference cycle %s", id.Name, path(params, cycle))
			} else {
				fmt.Fprintf(&msg, ", and is on a reference cycle %s", path(params, cycle))
			}
		}
		if msg.Len() > 0 {
			pass.Report(analysis.Diagnostic{Pos: id.Pos(), End: id.End(), Message: msg.String()})
		}
	}
}

// References returns, for each type parameter of one list, the indices (in
// list order) of the other parameters of the list that appear in the method
// signatures of its constraint. Type terms (~[]E, unions, *T) are not
// methods and so never count, and a parameter never refers to itself.
func References(params []*types.TypeParam) [][]int {
	index := make(map[*types.TypeParam]int, len(params))
	for i, tp := range params {
		index[tp] = i
	}
	refs := make([][]int, len(params))
	for i, tp := range params {
		iface, ok := tp.Constraint().Underlying().(*types.Interface)
		if !ok {
			continue // an invalid constraint, already reported by the compiler
		}
		found := make([]bool, len(params))
		w := walker{seen: map[*types.Interface]bool{}, visit: func(q *types.TypeParam) {
			if j, ok := index[q]; ok && j != i {
				found[j] = true
			}
		}}
		// Methods includes those of embedded interfaces, with any type
		// arguments of an instantiated interface substituted.
		for m := range iface.Methods() {
			w.walk(m.Type())
		}
		for j, ok := range found {
			if ok {
				refs[i] = append(refs[i], j)
			}
		}
	}
	return refs
}

// Cycle returns the shortest cycle of references through parameter i, as
// indices starting and ending with i, or nil if i is on no cycle.
func Cycle(refs [][]int, i int) []int {
	// Breadth-first from i's successors back to i; lists are tiny.
	prev := make([]int, len(refs))
	for j := range prev {
		prev[j] = -1
	}
	queue := []int{}
	for _, j := range refs[i] {
		prev[j] = i
		queue = append(queue, j)
	}
	for len(queue) > 0 {
		j := queue[0]
		queue = queue[1:]
		if j == i {
			// Walk back from i to one of its own successors, then reverse.
			var back []int
			for k := prev[i]; k != i; k = prev[k] {
				back = append(back, k)
			}
			cycle := []int{i}
			for k := len(back) - 1; k >= 0; k-- {
				cycle = append(cycle, back[k])
			}
			return append(cycle, i)
		}
		for _, k := range refs[j] {
			if prev[k] == -1 {
				prev[k] = j
				queue = append(queue, k)
			}
		}
	}
	return nil
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

func names(params []*types.TypeParam, idx []int) string {
	s := make([]string, len(idx))
	for k, j := range idx {
		s[k] = params[j].Obj().Name()
	}
	return strings.Join(s, ", ")
}

func path(params []*types.TypeParam, idx []int) string {
	s := make([]string, len(idx))
	for k, j := range idx {
		s[k] = params[j].Obj().Name()
	}
	return strings.Join(s, " -> ")
}

// walker visits every type parameter mentioned in a type.
type walker struct {
	seen  map[*types.Interface]bool
	visit func(*types.TypeParam)
}

func (w walker) walk(t types.Type) {
	switch t := types.Unalias(t).(type) {
	case *types.TypeParam:
		w.visit(t)
	case *types.Named:
		// Only type arguments: a named type's body is not part of the
		// signature a reader sees.
		for a := range t.TypeArgs().Types() {
			w.walk(a)
		}
	case *types.Pointer:
		w.walk(t.Elem())
	case *types.Slice:
		w.walk(t.Elem())
	case *types.Array:
		w.walk(t.Elem())
	case *types.Chan:
		w.walk(t.Elem())
	case *types.Map:
		w.walk(t.Key())
		w.walk(t.Elem())
	case *types.Signature:
		// Not the receiver: for an interface method it is the interface.
		w.walk(t.Params())
		w.walk(t.Results())
	case *types.Tuple:
		for v := range t.Variables() {
			w.walk(v.Type())
		}
	case *types.Struct:
		for f := range t.Fields() {
			w.walk(f.Type())
		}
	case *types.Interface:
		if w.seen[t] {
			return
		}
		w.seen[t] = true
		for m := range t.Methods() {
			w.walk(m.Type())
		}
	}
}
