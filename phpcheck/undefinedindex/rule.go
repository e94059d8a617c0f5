package undefinedindex

import "github.com/riskvet/riskvet/internal/rules"

// rule is undefinedindex's metadata, Checker.Rule: internal/rules' catalogue,
// docs/checks.md, `riskvet help` and the SARIF and SonarQube rule
// descriptions are generated from it (go generate ./internal/rules).
var rule = rules.Rule{
	ID:       "undefinedindex",
	Language: "php",
	Title:    "Array key may be undefined",
	Description: "Reports a read of request input ($_GET, $_POST, $_REQUEST, $_COOKIE, $_FILES, and the " +
		"request-dependent keys of $_SERVER) at a key without a guard, and a read at a constant key that " +
		"a locally built array lacks, that a builtin's result may lack (explode, preg_match groups..., " +
		"parse_url with the strict setting), or that a declared array shape (array{k?: T} in @param, @return, @var) marks " +
		"optional or lacks.",
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
	Settings: []rules.Setting{
		{Name: "tests", Default: "false", Text: "Also report in test code: classes that extend PHPUnit's `TestCase`, directly or " +
			"through the project's own base classes, and files under a folder named `tests`, `Tests`, `test`, `Test` or `spec`. " +
			"A missing key in a test fails that test by itself and reaches no user: judged on real code (bench/judged), " +
			"none of 11 findings in test code was a bug."},
		{Name: "strict", Default: "false", Text: "Also report reads of the components `parse_url`'s result may lack " +
			"(`parse_url($u)['host']`). Judged on real code (bench/judged), 1 of 6 such findings was a bug, 1 of 5 once the " +
			"guards real code writes were read: the URLs code parses are mostly built by the application or checked by its " +
			"callers."},
	},
}
