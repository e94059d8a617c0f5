package index

import "strings"

// AssertWhen says when an [Assert] holds.
type AssertWhen uint8

// The conditions of an assertion tag.
const (
	// AssertAlways: after every call that returns (@phpstan-assert).
	AssertAlways AssertWhen = iota
	// AssertIfTrue: where the call's result is true (-if-true).
	AssertIfTrue
	// AssertIfFalse: where the call's result is false (-if-false).
	AssertIfFalse
)

// Assert is an @phpstan-assert or @psalm-assert tag of a function or
// method, in any of its forms (-if-true, -if-false): the call proves
// something of one of its arguments or of its receiver's properties.
type Assert struct {
	When AssertWhen
	// Target is the asserted expression as written: a parameter ("$x"),
	// a path below one ("$x->prop") or below $this ("$this->prop").
	Target string
	// Type is the asserted type, as a @var type is read ("null" is
	// Nullable with the text "null").
	Type Type
	// Negated reports the !T form: the target is not a T.
	Negated bool
	// Equality reports the =T form, which says nothing of the branch
	// where the condition fails.
	Equality bool
}

// assertTags are the docblock tags read as assertions, longest first so
// that a prefix never shadows its -if- form.
var assertTags = []struct {
	tag  string
	when AssertWhen
}{
	{"@phpstan-assert-if-false", AssertIfFalse},
	{"@phpstan-assert-if-true", AssertIfTrue},
	{"@psalm-assert-if-false", AssertIfFalse},
	{"@psalm-assert-if-true", AssertIfTrue},
	{"@phpstan-assert", AssertAlways},
	{"@psalm-assert", AssertAlways},
}

// DocAsserts parses the assertion tags of a docblock. Tags whose type or
// target cannot be read are skipped.
func DocAsserts(n *Names, doc, class, parent string) []Assert {
	if !strings.Contains(doc, "-assert") {
		return nil
	}
	var out []Assert
	for _, line := range strings.Split(doc, "\n") {
		i := strings.Index(line, "@p")
		if i < 0 {
			continue
		}
		line = line[i:]
		for _, t := range assertTags {
			rest, ok := strings.CutPrefix(line, t.tag)
			if !ok || rest == "" || rest[0] != ' ' && rest[0] != '\t' {
				continue
			}
			if as, ok := parseAssert(n, strings.TrimSpace(rest), class, parent); ok {
				as.When = t.when
				out = append(out, as)
			}
			break
		}
	}
	return out
}

// parseAssert reads "[=][!]Type $target" (the description after it is
// ignored).
func parseAssert(n *Names, s, class, parent string) (Assert, bool) {
	var as Assert
	if rest, ok := strings.CutPrefix(s, "="); ok {
		as.Equality, s = true, rest
	}
	if rest, ok := strings.CutPrefix(s, "!"); ok {
		as.Negated, s = true, rest
	}
	text, rest := SplitDocType(s)
	t, ok := DocType(n, "@var "+text, "@var", class, parent)
	if !ok {
		return as, false
	}
	target := strings.TrimLeft(rest, " \t")
	k := 0
	for k < len(target) && target[k] != ' ' && target[k] != '\t' && target[k] != '*' && target[k] != '\r' {
		k++
	}
	target = target[:k]
	if len(target) < 2 || target[0] != '$' {
		return as, false
	}
	as.Type, as.Target = t, target
	return as, true
}

// MayMakeNull reports whether the assertion can make its target null, as
// the flow walk applies it: `null`, or a negated class (`!Foo`), which
// leaves a value that was Foo or null only null. `!null` and the other
// types only narrow a value to non-null.
func (a *Assert) MayMakeNull() bool {
	if a.Negated {
		return a.Type.NonNull && a.Type.Class() != ""
	}
	return strings.EqualFold(a.Type.Text, "null")
}

// AssertsNull reports whether a function or method whose short name is
// name, in any namespace or class, has an assertion tag that may make its
// target null (Assert.MayMakeNull);
// with name "", whether any has. Such a call makes a null in the caller
// as surely as `$x = null` does: a walk that skips the bodies that make
// no null asks it of the calls a body makes.
func (ix *Index) AssertsNull(name string) bool {
	if ix == nil {
		return false
	}
	ix.record(LookupAssertsNull, name, "")
	if name == "" {
		return len(ix.nullAsserts) > 0
	}
	return ix.nullAsserts[strings.ToLower(name)]
}

// collectNullAsserts fills ix.nullAsserts from its tables.
func (ix *Index) collectNullAsserts() {
	add := func(fn *Func, name string) {
		for i := range fn.Asserts {
			if fn.Asserts[i].MayMakeNull() {
				if ix.nullAsserts == nil {
					ix.nullAsserts = map[string]bool{}
				}
				ix.nullAsserts[strings.ToLower(name)] = true
				return
			}
		}
	}
	for _, fn := range ix.funcs {
		add(fn, fn.Name[strings.LastIndexByte(fn.Name, '\\')+1:])
	}
	for _, e := range ix.classes {
		for i := range e.Methods {
			add(&e.Methods[i], e.Methods[i].Name)
		}
	}
}
