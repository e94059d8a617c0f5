package gocheck

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode"

	"github.com/BurntSushi/toml"
	"honnef.co/go/tools/analysis/lint"
	"honnef.co/go/tools/config"
	"honnef.co/go/tools/go/loader"

	"github.com/riskvet/riskvet/analyzers"
)

// ParseChecks splits a -checks value ("all,-nilness") into the list
// [Config.Checks] takes, and rejects an entry that names no check of the
// suite, naming the closest it knows: a typo would otherwise run nothing
// and exit 0. "" is nil, which inherits.
func ParseChecks(list string) ([]string, error) {
	var checks []string
	if list != "" {
		for _, c := range strings.Split(list, ",") {
			checks = append(checks, strings.TrimSpace(c))
		}
	}
	if err := checkNames(checks); err != nil {
		return nil, err
	}
	return checks, nil
}

// checkNames reports the first entry of a -checks list that names no
// check of the suite, with the closest name it knows: a typo would
// otherwise run nothing and exit 0. "all", "*", "inherit" and patterns
// ending in "*" are accepted, as staticcheck accepts them.
func checkNames(checks []string) error {
	var names []string
	for _, a := range analyzers.Suite {
		names = append(names, a.Name)
	}
	for _, c := range checks {
		name := strings.TrimPrefix(c, "-")
		switch {
		case name == "all" || name == "inherit" || strings.HasSuffix(name, "*"):
			continue
		case slices.ContainsFunc(names, func(n string) bool { return strings.EqualFold(n, name) }):
			continue
		case name == "":
			return fmt.Errorf("empty entry in -checks %q", strings.Join(checks, ","))
		}
		best, dist := "", len(name)
		for _, n := range names {
			if d := editDistance(strings.ToLower(name), strings.ToLower(n)); d < dist {
				best, dist = n, d
			}
		}
		if best == "" || dist > max(2, len(name)/3) {
			return fmt.Errorf("unknown check %q in -checks; `riskvet help` lists the checks", name)
		}
		return fmt.Errorf("unknown check %q in -checks; did you mean %s?", name, best)
	}
	return nil
}

// editDistance returns the Levenshtein distance between a and b, in bytes.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// checksFor resolves the checks list in force for each package: riskvet's
// defaults (every check but those off by default), then the package's
// staticcheck.conf files from the outermost directory in, then the run's
// -checks, each "inherit" standing for the list before it, as staticcheck
// merges them. lintcmd sets the defaults by writing staticcheck's global
// config.DefaultConfig, where the loader's package configurations start;
// riskvet leaves that global as it is and reads the staticcheck.conf files
// itself.
type checksFor struct {
	defaults, checks []string
	byDir            map[string][]string
}

// newChecksFor returns the resolver for a run of suite with the -checks
// list checks (nil: inherit).
func newChecksFor(suite []*lint.Analyzer, checks []string) *checksFor {
	defaults := []string{"all"}
	for _, a := range suite {
		if a.Doc != nil && a.Doc.NonDefault {
			defaults = append(defaults, "-"+a.Analyzer.Name)
		}
	}
	return &checksFor{defaults: defaults, checks: checks, byDir: map[string][]string{}}
}

// of returns the checks list in force for p. Each "inherit" is resolved
// by staticcheck's own merge (config.Config.Merge); a nil list inherits.
func (c *checksFor) of(p *loader.PackageSpec) []string {
	dir := config.Dir(p.GoFiles)
	if list, ok := c.byDir[dir]; ok {
		return list
	}
	conf := config.Config{Checks: c.defaults}
	if dir != "" {
		for _, checks := range staticcheckConfs(dir) {
			conf = conf.Merge(config.Config{Checks: checks})
		}
	}
	conf = conf.Merge(config.Config{Checks: c.checks})
	c.byDir[dir] = conf.Checks
	return conf.Checks
}

// staticcheckConfs returns the checks lists of the staticcheck.conf files
// in dir and its parents, outermost first, as staticcheck finds them. A
// file without a checks key adds nothing; one that cannot be read or parsed
// is left out: the loader reports it as an error of the package, which is
// then not checked.
func staticcheckConfs(dir string) [][]string {
	var out [][]string
	for {
		p := filepath.Join(dir, config.ConfigName)
		if fi, err := os.Stat(p); err == nil && fi.Mode().IsRegular() {
			var conf struct {
				Checks []string `toml:"checks"`
			}
			if _, err := toml.DecodeFile(p, &conf); err == nil && conf.Checks != nil {
				out = append(out, conf.Checks)
			}
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			break
		}
		dir = parent
	}
	slices.Reverse(out)
	return out
}

// enabledChecks resolves a -checks list ("all", "-nilness", "SA5*",
// "SA50*", literal names, matched without case) against the suite's
// names, as staticcheck does. A later entry overrides an earlier one.
func enabledChecks(names, checks []string) map[string]bool {
	out := map[string]bool{}
	for _, c := range checks {
		c = strings.ToLower(c)
		on := true
		if len(c) > 1 && c[0] == '-' {
			on, c = false, c[1:]
		}
		switch {
		case c == "all" || c == "*":
			for _, n := range names {
				out[n] = on
			}
		case strings.HasSuffix(c, "*"):
			prefix := strings.TrimSuffix(c, "*")
			// "S*" is a category and matches S1000 but not SA1000;
			// "S1*" is a prefix.
			isCategory := strings.IndexFunc(prefix, unicode.IsNumber) < 0
			for _, n := range names {
				if isCategory {
					cat := n
					if i := strings.IndexFunc(n, unicode.IsNumber); i >= 0 {
						cat = n[:i]
					}
					if cat == prefix {
						out[n] = on
					}
				} else if strings.HasPrefix(n, prefix) {
					out[n] = on
				}
			}
		default:
			out[c] = on
		}
	}
	return out
}

// isEnabled reports whether a diagnostic of the given category is wanted.
// The runner names a diagnostic by its Category, which defaults to the
// analyzer's name. lintcmd drops a diagnostic whose category names no
// analyzer; riskvet keeps it when -checks enables everything, so that an
// analyzer that sets its own Category is never silenced by accident.
func isEnabled(enabled map[string]bool, names []string, category string) bool {
	category = strings.ToLower(category)
	if on, ok := enabled[category]; ok {
		return on
	}
	if slices.Contains(names, category) {
		return false
	}
	for _, n := range names {
		if !enabled[n] {
			return false
		}
	}
	return true
}
