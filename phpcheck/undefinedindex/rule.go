package undefinedindex

import "github.com/riskvet/riskvet/internal/rules"

// rule is undefinedindex's metadata, Checker.Rule: internal/rules' catalogue,
// docs/checks.md, `riskvet help` and the SARIF and SonarQube rule
// descriptions are generated from it (go generate ./internal/rules).
var rule = rules.Rule{
	ID:       "undefinedindex",
	Language: "php",
	Title:    "Array key may be undefined",
	Description: "Reports a read of request input ($_GET, $_POST, $_REQUEST, $_COOKIE, $_FILES) at a key " +
		"without a guard, and a read of a locally built array at a constant key it does not have.",
	Rationale: "Reading a missing key emits a warning and yields null, which then fails later and far away.",
	Bad:       "$page = $_GET['page'];",
	Good:      "$page = $_GET['page'] ?? '1';",
	Severity:  "warning",
	Family:    rules.NullType,
	Runtime:   true,
	Quality:   rules.Reliability,
	Impact:    rules.Medium,
	Attribute: "COMPLETE",
	Effort:    5,
	Default:   true,
}
