package tparamshadow

import "github.com/riskvet/riskvet/internal/rules"

// Rule is tparamshadow's metadata: internal/rules' catalogue, docs/checks.md,
// `riskvet help` and the SARIF and SonarQube rule descriptions are
// generated from it (go generate ./internal/rules).
var Rule = rules.Rule{
	ID:       "tparamshadow",
	Language: "go",
	Title:    "Type parameter shadows a package-level or predeclared type",
	Description: "Reports a generic function's, type's or alias's type parameter named like a type declared at " +
		"the package's top level or a predeclared type (string, error, any, ...). Test files, generated files " +
		"and deprecated declarations are exempt.",
	Rationale: "Inside the declaration the name means the type parameter, while a reader sees the familiar type; " +
		"a body that needs the real type cannot name it.",
	Bad:       "type Node struct{ ID int }\nfunc Walk[Node any](root Node, visit func(Node))",
	Good:      "type Node struct{ ID int }\nfunc Walk[N any](root N, visit func(N))",
	Severity:  "warning",
	Family:    rules.Generics,
	Quality:   rules.Maintainability,
	Impact:    rules.Low,
	Attribute: "CLEAR",
	Effort:    5,
	Default:   true,
}
