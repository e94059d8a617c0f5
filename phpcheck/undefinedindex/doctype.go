package undefinedindex

import (
	"strconv"
	"strings"
)

// parseType reads a PHPDoc type, as PHPStan and Psalm write it, for the
// shape of its array part: array{k: T, opt?: T}, list{T, T} and
// non-empty-list<T> have one; a general array (array, array<K, V>,
// list<T>, T[], non-empty-array), mixed, iterable or a class (which may
// implement ArrayAccess) makes the whole type unknown (nil); scalars and
// null are not arrays and are left out of a union (reading a key of null
// is not an undefined key). alias resolves a type alias to its text.
func parseType(text string, alias func(name string) (string, bool)) *shape {
	p := &typeParser{s: text, alias: alias, expansions: new(int)}
	sh, kind := p.union()
	if kind != kindShape {
		return nil
	}
	return sh
}

// typeKind is what one member of a union is.
type typeKind uint8

const (
	kindNotArray typeKind = iota // null, int, string...: no keys to read
	kindShape                    // an array of known shape
	kindUnknown                  // an array or object whose keys are not known
)

type typeParser struct {
	s     string
	i     int
	alias func(string) (string, bool)
	depth int
	// expansions counts the aliases expanded, across nested parsers.
	expansions *int
}

// maxExpansions bounds the alias expansions of one type: a recursive
// alias (a tree whose two children have the tree's type) would otherwise
// expand exponentially.
const maxExpansions = 32

// maxTypeDepth bounds nested shapes and alias expansions (an alias may
// name itself).
const maxTypeDepth = 16

func (p *typeParser) blank() {
	for p.i < len(p.s) && strings.IndexByte(" \t\r\n*", p.s[p.i]) >= 0 {
		p.i++
	}
}

func (p *typeParser) peek(c byte) bool {
	p.blank()
	return p.i < len(p.s) && p.s[p.i] == c
}

func (p *typeParser) eat(c byte) bool {
	if p.peek(c) {
		p.i++
		return true
	}
	return false
}

// union parses T|T|..., an intersection counting as unknown.
func (p *typeParser) union() (*shape, typeKind) {
	p.depth++
	defer func() { p.depth-- }()
	if p.depth > maxTypeDepth {
		return nil, kindUnknown
	}
	var out *shape
	kind := kindNotArray
	for {
		sh, k := p.member()
		switch {
		case k == kindUnknown:
			kind = kindUnknown
		case k == kindShape && kind != kindUnknown:
			if out == nil {
				out = sh
			} else {
				out = union(out, sh)
			}
			kind = kindShape
		}
		if p.eat('&') {
			kind = kindUnknown
			continue
		}
		if !p.eat('|') {
			break
		}
	}
	if kind != kindShape {
		return nil, kind
	}
	return out, kind
}

// member parses one member of a union, with any [] suffixes.
func (p *typeParser) member() (*shape, typeKind) {
	for p.eat('?') {
	}
	var sh *shape
	var kind typeKind
	switch {
	case p.eat('('):
		sh, kind = p.union()
		p.eat(')')
	case p.i < len(p.s) && (p.s[p.i] == '\'' || p.s[p.i] == '"'):
		p.quoted()
		kind = kindNotArray
	default:
		sh, kind = p.named()
	}
	for p.peek('[') && p.i+1 < len(p.s) && p.s[p.i+1] == ']' {
		p.i += 2
		sh, kind = nil, kindUnknown
	}
	return sh, kind
}

// notArrays are the type names that are never arrays.
var notArrays = map[string]bool{
	"null": true, "false": true, "true": true, "bool": true, "boolean": true, "int": true, "integer": true,
	"float": true, "double": true, "string": true, "resource": true, "void": true, "never": true,
	"scalar": true, "numeric": true, "array-key": true,
}

// named parses a type name with its generic arguments or shape body.
func (p *typeParser) named() (*shape, typeKind) {
	start := p.i
	for p.i < len(p.s) && isNameByte(p.s[p.i]) {
		p.i++
	}
	name := p.s[start:p.i]
	lower := strings.ToLower(name)
	if name == "" {
		p.i = len(p.s) // not a type this parser reads: stop
		return nil, kindUnknown
	}
	if p.peek('{') && (lower == "array" || lower == "list" || lower == "non-empty-array" || lower == "non-empty-list") {
		p.i++
		return p.shapeBody(lower == "list" || lower == "non-empty-list"), kindShape
	}
	var args []*shape
	if p.eat('<') {
		for {
			sh, _ := p.union()
			args = append(args, sh)
			if !p.eat(',') {
				break
			}
		}
		p.eat('>')
	}
	if p.peek('(') { // callable(...): ..., Closure(...)
		p.skipParens()
		return nil, kindNotArray
	}
	switch {
	case lower == "non-empty-list":
		sh := &shape{keys: map[key]elem{intKey(0): {}}, rest: restMaybeInts, restFrom: 1}
		if len(args) == 1 && args[0] != nil {
			sh.keys[intKey(0)] = elem{sub: args[0]}
		}
		return sh, kindShape
	case notArrays[lower], strings.HasSuffix(lower, "-string"), strings.HasSuffix(lower, "-int"),
		lower == "class-string", strings.HasPrefix(lower, "int-mask"), strings.HasPrefix(lower, "key-of"),
		strings.HasPrefix(lower, "value-of"):
		return nil, kindNotArray
	case len(name) > 0 && (name[0] >= '0' && name[0] <= '9' || name[0] == '-'):
		return nil, kindNotArray // an integer or float literal type
	}
	if p.alias != nil && len(args) == 0 && *p.expansions < maxExpansions {
		if text, ok := p.alias(name); ok {
			*p.expansions++
			sub := &typeParser{s: text, alias: p.alias, depth: p.depth, expansions: p.expansions}
			return sub.union()
		}
	}
	return nil, kindUnknown
}

func isNameByte(c byte) bool {
	return c == '_' || c == '-' || c == '\\' || c == '$' || c == '.' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80
}

// shapeBody parses the items of array{...} or list{...} after the brace.
func (p *typeParser) shapeBody(list bool) *shape {
	sh := &shape{keys: map[key]elem{}}
	var next int64
	for !p.peek('}') && p.i < len(p.s) {
		if p.s[p.i] == '.' && strings.HasPrefix(p.s[p.i:], "...") {
			// An unsealed shape: other keys may exist.
			p.i += 3
			if p.eat('<') {
				p.union()
				for p.eat(',') {
					p.union()
				}
				p.eat('>')
			}
			sh.rest = restUnknown
			p.eat(',')
			continue
		}
		k, opt, keyed := p.itemKey()
		if !keyed {
			k = intKey(next)
		}
		if n, ok := k.int(); ok && n >= next {
			next = n + 1
		}
		v, kind := p.union()
		var sub *shape
		if kind == kindShape {
			sub = v
		}
		sh.keys[k] = elem{maybe: opt, sub: sub}
		if !p.eat(',') {
			break
		}
	}
	cut := !p.eat('}')
	if list && sh.rest == restUnknown {
		sh.rest, sh.restFrom = restMaybeInts, next
	}
	if cut {
		// Cut short (a type this parser misread): claim no key absent.
		sh.rest = restUnknown
	}
	return sh
}

// itemKey parses `key:` or `key?:` at the start of a shape item; keyed is
// false (and nothing is consumed) for a positional item.
func (p *typeParser) itemKey() (k key, opt, keyed bool) {
	p.blank()
	save := p.i
	var raw string
	quoted := false
	if p.i < len(p.s) && (p.s[p.i] == '\'' || p.s[p.i] == '"') {
		raw, quoted = p.quoted(), true
	} else {
		start := p.i
		for p.i < len(p.s) && (isNameByte(p.s[p.i]) && p.s[p.i] != '\\' && p.s[p.i] != '$') {
			p.i++
		}
		raw = p.s[start:p.i]
	}
	if raw == "" && !quoted {
		p.i = save
		return "", false, false
	}
	if p.eat('?') {
		opt = true
	}
	if !p.peek(':') || p.i+1 < len(p.s) && p.s[p.i+1] == ':' {
		p.i = save
		return "", false, false
	}
	p.i++
	if !quoted {
		if n, err := strconv.ParseInt(raw, 10, 64); err == nil {
			return intKey(n), opt, true
		}
	}
	return strKey(raw), opt, true
}

// quoted reads a quoted string and returns its content.
func (p *typeParser) quoted() string {
	q := p.s[p.i]
	p.i++
	start := p.i
	for p.i < len(p.s) && p.s[p.i] != q {
		if p.s[p.i] == '\\' {
			p.i++
		}
		p.i++
	}
	end := min(p.i, len(p.s))
	p.i = min(p.i+1, len(p.s))
	return p.s[start:end]
}

func (p *typeParser) skipParens() {
	depth := 0
	for ; p.i < len(p.s); p.i++ {
		switch p.s[p.i] {
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				p.i++
				// A callable's return type.
				if p.eat(':') {
					p.member()
				}
				return
			}
		}
	}
}
