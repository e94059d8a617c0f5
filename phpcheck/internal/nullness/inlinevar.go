package nullness

import (
	"bytes"
	"strings"

	"github.com/VKCOM/php-parser/pkg/ast"
	"github.com/VKCOM/php-parser/pkg/token"

	"github.com/riskvet/riskvet/phpcheck/index"
	"github.com/riskvet/riskvet/phpcheck/internal/flow"
)

// docVar is one inline `/** @var T $x */` tag: the project states a
// variable's type from that statement on, as PHPStan and Psalm read it.
type docVar struct {
	name string // "$x", or "" for the bare `/** @var T */` form
	t    index.Type
	line int32
}

// inlineVars reads the @var, @phpstan-var and @psalm-var tags of the doc
// comments before statement st. Tags naming a variable the statement
// assigns (or a foreach's loop variables) are returned, to apply after the
// assignment (or at the start of each pass); the others apply now. Only a
// statement that starts with a doc comment costs more than one check.
func (a *analyzer) inlineVars(st ast.Vertex, s *State) []docVar {
	tok := stmtToken(st, 0)
	if tok == nil || s.dead {
		return nil
	}
	var later []docVar
	for _, ff := range tok.FreeFloating {
		if ff.ID != token.T_DOC_COMMENT || !bytes.Contains(ff.Value, []byte("var")) {
			continue
		}
		ln := int32(0)
		if ff.Position != nil {
			ln = int32(ff.Position.StartLine)
		}
		for _, dv := range a.docVars(string(ff.Value), ln) {
			if assigns(st, dv.name) {
				later = append(later, dv)
			} else if dv.name != "" {
				a.applyVar(dv, dv.name, s)
			}
		}
	}
	return later
}

// applyVars applies deferred tags after their statement's assignment; a
// bare tag applies to name, the variable assigned.
func (a *analyzer) applyVars(vars []docVar, name string, s *State) {
	for _, dv := range vars {
		n := dv.name
		if n == "" {
			n = name
		}
		a.applyVar(dv, n, s)
	}
}

// assigned returns the variable an assignment expression writes, or "".
func assigned(e ast.Vertex) string {
	switch e := e.(type) {
	case *ast.ExprAssign:
		return varName(e.Var)
	case *ast.ExprAssignReference:
		return varName(e.Var)
	case *ast.ExprAssignCoalesce:
		return varName(e.Var)
	}
	return ""
}

// applyVar sets a variable to its stated type: a non-null T makes it
// non-null (the author asserts it), a T with null maybe null.
func (a *analyzer) applyVar(dv docVar, name string, s *State) {
	if s.dead || name == "" || name == "$this" {
		return
	}
	// No kill: the tag states the variable's type, it does not assign it,
	// so what is known of its properties stays.
	switch {
	case dv.t.Nullable:
		s.set(name, Value{N: Maybe, Class: dv.t.Class(), Why: a.here(whyInlineVar, dv.line)})
	case dv.t.NonNull:
		s.set(name, Value{N: NonNull, Class: dv.t.Class()})
	}
}

// varTags are the inline tags that state a variable's type.
var varTags = []string{"@var", "@phpstan-var", "@psalm-var"}

// docVars parses every variable tag of a doc comment.
func (a *analyzer) docVars(doc string, ln int32) []docVar {
	var out []docVar
	for _, line := range strings.Split(doc, "\n") {
		for _, tag := range varTags {
			i := strings.Index(line, tag)
			if i < 0 {
				continue
			}
			rest := line[i+len(tag):]
			if rest == "" || rest[0] != ' ' && rest[0] != '\t' {
				continue
			}
			t, ok := index.DocType(a.names, line[i:], tag, a.class(), a.parent())
			if !ok {
				// PhpStorm's order, `@var $x T`, is common in older code.
				first, typ := index.SplitDocType(rest)
				name := leadingVar(first)
				if name == "" {
					continue
				}
				if t, ok = index.DocType(a.names, tag+" "+typ, tag, a.class(), a.parent()); ok {
					out = append(out, docVar{name: name, t: t, line: ln})
				}
				continue
			}
			out = append(out, docVar{name: varAfterType(rest), t: t, line: ln})
		}
	}
	return out
}

// varAfterType returns the "$name" that follows the type in a tag's text,
// or "".
func varAfterType(s string) string {
	_, s = index.SplitDocType(s)
	return leadingVar(strings.TrimLeft(s, " \t"))
}

// leadingVar returns the "$name" that s starts with, or "".
func leadingVar(s string) string {
	if len(s) < 2 || s[0] != '$' {
		return ""
	}
	end := 1
	for end < len(s) && isIdent(s[1:end+1]) {
		end++
	}
	if end == 1 {
		return ""
	}
	return s[:end]
}

// assigns reports whether statement st assigns variable name (for a bare
// tag, name ""), or is a foreach whose loop variable it is: its tag then
// applies after the assignment.
func assigns(st ast.Vertex, name string) bool {
	switch st := st.(type) {
	case *ast.StmtExpression:
		switch e := st.Expr.(type) {
		case *ast.ExprAssign:
			return name == "" || varName(e.Var) == name || listAssigns(e.Var, name, 0)
		case *ast.ExprAssignReference:
			return name == "" || varName(e.Var) == name
		case *ast.ExprAssignCoalesce:
			return name == "" || varName(e.Var) == name
		}
	case *ast.StmtForeach:
		return name != "" && (varName(st.Var) == name || varName(st.Key) == name)
	}
	return false
}

// listAssigns reports whether a list() or [...] target writes name.
func listAssigns(v ast.Vertex, name string, depth int) bool {
	var items []ast.Vertex
	switch l := v.(type) {
	case *ast.ExprList:
		items = l.Items
	case *ast.ExprArray:
		items = l.Items
	}
	if depth > maxKeyDepth {
		return false
	}
	for _, it := range items {
		if it, ok := it.(*ast.ExprArrayItem); ok && (varName(it.Val) == name || listAssigns(it.Val, name, depth+1)) {
			return true
		}
	}
	return false
}

// stmtToken returns the first token of a statement, whose free-floating
// tokens hold the doc comments written before it.
func stmtToken(st ast.Vertex, depth int) *token.Token {
	switch st := st.(type) {
	case *ast.StmtExpression:
		return exprToken(st.Expr, depth)
	case *ast.StmtIf:
		return st.IfTkn
	case *ast.StmtForeach:
		return st.ForeachTkn
	case *ast.StmtFor:
		return st.ForTkn
	case *ast.StmtWhile:
		return st.WhileTkn
	case *ast.StmtDo:
		return st.DoTkn
	case *ast.StmtReturn:
		return st.ReturnTkn
	case *ast.StmtEcho:
		return st.EchoTkn
	case *ast.StmtSwitch:
		return st.SwitchTkn
	case *ast.StmtTry:
		return st.TryTkn
	case *ast.StmtThrow:
		return st.ThrowTkn
	case *ast.StmtUnset:
		return st.UnsetTkn
	case *ast.StmtStmtList:
		return st.OpenCurlyBracketTkn
	}
	return nil
}

// exprToken returns the first token of an expression statement's
// expression, following its leftmost operand.
func exprToken(e ast.Vertex, depth int) *token.Token {
	if depth > maxKeyDepth {
		return nil
	}
	switch e := e.(type) {
	case *ast.ExprVariable:
		if id, ok := e.Name.(*ast.Identifier); ok {
			return id.IdentifierTkn
		}
		return e.DollarTkn
	case *ast.ExprAssign:
		return exprToken(e.Var, depth+1)
	case *ast.ExprAssignReference:
		return exprToken(e.Var, depth+1)
	case *ast.ExprAssignCoalesce:
		return exprToken(e.Var, depth+1)
	case *ast.ExprMethodCall:
		return exprToken(e.Var, depth+1)
	case *ast.ExprNullsafeMethodCall:
		return exprToken(e.Var, depth+1)
	case *ast.ExprPropertyFetch:
		return exprToken(e.Var, depth+1)
	case *ast.ExprNullsafePropertyFetch:
		return exprToken(e.Var, depth+1)
	case *ast.ExprArrayDimFetch:
		return exprToken(e.Var, depth+1)
	case *ast.ExprStaticCall:
		return exprToken(e.Class, depth+1)
	case *ast.ExprStaticPropertyFetch:
		return exprToken(e.Class, depth+1)
	case *ast.ExprFunctionCall:
		return exprToken(e.Function, depth+1)
	case *ast.ExprList:
		return firstOf(e.ListTkn, e.OpenBracketTkn)
	case *ast.ExprArray:
		return firstOf(e.ArrayTkn, e.OpenBracketTkn)
	case *ast.ExprNew:
		return e.NewTkn
	case *ast.ExprBrackets:
		return e.OpenParenthesisTkn
	case *ast.ExprBooleanNot:
		return e.ExclamationTkn
	case *ast.ExprErrorSuppress:
		return e.AtTkn
	case *ast.ExprExit:
		return e.ExitTkn
	case *ast.ExprThrow:
		return e.ThrowTkn
	case *ast.ExprYield:
		return e.YieldTkn
	case *ast.ExprPreInc:
		return e.IncTkn
	case *ast.ExprPreDec:
		return e.DecTkn
	case *ast.ExprPostInc:
		return exprToken(e.Var, depth+1)
	case *ast.ExprPostDec:
		return exprToken(e.Var, depth+1)
	case *ast.Name:
		if len(e.Parts) > 0 {
			if p, ok := e.Parts[0].(*ast.NamePart); ok {
				return p.StringTkn
			}
		}
	case *ast.NameFullyQualified:
		return e.NsSeparatorTkn
	case *ast.NameRelative:
		return e.NsTkn
	case *ast.Identifier:
		return e.IdentifierTkn
	}
	if l, _ := flow.BinaryOperands(e); l != nil {
		return exprToken(l, depth+1)
	}
	return nil
}

// firstOf returns the first token that is not nil.
func firstOf(a, b *token.Token) *token.Token {
	if a != nil {
		return a
	}
	return b
}
