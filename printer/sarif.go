package printer

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"maps"
	"net/url"
	"slices"
	"strings"

	"github.com/riskvet/riskvet/internal/finding"
	"github.com/riskvet/riskvet/internal/rules"
	"github.com/riskvet/riskvet/internal/version"
	"github.com/riskvet/riskvet/report"
)

// SARIF 2.1.0 (OASIS), shaped for GitHub code scanning: one run per engine
// (GitHub expects each run to hold one tool's results), rules with short and
// full descriptions and help, repository-relative URIs under %SRCROOT%, and
// regions in UTF-16 code units counted over lines ended by "\r\n", "\r" or
// "\n", as internal/position counts them.

const sarifSchema = "https://json.schemastore.org/sarif-2.1.0.json"

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool sarifTool `json:"tool"`
	// Invocations is set on riskvet's run only: it says whether the
	// analysis behind the report was complete.
	Invocations        []sarifInvocation            `json:"invocations,omitempty"`
	OriginalURIBaseIDs map[string]sarifArtifactBase `json:"originalUriBaseIds"`
	ColumnKind         string                       `json:"columnKind"`
	NewlineSequences   []string                     `json:"newlineSequences"`
	Results            []sarifResult                `json:"results"`
}

// sarifInvocation records one run of the analysis (SARIF §3.20): whether
// it checked everything, and what it could not check.
type sarifInvocation struct {
	ExecutionSuccessful        bool                `json:"executionSuccessful"`
	ToolExecutionNotifications []sarifNotification `json:"toolExecutionNotifications"`
}

// sarifNotification is one error of the analysis (SARIF §3.58), with the
// place it names when it names one.
type sarifNotification struct {
	Level     string          `json:"level"`
	Message   sarifText       `json:"message"`
	Locations []sarifLocation `json:"locations,omitempty"`
}

type sarifArtifactBase struct {
	Description sarifText `json:"description"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	Version        string      `json:"version,omitempty"`
	InformationURI string      `json:"informationUri,omitempty"`
	Rules          []sarifRule `json:"rules"`
}

type sarifText struct {
	Text string `json:"text"`
}

type sarifHelp struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown"`
}

type sarifRule struct {
	ID                   string         `json:"id"`
	Name                 string         `json:"name"`
	ShortDescription     sarifText      `json:"shortDescription"`
	FullDescription      sarifText      `json:"fullDescription"`
	Help                 sarifHelp      `json:"help"`
	DefaultConfiguration sarifConfig    `json:"defaultConfiguration"`
	Properties           sarifRuleProps `json:"properties"`
}

type sarifConfig struct {
	Level string `json:"level"`
}

type sarifRuleProps struct {
	Tags []string `json:"tags"`
}

type sarifResult struct {
	RuleID              string            `json:"ruleId"`
	RuleIndex           int               `json:"ruleIndex"`
	Level               string            `json:"level"`
	Message             sarifText         `json:"message"`
	Locations           []sarifLocation   `json:"locations"`
	PartialFingerprints map[string]string `json:"partialFingerprints"`
}

type sarifLocation struct {
	PhysicalLocation sarifPhysical `json:"physicalLocation"`
}

type sarifPhysical struct {
	ArtifactLocation sarifArtifact `json:"artifactLocation"`
	Region           sarifRegion   `json:"region"`
}

type sarifArtifact struct {
	URI       string `json:"uri"`
	URIBaseID string `json:"uriBaseId,omitempty"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn,omitempty"`
	EndLine     int `json:"endLine,omitempty"`
	EndColumn   int `json:"endColumn,omitempty"`
}

// WriteSARIF writes a placed report as SARIF 2.1.0. The riskvet run always comes first,
// so an empty report is one run with empty rules and results; foreign
// engines (govet, staticcheck) follow in their own runs, sorted by name.
//
// partialFingerprints.primaryLocationLineHash, which GitHub uses to follow
// an alert across commits, is computed as follows: the SHA-256 of the rule
// id, a NUL byte and the primary line's text with leading and trailing
// white space removed (the message instead, for a finding on a whole file or
// in a file that could not be read); its first 16 hex digits; then ":" and
// the 1-based count of earlier results in the same file with the same rule
// and hash. Re-indenting a line or moving it keeps the fingerprint; editing
// the flagged line changes it. It is riskvet's own scheme, in the shape
// GitHub's tooling writes, not a re-implementation of codeql-action's.
func WriteSARIF(w io.Writer, pl *report.Placed) error {
	ps := pl.Issues
	byEngine := map[string][]report.Issue{"riskvet": nil}
	for _, p := range ps {
		e := p.Engine
		byEngine[e] = append(byEngine[e], p)
	}
	engines := slices.Sorted(maps.Keys(byEngine))
	slices.SortStableFunc(engines, func(a, b string) int {
		switch {
		case a == b:
			return 0
		case a == "riskvet":
			return -1
		case b == "riskvet":
			return 1
		}
		return 0
	})
	log := sarifLog{Schema: sarifSchema, Version: "2.1.0", Runs: []sarifRun{}}
	for _, e := range engines {
		log.Runs = append(log.Runs, sarifRunOf(e, byEngine[e]))
	}
	log.Runs[0].Invocations = []sarifInvocation{sarifInvocationOf(pl)}
	return writeJSON(w, log)
}

func sarifRunOf(engine string, ps []report.Issue) sarifRun {
	driver := sarifDriver{Name: engine, Rules: []sarifRule{}}
	if engine == "riskvet" {
		driver.Version = version.String()
		driver.InformationURI = "https://github.com/riskvet/riskvet"
	}
	index := map[string]int{}
	var ids []string
	byID := map[string]rules.Rule{}
	for _, p := range ps {
		if _, ok := byID[p.Finding.Rule]; !ok {
			byID[p.Finding.Rule] = p.Rule
			ids = append(ids, p.Finding.Rule)
		}
	}
	slices.Sort(ids)
	for i, id := range ids {
		index[id] = i
		driver.Rules = append(driver.Rules, sarifRuleOf(byID[id]))
	}
	run := sarifRun{
		Tool: sarifTool{Driver: driver},
		OriginalURIBaseIDs: map[string]sarifArtifactBase{
			"%SRCROOT%": {Description: sarifText{Text: "The repository root: riskvet sonar's -base-dir."}},
		},
		ColumnKind:       "utf16CodeUnits",
		NewlineSequences: []string{"\r\n", "\r", "\n"},
		Results:          []sarifResult{},
	}
	hashes := lineHashes(ps)
	for i, p := range ps {
		run.Results = append(run.Results, sarifResult{
			RuleID:    p.Finding.Rule,
			RuleIndex: index[p.Finding.Rule],
			Level:     sarifLevel(p.Finding.Severity, p.Rule.Severity),
			Message:   sarifText{Text: message(p, 0)},
			Locations: []sarifLocation{{PhysicalLocation: sarifPhysical{
				ArtifactLocation: artifactOf(p.Path),
				Region:           sarifRegionOf(p),
			}}},
			PartialFingerprints: map[string]string{"primaryLocationLineHash": hashes[i]},
		})
	}
	return run
}

// lineHashes returns the primaryLocationLineHash of each of ps, in order
// (see WriteSARIF): the hash of the rule and the trimmed line, or the
// message for a finding on a whole file, then ":" and the 1-based count of
// earlier findings of ps in the same file with the same rule and hash. It
// depends on the flagged line's text and on nothing around it, so lines
// added or removed elsewhere in the file leave it as it was.
func lineHashes(ps []report.Issue) []string {
	out := make([]string, len(ps))
	seen := map[string]int{}
	for i, p := range ps {
		ctx := strings.TrimSpace(string(p.Text))
		if p.Line == 0 {
			ctx = p.Finding.Message
		}
		sum := sha256.Sum256([]byte(p.Finding.Rule + "\x00" + ctx))
		hash := hex.EncodeToString(sum[:8])
		k := p.Path + "\x00" + p.Finding.Rule + "\x00" + hash
		seen[k]++
		out[i] = fmt.Sprintf("%s:%d", hash, seen[k])
	}
	return out
}

// sarifInvocationOf records the report's errors, a package that did not
// type-check or a file that could not be read, on riskvet's run: GitHub
// shows toolExecutionNotifications on the tool's status page, and
// executionSuccessful false tells any reader that an empty results list
// does not mean clean code. Every error goes on riskvet's run, which is the
// one that produced or merged the report.
func sarifInvocationOf(pl *report.Placed) sarifInvocation {
	inv := sarifInvocation{ExecutionSuccessful: len(pl.Errors) == 0, ToolExecutionNotifications: []sarifNotification{}}
	for _, p := range pl.Errors {
		e := finding.Error{File: p.Path, Line: p.Finding.Line, Column: p.Finding.Column, Message: p.Finding.Message}
		n := sarifNotification{Level: "error", Message: sarifText{Text: e.String()}}
		if p.Finding.File == "" {
			n.Message.Text = p.Finding.Message
		} else {
			n.Locations = []sarifLocation{{PhysicalLocation: sarifPhysical{
				ArtifactLocation: artifactOf(p.Path),
				Region:           sarifRegionOf(p),
			}}}
		}
		inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications, n)
	}
	return inv
}

// sarifRegionOf gives every region all four fields GitHub lists as
// required. A finding on a whole file points at line 1; one in a file that
// could not be read keeps only its line.
func sarifRegionOf(p report.Issue) sarifRegion {
	switch {
	case !p.Known:
		return sarifRegion{StartLine: max(p.Finding.Line, 1)}
	case p.Line == 0:
		return sarifRegion{StartLine: 1, StartColumn: 1, EndLine: 1, EndColumn: p.FirstLen + 1}
	case p.Col < 0:
		return sarifRegion{StartLine: p.Line, StartColumn: 1, EndLine: p.Line, EndColumn: p.LineLen + 1}
	case p.EndSet:
		return sarifRegion{StartLine: p.Line, StartColumn: p.Col + 1, EndLine: p.EndLine, EndColumn: p.EndCol + 1}
	}
	return sarifRegion{StartLine: p.Line, StartColumn: p.Col + 1, EndLine: p.Line, EndColumn: p.LineLen + 1}
}

// artifactOf percent-encodes a slash-separated path as a URI reference:
// relative to %SRCROOT% when it is inside the base directory, else a file
// URI (a Windows drive path would otherwise read as a URI scheme).
func artifactOf(p string) sarifArtifact {
	if !report.IsAbsPath(p) {
		return sarifArtifact{URI: (&url.URL{Path: p}).EscapedPath(), URIBaseID: "%SRCROOT%"}
	}
	if !strings.HasPrefix(p, "/") {
		p = "/" + p
	}
	return sarifArtifact{URI: (&url.URL{Scheme: "file", Path: p}).String()}
}

func sarifRuleOf(r rules.Rule) sarifRule {
	text := r.Description
	if r.Rationale != "" {
		text += "\n\n" + r.Rationale
	}
	md := "**" + r.Title + "**\n\n" + text
	lang := r.Language
	if r.Bad != "" {
		text += "\n\nNoncompliant:\n" + r.Bad
		md += "\n\nNoncompliant:\n\n```" + lang + "\n" + r.Bad + "\n```"
	}
	if r.Good != "" {
		text += "\n\nCompliant:\n" + r.Good
		md += "\n\nCompliant:\n\n```" + lang + "\n" + r.Good + "\n```"
	}
	tags := []string{}
	for _, t := range []string{lang, string(r.Family), strings.ToLower(r.Quality)} {
		if t != "" {
			tags = append(tags, t)
		}
	}
	return sarifRule{
		ID:                   r.ID,
		Name:                 r.ID,
		ShortDescription:     sarifText{Text: truncate(r.Title, 1024)},
		FullDescription:      sarifText{Text: truncate(r.Description, 1024)},
		Help:                 sarifHelp{Text: text, Markdown: md},
		DefaultConfiguration: sarifConfig{Level: sarifLevel("", r.Severity)},
		Properties:           sarifRuleProps{Tags: tags},
	}
}

// sarifLevel maps a finding's severity, else the rule's, onto a SARIF
// level; an unknown severity is a warning.
func sarifLevel(severity, def string) string {
	for _, s := range []string{severity, def} {
		switch s {
		case "error":
			return "error"
		case "warning":
			return "warning"
		case "info":
			return "note"
		}
	}
	return "warning"
}
