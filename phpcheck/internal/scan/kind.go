package scan

import "strconv"

// Kind is a token's kind. A single-character token (";", "(", "{") has the
// kind of its byte, as PHP's token_get_all returns it as a plain string;
// every named kind is 256 or above and prints as PHP's token name.
type Kind uint16

// Named kinds, in the order of PHP's token names (token_name) that they
// print as.
const (
	InlineHTML Kind = 256 + iota
	OpenTag
	OpenTagWithEcho
	CloseTag
	Whitespace
	Comment
	DocComment
	Variable
	String // T_STRING: a name or a keyword used as one
	NameQualified
	NameFullyQualified
	NameRelative
	NsSeparator
	LNumber
	DNumber
	ConstantEncapsedString
	EncapsedAndWhitespace
	StartHeredoc
	EndHeredoc
	CurlyOpen
	DollarOpenCurlyBraces
	StringVarname
	NumString
	BadCharacter

	// Casts.
	IntCast
	DoubleCast
	StringCast
	ArrayCast
	ObjectCast
	BoolCast
	UnsetCast

	// Operators of more than one character.
	ObjectOperator
	NullsafeObjectOperator
	DoubleColon
	DoubleArrow
	Ellipsis
	Coalesce
	CoalesceEqual
	Pow
	PowEqual
	Inc
	Dec
	IsIdentical
	IsNotIdentical
	IsEqual
	IsNotEqual
	Spaceship
	IsSmallerOrEqual
	IsGreaterOrEqual
	PlusEqual
	MinusEqual
	MulEqual
	DivEqual
	ConcatEqual
	ModEqual
	SlEqual
	SrEqual
	AndEqual
	OrEqual
	XorEqual
	BooleanOr
	BooleanAnd
	Sl
	Sr
	AmpersandFollowedByVarOrVararg
	AmpersandNotFollowedByVarOrVararg
	Attribute

	// Keywords (matched without regard to case).
	Abstract
	Array
	As
	Break
	Callable
	Case
	Catch
	Class
	Clone
	Const
	Continue
	Declare
	Default
	Do
	Echo
	Else
	Elseif
	Empty
	Enddeclare
	Endfor
	Endforeach
	Endif
	Endswitch
	Endwhile
	Enum
	Eval
	Exit
	Extends
	Final
	Finally
	Fn
	For
	Foreach
	Function
	Global
	Goto
	HaltCompiler
	If
	Implements
	Include
	IncludeOnce
	Instanceof
	Insteadof
	Interface
	Isset
	List
	LogicalAnd
	LogicalOr
	LogicalXor
	Match
	Namespace
	New
	Print
	Private
	PrivateSet
	Protected
	ProtectedSet
	Public
	PublicSet
	Readonly
	Require
	RequireOnce
	Return
	Static
	Switch
	Throw
	Trait
	Try
	Unset
	Use
	Var
	While
	Yield
	YieldFrom
	ClassC
	TraitC
	FuncC
	MethodC
	PropertyC
	Line
	File
	Dir
	NsC
	maxKind
)

var names = [...]string{
	InlineHTML - 256: "T_INLINE_HTML", OpenTag - 256: "T_OPEN_TAG", OpenTagWithEcho - 256: "T_OPEN_TAG_WITH_ECHO",
	CloseTag - 256: "T_CLOSE_TAG", Whitespace - 256: "T_WHITESPACE", Comment - 256: "T_COMMENT",
	DocComment - 256: "T_DOC_COMMENT", Variable - 256: "T_VARIABLE", String - 256: "T_STRING",
	NameQualified - 256: "T_NAME_QUALIFIED", NameFullyQualified - 256: "T_NAME_FULLY_QUALIFIED",
	NameRelative - 256: "T_NAME_RELATIVE", NsSeparator - 256: "T_NS_SEPARATOR", LNumber - 256: "T_LNUMBER",
	DNumber - 256: "T_DNUMBER", ConstantEncapsedString - 256: "T_CONSTANT_ENCAPSED_STRING",
	EncapsedAndWhitespace - 256: "T_ENCAPSED_AND_WHITESPACE", StartHeredoc - 256: "T_START_HEREDOC",
	EndHeredoc - 256: "T_END_HEREDOC", CurlyOpen - 256: "T_CURLY_OPEN",
	DollarOpenCurlyBraces - 256: "T_DOLLAR_OPEN_CURLY_BRACES", StringVarname - 256: "T_STRING_VARNAME",
	NumString - 256: "T_NUM_STRING", BadCharacter - 256: "T_BAD_CHARACTER",
	IntCast - 256: "T_INT_CAST", DoubleCast - 256: "T_DOUBLE_CAST", StringCast - 256: "T_STRING_CAST",
	ArrayCast - 256: "T_ARRAY_CAST", ObjectCast - 256: "T_OBJECT_CAST", BoolCast - 256: "T_BOOL_CAST",
	UnsetCast - 256:      "T_UNSET_CAST",
	ObjectOperator - 256: "T_OBJECT_OPERATOR", NullsafeObjectOperator - 256: "T_NULLSAFE_OBJECT_OPERATOR",
	DoubleColon - 256: "T_DOUBLE_COLON", DoubleArrow - 256: "T_DOUBLE_ARROW", Ellipsis - 256: "T_ELLIPSIS",
	Coalesce - 256: "T_COALESCE", CoalesceEqual - 256: "T_COALESCE_EQUAL", Pow - 256: "T_POW",
	PowEqual - 256: "T_POW_EQUAL", Inc - 256: "T_INC", Dec - 256: "T_DEC", IsIdentical - 256: "T_IS_IDENTICAL",
	IsNotIdentical - 256: "T_IS_NOT_IDENTICAL", IsEqual - 256: "T_IS_EQUAL", IsNotEqual - 256: "T_IS_NOT_EQUAL",
	Spaceship - 256: "T_SPACESHIP", IsSmallerOrEqual - 256: "T_IS_SMALLER_OR_EQUAL",
	IsGreaterOrEqual - 256: "T_IS_GREATER_OR_EQUAL", PlusEqual - 256: "T_PLUS_EQUAL",
	MinusEqual - 256: "T_MINUS_EQUAL", MulEqual - 256: "T_MUL_EQUAL", DivEqual - 256: "T_DIV_EQUAL",
	ConcatEqual - 256: "T_CONCAT_EQUAL", ModEqual - 256: "T_MOD_EQUAL", SlEqual - 256: "T_SL_EQUAL",
	SrEqual - 256: "T_SR_EQUAL", AndEqual - 256: "T_AND_EQUAL", OrEqual - 256: "T_OR_EQUAL",
	XorEqual - 256: "T_XOR_EQUAL", BooleanOr - 256: "T_BOOLEAN_OR", BooleanAnd - 256: "T_BOOLEAN_AND",
	Sl - 256: "T_SL", Sr - 256: "T_SR",
	AmpersandFollowedByVarOrVararg - 256:    "T_AMPERSAND_FOLLOWED_BY_VAR_OR_VARARG",
	AmpersandNotFollowedByVarOrVararg - 256: "T_AMPERSAND_NOT_FOLLOWED_BY_VAR_OR_VARARG",
	Attribute - 256:                         "T_ATTRIBUTE",
}

// keywords maps a lowercase keyword to its kind. "enum", "yield from" and
// the (set) visibilities need context and are matched in code.
var keywords = map[string]Kind{
	"abstract": Abstract, "array": Array, "as": As, "break": Break, "callable": Callable, "case": Case,
	"catch": Catch, "class": Class, "clone": Clone, "const": Const, "continue": Continue, "declare": Declare,
	"default": Default, "do": Do, "echo": Echo, "else": Else, "elseif": Elseif, "empty": Empty,
	"enddeclare": Enddeclare, "endfor": Endfor, "endforeach": Endforeach, "endif": Endif,
	"endswitch": Endswitch, "endwhile": Endwhile, "eval": Eval, "exit": Exit, "die": Exit,
	"extends": Extends, "final": Final, "finally": Finally, "fn": Fn, "for": For, "foreach": Foreach,
	"function": Function, "global": Global, "goto": Goto, "__halt_compiler": HaltCompiler, "if": If,
	"implements": Implements, "include": Include, "include_once": IncludeOnce, "instanceof": Instanceof,
	"insteadof": Insteadof, "interface": Interface, "isset": Isset, "list": List, "and": LogicalAnd,
	"or": LogicalOr, "xor": LogicalXor, "match": Match, "namespace": Namespace, "new": New, "print": Print,
	"private": Private, "protected": Protected, "public": Public, "readonly": Readonly, "require": Require,
	"require_once": RequireOnce, "return": Return, "static": Static, "switch": Switch, "throw": Throw,
	"trait": Trait, "try": Try, "unset": Unset, "use": Use, "var": Var, "while": While, "yield": Yield,
	"__class__": ClassC, "__trait__": TraitC, "__function__": FuncC, "__method__": MethodC,
	"__property__": PropertyC, "__line__": Line, "__file__": File, "__dir__": Dir, "__namespace__": NsC,
}

var keywordNames = map[Kind]string{
	Enum: "T_ENUM", YieldFrom: "T_YIELD_FROM", Exit: "T_EXIT", LogicalAnd: "T_LOGICAL_AND",
	LogicalOr: "T_LOGICAL_OR", LogicalXor: "T_LOGICAL_XOR", HaltCompiler: "T_HALT_COMPILER",
	IncludeOnce: "T_INCLUDE_ONCE", RequireOnce: "T_REQUIRE_ONCE", ClassC: "T_CLASS_C", TraitC: "T_TRAIT_C",
	FuncC: "T_FUNC_C", MethodC: "T_METHOD_C", PropertyC: "T_PROPERTY_C", Line: "T_LINE", File: "T_FILE",
	Dir: "T_DIR", NsC: "T_NS_C", PrivateSet: "T_PRIVATE_SET", ProtectedSet: "T_PROTECTED_SET",
	PublicSet: "T_PUBLIC_SET",
}

func init() {
	for word, k := range keywords {
		if _, ok := keywordNames[k]; !ok {
			keywordNames[k] = "T_" + upper(word)
		}
	}
}

func upper(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'a' <= c && c <= 'z' {
			b[i] = c - 'a' + 'A'
		}
	}
	return string(b)
}

// String returns PHP's name for the kind (token_name), or the character
// itself for a single-character token.
func (k Kind) String() string {
	switch {
	case k < 256:
		return string(rune(k))
	case int(k-256) < len(names) && names[k-256] != "":
		return names[k-256]
	case keywordNames[k] != "":
		return keywordNames[k]
	}
	return "Kind(" + strconv.Itoa(int(k)) + ")"
}

// IsKeyword reports whether k is a keyword: a word that PHP's lexer does
// not return as T_STRING.
func (k Kind) IsKeyword() bool { return k >= Abstract && k < maxKind }

// Trivia reports whether k is whitespace or a comment, which the grammar
// skips.
func (k Kind) Trivia() bool { return k == Whitespace || k == Comment || k == DocComment }
