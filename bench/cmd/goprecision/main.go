// Command goprecision recomputes the precision of riskvet's Go analyzers
// from the judged findings in bench/judged/go-<analyzer>.tsv, and checks
// that every finding of riskvet's own analyzers in the reports
// bench/gomods-compare.sh wrote is judged.
//
//	go run ./bench/cmd/goprecision [-reports bench/out/compare] bench/judged/go-*.tsv
//
// A sheet is tab-separated: "#" lines are comments, the first other line
// is the header "module", "location", "message", "verdict", "reason", then
// one finding a line. module is MOD@VERSION, location FILE:LINE relative to
// the module's root, verdict "true" (a reviewer would flag it) or "noise",
// and reason says why (required for noise).
//
// With -reports, each riskvet JSON report (NAME.riskvet.json) is read and
// every finding of the analyzers the sheets cover must have a row, and
// every row a finding: an unjudged or stale row is an error (exit 1). The
// true findings of the new analyzers are then also given per 100,000 lines
// of the modules listed in -generic (by default fp-go, lo, mo, x/exp and
// ent), counting the lines of the Go files each report lists.
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/riskvet/riskvet/internal/finding"
)

// ownAnalyzers are riskvet's own Go analyzers, whose findings are judged.
var ownAnalyzers = []string{"genericdepth", "constraintcoupling", "ifaceparam", "typeparamcount", "singleinst"}

// A row is one judged finding.
type row struct {
	analyzer string // from the sheet's name
	module   string // MOD@VERSION
	location string // FILE:LINE
	message  string
	verdict  string // "true" or "noise"
	reason   string
}

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("goprecision", flag.ContinueOnError)
	fs.SetOutput(stderr)
	reports := fs.String("reports", "", "directory of NAME.riskvet.json reports every finding of which must be judged")
	generic := fs.String("generic", "github.com/IBM/fp-go/v2,github.com/samber/lo,github.com/samber/mo,golang.org/x/exp,entgo.io/ent",
		"comma-separated modules the per-100k-lines figure is over")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() == 0 {
		fmt.Fprintln(stderr, "usage: goprecision [-reports DIR] [-generic MODULES] go-ANALYZER.tsv...")
		return 2
	}
	var rows []row
	for _, path := range fs.Args() {
		rs, err := readSheet(path)
		if err != nil {
			fmt.Fprintln(stderr, err)
			return 2
		}
		rows = append(rows, rs...)
	}
	code := 0
	var lines map[string]int
	var counts map[string]map[string]int
	if *reports != "" {
		var problems []string
		var err error
		problems, lines, counts, err = crossCheck(*reports, rows)
		if err != nil {
			fmt.Fprintln(stderr, err)
			return 2
		}
		for _, p := range problems {
			fmt.Fprintln(stderr, p)
			code = 1
		}
	}
	if lines != nil {
		writeModules(stdout, lines, counts)
	}
	writeTable(stdout, rows)
	if lines != nil {
		mods := strings.Split(*generic, ",")
		n := 0
		for _, m := range mods {
			n += lines[m]
		}
		writeDensity(stdout, rows, n, mods)
	}
	return code
}

// readSheet reads one judged sheet, bench/judged/go-ANALYZER.tsv.
func readSheet(path string) ([]row, error) {
	analyzer, ok := strings.CutPrefix(strings.TrimSuffix(filepath.Base(path), ".tsv"), "go-")
	if !ok {
		return nil, fmt.Errorf("%s: a sheet is named go-ANALYZER.tsv", path)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var rows []row
	header := false
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimRight(sc.Text(), "\r")
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fields := strings.Split(line, "\t")
		if !header {
			if strings.Join(fields, ",") != "module,location,message,verdict,reason" {
				return nil, fmt.Errorf("%s:%d: header must be module, location, message, verdict, reason", path, n)
			}
			header = true
			continue
		}
		if len(fields) != 5 {
			return nil, fmt.Errorf("%s:%d: %d fields, want 5", path, n, len(fields))
		}
		r := row{analyzer, fields[0], fields[1], fields[2], fields[3], fields[4]}
		switch {
		case !strings.Contains(r.module, "@"):
			return nil, fmt.Errorf("%s:%d: module %q is not MOD@VERSION", path, n, r.module)
		case r.verdict != "true" && r.verdict != "noise":
			return nil, fmt.Errorf("%s:%d: verdict %q: want true or noise", path, n, r.verdict)
		case r.verdict == "noise" && r.reason == "":
			return nil, fmt.Errorf("%s:%d: a noise verdict needs a reason", path, n)
		}
		rows = append(rows, r)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	if !header {
		return nil, fmt.Errorf("%s: no header line", path)
	}
	return rows, nil
}

// crossCheck returns a line for every finding of a judged analyzer in the
// reports under dir that has no row, and for every row of a module
// reported there that matches no finding; the lines of each module's
// own Go files (absolute paths, such as generated test mains in the build
// cache, are not the module's). A report is matched to its rows by module
// path: the file name is the module path with "/" as "_". counts holds
// the findings of each of ownAnalyzers per module.
func crossCheck(dir string, rows []row) (problems []string, lines map[string]int, counts map[string]map[string]int, err error) {
	counts = map[string]map[string]int{}
	paths, err := filepath.Glob(filepath.Join(dir, "*.riskvet.json"))
	if err != nil {
		return nil, nil, nil, err
	}
	if len(paths) == 0 {
		return nil, nil, nil, fmt.Errorf("%s: no *.riskvet.json reports", dir)
	}
	lines = map[string]int{}
	type key struct{ analyzer, module, location, message string }
	judged := map[key]bool{}
	byFile := map[string]string{} // report base name -> module path
	for _, r := range rows {
		mod, _, _ := strings.Cut(r.module, "@")
		judged[key{r.analyzer, mod, r.location, r.message}] = true
		byFile[strings.ReplaceAll(mod, "/", "_")] = mod
	}
	covered := map[string]bool{}  // analyzers with a finding in some report
	reported := map[string]bool{} // modules with a report
	for _, p := range paths {
		name := strings.TrimSuffix(filepath.Base(p), ".riskvet.json")
		mod, ok := byFile[name]
		if !ok {
			mod = name
		}
		// gomods-compare.sh writes NAME.module, "MOD@VERSION", beside each
		// report: the module path the file name cannot give back.
		if data, err := os.ReadFile(strings.TrimSuffix(p, ".riskvet.json") + ".module"); err == nil {
			mod, _, _ = strings.Cut(strings.TrimSpace(string(data)), "@")
		}
		reported[mod] = true
		data, err := os.ReadFile(p)
		if err != nil {
			return nil, nil, nil, err
		}
		var rep finding.Report
		if err := json.Unmarshal(data, &rep); err != nil {
			return nil, nil, nil, fmt.Errorf("%s: %v", p, err)
		}
		for _, f := range rep.Files {
			if !filepath.IsAbs(f.Path) {
				lines[mod] += f.Lines
			}
		}
		if counts[mod] == nil {
			counts[mod] = map[string]int{}
		}
		for _, f := range rep.Findings {
			if !slices.Contains(ownAnalyzers, f.Rule) {
				continue
			}
			counts[mod][f.Rule]++
			covered[f.Rule] = true
			k := key{f.Rule, mod, f.File + ":" + strconv.Itoa(f.Line), f.Message}
			if !judged[k] {
				problems = append(problems, fmt.Sprintf("%s: %s:%d: %s: %s: not judged", mod, f.File, f.Line, f.Rule, f.Message))
			}
			delete(judged, k)
		}
	}
	for k := range judged {
		// Rows of a module with no report (std, judged from a test's
		// output) and of an analyzer no report enabled stand on their own.
		if _, ok := reported[k.module]; ok && covered[k.analyzer] {
			problems = append(problems, fmt.Sprintf("%s: %s: %s: %s: judged but not reported", k.module, k.location, k.analyzer, k.message))
		}
	}
	slices.Sort(problems)
	return problems, lines, counts, nil
}

// writeTable writes findings, true, noise and precision per analyzer, in
// ownAnalyzers' order, then any other analyzer a sheet names.
func writeTable(w io.Writer, rows []row) {
	fmt.Fprintln(w, "| analyzer | findings | true | noise | precision |")
	fmt.Fprintln(w, "|---|---|---|---|---|")
	names := slices.Clone(ownAnalyzers)
	for _, r := range rows {
		if !slices.Contains(names, r.analyzer) {
			names = append(names, r.analyzer)
		}
	}
	for _, a := range names {
		t, n := 0, 0
		for _, r := range rows {
			if r.analyzer != a {
				continue
			}
			if r.verdict == "true" {
				t++
			} else {
				n++
			}
		}
		fmt.Fprintf(w, "| %s | %d | %d | %d | %s |\n", a, t+n, t, n, precision(t, n))
	}
}

// precision formats t/(t+n), or "-" when nothing was found.
func precision(t, n int) string {
	if t+n == 0 {
		return "-"
	}
	return fmt.Sprintf("%.2f", float64(t)/float64(t+n))
}

// writeDensity writes the true findings of the new analyzers over the
// generic-heavy modules, per 100,000 of their lines.
func writeDensity(w io.Writer, rows []row, lines int, modules []string) {
	t := 0
	for _, r := range rows {
		mod, _, _ := strings.Cut(r.module, "@")
		if r.verdict == "true" && slices.Contains(modules, mod) && slices.Contains(ownAnalyzers[2:], r.analyzer) {
			t++
		}
	}
	per := 0.0
	if lines > 0 {
		per = float64(t) * 100000 / float64(lines)
	}
	fmt.Fprintf(w, "\nnew analyzers (%s): %d true findings in %d lines of %s: %.2f per 100k lines\n",
		strings.Join(ownAnalyzers[2:], ", "), t, lines, strings.Join(modules, ", "), per)
}

// writeModules writes each reported module's lines and the findings of
// each of riskvet's own analyzers, from counts, with the findings per
// 1,000 lines.
func writeModules(w io.Writer, lines map[string]int, counts map[string]map[string]int) {
	fmt.Fprintf(w, "| module | lines | %s |\n", strings.Join(ownAnalyzers, " | "))
	fmt.Fprintf(w, "|---|---|%s\n", strings.Repeat("---|", len(ownAnalyzers)))
	total := 0
	for _, m := range slices.Sorted(maps.Keys(lines)) {
		total += lines[m]
		fmt.Fprintf(w, "| %s | %d |", m, lines[m])
		for _, a := range ownAnalyzers {
			n := counts[m][a]
			per := 0.0
			if lines[m] > 0 {
				per = float64(n) * 1000 / float64(lines[m])
			}
			fmt.Fprintf(w, " %d (%.2f) |", n, per)
		}
		fmt.Fprintln(w)
	}
	fmt.Fprintf(w, "\n%d lines in %d modules; each cell: findings (per 1,000 lines)\n\n", total, len(lines))
}
