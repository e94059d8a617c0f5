package nullness

import (
	"github.com/VKCOM/php-parser/pkg/ast"

	"github.com/riskvet/riskvet/phpcheck/internal/flow"
)

// never is the value of an expression that does not complete (throw,
// exit): it is the identity of joins.
const never Nullness = 255

// children evaluates the operands of operators that have no rule of their
// own: arithmetic, comparison, string and bitwise operators, unary
// operators, include, print, eval.
func (a *analyzer) children(e ast.Vertex, s *State) {
	if l, r := flow.BinaryOperands(e); l != nil || r != nil {
		a.eval(l, s)
		a.eval(r, s)
		return
	}
	a.eval(flow.UnaryOperand(e), s)
}

// isValueOperator reports whether e always yields a non-null value
// (arithmetic, comparison, string operators).
func isValueOperator(e ast.Vertex) bool {
	if l, r := flow.BinaryOperands(e); l != nil || r != nil {
		return true
	}
	switch e.(type) {
	case *ast.ExprBitwiseNot, *ast.ExprUnaryMinus, *ast.ExprUnaryPlus, *ast.ExprPrint:
		return true
	}
	return false
}
