package main

import (
	"cmp"
	"crypto/sha256"
	"errors"
	"flag"
	"fmt"
	"go/scanner"
	"go/token"
	"go/types"
	"io"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"
	"honnef.co/go/tools/analysis/lint"
	"honnef.co/go/tools/config"
	"honnef.co/go/tools/go/buildid"
	"honnef.co/go/tools/go/loader"
	"honnef.co/go/tools/lintcmd/cache"
	"honnef.co/go/tools/lintcmd/runner"

	"github.com/riskvet/riskvet/analyzers"
	"github.com/riskvet/riskvet/analyzers/singleinst"
	"github.com/riskvet/riskvet/internal/finding"
	"github.com/riskvet/riskvet/internal/position"
	"github.com/riskvet/riskvet/internal/rules"
	"github.com/riskvet/riskvet/internal/version"
)

// directiveRule is the rule of findings about //lint:ignore directives
// themselves: one without a reason, or one that suppresses nothing.
const directiveRule = "lintdirective"

// engineOptions configure one standalone analysis run.
type engineOptions struct {
	// Dir is the directory patterns are resolved in and report paths are
	// relative to; empty means the current directory.
	Dir      string
	Patterns []string
	// Checks is staticcheck's -checks list ("all,-nilness"); nil means
	// "inherit": the defaults, or a staticcheck.conf.
	Checks []string
	// Tests includes the packages' test files.
	Tests bool
	// Tags are build tags, comma-separated.
	Tags string
	// GoVersion is the targeted Go version ("go1.22"), or "module".
	GoVersion string
}

// analyze runs the suite on the packages matching opt.Patterns with
// staticcheck's runner, which analyzes one package at a time and keeps
// results in an on-disk cache rather than in memory: that is what keeps
// `riskvet std` far below a go/packages multichecker, which holds every
// package's syntax and types at once. Warnings (patterns that match nothing)
// go to stderr; packages that fail to load or type-check are returned in
// Report.Errors, not as an error.
// goMemoryLimit is the standalone Go linter's default soft heap limit.
const goMemoryLimit = 512 << 20

func analyze(opt engineOptions, stderr io.Writer) (*finding.Report, error) {
	dir, err := filepath.Abs(cmp.Or(opt.Dir, "."))
	if err != nil {
		return nil, err
	}
	// The SSA and IR forms built for the packages analyzed in parallel are
	// large and short-lived; a soft heap limit has the collector reclaim
	// them before the heap doubles: on std, a lower peak at no measurable
	// cost in time (bench/go.sh standalone). GOMEMLIMIT, when set, wins.
	if os.Getenv("GOMEMLIMIT") == "" {
		defer debug.SetMemoryLimit(debug.SetMemoryLimit(goMemoryLimit))
	}
	// The whole module is loaded: singleinst can count the instantiations
	// of its internal packages' generics in every package (moduleFindings).
	singleinst.ModuleScope = true
	suite := analyzers.Lint()
	byName := map[string]*lint.Analyzer{}
	names := make([]string, 0, len(suite))
	for _, a := range suite {
		byName[strings.ToLower(a.Analyzer.Name)] = a
		names = append(names, strings.ToLower(a.Analyzer.Name))
	}

	// staticcheck.conf files inherit from DefaultConfig; as lintcmd does,
	// its checks become "all" minus the checks that are off by default.
	defaults := []string{"all"}
	for _, a := range suite {
		if a.Doc != nil && a.Doc.NonDefault {
			defaults = append(defaults, "-"+a.Analyzer.Name)
		}
	}
	config.DefaultConfig.Checks = defaults

	c, err := openCache()
	if err != nil {
		return nil, err
	}
	defer c.Close()
	salt, err := cacheSalt()
	if err != nil {
		return nil, err
	}
	cache.SetSalt(salt)

	checks := opt.Checks
	if checks == nil {
		checks = []string{"inherit"}
	}
	r, err := runner.New(config.Config{Checks: checks}, c)
	if err != nil {
		return nil, err
	}
	r.GoVersion = cmp.Or(opt.GoVersion, "module")
	cfg := &packages.Config{Dir: dir, Tests: opt.Tests, Env: os.Environ()}
	if opt.Tags != "" {
		cfg.BuildFlags = []string{"-tags", opt.Tags}
	}
	as := make([]*analysis.Analyzer, len(suite))
	for i, a := range suite {
		as[i] = reportAs(a.Analyzer)
	}
	results, err := r.Run(cfg, as, opt.Patterns)
	if err != nil {
		return nil, err
	}
	if len(results) == 0 {
		for _, p := range opt.Patterns {
			fmt.Fprintf(stderr, "riskvet: warning: %q matched no packages\n", p)
		}
	}

	rep := &finding.Report{Tool: finding.Tool{Name: "riskvet", Version: version.String()}, Root: filepath.ToSlash(dir)}
	diags, checked, err := collect(results, names, rep, stderr)
	if err != nil {
		return nil, err
	}
	for _, f := range checked {
		src, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		rep.Files = append(rep.Files, finding.FileStat{Path: relPath(dir, f), Language: finding.Go, Lines: position.NewFile(src).CodeLines()})
	}
	for _, d := range moduleFindings(diags) {
		rep.Findings = append(rep.Findings, toFinding(dir, d, byName))
	}
	for i, e := range rep.Errors {
		if e.File == "" {
			continue
		}
		if !filepath.IsAbs(e.File) {
			e.File = filepath.Join(dir, e.File)
		}
		rep.Errors[i].File = relPath(dir, e.File)
	}
	rep.Normalize()
	rep.Errors = slices.Compact(rep.Errors)
	return rep, nil
}

// collect gathers the wanted diagnostics of the initial packages, and the Go
// files they were found in; load and type errors go to rep.Errors. A
// diagnostic is wanted when its check is enabled for its package (-checks,
// staticcheck.conf) and no //lint:ignore directive suppresses it.
func collect(results []runner.Result, names []string, rep *finding.Report, stderr io.Writer) ([]runner.Diagnostic, []string, error) {
	type key struct {
		pos, end          token.Position
		category, message string
	}
	seen := map[key]bool{}
	checked := map[string]bool{}
	var diags []runner.Diagnostic
	for _, res := range results {
		switch {
		case res.Failed:
			rep.Errors = append(rep.Errors, loadErrors(res.Errors)...)
			continue
		case res.Skipped:
			fmt.Fprintf(stderr, "riskvet: warning: skipped package %s because it is too large\n", res.Package)
			continue
		case !res.Initial:
			continue // a dependency, analyzed for its facts only
		}
		for _, f := range res.Package.GoFiles {
			if ownFile(res.Package, f) {
				checked[f] = true
			}
		}
		data, err := res.Load()
		if err != nil {
			return nil, nil, err
		}
		enabled := enabledChecks(names, res.Config.Checks)
		var kept []runner.Diagnostic
		for _, d := range data.Diagnostics {
			if isEnabled(enabled, names, d.Category) {
				kept = append(kept, d)
			}
		}
		// A file is in several packages when tests are included (p and
		// p [p.test]); report its findings once.
		for _, d := range applyIgnores(kept, data.Directives, enabled) {
			k := key{d.Position, d.End, d.Category, d.Message}
			if !seen[k] {
				seen[k] = true
				diags = append(diags, d)
			}
		}
	}
	files := slices.Sorted(maps.Keys(checked))
	return diags, files, nil
}

// ownFile reports whether file is one of the module's own source files
// rather than one the go command wrote: the main package `go test` generates
// for a test binary lives in the build cache. A package without a module
// (the standard library, GOPATH) keeps every file.
func ownFile(p *loader.PackageSpec, file string) bool {
	if strings.HasSuffix(p.PkgPath, ".test") {
		return false // the generated test main
	}
	if p.Module == nil || p.Module.Dir == "" {
		return true
	}
	rel, err := filepath.Rel(p.Module.Dir, file)
	return err == nil && filepath.IsLocal(rel)
}

// moduleFindings replaces singleinst's per-package records with the
// module-wide findings they add up to; other diagnostics pass through. A
// declaration's records from a package and its test variant become one
// finding.
func moduleFindings(diags []runner.Diagnostic) []runner.Diagnostic {
	m := singleinst.NewModule()
	record := make([]bool, len(diags))
	for i, d := range diags {
		record[i] = m.Add(d.Message)
	}
	type key struct {
		pos     token.Position
		message string
	}
	seen := map[key]bool{}
	var out []runner.Diagnostic
	for i, d := range diags {
		if record[i] {
			msg, ok := m.Finding(d.Message)
			if !ok || seen[key{d.Position, msg}] {
				continue
			}
			seen[key{d.Position, msg}] = true
			d.Message = msg
		}
		out = append(out, d)
	}
	return out
}

// toFinding converts one of the runner's diagnostics, its category being
// the rule, with its path relative to dir.
func toFinding(dir string, d runner.Diagnostic, byName map[string]*lint.Analyzer) finding.Finding {
	f := finding.Finding{
		Rule:     d.Category,
		Engine:   "riskvet",
		Language: finding.Go,
		File:     relPath(dir, d.Position.Filename),
		Line:     d.Position.Line,
		Column:   d.Position.Column,
		Message:  d.Message,
	}
	if d.End.IsValid() && d.End.Filename == d.Position.Filename && d.End != d.Position {
		f.EndLine, f.EndColumn = d.End.Line, d.End.Column
	}
	if r, ok := rules.Lookup(d.Category); ok {
		f.Severity = r.Severity
	} else if a := byName[strings.ToLower(d.Category)]; a != nil && a.Doc != nil {
		f.Severity = severityName(a.Doc.Severity)
	}
	return f
}

// reportAs returns a copy of a whose diagnostics all carry a's name as
// their Category. The runner, like lintcmd, takes a diagnostic's Category
// as its check name, and some analyzers set their own: x/tools nilness
// reports "nilderef", which no -checks entry or rule names. The copy keeps
// a's name, requirements, facts and result type, so the runner's cache and
// graph treat it as a; an analyzer of the suite that another one of the
// suite required would run twice, which none does.
func reportAs(a *analysis.Analyzer) *analysis.Analyzer {
	c := *a
	c.Run = func(pass *analysis.Pass) (any, error) {
		p := *pass
		p.Report = func(d analysis.Diagnostic) {
			d.Category = a.Name
			pass.Report(d)
		}
		return a.Run(&p)
	}
	return &c
}

// openCache opens riskvet's result cache: $RISKVET_CACHE, or "riskvet"
// under the user's cache directory. It is staticcheck's cache format, kept
// apart from staticcheck's own so that trimming one never empties the other.
func openCache() (*cache.DiskCache, error) {
	dir := os.Getenv("RISKVET_CACHE")
	if dir == "" {
		base, err := os.UserCacheDir()
		if err != nil {
			return nil, fmt.Errorf("RISKVET_CACHE is not set and %v", err)
		}
		dir = filepath.Join(base, "riskvet")
	} else if !filepath.IsAbs(dir) {
		return nil, fmt.Errorf("RISKVET_CACHE is not an absolute path: %s", dir)
	}
	if err := os.MkdirAll(dir, 0o777); err != nil {
		return nil, err
	}
	return cache.Open(dir)
}

// cacheSalt keys every cache entry by the executable and by the value of
// every analyzer flag. The runner hashes a package's sources, its
// dependencies' facts and the analyzers' names, but not their flags: without
// the flags in the salt, a run with -genericdepth.max=5 would replay the
// findings cached by a run at the default 3.
func cacheSalt() ([]byte, error) {
	h := sha256.New()
	exe, err := os.Executable()
	if err != nil {
		return nil, err
	}
	if id, err := buildid.ReadFile(exe); err == nil {
		fmt.Fprintf(h, "buildid %s\n", id)
	} else {
		// No build ID (a stripped or unusual binary): hash the whole file.
		f, err := os.Open(exe)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		if _, err := io.Copy(h, f); err != nil {
			return nil, err
		}
	}
	for _, a := range analyzers.Suite {
		a.Flags.VisitAll(func(f *flag.Flag) {
			fmt.Fprintf(h, "flag %s.%s=%q\n", a.Name, f.Name, f.Value.String())
		})
	}
	return h.Sum(nil), nil
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

// applyIgnores applies //lint:ignore and //lint:file-ignore directives as
// staticcheck does: "//lint:ignore CHECK[,CHECK] reason" on the line above
// (or at the end of) a statement suppresses those checks' findings on that
// node's line; the reason is required. A malformed directive, or a line
// directive for an enabled check that suppressed nothing, is itself
// reported under directiveRule, so that stale suppressions do not pile up.
func applyIgnores(diags []runner.Diagnostic, dirs []runner.SerializedDirective, enabled map[string]bool) []runner.Diagnostic {
	suppressed := make([]bool, len(diags))
	var extra []runner.Diagnostic
	for _, dir := range dirs {
		if dir.Command != "ignore" && dir.Command != "file-ignore" {
			continue
		}
		if len(dir.Arguments) < 2 {
			extra = append(extra, runner.Diagnostic{
				Position: dir.DirectivePosition,
				Category: directiveRule,
				Message:  fmt.Sprintf("malformed //lint:%s directive: want //lint:%[1]s CHECK[,CHECK] reason", dir.Command),
			})
			continue
		}
		checks := strings.Split(strings.ToLower(dir.Arguments[0]), ",")
		matched, relevant := false, false
		for _, c := range checks {
			if enabled[c] {
				relevant = true
			}
		}
		for i, d := range diags {
			if d.Position.Filename != dir.NodePosition.Filename {
				continue
			}
			if dir.Command == "ignore" && d.Position.Line != dir.NodePosition.Line {
				continue
			}
			if suppresses(checks, d.Category) {
				suppressed[i], matched = true, true
			}
		}
		if dir.Command == "ignore" && !matched && relevant {
			extra = append(extra, runner.Diagnostic{
				Position: dir.DirectivePosition,
				Category: directiveRule,
				Message:  fmt.Sprintf("//lint:ignore %s suppresses no finding on this line", dir.Arguments[0]),
			})
		}
	}
	out := extra
	for i, d := range diags {
		if !suppressed[i] {
			out = append(out, d)
		}
	}
	return out
}

// suppresses reports whether a directive naming checks (names or
// patterns such as "SA4*", in any case) covers rule, as staticcheck
// matches them.
func suppresses(checks []string, rule string) bool {
	rule = strings.ToLower(rule)
	for _, c := range checks {
		if ok, _ := filepath.Match(strings.ToLower(c), rule); ok {
			return true
		}
	}
	return false
}

// posPrefix matches the "file:line:col" or "file:line" that starts a go
// list or type checker message.
var posPrefix = regexp.MustCompile(`^(.+?):(\d+)(?::(\d+))?: `)

// loadErrors converts the errors of a package that failed to load or
// type-check into report errors with the position go vet would print.
// Relative paths in go list's messages are left relative to the directory
// go list ran in.
func loadErrors(errs []error) []finding.Error {
	var out []finding.Error
	for _, err := range errs {
		var perr packages.Error
		var terr types.Error
		var serr scanner.ErrorList
		switch {
		case errors.As(err, &perr) && perr.Pos != "" && perr.Pos != "-":
			file, line, col := splitPos(perr.Pos + ": ")
			out = append(out, finding.Error{File: file, Line: line, Column: col, Message: strings.TrimPrefix(perr.Msg, "\n")})
		case errors.As(err, &perr):
			out = append(out, messageErrors(perr.Msg)...)
		case errors.As(err, &terr):
			p := terr.Fset.Position(terr.Pos)
			out = append(out, finding.Error{File: p.Filename, Line: p.Line, Column: p.Column, Message: terr.Msg})
		case errors.As(err, &serr) && len(serr) > 0:
			for _, e := range serr {
				out = append(out, finding.Error{File: e.Pos.Filename, Line: e.Pos.Line, Column: e.Pos.Column, Message: e.Msg})
			}
		default:
			out = append(out, messageErrors(err.Error())...)
		}
	}
	return out
}

// messageErrors splits the text of a go list or compiler failure, such as
// "# example.com/p\n./p.go:3:13: cannot use ...", into one error per
// positioned line. "# package" headers are dropped; indented continuation
// lines stay with the error above them.
func messageErrors(msg string) []finding.Error {
	var out []finding.Error
	for _, line := range strings.Split(strings.TrimSpace(msg), "\n") {
		switch {
		case strings.HasPrefix(line, "# "):
			continue
		case posPrefix.MatchString(line):
			m := posPrefix.FindString(line)
			file, l, c := splitPos(m)
			out = append(out, finding.Error{File: file, Line: l, Column: c, Message: line[len(m):]})
		case len(out) > 0:
			out[len(out)-1].Message += "\n" + line
		default:
			out = append(out, finding.Error{Message: line})
		}
	}
	return out
}

// splitPos splits a "file:line[:col]: " prefix.
func splitPos(s string) (file string, line, col int) {
	m := posPrefix.FindStringSubmatch(s)
	if m == nil {
		return strings.TrimSuffix(s, ": "), 0, 0
	}
	line, _ = strconv.Atoi(m[2])
	col, _ = strconv.Atoi(m[3])
	return m[1], line, col
}

// relPath returns path relative to dir with forward slashes when it lies
// inside dir, and the absolute path otherwise (a file of the standard
// library or of another module).
func relPath(dir, path string) string {
	if rel, err := filepath.Rel(dir, path); err == nil && filepath.IsLocal(rel) {
		return filepath.ToSlash(rel)
	}
	return filepath.ToSlash(path)
}

// severityName maps staticcheck's documented severities to riskvet's.
func severityName(s lint.Severity) string {
	switch s {
	case lint.SeverityError:
		return "error"
	case lint.SeverityInfo, lint.SeverityHint:
		return "info"
	default:
		return "warning"
	}
}

// positionString formats a position as go vet does: "file:line:col".
func positionString(file string, line, col int) string {
	switch {
	case line == 0:
		return file
	case col == 0:
		return fmt.Sprintf("%s:%d", file, line)
	}
	return fmt.Sprintf("%s:%d:%d", file, line, col)
}
