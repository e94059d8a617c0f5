package rules

// Curated upstream analyzers: the x/tools and staticcheck checks that
// analyzers.Suite runs for Go's own nil and type risks. Each is registered
// under the name it reports as (the analyzer's name for x/tools, the check
// code for staticcheck), so findings from any driver resolve to these
// entries. Descriptions are riskvet's summary; the upstream docs remain the
// reference (`riskvet -explain NAME`).
func init() {
	for _, r := range []Rule{
		{
			ID:          "nilness",
			Title:       "Nil dereference or impossible nil comparison",
			Description: "Reports, from each function's control-flow graph, dereferences of values that are certainly nil and comparisons with nil whose outcome is already known.",
			Rationale:   "A certain nil dereference panics; a comparison that is always true or always false usually hides a missing return or a wrong variable.",
			Bad:         "if p == nil {\n    log.Print(p.Name)\n}",
			Good:        "if p == nil {\n    return errNoUser\n}\nlog.Print(p.Name)",
			Severity:    "error", Impact: High, Effort: 10,
			Upstream: "x/tools",
		},
		{
			ID:          "nilfunc",
			Title:       "Comparison of a function with nil",
			Description: "Reports a comparison of a declared function (not a function value) with nil, which is never true.",
			Rationale:   "The author usually meant to call the function or compare a function variable; the check as written is dead code.",
			Bad:         "if strings.ToUpper == nil {",
			Good:        "if transform == nil { // a func variable",
			Severity:    "warning", Impact: Medium, Effort: 5,
			Upstream: "x/tools",
		},
		{
			ID:          "ifaceassert",
			Title:       "Impossible interface-to-interface type assertion",
			Description: "Reports a type assertion from one interface type to another that no type can satisfy, because both declare a method of the same name with different signatures.",
			Rationale:   "The assertion always fails: its comma-ok form is dead code and its plain form always panics.",
			Bad:         "var r io.Reader\n_ = r.(interface{ Read() string })",
			Good:        "var r io.Reader\n_ = r.(io.ReadCloser)",
			Severity:    "error", Impact: Medium, Effort: 10,
			Upstream: "x/tools",
		},
		{
			ID:          "errorsas",
			Title:       "errors.As with a target that is not a pointer to an error type",
			Description: "Reports a call to errors.As whose second argument is not a non-nil pointer to an interface or to a type implementing error.",
			Rationale:   "errors.As panics at run time on such a target.",
			Bad:         "var pe *fs.PathError\nerrors.As(err, pe)",
			Good:        "var pe *fs.PathError\nerrors.As(err, &pe)",
			Severity:    "error", Impact: High, Effort: 5,
			Upstream: "x/tools",
		},
		{
			ID:          "SA4023",
			Title:       "Impossible comparison of interface value with untyped nil",
			Description: "Reports a comparison of an interface value with nil that can never be true because a typed nil pointer was stored in it (the classic nil error that is not nil).",
			Rationale:   "Callers test err != nil and see an error that is not there, or miss one.",
			Bad:         "func f() error {\n    var p *MyError\n    return p // never a nil error\n}",
			Good:        "func f() error {\n    var p *MyError\n    if p == nil {\n        return nil\n    }\n    return p\n}",
			Severity:    "warning", Impact: High, Effort: 15,
			Upstream: "staticcheck",
		},
		{
			ID:          "SA5010",
			Title:       "Impossible type assertion",
			Description: "Reports a type assertion between interfaces whose method sets conflict, so that no value can satisfy it.",
			Rationale:   "The assertion always fails, hiding a wrong type or a stale interface.",
			Bad:         "type A interface{ M() int }\ntype B interface{ M() string }\nvar a A\n_, ok := a.(B)",
			Good:        "var a A\n_, ok := a.(fmt.Stringer)",
			Severity:    "warning", Impact: Medium, Effort: 10,
			Upstream: "staticcheck",
		},
		{
			ID:          "SA4022",
			Title:       "Comparing the address of a variable against nil",
			Description: "Reports a comparison such as &x == nil, which is never true since the address of a variable is never nil.",
			Rationale:   "The check is dead code and usually stands where a check of the variable itself was meant.",
			Bad:         "if &cfg == nil {",
			Good:        "if cfg == nil {",
			Severity:    "warning", Impact: Low, Effort: 5,
			Upstream: "staticcheck",
		},
		{
			ID:          "SA4031",
			Title:       "Checking never-nil value against nil",
			Description: "Reports a comparison with nil of a value that can never be nil, such as the result of new or make or the address of a composite literal.",
			Rationale:   "The comparison is dead code and misleads the reader about which values may be nil.",
			Bad:         "m := make(map[string]int)\nif m == nil {",
			Good:        "m := make(map[string]int)\nif len(m) == 0 {",
			Severity:    "warning", Impact: Low, Effort: 5,
			Upstream: "staticcheck",
		},
		{
			ID:          "SA4020",
			Title:       "Unreachable case clause in a type switch",
			Description: "Reports a type switch case that can never match because an earlier case matches every value it would.",
			Rationale:   "The unreachable branch is code the author believes runs; its values take the earlier branch instead.",
			Bad:         "switch v.(type) {\ncase io.Reader:\ncase io.ReadCloser: // unreachable\n}",
			Good:        "switch v.(type) {\ncase io.ReadCloser:\ncase io.Reader:\n}",
			Severity:    "warning", Impact: Medium, Effort: 5,
			Upstream: "staticcheck",
		},
	} {
		r.Language = "go"
		r.Family = NullType
		r.Runtime = true
		r.Quality = Reliability
		r.Attribute = "LOGICAL"
		r.Default = true
		Register(r)
	}
}
