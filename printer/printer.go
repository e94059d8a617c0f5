// Package printer writes a placed report ([report.Placed]) where teams
// look at findings, one file per format: SonarQube's generic issue import
// format (10.3+ and the 9.9 LTS legacy shape) in sonarqube.go, SARIF 2.1.0
// for GitHub code scanning in sarif.go, GitLab Code Quality (Code Climate
// issues) in codeclimate.go, Checkstyle XML for Jenkins and reviewdog in
// checkstyle.go, and plain text in text.go. Each has its golden file in
// testdata/golden, written from the one shared input.
//
// Printers only format: the report package has read and placed the
// findings (paths relative to the base directory, UTF-16 columns checked
// against the file), so a printer reads no file and converts no column.
// Printers are pure functions over an io.Writer; their output is sorted and
// deterministic, and empty lists are written as [], never null. To add a
// format, copy the file of the nearest one and add it to [Formats] and
// [Write].
//
// # Engine and rule ids
//
// riskvet's own and curated rules are written with engineId "riskvet".
// Foreign findings keep their analyzer or check name as the rule id
// ("printf", "SA4006") under the engineId "riskvet-<tool>" ("riskvet-govet",
// "riskvet-staticcheck"). The plain "govet" engine id is avoided on purpose
// (shared/sonar/FORMAT.md §1.7): sonar-go defines the external repository
// external_govet itself, and the server would bind our issues to its rule
// definitions and ignore the metadata written here; the prefix keeps riskvet's
// descriptions and impacts while the tool's name stays visible in the rule key.
// A rule id used by two engines in one SonarQube report (riskvet's curated
// SA5011 next to staticcheck's own) is written as "<tool>.<id>" for the
// foreign one, because rules[].id must be unique within a report.
package printer

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"unicode/utf16"

	"github.com/riskvet/riskvet/internal/position"
	"github.com/riskvet/riskvet/report"
)

// Formats that [Write] accepts.
const (
	FormatSonar       = "sonar"
	FormatSonarLegacy = "sonar-legacy"
	FormatSARIF       = "sarif"
	FormatText        = "text"
	FormatCodeClimate = "codeclimate"
	FormatCheckstyle  = "checkstyle"
)

// Formats lists the accepted formats, the default first.
var Formats = []string{FormatSonar, FormatSonarLegacy, FormatSARIF, FormatText, FormatCodeClimate, FormatCheckstyle}

// Write writes a placed report in the named format, one of [Formats].
func Write(w io.Writer, format string, pl *report.Placed) error {
	switch format {
	case FormatSonar, "":
		return WriteSonar(w, pl)
	case FormatSonarLegacy:
		return WriteSonarLegacy(w, pl)
	case FormatSARIF:
		return WriteSARIF(w, pl)
	case FormatText:
		return WriteText(w, pl.Relative())
	case FormatCodeClimate:
		return WriteCodeClimate(w, pl)
	case FormatCheckstyle:
		return WriteCheckstyle(w, pl)
	}
	return fmt.Errorf("unknown format %q (want one of %v)", format, Formats)
}

// maxMessage is SonarQube's Issue.MESSAGE_MAX_SIZE, in UTF-16 code units.
const maxMessage = 1333

// message returns a finding's message as SonarQube keeps it: U+0000
// replaced (older servers reject it), trimmed, at most maxMessage UTF-16
// units ending in "..." when cut, never splitting a surrogate pair. An empty
// message is replaced by the rule's title, since an issue with no message
// tells a reader nothing.
func message(p report.Issue, limit int) string {
	m := strings.ToValidUTF8(p.Finding.Message, "\uFFFD")
	m = strings.ReplaceAll(m, "\x00", "[NULL]")
	m = strings.TrimSpace(m)
	if m == "" {
		m = p.Rule.Title
	}
	if limit <= 0 || position.UTF16Len([]byte(m)) <= limit {
		return m
	}
	n := 0
	for i, r := range m {
		w := utf16.RuneLen(r)
		if w < 0 {
			w = 1
		}
		if n+w > limit-3 {
			return strings.TrimRight(m[:i], " \t\r\n") + "..."
		}
		n += w
	}
	return m
}

// truncate cuts s to at most n runes.
func truncate(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n-3]) + "..."
	}
	return s
}

// writeJSON writes v as indented JSON with a final newline, without HTML
// escaping (messages quote code such as "a < b").
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}
