package zerostring

import "github.com/riskvet/riskvet/internal/rules"

// rule is zerostring's metadata, Checker.Rule: internal/rules' catalogue,
// docs/checks.md, `riskvet help` and the SARIF and SonarQube rule
// descriptions are generated from it (go generate ./internal/rules).
var rule = rules.Rule{
	ID:       "zerostring",
	Language: "php",
	Title:    "Loose comparison of 0 with a non-numeric string",
	Description: "Reports a ==, != or <> comparison of the literal 0 with a string literal that is not numeric " +
		"and that PHP 7 read as 0 ('', 'all', '0x1A'): PHP 8 compares the two as strings, so the result flipped.",
	Rationale: "Code written for PHP 7, where 0 == 'all' was true, silently takes the other branch on PHP 8; " +
		"the comparison reads as one thing and does another.",
	Bad:       "if ($limit == 0 || 0 == 'all') {",
	Good:      "if ($limit === 0 || $mode === 'all') {",
	Severity:  "warning",
	Family:    rules.NullType,
	Runtime:   true,
	Quality:   rules.Reliability,
	Impact:    rules.Medium,
	Attribute: "LOGICAL",
	Effort:    5,
	Default:   true,
}
