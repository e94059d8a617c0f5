package rules

// Rules of the PHP checker's driver, kept apart from catalog.go so that the
// PHP driver's work does not edit the shared catalogue.
func init() {
	Register(Rule{
		ID:       "badignore",
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
		Family:    Other,
		Quality:   Maintainability,
		Impact:    Low,
		Attribute: "CONVENTIONAL",
		Effort:    2,
		Default:   true,
	})
}
