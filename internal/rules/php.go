package rules

// Rules of the PHP checker's driver, kept apart from catalog.go so that the
// PHP driver's work does not edit the shared catalogue.
func init() {
	Register(Rule{
		ID:       "badignore",
		Language: "php",
		Title:    "Malformed riskvet:ignore directive",
		Description: "Reports a riskvet:ignore comment that names no rule, names a rule riskvet does not know, " +
			"or gives no reason. Such a directive suppresses nothing.",
		Rationale: "A suppression without a reason cannot be reviewed, and one with a misspelt rule silently " +
			"suppresses nothing; both hide the intent of whoever wrote it.",
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
