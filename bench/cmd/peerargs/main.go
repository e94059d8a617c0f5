// Command peerargs scores riskvet's nullarg against the null-argument
// cases of the peers' own test suites: Psalm's PossiblyNullArgument and
// NullArgument cases and PHPStan's "Parameter #N $x of ... expects T,
// T|null given." expectations. bench/peers-nullarg.sh extracts the cases
// and runs it:
//
//	peerargs -riskvet BIN -work DIR -phpstan EVAL.json -phpstan-snap SNAP -psalm CASES.json -psalm-calls TSV
//
// EVAL.json is what the shared harness's phpstan_eval.php prints for the
// argument rule tests (CallToFunctionParametersRuleTest, CallMethodsRuleTest,
// CallStaticMethodsRuleTest, InstantiationRuleTest, CallCallablesRuleTest)
// over the phpstan-src files under SNAP; CASES.json is what its
// psalm_extract.php prints for Psalm's test classes; TSV is
// bench/peers-nullarg-psalm.tsv, which says which call each Psalm case is
// about (Psalm's expectation names the issue type only).
//
// A positive is an expected null-argument error at a file and line; it is
// in scope when its callee is a function or method the case declares with
// a native parameter type that excludes null, or a built-in (from
// phpcheck/builtin's table) whose parameter refuses null in every mode, and
// out of scope otherwise (a built-in's scalar parameter, a docblock-only
// type, a closure...), with the reason. It is
// found when riskvet reports nullarg on that line of that file.
//
// Negatives: Psalm's valid cases, but those that silence a null-argument
// issue (ignored_issues, @psalm-suppress or @psalm-ignore-nullable-return),
// where Psalm itself sees one;
// a nullarg finding in one is a false positive. In PHPStan's data files,
// a finding on a line with no expected error, in a run whose rule checks
// that kind of call with nullables on, is a false positive; one on a line
// with another expected error is listed, not counted.
//
// riskvet runs once per case folder (a Psalm case, or a PHPStan run's
// files with the definition files its test requires), as `riskvet php
// -f json -checks nullarg -nullderef.tests` at the default
// level and again with -nullderef.strict. The summary goes to stdout, in
// Markdown; -details FILE writes every positive and false positive.
// Exit codes: 0 scored, 2 bad input or riskvet failure.
package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// A level is one riskvet setting the cases are scored at.
type level struct {
	Name  string
	Flags []string
}

var levels = []level{
	{"default (inevitable)", nil},
	{"strict (declared)", []string{"-nullderef.strict"}},
}

// A positive is one expected null-argument error.
type positive struct {
	Suite, Case string // Case names the test and data set or case
	File        string // relative to the case folder
	Line        int
	Callee      string
	Arg         int
	Message     string
	Scope       string // scopeIn or why the positive is out of scope
	Found       []bool // per level
}

// A caseDir is one folder riskvet checks in one run.
type caseDir struct {
	Suite    string
	Name     string
	Dir      string
	Judged   map[string]*judged // per analysed file, relative to Dir
	Negative bool               // a Psalm valid case: any finding is false
	Findings [][]finding        // per level
}

// judged is what the peer expects of one analysed PHPStan file.
type judged struct {
	ErrLines map[int]bool    // lines with any expected error
	Kinds    map[string]bool // kinds of call its qualifying rules check
}

type finding struct {
	Rule, File, Message string
	Line                int
}

type report struct {
	Findings []finding `json:"findings"`
	Errors   []any     `json:"errors"`
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("peerargs", flag.ContinueOnError)
	fs.SetOutput(stderr)
	bin := fs.String("riskvet", "", "riskvet binary")
	work := fs.String("work", "", "folder that receives the case folders (emptied first)")
	evalPath := fs.String("phpstan", "", "phpstan_eval.php output for the argument rule tests")
	snap := fs.String("phpstan-snap", "", "folder of the extracted phpstan-src files")
	psalmPath := fs.String("psalm", "", "psalm_extract.php output")
	callsPath := fs.String("psalm-calls", "", "table of the call each Psalm null-argument case is about")
	details := fs.String("details", "", "file that receives every positive and false positive")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *bin == "" || *work == "" || *evalPath == "" || *snap == "" || *psalmPath == "" || *callsPath == "" || fs.NArg() > 0 {
		fmt.Fprintln(stderr, "usage: peerargs -riskvet BIN -work DIR -phpstan EVAL.json -phpstan-snap SNAP -psalm CASES.json -psalm-calls TSV [-details FILE]")
		return 2
	}
	if err := os.RemoveAll(*work); err != nil {
		fmt.Fprintln(stderr, err)
		return 2
	}
	cases, pos, err := phpstanCases(*evalPath, *snap, filepath.Join(*work, "phpstan"))
	if err != nil {
		fmt.Fprintln(stderr, "peerargs:", err)
		return 2
	}
	calls, err := readPsalmCalls(*callsPath)
	if err != nil {
		fmt.Fprintln(stderr, "peerargs:", err)
		return 2
	}
	pc, pp, err := psalmCases(*psalmPath, calls, filepath.Join(*work, "psalm"))
	if err != nil {
		fmt.Fprintln(stderr, "peerargs:", err)
		return 2
	}
	cases, pos = append(cases, pc...), append(pos, pp...)
	if err := scopes(cases, pos); err != nil {
		fmt.Fprintln(stderr, "peerargs:", err)
		return 2
	}
	abs, err := filepath.Abs(*bin)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 2
	}
	if err := runAll(abs, cases); err != nil {
		fmt.Fprintln(stderr, "peerargs:", err)
		return 2
	}
	sc := score(cases, pos)
	writeSummary(stdout, sc, cases, pos)
	if *details != "" {
		var b bytes.Buffer
		writeDetails(&b, sc, pos)
		if err := os.WriteFile(*details, b.Bytes(), 0o644); err != nil {
			fmt.Fprintln(stderr, err)
			return 2
		}
	}
	return 0
}

// phpstanRun is one analyse() call phpstan_eval.php recorded.
type phpstanRun struct {
	Class    string          `json:"class"`
	Test     string          `json:"test"`
	Set      string          `json:"set"`
	TestFile string          `json:"testFile"`
	Files    []string        `json:"files"`
	Flags    json.RawMessage `json:"flags"` // an object, or [] when empty
	Expected []struct {
		Message string `json:"message"`
		Line    int    `json:"line"`
	} `json:"expected"`
	Skipped *string `json:"skipped"`
	Error   *string `json:"error"`
}

// ruleKinds maps PHPStan's argument rule tests to the kind of call each
// checks.
var ruleKinds = map[string]string{
	"CallToFunctionParametersRuleTest": "function",
	"CallMethodsRuleTest":              "method",
	"CallStaticMethodsRuleTest":        "static",
	"InstantiationRuleTest":            "new",
	"CallCallablesRuleTest":            "closure",
}

// qualifies returns the kind of call a run checks with nullables on, or
// "" when it does not: CallMethodsRuleTest and CallStaticMethodsRuleTest
// take their RuleLevelHelper flags from the test object; the other tests
// build theirs with checkNullables and checkUnionTypes on.
func (r *phpstanRun) qualifies() string {
	if r.Skipped != nil || r.Error != nil || r.Expected == nil {
		return ""
	}
	kind := ruleKinds[r.Class[strings.LastIndex(r.Class, `\`)+1:]]
	var fl map[string]any
	_ = json.Unmarshal(r.Flags, &fl) // [] leaves fl empty
	on := func(k string) bool { b, _ := fl[k].(bool); return b }
	switch kind {
	case "method":
		if !on("checkNullables") || on("checkThisOnly") || !on("checkUnionTypes") {
			return ""
		}
	case "static":
		if on("checkThisOnly") {
			return ""
		}
	}
	return kind
}

var requireRE = regexp.MustCompile(`require_once\s+__DIR__\s*\.\s*'([^']+)'`)

// requires lists the files a test method loads with require_once
// __DIR__ . '...' (function definitions PHPStan reflects), relative to the
// snapshot's root.
func requires(testSrc []byte, testFile, method string) []string {
	start := regexp.MustCompile(`function\s+` + regexp.QuoteMeta(method) + `\s*\(`).FindIndex(testSrc)
	if start == nil {
		return nil
	}
	body := testSrc[start[1]:]
	if next := regexp.MustCompile(`\n\s*(public|private|protected)\s+(static\s+)?function\s`).FindIndex(body); next != nil {
		body = body[:next[0]]
	}
	var out []string
	for _, m := range requireRE.FindAllSubmatch(body, -1) {
		out = append(out, filepath.Clean(filepath.Join(filepath.Dir(testFile), string(m[1]))))
	}
	return out
}

// phpstanCases groups the qualifying runs by the files they analyse and
// copies each group into a folder of its own under work.
func phpstanCases(evalPath, snap, work string) ([]*caseDir, []*positive, error) {
	data, err := os.ReadFile(evalPath)
	if err != nil {
		return nil, nil, err
	}
	var runs []phpstanRun
	if err := json.Unmarshal(data, &runs); err != nil {
		return nil, nil, fmt.Errorf("%s: %v", evalPath, err)
	}
	byKey := map[string]*caseDir{}
	var keys []string
	files := map[string][]string{} // case key -> files to copy
	var pos []*positive
	seen := map[string]*positive{}
	for i := range runs {
		r := &runs[i]
		kind := r.qualifies()
		if kind == "" {
			continue
		}
		testSrc, err := os.ReadFile(filepath.Join(snap, r.TestFile))
		if err != nil {
			return nil, nil, err
		}
		defs := requires(testSrc, r.TestFile, r.Test)
		all := append(slices.Clone(r.Files), defs...)
		slices.Sort(all)
		all = slices.Compact(all)
		key := strings.Join(all, "\n")
		c := byKey[key]
		if c == nil {
			c = &caseDir{Suite: "phpstan", Name: r.Test, Dir: filepath.Join(work, fmt.Sprint(len(keys))), Judged: map[string]*judged{}}
			byKey[key] = c
			keys = append(keys, key)
			files[key] = all
		}
		for _, f := range r.Files {
			j := c.Judged[f]
			if j == nil {
				j = &judged{ErrLines: map[int]bool{}, Kinds: map[string]bool{}}
				c.Judged[f] = j
			}
			j.Kinds[kind] = true
			for _, e := range r.Expected {
				j.ErrLines[e.Line] = true
				pe, ok := parseParamError(e.Message)
				if !ok || !pe.nullArg() {
					continue
				}
				id := fmt.Sprintf("%s\n%s:%d\n%s", key, f, e.Line, e.Message)
				if seen[id] != nil {
					continue
				}
				p := &positive{Suite: "phpstan", Case: c.Dir, File: f, Line: e.Line, Callee: pe.Callee, Arg: pe.Arg,
					Message: fmt.Sprintf("%s %s: %s", r.Test, f, e.Message)}
				seen[id] = p
				pos = append(pos, p)
			}
		}
	}
	var cases []*caseDir
	for _, key := range keys {
		c := byKey[key]
		for _, f := range files[key] {
			if err := copyFile(filepath.Join(snap, f), filepath.Join(c.Dir, f)); err != nil {
				return nil, nil, err
			}
		}
		cases = append(cases, c)
	}
	return cases, pos, nil
}

func copyFile(from, to string) error {
	b, err := os.ReadFile(from)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
		return err
	}
	return os.WriteFile(to, b, 0o644)
}

type psalmCase struct {
	File          string   `json:"file"`
	Class         string   `json:"class"`
	Kind          string   `json:"kind"`
	Name          string   `json:"name"`
	ErrorMessage  *string  `json:"error_message"`
	IgnoredIssues []string `json:"ignored_issues"`
	Code          *string  `json:"code"`
}

var suppressRE = regexp.MustCompile(`@psalm-suppress\s+(\w+)`)
var unsafeRE = regexp.MustCompile(`[^A-Za-z0-9_.-]+`)

// psalmCases writes every Psalm case to a file of its own under work:
// the valid ones that do not silence a null argument are negatives, the
// invalid ones with a null-argument issue carry the positive the calls
// table locates.
func psalmCases(path string, calls map[string]psalmCall, work string) ([]*caseDir, []*positive, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, nil, err
	}
	var all []psalmCase
	if err := json.Unmarshal(data, &all); err != nil {
		return nil, nil, fmt.Errorf("%s: %v", path, err)
	}
	var cases []*caseDir
	var pos []*positive
	used := map[string]bool{}
	for _, pc := range all {
		if pc.Code == nil {
			continue // a case read from a file of Psalm's, not inline code
		}
		cls := pc.Class[strings.LastIndex(pc.Class, `\`)+1:]
		name := cls + "::" + pc.Name
		issue := ""
		if pc.ErrorMessage != nil {
			issue = psalmIssue(*pc.ErrorMessage)
		}
		dir := filepath.Join(work, cls, pc.Kind, unsafeRE.ReplaceAllString(pc.Name, "_"))
		c := &caseDir{Suite: "psalm", Name: name, Dir: dir, Judged: map[string]*judged{}}
		switch {
		case pc.Kind == "valid":
			c.Negative = !silencesNullArg(pc)
		case psalmNullIssues[issue]:
			call, ok := calls[name]
			if !ok {
				return nil, nil, fmt.Errorf("psalm case %s (%s) is not in the calls table", name, issue)
			}
			used[name] = true
			lines := strings.Split(*pc.Code, "\n")
			if call.Line > len(lines) || !strings.Contains(strings.ToLower(lines[call.Line-1]), strings.ToLower(calleeWord(call.Callee))) {
				return nil, nil, fmt.Errorf("psalm case %s: line %d does not mention %s", name, call.Line, call.Callee)
			}
			pos = append(pos, &positive{Suite: "psalm", Case: dir, File: "case.php", Line: call.Line, Callee: call.Callee, Arg: call.Arg,
				Message: name + " (" + issue + ")"})
		}
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return nil, nil, err
		}
		if err := os.WriteFile(filepath.Join(dir, "case.php"), []byte(*pc.Code), 0o644); err != nil {
			return nil, nil, err
		}
		cases = append(cases, c)
	}
	for name := range calls {
		if !used[name] {
			return nil, nil, fmt.Errorf("calls table lists %s, which is no Psalm null-argument case", name)
		}
	}
	return cases, pos, nil
}

// calleeWord is the word a call of callee shows in the source: the
// function's or method's name, or the class of a constructor.
func calleeWord(callee string) string {
	cls, m, ok := strings.Cut(callee, "::")
	switch {
	case !ok:
		return callee
	case strings.EqualFold(m, "__construct"):
		return cls
	}
	return m
}

// silencesNullArg reports whether a valid case silences a null-argument
// issue: Psalm raises one there, so the case is no negative. Silencing
// includes @psalm-ignore-nullable-return, which tells Psalm to take a
// function declared to return null as never returning it.
func silencesNullArg(pc psalmCase) bool {
	if strings.Contains(*pc.Code, "@psalm-ignore-nullable-return") {
		return true
	}
	for _, i := range pc.IgnoredIssues {
		if psalmNullIssues[i] {
			return true
		}
	}
	for _, m := range suppressRE.FindAllStringSubmatch(*pc.Code, -1) {
		if psalmNullIssues[m[1]] {
			return true
		}
	}
	return false
}

// scopes sets each positive's scope from its case's own declarations.
func scopes(cases []*caseDir, pos []*positive) error {
	byDir := map[string]*decls{}
	for _, p := range pos {
		d, ok := byDir[p.Case]
		if !ok {
			src := map[string][]byte{}
			err := filepath.WalkDir(p.Case, func(path string, e os.DirEntry, err error) error {
				if err != nil || e.IsDir() || !strings.HasSuffix(path, ".php") {
					return err
				}
				b, err := os.ReadFile(path)
				src[path] = b
				return err
			})
			if err != nil {
				return err
			}
			if d, err = parseDecls(src); err != nil {
				d = nil // scored as out of scope: nullarg cannot read it either
			}
			byDir[p.Case] = d
		}
		if d == nil {
			p.Scope = scopeNotParsed
			continue
		}
		p.Scope = d.scope(p.Callee, p.Arg)
	}
	return nil
}

// runAll runs riskvet on every case folder at every level, two at a time.
func runAll(bin string, cases []*caseDir) error {
	type job struct {
		c *caseDir
		l int
	}
	jobs := make(chan job)
	var mu sync.Mutex
	var firstErr error
	var wg sync.WaitGroup
	for range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				fs, err := riskvet(bin, j.c.Dir, levels[j.l].Flags)
				mu.Lock()
				if err != nil && firstErr == nil {
					firstErr = err
				}
				j.c.Findings[j.l] = fs
				mu.Unlock()
			}
		}()
	}
	for _, c := range cases {
		c.Findings = make([][]finding, len(levels))
		for l := range levels {
			jobs <- job{c, l}
		}
	}
	close(jobs)
	wg.Wait()
	return firstErr
}

// riskvet runs nullarg over dir and returns its findings, with paths
// relative to dir.
func riskvet(bin, dir string, flags []string) ([]finding, error) {
	args := append([]string{"php", "-cache-dir=off", "-config=off", "-quiet", "-f", "json", "-checks", "nullarg", "-nullderef.tests"}, flags...)
	cmd := exec.Command(bin, append(args, ".")...)
	cmd.Dir = dir
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	if ee, ok := err.(*exec.ExitError); ok && ee.ExitCode() == 1 {
		err = nil // findings
	}
	if err != nil {
		return nil, fmt.Errorf("riskvet in %s: %v: %s", dir, err, strings.TrimSpace(errb.String()))
	}
	var rep report
	if err := json.Unmarshal(out.Bytes(), &rep); err != nil {
		return nil, fmt.Errorf("riskvet in %s: %v", dir, err)
	}
	return rep.Findings, nil
}

// A tally is one suite's score at one level.
type tally struct {
	Pos, PosIn, TP, TPIn int // positives, in scope, found
	Neg, FP              int // Psalm valid cases or PHPStan data files judged, false positives
	Other                int // findings on lines with another expected error
	Unchecked            int // findings on calls the peer's runs do not check
	ParseErr             int
	FPs, Others          []string
}

func (t tally) recall() string    { return ratio(t.TPIn, t.PosIn) }
func (t tally) precision() string { return ratio(t.TP, t.TP+t.FP) }

func ratio(a, b int) string {
	if b == 0 {
		return "n/a"
	}
	return fmt.Sprintf("%.2f", float64(a)/float64(b))
}

// score judges every finding and positive; the result is per level, then
// per suite ("phpstan", "psalm", "both").
func score(cases []*caseDir, pos []*positive) []map[string]*tally {
	out := make([]map[string]*tally, len(levels))
	for l := range levels {
		t := map[string]*tally{"phpstan": {}, "psalm": {}, "both": {}}
		out[l] = t
		at := map[string]map[string]bool{} // case dir -> file:line with a nullarg finding
		for _, c := range cases {
			hits := map[string]bool{}
			at[c.Dir] = hits
			s := t[c.Suite]
			for _, f := range c.Findings[l] {
				if f.Rule == "parseerror" {
					s.ParseErr++
					continue
				}
				hits[fmt.Sprintf("%s:%d", f.File, f.Line)] = true
			}
			if c.Suite == "psalm" {
				if c.Negative {
					s.Neg++
					if len(hits) > 0 {
						s.FP++
						s.FPs = append(s.FPs, c.Name+": "+firstNullarg(c.Findings[l]))
					}
				}
				continue
			}
			judgePHPStan(c, c.Findings[l], pos, s)
		}
		for _, p := range pos {
			found := at[p.Case][fmt.Sprintf("%s:%d", p.File, p.Line)]
			p.Found = append(p.Found, found)
			s := t[p.Suite]
			s.Pos++
			if found {
				s.TP++
			}
			if p.Scope == scopeIn {
				s.PosIn++
				if found {
					s.TPIn++
				}
			}
		}
		b := t["both"]
		for _, s := range []*tally{t["phpstan"], t["psalm"]} {
			b.Pos += s.Pos
			b.PosIn += s.PosIn
			b.TP += s.TP
			b.TPIn += s.TPIn
			b.Neg += s.Neg
			b.FP += s.FP
			b.Other += s.Other
			b.Unchecked += s.Unchecked
			b.ParseErr += s.ParseErr
		}
	}
	return out
}

// judgePHPStan judges the nullarg findings of one PHPStan case folder.
// A finding on a line with no expected error is false.
func judgePHPStan(c *caseDir, fs []finding, pos []*positive, s *tally) {
	posAt := map[string]bool{}
	for _, p := range pos {
		if p.Case == c.Dir {
			posAt[fmt.Sprintf("%s:%d", p.File, p.Line)] = true
		}
	}
	counted := map[string]bool{}
	for _, f := range fs {
		j := c.Judged[f.File]
		key := fmt.Sprintf("%s:%d", f.File, f.Line)
		if f.Rule != "nullarg" || j == nil || posAt[key] || counted[key] {
			continue
		}
		counted[key] = true
		where := fmt.Sprintf("%s %s: %s", c.Name, key, f.Message)
		switch {
		case j.ErrLines[f.Line]:
			s.Other++
			s.Others = append(s.Others, where)
		case !j.Kinds[findingKind(f.Message, lineOf(filepath.Join(c.Dir, f.File), f.Line))]:
			s.Unchecked++
		default:
			s.FP++
			s.FPs = append(s.FPs, where)
		}
	}
	s.Neg += len(c.Judged)
}

func firstNullarg(fs []finding) string {
	for _, f := range fs {
		if f.Rule == "nullarg" {
			return fmt.Sprintf("%d: %s", f.Line, f.Message)
		}
	}
	return ""
}

func lineOf(path string, n int) string {
	b, _ := os.ReadFile(path)
	lines := strings.Split(string(b), "\n")
	if n < 1 || n > len(lines) {
		return ""
	}
	return lines[n-1]
}

func writeSummary(w io.Writer, sc []map[string]*tally, cases []*caseDir, pos []*positive) {
	n := map[string]int{}
	for _, c := range cases {
		n[c.Suite]++
	}
	fmt.Fprintf(w, "nullarg on the peers' null-argument cases: %d PHPStan case folders, %d Psalm cases.\n\n", n["phpstan"], n["psalm"])
	fmt.Fprintln(w, "| level | suite | positives | in scope | found in scope | recall | found out of scope | judged for false positives | false positives | precision |")
	fmt.Fprintln(w, "|---|---|---|---|---|---|---|---|---|---|")
	for l, lv := range levels {
		for _, suite := range []string{"phpstan", "psalm", "both"} {
			t := sc[l][suite]
			fmt.Fprintf(w, "| %s | %s | %d | %d | %d | %s | %d | %d | %d | %s |\n",
				lv.Name, suite, t.Pos, t.PosIn, t.TPIn, t.recall(), t.TP-t.TPIn, t.Neg, t.FP, t.precision())
		}
	}
	fmt.Fprintln(w)
	out := map[string]int{}
	for _, p := range pos {
		if p.Scope != scopeIn {
			out[p.Scope]++
		}
	}
	fmt.Fprint(w, "Out of scope:")
	for i, r := range slices.Sorted(maps.Keys(out)) {
		sep := ","
		if i == 0 {
			sep = ""
		}
		fmt.Fprintf(w, "%s %d %s", sep, out[r], r)
	}
	fmt.Fprintln(w, ".")
	for l, lv := range levels {
		b := sc[l]["both"]
		fmt.Fprintf(w, "%s: %d findings on lines with another expected error, %d on calls the peer's runs do not check, %d parse errors.\n",
			lv.Name, b.Other, b.Unchecked, b.ParseErr)
	}
}

func writeDetails(w io.Writer, sc []map[string]*tally, pos []*positive) {
	fmt.Fprintln(w, "# Positives")
	fmt.Fprintln(w)
	for _, p := range pos {
		scope := "in scope"
		if p.Scope != scopeIn {
			scope = "out: " + p.Scope
		}
		var found []string
		for l, lv := range levels {
			if p.Found[l] {
				found = append(found, lv.Name)
			}
		}
		fmt.Fprintf(w, "- %s %s (%s, %s:%d) found at: %s\n", p.Suite, p.Message, scope, p.Callee, p.Arg, strings.Join(found, ", "))
	}
	for l, lv := range levels {
		for _, suite := range []string{"phpstan", "psalm"} {
			t := sc[l][suite]
			fmt.Fprintf(w, "\n# %s %s: false positives\n\n", suite, lv.Name)
			for _, f := range t.FPs {
				fmt.Fprintln(w, "- "+f)
			}
			if len(t.Others) > 0 {
				fmt.Fprintf(w, "\n# %s %s: findings on lines with another expected error\n\n", suite, lv.Name)
				for _, f := range t.Others {
					fmt.Fprintln(w, "- "+f)
				}
			}
		}
	}
}
