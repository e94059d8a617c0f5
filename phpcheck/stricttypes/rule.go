package stricttypes

import "github.com/riskvet/riskvet/internal/rules"

// rule is stricttypes's metadata, Checker.Rule: internal/rules' catalogue,
// docs/checks.md, `riskvet help` and the SARIF and SonarQube rule
// descriptions are generated from it (go generate ./internal/rules).
var rule = rules.Rule{
	ID:       "stricttypes",
	Language: "php",
	Title:    "File does not declare strict_types=1",
	Description: "Reports a PHP file whose first statement is not declare(strict_types=1), or that " +
		"declares strict_types=0. Templates that start with inline HTML are exempt.",
	Rationale: "Without strict types PHP silently coerces scalar arguments ('5 apples' becomes 5), " +
		"hiding type errors until they corrupt data.",
	Bad:       "<?php\nfunction add(int $a, int $b): int { return $a + $b; }",
	Good:      "<?php\ndeclare(strict_types=1);\nfunction add(int $a, int $b): int { return $a + $b; }",
	Severity:  "warning",
	Family:    rules.Strictness,
	Quality:   rules.Maintainability,
	Impact:    rules.Low,
	Attribute: "CONVENTIONAL",
	Effort:    2,
	Default:   true,
}
