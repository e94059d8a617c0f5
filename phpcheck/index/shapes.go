package index

import (
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
	if doc == "" {
		return ""
	}
	for _, p := range shapeTags {
		if t := docTypeText(doc, p+tag); t != "" {
			if MayBeShape(t) {
				return t
			}
			return ""
		}
	}
	return ""
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

// classShapes returns the type aliases, imports and @property array types
// of a class's docblock, and the documented array types of its property
// lists.
func classShapes(n *Names, doc string, body []ast.Vertex) []DocShape {
	var out []DocShape
	for _, line := range strings.Split(doc, "\n") {
		for _, p := range shapeTags[:2] {
			if rest, ok := tagText(line, p+"type"); ok {
				// "Name = Type", "Name Type"
				name, typ, _ := strings.Cut(strings.TrimSpace(rest), " ")
				name = strings.TrimSpace(strings.TrimSuffix(name, "="))
				typ = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(typ), "="))
				if name != "" && typ != "" {
					t, _ := SplitDocType(typ)
					out = append(out, DocShape{Name: name, Type: t})
				}
			} else if rest, ok := tagText(line, p+"import-type"); ok {
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
		for _, p := range shapeTags {
			for _, tag := range [...]string{"property", "property-read"} {
				if rest, ok := tagText(line, p+tag); ok {
					t, r := SplitDocType(rest)
					if name := strings.TrimSpace(r); strings.HasPrefix(name, "$") && MayBeShape(t) {
						name, _, _ = strings.Cut(name, " ")
						out = append(out, DocShape{Name: name, Type: t})
					}
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
