package nullarg

import "github.com/riskvet/riskvet/internal/rules"

// rule is nullarg's metadata, Checker.Rule: internal/rules' catalogue,
// docs/checks.md, `riskvet help` and the SARIF and SonarQube rule
// descriptions are generated from it (go generate ./internal/rules).
var rule = rules.Rule{
	ID:       "nullarg",
	Language: "php",
	Title:    "Possible null argument",
	Description: "Reports a value that may be null passed to a parameter whose native type excludes null, " +
		"for functions, methods and constructors in the scanned tree and PHP's built-ins. It reads nullderef's flow " +
		"analysis and follows nullderef's settings (level, strict, tests, never_null, lifecycle).",
	Rationale: "PHP checks a native parameter type on entry: null given to `Foo $x` or `int $n` of a user function " +
		"throws a TypeError in every mode, and so does null given to a built-in's array, callable or object " +
		"parameter, or to any under strict_types=1.",
	Bad:       "$page = $id > 0 ? find($id) : null;\nrender($page); // function render(Page $p)",
	Good:      "$page = $id > 0 ? find($id) : null;\nif ($page !== null) {\n    render($page);\n}",
	Severity:  "error",
	Family:    rules.NullType,
	Runtime:   true,
	Quality:   rules.Reliability,
	Impact:    rules.High,
	Attribute: "LOGICAL",
	Effort:    10,
	Default:   true,
	Settings: []rules.Setting{
		{Name: "deprecated", Default: "false", Text: "Also report null given to a built-in's scalar parameter " +
			"(`strlen($s)`) in a file without strict_types=1. PHP 8.1 and later coerce that null to \"\", 0 or false " +
			"with a deprecation and the call works, so it is not a run-time failure, which every other nullarg finding " +
			"is: off by default, for teams preparing for the version that turns the deprecation into a TypeError."},
	},
}
