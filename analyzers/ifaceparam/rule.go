package ifaceparam

import "github.com/riskvet/riskvet/internal/rules"

// Rule is ifaceparam's metadata: internal/rules' catalogue, docs/checks.md,
// `riskvet help` and the SARIF and SonarQube rule descriptions are
// generated from it (go generate ./internal/rules).
var Rule = rules.Rule{
	ID:       "ifaceparam",
	Language: "go",
	Title:    "Type parameter an interface parameter could replace",
	Description: "Reports a function's type parameter whose constraint is a plain method set (no type terms, " +
		"not comparable, not any) and which occurs once in the signature, as the whole type of one parameter, " +
		"while the body only calls its methods or passes it where an interface is expected. " +
		"Test files, generated files and deprecated functions are exempt.",
	Rationale: "Such a type parameter ties no types together: an interface parameter says the same with " +
		"no brackets, no constraint to read and no instantiation.",
	Bad:       "func Print[T fmt.Stringer](v T) { fmt.Println(v.String()) }",
	Good:      "func Print(v fmt.Stringer) { fmt.Println(v.String()) }",
	Severity:  "warning",
	Family:    rules.Generics,
	Quality:   rules.Maintainability,
	Impact:    rules.Low,
	Attribute: "CLEAR",
	Effort:    5,
	Default:   true,
}
