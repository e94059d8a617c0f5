package rules

// riskvet's own rules. Curated upstream analyzers register in curated.go.
func init() {
	Register(Rule{
		ID:       "genericdepth",
		Language: "go",
		Title:    "Generic instantiation nested too deep",
		Description: "Reports a type expression whose generic instantiation nests deeper than " +
			"-genericdepth.max (default 3), as written: an instantiation counts 1 plus the deepest of its " +
			"type arguments, and a name counts 0, except an alias of an instantiated type, which counts 1. " +
			"An alias's right-hand side is measured at its declaration; -genericdepth.aliases=expand measures " +
			"the types aliases stand for instead. Generated files are skipped unless -genericdepth.generated is set.",
		Rationale: "Each level of nesting is one more type a reader must expand in their head. " +
			"Naming an intermediate type documents the concept and keeps signatures readable.",
		Bad:       "var idx Map[string, List[Pair[int, Opt[User]]]]",
		Good:      "type Versions List[Pair[int, Opt[User]]]\nvar idx Map[string, Versions]",
		Severity:  "warning",
		Family:    Generics,
		Quality:   Maintainability,
		Impact:    Medium,
		Attribute: "CLEAR",
		Effort:    10,
		Default:   true,
	})
	Register(Rule{
		ID:       "constraintcoupling",
		Language: "go",
		Title:    "Type parameter constraint couples other type parameters",
		Description: "Reports a type parameter whose constraint's methods refer to more than " +
			"-constraintcoupling.max (default 1) other type parameters of the same list, and every " +
			"type parameter on a cycle of such references. Structural terms (~[]E, ~map[K]V, unions) do not count. " +
			"Generated files are skipped unless -constraintcoupling.generated is set.",
		Rationale: "A constraint that ties several type parameters together makes every call site " +
			"infer or spell them all, and its errors are hard to read. A named interface or a concrete type is usually clearer.",
		Bad:       "func NewStore[K comparable, V any, M interface{ Get(K) V; Put(K, V) }](m M) *Store[K, V, M]",
		Good:      "type Getter[K comparable, V any] interface{ Get(K) V; Put(K, V) }\nfunc NewStore[K comparable, V any](m Getter[K, V]) *Store[K, V]",
		Severity:  "warning",
		Family:    Generics,
		Quality:   Maintainability,
		Impact:    Medium,
		Attribute: "MODULAR",
		Effort:    30,
		Default:   true,
	})
	Register(Rule{
		ID:       "ifaceparam",
		Language: "go",
		Title:    "Type parameter an interface parameter could replace",
		Description: "Reports a function's type parameter whose constraint is a plain method set (no type terms, " +
			"not comparable, not any) and which occurs once in the signature, as the whole type of one parameter, " +
			"while the body only calls its methods or passes it where an interface is expected. " +
			"Test files, generated files and deprecated functions are exempt.",
		Rationale: "Such a type parameter ties no types together: an interface parameter says the same with " +
			"no brackets, no constraint to read and no instantiation.",
		Bad:       "func Print[T fmt.Stringer](v T) { fmt.Println(v.String()) }",
		Good:      "func Print(v fmt.Stringer) { fmt.Println(v.String()) }",
		Severity:  "warning",
		Family:    Generics,
		Quality:   Maintainability,
		Impact:    Low,
		Attribute: "CLEAR",
		Effort:    5,
		Default:   true,
	})
	Register(Rule{
		ID:       "typeparamcount",
		Language: "go",
		Title:    "Declaration with too many type parameters",
		Description: "Reports a generic function, type or alias declaring more than -typeparamcount.max " +
			"(default 6, one over the standard library's longest list) type parameters. Arity families (Zip2 ... Zip9), " +
			"numbered lists (T1 ... T6), deprecated declarations, test files and generated files are exempt.",
		Rationale: "Every type parameter is one more thing a caller infers or spells and a reader holds in mind; " +
			"a long list usually stands for a structure that wants a name.",
		Bad:       "func Join[A, B, C, D, E, F, G any](a A, b B, c C, d D, e E, f F, g G) Row",
		Good:      "type Row struct{ A, B, C, D, E, F, G string }\nfunc Join(r Row) Row",
		Severity:  "warning",
		Family:    Generics,
		Quality:   Maintainability,
		Impact:    Low,
		Attribute: "FOCUSED",
		Effort:    30,
		Default:   true,
	})
	Register(Rule{
		ID:       "singleinst",
		Language: "go",
		Title:    "Generic instantiated with only one type-argument list",
		Description: "Reports a generic function or type that the code checked instantiates with exactly one " +
			"type-argument list: unexported generics and those of package main per package, and under the standalone " +
			"command and scan also the exported generics of internal packages across the module.",
		Rationale: "A generic used with one set of types is a concrete declaration with extra syntax; " +
			"the concrete form is shorter to read and gives plainer errors until a second use arrives. " +
			"Off by default: most generics used once on real code are containers and pass-through helpers " +
			"that are generic by nature (measured in bench/judged/go-singleinst.tsv).",
		Bad:       "func parse[T ~int | ~int64](s string) (T, error) // only parse[int] is used",
		Good:      "func parse(s string) (int, error)",
		Severity:  "info",
		Family:    Generics,
		Quality:   Maintainability,
		Impact:    Low,
		Attribute: "FOCUSED",
		Effort:    10,
		Default:   false,
	})
	Register(Rule{
		ID:       "nullderef",
		Language: "php",
		Title:    "Possible null dereference",
		Description: "Reports a method call or property read on a value that may be null on some path: " +
			"null literals, nullable parameters, properties and return types, and variables a branch may leave null.",
		Rationale: "Calling a method on null is a fatal Error at run time; reading a property of null is a warning and yields null.",
		Bad:       "$user = $repo->find($id); // returns ?User\necho $user->name;",
		Good:      "$user = $repo->find($id);\nif ($user === null) {\n    throw new NotFound($id);\n}\necho $user->name;",
		Severity:  "error",
		Family:    NullType,
		Runtime:   true,
		Quality:   Reliability,
		Impact:    High,
		Attribute: "LOGICAL",
		Effort:    10,
		Default:   true,
		Settings: []Setting{
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
	})
	Register(Rule{
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
		Family:    NullType,
		Runtime:   true,
		Quality:   Reliability,
		Impact:    High,
		Attribute: "LOGICAL",
		Effort:    10,
		Default:   true,
	})
	Register(Rule{
		ID:       "undefinedindex",
		Language: "php",
		Title:    "Array key may be undefined",
		Description: "Reports a read of request input ($_GET, $_POST, $_REQUEST, $_COOKIE, $_FILES) at a key " +
			"without a guard, and a read of a locally built array at a constant key it does not have.",
		Rationale: "Reading a missing key emits a warning and yields null, which then fails later and far away.",
		Bad:       "$page = $_GET['page'];",
		Good:      "$page = $_GET['page'] ?? '1';",
		Severity:  "warning",
		Family:    NullType,
		Runtime:   true,
		Quality:   Reliability,
		Impact:    Medium,
		Attribute: "COMPLETE",
		Effort:    5,
		Default:   true,
	})
	Register(Rule{
		ID:       "stricttypes",
		Language: "php",
		Title:    "File does not declare strict_types=1",
		Description: "Reports a PHP file whose first statement is not declare(strict_types=1), or that " +
			"declares strict_types=0. Templates that start with inline HTML are exempt.",
		Rationale: "Without strict types PHP silently coerces scalar arguments ('5 apples' becomes 5), " +
			"hiding type errors until they corrupt data.",
		Bad:       "<?php\nfunction add(int $a, int $b): int { return $a + $b; }",
		Good:      "<?php\ndeclare(strict_types=1);\nfunction add(int $a, int $b): int { return $a + $b; }",
		Severity:  "warning",
		Family:    Strictness,
		Quality:   Maintainability,
		Impact:    Low,
		Attribute: "CONVENTIONAL",
		Effort:    2,
		Default:   true,
	})
	Register(Rule{
		ID:          "parseerror",
		Language:    "php",
		Title:       "File cannot be parsed",
		Description: "Reports a PHP file that the parser cannot read: a syntax error, or syntax newer than PHP 8.4. The file's other checks are skipped.",
		Rationale:   "A file riskvet cannot parse is a file it cannot check; the finding keeps it from being silently skipped.",
		Bad:         "<?php\nfunction f( {",
		Good:        "<?php\nfunction f() {}",
		Severity:    "error",
		Family:      Other,
		Quality:     Reliability,
		Impact:      Medium,
		Attribute:   "CONVENTIONAL",
		Effort:      5,
		Default:     true,
	})
}
