package stricttypes

import (
	"bytes"
	_ "embed"
	"strings"

	"github.com/VKCOM/php-parser/pkg/ast"

	"github.com/riskvet/riskvet/phpcheck/check"
)

//go:embed doc.go
var doc string

// Checker is the stricttypes check.
var Checker = &check.Checker{
	Name: "stricttypes",
	Doc:  check.MustExtractDoc(doc, "stricttypes"),
	Rule: rule,
	Run:  run,
	// Local: the check reads one file and never the index.
	Local: true,
}

func run(pass *check.Pass) {
	root, ok := pass.Root.(*ast.Root)
	if !ok || !bytes.HasPrefix(bytes.ToLower(pass.Src[:min(5, len(pass.Src))]), []byte("<?php")) {
		// Empty, inline HTML first, or a <?= / <? template.
		return
	}
	if len(root.Stmts) > 0 {
		if _, html := root.Stmts[0].(*ast.StmtInlineHtml); html {
			return
		}
		if d, ok := root.Stmts[0].(*ast.StmtDeclare); ok {
			if c, val := strictTypes(d); c != nil {
				if val != "1" {
					pass.Report(check.Diagnostic{
						Pos: c.Position.StartPos, End: c.Position.EndPos,
						Message: "strict_types=" + val + " leaves weak scalar typing on",
						Fix:     fixValue(c),
					})
				}
				return
			}
		}
		// A strict_types declare that is not the first statement.
		for _, s := range root.Stmts[1:] {
			if d, ok := s.(*ast.StmtDeclare); ok {
				if c, _ := strictTypes(d); c != nil {
					pass.Report(check.Diagnostic{
						Pos: c.Position.StartPos, End: c.Position.EndPos,
						Message: "declare(strict_types) is not the first statement of the file",
					})
					return
				}
			}
		}
	}
	pass.Report(check.Diagnostic{
		Pos: 0, End: 5,
		Message: "file does not declare strict_types=1",
		Fix:     []check.Edit{insertion(pass.Src)},
	})
}

// Declared reports whether a file's root declares strict_types=1 in its
// first statement, the only place PHP accepts it: the file's calls then
// pass their arguments to built-ins without coercion.
func Declared(root ast.Vertex) bool {
	r, ok := root.(*ast.Root)
	if !ok || len(r.Stmts) == 0 {
		return false
	}
	d, ok := r.Stmts[0].(*ast.StmtDeclare)
	if !ok {
		return false
	}
	c, val := strictTypes(d)
	return c != nil && val == "1"
}

// strictTypes returns the strict_types directive of d and its value as
// written, or nil.
func strictTypes(d *ast.StmtDeclare) (*ast.StmtConstant, string) {
	for _, v := range d.Consts {
		c, ok := v.(*ast.StmtConstant)
		if !ok || c.Position == nil {
			continue
		}
		id, ok := c.Name.(*ast.Identifier)
		if !ok || !strings.EqualFold(string(id.Value), "strict_types") {
			continue
		}
		if n, ok := c.Expr.(*ast.ScalarLnumber); ok {
			return c, string(n.Value)
		}
		return c, "?"
	}
	return nil, ""
}

// fixValue rewrites a literal strict_types value to 1.
func fixValue(c *ast.StmtConstant) []check.Edit {
	n, ok := c.Expr.(*ast.ScalarLnumber)
	if !ok || n.Position == nil {
		return nil
	}
	return []check.Edit{{Pos: n.Position.StartPos, End: n.Position.EndPos, New: "1"}}
}

// insertion places `declare(strict_types=1);` on its own line after the
// opening tag, ending it as the file ends its first line.
func insertion(src []byte) check.Edit {
	const decl = "declare(strict_types=1);"
	eol := lineEnding(src)
	rest := src[5:]
	switch {
	case bytes.HasPrefix(rest, []byte("\r\n")):
		return check.Edit{Pos: 7, End: 7, New: decl + "\r\n"}
	case len(rest) > 0 && (rest[0] == '\n' || rest[0] == '\r'):
		return check.Edit{Pos: 6, End: 6, New: decl + string(rest[0])}
	case len(rest) == 0:
		return check.Edit{Pos: 5, End: 5, New: eol + decl + eol}
	default:
		// `<?php code` on one line: keep the code where it is.
		return check.Edit{Pos: 5, End: 5, New: " " + decl}
	}
}

// lineEnding returns the file's first line terminator, "\n" if it has none.
func lineEnding(src []byte) string {
	if i := bytes.IndexAny(src, "\r\n"); i >= 0 {
		if src[i] == '\r' && i+1 < len(src) && src[i+1] == '\n' {
			return "\r\n"
		}
		return string(src[i])
	}
	return "\n"
}
