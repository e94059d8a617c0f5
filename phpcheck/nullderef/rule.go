package nullderef

import "github.com/riskvet/riskvet/internal/rules"

// rule is nullderef's metadata, Checker.Rule: internal/rules' catalogue,
// docs/checks.md, `riskvet help` and the SARIF and SonarQube rule
// descriptions are generated from it (go generate ./internal/rules).
var rule = rules.Rule{
	ID:       "nullderef",
	Language: "php",
	Title:    "Possible null dereference",
	Description: "Reports a method call or property read on a value that may be null on some path: " +
		"null literals, nullable parameters, properties and return types, and variables a branch may leave null.",
	Rationale: "Calling a method on null is a fatal Error at run time; reading a property of null is a warning and yields null.",
	Bad:       "$user = $repo->find($id); // returns ?User\necho $user->name;",
	Good:      "$user = $repo->find($id);\nif ($user === null) {\n    throw new NotFound($id);\n}\necho $user->name;",
	Severity:  "error",
	Family:    rules.NullType,
	Runtime:   true,
	Quality:   rules.Reliability,
	Impact:    rules.High,
	Attribute: "LOGICAL",
	Effort:    10,
	Default:   true,
	Settings: []rules.Setting{
		{Name: "level", Default: "inevitable", Text: "The least sure evidence reported. `definite`: the function itself " +
			"makes the value null on every path to the dereference (`$x = null; $x->m();`, a dereference in the branch " +
			"where `$x === null` holds). `inevitable`: also a null the function makes at a point the dereference follows " +
			"on every path, with no test and no exit between (`$x = null; if ($ok) { $x = f(); } $x->m();`). `local`: " +
			"also nulls the function puts on some paths (a null assignment or default one branch leaves, its own " +
			"nullable parameter, a ternary, match or `?->` that yields null). `shown`: also " +
			"code elsewhere that shows null can arrive (a callee whose body returns null on some path, a nullable property " +
			"no initializer sets). `declared`: also a declared or documented nullable type alone (a property every " +
			"initializer sets, a callee whose body never returns null, an interface method). Judged on real code " +
			"(bench/judged), 5 of 60 findings at the local level were true, 7 of 60 at the shown level, declared-only " +
			"ones 1 of 29: most were tied to a condition on another value, which the check does not correlate; an " +
			"inevitable dereference needs no correlation. Hence the default."},
		{Name: "strict", Default: "false", Text: "Report every level of evidence, as `level = \"declared\"` does: PHPStan's " +
			"level 8, for teams that want every declared possibility checked."},
		{Name: "tests", Default: "false", Text: "Also report in test code: classes that extend PHPUnit's `TestCase`, directly or " +
			"through the project's own base classes, and files under a folder named `tests`, `Tests`, `test` or `Test`. " +
			"A null dereference in a test fails that test by itself and reaches no user."},
		{Name: "never_null", Default: "", Text: "Functions and `Class::method`s that never return null once the application " +
			"runs, whatever their declared type: WordPress's `get_current_screen()` is declared nullable because it is null " +
			"before the admin screen is set up, and every admin page runs after that; a service container's `get()` " +
			"declared `?object` that throws for an unknown service instead of returning null. A name with a namespace " +
			"matches that fully qualified name, and a class's subclasses and implementations; one without matches in any " +
			"namespace; case does not matter."},
		{Name: "lifecycle", Default: "", Text: "Methods that run before every other method of their class, besides the " +
			"constructor and PHPUnit's `setUp`: a framework's init hook that its base constructor calls, such as " +
			"CakePHP's `initialize()` or Yii's `init()`. A nullable property such a method always sets counts as set " +
			"in the class's other methods."},
	},
}
