package constraintcoupling

import "github.com/riskvet/riskvet/internal/rules"

// Rule is constraintcoupling's metadata: internal/rules' catalogue, docs/checks.md,
// `riskvet help` and the SARIF and SonarQube rule descriptions are
// generated from it (go generate ./internal/rules).
var Rule = rules.Rule{
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
	Family:    rules.Generics,
	Quality:   rules.Maintainability,
	Impact:    rules.Medium,
	Attribute: "MODULAR",
	Effort:    30,
	Default:   true,
}
