package singleinst

import "github.com/riskvet/riskvet/internal/rules"

// Rule is singleinst's metadata: internal/rules' catalogue, docs/checks.md,
// `riskvet help` and the SARIF and SonarQube rule descriptions are
// generated from it (go generate ./internal/rules).
var Rule = rules.Rule{
	ID:       "singleinst",
	Language: "go",
	Title:    "Generic instantiated with only one type-argument list",
	Description: "Reports a generic function or type that the code checked instantiates with exactly one " +
		"type-argument list: unexported generics and those of package main per package, and under the standalone " +
		"command and scan also the exported generics of internal packages across the module.",
	Rationale: "A generic used with one set of types is a concrete declaration with extra syntax; " +
		"the concrete form is shorter to read and gives plainer errors until a second use arrives. " +
		"Off by default: most generics used once on real code are containers and pass-through helpers " +
		"that are generic by nature (measured in bench/judged/go-singleinst.tsv).",
	Bad:       "func parse[T ~int | ~int64](s string) (T, error) // only parse[int] is used",
	Good:      "func parse(s string) (int, error)",
	Severity:  "info",
	Family:    rules.Generics,
	Quality:   rules.Maintainability,
	Impact:    rules.Low,
	Attribute: "FOCUSED",
	Effort:    10,
	Default:   false,
}
