// Package rules is riskvet's one registry of rule metadata. Everything that
// describes a rule to a person or a tool reads it from here: `riskvet help`,
// the generated docs/checks.md, SARIF tool.driver.rules and SonarQube
// rules[], and the risk matrix's families and effort.
//
// Each of riskvet's own checks owns its rule (a Go analyzer's Rule in its
// rule.go, a PHP check's Checker.Rule); catalog.go is generated from them
// by `go generate ./internal/rules`, with docs/checks.md and README.md's
// rule table, so that the packages reading the registry import no check.
//
// Registering an empty or duplicate ID panics: a rule's ID is its vet flag
// name, its SARIF ruleId and its SonarQube rule id, so it must be unique.
package rules

//go:generate go run ./gen
//go:generate go run ./gen -docs

import (
	"cmp"
	"fmt"
	"slices"
	"sync"
)

// Family groups rules for the risk matrix.
type Family string

// The rule families of the risk matrix.
const (
	// Generics is generics complexity: code that is hard to read.
	Generics Family = "generics"
	// NullType is null and type risk: code that may fail at run time.
	NullType Family = "nulltype"
	// Strictness is missing strictness: weak typing left switched on.
	Strictness Family = "strictness"
	// Other holds rules of no family (foreign rules, parse errors).
	Other Family = "other"
)

// Sonar software qualities (SonarQube 10.3+ impacts).
const (
	Reliability     = "RELIABILITY"
	Maintainability = "MAINTAINABILITY"
	Security        = "SECURITY"
)

// Sonar impact severities. Only these three are accepted by every server
// since 10.3 (INFO and BLOCKER came with plugin API 10.11).
const (
	Low    = "LOW"
	Medium = "MEDIUM"
	High   = "HIGH"
)

// Rule is one rule's metadata.
type Rule struct {
	// ID is the rule's name: lowercase for riskvet's own checks, the
	// upstream name for curated ones (nilness, SA5011).
	ID string
	// Language is "go" or "php".
	Language string
	// Title is a one-line summary, sentence case, no trailing period.
	Title string
	// Description says what the rule reports.
	Description string
	// Rationale says why it matters.
	Rationale string
	// Bad and Good are short code examples: one that is reported and its fix.
	Bad, Good string
	// Severity is the default level: "error", "warning" or "info".
	Severity string
	// Family is the risk matrix row.
	Family Family
	// Runtime reports whether a finding of this rule is a failure at run
	// time rather than a maintainability cost.
	Runtime bool
	// Quality, Impact and Attribute are SonarQube's software quality,
	// impact severity and clean-code attribute.
	Quality, Impact, Attribute string
	// Effort is the typical time to fix one finding, in minutes.
	Effort int
	// Default reports whether the rule is enabled without configuration.
	Default bool
	// Upstream names where a curated rule comes from ("x/tools",
	// "staticcheck"); empty for riskvet's own.
	Upstream string
	// Settings are the check's flags, documented for users: each is
	// `-ID.NAME` on the command line and NAME in riskvet.toml's [ID]
	// table. A test of the PHP driver keeps them in step with the
	// checks' own Flags.
	Settings []Setting
}

// Setting is one documented flag of a check.
type Setting struct {
	// Name is the flag's name without the check's ("strict").
	Name string
	// Default is the flag's default value as the flag prints it.
	Default string
	// Text says what the setting does and the real pattern it exists
	// for.
	Text string
}

var (
	mu       sync.RWMutex
	registry = map[string]Rule{}
)

// Register adds r to the registry. It panics if r has no ID, lacks the
// metadata every output needs, or reuses an ID.
func Register(r Rule) {
	if r.ID == "" {
		panic("rules: Register with empty ID")
	}
	if r.Title == "" || r.Description == "" || r.Language == "" {
		panic(fmt.Sprintf("rules: rule %q lacks title, description or language", r.ID))
	}
	mu.Lock()
	defer mu.Unlock()
	if _, dup := registry[r.ID]; dup {
		panic(fmt.Sprintf("rules: duplicate rule ID %q", r.ID))
	}
	registry[r.ID] = r
}

// Lookup returns the rule with the given ID.
func Lookup(id string) (Rule, bool) {
	mu.RLock()
	defer mu.RUnlock()
	r, ok := registry[id]
	return r, ok
}

// All returns every registered rule, sorted by language, then ID.
func All() []Rule {
	mu.RLock()
	defer mu.RUnlock()
	out := make([]Rule, 0, len(registry))
	for _, r := range registry {
		out = append(out, r)
	}
	slices.SortFunc(out, func(a, b Rule) int {
		return cmp.Or(cmp.Compare(a.Language, b.Language), cmp.Compare(a.ID, b.ID))
	})
	return out
}

// Foreign returns metadata for a rule that riskvet does not know, reported
// by another tool (a go vet analyzer, a staticcheck check), so that every
// finding can still be written with a rule. Known IDs return their entry.
func Foreign(engine, id, language string) Rule {
	if r, ok := Lookup(id); ok {
		return r
	}
	r := Rule{
		ID:          id,
		Language:    language,
		Title:       fmt.Sprintf("%s: %s", engine, id),
		Description: fmt.Sprintf("Reported by %s check %s.", engine, id),
		Severity:    "warning",
		Family:      Other,
		Quality:     Maintainability,
		Impact:      Medium,
		Attribute:   "CONVENTIONAL",
		Effort:      5,
		Upstream:    engine,
	}
	// staticcheck's families: SA are bugs, S simplifications, ST style,
	// QF quick fixes; go vet analyzers report likely bugs.
	switch {
	case engine == "govet" || len(id) > 2 && id[:2] == "SA":
		r.Quality, r.Attribute, r.Runtime, r.Family = Reliability, "LOGICAL", true, NullType
	}
	return r
}
