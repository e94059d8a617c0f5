package undefinedindex

import (
	"slices"
	"strings"
	"testing"
)

// describe renders a shape as "k:has k:maybe ... rest", sorted, for tests.
func describe(s *shape) string {
	if s == nil {
		return "unknown"
	}
	var parts []string
	for k, e := range s.keys {
		st, _ := s.get(k)
		parts = append(parts, k.String()+":"+[...]string{"unknown", "has", "maybe", "absent"}[st])
		if e.sub != nil {
			parts[len(parts)-1] += "{" + describe(e.sub) + "}"
		}
	}
	slices.Sort(parts)
	return strings.Join(parts, " ") + [...]string{" closed", " ints", " open", " unknown"}[s.rest]
}

func TestParseType(t *testing.T) {
	aliases := map[string]string{"Row": "array{id: int, name?: string}", "Loop": "Loop", "Tree": "array{left: Tree|null, right: Tree|null}"}
	alias := func(name string) (string, bool) {
		v, ok := aliases[name]
		return v, ok
	}
	for _, c := range []struct{ in, want string }{
		{"array{id: int, name?: string}", "'id':has 'name':maybe closed"},
		{"array{'a b': int, 0: string, 1?: int}", "'a b':has 0:has 1:maybe closed"},
		{"list{int, string}", "0:has 1:has closed"},
		{"array{int, string, ...}", "0:has 1:has unknown"},
		{"list{int, ...<int>}", "0:has ints"},
		{"non-empty-list<array{x: int}>", "0:has{'x':has closed} ints"},
		{"array{a: int}|array{a: int, b?: int}", "'a':has 'b':maybe closed"},
		{"array{a: int}|array{b: int}", "'a':unknown 'b':unknown closed"},
		{"array{a: int}|null|false", "'a':has closed"},
		{"?array{a: int}", "'a':has closed"},
		{"array{a: int}|array<string, int>", "unknown"},
		{"array{a: int}|Foo", "unknown"},
		{"array<string, int>", "unknown"},
		{"list<int>", "unknown"},
		{"int[]", "unknown"},
		{"string", "unknown"},
		{"Row", "'id':has 'name':maybe closed"},
		{"Row|null", "'id':has 'name':maybe closed"},
		{"Loop", "unknown"},
		{"array{\n *   a: int,\n *   b?: array{c: int},\n * }", "'a':has 'b':maybe{'c':has closed} closed"},
		{"array{a: callable(int): string, b: Closure(): void}", "'a':has 'b':has closed"},
		{"array{", " unknown"},
		{"array{a: int", "'a':has unknown"},
	} {
		if got := describe(parseType(c.in, alias)); got != c.want {
			t.Errorf("parseType(%q) = %s, want %s", c.in, got, c.want)
		}
	}
	// A recursive alias expands a bounded number of times.
	if got := describe(parseType("Tree", alias)); !strings.HasPrefix(got, "'left':has{'left':has{") || strings.Count(got, "{") > 2*maxExpansions {
		t.Errorf("parseType(Tree) = %s, want a bounded expansion", got)
	}
}

func TestParsePattern(t *testing.T) {
	for _, c := range []struct {
		re           string
		groups, sure int
		names        string
		ok           bool
	}{
		{`/(\d+)-(\d+)/`, 2, 2, "", true},
		{`/(a)(b)?/`, 2, 1, "", true},
		{`/(a)?(b)/`, 2, 2, "", true},
		{`/(a)|(b)/`, 2, 0, "", true},
		{`~(?:x(y))*z~i`, 1, 0, "", true},
		{`#(?<year>\d{4})(?:-(?P<month>\d\d))?#`, 2, 1, "1=year 2=month", true},
		{`/[(](a)[)]/`, 1, 1, "", true},
		{`/\((a)\)/`, 1, 1, "", true},
		{`/(a){0,2}(b)/`, 2, 2, "", true},
		{`/(?|(a)|(b))/`, 0, 0, "", false},
		{`/(a) # (b)/x`, 0, 0, "", false},
		{`/^\s*/`, 0, 0, "", false},
		{`//`, 0, 0, "", false},
		{`/(a/`, 0, 0, "", false},
		{`abc`, 0, 0, "", false},
	} {
		p, ok := parsePattern(c.re)
		var names []string
		for g, n := range p.names {
			names = append(names, string(rune('0'+g))+"="+n)
		}
		slices.Sort(names)
		if ok != c.ok || ok && (p.groups != c.groups || p.sure != c.sure || strings.Join(names, " ") != c.names) {
			t.Errorf("parsePattern(%q) = %d groups, sure %d, names %v, ok %v; want %d, %d, %q, %v", c.re, p.groups, p.sure, names, ok, c.groups, c.sure, c.names, c.ok)
		}
	}
}

// FuzzParsers checks that no doc type or pattern text makes the parsers
// panic or loop.
func FuzzParsers(f *testing.F) {
	for _, s := range []string{"array{a: int, b?: list{int, ...}}", "non-empty-list<array{x: int}>|null", "/(a)(?<n>b)?[)]/", "array{", "((((", "?????"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		parseType(s, func(name string) (string, bool) { return s, true })
		parsePattern(s)
		matchesEmpty(s)
	})
}
