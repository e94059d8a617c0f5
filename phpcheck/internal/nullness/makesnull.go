package nullness

import (
	"maps"
	"slices"
	"strings"

	"github.com/VKCOM/php-parser/pkg/ast"
	"github.com/VKCOM/php-parser/pkg/visitor"
	"github.com/VKCOM/php-parser/pkg/visitor/traverser"

	"github.com/riskvet/riskvet/phpcheck/check"
	"github.com/riskvet/riskvet/phpcheck/index"
)

// MakesNull reports whether root holds code that can make a value null by
// itself: the null constant outside declarations, a call whose name says
// null (is_null, assertNull), or a nullsafe operator. Up to the
// [Inevitable] level every finding starts at such a null, so a file
// without one needs no flow analysis there, and no second parse: most
// files hold "null" only in types, docblocks and nullable parameters'
// defaults, which are contracts, not nulls the function makes.
func MakesNull(root ast.Vertex) bool {
	var m makesNull
	traverser.NewTraverser(&m).Traverse(root)
	return m.found
}

// MayMakeNull says whether root may make a null as [MakesNull] does, or
// call a function or method whose assertion tag may make one (`if
// (isAbsent($x)) { $x->m(); }`), which only the index knows: then the
// answer waits for it ([check.After]), asked of the names called.
func MayMakeNull(root ast.Vertex) check.Relevance {
	m := makesNull{calls: map[string]bool{}}
	traverser.NewTraverser(&m).Traverse(root)
	if m.found {
		return check.Yes
	}
	if len(m.calls) == 0 {
		return check.No
	}
	for _, f := range index.ImportedFuncs(root) { // called by an alias
		m.calls[f] = true
	}
	names := slices.Sorted(maps.Keys(m.calls))
	return check.After(func(ix *index.Index) bool {
		if !ix.AssertsNull("") {
			return false
		}
		return slices.ContainsFunc(names, ix.AssertsNull)
	})
}

// mayFind reports whether the body of decl, a function or method, holds
// a null it makes, a call whose assertion tag may make one (as ix says of
// the functions names resolves a call to), or a declaration of a function
// or class, which the walk analyses from inside it (see
// Options.OnlyNulls).
func mayFind(decl ast.Vertex, ix *index.Index, names *index.Names) bool {
	m := makesNull{nested: decl}
	if ix.AssertsNull("") {
		m.asserts, m.names = ix, names
	}
	traverser.NewTraverser(&m).Traverse(decl)
	return m.found
}

// makesNull is the visitor behind MakesNull. Declarations (parameters,
// properties, constants) are skipped by position: the traverser visits a
// node before its children, and no declaration holds another, so a node
// inside the span of the last declaration seen is one of its children.
// (A span, not an end alone: property hook bodies are grafted onto their
// class after its other statements, out of source order.)
type makesNull struct {
	visitor.Null
	found            bool
	skipPos, skipEnd int
	// nested, when set, is a function or method declaration; any other
	// function or class declared in it counts as found.
	nested ast.Vertex
	// asserts, when set, is the index, asked whether a call's callee has
	// an assertion tag that may make its target null; names resolves a
	// function's name as the walk does (an alias, namespace\f).
	asserts *index.Index
	names   *index.Names
	// calls, when set, collects the short names of the functions and
	// methods called, until a null is found.
	calls map[string]bool
}

func (m *makesNull) StmtFunction(n *ast.StmtFunction) { m.declares(n) }
func (m *makesNull) StmtClass(n *ast.StmtClass)       { m.declares(n) }
func (m *makesNull) StmtTrait(n *ast.StmtTrait)       { m.declares(n) }
func (m *makesNull) StmtEnum(n *ast.StmtEnum)         { m.declares(n) }

func (m *makesNull) declares(n ast.Vertex) {
	if m.nested != nil && n != m.nested {
		m.found = true
	}
}

func (m *makesNull) skip(n ast.Vertex) {
	if p := n.GetPosition(); p != nil {
		m.skipPos, m.skipEnd = p.StartPos, p.EndPos
	}
}

// skipped reports whether n lies inside the last declaration seen.
func (m *makesNull) skipped(n ast.Vertex) bool {
	p := n.GetPosition()
	return p != nil && p.StartPos >= m.skipPos && p.StartPos < m.skipEnd
}

func (m *makesNull) Parameter(n *ast.Parameter)                   { m.skip(n) }
func (m *makesNull) StmtPropertyList(n *ast.StmtPropertyList)     { m.skip(n) }
func (m *makesNull) StmtClassConstList(n *ast.StmtClassConstList) { m.skip(n) }
func (m *makesNull) StmtConstList(n *ast.StmtConstList)           { m.skip(n) }

func (m *makesNull) ExprConstFetch(n *ast.ExprConstFetch) {
	if index.IsNull(n) && !m.skipped(n) {
		m.found = true
	}
}

func (m *makesNull) ExprFunctionCall(n *ast.ExprFunctionCall) {
	name := index.NameString(n.Function)
	if saysNull(name) || m.asserting(name[strings.LastIndexByte(name, '\\')+1:]) {
		m.found = true
	}
	if m.names != nil && !m.found {
		a, b := m.names.FuncCandidates(n.Function)
		for _, full := range [...]string{a, b} {
			m.found = m.found || m.asserting(full[strings.LastIndexByte(full, '\\')+1:])
		}
	}
}

// asserting reports whether a callee of this short name may have an
// assertion that makes a null, when the index is asked; when calls are
// collected, it notes the name.
func (m *makesNull) asserting(name string) bool {
	if m.calls != nil && !m.found && name != "" {
		m.calls[name] = true // AssertsNull ignores case
	}
	return m.asserts != nil && name != "" && m.asserts.AssertsNull(name)
}

func (m *makesNull) ExprMethodCall(n *ast.ExprMethodCall) { m.method(n.Method) }
func (m *makesNull) ExprStaticCall(n *ast.ExprStaticCall) { m.method(n.Call) }

func (m *makesNull) method(name ast.Vertex) {
	if id, ok := name.(*ast.Identifier); ok && (saysNull(string(id.Value)) || m.asserting(string(id.Value))) {
		m.found = true
	}
}

func (m *makesNull) ExprNullsafeMethodCall(*ast.ExprNullsafeMethodCall)       { m.found = true }
func (m *makesNull) ExprNullsafePropertyFetch(*ast.ExprNullsafePropertyFetch) { m.found = true }

func saysNull(name string) bool {
	return len(name) >= 4 && strings.Contains(strings.ToLower(name), "null")
}
