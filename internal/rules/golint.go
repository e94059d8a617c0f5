package rules

// Rules of the standalone Go driver (cmd/riskvet), kept apart from
// catalog.go so that the driver's work does not edit the shared catalogue.
func init() {
	Register(Rule{
		ID:       "lintdirective",
		Language: "go",
		Title:    "Malformed or unused //lint:ignore directive",
		Description: "Reports a //lint:ignore or //lint:file-ignore directive that gives no reason, and a " +
			"//lint:ignore that suppresses no finding of an enabled check on its line. Reported by standalone runs only.",
		Rationale: "A suppression without a reason cannot be reviewed, and one that no longer matches anything " +
			"hides the next finding on that line from whoever reads the code.",
		Bad:       "//lint:ignore genericdepth\nvar idx Map[string, List[Pair[int, Opt[User]]]]",
		Good:      "//lint:ignore genericdepth the wire format fixes this shape\nvar idx Map[string, List[Pair[int, Opt[User]]]]",
		Severity:  "warning",
		Family:    Other,
		Quality:   Maintainability,
		Impact:    Low,
		Attribute: "CONVENTIONAL",
		Effort:    2,
		Default:   true,
	})
}
