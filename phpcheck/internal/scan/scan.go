// Package scan is riskvet's own PHP lexer. It splits a file into tokens with
// kinds and byte offsets exactly as PHP 8's own lexer does (token_get_all,
// short_open_tag off, as PHP 8 ships), covering every byte: inline HTML,
// open and close tags, whitespace, comments and doc comments, strings with
// their interpolated parts, heredoc and nowdoc, casts and everything after
// __halt_compiler();.
//
// php-parser, which riskvet parses with, keeps its lexer internal and stops
// at PHP 8.1. riskvet needs tokens of its own to see, before parsing, what
// that parser would misread (package phpcheck/internal/phpfile rewrites it),
// and to read declarations without building statement trees.
//
// The tokens follow PHP 8.4 where PHP 8.4 adds tokens (the (set)
// visibilities, __PROPERTY__) and PHP 8.2 otherwise: "yield from" is one
// token only when whitespace, not a comment, separates the words. A test
// compares the tokens with php-cli's on every fixture and corpus file.
package scan

import (
	"bytes"
	"strconv"
	"strings"
)

// Token is one token: its kind and the bytes src[Pos:End].
type Token struct {
	Kind     Kind
	Pos, End int
}

type state uint8

const (
	stInitial state = iota
	stScripting
	stDoubleQuotes
	stBackquote
	stHeredoc
	stNowdoc
	stEndHeredoc
	stLookingForProperty
	stVarOffset
	stLookingForVarname
)

type heredoc struct {
	label       []byte
	indentation int
}

type scanner struct {
	src   []byte
	p     int
	st    state
	stack []state
	docs  []heredoc // open heredoc labels, innermost last
	toks  []Token
}

// Scan returns the tokens of src. Their spans are contiguous and cover
// src: the first starts at 0 and each ends where the next starts.
func Scan(src []byte) []Token {
	s := &scanner{src: src, toks: make([]Token, 0, len(src)/4+1)}
	halt := -1 // significant tokens left to read after __halt_compiler
	for s.p < len(src) {
		start := s.p
		k := s.next()
		if s.p == start { // never loop: every rule consumes a byte
			s.p++
			k = BadCharacter
		}
		n := len(s.toks)
		if k == InlineHTML && n > 0 && s.toks[n-1].Kind == InlineHTML {
			s.toks[n-1].End = s.p // "<?phpX" continues inline HTML
		} else {
			s.toks = append(s.toks, Token{k, start, s.p})
		}
		// PHP's tokenizer reads three more tokens after __halt_compiler
		// (normally "(", ")" and ";") and returns the rest as inline HTML.
		if halt > 0 && !k.Trivia() && k != OpenTag {
			halt--
			if halt == 0 {
				if s.p < len(src) {
					s.toks = append(s.toks, Token{InlineHTML, s.p, len(src)})
				}
				break
			}
		} else if k == HaltCompiler && halt < 0 {
			halt = 3
		}
	}
	return s.toks
}

func (s *scanner) push(next state) {
	s.stack = append(s.stack, s.st)
	s.st = next
}

func (s *scanner) pop() {
	if n := len(s.stack); n > 0 {
		s.st = s.stack[n-1]
		s.stack = s.stack[:n-1]
	}
}

func (s *scanner) at(i int) byte {
	if i < len(s.src) {
		return s.src[i]
	}
	return 0
}

func (s *scanner) has(i int, lit string) bool {
	return i+len(lit) <= len(s.src) && string(s.src[i:i+len(lit)]) == lit
}

func (s *scanner) hasFold(i int, lit string) bool {
	return i+len(lit) <= len(s.src) && EqualFold(s.src[i:i+len(lit)], lit)
}

// EqualFold reports whether b is lower, an ASCII lowercase word, in any
// case; unlike strings.EqualFold it allocates nothing.
func EqualFold(b []byte, lower string) bool {
	if len(b) != len(lower) {
		return false
	}
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != lower[i] {
			return false
		}
	}
	return true
}

// lowerWord returns b in lowercase in buf, or nil if b is longer than buf,
// so that looking a word up allocates nothing.
func lowerWord(buf []byte, b []byte) []byte {
	if len(b) > len(buf) {
		return nil
	}
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return buf[:len(b)]
}

func isLabelStart(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == '_' || c >= 0x80
}

func isLabelChar(c byte) bool { return isLabelStart(c) || '0' <= c && c <= '9' }

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// label returns the end of the label starting at i, or i if none does.
func (s *scanner) label(i int) int {
	if i >= len(s.src) || !isLabelStart(s.src[i]) {
		return i
	}
	i++
	for i < len(s.src) && isLabelChar(s.src[i]) {
		i++
	}
	return i
}

func (s *scanner) next() Kind {
	switch s.st {
	case stInitial:
		return s.initial()
	case stScripting:
		return s.scripting()
	case stDoubleQuotes, stBackquote, stHeredoc:
		return s.interpolated()
	case stNowdoc:
		return s.nowdoc()
	case stEndHeredoc:
		d := s.docs[len(s.docs)-1]
		s.docs = s.docs[:len(s.docs)-1]
		s.p += d.indentation + len(d.label)
		s.st = stScripting
		return EndHeredoc
	case stLookingForProperty:
		return s.property()
	case stVarOffset:
		return s.varOffset()
	case stLookingForVarname:
		if e := s.label(s.p); e > s.p && (s.at(e) == '[' || s.at(e) == '}') {
			s.p = e
			s.st = stScripting
			return StringVarname
		}
		s.st = stScripting
		return s.scripting()
	}
	panic("scan: unknown state")
}

// initial reads inline HTML up to an open tag. With short tags off, "<?"
// opens PHP only as "<?php" followed by whitespace or the end, or "<?=".
func (s *scanner) initial() Kind {
	if s.has(s.p, "<?=") {
		s.p += 3
		s.st = stScripting
		return OpenTagWithEcho
	}
	if s.hasFold(s.p, "<?php") {
		e := s.p + 5
		switch c := s.at(e); {
		case e == len(s.src):
			s.p = e
			s.st = stScripting
			return OpenTag
		case c == ' ' || c == '\t' || c == '\n':
			s.p = e + 1
			s.st = stScripting
			return OpenTag
		case c == '\r':
			s.p = e + 1
			if s.at(s.p) == '\n' {
				s.p++
			}
			s.st = stScripting
			return OpenTag
		}
		s.p = e
	} else {
		s.p++
	}
	for {
		i := bytes.IndexByte(s.src[s.p:], '<')
		if i < 0 {
			s.p = len(s.src)
			return InlineHTML
		}
		s.p += i + 1
		if s.p >= len(s.src) {
			return InlineHTML
		}
		if s.src[s.p] == '?' && (s.hasFold(s.p+1, "php") || s.at(s.p+1) == '=') {
			s.p--
			return InlineHTML
		}
	}
}

func (s *scanner) scripting() Kind {
	src, p := s.src, s.p
	c := src[p]
	switch {
	case isSpace(c):
		for s.p < len(src) && isSpace(src[s.p]) {
			s.p++
		}
		return Whitespace
	case isLabelStart(c):
		return s.word()
	case '0' <= c && c <= '9' || c == '.' && '0' <= s.at(p+1) && s.at(p+1) <= '9':
		return s.number()
	}
	switch c {
	case '$':
		if e := s.label(p + 1); e > p+1 {
			s.p = e
			return Variable
		}
	case '\\':
		if e := s.label(p + 1); e > p+1 {
			s.p = s.qualified(e)
			return NameFullyQualified
		}
		s.p++
		return NsSeparator
	case '#':
		if s.at(p+1) == '[' {
			s.p += 2
			return Attribute
		}
		return s.lineComment(p + 1)
	case '/':
		switch s.at(p + 1) {
		case '/':
			return s.lineComment(p + 2)
		case '*':
			return s.blockComment()
		}
	case '?':
		if s.at(p+1) == '>' {
			s.p += 2
			switch s.at(s.p) {
			case '\n':
				s.p++
			case '\r':
				s.p++
				if s.at(s.p) == '\n' {
					s.p++
				}
			}
			s.st = stInitial
			return CloseTag
		}
		if s.has(p, "?->") {
			s.p += 3
			s.push(stLookingForProperty)
			return NullsafeObjectOperator
		}
	case '-':
		if s.at(p+1) == '>' {
			s.p += 2
			s.push(stLookingForProperty)
			return ObjectOperator
		}
	case '(':
		if k, e := s.cast(); k != 0 {
			s.p = e
			return k
		}
	case '{':
		s.p++
		s.push(stScripting)
		return '{'
	case '}':
		s.p++
		s.pop()
		return '}'
	case '\'':
		return s.singleQuoted(p + 1)
	case '"':
		return s.doubleQuoted(p + 1)
	case '`':
		s.p++
		s.st = stBackquote
		return '`'
	case '<':
		if s.has(p, "<<<") {
			if k := s.startHeredoc(p + 3); k != 0 {
				return k
			}
		}
	case '&':
		i := p + 1
		for i < len(src) && isSpace(src[i]) {
			i++
		}
		if s.at(p+1) != '&' && s.at(p+1) != '=' {
			s.p++
			if s.at(i) == '$' || s.has(i, "...") {
				return AmpersandFollowedByVarOrVararg
			}
			return AmpersandNotFollowedByVarOrVararg
		}
	}
	if k, n := operator(src[p:]); n > 0 {
		s.p += n
		return k
	}
	s.p++
	if strings.IndexByte(";:,.[]()|^&+-/*=%!~$<>?@", c) >= 0 {
		return Kind(c)
	}
	return BadCharacter
}

var operators = []struct {
	lit  string
	kind Kind
}{
	{"<<=", SlEqual}, {">>=", SrEqual}, {"**=", PowEqual}, {"...", Ellipsis}, {"??=", CoalesceEqual},
	{"===", IsIdentical}, {"!==", IsNotIdentical}, {"<=>", Spaceship},
	{"::", DoubleColon}, {"=>", DoubleArrow}, {"??", Coalesce}, {"**", Pow}, {"++", Inc}, {"--", Dec},
	{"==", IsEqual}, {"!=", IsNotEqual}, {"<>", IsNotEqual}, {"<=", IsSmallerOrEqual},
	{">=", IsGreaterOrEqual}, {"+=", PlusEqual}, {"-=", MinusEqual}, {"*=", MulEqual}, {"/=", DivEqual},
	{".=", ConcatEqual}, {"%=", ModEqual}, {"&=", AndEqual}, {"|=", OrEqual}, {"^=", XorEqual},
	{"||", BooleanOr}, {"&&", BooleanAnd}, {"<<", Sl}, {">>", Sr},
}

// operatorsByFirst holds operators' indexes by their first byte, longest
// first as in operators: most bytes of a file start no operator, and the
// rest are tested against two or three candidates instead of thirty.
var operatorsByFirst = func() (t [256][]uint8) {
	for i, op := range operators {
		t[op.lit[0]] = append(t[op.lit[0]], uint8(i))
	}
	return t
}()

// operator returns the longest operator of two or more characters that b
// starts with.
func operator(b []byte) (Kind, int) {
	if len(b) < 2 {
		return 0, 0
	}
	for _, i := range operatorsByFirst[b[0]] {
		op := &operators[i]
		if len(b) >= len(op.lit) && string(b[:len(op.lit)]) == op.lit {
			return op.kind, len(op.lit)
		}
	}
	return 0, 0
}

var casts = map[string]Kind{
	"int": IntCast, "integer": IntCast, "double": DoubleCast, "float": DoubleCast, "real": DoubleCast,
	"string": StringCast, "binary": StringCast, "array": ArrayCast, "object": ObjectCast,
	"bool": BoolCast, "boolean": BoolCast, "unset": UnsetCast,
}

// cast reads "(" [ \t]* type [ \t]* ")" at s.p.
func (s *scanner) cast() (Kind, int) {
	i := s.p + 1
	for s.at(i) == ' ' || s.at(i) == '\t' {
		i++
	}
	j := i
	for j < len(s.src) && ('a' <= s.src[j]|0x20 && s.src[j]|0x20 <= 'z') {
		j++
	}
	var buf [8]byte
	k, ok := casts[string(lowerWord(buf[:], s.src[i:j]))]
	if !ok {
		return 0, 0
	}
	for s.at(j) == ' ' || s.at(j) == '\t' {
		j++
	}
	if s.at(j) != ')' {
		return 0, 0
	}
	return k, j + 1
}

// qualified extends a name ending at e over further \label parts.
func (s *scanner) qualified(e int) int {
	for s.at(e) == '\\' {
		f := s.label(e + 1)
		if f == e+1 {
			break
		}
		e = f
	}
	return e
}

func (s *scanner) word() Kind {
	p := s.p
	c := s.src[p]
	if (c == 'b' || c == 'B') && p+1 < len(s.src) {
		switch s.src[p+1] {
		case '\'':
			return s.singleQuoted(p + 2)
		case '"':
			return s.doubleQuoted(p + 2)
		case '<':
			if s.has(p+1, "<<<") {
				if k := s.startHeredoc(p + 4); k != 0 {
					return k
				}
			}
		}
	}
	e := s.label(p)
	if s.at(e) == '\\' {
		if q := s.qualified(e); q > e {
			s.p = q
			if EqualFold(s.src[p:e], "namespace") {
				return NameRelative
			}
			return NameQualified
		}
	}
	s.p = e
	var buf [16]byte // the longest keyword, __halt_compiler, has 15 bytes
	w := lowerWord(buf[:], s.src[p:e])
	switch string(w) {
	case "enum":
		// PHP 8.1: "enum" starts a declaration only before a name
		// other than extends or implements.
		i := e
		for i < len(s.src) && isSpace(s.src[i]) {
			i++
		}
		if i > e && isLabelStart(s.at(i)) {
			if s.hasFold(i, "extends") || s.hasFold(i, "implements") {
				return String
			}
			return Enum
		}
		return String
	case "yield":
		i := e
		for i < len(s.src) && isSpace(s.src[i]) {
			i++
		}
		if i > e && s.hasFold(i, "from") && !isLabelChar(s.at(i+4)) {
			s.p = i + 4
			return YieldFrom
		}
		return Yield
	case "public", "protected", "private":
		// PHP 8.4 asymmetric visibility: "private(set)".
		if s.at(e) == '(' && s.hasFold(e+1, "set") && s.at(e+4) == ')' {
			s.p = e + 5
			switch string(w) {
			case "public":
				return PublicSet
			case "protected":
				return ProtectedSet
			}
			return PrivateSet
		}
	}
	if k, ok := keywords[string(w)]; ok {
		return k
	}
	return String
}

func (s *scanner) number() Kind {
	src, p := s.src, s.p
	digits := func(i int, ok func(byte) bool) int { // [d]+(_[d]+)*
		if i >= len(src) || !ok(src[i]) {
			return i
		}
		for i < len(src) && ok(src[i]) {
			i++
			if s.at(i) == '_' && i+1 < len(src) && ok(src[i+1]) {
				i++
			}
		}
		return i
	}
	dec := func(c byte) bool { return '0' <= c && c <= '9' }
	if src[p] == '0' && p+1 < len(src) {
		var ok func(byte) bool
		base := 0
		switch src[p+1] | 0x20 {
		case 'x':
			ok, base = func(c byte) bool { return dec(c) || 'a' <= c|0x20 && c|0x20 <= 'f' }, 16
		case 'b':
			ok, base = func(c byte) bool { return c == '0' || c == '1' }, 2
		case 'o':
			ok, base = func(c byte) bool { return '0' <= c && c <= '7' }, 8
		}
		if ok != nil {
			if e := digits(p+2, ok); e > p+2 {
				s.p = e
				return intKind(string(src[p+2:e]), base)
			}
		}
	}
	e := digits(p, dec)
	isInt := true
	if s.at(e) == '.' {
		if f := digits(e+1, dec); f > e+1 || e > p {
			e, isInt = f, false
		}
	}
	if s.at(e)|0x20 == 'e' {
		f := e + 1
		if s.at(f) == '+' || s.at(f) == '-' {
			f++
		}
		if g := digits(f, dec); g > f {
			e, isInt = g, false
		}
	}
	s.p = e
	if !isInt {
		return DNumber
	}
	if src[p] == '0' {
		// An octal literal. PHP reads one of 19 digits or more with
		// strtol, which stops at an invalid digit (8 or 9): the kind is
		// that of the valid prefix; a shorter one with an invalid digit
		// is a parse error, still T_LNUMBER.
		digits := strings.ReplaceAll(string(src[p:e]), "_", "")
		if len(digits) < 19 {
			return LNumber
		}
		if i := strings.IndexAny(digits, "89"); i >= 0 {
			digits = digits[:i]
		}
		return intKind(digits, 8)
	}
	return intKind(string(src[p:e]), 10)
}

// intKind is T_LNUMBER when digits fit an int64 and T_DNUMBER otherwise.
func intKind(digits string, base int) Kind {
	if _, err := strconv.ParseInt(strings.ReplaceAll(digits, "_", ""), base, 64); err != nil {
		return DNumber
	}
	return LNumber
}

// lineComment reads a # or // comment from i: up to a line end or "?>",
// neither included (PHP 8).
func (s *scanner) lineComment(i int) Kind {
	for i < len(s.src) {
		c := s.src[i]
		if c == '\n' || c == '\r' || c == '?' && s.at(i+1) == '>' {
			break
		}
		i++
	}
	s.p = i
	return Comment
}

// blockComment reads /* ... */; "/**" followed by whitespace starts a doc
// comment. An unterminated comment runs to the end.
func (s *scanner) blockComment() Kind {
	k, i := Comment, s.p+2
	if s.at(i) == '*' && isSpace(s.at(i+1)) {
		k, i = DocComment, i+1
		for i < len(s.src) && isSpace(s.src[i]) {
			i++
		}
	}
	if j := bytes.Index(s.src[i:], []byte("*/")); j >= 0 {
		s.p = i + j + 2
	} else {
		s.p = len(s.src)
	}
	return k
}

func (s *scanner) singleQuoted(i int) Kind {
	for i < len(s.src) {
		switch s.src[i] {
		case '\\':
			i += 2
			continue
		case '\'':
			s.p = i + 1
			return ConstantEncapsedString
		}
		i++
	}
	s.p = len(s.src)
	return EncapsedAndWhitespace
}

// doubleQuoted reads a string with no interpolation as one token, or
// returns the opening quote and enters the double-quotes state.
func (s *scanner) doubleQuoted(i int) Kind {
	open := i
	for i < len(s.src) {
		c := s.src[i]
		i++
		switch c {
		case '"':
			s.p = i
			return ConstantEncapsedString
		case '$':
			if isLabelStart(s.at(i)) || s.at(i) == '{' {
				i = -1
			}
		case '{':
			if s.at(i) == '$' {
				i = -1
			}
		case '\\':
			i++
		}
		if i < 0 {
			break
		}
	}
	s.p = open
	s.st = stDoubleQuotes
	return '"'
}

// startHeredoc reads "<<<" [ \t]* (LABEL | 'LABEL' | "LABEL") NEWLINE from
// i (just after "<<<"), or returns 0.
func (s *scanner) startHeredoc(i int) Kind {
	for s.at(i) == ' ' || s.at(i) == '\t' {
		i++
	}
	quote := s.at(i)
	if quote == '\'' || quote == '"' {
		i++
	} else {
		quote = 0
	}
	e := s.label(i)
	if e == i {
		return 0
	}
	lbl := s.src[i:e]
	if quote != 0 {
		if s.at(e) != quote {
			return 0
		}
		e++
	}
	switch s.at(e) {
	case '\n':
		e++
	case '\r':
		e++
		if s.at(e) == '\n' {
			e++
		}
	default:
		return 0
	}
	s.p = e
	s.docs = append(s.docs, heredoc{label: lbl})
	if quote == '\'' {
		s.st = stNowdoc
	} else {
		s.st = stHeredoc
	}
	// The closing label right on the next line: an empty body.
	j := e
	for s.at(j) == ' ' || s.at(j) == '\t' {
		j++
	}
	if len(lbl) < len(s.src)-j && bytes.HasPrefix(s.src[j:], lbl) && !isLabelChar(s.at(j+len(lbl))) {
		s.docs[len(s.docs)-1].indentation = j - e
		s.st = stEndHeredoc
	}
	return StartHeredoc
}

// closing reports whether the line starting at i (after a newline) closes
// the innermost heredoc, and sets its indentation if so.
func (s *scanner) closing(i int) bool {
	j := i
	for s.at(j) == ' ' || s.at(j) == '\t' {
		j++
	}
	d := &s.docs[len(s.docs)-1]
	if j < len(s.src) && isLabelStart(s.src[j]) && len(d.label) < len(s.src)-j &&
		bytes.HasPrefix(s.src[j:], d.label) && !isLabelChar(s.at(j+len(d.label))) {
		d.indentation = j - i
		return true
	}
	return false
}

func (s *scanner) nowdoc() Kind {
	i := s.p
	for i < len(s.src) {
		c := s.src[i]
		i++
		if c == '\r' && s.at(i) == '\n' {
			i++
		}
		if (c == '\n' || c == '\r') && s.closing(i) {
			s.p = i
			s.st = stEndHeredoc
			return EncapsedAndWhitespace
		}
	}
	s.p = len(s.src)
	return EncapsedAndWhitespace
}

// interpolated reads the next part of a double-quoted string, a backquoted
// command or a heredoc: a variable, the start of {$...} or ${...}, the
// closing quote, or literal text up to one of those.
func (s *scanner) interpolated() Kind {
	p := s.p
	c := s.src[p]
	switch {
	case c == '"' && s.st == stDoubleQuotes, c == '`' && s.st == stBackquote:
		s.p++
		s.st = stScripting
		return Kind(c)
	case c == '{' && s.at(p+1) == '$':
		s.p++
		s.push(stScripting)
		return CurlyOpen
	case c == '$' && s.at(p+1) == '{':
		s.p += 2
		s.push(stLookingForVarname)
		return DollarOpenCurlyBraces
	case c == '$' && isLabelStart(s.at(p+1)):
		e := s.label(p + 1)
		s.p = e
		switch {
		case s.has(e, "->") && isLabelStart(s.at(e+2)), s.has(e, "?->") && isLabelStart(s.at(e+3)):
			s.push(stLookingForProperty)
		case s.at(e) == '[':
			s.push(stVarOffset)
		}
		return Variable
	}
	i := p
	if s.st != stHeredoc {
		i++ // the first byte is text, and a backslash escapes the next
		if c == '\\' && i < len(s.src) {
			i++
		}
	}
	for i < len(s.src) {
		c := s.src[i]
		i++
		switch c {
		case '"', '`':
			if c == '"' && s.st == stDoubleQuotes || c == '`' && s.st == stBackquote {
				s.p = i - 1
				return EncapsedAndWhitespace
			}
		case '$':
			if isLabelStart(s.at(i)) || s.at(i) == '{' {
				s.p = i - 1
				return EncapsedAndWhitespace
			}
		case '{':
			if s.at(i) == '$' {
				s.p = i - 1
				return EncapsedAndWhitespace
			}
		case '\\':
			if i < len(s.src) && (s.st != stHeredoc || s.src[i] != '\n' && s.src[i] != '\r') {
				i++
			}
		case '\r', '\n':
			if s.st != stHeredoc {
				continue
			}
			if c == '\r' && s.at(i) == '\n' {
				i++
			}
			if s.closing(i) {
				s.p = i
				s.st = stEndHeredoc
				return EncapsedAndWhitespace
			}
		}
	}
	s.p = len(s.src)
	return EncapsedAndWhitespace
}

// property reads what follows "->" or "?->": a name is T_STRING whatever
// its spelling; whitespace and comments may come between.
func (s *scanner) property() Kind {
	p := s.p
	c := s.src[p]
	switch {
	case isSpace(c):
		for s.p < len(s.src) && isSpace(s.src[s.p]) {
			s.p++
		}
		return Whitespace
	case s.has(p, "->"):
		s.p += 2
		return ObjectOperator
	case s.has(p, "?->"):
		s.p += 3
		return NullsafeObjectOperator
	case isLabelStart(c):
		s.p = s.label(p)
		s.pop()
		return String
	case c == '#' && s.at(p+1) != '[':
		return s.lineComment(p + 1)
	case s.has(p, "//"):
		return s.lineComment(p + 2)
	case s.has(p, "/*"):
		return s.blockComment()
	}
	s.pop()
	return s.next()
}

// varOffset reads inside "$a[...]" in a string.
func (s *scanner) varOffset() Kind {
	p := s.p
	c := s.src[p]
	switch {
	case '0' <= c && c <= '9':
		e := p + 1
		for e < len(s.src) && isLabelChar(s.src[e]) {
			e++
		}
		// PHP reads a decimal, hex, binary or octal literal; a longer
		// run of label characters is not one, and the parser rejects it.
		s.p = p + numLen(s.src[p:e])
		return NumString
	case c == '$' && isLabelStart(s.at(p+1)):
		s.p = s.label(p + 1)
		return Variable
	case c == ']':
		s.p++
		s.pop()
		return ']'
	case isLabelStart(c):
		s.p = s.label(p)
		return String
	case c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\\' || c == '\'' || c == '#':
		s.pop()
		return s.next()
	}
	s.p++
	if strings.IndexByte(";:,.|^&+-/*=%!~$<>?@[(){}\"`", c) >= 0 {
		return Kind(c)
	}
	return BadCharacter
}

// numLen returns the length of the number literal b starts with, as the
// var-offset state reads it.
func numLen(b []byte) int {
	if len(b) > 2 && b[0] == '0' {
		var ok func(byte) bool
		switch b[1] | 0x20 {
		case 'x':
			ok = func(c byte) bool { return '0' <= c && c <= '9' || 'a' <= c|0x20 && c|0x20 <= 'f' }
		case 'b':
			ok = func(c byte) bool { return c == '0' || c == '1' }
		case 'o':
			ok = func(c byte) bool { return '0' <= c && c <= '7' }
		}
		if ok != nil && ok(b[2]) {
			i := 2
			for i < len(b) && (ok(b[i]) || b[i] == '_' && i+1 < len(b) && ok(b[i+1])) {
				i++
			}
			return i
		}
	}
	i := 0
	for i < len(b) && ('0' <= b[i] && b[i] <= '9' || b[i] == '_' && i+1 < len(b) && '0' <= b[i+1] && b[i+1] <= '9') {
		i++
	}
	return i
}
