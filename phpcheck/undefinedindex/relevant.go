package undefinedindex

import (
	"bytes"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/VKCOM/php-parser/pkg/ast"
	"github.com/VKCOM/php-parser/pkg/visitor"
	"github.com/VKCOM/php-parser/pkg/visitor/traverser"

	"github.com/riskvet/riskvet/phpcheck/check"
	"github.com/riskvet/riskvet/phpcheck/index"
	"github.com/riskvet/riskvet/phpcheck/internal/testcode"
)

// relevant says whether a file may hold a finding. Every report is at an
// element read with a constant key (`$a['k']`, not `$a[$k]`) or a
// destructuring, of an array whose keys the check knows from one of its
// sources: request input, a built-in of the table, an array literal, a
// shape documented in the file, or a function, method or property whose
// documented shape is in another file. A file without such a read, such
// as MediaWiki's message tables (a third of its bytes), or whose reads
// are of variables no literal reaches and which calls nothing documented
// with a shape, is not parsed a second time; the last question waits for
// the index (check.After). The look costs a walk of the tree the first
// pass parsed, a small part of a parse. It errs towards yes: names are
// matched across the whole file, not per function, and a function's
// short name matches every namespace's.
func relevant(path string, src []byte, root ast.Vertex) check.Relevance {
	if !tests && testcode.Path(path) {
		return check.No // withheld: see run
	}
	var r reads
	traverser.NewTraverser(&r).Traverse(root)
	if !r.keyed {
		return check.No
	}
	if r.source || r.literalReached() || docShapes(src) {
		return check.Yes
	}
	if len(r.called)+len(r.methods)+len(r.props) == 0 {
		return check.No
	}
	for _, f := range index.ImportedFuncs(root) { // called by an alias
		add(&r.called, f)
	}
	names := r.names()
	return check.After(names.shaped)
}

// bodyMayReport asks relevant's question of one function or method body,
// with the index at hand: the walk skips a body where the answer is no.
// A body that declares a function or class is walked, for the walk
// reaches those from inside it.
func bodyMayReport(decl ast.Vertex, ix *index.Index, resolve func(ast.Vertex) []string) bool {
	r := reads{decl: decl, resolve: resolve}
	traverser.NewTraverser(&r).Traverse(decl)
	switch {
	case r.declares:
		return true
	case !r.keyed:
		return false
	case r.source || r.literalReached():
		return true
	}
	return r.names().shaped(ix)
}

// usedNames are the names of the functions called, the methods called on
// $this, self, static or parent, and the properties of $this read, each
// sorted.
type usedNames struct{ funcs, methods, props []string }

func (r *reads) names() usedNames {
	return usedNames{sortedKeys(r.called), sortedKeys(r.methods), sortedKeys(r.props)}
}

// shaped reports whether one of the names documents an array shape
// somewhere in the tree.
func (u usedNames) shaped(ix *index.Index) bool {
	for _, q := range [...]struct {
		kind  index.ShapeOwner
		names []string
	}{{index.ShapeFunction, u.funcs}, {index.ShapeMethod, u.methods}, {index.ShapeProperty, u.props}} {
		for _, n := range q.names {
			if ix.DeclaresShape(q.kind, n) {
				return true
			}
		}
	}
	return false
}

// docShapes reports whether the file's text may document an array shape
// or a type alias, which the check reads from the file's own docblocks,
// in any case (the type parser reads Array{...} and Non-Empty-List too).
func docShapes(src []byte) bool {
	for _, n := range shapeWords {
		if containsFold(src, n.word, n.anchor) {
			return true
		}
	}
	return false
}

// shapeWords are the words docShapes looks for, each with the offset of
// a byte in it that is not a letter, which the search looks for first.
var shapeWords = [...]struct {
	word   []byte
	anchor int
}{{[]byte("array{"), 5}, {[]byte("list{"), 4}, {[]byte("non-empty-"), 3}, {[]byte("-type"), 0}}

// containsFold reports whether s holds word with its ASCII letters in any
// case; word[anchor] is not a letter.
func containsFold(s, word []byte, anchor int) bool {
	for i := anchor; i < len(s); i++ {
		j := bytes.IndexByte(s[i:], word[anchor])
		if j < 0 {
			return false
		}
		i += j
		if start := i - anchor; start >= 0 && start+len(word) <= len(s) && bytes.EqualFold(s[start:start+len(word)], word) {
			return true
		}
	}
	return false
}

// reads is the visitor behind relevant.
type reads struct {
	visitor.Null
	// keyed: a read at a constant key or a destructuring.
	keyed bool
	// source: a read of request input or of a built-in's result, or a
	// destructuring of a literal or a built-in's result.
	source bool
	// funcs are the spans of the functions and methods, whose variables
	// are their own (a closure shares its function's names: it may use
	// them).
	funcs []span
	// The variables read at a constant key or destructured, those
	// assigned a value with an array literal or a built-in's result in
	// it, each at its offset, and the assignments (worked out by settle):
	// scoped by the function around it at the end.
	read, lit []at
	assigns   []assignment
	// Where a variable is read at a key its function's array literals
	// all define, nothing can be reported: readKeys are the keys of read
	// (empty for a read at depth or a destructuring), defs the variables
	// defined whole by a literal (of constant keys, settle checks), and
	// unsure the variables given a value some other way, passed to a
	// call (which may take them by reference) or unset in part.
	readKeys []key
	defs     []literalDef
	unsure   []at
	// dynamic: variable variables, extract() or compact() make every
	// name's value unsure.
	dynamic bool
	// decl is the function or method bodyMayReport looks at, and declares
	// reports a function or class declared inside it.
	decl     ast.Vertex
	declares bool
	// written are the elements assigned (`$a['k'] = …`), which are not
	// reads of their key.
	written map[span]bool
	// The names of the functions called, the methods called on $this,
	// self, static or parent, and the properties of $this read: the
	// declarations in other files that may give an array a shape.
	called, methods, props map[string]bool
	// resolve, when set, returns the names a function call may call
	// (bodyMayReport's, from the walk's names in scope).
	resolve func(name ast.Vertex) []string
}

type span struct{ start, end int }

// at is a variable at an offset.
type at struct {
	pos  int
	name string
}

// literalDef is a variable defined by an array literal.
type literalDef struct {
	v   at
	lit *ast.ExprArray
}

// assignment is one of target from value; value nil notes the variables
// of target as unsure.
type assignment struct{ target, value ast.Vertex }

func (r *reads) StmtFunction(n *ast.StmtFunction) { r.scope(n); r.declared(n) }
func (r *reads) StmtClassMethod(n *ast.StmtClassMethod) {
	r.scope(n)
}
func (r *reads) StmtClass(n *ast.StmtClass) { r.declared(n) }
func (r *reads) StmtTrait(n *ast.StmtTrait) { r.declared(n) }
func (r *reads) StmtEnum(n *ast.StmtEnum)   { r.declared(n) }

// declared notes a declaration inside the body bodyMayReport looks at.
func (r *reads) declared(n ast.Vertex) {
	if r.decl != nil && n != r.decl {
		r.declares = true
	}
}

func (r *reads) scope(n ast.Vertex) {
	if p := n.GetPosition(); p != nil {
		r.funcs = append(r.funcs, span{p.StartPos, p.EndPos})
	}
}

func (r *reads) ExprArrayDimFetch(n *ast.ExprArrayDimFetch) {
	if _, ok := constKey(n.Dim); !ok {
		return
	}
	if p := n.GetPosition(); p != nil && r.written[span{p.StartPos, p.EndPos}] {
		return // an element written, not read
	}
	r.keyed = true
	base := n.Var
	for d, ok := base.(*ast.ExprArrayDimFetch); ok; d, ok = base.(*ast.ExprArrayDimFetch) {
		base = d.Var
	}
	if name, ok := varName(base); ok {
		k, _ := constKey(n.Dim)
		if base != n.Var {
			k = "" // a read at depth: its keys are not followed here
		}
		r.readVar(base, name, k)
	} else {
		r.value(base)
	}
}

// readVar notes a read of variable v, named name, at key k ("" for any
// key).
func (r *reads) readVar(v ast.Vertex, name string, k key) {
	if requestInput[name] || name == "$_SERVER" {
		r.source = true
	}
	r.read = append(r.read, at{pos(v), name})
	r.readKeys = append(r.readKeys, k)
}

// value notes a read of the keys of e, as the check's valueShape knows
// them: a variable's at any key, a literal or a built-in's result as a
// source. Calls of user functions and methods, and $this's properties,
// are in called, methods and props.
func (r *reads) value(e ast.Vertex) {
	switch e := e.(type) {
	case *ast.ExprBrackets:
		r.value(e.Expr)
	case *ast.ExprBinaryPlus:
		r.value(e.Left)
		r.value(e.Right)
	case *ast.ExprArray:
		r.source = true
	case *ast.ExprArrayDimFetch:
		base := e.Var
		for d, ok := base.(*ast.ExprArrayDimFetch); ok; d, ok = base.(*ast.ExprArrayDimFetch) {
			base = d.Var
		}
		r.value(base) // an element's keys: those of its array's value
	case *ast.ExprFunctionCall:
		r.source = r.source || builtinCall(e)
	default:
		if name, ok := varName(e); ok {
			r.readVar(e, name, "")
		}
	}
}

func (r *reads) ExprFunctionCall(n *ast.ExprFunctionCall) {
	name := funcName(n.Function)
	if !pure[name] {
		r.passed(n.Args)
	}
	if name == "extract" || name == "compact" {
		r.dynamic = true
	}
	if rel, ok := n.Function.(*ast.NameRelative); ok { // namespace\f()
		add(&r.called, lastPart(rel.Parts))
	}
	if r.resolve != nil { // a name imported under an alias
		for _, full := range r.resolve(n.Function) {
			add(&r.called, strings.ToLower(full[strings.LastIndexByte(full, '\\')+1:]))
		}
	}
	if name == "" {
		return
	}
	add(&r.called, name)
	// A built-in's out parameter (parse_str's result, preg_match's
	// groups) is assigned its result.
	if b, ok := builtins[name]; ok && b.out > 0 && len(n.Args) >= b.out && (strict || !b.strict) {
		if v, ok := varName(argExpr(n.Args[b.out-1])); ok {
			r.lit = append(r.lit, at{pos(n), v})
		}
	}
}

// builtinCall reports whether e calls a built-in of the table that the
// settings follow.
func builtinCall(e ast.Vertex) bool {
	c, ok := e.(*ast.ExprFunctionCall)
	if !ok {
		return false
	}
	b, ok := builtins[funcName(c.Function)]
	return ok && (strict || !b.strict)
}

func (r *reads) ExprMethodCall(n *ast.ExprMethodCall) {
	r.passed(n.Args)
	if v, ok := varName(n.Var); ok && v == "$this" {
		if id, ok := n.Method.(*ast.Identifier); ok {
			add(&r.methods, strings.ToLower(string(id.Value)))
		}
	}
}

func (r *reads) ExprStaticCall(n *ast.ExprStaticCall) {
	r.passed(n.Args)
	if id, ok := n.Call.(*ast.Identifier); ok {
		add(&r.methods, strings.ToLower(string(id.Value)))
	}
}

func (r *reads) ExprPropertyFetch(n *ast.ExprPropertyFetch) {
	if v, ok := varName(n.Var); ok && v == "$this" {
		if id, ok := n.Prop.(*ast.Identifier); ok {
			add(&r.props, strings.ToLower(string(id.Value)))
		}
	}
}

func (r *reads) ExprList(n *ast.ExprList) { r.keyed = true }

// lastPart returns a name's last part, lowercase.
func lastPart(parts []ast.Vertex) string {
	if len(parts) == 0 {
		return ""
	}
	if p, ok := parts[len(parts)-1].(*ast.NamePart); ok {
		return strings.ToLower(string(p.Value))
	}
	return ""
}

func (r *reads) ExprNew(n *ast.ExprNew)                               { r.passed(n.Args) }
func (r *reads) ExprNullsafeMethodCall(n *ast.ExprNullsafeMethodCall) { r.passed(n.Args) }
func (r *reads) StmtUnset(n *ast.StmtUnset)                           { r.sure(n.Vars...) }
func (r *reads) StmtGlobal(n *ast.StmtGlobal)                         { r.sure(n.Vars...) }
func (r *reads) ExprClosureUse(n *ast.ExprClosureUse) {
	if n.AmpersandTkn != nil {
		r.sure(n.Var)
	}
}

func (r *reads) ExprVariable(n *ast.ExprVariable) {
	if _, ok := n.Name.(*ast.Identifier); !ok {
		r.dynamic = true // $$name
	}
}

// passed notes the variables passed bare as arguments as unsure.
func (r *reads) passed(args []ast.Vertex) {
	for _, a := range args {
		r.sure(argExpr(a))
	}
}

// sure notes the variables that es are or are elements of as unsure.
func (r *reads) sure(es ...ast.Vertex) {
	for _, e := range es {
		for d, ok := e.(*ast.ExprArrayDimFetch); ok; d, ok = e.(*ast.ExprArrayDimFetch) {
			e = d.Var
		}
		if name, ok := varName(e); ok {
			r.unsure = append(r.unsure, at{pos(e), name})
		}
	}
}

func (r *reads) ExprAssign(n *ast.ExprAssign) {
	r.destructures(n.Var, n.Expr)
	r.assign(n.Var, n.Expr)
	if name, ok := varName(n.Var); ok {
		if a, ok := n.Expr.(*ast.ExprArray); ok {
			r.defs = append(r.defs, literalDef{at{pos(n.Var), name}, a})
			return
		}
	}
	if d, element := n.Var.(*ast.ExprArrayDimFetch); !element {
		r.sure(n.Var) // defined by another value (writing an element removes no key)
	} else if p := d.GetPosition(); p != nil {
		if r.written == nil {
			r.written = map[span]bool{}
		}
		r.written[span{p.StartPos, p.EndPos}] = true
	}
}
func (r *reads) ExprAssignReference(n *ast.ExprAssignReference) {
	r.destructures(n.Var, n.Expr)
	r.assign(n.Var, n.Expr)
	r.sure(n.Var, n.Expr)
}
func (r *reads) ExprAssignCoalesce(n *ast.ExprAssignCoalesce) { r.assign(n.Var, n.Expr); r.sure(n.Var) }
func (r *reads) ExprAssignPlus(n *ast.ExprAssignPlus)         { r.assign(n.Var, n.Expr); r.sure(n.Var) }

func (r *reads) StmtForeach(n *ast.StmtForeach) {
	r.destructures(n.Var, n.Expr)
	r.assign(n.Key, n.Expr)
	r.assign(n.Var, n.Expr)
	r.sure(n.Key, n.Var)
	r.assigns = append(r.assigns, assignment{target: n.Var}) // a list's targets
}

func (r *reads) Parameter(n *ast.Parameter) { r.assign(n.Var, n.DefaultValue); r.sure(n.Var) }
func (r *reads) StmtStaticVar(n *ast.StmtStaticVar) {
	r.assign(n.Var, n.Expr)
	r.sure(n.Var)
}

// destructures notes a short list (`[$a, $b]`) or list() as the target of
// an assignment or foreach from value: a read of value's keys.
func (r *reads) destructures(target, value ast.Vertex) {
	switch target.(type) {
	case *ast.ExprArray, *ast.ExprList:
	default:
		return
	}
	r.keyed = true
	r.assigns = append(r.assigns, assignment{target: target}) // its targets
	r.value(value)
}

// assign notes that the variables in target (a variable, an element of
// one, a list) take their value from value. What that means is worked out
// by settle, only for a file or body that the keyed reads and the sources
// do not decide: a file without a keyed read, such as MediaWiki's message
// tables, is decided without walking its literals a second time.
func (r *reads) assign(target, value ast.Vertex) {
	if target != nil && value != nil {
		r.assigns = append(r.assigns, assignment{target, value})
	}
}

// settle works out the assignments and literal definitions noted: the
// variables that take a literal's value (lit), those that take another's
// (flows), the keys of each literal definition (keys), and the variables
// given a value some other way (unsure).
func (r *reads) settle() (flows []copyOf, keys []map[key]bool) {
	for _, a := range r.assigns {
		targets := partsOf(a.target).vars
		if a.value == nil {
			r.unsure = append(r.unsure, targets...)
			continue
		}
		from := partsOf(a.value)
		for _, t := range targets {
			if from.literal {
				r.lit = append(r.lit, t)
			}
			if len(from.vars) > 0 {
				flows = append(flows, copyOf{t, from.names()})
			}
		}
	}
	keys = make([]map[key]bool, len(r.defs))
	for i, d := range r.defs {
		if keys[i] = literalKeys(d.lit); keys[i] == nil {
			r.unsure = append(r.unsure, d.v) // not all its keys are known
		}
	}
	return flows, keys
}

// copyOf is an assignment to target from the variables in from.
type copyOf struct {
	target at
	from   []string
}

// literalReached reports whether a variable read at a constant key may
// hold a value built from an array literal or a built-in's result,
// through the assignments of its function.
func (r *reads) literalReached() bool {
	flows, defKeys := r.settle()
	slices.SortFunc(r.funcs, func(a, b span) int { return a.start - b.start })
	scoped := func(v at) string { return strconv.Itoa(r.scopeOf(v.pos)) + v.name }
	lit := map[string]bool{}
	for _, v := range r.lit {
		lit[scoped(v)] = true
	}
	edges := map[string][]string{}
	for _, f := range flows {
		s := strconv.Itoa(r.scopeOf(f.target.pos))
		t := s + f.target.name
		for _, from := range f.from {
			edges[t] = append(edges[t], s+from)
		}
	}
	for changed := true; changed; {
		changed = false
		for t, from := range edges {
			if lit[t] {
				continue
			}
			for _, f := range from {
				if lit[f] {
					lit[t], changed = true, true
					break
				}
			}
		}
	}
	// The keys every literal defining a variable has, for the variables
	// defined only so.
	unsure := map[string]bool{}
	for _, v := range r.unsure {
		unsure[scoped(v)] = true
	}
	common := map[string]map[key]bool{}
	for i, d := range r.defs {
		keys := defKeys[i]
		if keys == nil {
			continue
		}
		v := scoped(d.v)
		if c, ok := common[v]; !ok {
			common[v] = maps.Clone(keys)
		} else {
			maps.DeleteFunc(c, func(k key, _ bool) bool { return !keys[k] })
		}
	}
	for i, v := range r.read {
		sv := scoped(v)
		if !lit[sv] {
			continue
		}
		if k := r.readKeys[i]; k == "" || r.dynamic || unsure[sv] || !common[sv][k] {
			return true
		}
	}
	return false
}

// literalKeys returns the keys of an array literal whose keys are all
// constant and non-negative, nil for another literal.
func literalKeys(a *ast.ExprArray) map[key]bool {
	keys := map[key]bool{}
	var next int64
	for _, it := range a.Items {
		it, ok := it.(*ast.ExprArrayItem)
		if !ok || it.Val == nil {
			continue // a trailing comma
		}
		if it.EllipsisTkn != nil || it.AmpersandTkn != nil {
			return nil
		}
		if it.Key == nil {
			keys[intKey(next)] = true
			next++
			continue
		}
		k, ok := constKey(it.Key)
		if !ok {
			return nil
		}
		if n, ok := k.int(); ok {
			if n < 0 {
				return nil
			}
			next = max(next, n+1)
		}
		keys[k] = true
	}
	return keys
}

// scopeOf returns the index of the innermost function around offset p,
// -1 for top-level code.
func (r *reads) scopeOf(p int) int {
	i, _ := slices.BinarySearchFunc(r.funcs, p, func(s span, p int) int { return s.start - p })
	for i--; i >= 0; i-- { // the last function starting before p that holds it
		if r.funcs[i].end > p {
			return i
		}
	}
	return -1
}

func pos(n ast.Vertex) int {
	if p := n.GetPosition(); p != nil {
		return p.StartPos
	}
	return -1
}

// mention is what an expression holds: its variables, and whether an
// array literal or a call of a built-in of the table is among its parts.
type mention struct {
	visitor.Null
	vars    []at
	literal bool
}

func (m *mention) ExprArray(*ast.ExprArray) { m.literal = true }
func (m *mention) ExprFunctionCall(n *ast.ExprFunctionCall) {
	m.literal = m.literal || builtinCall(n)
}
func (m *mention) ExprVariable(n *ast.ExprVariable) {
	if name, ok := varName(n); ok {
		m.vars = append(m.vars, at{pos(n), name})
	}
}

func (m *mention) names() []string {
	out := make([]string, len(m.vars))
	for i, v := range m.vars {
		out[i] = v.name
	}
	return out
}

func partsOf(e ast.Vertex) *mention {
	m := &mention{}
	if e != nil {
		traverser.NewTraverser(m).Traverse(e)
	}
	return m
}

func add(set *map[string]bool, name string) {
	if *set == nil {
		*set = map[string]bool{}
	}
	(*set)[name] = true
}

func sortedKeys(set map[string]bool) []string {
	out := make([]string, 0, len(set))
	for k := range set {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}
