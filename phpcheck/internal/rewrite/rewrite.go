// Package rewrite turns PHP that php-parser v0.8.2 misreads or does not
// know (its grammar stops at PHP 8.1) into text it reads, without moving a
// byte: every rewrite keeps the length and every newline where it is, so
// every offset, line and column in the parser's tree is the offset, line
// and column in the original file. It works from the tokens of riskvet's
// own lexer (package scan), so it rewrites only code, never the inside of a
// string or comment, and a file without a trigger costs one pass over its
// tokens and no copy.
//
// A token that the parser would read as a keyword but PHP reads as a name
// is renamed by changing its first byte to 'Z' (no keyword starts with
// it); the caller gives the parser's tree back the original names by
// copying the original bytes over the rewritten ones after parsing (token
// values are slices of the parser's input). Other constructs are blanked
// (bytes become spaces) or reshaped within their own bytes:
//
//   - semi-reserved words as names: "enum" wherever PHP reads it as a name
//     (a class named Enum), an enum case named by a keyword (case Default),
//     a function named readonly, exit(...) and die(...) as first-class
//     callables: renamed;
//   - an attribute on a static closure (#[A] static fn () => 1): "static"
//     blanked, so the closure is read as not static;
//   - a DNF type (A&B)|null (PHP 8.2): each parenthesized intersection is
//     cut to its first name, " A   |null", so the type stays a union with
//     the same other members: a |null in it stays nullable; Fix.Groups
//     lists the intersections, for the caller to put back in the tree;
//   - a typed class constant (8.3), const string X = 'a': the type
//     blanked;
//   - a readonly anonymous class (8.3), new readonly class {}: "readonly"
//     blanked;
//   - a dynamic class-constant fetch A::{$n} (8.3): "A  ($n)", a call of
//     A with the name expression, so the expression is still checked; the
//     fetch itself is unknown to the checks;
//   - asymmetric visibility (8.4): private(set) blanked when the property
//     has another visibility, else replaced by "public";
//   - new A()->f() (8.4): "new" blanked, so the parser reads a call A();
//     Fix.News lists these, for the caller to turn the call back into new;
//   - property hooks (8.4): the hook block after the property becomes ";"
//     and blanks; Fix.Hooks lists the blocks, whose bodies the caller may
//     parse on their own;
//   - the pipe operator (8.5), $s |> trim(...): "|>" becomes ">>", a
//     shift of the same two operands, so both are still checked and the
//     result, which no check follows, is an unknown value. A shift binds
//     tighter than "." where the pipe binds looser, which regroups a mix
//     of the two without losing an operand.
//
// A file that is not PHP (an XML file whose "<?xml" php-parser takes for
// a short open tag) is inline text to PHP 8 with short tags off: each
// "<?" in inline HTML loses its "?".
package rewrite

import (
	"bytes"

	"github.com/riskvet/riskvet/phpcheck/internal/scan"
)

// Fix lists what the caller repairs in the parsed tree.
type Fix struct {
	// News holds, for each "new" that was blanked, the offset of "new"
	// and of the class name the parser reads as a called function.
	News []New
	// Hooks holds the property hook blocks that were blanked.
	Hooks []Hook
	// Groups holds the intersections of DNF types that were cut to their
	// first name.
	Groups []Group
}

// Empty reports whether the tree needs no repair.
func (f Fix) Empty() bool {
	return len(f.News) == 0 && len(f.Hooks) == 0 && len(f.Groups) == 0
}

// Group is one intersection of a DNF type, (A&B): its span, parentheses
// included, and its names.
type Group struct {
	Span
	Names []scan.Token
}

// New is one blanked "new": the offsets of the keyword and the class.
type New struct{ Pos, Class int }

// Span is a byte range.
type Span struct{ Pos, End int }

// Hook is one property's hook block: Block spans it, braces included;
// Heads span what precedes each hook's body (get, set($v) =>, attributes,
// an abstract "get;"), so that the block without them is a block of
// statements: { get => $a; set { $b; } } reads as { $a; { $b; } }.
type Hook struct {
	Block Span
	Heads []Span
}

type rewriter struct {
	src   []byte
	out   []byte // nil until the first rewrite
	toks  []scan.Token
	match []int32 // for each bracket token, the index of its partner; -1 otherwise
	body  []uint8 // for each "{", what it opens
	fix   Fix
	// dnfEnd is the last token of the last type dnf looked at.
	dnfEnd int
}

const (
	block uint8 = iota
	classBody
	enumBody
)

// Rewrite returns the text for php-parser and the repairs its tree needs.
// out is src itself when nothing was rewritten.
func Rewrite(src []byte, toks []scan.Token) (out []byte, fix Fix) {
	r := &rewriter{src: src, toks: toks, dnfEnd: -1}
	if !r.triggered() {
		return src, fix
	}
	r.structure()
	r.run()
	if r.out == nil {
		return src, r.fix
	}
	return r.out, r.fix
}

// triggered reports whether any token may need a rewrite: a cheap first
// look at each token and its neighbours, so that most files pay nothing
// beyond it.
func (r *rewriter) triggered() bool {
	for i, t := range r.toks {
		n := r.next(i)
		switch t.Kind {
		case scan.String:
			if r.enumName(i) {
				return true
			}
		case scan.InlineHTML:
			if bytes.Contains(r.src[t.Pos:t.End], []byte("<?")) {
				return true
			}
		case scan.Case:
			if r.kind(n).IsKeyword() {
				return true
			}
		case scan.Readonly:
			if p := r.kind(r.prev(i)); r.kind(n) == '(' || p == scan.Function || p == scan.New {
				return true
			}
		case scan.Exit:
			if r.kind(n) == '(' && r.kind(r.next(n)) == scan.Ellipsis {
				return true
			}
		case scan.Static:
			if r.kind(r.prev(i)) == ']' && (r.kind(n) == scan.Fn || r.kind(n) == scan.Function) {
				return true
			}
		case '(':
			if isName(r.kind(n)) && r.kind(r.next(n)) == scan.AmpersandNotFollowedByVarOrVararg {
				return true
			}
		case scan.Const:
			if k := r.kind(r.next(n)); k != '=' && k != ';' && k != ',' {
				return true
			}
		case scan.DoubleColon, scan.Variable:
			if r.kind(n) == '{' {
				return true
			}
		case scan.PublicSet, scan.ProtectedSet, scan.PrivateSet:
			return true
		case '|':
			if r.pipe(i) {
				return true
			}
		case '{':
			// A hooked property with a default: $x = 1 { ... }.
			switch p := r.prev(i); r.kind(p) {
			case scan.LNumber, scan.DNumber, scan.ConstantEncapsedString, ']':
				return true
			case scan.String:
				if r.is(p, "null") || r.is(p, "true") || r.is(p, "false") {
					return true
				}
			}
		case scan.New:
			if o := r.next(n); r.kind(o) == '(' {
				depth := 0
				for j := o; j < len(r.toks); j++ {
					switch r.kind(j) {
					case '(':
						depth++
					case ')':
						depth--
					}
					if depth == 0 {
						switch r.kind(r.next(j)) {
						case scan.ObjectOperator, scan.NullsafeObjectOperator, scan.DoubleColon, '[':
							return true
						}
						break
					}
				}
			}
		}
	}
	return false
}

// enumName reports whether token i is "enum" as PHP reads a name where
// php-parser reads its enum keyword, which it accepts as a name only after
// "->", "::" and "function".
func (r *rewriter) enumName(i int) bool {
	if !r.is(i, "enum") {
		return false
	}
	switch r.kind(r.prev(i)) {
	case scan.ObjectOperator, scan.NullsafeObjectOperator, scan.DoubleColon, scan.Function:
		return false
	}
	return true
}

// pipe reports whether token i, a "|", and the ">" right after it are
// PHP 8.5's pipe operator; older PHP has no "|>".
func (r *rewriter) pipe(i int) bool {
	return i+1 < len(r.toks) && r.toks[i+1].Kind == '>' && r.toks[i+1].Pos == r.toks[i].End
}

func (r *rewriter) is(i int, word string) bool {
	t := r.toks[i]
	return scan.EqualFold(r.src[t.Pos:t.End], word)
}

// next returns the index of the next token after i that is not trivia, or
// len(toks).
func (r *rewriter) next(i int) int {
	for i++; i < len(r.toks) && r.toks[i].Kind.Trivia(); i++ {
	}
	return i
}

// prev returns the index of the previous token before i that is not
// trivia, or -1.
func (r *rewriter) prev(i int) int {
	for i--; i >= 0 && r.toks[i].Kind.Trivia(); i-- {
	}
	return i
}

// kind returns the kind of token i, or 0 out of range.
func (r *rewriter) kind(i int) scan.Kind {
	if i < 0 || i >= len(r.toks) {
		return 0
	}
	return r.toks[i].Kind
}

// structure pairs brackets and marks which braces open class-like bodies.
func (r *rewriter) structure() {
	r.match = make([]int32, len(r.toks))
	r.body = make([]uint8, len(r.toks))
	var open []int
	pending := block
	for i, t := range r.toks {
		r.match[i] = -1
		switch t.Kind {
		case scan.Class:
			if r.kind(r.prev(i)) != scan.DoubleColon {
				pending = classBody
			}
		case scan.Interface, scan.Trait:
			pending = classBody
		case scan.Enum:
			pending = enumBody
		case '{':
			r.body[i] = pending
			pending = block
			open = append(open, i)
		case '(', '[', scan.Attribute, scan.CurlyOpen, scan.DollarOpenCurlyBraces:
			open = append(open, i)
		case ')', ']', '}':
			if n := len(open); n > 0 {
				r.match[i], r.match[open[n-1]] = int32(open[n-1]), int32(i)
				open = open[:n-1]
			}
		}
	}
}

// edit makes the rewritten copy on the first change.
func (r *rewriter) edit() []byte {
	if r.out == nil {
		r.out = append([]byte(nil), r.src...)
	}
	return r.out
}

// rename makes the parser read token i as a name.
func (r *rewriter) rename(i int) { r.edit()[r.toks[i].Pos] = 'Z' }

// blank turns the bytes [pos, end) into spaces, keeping line ends.
func (r *rewriter) blank(pos, end int) {
	out := r.edit()
	for j := pos; j < end; j++ {
		if out[j] != '\n' && out[j] != '\r' {
			out[j] = ' '
		}
	}
}

func (r *rewriter) blankTok(i int) { r.blank(r.toks[i].Pos, r.toks[i].End) }

// set writes s at pos.
func (r *rewriter) set(pos int, s string) { copy(r.edit()[pos:], s) }

func (r *rewriter) run() {
	var owners []uint8 // what each open brace opened
	member := func() bool { return len(owners) > 0 && owners[len(owners)-1] != block }
	for i := 0; i < len(r.toks); i++ {
		t := r.toks[i]
		switch t.Kind {
		case '{':
			owners = append(owners, r.body[i])
		case scan.CurlyOpen, scan.DollarOpenCurlyBraces:
			owners = append(owners, block)
		case '}':
			if len(owners) > 0 {
				owners = owners[:len(owners)-1]
			}
		case scan.InlineHTML:
			// php-parser opens PHP at any "<?"; PHP 8 only at "<?php"
			// and "<?=", which end inline HTML, so any "<?" left
			// inside it is text.
			for j := t.Pos; j+1 < t.End; j++ {
				if r.src[j] == '<' && r.src[j+1] == '?' {
					r.set(j+1, " ")
				}
			}
		case scan.String:
			// A class constant's name is an identifier in php-parser's
			// grammar, where its enum keyword is one of the semi-reserved
			// words: `const ENUM = 'enum';` in a class body parses.
			if r.enumName(i) && !(member() && r.kind(r.prev(i)) == scan.Const) {
				r.rename(i)
			}
		case scan.Case:
			if len(owners) > 0 && owners[len(owners)-1] == enumBody {
				if n := r.next(i); r.kind(n).IsKeyword() {
					r.rename(n)
				}
			}
		case scan.Readonly:
			r.readonly(i, member())
		case scan.Exit:
			if n := r.next(i); r.kind(n) == '(' && r.kind(r.next(n)) == scan.Ellipsis && r.kind(r.next(r.next(n))) == ')' {
				r.rename(i)
			}
		case scan.Static:
			p, n := r.prev(i), r.next(i)
			if r.kind(p) == ']' && r.match[p] >= 0 && r.kind(int(r.match[p])) == scan.Attribute && r.closure(n) {
				r.blankTok(i)
			}
		case '(':
			r.dnf(i)
		case scan.Const:
			if member() {
				r.typedConst(i)
			}
		case scan.DoubleColon:
			r.dynamicConst(i)
		case scan.PublicSet, scan.ProtectedSet, scan.PrivateSet:
			r.asymmetric(i)
		case '|':
			if r.pipe(i) {
				r.set(r.toks[i].Pos, ">")
			}
		case scan.New:
			r.newChain(i)
		case scan.Variable:
			i = r.hooks(i, member())
		}
	}
}

// closure reports whether token i starts a closure or arrow function.
func (r *rewriter) closure(i int) bool {
	switch r.kind(i) {
	case scan.Fn:
		return true
	case scan.Function:
		n := r.next(i)
		if k := r.kind(n); k == scan.AmpersandNotFollowedByVarOrVararg || k == scan.AmpersandFollowedByVarOrVararg {
			n = r.next(n)
		}
		return r.kind(n) == '('
	}
	return false
}

// readonly renames "readonly" used as a function name: declared (after
// "function") or called (before "("), unless it is a modifier of a
// property or promoted parameter with a DNF type, readonly (A&B)|null $x;
// and blanks it in a readonly anonymous class (PHP 8.3), which the checks
// need not know.
func (r *rewriter) readonly(i int, member bool) {
	p, n := r.prev(i), r.next(i)
	switch r.kind(p) {
	case scan.Function: // a method may be named readonly as given
		if !member {
			r.rename(i)
		}
		return
	case scan.AmpersandNotFollowedByVarOrVararg, scan.AmpersandFollowedByVarOrVararg:
		if !member && r.kind(r.prev(p)) == scan.Function {
			r.rename(i)
		}
		return
	case scan.New:
		if r.kind(n) == scan.Class { // new readonly class {} (PHP 8.3)
			r.blankTok(i)
		}
		return
	case scan.Public, scan.Protected, scan.Private, scan.Static, scan.Final, scan.Abstract, scan.Var,
		scan.PublicSet, scan.ProtectedSet, scan.PrivateSet:
		return
	}
	if member || r.kind(n) != '(' {
		return
	}
	if a := r.next(n); isName(r.kind(a)) && r.kind(r.next(a)) == scan.AmpersandNotFollowedByVarOrVararg {
		return // readonly (A&B)|null $x
	}
	r.rename(i)
}

func isName(k scan.Kind) bool {
	switch k {
	case scan.String, scan.NameQualified, scan.NameFullyQualified, scan.NameRelative, scan.Static, scan.Array, scan.Callable:
		return true
	}
	return false
}

// group returns the index of the ")" closing the intersection group that
// starts at "(" i, as in (A&B), or -1 if i does not start one.
func (r *rewriter) group(i int) int {
	if r.kind(i) != '(' {
		return -1
	}
	j := r.next(i)
	if !isName(r.kind(j)) {
		return -1
	}
	for names := 1; ; names++ {
		j = r.next(j)
		switch r.kind(j) {
		case ')':
			if names < 2 {
				return -1
			}
			return j
		case scan.AmpersandNotFollowedByVarOrVararg:
			j = r.next(j)
			if !isName(r.kind(j)) {
				return -1
			}
		default:
			return -1
		}
	}
}

// dnf cuts each intersection group of a DNF type starting at "(" i to its
// first name. The type is one when it has a "|" and is followed by a
// parameter or property variable, or follows a function's ")" and ":"
// (a return type); a bitwise expression (A&B)|C is neither.
func (r *rewriter) dnf(i int) {
	if i <= r.dnfEnd || r.group(i) < 0 {
		return // not a group, or one of a type already handled
	}
	// The type may start with members before this group: null|(A&B).
	start := i
	for {
		p := r.prev(start)
		if r.kind(p) != '|' {
			break
		}
		q := r.prev(p)
		if isName(r.kind(q)) {
			start = q
		} else if r.kind(q) == ')' && r.match[q] >= 0 && r.group(int(r.match[q])) == q {
			start = int(r.match[q])
		} else {
			break
		}
	}
	var groups [][2]int
	end, unions := start, 0
	for j := start; ; {
		if g := r.group(j); g >= 0 {
			groups = append(groups, [2]int{j, g})
			end = g
		} else if isName(r.kind(j)) {
			end = j
		} else {
			return
		}
		if n := r.next(end); r.kind(n) == '|' {
			j, unions = r.next(n), unions+1
			continue
		}
		break
	}
	r.dnfEnd = end
	if unions == 0 || !r.typeContext(start, r.next(end)) {
		return
	}
	for _, g := range groups {
		first := r.next(g[0])
		r.blankTok(g[0])
		r.blank(r.toks[first].End, r.toks[g[1]].End)
		grp := Group{Span: Span{r.toks[g[0]].Pos, r.toks[g[1]].End}}
		for j := first; j < g[1]; j = r.next(j) {
			if isName(r.kind(j)) {
				grp.Names = append(grp.Names, r.toks[j])
			}
		}
		r.fix.Groups = append(r.fix.Groups, grp)
	}
}

// typeContext reports whether a type starting at token start and followed
// by token after stands where PHP expects a type.
func (r *rewriter) typeContext(start, after int) bool {
	switch r.kind(after) {
	case scan.Variable, scan.Ellipsis, scan.AmpersandFollowedByVarOrVararg:
		return true
	}
	p := r.prev(start)
	switch r.kind(p) {
	case ':':
		// A return type follows the ")" of a parameter or use list.
		q := r.prev(p)
		if r.kind(q) != ')' || r.match[q] < 0 {
			return false
		}
		o := r.prev(int(r.match[q]))
		if r.kind(o) == scan.Use {
			return true
		}
		if r.kind(o) == scan.AmpersandNotFollowedByVarOrVararg || r.kind(o) == scan.AmpersandFollowedByVarOrVararg {
			o = r.prev(o)
		}
		switch r.kind(o) {
		case scan.Function, scan.Fn:
			return true
		}
		return r.kind(r.prev(o)) == scan.Function
	case scan.Const:
		return true
	}
	return false
}

// typedConst blanks the type of a typed class constant: everything
// between "const" and the name before "=".
func (r *rewriter) typedConst(i int) {
	first := r.next(i)
	last := first
	for j := first; j < len(r.toks); j = r.next(j) {
		switch r.kind(j) {
		case '=':
			if last != first {
				r.blank(r.toks[first].Pos, r.toks[r.prev(last)].End)
			}
			return
		case ';', ',', '{', '}':
			return
		case '(':
			if r.match[j] < 0 {
				return
			}
			j = int(r.match[j])
		}
		last = j
	}
}

// dynamicConst turns A::{expr} into A  (expr). A::{expr}() is a static
// call the parser knows.
func (r *rewriter) dynamicConst(i int) {
	n := r.next(i)
	if r.kind(n) != '{' || r.match[n] < 0 || r.kind(r.next(int(r.match[n]))) == '(' {
		return
	}
	if p := r.prev(i); r.kind(p) == scan.Static {
		r.rename(p)
	}
	r.blankTok(i)
	r.set(r.toks[n].Pos, "(")
	r.set(r.toks[r.match[n]].Pos, ")")
}

// asymmetric removes a (set) visibility: blanked next to another
// visibility, else replaced by "public", the read visibility it implies.
func (r *rewriter) asymmetric(i int) {
	for _, j := range [...]int{r.prev(i), r.next(i), r.prev(r.prev(i)), r.next(r.next(i))} {
		switch r.kind(j) {
		case scan.Public, scan.Protected, scan.Private:
			r.blankTok(i)
			return
		}
	}
	r.blankTok(i)
	r.set(r.toks[i].Pos, "public")
}

// newChain blanks "new" in new A(...)->f(), new A(...)::X, new A(...)[0],
// which PHP 8.4 reads as (new A(...))->f(), so that the parser reads a
// call A(...) in its place.
func (r *rewriter) newChain(i int) {
	c := r.next(i)
	switch r.kind(c) {
	case scan.String, scan.NameQualified, scan.NameFullyQualified, scan.NameRelative, scan.Variable, scan.Static:
	default:
		return
	}
	o := r.next(c)
	if r.kind(o) != '(' || r.match[o] < 0 {
		return
	}
	switch r.kind(r.next(int(r.match[o]))) {
	case scan.ObjectOperator, scan.NullsafeObjectOperator, scan.DoubleColon, '[':
	default:
		return
	}
	if r.kind(c) == scan.Static {
		r.rename(c)
	}
	r.blankTok(i)
	r.fix.News = append(r.fix.News, New{r.toks[i].Pos, r.toks[c].Pos})
}

// hooks replaces a property's hook block, $x { get => ...; }, or
// $x = 1 { set { ... } }, by ";" and blanks (a promoted parameter's by
// blanks only), and returns the index to continue from. A promoted
// parameter with both a default and hooks is left to the parser.
func (r *rewriter) hooks(i int, member bool) int {
	j := r.next(i)
	if r.kind(j) == '=' && member {
		for j = r.next(j); j < len(r.toks); j = r.next(j) {
			k := r.kind(j)
			if k == ';' || k == ',' || k == '{' || k == '}' || k == ')' || k == ']' {
				break // a ")" closes a parameter list: $x = 0) {
			}
			if (k == '(' || k == '[') && r.match[j] >= 0 {
				j = int(r.match[j])
			}
		}
	}
	if r.kind(j) != '{' || r.match[j] < 0 {
		return i
	}
	end := int(r.match[j])
	r.blank(r.toks[j].Pos, r.toks[end].End)
	// A promoted constructor parameter's hooks are followed by "," or
	// ")": the parameter needs no ";".
	if k := r.kind(r.next(end)); member && k != ',' && k != ')' {
		r.set(r.toks[j].Pos, ";")
	}
	r.fix.Hooks = append(r.fix.Hooks, Hook{Span{r.toks[j].Pos, r.toks[end].End}, r.heads(j, end)})
	return end
}

// heads returns the spans of the hook heads in the block from "{" open to
// its "}" close.
func (r *rewriter) heads(open, close int) []Span {
	var heads []Span
	start := -1
	for j := r.next(open); j < close; j = r.next(j) {
		if start < 0 {
			start = j
		}
		switch k := r.kind(j); k {
		case scan.DoubleArrow: // get => expr;
			heads = append(heads, Span{r.toks[start].Pos, r.toks[j].End})
			for j < close && r.kind(j) != ';' {
				if m := r.match[j]; m >= 0 && (k == '(' || k == '[' || k == '{') {
					j = int(m)
				}
				j = r.next(j)
				k = r.kind(j)
			}
			start = -1
		case '{': // get { ... }
			heads = append(heads, Span{r.toks[start].Pos, r.toks[j].Pos})
			if r.match[j] >= 0 {
				j = int(r.match[j])
			}
			start = -1
		case ';': // abstract: get;
			heads = append(heads, Span{r.toks[start].Pos, r.toks[j].End})
			start = -1
		case '(', '[', scan.Attribute:
			if r.match[j] >= 0 {
				j = int(r.match[j])
			}
		}
	}
	return heads
}
