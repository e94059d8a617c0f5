package zerostring

import (
	"bytes"
	_ "embed"

	"github.com/VKCOM/php-parser/pkg/ast"
	"github.com/VKCOM/php-parser/pkg/token"
	"github.com/VKCOM/php-parser/pkg/visitor"
	"github.com/VKCOM/php-parser/pkg/visitor/traverser"

	"github.com/riskvet/riskvet/phpcheck/check"
)

//go:embed doc.go
var doc string

// Checker is the zerostring check.
var Checker = &check.Checker{
	Name: "zerostring",
	Doc:  check.MustExtractDoc(doc, "zerostring"),
	Rule: rule,
	Run:  run,
	// Local: the check reads one file and never the index.
	Local: true,
}

func run(pass *check.Pass) {
	traverser.NewTraverser(&comparisons{pass: pass}).Traverse(pass.Root)
}

// comparisons visits the loose equality comparisons of a file.
type comparisons struct {
	visitor.Null
	pass *check.Pass
}

func (c *comparisons) ExprBinaryEqual(n *ast.ExprBinaryEqual) {
	c.compare(n, n.Left, n.Right, n.OpTkn, "false", "true")
}

func (c *comparisons) ExprBinaryNotEqual(n *ast.ExprBinaryNotEqual) {
	c.compare(n, n.Left, n.Right, n.OpTkn, "true", "false")
}

// compare reports the comparison n of left and right when one is the
// literal 0 and the other a string whose comparison with 0 PHP 8 changed;
// now and before are the comparison's results in PHP 8 and in PHP 7.
func (c *comparisons) compare(n, left, right ast.Vertex, op *token.Token, now, before string) {
	zero, str := left, right
	if !isZero(zero) {
		zero, str = right, left
	}
	s, ok := str.(*ast.ScalarString)
	if !isZero(zero) || !ok || s.MinusTkn != nil {
		return
	}
	text, ok := literal(s.Value)
	if !ok || !changed(text) {
		return
	}
	opText := "=="
	if op != nil {
		opText = string(op.Value)
	}
	expr := "0 " + opText + " " + quote(s.Value)
	if str == left {
		expr = quote(s.Value) + " " + opText + " 0"
	}
	c.pass.Reportf(n, "%s is %s since PHP 8 and was %s before: a non-numeric string is compared with 0 as a string", expr, now, before)
}

// isZero reports whether n is the integer literal 0.
func isZero(n ast.Vertex) bool {
	l, ok := n.(*ast.ScalarLnumber)
	return ok && string(l.Value) == "0"
}

// literal returns the value of a quoted string literal as written in the
// source, and false when it holds a backslash (an escape this check does
// not decode) or is not quoted.
func literal(raw []byte) (string, bool) {
	if len(raw) < 2 || raw[0] != raw[len(raw)-1] || raw[0] != '\'' && raw[0] != '"' {
		return "", false
	}
	body := raw[1 : len(raw)-1]
	if bytes.IndexByte(body, '\\') >= 0 {
		return "", false
	}
	return string(body), true
}

// quote returns a literal as a message shows it, shortened past 30 bytes.
func quote(raw []byte) string {
	if len(raw) <= 30 {
		return string(raw)
	}
	return string(raw[:28]) + "…" + string(raw[len(raw)-1])
}

// changed reports whether 0 == s differs between PHP 7 and PHP 8: s is
// not numeric in PHP 8's sense, and PHP 7 read it as 0 (it has no numeric
// prefix, or one whose value is zero).
func changed(s string) bool {
	if numeric(s) {
		return false
	}
	prefix := numericPrefix(trimLeft(s))
	for _, b := range []byte(prefix) {
		if b >= '1' && b <= '9' {
			// A non-zero digit before any exponent makes the value
			// non-zero; one after it ("0e5") does not.
			return false
		}
		if b == 'e' || b == 'E' {
			break
		}
	}
	return true
}

// space is the whitespace PHP allows around a numeric string.
const space = " \t\n\r\v\f"

func trimLeft(s string) string  { return string(bytes.TrimLeft([]byte(s), space)) }
func trimRight(s string) string { return string(bytes.TrimRight([]byte(s), space)) }

// numeric reports whether s is a numeric string in PHP 8: optional
// whitespace, a decimal integer or float with an optional sign and
// exponent, optional whitespace.
func numeric(s string) bool {
	t := trimRight(trimLeft(s))
	return t != "" && numericPrefix(t) == t
}

// numericPrefix returns the longest prefix of s that is a decimal number:
// [+-]? (digits [. digits?] | . digits) ([eE] [+-]? digits)?.
func numericPrefix(s string) string {
	i := 0
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		i++
	}
	digits := func() int {
		n := 0
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
			n++
		}
		return n
	}
	n := digits()
	if i < len(s) && s[i] == '.' {
		j := i
		i++
		if m := digits(); n == 0 && m == 0 {
			i = j
		} else {
			n += m
		}
	}
	if n == 0 {
		return ""
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		j := i
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		if digits() == 0 {
			i = j
		}
	}
	return s[:i]
}
