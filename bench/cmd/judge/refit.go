package main

import (
	"cmp"
	"flag"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"

	"github.com/riskvet/riskvet/internal/finding"
)

func runRefit(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("judge refit", flag.ContinueOnError)
	fs.SetOutput(stderr)
	reports := fs.String("reports", "", "folder of the later build's reports: DIR/<level>/<corpus>.json")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *reports == "" || fs.NArg() == 0 {
		fmt.Fprintln(stderr, "usage: judge refit -reports DIR SHEET.tsv...")
		return 2
	}
	var rows []row
	for _, p := range fs.Args() {
		rs, err := readSheet(p)
		if err != nil {
			fmt.Fprintln(stderr, "judge refit:", err)
			return 2
		}
		rows = append(rows, rs...)
	}
	byLevel := map[string]map[string]*finding.Report{}
	for _, r := range rows {
		if byLevel[r.level] != nil {
			continue
		}
		m, err := readReports(*reports, r.level)
		if err != nil {
			fmt.Fprintln(stderr, "judge refit:", err)
			return 2
		}
		if len(m) == 0 {
			fmt.Fprintf(stderr, "judge refit: no reports in %s/%s\n", *reports, r.level)
			return 2
		}
		byLevel[r.level] = m
	}
	writeRefit(stdout, rows, byLevel)
	return 0
}

// writeRefit prints, per rule and level, the judged rows still reported
// (see the package doc's Refit).
func writeRefit(w io.Writer, rows []row, byLevel map[string]map[string]*finding.Report) {
	type group struct{ rule, level string }
	groups := map[group][]row{}
	for _, r := range rows {
		groups[group{r.rule, r.level}] = append(groups[group{r.rule, r.level}], r)
	}
	for _, g := range slices.SortedFunc(maps.Keys(groups), func(a, b group) int {
		return strings.Compare(a.rule+" "+a.level, b.rule+" "+b.level)
	}) {
		reps := byLevel[g.level]
		found := map[key]bool{}
		total := 0
		for _, rep := range reps {
			for _, f := range rep.Findings {
				if f.Rule == g.rule {
					found[keyOf(f)] = true
					total++
				}
			}
		}
		fmt.Fprintf(w, "%s %s: %d findings in %d reports\n", g.rule, g.level, total, len(reps))
		judged, kept := map[string]int{}, map[string]int{}
		var gone []string
		for _, r := range groups[g] {
			labels := []string{cmp.Or(r.verdict, "pending")}
			if r.verdict == "false" && r.cause != "" {
				labels = append(labels, "false "+r.cause)
			}
			still := found[key{r.file, r.line, r.col, r.rule}]
			for _, l := range labels {
				judged[l]++
				if still {
					kept[l]++
				}
			}
			if !still {
				gone = append(gone, r.id)
			}
		}
		for _, l := range slices.Sorted(maps.Keys(judged)) {
			fmt.Fprintf(w, "  %-30s judged %3d  still reported %3d\n", l, judged[l], kept[l])
		}
		fmt.Fprintf(w, "  fitted precision of the ones still reported: %s\n", precision(kept["true"], kept["false"]))
		fmt.Fprintf(w, "  no longer reported: %s\n", strings.Join(gone, " "))
	}
}
