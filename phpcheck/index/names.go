package index

import (
	"strings"

	"github.com/VKCOM/php-parser/pkg/ast"
)

// Names resolves the class, function and constant names written in one file
// to fully-qualified names (without the leading backslash), following PHP's
// rules: a fully-qualified name is taken as is, a name whose first segment is
// a use alias is expanded, any other name is prefixed with the current
// namespace. Functions and constants are resolved by the caller through
// [Names.FuncCandidates], since PHP falls back to the global namespace for them.
//
// Both the index (Collect) and the flow engine walk a file's top-level
// statements in order and feed them to Names, so both see the same imports.
type Names struct {
	// Namespace is the current namespace ("" for the global one).
	Namespace string
	classes   map[string]string // lowercase alias -> FQN
	funcs     map[string]string // lowercase alias -> FQN
}

// EnterNamespace starts a namespace; imports do not carry over.
func (n *Names) EnterNamespace(ns *ast.StmtNamespace) {
	n.Namespace = ""
	if ns.Name != nil {
		n.Namespace = NameString(ns.Name)
	}
	n.classes, n.funcs = nil, nil
}

// AddUses records a use statement (plain or grouped).
func (n *Names) AddUses(s ast.Vertex) {
	switch s := s.(type) {
	case *ast.StmtUseList:
		kind := useKind(s.Type)
		for _, u := range s.Uses {
			if u, ok := u.(*ast.StmtUse); ok {
				n.addUse(kind, u, "")
			}
		}
	case *ast.StmtGroupUseList:
		kind := useKind(s.Type)
		prefix := NameString(s.Prefix)
		for _, u := range s.Uses {
			if u, ok := u.(*ast.StmtUse); ok {
				n.addUse(kind, u, prefix)
			}
		}
	}
}

func useKind(t ast.Vertex) string {
	if id, ok := t.(*ast.Identifier); ok {
		return strings.ToLower(string(id.Value))
	}
	return ""
}

func (n *Names) addUse(kind string, u *ast.StmtUse, prefix string) {
	if k := useKind(u.Type); k != "" {
		kind = k
	}
	full := NameString(u.Use)
	if prefix != "" {
		full = prefix + `\` + full
	}
	alias := full
	if i := strings.LastIndexByte(full, '\\'); i >= 0 {
		alias = full[i+1:]
	}
	if id, ok := u.Alias.(*ast.Identifier); ok {
		alias = string(id.Value)
	}
	alias = strings.ToLower(alias)
	switch kind {
	case "function":
		if n.funcs == nil {
			n.funcs = map[string]string{}
		}
		n.funcs[alias] = full
	case "const":
		// Constants are not typed by the index; nothing to resolve.
	default:
		if n.classes == nil {
			n.classes = map[string]string{}
		}
		n.classes[alias] = full
	}
}

// Class resolves a class name node. The special names self, static and
// parent come back lowercased and unresolved: only the caller knows the
// enclosing class. Anything that is not a name (a variable class, an
// anonymous class) gives "".
func (n *Names) Class(v ast.Vertex) string {
	switch v := v.(type) {
	case *ast.NameFullyQualified:
		return joinParts(v.Parts)
	case *ast.NameRelative:
		return n.Qualify(joinParts(v.Parts))
	case *ast.Name:
		return n.ClassString(joinParts(v.Parts))
	case *ast.Identifier:
		return n.ClassString(string(v.Value))
	}
	return ""
}

// ClassString resolves a class name as written in source or in a docblock.
func (n *Names) ClassString(s string) string {
	if s == "" {
		return ""
	}
	if s[0] == '\\' {
		return s[1:]
	}
	first, rest := s, ""
	if i := strings.IndexByte(s, '\\'); i >= 0 {
		first, rest = s[:i], s[i:]
	}
	if rest == "" {
		switch strings.ToLower(s) {
		case "self", "static", "parent", "this", "$this":
			if s == "$this" || strings.EqualFold(s, "this") {
				return "static"
			}
			return strings.ToLower(s)
		}
		if isBuiltinType(s) {
			return strings.ToLower(s)
		}
	}
	if full, ok := n.classes[strings.ToLower(first)]; ok {
		return full + rest
	}
	return n.Qualify(s)
}

func (n *Names) Qualify(s string) string {
	if n.Namespace == "" {
		return s
	}
	return n.Namespace + `\` + s
}

// FuncCandidates returns the fully-qualified names a function call name may
// refer to, most specific first: an unqualified name in a namespace falls
// back to the global function.
func (n *Names) FuncCandidates(v ast.Vertex) (string, string) {
	switch v := v.(type) {
	case *ast.NameFullyQualified:
		return joinParts(v.Parts), ""
	case *ast.NameRelative:
		return n.Qualify(joinParts(v.Parts)), ""
	case *ast.Name:
		s := joinParts(v.Parts)
		if len(v.Parts) > 1 {
			first := s[:strings.IndexByte(s, '\\')]
			if full, ok := n.classes[strings.ToLower(first)]; ok {
				return full + s[len(first):], ""
			}
			return n.Qualify(s), ""
		}
		if full, ok := n.funcs[strings.ToLower(s)]; ok {
			return full, ""
		}
		if n.Namespace == "" {
			return s, ""
		}
		return n.Qualify(s), s
	}
	return "", ""
}

// NameString joins a name node's parts with backslashes, as written.
func NameString(v ast.Vertex) string {
	switch v := v.(type) {
	case *ast.Name:
		return joinParts(v.Parts)
	case *ast.NameFullyQualified:
		return joinParts(v.Parts)
	case *ast.NameRelative:
		return joinParts(v.Parts)
	case *ast.Identifier:
		return string(v.Value)
	}
	return ""
}

func joinParts(parts []ast.Vertex) string {
	if len(parts) == 1 {
		if p, ok := parts[0].(*ast.NamePart); ok {
			return string(p.Value)
		}
	}
	var b strings.Builder
	for i, p := range parts {
		if i > 0 {
			b.WriteByte('\\')
		}
		if p, ok := p.(*ast.NamePart); ok {
			b.Write(p.Value)
		}
	}
	return b.String()
}

// isBuiltinType reports whether s names a PHP type that is not a class.
func isBuiltinType(s string) bool {
	switch strings.ToLower(s) {
	case "int", "integer", "float", "double", "string", "bool", "boolean", "array",
		"iterable", "callable", "object", "mixed", "void", "null", "never",
		"false", "true", "resource", "scalar", "numeric", "list", "non-empty-string",
		"positive-int", "class-string", "array-key":
		return true
	}
	return false
}

// ImportedFuncs returns the lowercase short names of the functions that
// root's use statements import (`use function App\rows as fetch;` gives
// "rows"). A look at the names a file calls, made before a walk resolves
// them, adds these for the calls by an alias. Use statements stand at the
// top level or in a namespace block, so only those are read.
func ImportedFuncs(root ast.Vertex) []string {
	r, ok := root.(*ast.Root)
	if !ok {
		return nil
	}
	var out []string
	var read func(stmts []ast.Vertex)
	read = func(stmts []ast.Vertex) {
		for _, s := range stmts {
			switch s := s.(type) {
			case *ast.StmtNamespace:
				read(s.Stmts)
			case *ast.StmtUseList, *ast.StmtGroupUseList:
				var n Names
				n.AddUses(s)
				for _, full := range n.funcs {
					out = append(out, strings.ToLower(full[strings.LastIndexByte(full, '\\')+1:]))
				}
			}
		}
	}
	read(r.Stmts)
	return out
}

// FirstClass reports whether e is a call written in PHP 8.1's first-class
// callable syntax (`f(...)`, `$o->m(...)`, `C::m(...)`): it creates a
// Closure and calls nothing, so neither the callee's result nor its
// effects apply.
func FirstClass(e ast.Vertex) bool {
	switch e := e.(type) {
	case *ast.ExprFunctionCall:
		return e.EllipsisTkn != nil
	case *ast.ExprMethodCall:
		return e.EllipsisTkn != nil
	case *ast.ExprNullsafeMethodCall:
		return e.EllipsisTkn != nil
	case *ast.ExprStaticCall:
		return e.EllipsisTkn != nil
	}
	return false
}
