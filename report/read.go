package report

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/riskvet/riskvet/internal/finding"
	"github.com/riskvet/riskvet/internal/position"
	"github.com/riskvet/riskvet/internal/rules"
)

// Read parses one input, detected by content; name is used in errors. The
// input is a sequence of JSON values, and each value is recognised on its
// own, so concatenated outputs of several tools are fine:
//
//   - riskvet's report: an object with "schema": "riskvet/findings/v1";
//   - go vet -json: objects mapping package -> analyzer -> diagnostics (or
//     {"error": ...}), one per vetted package, with or without riskvet as
//     -vettool; "# pkg" lines and "vet: ..." errors from stderr may be mixed
//     in when both streams were captured together;
//   - staticcheck -f json: one object per line with "code" and "location";
//   - golangci-lint (v2) JSON: an object with "Issues", possibly followed by
//     its text statistics.
//
// An empty input is an empty report: go vet prints nothing for a clean
// package. Malformed JSON is an error that names the input and the line and
// byte column where reading stopped.
func Read(name string, data []byte) (*finding.Report, error) {
	rd := reader{name: name, data: data, out: &finding.Report{Schema: finding.Schema}}
	if err := rd.run(); err != nil {
		return nil, err
	}
	rd.out.Normalize()
	return rd.out, nil
}

type reader struct {
	name string
	data []byte
	out  *finding.Report
	// afterGolangci is set after a golangci-lint value, whose text
	// statistics may follow on stdout.
	afterGolangci bool
}

// golangciStats matches the statistics golangci-lint prints after its JSON
// unless --show-stats=false ("8 issues:", "* govet: 4").
var golangciStats = regexp.MustCompile(`^(\d+ issues?:|\* [\w-]+: \d+)\s*$`)

func (rd *reader) errorf(off int, format string, args ...any) error {
	line, col := position.NewFile(rd.data).Position(off)
	return fmt.Errorf("%s:%d:%d: %s", rd.name, line, col, fmt.Sprintf(format, args...))
}

func (rd *reader) run() error {
	pos := 0
	if bytes.HasPrefix(rd.data, []byte("\xEF\xBB\xBF")) {
		pos = 3
	}
	for {
		// Skip blank space and the non-JSON lines tools mix in.
		for pos < len(rd.data) && isSpace(rd.data[pos]) {
			pos++
		}
		if pos >= len(rd.data) {
			break
		}
		if c := rd.data[pos]; c != '{' && c != '[' {
			end := bytes.IndexByte(rd.data[pos:], '\n')
			if end < 0 {
				end = len(rd.data) - pos
			}
			line := strings.TrimRight(string(rd.data[pos:pos+end]), "\r")
			switch {
			case strings.HasPrefix(line, "#"):
				// go vet's "# pkg" header for the lines that follow.
			case strings.HasPrefix(line, "vet: "):
				rd.out.Errors = append(rd.out.Errors, vetError(strings.TrimPrefix(line, "vet: ")))
			case rd.afterGolangci && golangciStats.MatchString(line):
			default:
				return rd.errorf(pos, "malformed JSON: invalid character %q looking for the start of a JSON value", c)
			}
			pos += end
			continue
		}
		dec := json.NewDecoder(bytes.NewReader(rd.data[pos:]))
		dec.UseNumber()
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return rd.syntaxError(pos, err)
		}
		start := pos
		pos += int(dec.InputOffset())
		if err := rd.value(start, raw); err != nil {
			return err
		}
	}
	return nil
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// syntaxError turns a decoder error into one naming the input and position.
func (rd *reader) syntaxError(start int, err error) error {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		return rd.errorf(start+int(se.Offset)-1, "malformed JSON: %v", se)
	case errors.As(err, &te):
		return rd.errorf(start+int(te.Offset)-1, "unexpected JSON: %v", te)
	case errors.Is(err, io.ErrUnexpectedEOF):
		return rd.errorf(len(rd.data), "malformed JSON: unexpected end of input")
	}
	return rd.errorf(start, "malformed JSON: %v", err)
}

// value classifies one top-level JSON value and reads it.
func (rd *reader) value(start int, raw json.RawMessage) error {
	if raw[0] != '{' {
		return rd.errorf(start, "unrecognized input: a JSON array; expected riskvet's report, go vet -json, staticcheck -f json or golangci-lint JSON")
	}
	var keys map[string]json.RawMessage
	if err := json.Unmarshal(raw, &keys); err != nil {
		return rd.syntaxError(start, err)
	}
	_, hasSchema := keys["schema"]
	_, hasCode := keys["code"]
	_, hasLocation := keys["location"]
	_, hasIssues := keys["Issues"]
	rd.afterGolangci = false
	switch {
	case hasSchema:
		return rd.riskvet(start, raw)
	case hasCode && hasLocation:
		return rd.staticcheck(start, raw)
	case hasIssues:
		rd.afterGolangci = true
		return rd.golangci(start, raw)
	}
	return rd.vet(start, raw)
}

func (rd *reader) decode(start int, raw json.RawMessage, v any) error {
	dec := json.NewDecoder(bytes.NewReader(raw))
	if err := dec.Decode(v); err != nil {
		return rd.syntaxError(start, err)
	}
	return nil
}

func (rd *reader) riskvet(start int, raw json.RawMessage) error {
	var r finding.Report
	if err := rd.decode(start, raw, &r); err != nil {
		return err
	}
	if r.Schema != finding.Schema {
		return rd.errorf(start, "unsupported report schema %q (this riskvet reads %q)", r.Schema, finding.Schema)
	}
	for i := range r.Findings {
		f := &r.Findings[i]
		if f.Engine == "" {
			f.Engine = "riskvet"
		}
		if f.Language == "" {
			f.Language = languageOf(f.File, finding.Go)
		}
	}
	merged := Merge(rd.out, &r)
	*rd.out = *merged
	return nil
}

// vetDiagnostic is one diagnostic of go vet -json (x/tools
// internal/analysis/driverutil JSONDiagnostic); positions are
// token.Position strings with 1-based byte columns.
type vetDiagnostic struct {
	Category string `json:"category"`
	Posn     string `json:"posn"`
	End      string `json:"end"`
	Message  string `json:"message"`
}

func (rd *reader) vet(start int, raw json.RawMessage) error {
	var tree map[string]map[string]json.RawMessage
	if err := json.Unmarshal(raw, &tree); err != nil {
		return rd.errorf(start, "unrecognized input: expected riskvet's report, go vet -json, staticcheck -f json or golangci-lint JSON")
	}
	for _, pkg := range slices.Sorted(maps.Keys(tree)) {
		for _, analyzer := range slices.Sorted(maps.Keys(tree[pkg])) {
			v := tree[pkg][analyzer]
			if len(v) > 0 && v[0] == '{' {
				var e struct {
					Error string `json:"error"`
				}
				if err := json.Unmarshal(v, &e); err != nil {
					return rd.errorf(start, "unexpected go vet -json value for %s %s: %v", pkg, analyzer, err)
				}
				// The error names a package, not a file; its text
				// often starts with the position that failed.
				fe := vetError(e.Error)
				if fe.File == "" {
					fe.Message = pkg + ": " + analyzer + ": " + e.Error
				}
				rd.out.Errors = append(rd.out.Errors, fe)
				continue
			}
			var diags []vetDiagnostic
			if err := json.Unmarshal(v, &diags); err != nil {
				return rd.errorf(start, "unrecognized input: package %q, analyzer %q: expected go vet -json diagnostics: %v", pkg, analyzer, err)
			}
			// Under -vettool=riskvet the analyzers are riskvet's own;
			// vet's analyzers are a foreign engine.
			engine := "govet"
			if _, ok := rules.Lookup(analyzer); ok {
				engine = "riskvet"
			}
			for _, d := range diags {
				file, line, col := parsePosn(d.Posn)
				f := finding.Finding{
					Rule:     analyzer,
					Engine:   engine,
					Language: languageOf(file, finding.Go),
					File:     file,
					Line:     line,
					Column:   col,
					Message:  d.Message,
				}
				if d.End != "" && d.End != d.Posn {
					if efile, eline, ecol := parsePosn(d.End); efile == file && eline > 0 {
						f.EndLine, f.EndColumn = eline, ecol
					}
				}
				rd.out.Findings = append(rd.out.Findings, f)
			}
		}
	}
	return nil
}

// parsePosn splits a token.Position string ("file:line:col", "file:line",
// or "-") from the right, so a Windows drive letter stays in the file.
func parsePosn(s string) (file string, line, col int) {
	file = s
	if s == "-" {
		return "", 0, 0
	}
	i := strings.LastIndexByte(s, ':')
	if i < 0 {
		return
	}
	last, err := strconv.Atoi(s[i+1:])
	if err != nil || last < 0 {
		return
	}
	j := strings.LastIndexByte(s[:i], ':')
	if j >= 0 {
		if n, err := strconv.Atoi(s[j+1 : i]); err == nil && n >= 0 {
			return s[:j], n, last
		}
	}
	return s[:i], last, 0
}

// vetError reads a "vet: file:line:col: message" type-checking error.
func vetError(s string) finding.Error {
	if i := strings.Index(s, ": "); i >= 0 {
		file, line, col := parsePosn(s[:i])
		if line > 0 {
			return finding.Error{File: file, Line: line, Column: col, Message: s[i+2:]}
		}
	}
	return finding.Error{Message: s}
}

// staticcheckDiag is one line of staticcheck -f json (honnef.co/go/tools
// lintcmd/format.go); columns are 1-based bytes, an unknown end is zero.
type staticcheckDiag struct {
	Code     string `json:"code"`
	Severity string `json:"severity"`
	Location struct {
		File   string `json:"file"`
		Line   int    `json:"line"`
		Column int    `json:"column"`
	} `json:"location"`
	End struct {
		File   string `json:"file"`
		Line   int    `json:"line"`
		Column int    `json:"column"`
	} `json:"end"`
	Message string `json:"message"`
}

func (rd *reader) staticcheck(start int, raw json.RawMessage) error {
	var d staticcheckDiag
	if err := rd.decode(start, raw, &d); err != nil {
		return err
	}
	if d.Code == "compile" {
		// Not a finding: the package did not type-check.
		rd.out.Errors = append(rd.out.Errors, finding.Error{File: d.Location.File, Line: d.Location.Line, Column: d.Location.Column, Message: d.Message})
		return nil
	}
	f := finding.Finding{
		Rule:     d.Code,
		Engine:   "staticcheck",
		Language: languageOf(d.Location.File, finding.Go),
		File:     d.Location.File,
		Line:     d.Location.Line,
		Column:   d.Location.Column,
		Message:  d.Message,
		Severity: foreignSeverity(d.Severity),
	}
	if d.End.Line > 0 && d.End.File == d.Location.File {
		f.EndLine, f.EndColumn = d.End.Line, d.End.Column
	}
	rd.out.Findings = append(rd.out.Findings, f)
	return nil
}

// foreignSeverity maps a foreign tool's severity onto riskvet's; one it does
// not know becomes "", the rule's default, rather than a guess.
func foreignSeverity(s string) string {
	switch strings.ToLower(s) {
	case "error":
		return "error"
	case "warning", "warn":
		return "warning"
	case "info", "ignored", "note":
		return "info"
	}
	return ""
}

// golangciIssue is one issue of golangci-lint v2 JSON (pkg/result/issue.go).
// There is no end position and no rule field: govet and staticcheck put
// their rule id at the front of Text.
type golangciIssue struct {
	FromLinter string `json:"FromLinter"`
	Text       string `json:"Text"`
	Severity   string `json:"Severity"`
	Pos        struct {
		Filename string `json:"Filename"`
		Line     int    `json:"Line"`
		Column   int    `json:"Column"`
	} `json:"Pos"`
}

// vetPrefix and staticcheckPrefix take the rule id from the front of a
// golangci-lint message. The trade-off: a govet message that happened to
// start with a lowercase word and ": " without naming its analyzer would be
// filed under that word; golangci-lint always prefixes govet's messages
// with the analyzer, so this has not been seen, and an issue without a
// recognised prefix keeps the linter's name as its rule.
var (
	vetPrefix         = regexp.MustCompile(`^([a-z][a-z0-9_]*): `)
	staticcheckPrefix = regexp.MustCompile(`^((?:SA|S|ST|QF|U)\d{1,4}): `)
)

func (rd *reader) golangci(start int, raw json.RawMessage) error {
	var doc struct {
		Issues []golangciIssue `json:"Issues"`
	}
	if err := rd.decode(start, raw, &doc); err != nil {
		return err
	}
	for _, is := range doc.Issues {
		engine, rule, msg := "golangci-lint", is.FromLinter, is.Text
		switch is.FromLinter {
		case "govet":
			if m := vetPrefix.FindStringSubmatch(is.Text); m != nil {
				engine, rule, msg = "govet", m[1], is.Text[len(m[0]):]
			}
		case "staticcheck", "gosimple", "stylecheck":
			if m := staticcheckPrefix.FindStringSubmatch(is.Text); m != nil {
				engine, rule, msg = "staticcheck", m[1], is.Text[len(m[0]):]
			}
		}
		rd.out.Findings = append(rd.out.Findings, finding.Finding{
			Rule:     rule,
			Engine:   engine,
			Language: languageOf(is.Pos.Filename, finding.Go),
			File:     is.Pos.Filename,
			Line:     is.Pos.Line,
			Column:   is.Pos.Column,
			Message:  msg,
			Severity: foreignSeverity(is.Severity),
		})
	}
	return nil
}

// languageOf detects a file's language from its extension.
func languageOf(file, fallback string) string {
	switch strings.ToLower(path.Ext(strings.ReplaceAll(file, `\`, "/"))) {
	case ".go":
		return finding.Go
	case ".php", ".phtml", ".inc":
		return finding.PHP
	}
	return fallback
}
