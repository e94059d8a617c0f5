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
		"a locally built array lacks, that a builtin's result may lack (pathinfo, getimagesize, parse_str; " +
		"explode, preg_match groups and parse_url with the strict setting), or that a declared array shape (array{k?: T} in @param, @return, @var) marks " +
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
		{Name: "strict", Default: "false", Text: "Also follow the builtins whose results real code reads safely far more " +
			"often than not: the pieces of `explode`, `preg_split` and `str_getcsv`, `preg_match`'s groups and `parse_url`'s " +
			"components (`[$user, $host] = explode('@', $email)`). Judged on real code (bench/judged), 8 of 36 `explode` " +
			"findings, none of 4 `preg_*` ones and 1 of 6 `parse_url` ones were bugs: the strings split are mostly built by " +
			"the application or a protocol with the delimiter in them; request input, 16 of 20, stays in the default."},
	},
}
