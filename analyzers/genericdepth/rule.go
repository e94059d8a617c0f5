package genericdepth

import "github.com/riskvet/riskvet/internal/rules"

// Rule is genericdepth's metadata: internal/rules' catalogue, docs/checks.md,
// `riskvet help` and the SARIF and SonarQube rule descriptions are
// generated from it (go generate ./internal/rules).
var Rule = rules.Rule{
	ID:       "genericdepth",
	Language: "go",
	Title:    "Generic instantiation nested too deep",
	Description: "Reports a type expression whose generic instantiation nests deeper than " +
		"-genericdepth.max (default 3), as written: an instantiation counts 1 plus the deepest of its " +
		"type arguments, and a name counts 0, except an alias of an instantiated type, which counts 1. " +
		"An alias's right-hand side is measured at its declaration; -genericdepth.aliases=expand measures " +
		"the types aliases stand for instead. Generated files are skipped unless -genericdepth.generated is set.",
	Rationale: "Each level of nesting is one more type a reader must expand in their head. " +
		"Naming an intermediate type documents the concept and keeps signatures readable.",
	Bad:       "var idx Map[string, List[Pair[int, Opt[User]]]]",
	Good:      "type Versions List[Pair[int, Opt[User]]]\nvar idx Map[string, Versions]",
	Severity:  "warning",
	Family:    rules.Generics,
	Quality:   rules.Maintainability,
	Impact:    rules.Medium,
	Attribute: "CLEAR",
	Effort:    10,
	Default:   true,
}
