package reportcheck

import (
	"strings"
	"unicode/utf16"
)

// Enumerations of sonar-plugin-api that the importer reads with valueOf,
// so case matters.
var (
	cleanCodeAttributes = []string{
		"CONVENTIONAL", "FORMATTED", "IDENTIFIABLE", // consistent
		"CLEAR", "COMPLETE", "EFFICIENT", "LOGICAL", // intentional
		"DISTINCT", "FOCUSED", "MODULAR", "TESTED", // adaptable
		"LAWFUL", "RESPECTFUL", "TRUSTWORTHY", // responsible
	}
	softwareQualities = []string{"MAINTAINABILITY", "RELIABILITY", "SECURITY"}
	// Impact severities before plugin API 10.11, which added INFO and
	// BLOCKER; a report using those fails on older servers.
	impactSeverities = []string{"LOW", "MEDIUM", "HIGH"}
	ruleTypes        = []string{"CODE_SMELL", "BUG", "VULNERABILITY", "SECURITY_HOTSPOT"}
	issueTypes       = []string{"BUG", "VULNERABILITY", "CODE_SMELL"}
	severities       = []string{"INFO", "MINOR", "MAJOR", "CRITICAL", "BLOCKER"}
)

// Limits of the SonarQube server: Issue.MESSAGE_MAX_SIZE, and the widths
// of the rules table's key and name columns.
const (
	maxMessage   = 1333
	maxRuleKey   = 200
	maxRepoKey   = 255
	maxRuleName  = 200
	externalRepo = "external_"
)

// Sonar checks a SonarQube generic issue import report, in either format.
func Sonar(data []byte, opt Options) []Problem {
	c := &checker{opt: opt}
	root, ok := c.root(data)
	if !ok {
		return c.problems
	}
	issues, ok := c.array(root, "issues", true)
	if !ok {
		return c.problems
	}
	legacy := !root.has("rules")
	declared := map[string]bool{}
	if !legacy {
		rules, _ := c.array(root, "rules", true)
		for i, r := range rules {
			if o, ok := c.object(r, index("$.rules", i)); ok {
				c.sonarRule(o, declared)
			}
		}
	}
	for i, is := range issues {
		o, ok := c.object(is, index("$.issues", i))
		if !ok {
			continue
		}
		if legacy {
			c.legacyIssue(o)
		} else {
			c.newIssue(o, declared)
		}
		if effort, ok := c.integer(o, "effortMinutes", false); ok && effort < 0 {
			c.errorf(o.at+".effortMinutes", "%d is negative", effort)
		}
		if p, ok := c.child(o, "primaryLocation", true); ok {
			c.sonarLocation(p, true)
		}
		if secs, ok := c.array(o, "secondaryLocations", false); ok {
			for j, s := range secs {
				if so, ok := c.object(s, index(o.at+".secondaryLocations", j)); ok {
					c.sonarLocation(so, false)
				}
			}
		}
	}
	return c.problems
}

func (c *checker) sonarRule(r obj, declared map[string]bool) {
	id, idOK := c.nonBlank(r, "id")
	c.nonBlank(r, "name")
	engine, engineOK := c.nonBlank(r, "engineId")
	if idOK {
		if declared[id] {
			c.errorf(r.at+".id", "duplicate rule id %q", id)
		}
		declared[id] = true
	}
	if name, ok := c.str(r, "name", false); ok && len(name) > maxRuleName {
		c.errorf(r.at+".name", "%d characters, the server keeps %d", len(name), maxRuleName)
	}
	if engineOK {
		if strings.Contains(engine, ":") {
			c.errorf(r.at+".engineId", "%q holds ':', which splits the rule key", engine)
		}
		if n := len(externalRepo + engine); n > maxRepoKey {
			c.errorf(r.at+".engineId", "repository key is %d characters, the server stores %d", n, maxRepoKey)
		}
		if idOK && len(engine+":"+id) > maxRuleName {
			c.errorf(r.at+".id", "rule name %s:%s is longer than %d", engine, id, maxRuleName)
		}
	}
	if idOK && len(id) > maxRuleKey {
		c.errorf(r.at+".id", "%d characters, the server stores %d", len(id), maxRuleKey)
	}
	c.str(r, "description", true)
	if a, ok := c.str(r, "cleanCodeAttribute", true); ok {
		c.oneOf(r.at+".cleanCodeAttribute", a, cleanCodeAttributes...)
	}
	typ, hasType := c.str(r, "type", false)
	sev, hasSev := c.str(r, "severity", false)
	switch {
	case hasType && !hasSev:
		c.errorf(r.at, "type without severity")
	case hasSev && !hasType:
		c.errorf(r.at, "severity without type")
	}
	if hasType {
		c.oneOf(r.at+".type", typ, ruleTypes...)
	}
	if hasSev {
		c.oneOf(r.at+".severity", sev, severities...)
	}
	impacts, ok := c.array(r, "impacts", true)
	if !ok {
		return
	}
	if len(impacts) == 0 {
		c.errorf(r.at+".impacts", "empty")
	}
	if typ == "SECURITY_HOTSPOT" && len(impacts) > 0 {
		c.errorf(r.at+".impacts", "a SECURITY_HOTSPOT rule has no impacts")
	}
	for i, im := range impacts {
		o, ok := c.object(im, index(r.at+".impacts", i))
		if !ok {
			continue
		}
		if q, ok := c.str(o, "softwareQuality", true); ok {
			c.oneOf(o.at+".softwareQuality", q, softwareQualities...)
		}
		if s, ok := c.str(o, "severity", true); ok {
			c.oneOf(o.at+".severity", s, impactSeverities...)
		}
	}
}

func (c *checker) newIssue(is obj, declared map[string]bool) {
	if id, ok := c.nonBlank(is, "ruleId"); ok && !declared[id] {
		c.errorf(is.at+".ruleId", "rule %q is not declared in rules", id)
	}
	for _, key := range []string{"severity", "type"} {
		if _, ok := is.m[key]; ok {
			c.errorf(is.at+"."+key, "an issue of the 10.3 format has no %s: it comes from its rule", key)
		}
	}
}

func (c *checker) legacyIssue(is obj) {
	c.nonBlank(is, "engineId")
	c.nonBlank(is, "ruleId")
	if s, ok := c.nonBlank(is, "severity"); ok {
		c.oneOf(is.at+".severity", s, severities...)
	}
	if t, ok := c.nonBlank(is, "type"); ok {
		c.oneOf(is.at+".type", t, issueTypes...)
	}
}

func (c *checker) sonarLocation(loc obj, primary bool) {
	file, fileOK := c.str(loc, "filePath", true)
	if fileOK && file == "" {
		c.errorf(loc.at+".filePath", "empty")
		fileOK = false
	}
	if msg, ok := c.str(loc, "message", primary); ok {
		if strings.ContainsRune(msg, 0) {
			c.errorf(loc.at+".message", "holds U+0000, which servers before 2020 reject")
		}
		if n := len(utf16.Encode([]rune(strings.TrimSpace(msg)))); n > maxMessage {
			c.errorf(loc.at+".message", "%d UTF-16 units, the server cuts at %d", n, maxMessage)
		}
	}
	tr, hasRange := c.child(loc, "textRange", !primary)
	if !hasRange {
		if fileOK {
			c.sonarFile(loc, file)
		}
		return
	}
	start, startOK := c.integer(tr, "startLine", true)
	startCol, hasStartCol := c.integer(tr, "startColumn", false)
	endLine, hasEndLine := c.integer(tr, "endLine", false)
	endCol, hasEndCol := c.integer(tr, "endColumn", false)
	if !startOK {
		return
	}
	if start < 1 {
		c.errorf(tr.at+".startLine", "%d is not a line: lines are 1-based", start)
		return
	}
	if !fileOK {
		return
	}
	l := c.sonarFile(loc, file)
	if l == nil {
		return
	}
	ls := l.split("\r\n", "\r", "\n")
	if start > len(ls) {
		c.errorf(tr.at+".startLine", "line %d is past the end of %s (%d lines)", start, file, len(ls))
		return
	}
	if !hasStartCol {
		// The importer selects the whole start line and reads no further.
		return
	}
	startLen := utf16Len(ls[start-1])
	if startLen == 0 {
		c.errorf(tr.at+".startColumn", "line %d of %s is empty: a startColumn on it fails the import", start, file)
		return
	}
	if startCol < 0 || startCol > startLen {
		c.errorf(tr.at+".startColumn", "%d is outside line %d of %s, which has %d UTF-16 units (columns are 0-based UTF-16, not bytes)", startCol, start, file, startLen)
		return
	}
	if !hasEndLine {
		endLine = start
	}
	if endLine < 1 || endLine > len(ls) {
		c.errorf(tr.at+".endLine", "line %d is not in %s (%d lines)", endLine, file, len(ls))
		return
	}
	endLen := utf16Len(ls[endLine-1])
	if !hasEndCol {
		endCol = endLen
	}
	if endCol < 0 || endCol > endLen {
		c.errorf(tr.at+".endColumn", "%d is outside line %d of %s, which has %d UTF-16 units", endCol, endLine, file, endLen)
		return
	}
	if endLine < start || endLine == start && endCol <= startCol {
		c.errorf(tr.at, "the end %d:%d is not after the start %d:%d", endLine, endCol, start, startCol)
	}
}

// sonarFile returns the lines of a location's file, or nil when there is
// no base directory or the file is not there (a problem unless missing
// files are allowed).
func (c *checker) sonarFile(loc obj, file string) *lines {
	if c.opt.BaseDir == "" {
		return nil
	}
	l := c.file(strings.ReplaceAll(file, "\\", "/"))
	if l == nil && !c.opt.AllowMissingFiles {
		c.errorf(loc.at+".filePath", "%s is not a file under the base directory: SonarQube would skip this issue", file)
	}
	return l
}
