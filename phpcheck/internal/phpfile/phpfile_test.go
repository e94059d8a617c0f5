package phpfile_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/VKCOM/php-parser/pkg/ast"
	"github.com/VKCOM/php-parser/pkg/visitor/dumper"

	"github.com/riskvet/riskvet/internal/position"
	"github.com/riskvet/riskvet/phpcheck/check"
	"github.com/riskvet/riskvet/phpcheck/internal/phpfile"
)

// TestParseNoHang covers inputs on which php-parser v0.8.2 loops forever
// (inline HTML ending in "<", found by FuzzCheck) or crashes.
func TestParseNoHang(t *testing.T) {
	for _, src := range []string{"<", "a<", "<<", "<html><", "<?php echo 1; ?><", "<?php\recho 1;\r"} {
		root, serr := phpfile.Parse([]byte(src))
		if root == nil && serr == nil {
			t.Errorf("Parse(%q) returned neither a tree nor an error", src)
		}
	}
}

func TestParseError(t *testing.T) {
	_, serr := phpfile.Parse([]byte("<?php\n\nfunction f( {\n"))
	if serr == nil || serr.Offset != 19 || !strings.HasPrefix(serr.Message, "syntax error") {
		t.Errorf("got %+v, want a syntax error at offset 19", serr)
	}
	_, serr = phpfile.Parse([]byte("<?php\n$a = (real) 1;\n"))
	if serr == nil || serr.Message != "the (real) cast has been removed, use (float) instead" {
		t.Errorf("got %+v, want the parser's message lowercased without a period", serr)
	}
}

// TestParseValidEdges covers valid PHP that php-parser v0.8.2 rejects or
// crashes on as given (see parserInput): each must parse, and a syntax
// error after lone "\r" line ends must keep its offset.
func TestParseValidEdges(t *testing.T) {
	for _, src := range []string{
		"<?php",
		"<?PHP",
		"<html><?php",
		"<?php\r$a = 1;\r",
		"<?php\r\n$a = 1;\r\n",
		"<?php\r$a = 1;\r\n$b = 2;\r",
		"<?php\r",
		"\r\r<?php\r\r",
	} {
		root, serr := phpfile.Parse([]byte(src))
		if root == nil || serr != nil {
			t.Errorf("Parse(%q) = %v, %+v; want a tree", src, root, serr)
		}
	}
	src := []byte("<?php\r\rfunction f( {\r")
	orig := string(src)
	_, serr := phpfile.Parse(src)
	if serr == nil || serr.Offset != 19 {
		t.Errorf("got %+v, want a syntax error at offset 19", serr)
	}
	if string(src) != orig {
		t.Errorf("Parse changed its input to %q", src)
	}
}

// TestWithheld checks that a withheld diagnostic is never reported but
// uses the directive that covers it, while a directive covering nothing
// is still reported as unused.
func TestWithheld(t *testing.T) {
	src := []byte("<?php\n// riskvet:ignore nullderef covered\n$a->b;\n// riskvet:ignore nullderef stale\n$c->d;\n$e->f;\n")
	root, serr := phpfile.Parse(src)
	if serr != nil {
		t.Fatal(serr)
	}
	withholding := &check.Checker{Name: "nullderef", Run: func(p *check.Pass) {
		p.Report(check.Diagnostic{Pos: bytes.Index(src, []byte("$a")), Message: "withheld under a directive", Withheld: true})
		p.Report(check.Diagnostic{Pos: bytes.Index(src, []byte("$e")), Message: "withheld", Withheld: true})
	}}
	f := &phpfile.File{Path: "w.php", Src: src, Root: root, Lines: position.NewFile(src)}
	fs, _, err := phpfile.Check(f, nil, []*check.Checker{withholding}, phpfile.Known)
	if err != nil {
		t.Fatal(err)
	}
	if len(fs) != 1 || fs[0].Rule != phpfile.BadIgnore || fs[0].Line != 4 {
		t.Errorf("got %+v, want only the stale directive of line 4", fs)
	}
}

// TestParseRewritten covers syntax that package rewrite changes for the
// parser: the tree reads the file's own names, and a "new" blanked for the
// parser is an ExprNew again, at its own offset.
func TestParseRewritten(t *testing.T) {
	src := "<?php\nenum E { case Default; }\nnew A()->f();\n"
	root, serr := phpfile.Parse([]byte(src))
	if serr != nil {
		t.Fatalf("Parse: %+v", serr)
	}
	stmts := root.(*ast.Root).Stmts
	enumCase := stmts[0].(*ast.StmtEnum).Stmts[0].(*ast.EnumCase)
	if got := string(enumCase.Name.(*ast.Identifier).Value); got != "Default" {
		t.Errorf("enum case name %q, want Default", got)
	}
	call := stmts[1].(*ast.StmtExpression).Expr.(*ast.ExprMethodCall)
	n, ok := call.Var.(*ast.ExprNew)
	if !ok {
		t.Fatalf("method call on %T, want *ast.ExprNew", call.Var)
	}
	if want := strings.Index(src, "new A"); n.Position.StartPos != want || string(n.Class.(*ast.Name).Parts[0].(*ast.NamePart).Value) != "A" {
		t.Errorf("new at %d of class %v, want at %d of A", n.Position.StartPos, n.Class, want)
	}
}

// TestParseDNF: a DNF type's intersection, which the rewrite cuts to its
// first name for the parser, is an intersection again in the tree.
func TestParseDNF(t *testing.T) {
	src := "<?php\nfunction f((A&\\B\\C)|null $x) {}\n"
	root, serr := phpfile.Parse([]byte(src))
	if serr != nil {
		t.Fatalf("Parse: %+v", serr)
	}
	typ := root.(*ast.Root).Stmts[0].(*ast.StmtFunction).Params[0].(*ast.Parameter).Type.(*ast.Union)
	is, ok := typ.Types[0].(*ast.Intersection)
	if !ok || len(is.Types) != 2 || len(typ.Types) != 2 {
		t.Fatalf("type %#v, want (A&\\B\\C)|null", typ)
	}
	fq, ok := is.Types[1].(*ast.NameFullyQualified)
	if !ok || len(fq.Parts) != 2 || string(fq.Parts[1].(*ast.NamePart).Value) != "C" || is.Position.StartPos != strings.Index(src, "(A") {
		t.Errorf("second member %#v at %d", is.Types[1], is.Position.StartPos)
	}
}

// TestParsePlain: ParsePlain tells a file the rewrite leaves alone from one
// it changes, and a plain file parsed again with the scan skipped gives the
// same tree.
func TestParsePlain(t *testing.T) {
	for _, tc := range []struct {
		src   string
		plain bool
	}{
		{"<?php\nclass A { const X = 1; public static function f(?A $a) { return $a?->b; } }\n", true},
		{"<?php\nenum E { case Default; }\n", false},
		{"<?php\nnew A()->f();\n", false},
		{"<?php\nclass A { public int $x { get => 1; } }\n", false},
	} {
		root, plain, serr := phpfile.ParsePlain([]byte(tc.src), false)
		if serr != nil {
			t.Fatalf("ParsePlain(%q): %+v", tc.src, serr)
		}
		if plain != tc.plain {
			t.Errorf("ParsePlain(%q) plain %v, want %v", tc.src, plain, tc.plain)
		}
		if !plain {
			continue
		}
		again, plain, serr := phpfile.ParsePlain([]byte(tc.src), true)
		if serr != nil || !plain {
			t.Fatalf("ParsePlain(%q, true): plain %v, %+v", tc.src, plain, serr)
		}
		if a, b := dump(root), dump(again); a != b {
			t.Errorf("ParsePlain(%q, true) tree\n%s\nwant\n%s", tc.src, b, a)
		}
	}
}

// dump prints a tree with its tokens and positions.
func dump(root ast.Vertex) string {
	var b strings.Builder
	dumper.NewDumper(&b).WithTokens().WithPositions().Dump(root)
	return b.String()
}
