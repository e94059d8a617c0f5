package reportcheck

import (
	"net/url"
	"strings"
)

// GitHub code scanning's documented limits for one upload.
const (
	maxRuns        = 20
	maxResults     = 25000
	maxLocations   = 1000
	maxDescription = 1024
)

var (
	sarifLevels      = []string{"none", "note", "warning", "error"}
	sarifRuleLevels  = []string{"note", "warning", "error"}
	sarifColumnKinds = []string{"utf16CodeUnits", "unicodeCodePoints"}
)

// SARIF checks a SARIF 2.1.0 log as GitHub code scanning reads it.
func SARIF(data []byte, opt Options) []Problem {
	c := &checker{opt: opt}
	root, ok := c.root(data)
	if !ok {
		return c.problems
	}
	c.nonBlank(root, "$schema")
	if ver, ok := c.str(root, "version", true); ok && ver != "2.1.0" {
		c.errorf("$.version", "%q, want \"2.1.0\"", ver)
	}
	runs, ok := c.array(root, "runs", true)
	if !ok {
		return c.problems
	}
	if len(runs) < 1 || len(runs) > maxRuns {
		c.errorf("$.runs", "%d runs, GitHub takes 1 to %d", len(runs), maxRuns)
	}
	for i, r := range runs {
		if o, ok := c.object(r, index("$.runs", i)); ok {
			c.sarifRun(o)
		}
	}
	return c.problems
}

func (c *checker) sarifRun(run obj) {
	var ruleIDs []string
	if tool, ok := c.child(run, "tool", true); ok {
		if driver, ok := c.child(tool, "driver", true); ok {
			c.nonBlank(driver, "name")
			rules, _ := c.array(driver, "rules", true)
			seen := map[string]bool{}
			for i, r := range rules {
				o, ok := c.object(r, index(driver.at+".rules", i))
				if !ok {
					continue
				}
				id, _ := c.nonBlank(o, "id")
				if seen[id] {
					c.errorf(o.at+".id", "duplicate rule id %q", id)
				}
				seen[id] = true
				ruleIDs = append(ruleIDs, id)
				c.sarifRule(o)
			}
		}
	}
	if invs, ok := c.array(run, "invocations", false); ok {
		for i, inv := range invs {
			if o, ok := c.object(inv, index(run.at+".invocations", i)); ok {
				c.sarifInvocation(o)
			}
		}
	}
	bases := map[string]bool{}
	if b, ok := c.child(run, "originalUriBaseIds", false); ok {
		for k := range b.m {
			bases[k] = true
		}
	}
	results, ok := c.array(run, "results", true)
	if !ok {
		return
	}
	if len(results) > maxResults {
		c.errorf(run.at+".results", "%d results, GitHub takes %d", len(results), maxResults)
	}
	kind, hasKind := c.str(run, "columnKind", len(results) > 0)
	if hasKind {
		c.oneOf(run.at+".columnKind", kind, sarifColumnKinds...)
	}
	seps := []string{"\r\n", "\n"}
	if nl, ok := c.array(run, "newlineSequences", false); ok {
		seps = seps[:0]
		for _, s := range nl {
			if s, ok := s.(string); ok && s != "" {
				seps = append(seps, s)
			}
		}
		// Longest first, so that "\r\n" is one line end, not two.
		for i := range seps {
			for j := i + 1; j < len(seps); j++ {
				if len(seps[j]) > len(seps[i]) {
					seps[i], seps[j] = seps[j], seps[i]
				}
			}
		}
	}
	for i, r := range results {
		if o, ok := c.object(r, index(run.at+".results", i)); ok {
			c.sarifResult(o, ruleIDs, bases, kind, seps)
		}
	}
}

func (c *checker) sarifRule(r obj) {
	for _, key := range []string{"shortDescription", "fullDescription"} {
		if d, ok := c.child(r, key, true); ok {
			if text, ok := c.nonBlank(d, "text"); ok && len([]rune(text)) > maxDescription {
				c.errorf(d.at+".text", "%d characters, GitHub takes %d", len([]rune(text)), maxDescription)
			}
		}
	}
	if h, ok := c.child(r, "help", true); ok {
		c.nonBlank(h, "text")
	}
	if dc, ok := c.child(r, "defaultConfiguration", false); ok {
		if l, ok := c.str(dc, "level", false); ok {
			c.oneOf(dc.at+".level", l, sarifRuleLevels...)
		}
	}
}

// sarifInvocation checks what a consumer needs to tell a failed run from a
// clean one: executionSuccessful, required by the schema, and a message on
// each notification.
func (c *checker) sarifInvocation(inv obj) {
	if v, ok := inv.m["executionSuccessful"]; !ok {
		c.errorf(inv.at, "missing \"executionSuccessful\"")
	} else if _, ok := v.(bool); !ok {
		c.errorf(inv.at+".executionSuccessful", "want a boolean, got %s", kind(v))
	}
	notes, _ := c.array(inv, "toolExecutionNotifications", false)
	for i, n := range notes {
		o, ok := c.object(n, index(inv.at+".toolExecutionNotifications", i))
		if !ok {
			continue
		}
		if m, ok := c.child(o, "message", true); ok {
			c.nonBlank(m, "text")
		}
		if l, ok := c.str(o, "level", false); ok {
			c.oneOf(o.at+".level", l, sarifLevels...)
		}
		if locs, ok := c.array(o, "locations", false); ok {
			for j, l := range locs {
				if lo, ok := c.object(l, index(o.at+".locations", j)); ok {
					c.sarifLocation(lo, nil, "", nil)
				}
			}
		}
	}
}

func (c *checker) sarifResult(r obj, ruleIDs []string, bases map[string]bool, kind string, seps []string) {
	if m, ok := c.child(r, "message", true); ok {
		c.nonBlank(m, "text")
	}
	id, hasID := c.str(r, "ruleId", false)
	declared := -1
	for i, rid := range ruleIDs {
		if rid == id {
			declared = i
		}
	}
	if hasID && declared < 0 {
		c.errorf(r.at+".ruleId", "rule %q is not declared in the driver's rules", id)
	}
	if idx, ok := c.integer(r, "ruleIndex", false); ok && idx != declared {
		c.errorf(r.at+".ruleIndex", "%d, but rule %q is at index %d", idx, id, declared)
	}
	if l, ok := c.str(r, "level", false); ok {
		c.oneOf(r.at+".level", l, sarifLevels...)
	}
	if fp, ok := c.child(r, "partialFingerprints", true); ok {
		c.nonBlank(fp, "primaryLocationLineHash")
	}
	locs, ok := c.array(r, "locations", true)
	if !ok {
		return
	}
	if len(locs) < 1 || len(locs) > maxLocations {
		c.errorf(r.at+".locations", "%d locations, GitHub shows 1 to %d", len(locs), maxLocations)
	}
	for i, l := range locs {
		if o, ok := c.object(l, index(r.at+".locations", i)); ok {
			c.sarifLocation(o, bases, kind, seps)
		}
	}
}

// sarifLocation checks a location; bases nil means uriBaseIds are not
// checked, and seps nil that the region is not checked against its file.
func (c *checker) sarifLocation(loc obj, bases map[string]bool, kind string, seps []string) {
	phys, ok := c.child(loc, "physicalLocation", true)
	if !ok {
		return
	}
	art, ok := c.child(phys, "artifactLocation", true)
	if !ok {
		return
	}
	uri, uriOK := c.nonBlank(art, "uri")
	if uriOK {
		if strings.Contains(uri, "\\") {
			c.errorf(art.at+".uri", "%q holds a backslash: URIs separate with '/'", uri)
			uriOK = false
		} else if _, err := url.Parse(uri); err != nil {
			c.errorf(art.at+".uri", "not a URI reference: %v", err)
			uriOK = false
		}
	}
	base, hasBase := c.str(art, "uriBaseId", false)
	if hasBase && bases != nil && !bases[base] {
		c.errorf(art.at+".uriBaseId", "%q is not declared in originalUriBaseIds", base)
	}
	reg, ok := c.child(phys, "region", false)
	if !ok {
		return
	}
	sl, slOK := c.integer(reg, "startLine", true)
	sc, scOK := c.integer(reg, "startColumn", false)
	el, elOK := c.integer(reg, "endLine", false)
	ec, ecOK := c.integer(reg, "endColumn", false)
	if !slOK {
		return
	}
	if !scOK {
		sc = 1
	}
	if !elOK {
		el = sl
	}
	switch {
	case sl < 1:
		c.errorf(reg.at+".startLine", "%d: lines are 1-based", sl)
		return
	case sc < 1:
		c.errorf(reg.at+".startColumn", "%d: columns are 1-based", sc)
		return
	case el < sl:
		c.errorf(reg.at+".endLine", "%d is before the start line %d", el, sl)
		return
	case ecOK && el == sl && ec < sc:
		c.errorf(reg.at+".endColumn", "%d is before the start column %d", ec, sc)
		return
	}
	if seps == nil || c.opt.BaseDir == "" || !uriOK || !hasBase {
		return
	}
	rel, err := url.PathUnescape(uri)
	if err != nil {
		c.errorf(art.at+".uri", "bad escape: %v", err)
		return
	}
	l := c.file(rel)
	if l == nil {
		if !c.opt.AllowMissingFiles {
			c.errorf(art.at+".uri", "%s is not a file under the base directory", rel)
		}
		return
	}
	ls := l.split(seps...)
	width := func(line int) int {
		if kind == "unicodeCodePoints" {
			return runeLen(ls[line-1])
		}
		return utf16Len(ls[line-1])
	}
	if el > len(ls) {
		c.errorf(reg.at, "line %d is past the end of %s (%d lines)", el, rel, len(ls))
		return
	}
	if w := width(sl); sc > w+1 {
		c.errorf(reg.at+".startColumn", "%d is past the end of line %d of %s (%d columns)", sc, sl, rel, w)
	}
	if w := width(el); ecOK && ec > w+1 {
		c.errorf(reg.at+".endColumn", "%d is past the end of line %d of %s (%d columns)", ec, el, rel, w)
	}
}
