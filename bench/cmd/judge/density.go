package main

import (
	"flag"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"

	"github.com/riskvet/riskvet/internal/finding"
)

// A run is one binary's reports at one level.
type reportSet struct {
	label   string
	reports map[string]*finding.Report
}

func runDensity(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("judge density", flag.ContinueOnError)
	fs.SetOutput(stderr)
	before := fs.String("before", "", "reports `DIR` of the before binary (DIR/<level>/<corpus>.json)")
	after := fs.String("after", "", "reports `DIR` of the after binary")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *before == "" || fs.NArg() > 0 {
		fmt.Fprintln(stderr, "usage: judge density -before DIR [-after DIR]")
		return 2
	}
	var runs []reportSet
	for _, side := range []struct{ name, dir string }{{"before", *before}, {"after", *after}} {
		if side.dir == "" {
			continue
		}
		for _, level := range []string{"default", "strict"} {
			rs, err := readReports(side.dir, level)
			if err != nil {
				fmt.Fprintln(stderr, "judge density:", err)
				return 2
			}
			if len(rs) > 0 {
				runs = append(runs, reportSet{side.name + " " + level, rs})
			}
		}
	}
	if len(runs) == 0 {
		fmt.Fprintln(stderr, "judge density: no reports under", *before, *after)
		return 2
	}
	writeDensity(stdout, runs)
	return 0
}

// density is what one report says about one corpus.
type density struct {
	files, lines int
	byRule       map[string]int
	nullTests    int
	errors       int
}

func measure(r *finding.Report) density {
	d := density{files: len(r.Files), byRule: map[string]int{}, errors: len(r.Errors)}
	for _, f := range r.Files {
		d.lines += f.Lines
	}
	for _, f := range r.Findings {
		d.byRule[f.Rule]++
		if f.Rule == "nullderef" && isTestPath(f.File) {
			d.nullTests++
		}
	}
	return d
}

// writeDensity prints, per corpus, the lines checked and per rule the
// findings per thousand lines of each run, then nullderef's share in test
// code.
func writeDensity(w io.Writer, runs []reportSet) {
	corpora := map[string]bool{}
	rules := map[string]bool{}
	ms := make([]map[string]density, len(runs))
	for i, r := range runs {
		ms[i] = map[string]density{}
		for c, rep := range r.reports {
			corpora[c] = true
			d := measure(rep)
			ms[i][c] = d
			for rule := range d.byRule {
				rules[rule] = true
			}
		}
	}
	total := func(i int) density {
		t := density{byRule: map[string]int{}}
		for _, d := range ms[i] {
			t.files += d.files
			t.lines += d.lines
			t.nullTests += d.nullTests
			t.errors += d.errors
			for k, v := range d.byRule {
				t.byRule[k] += v
			}
		}
		return t
	}
	rowsOf := append(slices.Sorted(maps.Keys(corpora)), "all")
	get := func(i int, c string) (density, bool) {
		if c == "all" {
			return total(i), true
		}
		d, ok := ms[i][c]
		return d, ok
	}
	labels := make([]string, len(runs))
	for i, r := range runs {
		labels[i] = r.label
	}
	fmt.Fprintf(w, "Findings per thousand lines (count in parentheses); runs: %s; a rule with no finding in a corpus is left out.\n\n", strings.Join(labels, "; "))
	fmt.Fprintf(w, "| corpus | files | lines | rule | %s |\n", strings.Join(labels, " | "))
	fmt.Fprintf(w, "|---|---|---|---|%s\n", strings.Repeat("---|", len(runs)))
	for _, c := range rowsOf {
		first, _ := get(0, c)
		shown := false
		for _, rule := range slices.Sorted(maps.Keys(rules)) {
			if !anyFinding(runs, func(i int) (density, bool) { return get(i, c) }, rule) {
				continue
			}
			shown = true
			cells := cellsOf(len(runs), func(i int) (density, bool) { return get(i, c) }, func(d density) string {
				return fmt.Sprintf("%.2f (%d)", perKLOC(d.byRule[rule], d.lines), d.byRule[rule])
			})
			fmt.Fprintf(w, "| %s | %d | %d | %s | %s |\n", c, first.files, first.lines, rule, strings.Join(cells, " | "))
		}
		if !shown {
			fmt.Fprintf(w, "| %s | %d | %d | (none) | %s |\n", c, first.files, first.lines, strings.TrimSuffix(strings.Repeat("0 | ", len(runs)), " | "))
		}
	}
	fmt.Fprintf(w, "\nnullderef findings in test code (a tests/Tests/test/Test folder or a *Test.php file), share of all nullderef findings:\n\n")
	fmt.Fprintf(w, "| corpus | %s |\n", strings.Join(labels, " | "))
	fmt.Fprintf(w, "|---|%s\n", strings.Repeat("---|", len(runs)))
	for _, c := range rowsOf {
		cells := cellsOf(len(runs), func(i int) (density, bool) { return get(i, c) }, func(d density) string {
			return fmt.Sprintf("%s (%d of %d)", share(d.nullTests, d.byRule["nullderef"]), d.nullTests, d.byRule["nullderef"])
		})
		fmt.Fprintf(w, "| %s | %s |\n", c, strings.Join(cells, " | "))
	}
}

// cellsOf formats one table cell per run, "-" where a run lacks the corpus.
func cellsOf(n int, get func(int) (density, bool), format func(density) string) []string {
	cells := make([]string, n)
	for i := range cells {
		if d, ok := get(i); ok {
			cells[i] = format(d)
		} else {
			cells[i] = "-"
		}
	}
	return cells
}

func perKLOC(n, lines int) float64 {
	if lines == 0 {
		return 0
	}
	return float64(n) * 1000 / float64(lines)
}

func share(k, n int) string {
	if n == 0 {
		return "-"
	}
	return fmt.Sprintf("%.0f%%", 100*float64(k)/float64(n))
}

// anyFinding reports whether some run has a finding of rule: a row of
// zeros in every run is left out of the table.
func anyFinding(runs []reportSet, get func(int) (density, bool), rule string) bool {
	for i := range runs {
		if d, ok := get(i); ok && d.byRule[rule] > 0 {
			return true
		}
	}
	return false
}
