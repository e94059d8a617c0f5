package golangci

import (
	"flag"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"

	"github.com/riskvet/riskvet/analyzers"
)

// Name is the linter's name in .golangci.yml (linters.settings.custom) and
// in golangci-lint's reports.
const Name = "riskvet"

func init() {
	register.Plugin(Name, New)
}

// Settings are the plugin's settings in .golangci.yml. The thresholds are
// pointers so that an absent key (the analyzer's default) differs from 0.
type Settings struct {
	// MaxDepth is genericdepth's -genericdepth.max.
	MaxDepth *int `json:"max-depth"`
	// MaxCoupling is constraintcoupling's -constraintcoupling.max.
	MaxCoupling *int `json:"max-coupling"`
	// Checks names the analyzers to run; empty means analyzers.Suite.
	Checks []string `json:"checks"`
}

// thresholds names the analyzer flag each threshold setting sets, as
// `-genericdepth.max` does under go vet and `[genericdepth] max` in
// riskvet.toml: the flag itself holds the default and refuses a bad value.
var thresholds = []struct {
	key, analyzer, flag string
	get                 func(*Settings) *int
}{
	{"max-depth", "genericdepth", "max", func(s *Settings) *int { return s.MaxDepth }},
	{"max-coupling", "constraintcoupling", "max", func(s *Settings) *int { return s.MaxCoupling }},
}

// flagOf returns the analyzer and the flag a threshold sets.
func flagOf(analyzer, name string) (*analysis.Analyzer, *flag.Flag) {
	a := analyzers.ByName(analyzer)
	return a, a.Flags.Lookup(name)
}

// Plugin is the riskvet linter for golangci-lint, built by New from
// validated settings.
type Plugin struct {
	settings  Settings
	analyzers []*analysis.Analyzer
}

var _ register.LinterPlugin = (*Plugin)(nil)

// New decodes and validates the settings golangci-lint read from
// linters.settings.custom.riskvet.settings. Every mistake is an error:
// golangci-lint prints it and stops, which beats linting with a setting
// silently ignored.
func New(raw any) (register.LinterPlugin, error) {
	s, err := register.DecodeSettings[Settings](raw)
	if err != nil {
		return nil, fmt.Errorf("riskvet settings: %w", err)
	}
	as, err := s.selected()
	if err != nil {
		return nil, fmt.Errorf("riskvet settings: %w", err)
	}
	for _, th := range thresholds {
		v := th.get(&s)
		if v == nil {
			continue
		}
		a, f := flagOf(th.analyzer, th.flag)
		// The flag judges the value; it is set for real in BuildAnalyzers.
		was := f.Value.String()
		err := f.Value.Set(strconv.Itoa(*v))
		_ = f.Value.Set(was)
		if err != nil {
			return nil, fmt.Errorf("riskvet settings: %s: %v", th.key, err)
		}
		if !slices.Contains(as, a) {
			return nil, fmt.Errorf("riskvet settings: %s is set but %s is not in checks", th.key, a.Name)
		}
	}
	return &Plugin{settings: s, analyzers: as}, nil
}

// selected returns the analyzers s.Checks names, in the order given, or the
// default suite when it names none.
func (s *Settings) selected() ([]*analysis.Analyzer, error) {
	if len(s.Checks) == 0 {
		return slices.Clone(analyzers.Suite), nil
	}
	var as []*analysis.Analyzer
	for _, name := range s.Checks {
		a := analyzers.ByName(name)
		if a == nil {
			return nil, fmt.Errorf("unknown check %q in checks (known: %s)", name, known())
		}
		if slices.Contains(as, a) {
			return nil, fmt.Errorf("check %q is listed twice in checks", name)
		}
		as = append(as, a)
	}
	return as, nil
}

// known lists the names checks accepts, sorted.
func known() string {
	names := make([]string, 0, len(analyzers.Suite))
	for _, a := range analyzers.Suite {
		names = append(names, a.Name)
	}
	slices.Sort(names)
	return strings.Join(names, ", ")
}

// BuildAnalyzers sets the thresholds and returns the selected analyzers.
//
// Every threshold is set, to its default when absent, so that the last
// configuration built wins completely, never half (see the package doc on
// one configuration per process).
//
// The analyzers are shallow copies. golangci-lint's metalinter maps each
// finding back to its linter through a map keyed by analyzer pointer, so an
// analyzer shared with another linter (govet's nilness) has an ambiguous
// owner by construction; a copy gives riskvet's its own identity. A copy
// shares the original's flags, run function and requirements, so it behaves
// identically.
func (p *Plugin) BuildAnalyzers() ([]*analysis.Analyzer, error) {
	for _, th := range thresholds {
		_, f := flagOf(th.analyzer, th.flag)
		v := f.DefValue
		if set := th.get(&p.settings); set != nil {
			v = strconv.Itoa(*set)
		}
		if err := f.Value.Set(v); err != nil {
			return nil, fmt.Errorf("riskvet: setting %s: %w", th.key, err)
		}
	}
	out := make([]*analysis.Analyzer, 0, len(p.analyzers))
	for _, a := range p.analyzers {
		c := *a
		out = append(out, &c)
	}
	return out, nil
}

// GetLoadMode reports that the analyzers need type information: genericdepth
// and constraintcoupling measure types, not syntax.
func (*Plugin) GetLoadMode() string {
	return register.LoadModeTypesInfo
}
