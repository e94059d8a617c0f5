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
		"for functions, methods and constructors in the scanned tree. It reads nullderef's flow analysis and follows " +
		"nullderef's settings (level, strict, tests, never_null, lifecycle).",
	Rationale: "PHP checks a native parameter type on entry: null given to `Foo $x` or `int $n` of a user function " +
		"throws a TypeError in every mode.",
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
}
