package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/riskvet/riskvet/analyzers"
	"github.com/riskvet/riskvet/internal/baseline"
	"github.com/riskvet/riskvet/internal/config"
	"github.com/riskvet/riskvet/internal/finding"
	"github.com/riskvet/riskvet/internal/progress"
	"github.com/riskvet/riskvet/phpcheck"
	"github.com/riskvet/riskvet/phpcheck/checks"
)

// settings are the flags the checking subcommands share for riskvet.toml,
// baselines and progress, and what they load.
type settings struct {
	name          string // "riskvet php", for messages
	configPath    string
	baseline      string
	baselineWrite string
	quiet         bool

	fs  *flag.FlagSet
	cfg *config.Config
}

// addSettings registers -config, -baseline, -baseline-write and -quiet.
func addSettings(fs *flag.FlagSet, name string) *settings {
	s := &settings{name: name, fs: fs}
	fs.StringVar(&s.configPath, "config", "", "read the configuration from `file` (default: riskvet.toml in the directory or a parent, up to the repository root); off: none")
	fs.StringVar(&s.baseline, "baseline", "", "report only findings not recorded in the baseline `file`")
	fs.StringVar(&s.baselineWrite, "baseline-write", "", "record the findings in the baseline `file` and report none")
	fs.BoolVar(&s.quiet, "quiet", false, "show no progress and no summary line on a terminal")
	return s
}

// set reports whether the flag was given on the command line.
func (s *settings) set(name string) bool {
	found := false
	s.fs.Visit(func(f *flag.Flag) { found = found || f.Name == name })
	return found
}

// load reads -config, or the riskvet.toml that applies to dir. The file is
// named relative to the working directory in errors when it can be.
func (s *settings) load(dir string) error {
	p := s.configPath
	switch p {
	case "off":
		s.cfg = &config.Config{Dir: dir}
		return nil
	case "":
		found, err := config.Find(dir)
		if err != nil {
			return err
		}
		if found == "" {
			abs, err := filepath.Abs(dir)
			s.cfg = &config.Config{Dir: abs}
			return err
		}
		p = found
		if wd, err := os.Getwd(); err == nil {
			if rel, err := filepath.Rel(wd, found); err == nil && !strings.HasPrefix(rel, "..") {
				p = rel
			}
		}
	}
	var err error
	s.cfg, err = config.Load(p)
	return err
}

// preparePHP loads the configuration and applies it to a PHP run over
// root, and adds the progress meter, which the caller closes.
func (s *settings) preparePHP(cfg *phpcheck.Config, root string, stderr io.Writer) (*progress.Meter, error) {
	if err := s.load(root); err != nil {
		return nil, err
	}
	if err := s.applyPHP(cfg, root); err != nil {
		return nil, err
	}
	m := s.meter(stderr)
	if m != nil {
		cfg.Progress = m
	}
	return m, nil
}

// meter returns the progress meter of a PHP run, or nil: it shows only on
// a terminal and without -quiet (and, inside progress, only for a run
// longer than a moment).
func (s *settings) meter(stderr io.Writer) *progress.Meter {
	return progress.New(stderr, !s.quiet && progress.IsTerminal(stderr), s.name, 0)
}

// resetAnalyzerFlags sets every Go analyzer flag to its default. The flags
// are package state: a run in the same process (a test, the demo) must not
// inherit the thresholds of the previous one.
func resetAnalyzerFlags() {
	for _, a := range analyzers.Suite {
		a.Flags.VisitAll(func(f *flag.Flag) { _ = f.Value.Set(f.DefValue) })
	}
}

// addCheckFlags registers every PHP check's flags on fs as -CHECK.FLAG
// (-nullderef.strict), as go vet names analyzer flags, after setting each
// to its default: the flags are package state, and a run in the same
// process (a test, the demo) must not inherit the previous run's values.
// A check's new flag needs no wiring here or in riskvet.toml.
func addCheckFlags(fs *flag.FlagSet) {
	for _, c := range checks.All {
		c.Flags.VisitAll(func(f *flag.Flag) {
			_ = f.Value.Set(f.DefValue)
			fs.Var(f.Value, c.Name+"."+f.Name, f.Usage)
		})
	}
}

// checkFlags returns the flags of the check named name, an analyzer of the
// Go suite or a PHP check, and whether it is a PHP check. A check's flags
// are set by name, through this one mapping, from every source: vet's and
// the standalone command's -NAME.FLAG, riskvet.toml's [NAME] tables
// (applySettings) and golangci-lint's settings (which name the same flags).
func checkFlags(name string) (fs *flag.FlagSet, php, ok bool) {
	if a := analyzers.ByName(name); a != nil {
		return &a.Flags, false, true
	}
	if c, ok := phpcheck.Lookup(checks.All, name); ok {
		return &c.Flags, true, true
	}
	return nil, false, false
}

// applySettings sets the checks' flags from riskvet.toml's tables named
// after a check ([genericdepth] max = 4, [nullderef] strict = true), as
// -genericdepth.max=4 and -nullderef.strict do, except the flags set
// reports given on the command line, which win. Without php (the Go
// linter, go vet) the PHP checks' tables are left alone. An unknown key or
// a bad value is an error at its line in the file. The standalone cache is
// keyed by the flags' values (cacheSalt), so a changed threshold never
// replays the findings of another.
func applySettings(cfg *config.Config, set func(name string) bool, php bool) error {
	for _, st := range cfg.Settings {
		fs, isPHP, ok := checkFlags(st.Check)
		if !ok {
			return cfg.Errorf(st, "%s has no settings in riskvet.toml", st.Check)
		}
		if isPHP && !php {
			continue
		}
		f := fs.Lookup(st.Key)
		if f == nil {
			var keys []string
			fs.VisitAll(func(f *flag.Flag) { keys = append(keys, f.Name) })
			if len(keys) == 0 {
				return cfg.Errorf(st, "unknown setting: %s has none", st.Check)
			}
			return cfg.Errorf(st, "unknown setting (%s has %s)", st.Check, strings.Join(keys, ", "))
		}
		if set(st.Check + "." + st.Key) {
			continue
		}
		if b, ok := f.Value.(interface{ IsBoolFlag() bool }); ok && b.IsBoolFlag() && !st.Bool {
			return cfg.Errorf(st, "want true or false, not %q", st.Value)
		}
		if err := f.Value.Set(st.Value); err != nil {
			return cfg.Errorf(st, "%v", err)
		}
	}
	return nil
}

// applyPHP applies the configuration to a PHP run over root, for what no
// flag set: the checks (every check an override enables), the checks'
// settings, the extensions, and the per-path checks and excludes, which
// the driver applies before checking: a check off for a file, or any in an
// excluded file, does not run on it.
func (s *settings) applyPHP(cfg *phpcheck.Config, root string) error {
	if err := applySettings(s.cfg, s.set, true); err != nil {
		return err
	}
	c := s.cfg
	if !s.set("checks") {
		on := map[string]bool{}
		for _, ch := range cfg.Checkers {
			on[ch.Name] = true
		}
		for _, n := range c.Disable {
			on[n] = false
		}
		for _, n := range c.Enable {
			on[n] = true
		}
		for _, o := range c.Overrides {
			for _, n := range o.Enable {
				on[n] = true
			}
		}
		var names []string
		for _, ch := range cfg.Checkers {
			if on[ch.Name] {
				names = append(names, ch.Name)
			}
		}
		slices.Sort(names)
		cfg.Checks = append([]string{}, names...) // non-nil: exactly these
	}
	if !s.set("ext") && len(c.Extensions) > 0 {
		cfg.Extensions = c.Extensions
	}
	// An excluded file is only indexed: no check runs on it, and -fix
	// does not edit it (its findings are never reported, so an edit
	// there would be one nobody was shown).
	cfg.Enabled = func(rel, check string) bool { return !s.dropped(filepath.Join(root, rel), check) }
	return nil
}

// enabled reports whether rule is reported in the file at p.
func (s *settings) enabled(p, rule string) bool {
	if s.set("checks") {
		// The flag chose the checks; only the per-path overrides remain.
		return !s.cfg.Disabled(p, rule)
	}
	return s.cfg.Enabled(p, rule, true)
}

// dropped reports whether the findings of rule in the file at p are not
// reported: the file is excluded, or rule is off there.
func (s *settings) dropped(p, rule string) bool {
	return s.cfg.Excluded(p) || !s.enabled(p, rule)
}

// goOff returns the per-path settings of a Go run (gocheck.Config Off and
// OffID): whether a check's findings in a file are dropped, and what
// identifies those answers for the result cache.
func (s *settings) goOff() (func(p, rule string) bool, string) {
	return s.dropped, fmt.Sprintf("%s checks=%t", s.cfg.Hash(), s.set("checks"))
}

// unlistExcluded leaves the files the configuration excludes out of rep's
// list of scanned files, whose lines the risk matrix counts. Paths in rep
// are relative to root. The drivers read an excluded file (the PHP symbol
// index takes its declarations, a Go package type-checks with it) and list
// it; its findings they never report, since per-path settings decide each
// finding as it is reported, in every mode (phpcheck.Config.Enabled,
// gocheck.Config.Off, and gocheck.PerPath under go vet).
func (s *settings) unlistExcluded(rep *finding.Report, root string) {
	rep.Files = slices.DeleteFunc(rep.Files, func(f finding.FileStat) bool {
		p := f.Path
		if !filepath.IsAbs(p) {
			p = filepath.Join(root, filepath.FromSlash(p))
		}
		return s.cfg.Excluded(p)
	})
}

// applyBaseline writes the findings of rep to -baseline-write and empties
// them, or removes the findings -baseline records. Paths in rep are
// relative to root. It reports what it did on stderr.
func (s *settings) applyBaseline(rep *finding.Report, root string, stderr io.Writer) error {
	read := func(file string) ([]byte, error) {
		if filepath.IsAbs(file) {
			return os.ReadFile(file)
		}
		return os.ReadFile(filepath.Join(root, filepath.FromSlash(file)))
	}
	if s.baselineWrite != "" {
		b := baseline.New(rep.Findings, read)
		var buf bytes.Buffer
		if err := b.Write(&buf); err != nil {
			return err
		}
		if err := os.WriteFile(s.baselineWrite, buf.Bytes(), 0o644); err != nil {
			return err
		}
		fmt.Fprintf(stderr, "baseline: %d findings recorded in %s\n", b.Len(), s.baselineWrite)
		rep.Findings = []finding.Finding{}
		return nil
	}
	if s.baseline == "" {
		return nil
	}
	f, err := os.Open(s.baseline)
	if err != nil {
		return err
	}
	defer f.Close()
	b, err := baseline.Read(f)
	if err != nil {
		return fmt.Errorf("%s: %v", s.baseline, err)
	}
	fresh, gone := b.Filter(rep.Findings, read)
	if gone > 0 {
		fmt.Fprintf(stderr, "baseline: %d %s (fixed)\n", gone, plural(gone, "entry no longer matches", "entries no longer match"))
	}
	rep.Findings = fresh
	return nil
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
