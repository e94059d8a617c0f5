package main

import (
	"bufio"
	"fmt"
	"os"
	"regexp"
	"strconv"
	"strings"
)

// A paramError is one of PHPStan's "Parameter #N $x of ... expects T, G
// given." expectations, split into its parts.
type paramError struct {
	Arg      int    // N, 1-based
	Param    string // x, without the $ and a variadic's ...
	Kind     string // "function", "method", "static", "new" or "closure"
	Callee   string // ns\f, ns\C::m or ns\C::__construct as the message spells it; empty for a closure
	Expected string // T
	Given    string // G
}

var paramRE = regexp.MustCompile(`^Parameter #(\d+) (?:\.\.\.)?\$(\w+) of (function (\S+)|method (\S+)::(\w+)\(\)|static method (\S+)::(\w+)\(\)|class (\S+) constructor|closure|callable) expects (.+) given\.$`)

// parseParamError reads one of PHPStan's argument-type messages; ok is
// false for any other message. The expected and given types are split at
// the one ", " outside brackets: either type may hold "array<int, string>"
// or "callable(int, string): bool".
func parseParamError(msg string) (e paramError, ok bool) {
	m := paramRE.FindStringSubmatch(msg)
	if m == nil {
		return e, false
	}
	e.Arg, _ = strconv.Atoi(m[1])
	e.Param = m[2]
	switch {
	case m[4] != "":
		e.Kind, e.Callee = "function", m[4]
	case m[5] != "":
		e.Kind, e.Callee = "method", m[5]+"::"+m[6]
	case m[7] != "":
		e.Kind, e.Callee = "static", m[7]+"::"+m[8]
	case m[9] != "":
		e.Kind, e.Callee = "new", m[9]+"::__construct"
	default:
		e.Kind = "closure"
	}
	types := topLevel(m[10], ", ")
	if len(types) != 2 {
		return e, false
	}
	e.Expected, e.Given = types[0], types[1]
	return e, true
}

// nullArg reports whether the message is a null argument: null is one of
// the given type's members and the expected type has neither null nor
// mixed among its own.
func (e paramError) nullArg() bool {
	return hasMember(e.Given, "null") && !hasMember(e.Expected, "null") && !hasMember(e.Expected, "mixed")
}

// hasMember reports whether the union t has the member name at its top
// level ("Foo|null" has null, "callable(int|null): void" does not).
func hasMember(t, name string) bool {
	t = strings.TrimSpace(t)
	if strings.HasPrefix(t, "?") && name == "null" {
		return true
	}
	for _, m := range topLevel(t, "|") {
		if strings.EqualFold(strings.Trim(m, "()"), name) {
			return true
		}
	}
	return false
}

// topLevel splits s at each sep outside (), <>, [] and {}. The ">" of a
// "): T" return arrow does not occur in PHPStan's type descriptions, so
// angle brackets can be counted as brackets.
func topLevel(s, sep string) []string {
	var parts []string
	depth, start := 0, 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '(', '<', '[', '{':
			depth++
		case ')', '>', ']', '}':
			depth--
		default:
			if depth == 0 && strings.HasPrefix(s[i:], sep) {
				parts = append(parts, s[start:i])
				start = i + len(sep)
				i += len(sep) - 1
			}
		}
	}
	return append(parts, s[start:])
}

// psalmNullIssues are Psalm's null-argument issue types.
var psalmNullIssues = map[string]bool{"PossiblyNullArgument": true, "NullArgument": true}

// psalmIssue is the issue type an error_message names: its first word.
func psalmIssue(msg string) string {
	msg = strings.TrimSpace(msg)
	if i := strings.IndexAny(msg, " :"); i >= 0 {
		msg = msg[:i]
	}
	return msg
}

// A psalmCall says which call a Psalm null-argument case is about.
type psalmCall struct {
	Line   int
	Callee string
	Arg    int
}

// readPsalmCalls reads the table of Psalm's null-argument cases
// (bench/peers-nullarg-psalm.tsv): "#" lines are comments, the first other
// line is the header, then case, line, callee and argument, tab-separated.
func readPsalmCalls(path string) (map[string]psalmCall, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	calls := map[string]psalmCall{}
	sc := bufio.NewScanner(f)
	header := false
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		cols := strings.Split(line, "\t")
		if !header {
			if strings.Join(cols, ",") != "case,line,callee,arg" {
				return nil, fmt.Errorf("%s:%d: header must be case, line, callee, arg", path, n)
			}
			header = true
			continue
		}
		if len(cols) != 4 {
			return nil, fmt.Errorf("%s:%d: %d columns, want 4", path, n, len(cols))
		}
		l, err1 := strconv.Atoi(cols[1])
		a, err2 := strconv.Atoi(cols[3])
		if err1 != nil || err2 != nil || l < 1 || a < 1 || cols[2] == "" {
			return nil, fmt.Errorf("%s:%d: line and arg must be positive numbers and callee set", path, n)
		}
		if _, dup := calls[cols[0]]; dup {
			return nil, fmt.Errorf("%s:%d: case %s listed twice", path, n, cols[0])
		}
		calls[cols[0]] = psalmCall{Line: l, Callee: cols[2], Arg: a}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if !header {
		return nil, fmt.Errorf("%s: no header", path)
	}
	return calls, nil
}

var nullargCalleeRE = regexp.MustCompile(` of (\S+?)\(\): a TypeError`)

// findingKind is the kind of call a nullarg finding is about, in the words
// of paramError.Kind: its message names the callee as f(), C::m() or
// C::__construct(), and the source line tells a static call (::m() from an
// instance call (->m(). Empty when the message names no callee.
func findingKind(msg, lineText string) string {
	m := nullargCalleeRE.FindStringSubmatch(msg)
	if m == nil {
		return ""
	}
	_, method, ok := strings.Cut(m[1], "::")
	if !ok {
		return "function"
	}
	low := strings.ToLower(lineText)
	if strings.EqualFold(method, "__construct") && !strings.Contains(low, "::__construct(") {
		return "new"
	}
	call := regexp.QuoteMeta(strings.ToLower(method)) + `\s*\(`
	if regexp.MustCompile(`::\s*`+call).MatchString(low) && !regexp.MustCompile(`->\s*`+call).MatchString(low) {
		return "static"
	}
	return "method"
}
