package index

import (
	"iter"
	"strings"

	"github.com/VKCOM/php-parser/pkg/ast"
)

// This file holds what undefinedindex reads of array shapes: the type text
// of @return tags that may name an array shape (Func.ArrayDoc), and a
// class's type aliases and documented array properties (Class.Shapes).
// The text is kept as written; the check parses it.

// DocShape is a named type written in a class's docblocks: a type alias
// (@phpstan-type, @psalm-type), an imported alias (@phpstan-import-type,
// @psalm-import-type), or a property's documented type (Name "$prop",
// from the property's @var or the class's @property tags).
type DocShape struct {
	// Name is the alias, or the property with its $.
	Name string
	// Type is the type as written; empty for an import.
	Type string
	// From is the fully-qualified class an import names, and Orig the
	// alias's name there.
	From, Orig string
	Line       int
}

// shapeTags are the tag prefixes read for a type, the tool-specific ones
// first: PHPStan and Psalm read their own tag before the plain one.
var shapeTags = [...]string{"@phpstan-", "@psalm-", "@"}

// ArrayDoc returns the type of a declaration's @phpstan-TAG, @psalm-TAG or
// @TAG tag when it may describe an array shape: it has braces, names a
// non-empty list, or is a bare name that may be a type alias. It is ""
// otherwise, so that the index keeps no text for the common class types.
func ArrayDoc(doc, tag string) string {
	if t := docTag(doc, tag); t != "" && MayBeShape(t) {
		return t
	}
	return ""
}

// docTag returns the type of the first of a declaration's @phpstan-TAG,
// @psalm-TAG and @TAG tags it has, "" when none.
func docTag(doc, tag string) string {
	if doc == "" {
		return ""
	}
	for _, p := range shapeTags {
		if t := docTypeText(doc, p+tag); t != "" {
			return t
		}
	}
	return ""
}

// NonEmptyDoc reports whether a declaration's @phpstan-TAG, @psalm-TAG or
// @TAG type (the first found, as ArrayDoc reads them) is a non-empty array
// alone: non-empty-array or non-empty-list, with or without parameters.
// A union (with null, say) is not.
func NonEmptyDoc(doc, tag string) bool {
	t := docTag(doc, tag)
	for _, ne := range [...]string{"non-empty-array", "non-empty-list"} {
		if rest, ok := strings.CutPrefix(t, ne); ok && (rest == "" || rest[0] == '<' && !strings.Contains(rest[strings.LastIndexByte(rest, '>')+1:], "|")) {
			return true
		}
	}
	return false
}

// MayBeShape reports whether a type's text may describe an array shape.
func MayBeShape(t string) bool {
	if strings.ContainsAny(t, "{") || strings.Contains(t, "non-empty-list") {
		return true
	}
	for _, c := range strings.TrimPrefix(t, "?") {
		if !(c == '_' || c == '|' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
			return false
		}
	}
	return true
}

// DeclDoc returns the doc comment of a function, method, class or property
// list declaration, or "".
func DeclDoc(decl ast.Vertex) string {
	switch d := decl.(type) {
	case *ast.StmtFunction:
		return docComment(firstToken(d.AttrGroups, nil, d.FunctionTkn))
	case *ast.StmtClassMethod:
		return docComment(firstToken(d.AttrGroups, d.Modifiers, d.FunctionTkn))
	case *ast.StmtClass:
		return docComment(firstToken(d.AttrGroups, d.Modifiers, d.ClassTkn))
	case *ast.StmtTrait:
		return docComment(firstToken(d.AttrGroups, nil, d.TraitTkn))
	case *ast.StmtInterface:
		return docComment(firstToken(d.AttrGroups, nil, d.InterfaceTkn))
	case *ast.StmtPropertyList:
		return docComment(firstToken(d.AttrGroups, d.Modifiers, nil))
	}
	return ""
}

// DocTag is one tag of a docblock: its type, which may span lines (an
// array shape written one key a line), and the variable named after it.
type DocTag struct {
	Type string
	Var  string // "$name", or ""
}

// DocTags returns every tag named tag in a docblock, in order.
func DocTags(doc, tag string) []DocTag {
	var out []DocTag
	for after := range tagUses(doc, tag) {
		typ, rest := SplitDocType(after)
		if typ == "" || typ[0] == '$' {
			continue
		}
		out = append(out, DocTag{Type: typ, Var: leadingVar(strings.TrimLeft(rest, " \t"))})
	}
	return out
}

// tagUses yields, for each use of tag in a docblock followed by a blank,
// the text after the tag.
func tagUses(doc, tag string) iter.Seq[string] {
	return func(yield func(string) bool) {
		for off := 0; ; {
			i := strings.Index(doc[off:], tag)
			if i < 0 {
				return
			}
			off += i + len(tag)
			if off < len(doc) && (doc[off] == ' ' || doc[off] == '\t') && !yield(doc[off:]) {
				return
			}
		}
	}
}

// leadingVar returns the "$name" that s starts with, or "".
func leadingVar(s string) string {
	if len(s) < 2 || s[0] != '$' {
		return ""
	}
	end := 1
	for end < len(s) && (s[end] == '_' || s[end] >= 'a' && s[end] <= 'z' || s[end] >= 'A' && s[end] <= 'Z' || s[end] >= '0' && s[end] <= '9' || s[end] >= 0x80) {
		end++
	}
	if end == 1 {
		return ""
	}
	return s[:end]
}

// classShapes returns the type aliases, imports and @property array types
// of a class's docblock, and the documented array types of its property
// lists.
func classShapes(n *Names, doc string, body []ast.Vertex) []DocShape {
	var out []DocShape
	for _, p := range shapeTags[:2] {
		out = append(out, typeAliases(doc, p+"type")...)
	}
	for _, line := range strings.Split(doc, "\n") {
		for _, p := range shapeTags[:2] {
			if rest, ok := tagText(line, p+"import-type"); ok {
				// "Orig from Class [as Name]"
				f := strings.Fields(rest)
				if len(f) >= 3 && strings.EqualFold(f[1], "from") {
					s := DocShape{Name: f[0], Orig: f[0], From: n.ClassString(f[2])}
					if len(f) >= 5 && strings.EqualFold(f[3], "as") {
						s.Name = f[4]
					}
					out = append(out, s)
				}
			}
		}
	}
	for _, p := range shapeTags {
		for _, tag := range [...]string{"property", "property-read"} {
			for _, t := range DocTags(doc, p+tag) {
				if t.Var != "" && MayBeShape(t.Type) {
					out = append(out, DocShape{Name: t.Var, Type: t.Type})
				}
			}
		}
	}
	// A declared property's own @var wins over the class's @property
	// tag, which documents magic properties.
	var props []DocShape
	declared := map[string]bool{}
	for _, s := range body {
		pl, ok := s.(*ast.StmtPropertyList)
		if !ok {
			continue
		}
		t := ArrayDoc(DeclDoc(pl), "var")
		for _, p := range pl.Props {
			if p, ok := p.(*ast.StmtProperty); ok {
				declared[varName(p.Var)] = true
				if t != "" {
					props = append(props, DocShape{Name: varName(p.Var), Type: t, Line: line(p)})
				}
			}
		}
	}
	kept := out[:0]
	for _, d := range out {
		if !declared[d.Name] {
			kept = append(kept, d)
		}
	}
	return append(kept, props...)
}

// typeAliases returns the aliases a docblock declares with tag
// (@phpstan-type Name = Type, or without the =); the type may span lines.
func typeAliases(doc, tag string) []DocShape {
	var out []DocShape
	for after := range tagUses(doc, tag) {
		rest := strings.TrimLeft(after, " \t")
		name := leadingIdent(rest)
		if name == "" {
			continue
		}
		rest = strings.TrimLeft(rest[len(name):], " \t")
		rest = strings.TrimPrefix(rest, "=")
		if typ, _ := SplitDocType(rest); typ != "" {
			out = append(out, DocShape{Name: name, Type: typ})
		}
	}
	return out
}

// leadingIdent returns the identifier s starts with.
func leadingIdent(s string) string {
	end := 0
	for end < len(s) && (s[end] == '_' || s[end] >= 'a' && s[end] <= 'z' || s[end] >= 'A' && s[end] <= 'Z' || end > 0 && s[end] >= '0' && s[end] <= '9' || s[end] >= 0x80) {
		end++
	}
	return s[:end]
}

// tagText returns what follows tag on a docblock line, when the tag is
// there followed by a blank.
func tagText(line, tag string) (string, bool) {
	i := strings.Index(line, tag)
	if i < 0 {
		return "", false
	}
	rest := line[i+len(tag):]
	if rest == "" || rest[0] != ' ' && rest[0] != '\t' {
		return "", false
	}
	return strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "*/")), true
}
