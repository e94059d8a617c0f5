package undefinedindex

import (
	"bytes"
	"strconv"
	"strings"

	"github.com/VKCOM/php-parser/pkg/ast"

	"github.com/riskvet/riskvet/phpcheck/index"
)

// docVar is one inline `/** @var array{...} $x */` tag.
type docVar struct {
	name string // "$x", or "" for the bare `/** @var T */` form
	typ  string
	line int
}

// varTags are the tags that state a variable's type, the tool-specific
// ones first.
var varTags = [...]string{"@phpstan-var", "@psalm-var", "@var"}

// scanDocs finds the inline @var tags of a file that may state an array
// shape, by the line their doc comment ends on. It reads the source text,
// not the AST: php-parser keeps comments as free-floating tokens of
// whatever token follows, and the statement's line is all that is needed
// to find the one a comment precedes.
func scanDocs(src []byte) map[int][]docVar {
	var out map[int][]docVar
	off := 0
	for {
		i := bytes.Index(src[off:], []byte("/**"))
		if i < 0 {
			return out
		}
		start := off + i
		j := bytes.Index(src[start+3:], []byte("*/"))
		if j < 0 {
			return out
		}
		end := start + 3 + j + 2
		off = end
		doc := string(src[start:end])
		if !strings.Contains(doc, "var") {
			continue
		}
		ln := 1 + bytes.Count(src[:end], []byte("\n"))
		seen := map[string]bool{}
		for _, tag := range varTags {
			for _, t := range index.DocTags(doc, tag) {
				typ, name := t.Type, t.Var
				if seen[name] || !index.MayBeShape(typ) {
					continue
				}
				seen[name] = true
				if out == nil {
					out = map[int][]docVar{}
				}
				out[ln] = append(out[ln], docVar{name: name, typ: typ, line: ln})
			}
		}
	}
}

// inlineVars applies the @var tags written just before statement n that
// name a variable it does not assign, and returns the others, which apply
// after it (see applyVars).
func (w *domain) inlineVars(n ast.Vertex, s *state) []docVar {
	if len(w.docs) == 0 {
		return nil
	}
	ln := line(n)
	var later []docVar
	for _, l := range [...]int{ln - 1, ln} {
		for _, dv := range w.docs[l] {
			if dv.name == "" || assignedBy(n) == dv.name {
				later = append(later, dv)
			} else {
				w.applyVar(dv, dv.name, s)
			}
		}
	}
	return later
}

// applyVars applies tags after the statement that assigns their variable;
// a bare tag names the variable the statement assigns.
func (w *domain) applyVars(vars []docVar, n ast.Vertex, s *state) {
	for _, dv := range vars {
		name := dv.name
		if name == "" {
			name = assignedBy(n)
		}
		w.applyVar(dv, name, s)
	}
}

func (w *domain) applyVar(dv docVar, name string, s *state) {
	if name == "" || s.dead {
		return
	}
	if sh := label(parseType(dv.typ, w.aliases(w.class())), "the @var at line "+strconv.Itoa(dv.line), "", ""); sh != nil {
		s.arrays[name] = sh
	}
}

// assignedBy returns the variable an expression statement assigns, or "".
func assignedBy(n ast.Vertex) string {
	st, ok := n.(*ast.StmtExpression)
	if !ok {
		return ""
	}
	if a, ok := st.Expr.(*ast.ExprAssign); ok {
		name, _ := varName(a.Var)
		return name
	}
	return ""
}

// paramTags are the tags that state a parameter's type, the
// tool-specific ones first.
var paramTags = [...]string{"@phpstan-param", "@psalm-param", "@param"}

// params returns the state a function or method body starts in: its
// parameters documented with an array shape have it.
func (w *domain) params(decl ast.Vertex, params []ast.Vertex) *state {
	s := newState()
	doc := index.DeclDoc(decl)
	if !strings.Contains(doc, "param") {
		return s
	}
	declared := map[string]bool{}
	for _, p := range params {
		if p, ok := p.(*ast.Parameter); ok && p.VariadicTkn == nil {
			if name, ok := varName(p.Var); ok {
				declared[name] = true
			}
		}
	}
	for _, tag := range paramTags {
		for _, t := range index.DocTags(doc, tag) {
			typ, name := t.Type, t.Var
			if !declared[name] {
				continue
			}
			declared[name] = false // the first tag wins
			if sh := label(parseType(typ, w.aliases(w.class())), "the @param of "+name, "line "+strconv.Itoa(line(decl)), ""); sh != nil {
				s.arrays[name] = sh
			}
		}
	}
	return s
}
