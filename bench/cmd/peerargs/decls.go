package main

import (
	"fmt"
	"strings"

	"github.com/VKCOM/php-parser/pkg/ast"
	"github.com/VKCOM/php-parser/pkg/conf"
	perrors "github.com/VKCOM/php-parser/pkg/errors"
	"github.com/VKCOM/php-parser/pkg/parser"
	"github.com/VKCOM/php-parser/pkg/version"

	"github.com/riskvet/riskvet/phpcheck/builtin"
	"github.com/riskvet/riskvet/phpcheck/index"
)

// A param is one declared parameter: its native type as written (empty
// when it has none) and whether null passes it.
type param struct {
	Type     string
	Nullable bool // ?T, a union with null, mixed, or a default of null
	Variadic bool
	ByRef    bool
}

// decls are the functions and methods a case's own files declare, keyed
// by lowercase qualified name without the leading backslash ("ns\f",
// "ns\c::m"), with each class's parent for methods it inherits.
type decls struct {
	funcs   map[string][]param
	extends map[string]string
}

// parseDecls reads the declarations of the PHP sources: top-level and
// namespaced functions and the methods of classes, interfaces, traits and
// enums. Names are resolved against the namespace alone (no use
// statements): the peers' cases extend classes of their own namespace.
func parseDecls(sources map[string][]byte) (*decls, error) {
	d := &decls{funcs: map[string][]param{}, extends: map[string]string{}}
	for name, src := range sources {
		var perr *perrors.Error
		root, err := parser.Parse(src, conf.Config{
			Version:          &version.Version{Major: 8, Minor: 1}, // riskvet's own parse version
			ErrorHandlerFunc: func(e *perrors.Error) { perr = e },
		})
		if err == nil && perr != nil {
			err = fmt.Errorf("%s", perr.String())
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %v", name, err)
		}
		r, ok := root.(*ast.Root)
		if !ok {
			continue
		}
		d.stmts(src, "", r.Stmts)
	}
	return d, nil
}

func (d *decls) stmts(src []byte, ns string, list []ast.Vertex) {
	for _, s := range list {
		switch s := s.(type) {
		case *ast.StmtNamespace:
			name := ""
			if s.Name != nil {
				name = nameOf(s.Name)
			}
			if s.Stmts == nil {
				ns = name // namespace Foo; holds the statements after it
				continue
			}
			d.stmts(src, name, s.Stmts)
		case *ast.StmtFunction:
			d.funcs[qualify(ns, nameOf(s.Name))] = params(src, s.Params)
		case *ast.StmtClass:
			if s.Name == nil {
				continue
			}
			cls := qualify(ns, nameOf(s.Name))
			if s.Extends != nil {
				d.extends[cls] = resolve(ns, s.Extends)
			}
			d.methods(src, cls, s.Stmts)
		case *ast.StmtInterface:
			d.methods(src, qualify(ns, nameOf(s.Name)), s.Stmts)
		case *ast.StmtTrait:
			d.methods(src, qualify(ns, nameOf(s.Name)), s.Stmts)
		case *ast.StmtEnum:
			d.methods(src, qualify(ns, nameOf(s.Name)), s.Stmts)
		case *ast.StmtStmtList:
			d.stmts(src, ns, s.Stmts)
		case *ast.StmtIf:
			// function_exists guards declare functions in a branch.
			if l, ok := s.Stmt.(*ast.StmtStmtList); ok {
				d.stmts(src, ns, l.Stmts)
			}
		}
	}
}

func (d *decls) methods(src []byte, cls string, list []ast.Vertex) {
	for _, s := range list {
		if m, ok := s.(*ast.StmtClassMethod); ok {
			d.funcs[cls+"::"+strings.ToLower(nameOf(m.Name))] = params(src, m.Params)
		}
	}
}

func params(src []byte, list []ast.Vertex) []param {
	var ps []param
	for _, v := range list {
		p, ok := v.(*ast.Parameter)
		if !ok {
			continue
		}
		var q param
		q.Variadic = p.VariadicTkn != nil
		q.ByRef = p.AmpersandTkn != nil
		if p.Type != nil {
			pos := p.Type.GetPosition()
			q.Type = string(src[pos.StartPos:pos.EndPos])
			q.Nullable = nullableType(p.Type)
		}
		if c, ok := p.DefaultValue.(*ast.ExprConstFetch); ok && strings.EqualFold(nameOf(c.Const), "null") {
			q.Nullable = true
		}
		ps = append(ps, q)
	}
	return ps
}

// nullableType reports whether a native type admits null.
func nullableType(t ast.Vertex) bool {
	switch t := t.(type) {
	case *ast.Nullable:
		return true
	case *ast.Union:
		for _, m := range t.Types {
			if nullableType(m) {
				return true
			}
		}
	case *ast.Name, *ast.Identifier:
		n := strings.ToLower(nameOf(t))
		return n == "null" || n == "mixed"
	}
	return false
}

// nameOf is the text of a name, identifier or variable node.
func nameOf(v ast.Vertex) string {
	var parts []ast.Vertex
	switch v := v.(type) {
	case *ast.Identifier:
		return string(v.Value)
	case *ast.Name:
		parts = v.Parts
	case *ast.NameFullyQualified:
		parts = v.Parts
	case *ast.NameRelative:
		parts = v.Parts
	default:
		return ""
	}
	var b strings.Builder
	for i, p := range parts {
		if i > 0 {
			b.WriteByte('\\')
		}
		if np, ok := p.(*ast.NamePart); ok {
			b.Write(np.Value)
		}
	}
	return b.String()
}

func qualify(ns, name string) string {
	if ns == "" {
		return strings.ToLower(name)
	}
	return strings.ToLower(ns + "\\" + name)
}

func resolve(ns string, n ast.Vertex) string {
	if _, ok := n.(*ast.NameFullyQualified); ok {
		return strings.ToLower(nameOf(n))
	}
	return qualify(ns, nameOf(n))
}

// Reasons a positive is outside nullarg's scope.
const (
	scopeIn        = ""
	scopeClosure   = "callee is a closure"
	scopeUnknown   = "callee declared neither in the case nor in PHP's built-in table"
	scopeUntyped   = "built-in parameter without a type (none or mixed)"
	scopeScalar    = "built-in scalar parameter: a deprecation outside strict_types, not a failure"
	scopeNoParam   = "no declared parameter at that position"
	scopeDocOnly   = "parameter has no native type (docblock only)"
	scopeNullable  = "native type admits null"
	scopeByRef     = "parameter passed by reference"
	scopeNotParsed = "case does not parse"
)

// scope says whether a call of callee's arg-th parameter is in nullarg's
// scope: a function or method the case declares, whose parameter has a
// native type without null, or one of PHP's built-ins whose parameter
// refuses null in every mode (an array, callable, object or class type).
// It returns scopeIn or the reason it is not. A method the class does not
// declare is looked up in its parents, and in PHP's internal classes.
func (d *decls) scope(callee string, arg int) string {
	if callee == "" {
		return scopeClosure
	}
	key := strings.ToLower(strings.TrimPrefix(callee, "\\"))
	ps, ok := d.funcs[key]
	cls, m, isMethod := strings.Cut(key, "::")
	for !ok && isMethod {
		parent, has := d.extends[cls]
		if !has {
			break
		}
		cls = parent
		ps, ok = d.funcs[cls+"::"+m]
	}
	if !ok {
		return builtinScope(cls, m, isMethod, arg)
	}
	var p param
	switch {
	case arg <= len(ps):
		p = ps[arg-1]
	case len(ps) > 0 && ps[len(ps)-1].Variadic:
		p = ps[len(ps)-1]
	default:
		return scopeNoParam
	}
	switch {
	case p.ByRef:
		return scopeByRef
	case p.Type == "":
		return scopeDocOnly
	case p.Nullable:
		return scopeNullable
	}
	return scopeIn
}

// builtinScope is scope for a callee the case does not declare: function
// cls, or method m of class cls, from PHP's built-in table.
func builtinScope(cls, m string, isMethod bool, arg int) string {
	var fn *index.Func
	if isMethod {
		fn, _ = builtin.Method(cls, m)
	} else {
		fn = builtin.Function(cls)
	}
	if fn == nil {
		return scopeUnknown
	}
	var p *index.Param
	switch n := len(fn.Params); {
	case arg <= n:
		p = &fn.Params[arg-1]
	case n > 0 && fn.Params[n-1].Variadic:
		p = &fn.Params[n-1]
	default:
		return scopeNoParam
	}
	t := p.Type
	if p.Variadic {
		t = p.Each
	}
	switch {
	case p.ByRef:
		return scopeByRef
	case t.Text == "" || strings.EqualFold(t.Text, "mixed"):
		return scopeUntyped
	case t.Nullable:
		return scopeNullable
	case builtin.Scalar(t) != "":
		return scopeScalar
	}
	return scopeIn
}
