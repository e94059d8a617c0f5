package index

import (
	"strings"

	"github.com/VKCOM/php-parser/pkg/ast"
)

// Collect extracts the declarations of one parsed file. It visits top-level
// statements, namespaces and the blocks of top-level conditionals (where
// polyfills declare functions and classes), never function bodies except to
// look for `return null;` in untyped functions.
func Collect(path string, root ast.Vertex) *FileSymbols {
	fs := &FileSymbols{Path: path}
	r, ok := root.(*ast.Root)
	if !ok {
		return fs
	}
	c := collector{fs: fs}
	c.stmts(r.Stmts, 0)
	return fs
}

type collector struct {
	fs    *FileSymbols
	names Names
}

// maxNest bounds the recursion into nested top-level blocks.
const maxNest = 64

func (c *collector) stmts(list []ast.Vertex, depth int) {
	for _, s := range list {
		c.stmt(s, depth)
	}
}

func (c *collector) stmt(s ast.Vertex, depth int) {
	if depth > maxNest {
		return
	}
	switch s := s.(type) {
	case *ast.StmtNamespace:
		c.names.EnterNamespace(s)
		if s.Stmts != nil {
			c.stmts(s.Stmts, depth+1)
		}
	case *ast.StmtUseList, *ast.StmtGroupUseList:
		c.names.AddUses(s)
	case *ast.StmtFunction:
		c.fs.Functions = append(c.fs.Functions, c.function(s))
	case *ast.StmtClass:
		if s.Name != nil {
			c.class(KindClass, s.Name, s.Extends, s.Implements, s.Stmts, line(s))
			doc := docComment(firstToken(s.AttrGroups, s.Modifiers, s.ClassTkn))
			c.fs.Classes[len(c.fs.Classes)-1].Before = beforeMethods(s.AttrGroups, doc)
			c.fs.Classes[len(c.fs.Classes)-1].Shapes = classShapes(&c.names, doc, s.Stmts)
		}
	case *ast.StmtInterface:
		c.class(KindInterface, s.Name, nil, s.Extends, s.Stmts, line(s))
	case *ast.StmtTrait:
		c.class(KindTrait, s.Name, nil, nil, s.Stmts, line(s))
		c.fs.Classes[len(c.fs.Classes)-1].Shapes = classShapes(&c.names, DeclDoc(s), s.Stmts)
	case *ast.StmtEnum:
		c.class(KindEnum, s.Name, nil, s.Implements, s.Stmts, line(s))
		if s.Type != nil {
			c.enumMethods()
		}
	case *ast.StmtConstList:
		for _, k := range s.Consts {
			if k, ok := k.(*ast.StmtConstant); ok {
				c.fs.Consts = append(c.fs.Consts, Const{Name: c.names.Qualify(NameString(k.Name)), Null: IsNull(k.Expr)})
			}
		}
	case *ast.StmtIf:
		c.stmt(s.Stmt, depth+1)
		for _, e := range s.ElseIf {
			if e, ok := e.(*ast.StmtElseIf); ok {
				c.stmt(e.Stmt, depth+1)
			}
		}
		if e, ok := s.Else.(*ast.StmtElse); ok {
			c.stmt(e.Stmt, depth+1)
		}
	case *ast.StmtStmtList:
		c.stmts(s.Stmts, depth+1)
	case *ast.StmtDeclare:
		c.stmt(s.Stmt, depth+1)
	}
}

func line(v ast.Vertex) int {
	if p := v.GetPosition(); p != nil {
		return p.StartLine
	}
	return 0
}

func (c *collector) function(s *ast.StmtFunction) Func {
	f := Func{Name: c.names.Qualify(NameString(s.Name)), Line: line(s), File: c.fs.Path}
	f.Params = c.params(s.Params, "", "")
	f.Summary = summarize(s.Params, s.Stmts, true)
	doc := docComment(firstToken(s.AttrGroups, nil, s.FunctionTkn))
	f.Asserts = DocAsserts(&c.names, doc, "", "")
	f.NoReturn, f.EndsIn = c.noReturn(s.ReturnType, doc, s.Stmts)
	f.Guard = guard(f.Params, s.Stmts)
	f.ArrayDoc = ArrayDoc(doc, "return")
	f.NonEmpty = NonEmptyDoc(doc, "return")
	if s.ReturnType != nil {
		doc = ""
	}
	f.Returns = c.returns(s.ReturnType, doc, s.Stmts, "", "", f.Line)
	return f
}

// returns computes a function's return type: the native declaration when
// there is one (PHP enforces it, so a docblock cannot widen it), else the
// @return tag, else whether the body returns the null literal.
func (c *collector) returns(decl ast.Vertex, doc string, body []ast.Vertex, class, parent string, ln int) Type {
	if decl != nil {
		return TypeOf(&c.names, decl, class, parent)
	}
	if doc != "" {
		if t, ok := DocType(&c.names, doc, "@return", class, parent); ok {
			return t
		}
	}
	if returnsNull(body, 0) {
		return Type{Nullable: true, Source: ReturnsNull, Line: ln}
	}
	return Type{}
}

func (c *collector) params(list []ast.Vertex, class, parent string) []Param {
	if len(list) == 0 {
		return nil
	}
	ps := make([]Param, 0, len(list))
	for _, p := range list {
		p, ok := p.(*ast.Parameter)
		if !ok {
			continue
		}
		param := Param{
			Name:  varName(p.Var),
			Type:  ParamType(&c.names, p, class, parent),
			ByRef: p.AmpersandTkn != nil,
		}
		if p.VariadicTkn != nil {
			param.Variadic = true
			param.Each = TypeOf(&c.names, p.Type, class, parent)
		}
		ps = append(ps, param)
	}
	return ps
}

// ParamType returns a parameter's type: its declaration, made nullable by a
// null default value (`T $x = null`, an implicitly nullable type).
func ParamType(n *Names, p *ast.Parameter, class, parent string) Type {
	t := TypeOf(n, p.Type, class, parent)
	if p.VariadicTkn != nil {
		return Type{} // an array of values
	}
	if p.DefaultValue != nil && IsNull(p.DefaultValue) {
		t.Nullable, t.NonNull = true, false
		if t.Source == Undeclared {
			t.Source = Declared
		}
		if t.Text != "" && !strings.HasPrefix(t.Text, "?") {
			t.Text += " = null"
		} else if t.Text == "" {
			t.Text = "= null"
		}
	}
	return t
}

func varName(v ast.Vertex) string {
	if v, ok := v.(*ast.ExprVariable); ok {
		if id, ok := v.Name.(*ast.Identifier); ok {
			return string(id.Value)
		}
	}
	return ""
}

func (c *collector) class(kind Kind, name, extends ast.Vertex, impl, body []ast.Vertex, ln int) {
	cl := Class{Name: c.names.Qualify(NameString(name)), Kind: kind, Line: ln, File: c.fs.Path}
	if extends != nil {
		cl.Parent = c.names.Class(extends)
	}
	for _, i := range impl {
		if s := c.names.Class(i); s != "" {
			cl.Interfaces = append(cl.Interfaces, s)
		}
	}
	for _, s := range body {
		switch s := s.(type) {
		case *ast.StmtClassMethod:
			c.method(&cl, s)
		case *ast.StmtPropertyList:
			c.properties(&cl, s)
		case *ast.StmtTraitUse:
			for _, t := range s.Traits {
				if n := c.names.Class(t); n != "" {
					cl.Traits = append(cl.Traits, n)
				}
			}
		case *ast.StmtClassConstList:
			for _, k := range s.Consts {
				if k, ok := k.(*ast.StmtConstant); ok {
					cl.Consts = append(cl.Consts, Const{Name: NameString(k.Name), Null: IsNull(k.Expr)})
				}
			}
		case *ast.EnumCase:
			cl.Consts = append(cl.Consts, Const{Name: NameString(s.Name)})
		}
	}
	c.fs.Classes = append(c.fs.Classes, cl)
}

// enumMethods adds the methods PHP gives every backed enum to the enum just
// collected: tryFrom is the one that returns null.
func (c *collector) enumMethods() {
	cl := &c.fs.Classes[len(c.fs.Classes)-1]
	self := []string{cl.Name}
	cl.Methods = append(cl.Methods,
		Func{Name: "tryFrom", Static: true, Returns: Type{Text: "?static", Classes: self, Nullable: true, Source: Declared}, Line: cl.Line, Summary: Summary{Body: true, NullAt: -1}},
		Func{Name: "from", Static: true, Returns: Type{Text: "static", Classes: self, NonNull: true, Source: Declared}, Line: cl.Line},
	)
}

func hasModifier(mods []ast.Vertex, word string) bool {
	for _, m := range mods {
		if id, ok := m.(*ast.Identifier); ok && strings.EqualFold(string(id.Value), word) {
			return true
		}
	}
	return false
}

func (c *collector) method(cl *Class, s *ast.StmtClassMethod) {
	m := Func{Name: NameString(s.Name), Static: hasModifier(s.Modifiers, "static"), Line: line(s)}
	m.Params = c.params(s.Params, cl.Name, cl.Parent)
	var body []ast.Vertex
	l, hasBody := s.Stmt.(*ast.StmtStmtList)
	if hasBody {
		body = l.Stmts
	}
	doc := docComment(firstToken(s.AttrGroups, s.Modifiers, s.FunctionTkn))
	m.Asserts = DocAsserts(&c.names, doc, cl.Name, cl.Parent)
	m.Summary = summarize(s.Params, body, hasBody)
	m.Summary.Before = isBefore(s.AttrGroups, doc)
	m.NoReturn, _ = c.noReturn(s.ReturnType, doc, body)
	m.Guard = guard(m.Params, body)
	m.ArrayDoc = ArrayDoc(doc, "return")
	m.NonEmpty = NonEmptyDoc(doc, "return")
	if s.ReturnType != nil {
		doc = ""
	}
	m.Returns = c.returns(s.ReturnType, doc, body, cl.Name, cl.Parent, m.Line)
	cl.Methods = append(cl.Methods, m)
	if strings.EqualFold(m.Name, "__construct") {
		// Promoted constructor parameters are properties.
		for i, p := range s.Params {
			p, ok := p.(*ast.Parameter)
			if ok && len(p.Modifiers) > 0 && i < len(m.Params) {
				cl.Props = append(cl.Props, Prop{Name: strings.TrimPrefix(m.Params[i].Name, "$"), Type: m.Params[i].Type, Line: line(p)})
			}
		}
	}
}

// properties adds a property list. Untyped properties take their @var
// docblock type; untyped undocumented ones stay unknown even with a null
// default, since they are usually assigned before use.
func (c *collector) properties(cl *Class, s *ast.StmtPropertyList) {
	static := hasModifier(s.Modifiers, "static")
	var t Type
	if s.Type != nil {
		t = TypeOf(&c.names, s.Type, cl.Name, cl.Parent)
	} else if doc := docComment(firstToken(s.AttrGroups, s.Modifiers, nil)); doc != "" {
		t, _ = DocType(&c.names, doc, "@var", cl.Name, cl.Parent)
	}
	for _, p := range s.Props {
		if p, ok := p.(*ast.StmtProperty); ok {
			cl.Props = append(cl.Props, Prop{Name: strings.TrimPrefix(varName(p.Var), "$"), Static: static, Type: t, Line: line(p)})
		}
	}
}

// returnsNull reports whether a function body has a `return null;` outside
// nested functions and classes. A bare `return;` is not counted: untyped
// functions use it as void far more often than as a null result.
func returnsNull(list []ast.Vertex, depth int) bool {
	return nullReturn(list, depth, IsNull) > 0
}

// nullReturn returns the line of the first return statement, outside
// nested functions and classes, whose expression isNull accepts, or 0.
func nullReturn(list []ast.Vertex, depth int, isNull func(ast.Vertex) bool) int {
	if depth > maxNest {
		return 0
	}
	for _, s := range list {
		if ln := stmtNullReturn(s, depth, isNull); ln > 0 {
			return ln
		}
	}
	return 0
}

func stmtNullReturn(s ast.Vertex, depth int, isNull func(ast.Vertex) bool) int {
	one := func(s ast.Vertex) int { return stmtNullReturn(s, depth+1, isNull) }
	many := func(list []ast.Vertex) int { return nullReturn(list, depth+1, isNull) }
	switch s := s.(type) {
	case *ast.StmtReturn:
		if s.Expr != nil && isNull(s.Expr) {
			return line(s)
		}
	case *ast.StmtStmtList:
		return many(s.Stmts)
	case *ast.StmtIf:
		if ln := one(s.Stmt); ln > 0 {
			return ln
		}
		for _, e := range s.ElseIf {
			if e, ok := e.(*ast.StmtElseIf); ok {
				if ln := one(e.Stmt); ln > 0 {
					return ln
				}
			}
		}
		if e, ok := s.Else.(*ast.StmtElse); ok {
			return one(e.Stmt)
		}
	case *ast.StmtWhile:
		return one(s.Stmt)
	case *ast.StmtDo:
		return one(s.Stmt)
	case *ast.StmtFor:
		return one(s.Stmt)
	case *ast.StmtForeach:
		return one(s.Stmt)
	case *ast.StmtSwitch:
		for _, k := range s.Cases {
			var ln int
			switch k := k.(type) {
			case *ast.StmtCase:
				ln = many(k.Stmts)
			case *ast.StmtDefault:
				ln = many(k.Stmts)
			}
			if ln > 0 {
				return ln
			}
		}
	case *ast.StmtTry:
		if ln := many(s.Stmts); ln > 0 {
			return ln
		}
		for _, k := range s.Catches {
			if k, ok := k.(*ast.StmtCatch); ok {
				if ln := many(k.Stmts); ln > 0 {
					return ln
				}
			}
		}
		if f, ok := s.Finally.(*ast.StmtFinally); ok {
			return many(f.Stmts)
		}
	case *ast.StmtDeclare:
		return one(s.Stmt)
	}
	return 0
}

// noReturn reports whether a function with the given native return type,
// docblock and body never returns: its type is never (native, or a
// @return, @phpstan-return or @psalm-return tag saying never or
// no-return), or every path of its body ends in exit, die or throw with no
// return statement anywhere (a conditional exit does not count). When
// every path ends so or in a call of a named function, and at least one in
// a call, ends lists those functions for [Merge] to decide: the function
// never returns when none of them does.
func (c *collector) noReturn(decl ast.Vertex, doc string, body []ast.Vertex) (never bool, ends []string) {
	native := ""
	if decl != nil {
		native = strings.ToLower(NameString(decl))
		if native == "never" {
			return true, nil
		}
	}
	if native == "" || native == "void" {
		// PHPStan and Psalm read a never tag on a void function too.
		for _, tag := range [...]string{"@return", "@phpstan-return", "@psalm-return"} {
			if t := docTypeText(doc, tag); strings.EqualFold(t, "never") || strings.EqualFold(t, "no-return") {
				return true, nil
			}
		}
	}
	if native != "" && native != "void" || len(body) == 0 {
		return false, nil
	}
	calls, ok := c.endsIn(body, 0)
	if !ok || hasReturn(body, 0) {
		return false, nil
	}
	return len(calls) == 0, calls
}

// endsIn reports whether every path through list ends in exit, die, throw
// or a call of a named function, and returns those functions, each as its
// candidate names joined by a comma ("App\fail,fail": the namespaced name
// first, then the global one PHP falls back to).
func (c *collector) endsIn(list []ast.Vertex, depth int) ([]string, bool) {
	if len(list) == 0 || depth > maxNest {
		return nil, false
	}
	for _, st := range list {
		if testSwitchExit(st) {
			return nil, true
		}
	}
	switch last := list[len(list)-1].(type) {
	case *ast.StmtThrow:
		return nil, true
	case *ast.StmtStmtList:
		return c.endsIn(last.Stmts, depth+1)
	case *ast.StmtExpression:
		switch e := last.Expr.(type) {
		case *ast.ExprExit, *ast.ExprThrow:
			return nil, true
		case *ast.ExprFunctionCall:
			full, global := c.names.FuncCandidates(e.Function)
			if full == "" {
				return nil, false
			}
			if global != "" {
				full += "," + global
			}
			return []string{full}, true
		}
	case *ast.StmtIf:
		e, ok := last.Else.(*ast.StmtElse)
		if !ok {
			return nil, false
		}
		branches := []ast.Vertex{last.Stmt, e.Stmt}
		for _, ei := range last.ElseIf {
			if ei, ok := ei.(*ast.StmtElseIf); ok {
				branches = append(branches, ei.Stmt)
			}
		}
		var calls []string
		for _, b := range branches {
			bc, ok := c.endsIn([]ast.Vertex{b}, depth+1)
			if !ok {
				return nil, false
			}
			calls = append(calls, bc...)
		}
		return calls, true
	}
	return nil, false
}

// testSwitchExit reports whether st is `if (!defined('CONST')) { exit; }`
// (or throw), the switch some applications (phpMyAdmin's TESTSUITE) put in
// front of an exit so that their test suite can call the function: in
// production the path ends there. The trade-off: an application that
// defines such a constant in production is read as ending where it does
// not, which can hide a dereference after a call of that function.
func testSwitchExit(st ast.Vertex) bool {
	s, ok := st.(*ast.StmtIf)
	if !ok || s.Else != nil || len(s.ElseIf) > 0 {
		return false
	}
	not, ok := s.Cond.(*ast.ExprBooleanNot)
	if !ok {
		return false
	}
	call, ok := not.Expr.(*ast.ExprFunctionCall)
	if !ok || !strings.EqualFold(NameString(call.Function), "defined") {
		return false
	}
	body := []ast.Vertex{s.Stmt}
	if l, ok := s.Stmt.(*ast.StmtStmtList); ok {
		body = l.Stmts
	}
	if len(body) == 0 {
		return false
	}
	switch last := body[len(body)-1].(type) {
	case *ast.StmtThrow:
		return true
	case *ast.StmtExpression:
		switch last.Expr.(type) {
		case *ast.ExprExit, *ast.ExprThrow:
			return true
		}
	}
	return false
}

// hasReturn reports whether a statement list has a return statement
// outside nested functions and classes.
func hasReturn(list []ast.Vertex, depth int) bool {
	if depth > maxNest {
		return true
	}
	for _, s := range list {
		if testSwitchExit(s) {
			return false // what follows runs only in a test suite
		}
		switch s := s.(type) {
		case *ast.StmtReturn:
			return true
		case *ast.StmtStmtList:
			if hasReturn(s.Stmts, depth+1) {
				return true
			}
		case *ast.StmtIf:
			if hasReturn([]ast.Vertex{s.Stmt}, depth+1) || hasReturn(s.ElseIf, depth+1) || s.Else != nil && hasReturn([]ast.Vertex{s.Else}, depth+1) {
				return true
			}
		case *ast.StmtElseIf:
			if hasReturn([]ast.Vertex{s.Stmt}, depth+1) {
				return true
			}
		case *ast.StmtElse:
			if hasReturn([]ast.Vertex{s.Stmt}, depth+1) {
				return true
			}
		case *ast.StmtWhile:
			if hasReturn([]ast.Vertex{s.Stmt}, depth+1) {
				return true
			}
		case *ast.StmtDo:
			if hasReturn([]ast.Vertex{s.Stmt}, depth+1) {
				return true
			}
		case *ast.StmtFor:
			if hasReturn([]ast.Vertex{s.Stmt}, depth+1) {
				return true
			}
		case *ast.StmtForeach:
			if hasReturn([]ast.Vertex{s.Stmt}, depth+1) {
				return true
			}
		case *ast.StmtSwitch:
			for _, c := range s.Cases {
				switch c := c.(type) {
				case *ast.StmtCase:
					if hasReturn(c.Stmts, depth+1) {
						return true
					}
				case *ast.StmtDefault:
					if hasReturn(c.Stmts, depth+1) {
						return true
					}
				}
			}
		case *ast.StmtTry:
			if hasReturn(s.Stmts, depth+1) {
				return true
			}
			for _, c := range s.Catches {
				if c, ok := c.(*ast.StmtCatch); ok && hasReturn(c.Stmts, depth+1) {
					return true
				}
			}
			if f, ok := s.Finally.(*ast.StmtFinally); ok && hasReturn(f.Stmts, depth+1) {
				return true
			}
		case *ast.StmtDeclare:
			if hasReturn([]ast.Vertex{s.Stmt}, depth+1) {
				return true
			}
		}
	}
	return false
}

// guard returns the guard a function body shows on its first parameter:
// a top-level `if ($p)` or `if (!$p)` without else whose block ends in
// throw, exit or a call (taken as the abort), or a top-level call of
// abort_if, abort_unless, throw_if or throw_unless passing `$p` or `!$p`
// on (Laravel's throw_unless is `throw_if(! $condition, ...)`).
func guard(params []Param, body []ast.Vertex) Guard {
	if len(params) == 0 || params[0].ByRef {
		return GuardNone
	}
	p := params[0].Name
	for _, s := range body {
		switch s := s.(type) {
		case *ast.StmtIf:
			if len(s.ElseIf) > 0 || s.Else != nil || !endsInAbort(s.Stmt) {
				continue
			}
			if neg, ok := testsParam(s.Cond, p); ok {
				if neg {
					return GuardUnless
				}
				return GuardIf
			}
		case *ast.StmtExpression:
			call, ok := s.Expr.(*ast.ExprFunctionCall)
			if !ok || len(call.Args) == 0 {
				continue
			}
			arg, ok := call.Args[0].(*ast.Argument)
			if !ok || arg.Name != nil || arg.VariadicTkn != nil {
				continue
			}
			neg, ok := testsParam(arg.Expr, p)
			if !ok {
				continue
			}
			switch GuardName(NameString(call.Function)) {
			case GuardIf:
			case GuardUnless:
				neg = !neg
			default:
				continue
			}
			if neg {
				return GuardUnless
			}
			return GuardIf
		}
	}
	return GuardNone
}

// testsParam reports whether cond is the variable p, or its negation (neg).
func testsParam(cond ast.Vertex, p string) (neg, ok bool) {
	for range maxNest {
		switch c := cond.(type) {
		case *ast.ExprBrackets:
			cond = c.Expr
			continue
		case *ast.ExprBooleanNot:
			neg = !neg
			cond = c.Expr
			continue
		case *ast.ExprVariable:
			return neg, varName(c) == p
		}
		break
	}
	return false, false
}

// endsInAbort reports whether a block's last statement throws, exits or
// is a call.
func endsInAbort(s ast.Vertex) bool {
	if l, ok := s.(*ast.StmtStmtList); ok {
		if len(l.Stmts) == 0 {
			return false
		}
		s = l.Stmts[len(l.Stmts)-1]
	}
	switch s := s.(type) {
	case *ast.StmtThrow:
		return true
	case *ast.StmtExpression:
		switch s.Expr.(type) {
		case *ast.ExprExit, *ast.ExprThrow, *ast.ExprFunctionCall, *ast.ExprMethodCall, *ast.ExprStaticCall:
			return true
		}
	}
	return false
}

// GuardName returns the guard that Laravel's helpers of this name show
// (abort_if and throw_if: GuardIf; abort_unless and throw_unless:
// GuardUnless), in any namespace, or GuardNone.
func GuardName(name string) Guard {
	if i := strings.LastIndexByte(name, '\\'); i >= 0 {
		name = name[i+1:]
	}
	switch strings.ToLower(name) {
	case "abort_if", "throw_if":
		return GuardIf
	case "abort_unless", "throw_unless":
		return GuardUnless
	}
	return GuardNone
}
