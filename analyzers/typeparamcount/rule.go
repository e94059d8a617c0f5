package typeparamcount

import "github.com/riskvet/riskvet/internal/rules"

// Rule is typeparamcount's metadata: internal/rules' catalogue, docs/checks.md,
// `riskvet help` and the SARIF and SonarQube rule descriptions are
// generated from it (go generate ./internal/rules).
var Rule = rules.Rule{
	ID:       "typeparamcount",
	Language: "go",
	Title:    "Declaration with too many type parameters",
	Description: "Reports a generic function, type or alias declaring more than -typeparamcount.max " +
		"(default 6, one over the standard library's longest list) type parameters. Arity families (Zip2 ... Zip9), " +
		"numbered lists (T1 ... T6), deprecated declarations, test files and generated files are exempt.",
	Rationale: "Every type parameter is one more thing a caller infers or spells and a reader holds in mind; " +
		"a long list usually stands for a structure that wants a name.",
	Bad:       "func Join[A, B, C, D, E, F, G any](a A, b B, c C, d D, e E, f F, g G) Row",
	Good:      "type Row struct{ A, B, C, D, E, F, G string }\nfunc Join(r Row) Row",
	Severity:  "warning",
	Family:    rules.Generics,
	Quality:   rules.Maintainability,
	Impact:    rules.Low,
	Attribute: "FOCUSED",
	Effort:    30,
	Default:   true,
}
