package index

import (
	"strings"

	"github.com/VKCOM/php-parser/pkg/ast"
	"github.com/VKCOM/php-parser/pkg/token"
)

// TypeOf converts a native type declaration to a [Type]. self and static
// resolve to class, parent to parent. A nil node gives the Undeclared type.
func TypeOf(n *Names, v ast.Vertex, class, parent string) Type {
	if v == nil {
		return Type{}
	}
	t := Type{Source: Declared, NonNull: true}
	var b strings.Builder
	addTypeNode(&t, &b, n, v, class, parent)
	t.Text = b.String()
	if t.Nullable {
		t.NonNull = false
	}
	return t
}

func addTypeNode(t *Type, b *strings.Builder, n *Names, v ast.Vertex, class, parent string) {
	switch v := v.(type) {
	case *ast.Nullable:
		t.Nullable = true
		b.WriteByte('?')
		addTypeNode(t, b, n, v.Expr, class, parent)
	case *ast.Union:
		for i, x := range v.Types {
			if i > 0 {
				b.WriteByte('|')
			}
			_, dnf := x.(*ast.Intersection) // PHP 8.2: (A&B)|null
			if dnf {
				b.WriteByte('(')
			}
			addTypeNode(t, b, n, x, class, parent)
			if dnf {
				b.WriteByte(')')
			}
		}
	case *ast.Intersection:
		for i, x := range v.Types {
			if i > 0 {
				b.WriteByte('&')
			}
			addTypeNode(t, b, n, x, class, parent)
		}
	default:
		name := NameString(v)
		if _, fq := v.(*ast.NameFullyQualified); fq {
			b.WriteByte('\\')
		}
		b.WriteString(name)
		addTypeName(t, n, name, class, parent, v)
	}
}

// addTypeName adds one atomic type name to t.
func addTypeName(t *Type, n *Names, name, class, parent string, v ast.Vertex) {
	switch strings.ToLower(name) {
	case "null":
		t.Nullable = true
		return
	case "mixed":
		// mixed admits null but says nothing: unknown, never reported.
		t.NonNull = false
		return
	case "self", "static", "$this":
		if class != "" {
			t.Classes = append(t.Classes, class)
		}
		return
	case "parent":
		if parent != "" {
			t.Classes = append(t.Classes, parent)
		}
		return
	}
	if isBuiltinType(name) {
		return
	}
	var full string
	if v != nil {
		full = n.Class(v)
	} else {
		full = n.ClassString(name)
	}
	if full != "" {
		t.Classes = append(t.Classes, full)
	}
}

// DocType parses the type following tag ("@return", "@var") in a docblock.
// ok is false when the tag is absent. Only the parts the checks need are
// understood: unions, ?T, null, class names; generic and array shapes are
// skipped as non-class parts.
func DocType(n *Names, doc, tag, class, parent string) (t Type, ok bool) {
	text := docTypeText(doc, tag)
	if text == "" {
		return Type{}, false
	}
	t = Type{Text: text, Source: Doc, NonNull: true}
	depth := 0
	start := 0
	for k := 0; k <= len(text); k++ {
		if k < len(text) {
			c := text[k]
			if c == '<' || c == '(' || c == '{' || c == '[' {
				depth++
				continue
			}
			if (c == '>' || c == ')' || c == '}' || c == ']') && depth > 0 {
				depth--
				continue
			}
			if depth > 0 || c != '|' {
				continue
			}
		}
		part := text[start:k]
		start = k + 1
		if strings.HasPrefix(part, "?") {
			t.Nullable = true
			part = part[1:]
		}
		if part == "" || strings.ContainsAny(part, "<>[](){}:'\" ") {
			continue
		}
		addTypeName(&t, n, part, class, parent, nil)
	}
	if t.Nullable {
		t.NonNull = false
	}
	return t, true
}

// docTypeText returns the text of the type following tag in a docblock,
// or "" when the tag is absent or names no type.
func docTypeText(doc, tag string) string {
	i := strings.Index(doc, tag)
	for i >= 0 {
		end := i + len(tag)
		if end < len(doc) && (doc[end] == ' ' || doc[end] == '\t') {
			break
		}
		j := strings.Index(doc[end:], tag)
		if j < 0 {
			return ""
		}
		i = end + j
	}
	if i < 0 {
		return ""
	}
	text, _ := SplitDocType(doc[i+len(tag):])
	if text == "" || text[0] == '$' {
		return ""
	}
	return text
}

// SplitDocType splits the text after a docblock tag into the type, which
// runs from the first non-blank to the first blank outside brackets, and
// the rest.
func SplitDocType(s string) (typ, rest string) {
	s = strings.TrimLeft(s, " \t")
	depth, k := 0, 0
	for ; k < len(s); k++ {
		c := s[k]
		if c == '<' || c == '(' || c == '{' || c == '[' {
			depth++
		} else if (c == '>' || c == ')' || c == '}' || c == ']') && depth > 0 {
			depth--
		} else if depth == 0 && (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '*') {
			break
		}
	}
	return s[:k], s[k:]
}

// docComment returns the last doc comment in the free-floating tokens before
// the first of toks that is not nil.
func docComment(toks ...*token.Token) string {
	for _, tk := range toks {
		if tk == nil {
			continue
		}
		for i := len(tk.FreeFloating) - 1; i >= 0; i-- {
			if ff := tk.FreeFloating[i]; ff.ID == token.T_DOC_COMMENT {
				return string(ff.Value)
			}
		}
		return ""
	}
	return ""
}

// firstToken returns the token that starts a declaration with the given
// attribute groups and modifiers, falling back to kw.
func firstToken(attrs, mods []ast.Vertex, kw *token.Token) *token.Token {
	if len(attrs) > 0 {
		if g, ok := attrs[0].(*ast.AttributeGroup); ok && g.OpenAttributeTkn != nil {
			return g.OpenAttributeTkn
		}
	}
	if len(mods) > 0 {
		if id, ok := mods[0].(*ast.Identifier); ok && id.IdentifierTkn != nil {
			return id.IdentifierTkn
		}
	}
	return kw
}

// IsNull reports whether v is the null literal.
func IsNull(v ast.Vertex) bool {
	c, ok := v.(*ast.ExprConstFetch)
	if !ok {
		return false
	}
	switch name := c.Const.(type) {
	case *ast.Name:
		return len(name.Parts) == 1 && isNullWord(name.Parts[0])
	case *ast.NameFullyQualified:
		return len(name.Parts) == 1 && isNullWord(name.Parts[0])
	}
	return false
}

func isNullWord(v ast.Vertex) bool {
	p, ok := v.(*ast.NamePart)
	return ok && len(p.Value) == 4 && strings.EqualFold(string(p.Value), "null")
}
