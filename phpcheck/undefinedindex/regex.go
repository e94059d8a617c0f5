package undefinedindex

import "strings"

// pattern is what the check knows of a preg pattern's capture groups.
type pattern struct {
	// groups is the number of capture groups.
	groups int
	// sure is the last group that every match sets: PCRE leaves out the
	// unset groups after the last one that took part, so keys 0 to sure
	// exist after a match and the later groups may be missing.
	sure int
	// names maps a named group's number to its name, which is a key too.
	names map[int]string
}

// parsePattern reads the capture groups of a preg pattern written with
// its delimiters and modifiers. ok is false for the patterns it does not
// follow: the x modifier (whose comments may hold parentheses), branch
// resets (?|...), \Q...\E quoting and unbalanced parentheses.
func parsePattern(re string) (pattern, bool) {
	body, ok := patternBody(re)
	if !ok || matchesEmpty(body) {
		// A pattern that matches the empty string matches every
		// subject: nothing to check.
		return pattern{}, false
	}
	type frame struct {
		group  int   // the capture group it opens, or 0
		inside []int // the capture groups within it
		alt    bool  // it holds a top-level |
	}
	stack := []*frame{{}}
	optional := map[int]bool{}
	p := pattern{names: map[int]string{}}
	for i := 0; i < len(body); i++ {
		switch c := body[i]; c {
		case '\\':
			if i+1 < len(body) && body[i+1] == 'Q' {
				return pattern{}, false
			}
			i++
		case '[':
			i = classEnd(body, i)
		case '|':
			stack[len(stack)-1].alt = true
		case '(':
			f := &frame{}
			rest := body[i+1:]
			switch {
			case strings.HasPrefix(rest, "?|"):
				return pattern{}, false
			case strings.HasPrefix(rest, "?P<"), strings.HasPrefix(rest, "?<") && !strings.HasPrefix(rest, "?<=") && !strings.HasPrefix(rest, "?<!"),
				strings.HasPrefix(rest, "?'"):
				start := strings.IndexAny(rest, "<'") + 1
				end := strings.IndexAny(rest[start:], ">'")
				if end < 0 {
					return pattern{}, false
				}
				p.groups++
				f.group = p.groups
				p.names[p.groups] = rest[start : start+end]
			case strings.HasPrefix(rest, "?#"):
				end := strings.IndexByte(rest, ')')
				if end < 0 {
					return pattern{}, false
				}
				i += end + 1
				continue
			case strings.HasPrefix(rest, "?"), strings.HasPrefix(rest, "*"):
			default:
				p.groups++
				f.group = p.groups
			}
			stack = append(stack, f)
		case ')':
			if len(stack) < 2 {
				return pattern{}, false
			}
			f := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			all := f.inside
			if f.alt {
				for _, g := range all {
					optional[g] = true
				}
			}
			if f.group > 0 {
				all = append(all, f.group)
			}
			if quantifiedOptional(body[i+1:]) {
				for _, g := range all {
					optional[g] = true
				}
			}
			parent := stack[len(stack)-1]
			parent.inside = append(parent.inside, all...)
		}
	}
	if len(stack) != 1 {
		return pattern{}, false
	}
	if stack[0].alt {
		for _, g := range stack[0].inside {
			optional[g] = true
		}
	}
	for g := p.groups; g > 0; g-- {
		if !optional[g] {
			p.sure = g
			break
		}
	}
	return p, true
}

// matchesEmpty reports whether a pattern body is a sequence of anchors
// and optional atoms (/^\s*/, //), which match every subject. It answers
// false for what it does not follow (alternations, groups).
func matchesEmpty(body string) bool {
	for i := 0; i < len(body); i++ {
		switch c := body[i]; c {
		case '^', '$':
			continue
		case '(', ')', '|':
			return false
		case '\\':
			if i+1 >= len(body) {
				return false
			}
			i++
			if strings.IndexByte("AzZbBG", body[i]) >= 0 {
				continue // an anchor
			}
		case '[':
			if i = classEnd(body, i); i >= len(body) {
				return false // an unclosed class
			}
		}
		if !quantifiedOptional(body[i+1:]) {
			return false
		}
		i++ // the quantifier
		for i+1 < len(body) && strings.IndexByte("?+", body[i+1]) >= 0 && body[i] != '{' {
			i++ // lazy or possessive
		}
		if body[i] == '{' {
			end := strings.IndexByte(body[i:], '}')
			if end < 0 {
				return false
			}
			i += end
		}
	}
	return true
}

// patternBody strips a pattern's delimiters and modifiers.
func patternBody(re string) (string, bool) {
	re = strings.TrimLeft(re, " \t\n\r")
	if len(re) < 2 {
		return "", false
	}
	open := re[0]
	if open == '\\' || open >= 'a' && open <= 'z' || open >= 'A' && open <= 'Z' || open >= '0' && open <= '9' {
		return "", false
	}
	close := open
	switch open {
	case '(':
		close = ')'
	case '[':
		close = ']'
	case '{':
		close = '}'
	case '<':
		close = '>'
	}
	end := strings.LastIndexByte(re, close)
	if end <= 0 {
		return "", false
	}
	if strings.ContainsRune(re[end+1:], 'x') {
		return "", false
	}
	return re[1:end], true
}

// classEnd returns the index of the ] that closes the character class
// opened at i.
func classEnd(s string, i int) int {
	j := i + 1
	if j < len(s) && s[j] == '^' {
		j++
	}
	if j < len(s) && s[j] == ']' {
		j++ // a ] first in a class is a literal
	}
	for ; j < len(s); j++ {
		switch s[j] {
		case '\\':
			j++
		case '[':
			if j+1 < len(s) && s[j+1] == ':' { // [:alpha:]
				if k := strings.Index(s[j:], ":]"); k > 0 {
					j += k + 1
				}
			}
		case ']':
			return j
		}
	}
	return len(s)
}

// quantifiedOptional reports whether the text after a group starts with a
// quantifier that allows zero repetitions: ?, *, {0,...} or {,...}.
func quantifiedOptional(s string) bool {
	if s == "" {
		return false
	}
	switch s[0] {
	case '?', '*':
		return true
	case '{':
		return strings.HasPrefix(s, "{0") || strings.HasPrefix(s, "{,")
	}
	return false
}
