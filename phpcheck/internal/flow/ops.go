package flow

import "github.com/VKCOM/php-parser/pkg/ast"

// never is the value of an expression that does not complete (throw,
// exit): it is the identity of joins.
const never Nullness = 255

// children evaluates the operands of operators that have no rule of their
// own: arithmetic, comparison, string and bitwise operators, unary
// operators, include, print, eval.
func (a *analyzer) children(e ast.Vertex, s *State) {
	if l, r := binaryOperands(e); l != nil || r != nil {
		a.eval(l, s)
		a.eval(r, s)
		return
	}
	a.eval(unaryOperand(e), s)
}

// isValueOperator reports whether e always yields a non-null value
// (arithmetic, comparison, string operators).
func isValueOperator(e ast.Vertex) bool {
	if l, r := binaryOperands(e); l != nil || r != nil {
		return true
	}
	switch e.(type) {
	case *ast.ExprBitwiseNot, *ast.ExprUnaryMinus, *ast.ExprUnaryPlus, *ast.ExprPrint:
		return true
	}
	return false
}

func binaryOperands(e ast.Vertex) (ast.Vertex, ast.Vertex) {
	switch e := e.(type) {
	case *ast.ExprBinaryBitwiseAnd:
		return e.Left, e.Right
	case *ast.ExprBinaryBitwiseOr:
		return e.Left, e.Right
	case *ast.ExprBinaryBitwiseXor:
		return e.Left, e.Right
	case *ast.ExprBinaryConcat:
		return e.Left, e.Right
	case *ast.ExprBinaryDiv:
		return e.Left, e.Right
	case *ast.ExprBinaryEqual:
		return e.Left, e.Right
	case *ast.ExprBinaryGreater:
		return e.Left, e.Right
	case *ast.ExprBinaryGreaterOrEqual:
		return e.Left, e.Right
	case *ast.ExprBinaryIdentical:
		return e.Left, e.Right
	case *ast.ExprBinaryLogicalXor:
		return e.Left, e.Right
	case *ast.ExprBinaryMinus:
		return e.Left, e.Right
	case *ast.ExprBinaryMod:
		return e.Left, e.Right
	case *ast.ExprBinaryMul:
		return e.Left, e.Right
	case *ast.ExprBinaryNotEqual:
		return e.Left, e.Right
	case *ast.ExprBinaryNotIdentical:
		return e.Left, e.Right
	case *ast.ExprBinaryPlus:
		return e.Left, e.Right
	case *ast.ExprBinaryPow:
		return e.Left, e.Right
	case *ast.ExprBinaryShiftLeft:
		return e.Left, e.Right
	case *ast.ExprBinaryShiftRight:
		return e.Left, e.Right
	case *ast.ExprBinarySmaller:
		return e.Left, e.Right
	case *ast.ExprBinarySmallerOrEqual:
		return e.Left, e.Right
	case *ast.ExprBinarySpaceship:
		return e.Left, e.Right
	}
	return nil, nil
}

func unaryOperand(e ast.Vertex) ast.Vertex {
	switch e := e.(type) {
	case *ast.ExprBitwiseNot:
		return e.Expr
	case *ast.ExprUnaryMinus:
		return e.Expr
	case *ast.ExprUnaryPlus:
		return e.Expr
	case *ast.ExprPrint:
		return e.Expr
	case *ast.ExprInclude:
		return e.Expr
	case *ast.ExprIncludeOnce:
		return e.Expr
	case *ast.ExprRequire:
		return e.Expr
	case *ast.ExprRequireOnce:
		return e.Expr
	case *ast.ExprEval:
		return e.Expr
	case *ast.ExprYieldFrom:
		return e.Expr
	case *ast.Argument:
		return e.Expr
	}
	return nil
}

func castOperand(e ast.Vertex) ast.Vertex {
	switch e := e.(type) {
	case *ast.ExprCastArray:
		return e.Expr
	case *ast.ExprCastBool:
		return e.Expr
	case *ast.ExprCastDouble:
		return e.Expr
	case *ast.ExprCastInt:
		return e.Expr
	case *ast.ExprCastObject:
		return e.Expr
	case *ast.ExprCastString:
		return e.Expr
	}
	return nil
}

func compoundOperands(e ast.Vertex) (ast.Vertex, ast.Vertex) {
	switch e := e.(type) {
	case *ast.ExprAssignConcat:
		return e.Var, e.Expr
	case *ast.ExprAssignPlus:
		return e.Var, e.Expr
	case *ast.ExprAssignMinus:
		return e.Var, e.Expr
	case *ast.ExprAssignMul:
		return e.Var, e.Expr
	case *ast.ExprAssignDiv:
		return e.Var, e.Expr
	case *ast.ExprAssignMod:
		return e.Var, e.Expr
	case *ast.ExprAssignPow:
		return e.Var, e.Expr
	case *ast.ExprAssignBitwiseAnd:
		return e.Var, e.Expr
	case *ast.ExprAssignBitwiseOr:
		return e.Var, e.Expr
	case *ast.ExprAssignBitwiseXor:
		return e.Var, e.Expr
	case *ast.ExprAssignShiftLeft:
		return e.Var, e.Expr
	case *ast.ExprAssignShiftRight:
		return e.Var, e.Expr
	}
	return nil, nil
}
