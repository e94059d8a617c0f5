package phpcheck

import (
	"github.com/riskvet/riskvet/internal/rules"
	"github.com/riskvet/riskvet/phpcheck/internal/phpfile"
)

// Rules are the rules the driver reports itself, besides the checks it is
// given: a file it cannot parse, and a malformed or unused riskvet:ignore
// directive. internal/rules' catalogue is generated from them and from the
// checks' own (go generate ./internal/rules).
var Rules = []rules.Rule{{
	ID:          phpfile.ParseError,
	Language:    "php",
	Title:       "File cannot be parsed",
	Description: "Reports a PHP file that the parser cannot read: a syntax error, or syntax newer than PHP 8.5. The file's other checks are skipped.",
	Rationale:   "A file riskvet cannot parse is a file it cannot check; the finding keeps it from being silently skipped.",
	Bad:         "<?php\nfunction f( {",
	Good:        "<?php\nfunction f() {}",
	Severity:    "error",
	Family:      rules.Other,
	Quality:     rules.Reliability,
	Impact:      rules.Medium,
	Attribute:   "CONVENTIONAL",
	Effort:      5,
	Default:     true,
}, {
	ID:       phpfile.BadIgnore,
	Language: "php",
	Title:    "Malformed or unused riskvet:ignore directive",
	Description: "Reports a riskvet:ignore comment that names no rule, names a rule riskvet does not know, " +
		"or gives no reason (such a directive suppresses nothing), and a rule named by a directive that " +
		"matched no finding on its line or the next although the rule ran on the file.",
	Rationale: "A suppression without a reason cannot be reviewed, and one with a misspelt rule silently " +
		"suppresses nothing; both hide the intent of whoever wrote it. A suppression that no longer matches " +
		"anything outlived the code it excused and would silence the next real finding there unseen, " +
		"which is why staticcheck and PHPStan report theirs too.",
	Bad:       "// riskvet:ignore nullderef\n$user->name;",
	Good:      "// riskvet:ignore nullderef set by the middleware before this runs\n$user->name;",
	Severity:  "warning",
	Family:    rules.Other,
	Quality:   rules.Maintainability,
	Impact:    rules.Low,
	Attribute: "CONVENTIONAL",
	Effort:    2,
	Default:   true,
}}
