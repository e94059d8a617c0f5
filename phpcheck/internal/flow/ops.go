package flow

import (
	"strings"

	"github.com/VKCOM/php-parser/pkg/ast"
)

// BinaryOperands returns the operands of an arithmetic, comparison,
// string or bitwise operator, nils for any other node.
func BinaryOperands(e ast.Vertex) (ast.Vertex, ast.Vertex) {
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

// UnaryOperand returns the operand of -, +, ~, print, include, require,
// eval, yield from, or an argument, nil for any other node.
func UnaryOperand(e ast.Vertex) ast.Vertex {
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

// CastOperand returns the operand of a cast, nil for any other node.
func CastOperand(e ast.Vertex) ast.Vertex {
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

// Logical returns the operands of a boolean operator, `&&` or `and`
// (or false) and `||` or `or` (or true); ok is false for any other node.
// php-parser gives each spelling its own node; PHP only their precedence.
func Logical(e ast.Vertex) (left, right ast.Vertex, or, ok bool) {
	switch e := e.(type) {
	case *ast.ExprBinaryBooleanAnd:
		return e.Left, e.Right, false, true
	case *ast.ExprBinaryLogicalAnd:
		return e.Left, e.Right, false, true
	case *ast.ExprBinaryBooleanOr:
		return e.Left, e.Right, true, true
	case *ast.ExprBinaryLogicalOr:
		return e.Left, e.Right, true, true
	}
	return nil, nil, false, false
}

// CompoundOperands returns the target and operand of a compound assignment
// ($a .= x), nils for any other node.
func CompoundOperands(e ast.Vertex) (ast.Vertex, ast.Vertex) {
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

// Operands calls fn with each operand of e, in source order, for the
// expressions whose parts are all read when e is evaluated: operators,
// casts, increments, fetches, array literals, interpolated strings, yield,
// clone, exit and throw. A domain evaluates with it the expressions it has
// no rule of its own for, so that it needs no list of php-parser's fields.
// Names and identifiers have no operands: they read nothing.
func Operands(e ast.Vertex, fn func(ast.Vertex)) {
	if l, r := BinaryOperands(e); l != nil || r != nil {
		fn(l)
		fn(r)
		return
	}
	if x := UnaryOperand(e); x != nil {
		fn(x)
		return
	}
	if x := CastOperand(e); x != nil {
		fn(x)
		return
	}
	if v, x := CompoundOperands(e); v != nil || x != nil {
		fn(v)
		fn(x)
		return
	}
	switch e := e.(type) {
	case *ast.ExprCastUnset:
		fn(e.Expr)
	case *ast.ExprBrackets:
		fn(e.Expr)
	case *ast.ExprClone:
		fn(e.Expr)
	case *ast.ExprExit:
		fn(e.Expr)
	case *ast.ExprThrow:
		fn(e.Expr)
	case *ast.ExprBooleanNot:
		fn(e.Expr)
	case *ast.ExprPreInc:
		fn(e.Var)
	case *ast.ExprPreDec:
		fn(e.Var)
	case *ast.ExprPostInc:
		fn(e.Var)
	case *ast.ExprPostDec:
		fn(e.Var)
	case *ast.ExprPropertyFetch:
		fn(e.Var)
		fn(e.Prop)
	case *ast.ExprNullsafePropertyFetch:
		fn(e.Var)
		fn(e.Prop)
	case *ast.ExprStaticPropertyFetch:
		fn(e.Class)
		fn(e.Prop)
	case *ast.ExprClassConstFetch:
		fn(e.Class)
		fn(e.Const)
	case *ast.ExprInstanceOf:
		fn(e.Expr)
		fn(e.Class)
	case *ast.ExprArrayDimFetch:
		fn(e.Var)
		fn(e.Dim)
	case *ast.ExprArray:
		each(e.Items, fn)
	case *ast.ExprList:
		each(e.Items, fn)
	case *ast.ExprArrayItem:
		fn(e.Key)
		fn(e.Val)
	case *ast.ExprYield:
		fn(e.Key)
		fn(e.Val)
	case *ast.ExprShellExec:
		each(e.Parts, fn)
	case *ast.ScalarEncapsed:
		each(e.Parts, fn)
	case *ast.ScalarHeredoc:
		each(e.Parts, fn)
	case *ast.ScalarEncapsedStringVar:
		fn(e.Name)
		fn(e.Dim)
	case *ast.ScalarEncapsedStringBrackets:
		fn(e.Var)
	}
}

func each(vs []ast.Vertex, fn func(ast.Vertex)) {
	for _, v := range vs {
		fn(v)
	}
}

// BoolLiteral returns the value of a true or false literal; ok is false
// for any other node.
func BoolLiteral(v ast.Vertex) (value, ok bool) {
	c, isConst := v.(*ast.ExprConstFetch)
	if !isConst {
		return false, false
	}
	n, isName := c.Const.(*ast.Name)
	if !isName || len(n.Parts) != 1 {
		return false, false
	}
	p, isPart := n.Parts[0].(*ast.NamePart)
	if !isPart {
		return false, false
	}
	switch strings.ToLower(string(p.Value)) {
	case "true":
		return true, true
	case "false":
		return false, true
	}
	return false, false
}
