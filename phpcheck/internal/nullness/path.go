package nullness

import (
	"github.com/VKCOM/php-parser/pkg/ast"

	"github.com/riskvet/riskvet/phpcheck/index"
)

// maxKeyDepth bounds the length of tracked paths ($a->b->c->...).
const maxKeyDepth = 8

// appendKey appends the path key of e to buf and reports whether e is a
// trackable path: a variable, a property of a path, a static property, or a
// zero-argument method or static call on a path (remembered between a
// guard and a use, as PHPStan does by default). `?->` links share the key
// of `->` links: after `$a?->b !== null`, `$a->b` is non-null.
func (a *analyzer) appendKey(buf []byte, e ast.Vertex, depth int) ([]byte, bool) {
	if depth > maxKeyDepth {
		return buf, false
	}
	switch e := e.(type) {
	case *ast.ExprVariable:
		id, ok := e.Name.(*ast.Identifier)
		if !ok {
			return buf, false
		}
		return append(buf, id.Value...), true
	case *ast.ExprPropertyFetch:
		return a.appendMember(buf, e.Var, e.Prop, false, depth)
	case *ast.ExprNullsafePropertyFetch:
		return a.appendMember(buf, e.Var, e.Prop, false, depth)
	case *ast.ExprMethodCall:
		if len(e.Args) > 0 {
			return buf, false
		}
		return a.appendMember(buf, e.Var, e.Method, true, depth)
	case *ast.ExprNullsafeMethodCall:
		if len(e.Args) > 0 {
			return buf, false
		}
		return a.appendMember(buf, e.Var, e.Method, true, depth)
	case *ast.ExprStaticPropertyFetch:
		class := a.staticKeyClass(e.Class)
		name := varName(e.Prop)
		if class == "" || name == "" {
			return buf, false
		}
		buf = append(buf, class...)
		buf = append(buf, "::"...)
		return append(buf, name...), true
	case *ast.ExprStaticCall:
		class := a.staticKeyClass(e.Class)
		id, ok := e.Call.(*ast.Identifier)
		if class == "" || !ok || len(e.Args) > 0 {
			return buf, false
		}
		buf = append(buf, class...)
		buf = append(buf, "::"...)
		buf = append(buf, id.Value...)
		return append(buf, "()"...), true
	case *ast.ExprBrackets:
		return a.appendKey(buf, e.Expr, depth+1)
	}
	return buf, false
}

func (a *analyzer) appendMember(buf []byte, recv, name ast.Vertex, call bool, depth int) ([]byte, bool) {
	id, ok := name.(*ast.Identifier)
	if !ok {
		return buf, false
	}
	buf, ok = a.appendKey(buf, recv, depth+1)
	if !ok {
		return buf, false
	}
	buf = append(buf, "->"...)
	if !call {
		return append(buf, id.Value...), true
	}
	// PHP's method names are case-insensitive: `$o->getArray()` and an
	// assertion's `$o->getarray()` are one path.
	for _, c := range id.Value {
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf = append(buf, c)
	}
	return append(buf, "()"...), true
}

// staticKeyClass resolves the class of a static path; only named classes
// (including self, static, parent) make paths.
func (a *analyzer) staticKeyClass(v ast.Vertex) string {
	switch v.(type) {
	case *ast.Name, *ast.NameFullyQualified, *ast.NameRelative, *ast.Identifier:
		return a.className(v)
	}
	return ""
}

// subject renders a dereferenced expression for a message: paths as
// written (with argument lists elided), anything else as "expression".
func subject(e ast.Vertex, depth int) string {
	if depth > maxKeyDepth {
		return "..."
	}
	switch e := e.(type) {
	case *ast.ExprVariable:
		if id, ok := e.Name.(*ast.Identifier); ok {
			return string(id.Value)
		}
	case *ast.ExprPropertyFetch:
		return subject(e.Var, depth+1) + "->" + index.NameString(e.Prop)
	case *ast.ExprNullsafePropertyFetch:
		return subject(e.Var, depth+1) + "?->" + index.NameString(e.Prop)
	case *ast.ExprMethodCall:
		return subject(e.Var, depth+1) + "->" + index.NameString(e.Method) + "()"
	case *ast.ExprNullsafeMethodCall:
		return subject(e.Var, depth+1) + "?->" + index.NameString(e.Method) + "()"
	case *ast.ExprStaticCall:
		return index.NameString(e.Class) + "::" + index.NameString(e.Call) + "()"
	case *ast.ExprStaticPropertyFetch:
		return index.NameString(e.Class) + "::" + varName(e.Prop)
	case *ast.ExprFunctionCall:
		if n := index.NameString(e.Function); n != "" {
			return n + "()"
		}
	case *ast.ExprBrackets:
		return "(" + subject(e.Expr, depth+1) + ")"
	case *ast.ExprArrayDimFetch:
		return subject(e.Var, depth+1) + "[...]"
	case *ast.ExprAssign:
		return subject(e.Var, depth+1)
	case *ast.ExprNew:
		if n := index.NameString(e.Class); n != "" {
			return "new " + n + "()"
		}
	}
	return "expression"
}

// varName returns the name of a simple variable ("$x"), or "".
func varName(v ast.Vertex) string {
	if v, ok := v.(*ast.ExprVariable); ok {
		if id, ok := v.Name.(*ast.Identifier); ok {
			return string(id.Value)
		}
	}
	return ""
}

func line(v ast.Vertex) int32 {
	if p := v.GetPosition(); p != nil {
		return int32(p.StartLine)
	}
	return 0
}

// linkBase returns the path that e is a link below ($o of $o->p, $o?->p,
// $o->m(), $o?->m() and $o[k]) and whether e is such a link.
func linkBase(e ast.Vertex) (ast.Vertex, bool) {
	switch x := e.(type) {
	case *ast.ExprPropertyFetch:
		return x.Var, true
	case *ast.ExprNullsafePropertyFetch:
		return x.Var, true
	case *ast.ExprMethodCall:
		return x.Var, true
	case *ast.ExprNullsafeMethodCall:
		return x.Var, true
	case *ast.ExprArrayDimFetch:
		return x.Var, true
	}
	return nil, false
}
