package rules

import (
	"fmt"
	"io"
	"strings"
)

// WriteMarkdown writes the check catalogue, docs/checks.md, from the
// registry: one section per rule with its description, rationale and a bad
// and a good example.
func WriteMarkdown(w io.Writer) error {
	var b strings.Builder
	b.WriteString("# riskvet checks\n\n")
	b.WriteString("<!-- Generated from internal/rules by `go test ./internal/rules -update`. Do not edit. -->\n\n")
	b.WriteString("| rule | language | family | runtime failure | default | effort | source |\n")
	b.WriteString("|---|---|---|---|---|---|---|\n")
	for _, r := range All() {
		src := r.Upstream
		if src == "" {
			src = "riskvet"
		}
		fmt.Fprintf(&b, "| [`%s`](#%s) | %s | %s | %s | %s | %d min | %s |\n",
			r.ID, strings.ToLower(r.ID), r.Language, r.Family, yesNo(r.Runtime), onOff(r.Default), r.Effort, src)
	}
	for _, r := range All() {
		fmt.Fprintf(&b, "\n## %s\n\n**%s.** %s\n", r.ID, r.Title, r.Description)
		if r.Rationale != "" {
			fmt.Fprintf(&b, "\n%s\n", r.Rationale)
		}
		fmt.Fprintf(&b, "\nSeverity %s; SonarQube %s / %s, clean-code attribute %s.\n", r.Severity, r.Quality, r.Impact, r.Attribute)
		lang := r.Language
		if r.Bad != "" {
			fmt.Fprintf(&b, "\nReported:\n\n```%s\n%s\n```\n", lang, r.Bad)
		}
		if r.Good != "" {
			fmt.Fprintf(&b, "\nFixed:\n\n```%s\n%s\n```\n", lang, r.Good)
		}
		if len(r.Settings) > 0 {
			fmt.Fprintf(&b, "\nSettings, given as `-%s.NAME` on the command line or as NAME in riskvet.toml's `[%s]` table:\n\n", r.ID, r.ID)
			b.WriteString("| setting | default | what it does |\n|---|---|---|\n")
			for _, s := range r.Settings {
				def := s.Default
				if def == "" {
					def = "none"
				} else {
					def = "`" + def + "`"
				}
				fmt.Fprintf(&b, "| `%s` | %s | %s |\n", s.Name, def, s.Text)
			}
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

func onOff(b bool) string {
	if b {
		return "on"
	}
	return "off"
}
