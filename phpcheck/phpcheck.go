// Package phpcheck is riskvet's PHP checker driver: it finds the PHP files
// under the given paths, builds the symbol index of the whole tree in a
// first parallel pass, then runs the checks that read the index over every
// file in a second parallel pass, and returns the findings as a
// [finding.Report].
//
// Memory stays proportional to the index and the source, not to the
// trees: each pass parses a file, uses its AST and drops it, so a file may
// be parsed twice rather than every AST held at once (an AST takes about 40
// times its source). The first pass keeps the content of the files the
// second will parse, so each file is read once. To keep the cost near one parse, the first
// pass also runs the checks that do not read the index ([check.Checker]
// Local), and the second pass parses only the files that one of its checks
// finds relevant ([check.Checker] Relevant).
//
// A file the parser rejects (or crashes on, or that is larger than
// Config.MaxBytes) yields exactly one parseerror finding and no other; a
// file that cannot be read is recorded in Report.Errors and the others are
// still checked. Malformed riskvet:ignore directives are reported as
// badignore.
package phpcheck

import (
	"bytes"
	"cmp"
	"fmt"
	"os"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/riskvet/riskvet/internal/finding"
	"github.com/riskvet/riskvet/internal/position"
	"github.com/riskvet/riskvet/internal/version"
	"github.com/riskvet/riskvet/phpcheck/check"
	"github.com/riskvet/riskvet/phpcheck/index"
	"github.com/riskvet/riskvet/phpcheck/internal/cache"
	"github.com/riskvet/riskvet/phpcheck/internal/phpfile"
)

// Config configures a run.
type Config struct {
	// Paths are the files and directories to check.
	Paths []string
	// Root is the directory that finding paths are relative to.
	Root string
	// Extensions are the file extensions checked in directories (".php").
	Extensions []string
	// Exclude holds glob patterns of paths to skip, relative to Root, as
	// riskvet.toml's exclude (config.Match): "**" spans directories, a
	// pattern without a slash matches at any depth, and a directory's
	// pattern skips everything under it.
	Exclude []string
	// Checkers are the checks the run may use, in the order they run on
	// a file (the riskvet command passes phpcheck/checks.All); the driver
	// imports none by name. parseerror and badignore are the driver's own
	// (Rules) and need no entry.
	Checkers []*check.Checker
	// Checks names the enabled checks among Checkers; nil means all of
	// them.
	Checks []string
	// Workers is the number of parallel workers; 0 means GOMAXPROCS.
	Workers int
	// SkipDirs names directories never descended into; nil means
	// DefaultSkipDirs.
	SkipDirs []string
	// Fix rewrites files to apply the checks' fixes (stricttypes inserts
	// the declaration); fixed findings are not reported.
	Fix bool
	// MaxBytes is the size above which a file is not parsed but reported
	// as parseerror; 0 means DefaultMaxBytes, negative means no limit.
	MaxBytes int64
	// ParseOnly parses every file once and runs no check or index pass;
	// it exists to measure the cost of checking against parsing alone.
	ParseOnly bool
	// CacheDir is the directory of the per-file result cache (package
	// phpcheck/internal/cache); "" runs without one. -fix and ParseOnly
	// never use it.
	CacheDir string
	// Shard, when set, checks and reports only a share of the files,
	// each with the index of all of them.
	Shard Shard
	// Stats, when not nil, is filled with counts of the run's work.
	Stats *Stats
	// Project holds files and directories whose PHP files go into the
	// symbol index without being checked or reported: a pre-commit hook
	// checks the staged files (Paths) against the whole project.
	Project []string
	// Partial says that the index may lack declarations the checked
	// files use (a file checked alone, outside any project): a
	// riskvet:ignore directive naming a check that reads the index is
	// then never reported as unused, since the finding it silences may
	// need a declaration the run did not see.
	Partial bool
	// Enabled, when set, reports whether a rule is on for a file (by its
	// path relative to Root): riskvet.toml's per-path overrides. A check
	// off for a file does not run on it, and the report leaves out the
	// findings of rules off for their file (parseerror and badignore
	// too). One exception keeps riskvet:ignore directives judged as in a
	// run of every check: without Fix, a check off for a file whose
	// directives may name it still runs there, and its findings are
	// dropped after they were matched with the directives. The result
	// cache keys a file's entry by the checks on for it.
	Enabled func(rel, check string) bool
	// Progress, when set, is told how many files the run covers, then
	// each file finished, from several goroutines.
	Progress Progress
	// Skipped, when set, is told of each symlink under Paths that the walk
	// does not follow (dangling, leading out of the checked paths, or to
	// something that is not a regular file), with its path relative to
	// Root and the reason, so that the caller can say what was left out.
	Skipped func(path, reason string)
	// Lines, when set, receives the lines of each checked file's
	// findings, as the last pass over it held them, so that the placement
	// of the findings (report.Options.Lines) does not read the file
	// again. A file the result cache answered for is not added.
	Lines *position.Cache
}

// Progress follows a run.
type Progress interface {
	Start(total int)
	Add(n int)
}

// DefaultSkipDirs are directories of dependencies and VCS metadata.
var DefaultSkipDirs = []string{"vendor", "node_modules", ".git"}

// DefaultMaxBytes is the default size limit of a parsed file. php-parser
// needs about 70 bytes of heap per byte of source (a 50 MB file takes
// 3.5 GB and a minute of CPU), so one huge generated file could exhaust a
// CI machine; 16 MB is far above any hand-written PHP file (the largest in
// WordPress, MediaWiki and phpMyAdmin are under 2 MB).
const DefaultMaxBytes = 16 << 20

// DefaultExtensions are the extensions of PHP files found in directories.
var DefaultExtensions = []string{".php"}

// Lookup returns the check named name among checks.
func Lookup(checks []*check.Checker, name string) (*check.Checker, bool) {
	for _, c := range checks {
		if c.Name == name {
			return c, true
		}
	}
	return nil, false
}

// ParseChecks turns a -checks value into names of checks: a
// comma-separated list of names, "all", and "-name" to leave one out. A
// list that starts with "-name" starts from all checks.
func ParseChecks(checks []*check.Checker, spec string) ([]string, error) {
	var on []string
	items := strings.Split(spec, ",")
	if strings.HasPrefix(strings.TrimSpace(items[0]), "-") {
		items = append([]string{"all"}, items...)
	}
	for _, it := range items {
		it = strings.TrimSpace(it)
		switch {
		case it == "":
		case it == "all":
			for _, c := range checks {
				on = append(on, c.Name)
			}
		case strings.HasPrefix(it, "-"):
			name := it[1:]
			if _, ok := Lookup(checks, name); !ok {
				return nil, fmt.Errorf("unknown check %q", name)
			}
			on = slices.DeleteFunc(on, func(s string) bool { return s == name })
		default:
			if _, ok := Lookup(checks, it); !ok {
				return nil, fmt.Errorf("unknown check %q", it)
			}
			on = append(on, it)
		}
	}
	slices.Sort(on)
	return slices.Compact(on), nil
}

func (cfg *Config) checkers() ([]*check.Checker, error) {
	if len(cfg.Checkers) == 0 && !cfg.ParseOnly {
		return nil, fmt.Errorf("no checks given (Config.Checkers)")
	}
	if cfg.Checks == nil {
		return slices.Clone(cfg.Checkers), nil
	}
	var out []*check.Checker
	for _, name := range cfg.Checks {
		c, ok := Lookup(cfg.Checkers, name)
		if !ok {
			return nil, fmt.Errorf("unknown check %q", name)
		}
		out = append(out, c)
	}
	return out, nil
}

// fileResult is what the passes learn about one file: the result the
// cache keeps, and what only this run needs.
type fileResult struct {
	cache.Result
	err    *finding.Error
	unread bool // could not be read: not a scanned file
	// src is the content the first pass read, kept for the second pass
	// when it will parse the file again, so that both see the same bytes
	// and the file is read once.
	src []byte
	// plain: src needed no rewrite to parse (see phpfile.ParsePlain), so
	// the second pass's parse of the same bytes skips the scan.
	plain bool
	// after holds the second-pass checks' answers to "may you report
	// here?" that wait for the index (check.After), when no check
	// answered yes from the file alone.
	after []check.Relevance
}

// relevant reports whether a second-pass check may report in the file,
// asking ix the questions that waited for it.
func (r *fileResult) relevant(ix *index.Index) bool {
	if r.after == nil {
		return true
	}
	for _, rel := range r.after {
		if rel.Ask(ix) {
			return true
		}
	}
	return false
}

// Run checks the PHP files under cfg.Paths and returns their findings, the
// scanned files with their line counts, and the files that could not be read.
// The error is for a bad configuration only.
//
// It is a pipeline: walk the paths; the first pass reads, parses and
// indexes every file and runs the local checks; the index is merged; the
// second pass checks the files that need the index; the results become
// the report. The cache, when on, answers before each pass's work on a
// file and keeps the file's result after both.
func Run(cfg Config) (*finding.Report, error) {
	checkers, err := cfg.checkers()
	if err != nil {
		return nil, err
	}
	if err := cfg.Shard.valid(); err != nil {
		return nil, err
	}
	if cfg.Enabled != nil && len(checkers) > judgeBit {
		return nil, fmt.Errorf("per-path settings (Config.Enabled) handle at most %d checks, not %d", judgeBit, len(checkers))
	}
	maxBytes := cmp.Or(cfg.MaxBytes, DefaultMaxBytes)
	// The cache's pack is read while the tree is walked: each takes a
	// good part of a cached run, on one core.
	opened := make(chan *cache.Cache, 1)
	go func() { opened <- cfg.openCache(checkers, maxBytes) }()
	files, owns, walkErrs := cfg.files()
	if cfg.Progress != nil {
		cfg.Progress.Start(len(files))
	}
	if cfg.Stats != nil {
		cfg.Stats.Files += int64(len(files))
	}
	local, global := split(checkers, cfg.Fix)
	p1 := &firstPass{parseOnly: cfg.ParseOnly, maxBytes: maxBytes, local: local, global: global, fix: cfg.Fix,
		cache: <-opened, stats: cfg.Stats, unjudged: unjudged(checkers, cfg.Partial), lines: cfg.Lines,
		perPath: perPath{enabled: cfg.Enabled, checkers: checkers}}
	results := cfg.pass1(p1, files, owns)
	if !cfg.ParseOnly {
		cfg.pass2(p1, files, results, owns)
	}
	return report(files, results, owns, walkErrs, cfg.Enabled), nil
}

// pass1 reads, counts lines, parses, collects the symbols and runs the
// local checks of every file.
func (cfg *Config) pass1(p1 *firstPass, files []file, owns func(int) bool) []fileResult {
	results := make([]fileResult, len(files))
	parallel(len(files), cfg.workers(), func(i int) {
		results[i] = p1.run(files[i])
		if cfg.Progress != nil && !(results[i].Second && owns(i)) {
			cfg.Progress.Add(1) // done: the second pass will not check it
		}
	})
	return results
}

// files walks the paths. With Project, every file of the project is
// indexed and only those under Paths are checked and reported: owns
// reports whether the run checks and reports files[i], which with a Shard
// is also its share.
func (cfg *Config) files() (files []file, owns func(i int) bool, errs []finding.Error) {
	files, errs = walk(cfg)
	var report map[string]bool
	if len(cfg.Project) > 0 {
		report = map[string]bool{}
		for _, f := range files {
			report[f.rel] = true
		}
		all := *cfg
		all.Paths = append(slices.Clone(cfg.Project), cfg.Paths...)
		all.Skipped = nil     // told once, by the walk of Paths
		files, _ = walk(&all) // the project's own unreadable paths are not this run's errors
	}
	owns = func(i int) bool {
		return cfg.Shard.owns(i) && (report == nil || report[files[i].rel])
	}
	return files, owns, errs
}

func (cfg *Config) workers() int {
	if cfg.Workers <= 0 {
		return runtime.GOMAXPROCS(0)
	}
	return cfg.Workers
}

// split sorts the checks by pass. Checks that do not read the index run in
// the first pass, on the tree parsed for the index; the others need the
// second. With fix everything runs in the second pass, so that positions
// are those of the fixed file.
func split(checkers []*check.Checker, fix bool) (local, global []*check.Checker) {
	for _, c := range checkers {
		if c.Local && !fix {
			local = append(local, c)
		} else {
			global = append(global, c)
		}
	}
	return local, global
}

// unjudged returns the checks whose riskvet:ignore directives are not
// judged: with a partial index, those that read it.
func unjudged(checkers []*check.Checker, partial bool) []string {
	var out []string
	if partial {
		for _, c := range checkers {
			if !c.Local {
				out = append(out, c.Name)
			}
		}
	}
	return out
}

// pass2 merges the first pass's symbols into the index, then parses again
// and checks with it the files that need it, of this shard only, and
// caches what was learned.
func (cfg *Config) pass2(p1 *firstPass, files []file, results []fileResult, owns func(int) bool) {
	var syms []*index.FileSymbols
	rs := make([]*cache.Result, len(results))
	for i := range results {
		rs[i] = &results[i].Result
		if s := results[i].Syms; s != nil {
			syms = append(syms, s)
		}
	}
	idx := index.Merge(syms)
	p1.cache.Indexed(idx, rs)
	parallel(len(files), cfg.workers(), func(i int) {
		r := &results[i]
		var reread []byte
		if r.Second && owns(i) {
			if view, reused := p1.cache.Check(&r.Result, idx); reused {
				cfg.Stats.reused2()
			} else if !r.relevant(view) {
				r.Global = nil // the index says no check can report here: not parsed again
			} else {
				cfg.Stats.parsed2()
				cs := func(src []byte) []*check.Checker { return p1.perPath.run(p1.global, r.On, src, cfg.Fix) }
				reread = checkFile(files[i], r, view, cs, cfg.Fix, p1.unjudged, cfg.Lines, cfg.Stats)
			}
			if cfg.Progress != nil {
				cfg.Progress.Add(1)
			}
		}
		if r.err == nil && !r.unread {
			p1.cache.After(&r.Result, reread)
		}
		r.Syms, r.src, r.after = nil, nil, nil // only the merged index is kept
	})
	p1.cache.Close()
}

// report turns the results of the files the run owns into the report,
// without the findings of rules that enabled turns off for their file.
func report(files []file, results []fileResult, owns func(int) bool, walkErrs []finding.Error, enabled func(rel, rule string) bool) *finding.Report {
	rep := &finding.Report{
		Schema: finding.Schema,
		Tool:   finding.Tool{Name: "riskvet", Version: version.String()},
		Errors: walkErrs,
	}
	for i, f := range files {
		r := results[i]
		if !owns(i) {
			continue // another shard reports it, or it is only indexed
		}
		if r.err != nil {
			rep.Errors = append(rep.Errors, *r.err)
		}
		if r.unread {
			continue
		}
		rep.Files = append(rep.Files, finding.FileStat{Path: f.rel, Language: finding.PHP, Lines: r.Lines})
		if r.ParseError != nil {
			rep.Findings = append(rep.Findings, *r.ParseError)
		}
		rep.Findings = append(rep.Findings, r.Local...)
		rep.Findings = append(rep.Findings, r.Global...)
	}
	if enabled != nil {
		rep.Findings = slices.DeleteFunc(rep.Findings, func(f finding.Finding) bool { return !enabled(f.File, f.Rule) })
	}
	rep.Normalize()
	return rep
}

// parallel calls fn(i) for i in [0, n) on the given number of goroutines.
func parallel(n, workers int, fn func(i int)) {
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(workers, max(n, 1)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				fn(i)
			}
		}()
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
}

func readErr(f file, err error) *finding.Error {
	return &finding.Error{File: f.rel, Message: pathErr(err)}
}

// firstPass is the first pass over one file.
type firstPass struct {
	parseOnly, fix bool
	maxBytes       int64
	local, global  []*check.Checker
	cache          *cache.Cache
	stats          *Stats
	unjudged       []string // checks whose directives are not judged (Config.Partial)
	perPath        perPath
	lines          *position.Cache // Config.Lines
}

// keepLines adds the lines of the file's findings to the run's line cache:
// the placement needs them, and the pass holds them.
func keepLines(c *position.Cache, f file, lines *position.File, r *fileResult) {
	if c == nil || r.ParseError == nil && len(r.Local) == 0 && len(r.Global) == 0 {
		return
	}
	var at []int
	for _, fs := range [][]finding.Finding{r.Local, r.Global} {
		for _, x := range fs {
			at = append(at, x.Line, x.EndLine)
		}
	}
	if r.ParseError != nil {
		at = append(at, r.ParseError.Line, r.ParseError.EndLine)
	}
	c.Add(f.abs, lines, at)
}

// perPath decides which checks run on a file from Config.Enabled.
type perPath struct {
	enabled  func(rel, check string) bool
	checkers []*check.Checker // the run's checks: bit i of a mask is checkers[i]
}

// judgeBit is the bit of a mask that says badignore is on for the file:
// only then do unused directives need judging.
const judgeBit = 63

// mask returns the set of the run's checks on for the file at rel, as a
// bitmask over perPath.checkers, with judgeBit set when badignore is on.
func (p perPath) mask(rel string) uint64 {
	if p.enabled == nil {
		return ^uint64(0)
	}
	m, all := uint64(0), true
	for i, c := range p.checkers {
		if p.enabled(rel, c.Name) {
			m |= 1 << i
		} else {
			all = false
		}
	}
	if p.enabled(rel, phpfile.BadIgnore) {
		m |= 1 << judgeBit
	} else {
		all = false
	}
	if all {
		return ^uint64(0) // as without per-path settings: the same cache entry
	}
	return m
}

// run returns the checks of cs that run on a file with content src whose
// checks on are mask. Without fix, a check that is off but that a
// riskvet:ignore directive in src may name runs too when badignore is on,
// so that the directive is judged (used, or reported as unused) as in a
// run of every check; the report drops its findings. The test is textual
// (the check's name anywhere in a file with a directive): it errs towards
// running. With fix an off check never runs, so that no fix is made where
// it is off.
func (p perPath) run(cs []*check.Checker, mask uint64, src []byte, fix bool) []*check.Checker {
	if mask == ^uint64(0) {
		return cs
	}
	ignores := !fix && mask&(1<<judgeBit) != 0 && check.MayIgnore(src)
	var out []*check.Checker
	for _, c := range cs {
		i := slices.Index(p.checkers, c)
		if mask&(1<<i) != 0 || ignores && bytes.Contains(src, []byte(c.Name)) {
			out = append(out, c)
		}
	}
	return out
}

func (p *firstPass) run(f file) (r fileResult) {
	start := time.Now()
	st, err := statRegular(f.abs)
	if err != nil {
		return fileResult{err: readErr(f, err), unread: true}
	}
	r.On = p.perPath.mask(f.rel)
	src, hit, err := p.cache.Before(&r.Result, f.rel, st, start, func() ([]byte, error) {
		p.stats.read1()
		return os.ReadFile(f.abs)
	})
	if err != nil {
		return fileResult{err: readErr(f, err), unread: true}
	}
	if hit {
		return r
	}
	p.stats.parsed1()
	lines := position.NewFile(src)
	r.Lines = lines.CodeLines()
	if p.maxBytes > 0 && int64(len(src)) > p.maxBytes {
		r.ParseError = &finding.Finding{
			Rule: phpfile.ParseError, Engine: "riskvet", Language: finding.PHP, File: f.rel, Line: 1,
			Message: fmt.Sprintf("file of %d bytes is over the %d-byte limit of what is parsed (raise it with -maxsize)", len(src), p.maxBytes),
		}
		keepLines(p.lines, f, lines, &r)
		return r
	}
	parseStart := time.Now()
	root, plain, serr := phpfile.ParsePlain(src, false)
	p.stats.since(parse1, parseStart)
	if serr != nil {
		pf := phpfile.ParseFinding(f.rel, lines, serr)
		r.ParseError, r.Timeout = &pf, serr.Timeout
		keepLines(p.lines, f, lines, &r)
		return r
	}
	if p.parseOnly {
		return r
	}
	defer p.stats.since(rest1, time.Now())
	r.Syms = index.Collect(f.rel, root)
	local, global := p.perPath.run(p.local, r.On, src, p.fix), p.perPath.run(p.global, r.On, src, p.fix)
	// A file with riskvet:ignore directives is checked in full: a
	// finding below the reported level, which Relevant need not foresee,
	// still makes the directive covering it used. A file none of whose
	// second-pass checks runs is not parsed again.
	r.Second = p.fix || len(global) > 0 && check.MayIgnore(src)
	var after []check.Relevance // answers that wait for the index
	for _, c := range global {
		if r.Second {
			break
		}
		if c.Relevant == nil {
			r.Second = true
			break
		}
		rel := c.Relevant(f.rel, src, root)
		if known, yes := rel.Known(); !known {
			after = append(after, rel)
		} else {
			r.Second = yes
		}
	}
	if !r.Second && len(after) > 0 {
		r.Second, r.after = true, after
	}
	if r.Second && !p.fix {
		r.src, r.plain = src, plain
	}
	if !p.fix {
		// The local checks, and the file's malformed directives. When no
		// second pass follows, the second pass's checks could report
		// nothing here, which makes directives naming them unused.
		ef := &phpfile.File{Path: f.rel, Src: src, Root: root, Lines: lines, Unjudged: p.unjudged}
		if !r.Second {
			for _, c := range global {
				ef.Silent = append(ef.Silent, c.Name)
			}
		}
		fs, _, err := phpfile.Check(ef, nil, local, phpfile.Known)
		r.Local = fs
		if err != nil {
			r.err = &finding.Error{File: f.rel, Message: err.Error()}
		}
	}
	keepLines(p.lines, f, lines, &r) // the second pass, if any, keeps the file's last text over it
	return r
}

// checkFile is the second pass over one file, with the checks that
// checkers returns for its content. It returns the content it
// read again when the first pass did not keep it (the cache answered the
// first pass), which the cache compares with what the first pass saw. The
// lines of the file's findings in its last text go into lineCache.
func checkFile(f file, r *fileResult, idx *index.Index, checkers func(src []byte) []*check.Checker, fix bool, unjudged []string, lineCache *position.Cache, stats *Stats) (reread []byte) {
	src, plain := r.src, r.plain
	r.src, r.plain = nil, false
	if src == nil {
		var err error
		if src, err = readFile(f.abs); err != nil {
			r.err, r.unread = readErr(f, err), true
			return nil
		}
		reread = src
	}
	cs := checkers(src)
	// The first pass's findings (none with -fix) are kept, in r.Local.
	// Two rounds at most: the first may fix the file, the second reports
	// what is left in the fixed text, with its shifted positions.
	for round := 0; ; round++ {
		lines := position.NewFile(src)
		r.Lines = lines.CodeLines()
		// plain holds for the first pass's bytes only: not for a fixed text.
		start := time.Now()
		root, _, serr := phpfile.ParsePlain(src, plain && round == 0)
		stats.since(parse2, start)
		if serr != nil {
			// The file changed between the passes, or a fix broke it.
			// The parse error replaces every other finding of the file.
			pf := phpfile.ParseFinding(f.rel, lines, serr)
			r.ParseError, r.Timeout, r.Local, r.Global = &pf, serr.Timeout, nil, nil
			keepLines(lineCache, f, lines, r)
			return reread
		}
		ef := &phpfile.File{Path: f.rel, Src: src, Root: root, Lines: lines, Fix: fix && round == 0, OmitBadIgnore: !fix, Unjudged: unjudged}
		start = time.Now()
		fs, edits, err := phpfile.Check(ef, idx, cs, phpfile.Known)
		stats.since(check2, start)
		r.Global = fs
		if err != nil {
			r.err = &finding.Error{File: f.rel, Message: err.Error()}
			return reread
		}
		if len(edits) == 0 {
			keepLines(lineCache, f, lines, r)
			return reread
		}
		fixed, err := phpfile.ApplyEdits(src, edits)
		if err == nil {
			err = writeFile(f.abs, fixed)
		}
		if err != nil {
			r.err = &finding.Error{File: f.rel, Message: "fix: " + err.Error()}
			return reread
		}
		src = fixed
	}
}
