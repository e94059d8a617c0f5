package nullness

import (
	"strings"

	"github.com/VKCOM/php-parser/pkg/ast"

	"github.com/riskvet/riskvet/phpcheck/index"
)

// phpunitAssertions are PHPUnit's assertions that narrow, by lowercase
// name, with what each proves of which argument.
var phpunitAssertions = map[string]struct {
	arg int      // the argument narrowed
	n   Nullness // what it becomes
}{
	"assertnotnull":    {0, NonNull},
	"assertisobject":   {0, NonNull},
	"assertnotempty":   {0, NonNull},
	"assertinstanceof": {1, NonNull},
	"assertnull":       {0, Null},
	"assertnotsame":    {1, NonNull}, // with null expected
	"assertnotequals":  {1, NonNull}, // with null expected
	"assertsame":       {1, Null},    // with null expected
	"asserttrue":       {0, never},   // a condition
	"assertfalse":      {0, never},   // a condition, negated
}

// PHPUnit's base classes, which declare the assertions.
const (
	phpunitAssertClass   = `PHPUnit\Framework\Assert`
	phpunitTestCaseClass = `PHPUnit\Framework\TestCase`
)

// phpunitAssert applies a call to one of PHPUnit's assertions
// ($this->assertNotNull($x), self::, static::, Assert::...): a failed
// assertion throws, so the code after it runs only where it held, as
// after assert(). The method is recognised by name when the scanned tree
// does not declare it (PHPUnit itself is rarely scanned) or declares it in
// a subclass of PHPUnit's Assert or TestCase. It reports whether the call
// was one; it then has evaluated the arguments.
func (a *analyzer) phpunitAssert(name ast.Vertex, m *index.Func, cl *index.Class, args []ast.Vertex, s *State) bool {
	id, ok := name.(*ast.Identifier)
	if !ok || len(id.Value) < 10 || !strings.EqualFold(string(id.Value[:6]), "assert") {
		return false
	}
	spec, ok := phpunitAssertions[strings.ToLower(string(id.Value))]
	if !ok || len(args) <= spec.arg {
		return false
	}
	if m != nil && (cl == nil || !a.ix.IsSubclass(cl.Name, phpunitAssertClass) && !a.ix.IsSubclass(cl.Name, phpunitTestCaseClass)) {
		return false
	}
	arg, ok := args[spec.arg].(*ast.Argument)
	if !ok || arg.Expr == nil || arg.VariadicTkn != nil {
		return false
	}
	if spec.n == never {
		t, f := a.cond(arg.Expr, s)
		if strings.EqualFold(string(id.Value), "assertFalse") {
			t = f
		}
		s.replace(t)
		a.args(args[1:], nil, nil, s)
		return true
	}
	a.args(args, m, cl, s)
	switch strings.ToLower(string(id.Value)) {
	case "assertnotsame", "assertnotequals", "assertsame":
		if first, ok := args[0].(*ast.Argument); !ok || !index.IsNull(first.Expr) {
			return true
		}
	case "assertinstanceof":
		a.narrow(arg.Expr, s, NonNull)
		if first, ok := args[0].(*ast.Argument); ok {
			if class := a.classConstant(first.Expr); class != "" {
				a.setClass(arg.Expr, class, s)
			}
		}
		return true
	}
	a.narrow(arg.Expr, s, spec.n)
	return true
}

// classConstant returns the class named by `Foo::class`, or "".
func (a *analyzer) classConstant(e ast.Vertex) string {
	c, ok := e.(*ast.ExprClassConstFetch)
	if !ok {
		return ""
	}
	if id, ok := c.Const.(*ast.Identifier); !ok || !strings.EqualFold(string(id.Value), "class") {
		return ""
	}
	switch c.Class.(type) {
	case *ast.Name, *ast.NameFullyQualified, *ast.NameRelative:
		return a.className(c.Class)
	}
	return ""
}
