package main

import (
	"cmp"
	"flag"
	"fmt"
	"io"
	"maps"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/riskvet/riskvet/internal/finding"
)

// An item is one finding of the pool.
type item struct {
	Corpus string
	F      finding.Finding
	Level  string // "default" or "strict-only"
	post   string // post2022, once dated
}

type key struct {
	file      string
	line, col int
	rule      string
}

func keyOf(f finding.Finding) key { return key{f.File, f.Line, f.Column, f.Rule} }

// pool collects the findings of rule at level from the default and strict
// reports, per corpus, sorted so that a seed always draws the same sample.
func pool(def, strict map[string]*finding.Report, rule, level string) ([]*item, error) {
	var out []*item
	switch level {
	case "default":
		for c, r := range def {
			for _, f := range r.Findings {
				if f.Rule == rule {
					out = append(out, &item{Corpus: c, F: f, Level: "default"})
				}
			}
		}
	case "strict", "strict-only":
		for c, r := range strict {
			d, ok := def[c]
			if !ok {
				return nil, fmt.Errorf("corpus %s has a strict report and no default one", c)
			}
			inDefault := map[key]bool{}
			for _, f := range d.Findings {
				inDefault[keyOf(f)] = true
			}
			for _, f := range r.Findings {
				if f.Rule != rule {
					continue
				}
				lvl := "strict-only"
				if inDefault[keyOf(f)] {
					if level == "strict-only" {
						continue
					}
					lvl = "default"
				}
				out = append(out, &item{Corpus: c, F: f, Level: lvl})
			}
		}
	default:
		return nil, fmt.Errorf("level %q: want default, strict or strict-only", level)
	}
	slices.SortFunc(out, func(a, b *item) int {
		return cmp.Or(cmp.Compare(a.Corpus, b.Corpus), finding.Compare(a.F, b.F))
	})
	return out, nil
}

// draw is the outcome of a stratified draw.
type draw struct {
	Sample       []*item
	CorpusSwaps  int
	PostSwaps    int
	Dated        int // findings dated while drawing
	Unmet        []string
	PoolByCorpus map[string]int
}

// drawSample shuffles the pool with seed, takes the first n and swaps in
// findings until minCorpora corpora and minPost post-2022 findings appear
// or the pool has none left to give; date says whether a finding's line is
// post-2022 ("yes", "no", "unknown", "n/a") and is called at most maxDate
// times beyond the sample's own findings.
func drawSample(all []*item, n int, seed uint64, minCorpora, minPost, maxDate int, date func(*item) string) draw {
	d := draw{PoolByCorpus: map[string]int{}}
	for _, it := range all {
		d.PoolByCorpus[it.Corpus]++
	}
	order := slices.Clone(all)
	r := rand.New(rand.NewPCG(seed, 0x726973b76574)) // "riskvet"
	r.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
	n = min(n, len(order))
	sample, rest := slices.Clone(order[:n]), order[n:]
	count := map[string]int{}
	for _, it := range sample {
		count[it.Corpus]++
	}
	taken := make([]bool, len(rest))
	// victim returns the index of the latest-drawn sampled finding that may
	// leave: its corpus keeps another finding (or is the newcomer's) and,
	// with keepPost, it is not post-2022.
	victim := func(newCorpus string, keepPost bool) int {
		for i := len(sample) - 1; i >= 0; i-- {
			it := sample[i]
			if count[it.Corpus] < 2 && it.Corpus != newCorpus {
				continue
			}
			if keepPost && it.post == "yes" {
				continue
			}
			return i
		}
		return -1
	}
	swap := func(i int, in *item) {
		count[sample[i].Corpus]--
		count[in.Corpus]++
		sample[i] = in
	}

	for j, it := range rest {
		if len(count) >= minCorpora || n == 0 {
			break
		}
		if count[it.Corpus] > 0 {
			continue
		}
		if v := victim(it.Corpus, false); v >= 0 {
			swap(v, it)
			taken[j] = true
			d.CorpusSwaps++
		}
	}
	if len(count) < minCorpora {
		d.Unmet = append(d.Unmet, fmt.Sprintf("%d corpora, fewer than %d: the pool holds findings in %d", len(count), minCorpora, len(d.PoolByCorpus)))
	}

	post := 0
	for _, it := range sample {
		it.post = date(it)
		if it.post == "yes" {
			post++
		}
	}
	for j, it := range rest {
		if post >= minPost || d.Dated >= maxDate {
			break
		}
		if taken[j] {
			continue
		}
		if it.post == "" {
			it.post = date(it)
			if it.post != "n/a" {
				d.Dated++
			}
		}
		if it.post != "yes" {
			continue
		}
		v := victim(it.Corpus, true)
		if v < 0 {
			break
		}
		swap(v, it)
		taken[j] = true
		post++
		d.PostSwaps++
	}
	if post < minPost {
		d.Unmet = append(d.Unmet, fmt.Sprintf("%d post-2022 findings, fewer than %d (%d more findings dated, limit %d)", post, minPost, d.Dated, maxDate))
	}
	slices.SortFunc(sample, func(a, b *item) int {
		return cmp.Or(cmp.Compare(a.Corpus, b.Corpus), finding.Compare(a.F, b.F))
	})
	d.Sample = sample
	return d
}

// sheetColumns are the judging sheet's columns, in order.
var sheetColumns = []string{"id", "corpus", "corpus_version", "file", "line", "col", "rule", "level", "message", "post2022", "verdict", "cause", "note"}

func runSample(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("judge sample", flag.ContinueOnError)
	fs.SetOutput(stderr)
	reports := fs.String("reports", "", "folder of reports, `DIR`/<level>/<corpus>.json")
	versions := fs.String("versions", "bench/corpus/VERSIONS", "corpus versions `file` (its folders are relative to the file's parent's parent)")
	rule := fs.String("rule", "nullderef", "rule to sample")
	level := fs.String("level", "default", "default, strict or strict-only")
	n := fs.Int("n", 60, "sample size")
	seed := fs.Uint64("seed", 1, "seed of the draw")
	minCorpora := fs.Int("min-corpora", 6, "corpora the sample covers when the pool allows")
	minPost := fs.Int("min-post2022", 20, "post-2022 findings the sample holds when the pool allows")
	maxDate := fs.Int("max-blame", 400, "findings beyond the sample blamed while looking for post-2022 ones")
	outDir := fs.String("out", "bench/judged", "`folder` of the sheet")
	ctxDir := fs.String("context", "bench/out/judge", "`folder` of the context files (git-ignored)")
	day := fs.String("date", time.Now().UTC().Format(time.DateOnly), "date in the sheet's name")
	binary := fs.String("binary", "", "what produced the reports (recorded in the sheet)")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *reports == "" || fs.NArg() > 0 || *n < 1 {
		fmt.Fprintln(stderr, "usage: judge sample -reports DIR [-rule R] [-level L] [-n N] [-seed S] ...")
		return 2
	}
	if err := sample(*reports, *versions, *rule, *level, *n, *seed, *minCorpora, *minPost, *maxDate, *outDir, *ctxDir, *day, *binary, stdout); err != nil {
		fmt.Fprintln(stderr, "judge sample:", err)
		return 2
	}
	return 0
}

func sample(reports, versions, rule, level string, n int, seed uint64, minCorpora, minPost, maxDate int, outDir, ctxDir, day, binary string, stdout io.Writer) error {
	corpora, err := readVersions(versions, filepath.Dir(filepath.Dir(versions)))
	if err != nil {
		return err
	}
	def, err := readReports(reports, "default")
	if err != nil {
		return err
	}
	if len(def) == 0 {
		return fmt.Errorf("no reports in %s", filepath.Join(reports, "default"))
	}
	strict, err := readReports(reports, "strict")
	if err != nil {
		return err
	}
	if level != "default" && len(strict) == 0 {
		return fmt.Errorf("level %s needs strict reports; none in %s", level, filepath.Join(reports, "strict"))
	}
	for c := range def {
		if _, ok := corpora[c]; !ok {
			return fmt.Errorf("corpus %s has a report and no line in %s", c, versions)
		}
	}
	all, err := pool(def, strict, rule, level)
	if err != nil {
		return err
	}
	if len(all) == 0 {
		return fmt.Errorf("no %s findings at level %s in %s", rule, level, reports)
	}
	name := fmt.Sprintf("%s-%s-%s", rule, level, day)
	sheet := filepath.Join(outDir, name+".tsv")
	if _, err := os.Stat(sheet); err == nil {
		return fmt.Errorf("%s exists: a judged sheet is never overwritten (give another -date or -out)", sheet)
	}
	bl := newBlamer(filepath.Join(ctxDir, "blame.tsv"))
	date := func(it *item) string {
		c := corpora[it.Corpus]
		if c.GitDir == "" {
			return "n/a"
		}
		return bl.post2022(c, it.F.File, it.F.Line)
	}
	d := drawSample(all, n, seed, minCorpora, minPost, maxDate, date)
	if err := bl.save(); err != nil {
		return err
	}

	var b strings.Builder
	fmt.Fprintf(&b, "# riskvet judging sheet: %d %s findings at level %s, drawn %s with seed %d (math/rand/v2 PCG)\n", len(d.Sample), rule, level, day, seed)
	if binary != "" {
		fmt.Fprintf(&b, "# reports: %s, by %s\n", reports, binary)
	}
	fmt.Fprintf(&b, "# pool: %d findings:%s\n", len(all), perCorpus(d.PoolByCorpus))
	fmt.Fprintf(&b, "# swaps after the random draw: %d for corpus coverage (at least %d corpora), %d for post-2022 lines (at least %d)\n", d.CorpusSwaps, minCorpora, d.PostSwaps, minPost)
	for _, u := range d.Unmet {
		fmt.Fprintf(&b, "# not met: %s\n", u)
	}
	fmt.Fprintln(&b, "# verdict: true, false or unclear; cause (for false): see bench/README.md; judge from the code, not from the tool's message")
	b.WriteString(strings.Join(sheetColumns, "\t") + "\n")
	for i, it := range d.Sample {
		c := corpora[it.Corpus]
		row := []string{strconv.Itoa(i + 1), it.Corpus, c.Version, it.F.File, strconv.Itoa(it.F.Line), strconv.Itoa(it.F.Column),
			it.F.Rule, it.Level, it.F.Message, it.post, "", "", ""}
		for j := range row {
			row[j] = tsvField(row[j])
		}
		b.WriteString(strings.Join(row, "\t") + "\n")
	}
	if err := os.MkdirAll(outDir, 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(sheet, []byte(b.String()), 0o644); err != nil {
		return err
	}
	ctx := filepath.Join(ctxDir, name)
	if err := writeContexts(ctx, d.Sample, corpora); err != nil {
		return err
	}

	got := map[string]int{}
	post := 0
	for _, it := range d.Sample {
		got[it.Corpus]++
		if it.post == "yes" {
			post++
		}
	}
	fmt.Fprintf(stdout, "%s: %d findings in %d corpora (%s), %d post-2022; pool %d\n", sheet, len(d.Sample), len(got), strings.TrimSpace(perCorpus(got)), post, len(all))
	for _, u := range d.Unmet {
		fmt.Fprintf(stdout, "  not met: %s\n", u)
	}
	fmt.Fprintf(stdout, "context files: %s/<id>.txt\n", ctx)
	return nil
}

func perCorpus(m map[string]int) string {
	var b strings.Builder
	for _, c := range slices.Sorted(maps.Keys(m)) {
		fmt.Fprintf(&b, " %s %d", c, m[c])
	}
	return b.String()
}

// tsvField keeps a value on one cell: tabs and newlines become spaces.
func tsvField(s string) string {
	return strings.NewReplacer("\t", " ", "\n", " ", "\r", " ").Replace(s)
}
