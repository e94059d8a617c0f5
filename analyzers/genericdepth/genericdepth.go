package genericdepth

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/types"
	"strings"
	"unicode/utf8"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/riskvet/riskvet/analyzers/internal/generated"
	"github.com/riskvet/riskvet/analyzers/internal/limit"
	"github.com/riskvet/riskvet/internal/docsection"
)

//go:embed doc.go
var doc string

// Analyzer reports generic instantiations nested deeper than -genericdepth.max.
var Analyzer = &analysis.Analyzer{
	Name:     "genericdepth",
	Doc:      docsection.MustExtract(doc, "Analyzer", "genericdepth"),
	URL:      "https://github.com/riskvet/riskvet/blob/main/docs/checks.md#genericdepth",
	Requires: []*analysis.Analyzer{inspect.Analyzer},
	Run:      run,
}

// DefaultMax is the default of -genericdepth.max.
const DefaultMax = 3

// MinMax is the least value -genericdepth.max accepts.
const MinMax = 1

// MaxQuote is the longest expression, in characters, a message quotes in
// full; a longer one is shortened (see quote).
const MaxQuote = 80

var (
	maxDepth         int
	aliases          = aliasMode("names")
	includeGenerated *bool
)

func init() {
	limit.Var(&Analyzer.Flags, &maxDepth, "max", DefaultMax, MinMax, "report generic instantiations nested deeper than this")
	Analyzer.Flags.Var(&aliases, "aliases", "how an alias counts: names (one level, as written) or expand (the depth of the type it stands for)")
	includeGenerated = generated.Flag(&Analyzer.Flags)
}

// aliasMode is the value of -genericdepth.aliases.
type aliasMode string

func (m *aliasMode) String() string { return string(*m) }

func (m *aliasMode) Set(s string) error {
	if s != "names" && s != "expand" {
		return fmt.Errorf("want names or expand, not %q", s)
	}
	*m = aliasMode(s)
	return nil
}

func run(pass *analysis.Pass) (any, error) {
	insp := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	filter := []ast.Node{(*ast.IndexExpr)(nil), (*ast.IndexListExpr)(nil)}
	expand := aliases == "expand"
	for file := range generated.Files(insp, *includeGenerated) {
		// Inspect visits an expression before the ones nested in it, and
		// not descending into a reported one keeps one finding per
		// outermost expression.
		file.Inspect(filter, func(c inspector.Cursor) bool {
			e := c.Node().(ast.Expr)
			tv, ok := pass.TypesInfo.Types[e]
			if !ok || !tv.IsType() {
				return true // an index or a function instantiation: its type arguments are visited on their own
			}
			var d int
			var chain []string
			if expand {
				d = Depth(tv.Type)
			} else {
				d, chain = readerDepth(pass.TypesInfo, e)
			}
			if d <= maxDepth {
				return true
			}
			if expand {
				chain = typeChain(pass.Pkg, tv.Type)
			}
			pass.Report(analysis.Diagnostic{
				Pos:     e.Pos(),
				End:     e.End(),
				Message: message(pass.TypesInfo, c, d, chain, expand),
			})
			return false
		})
	}
	return nil, nil
}

// message states the depth, the limit, the expression (shortened if long),
// the chain of the deepest path and advice that fits the place.
func message(info *types.Info, c inspector.Cursor, d int, chain []string, expand bool) string {
	e := c.Node().(ast.Expr)
	var b strings.Builder
	fmt.Fprintf(&b, "generic nesting depth %d exceeds %d in %s (%s)", d, maxDepth, quote(info, e), strings.Join(chain, " → "))
	var crossed []string
	if expand {
		crossed = aliasesIn(info, e)
	}
	switch {
	case len(crossed) > 0:
		// Naming an intermediate type with another alias would change
		// nothing in this mode.
		fmt.Fprintf(&b, "; %s %s expanded: only a defined type resets the depth",
			plural(len(crossed), "alias", "aliases"), strings.Join(crossed, ", "))
	case isDeclared(c):
		// The declaration already names the type: the cure is to name one
		// of its inner levels, not to name it again.
		b.WriteString("; name one of its inner levels")
	default:
		b.WriteString("; name an intermediate type")
	}
	return b.String()
}

// isDeclared reports whether c is the whole right-hand side of a type
// declaration (alias or defined), parentheses aside.
func isDeclared(c inspector.Cursor) bool {
	for c.ParentEdgeKind() == edge.ParenExpr_X {
		c = c.Parent()
	}
	return c.ParentEdgeKind() == edge.TypeSpec_Type
}

// readerDepth returns the generic nesting depth of the type expression e as
// a reader sees it, and the names along its deepest path: an instantiation
// counts 1 plus its deepest type argument, and a name counts 0, an alias
// written without brackets included: like a defined type's name, it is one
// word to the reader, however deep the type it stands for (judged on fp-go,
// counting such an alias as a level gave 3 noise findings of 5). Types the
// reader does not see (what an alias stands for, a defined type's
// underlying type) never count.
func readerDepth(info *types.Info, e ast.Expr) (int, []string) {
	switch e := e.(type) {
	case *ast.ParenExpr:
		return readerDepth(info, e.X)
	case *ast.IndexExpr, *ast.IndexListExpr:
		if tv, ok := info.Types[e]; !ok || !tv.IsType() {
			return 0, nil // an index in an array length, or a function instantiation
		}
		x, args := unpackIndex(e)
		d, chain := deepest(info, args...)
		return 1 + d, append([]string{types.ExprString(x)}, chain...)
	case *ast.StarExpr:
		return readerDepth(info, e.X)
	case *ast.ArrayType:
		return readerDepth(info, e.Elt) // the length is a value
	case *ast.Ellipsis:
		if e.Elt == nil {
			return 0, nil
		}
		return readerDepth(info, e.Elt)
	case *ast.MapType:
		return deepest(info, e.Key, e.Value)
	case *ast.ChanType:
		return readerDepth(info, e.Value)
	case *ast.FuncType:
		return deepest(info, append(fieldTypes(e.Params), fieldTypes(e.Results)...)...)
	case *ast.StructType:
		return deepest(info, fieldTypes(e.Fields)...)
	case *ast.InterfaceType:
		return deepest(info, fieldTypes(e.Methods)...)
	case *ast.BinaryExpr: // a union, A | B
		return deepest(info, e.X, e.Y)
	case *ast.UnaryExpr: // ~T
		return readerDepth(info, e.X)
	}
	return 0, nil
}

// deepest returns the largest readerDepth among es and its chain; the first
// of equals wins, so the chain follows the leftmost deepest path.
func deepest(info *types.Info, es ...ast.Expr) (int, []string) {
	best, chain := 0, []string(nil)
	for _, e := range es {
		if d, c := readerDepth(info, e); d > best {
			best, chain = d, c
		}
	}
	return best, chain
}

func fieldTypes(l *ast.FieldList) []ast.Expr {
	if l == nil {
		return nil
	}
	out := make([]ast.Expr, 0, len(l.List))
	for _, f := range l.List {
		out = append(out, f.Type)
	}
	return out
}

// unpackIndex returns the generic of an instantiation and its arguments.
func unpackIndex(e ast.Expr) (ast.Expr, []ast.Expr) {
	switch e := e.(type) {
	case *ast.IndexExpr:
		return e.X, []ast.Expr{e.Index}
	case *ast.IndexListExpr:
		return e.X, e.Indices
	}
	return nil, nil
}

// typeName returns the type name an identifier or qualified identifier
// refers to, or nil.
func typeName(info *types.Info, e ast.Expr) *types.TypeName {
	var id *ast.Ident
	switch e := e.(type) {
	case *ast.Ident:
		id = e
	case *ast.SelectorExpr:
		id = e.Sel
	}
	obj, _ := info.Uses[id].(*types.TypeName)
	return obj
}

// aliasesIn returns the names of the aliases written in e, in order, once
// each.
func aliasesIn(info *types.Info, e ast.Expr) []string {
	var out []string
	seen := map[string]bool{}
	ast.Inspect(e, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.SelectorExpr, *ast.Ident:
			name := types.ExprString(n.(ast.Expr))
			if obj := typeName(info, n.(ast.Expr)); obj != nil && obj.IsAlias() && !seen[name] {
				seen[name] = true
				out = append(out, name)
			}
			return false // a qualified name's parts are not names of their own
		}
		return true
	})
	return out
}

// quote returns e as written, or, when that is longer than MaxQuote
// characters, with the type arguments off the deepest path written as "…",
// cut at MaxQuote characters with a final "…" if still too long.
func quote(info *types.Info, e ast.Expr) string {
	s := types.ExprString(e)
	if utf8.RuneCountInString(s) <= MaxQuote {
		return s
	}
	s = types.ExprString(abbreviate(info, e))
	if utf8.RuneCountInString(s) <= MaxQuote {
		return s
	}
	return string([]rune(s)[:MaxQuote-1]) + "…"
}

// ellipsis stands for the type arguments a shortened quote leaves out.
var ellipsis = &ast.Ident{Name: "…"}

// abbreviate returns a copy of e in which the type arguments of each
// instantiation that are not on its deepest reader path are replaced by
// ellipsis. Nodes off the path are shared with e, never changed.
func abbreviate(info *types.Info, e ast.Expr) ast.Expr {
	switch e := e.(type) {
	case *ast.ParenExpr:
		c := *e
		c.X = abbreviate(info, e.X)
		return &c
	case *ast.StarExpr:
		c := *e
		c.X = abbreviate(info, e.X)
		return &c
	case *ast.ArrayType:
		c := *e
		c.Elt = abbreviate(info, e.Elt)
		return &c
	case *ast.ChanType:
		c := *e
		c.Value = abbreviate(info, e.Value)
		return &c
	case *ast.MapType:
		c := *e
		c.Key, c.Value = abbreviate(info, e.Key), abbreviate(info, e.Value)
		return &c
	case *ast.IndexExpr, *ast.IndexListExpr:
		x, args := unpackIndex(e)
		keep, best := -1, 0
		for i, a := range args {
			if d, _ := readerDepth(info, a); d > best || keep < 0 {
				keep, best = i, d
			}
		}
		out := make([]ast.Expr, len(args))
		for i, a := range args {
			out[i] = ellipsis
			if i == keep {
				out[i] = abbreviate(info, a)
			}
		}
		if len(out) == 1 {
			return &ast.IndexExpr{X: x, Index: out[0]}
		}
		return &ast.IndexListExpr{X: x, Indices: out}
	}
	return e
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// Depth returns the generic nesting depth of t: 0 for a type that is not an
// instantiated generic type, 1 plus the largest depth among the type
// arguments for one that is. Aliases are looked through; a defined type
// without type arguments counts 0 whatever its underlying type; composite
// types count the deepest type they contain. It is the depth of
// -genericdepth.aliases=expand.
func Depth(t types.Type) int {
	switch t := types.Unalias(t).(type) {
	case *types.Named:
		// Only type arguments count: the underlying type of a named type is
		// behind a name the reader can look up once.
		args := t.TypeArgs()
		if args.Len() == 0 {
			return 0
		}
		d := 0
		for a := range args.Types() {
			d = max(d, Depth(a))
		}
		return 1 + d
	case *types.Pointer:
		return Depth(t.Elem())
	case *types.Slice:
		return Depth(t.Elem())
	case *types.Array:
		return Depth(t.Elem())
	case *types.Chan:
		return Depth(t.Elem())
	case *types.Map:
		return max(Depth(t.Key()), Depth(t.Elem()))
	case *types.Signature:
		return max(tupleDepth(t.Params()), tupleDepth(t.Results()))
	case *types.Tuple:
		return tupleDepth(t)
	case *types.Struct:
		d := 0
		for f := range t.Fields() {
			d = max(d, Depth(f.Type()))
		}
		return d
	case *types.Interface:
		// Interface literals cannot refer to themselves except through a
		// named type, which stops the recursion above.
		d := 0
		for m := range t.ExplicitMethods() {
			d = max(d, Depth(m.Type()))
		}
		for e := range t.EmbeddedTypes() {
			d = max(d, Depth(e))
		}
		return d
	case *types.Union:
		d := 0
		for term := range t.Terms() {
			d = max(d, Depth(term.Type()))
		}
		return d
	}
	// Basic types and type parameters.
	return 0
}

func tupleDepth(t *types.Tuple) int {
	d := 0
	for v := range t.Variables() {
		d = max(d, Depth(v.Type()))
	}
	return d
}

// typeChain returns the names of the instantiated types along the deepest
// path of t as Depth measures it (the first of equals), qualified as pkg's
// code writes them. It runs only for a finding, so it may allocate where
// Depth must not.
func typeChain(pkg *types.Package, t types.Type) []string {
	var parts []types.Type
	switch t := types.Unalias(t).(type) {
	case *types.Named:
		if t.TypeArgs().Len() == 0 {
			return nil
		}
		name := t.Obj().Name()
		if p := t.Obj().Pkg(); p != nil && p != pkg {
			name = p.Name() + "." + name
		}
		var next types.Type
		best := 0
		for a := range t.TypeArgs().Types() {
			if d := Depth(a); d > best {
				next, best = a, d
			}
		}
		if next == nil {
			return []string{name}
		}
		return append([]string{name}, typeChain(pkg, next)...)
	case *types.Pointer:
		parts = []types.Type{t.Elem()}
	case *types.Slice:
		parts = []types.Type{t.Elem()}
	case *types.Array:
		parts = []types.Type{t.Elem()}
	case *types.Chan:
		parts = []types.Type{t.Elem()}
	case *types.Map:
		parts = []types.Type{t.Key(), t.Elem()}
	case *types.Signature:
		for v := range t.Params().Variables() {
			parts = append(parts, v.Type())
		}
		for v := range t.Results().Variables() {
			parts = append(parts, v.Type())
		}
	case *types.Struct:
		for f := range t.Fields() {
			parts = append(parts, f.Type())
		}
	case *types.Interface:
		for m := range t.ExplicitMethods() {
			parts = append(parts, m.Type())
		}
		for e := range t.EmbeddedTypes() {
			parts = append(parts, e)
		}
	case *types.Union:
		for term := range t.Terms() {
			parts = append(parts, term.Type())
		}
	}
	var next types.Type
	best := 0
	for _, p := range parts {
		if d := Depth(p); d > best {
			next, best = p, d
		}
	}
	if next == nil {
		return nil
	}
	return typeChain(pkg, next)
}
