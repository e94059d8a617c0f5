package main

import (
	"bufio"
	"cmp"
	"fmt"
	"io"
	"maps"
	"math"
	"os"
	"slices"
	"strconv"
	"strings"
)

// A row is one judged finding.
type row struct {
	sheet   string
	corpus  string
	rule    string
	level   string
	post    string
	verdict string
	cause   string
	// id, file, line and col place the finding (refit matches them).
	id, file  string
	line, col int
}

// readSheet reads a judging sheet: "#" lines, a header naming at least
// corpus, rule, level, post2022, verdict and cause, then one row a line.
func readSheet(path string) ([]row, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var rows []row
	var col map[string]int
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimRight(sc.Text(), "\r")
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fields := strings.Split(line, "\t")
		if col == nil {
			col = map[string]int{}
			for i, h := range fields {
				col[strings.TrimSpace(h)] = i
			}
			for _, h := range []string{"corpus", "rule", "level", "post2022", "verdict", "cause"} {
				if _, ok := col[h]; !ok {
					return nil, fmt.Errorf("%s:%d: header lacks column %q", path, n, h)
				}
			}
			continue
		}
		get := func(h string) string {
			if i := col[h]; i < len(fields) {
				return strings.TrimSpace(fields[i])
			}
			return ""
		}
		r := row{sheet: path, corpus: get("corpus"), rule: get("rule"), level: get("level"), post: get("post2022"),
			verdict: strings.ToLower(get("verdict")), cause: get("cause"), id: get("id"), file: get("file")}
		r.line, _ = strconv.Atoi(get("line"))
		r.col, _ = strconv.Atoi(get("col"))
		switch r.verdict {
		case "true", "false", "unclear", "":
		default:
			return nil, fmt.Errorf("%s:%d: verdict %q: want true, false, unclear or empty", path, n, get("verdict"))
		}
		rows = append(rows, r)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	if col == nil {
		return nil, fmt.Errorf("%s: no header line", path)
	}
	return rows, nil
}

// A tally counts the verdicts of a group of rows.
type tally struct {
	True, False, Unclear, Pending, Post int
	PostTrue, PostFalse                 int
	causes                              map[string]int
}

func (t *tally) add(r row) {
	switch r.verdict {
	case "true":
		t.True++
	case "false":
		t.False++
		if t.causes == nil {
			t.causes = map[string]int{}
		}
		c := r.cause
		if c == "" {
			c = "(no cause given)"
		}
		t.causes[c]++
	case "unclear":
		t.Unclear++
	default:
		t.Pending++
	}
	if r.post == "yes" {
		t.Post++
		switch r.verdict {
		case "true":
			t.PostTrue++
		case "false":
			t.PostFalse++
		}
	}
}

// wilson returns the Wilson score interval at 95% for k successes in n
// trials: unlike the normal approximation it stays inside [0, 1] and is
// honest for the small samples and extreme ratios judging produces.
func wilson(k, n int) (lo, hi float64) {
	if n == 0 {
		return 0, 1
	}
	const z = 1.959963984540054
	p, nf := float64(k)/float64(n), float64(n)
	den := 1 + z*z/nf
	mid := (p + z*z/(2*nf)) / den
	half := z * math.Sqrt(p*(1-p)/nf+z*z/(4*nf*nf)) / den
	return max(0, mid-half), min(1, mid+half)
}

// precision formats true/(true+false) with its interval.
func precision(t, f int) string {
	if t+f == 0 {
		return "-"
	}
	lo, hi := wilson(t, t+f)
	return fmt.Sprintf("%.2f (%.2f-%.2f)", float64(t)/float64(t+f), lo, hi)
}

func (t *tally) causeList() string {
	type kv struct {
		k string
		v int
	}
	var list []kv
	for k, v := range t.causes {
		list = append(list, kv{k, v})
	}
	slices.SortFunc(list, func(a, b kv) int { return cmp.Or(cmp.Compare(b.v, a.v), cmp.Compare(a.k, b.k)) })
	var parts []string
	for _, e := range list {
		parts = append(parts, fmt.Sprintf("%s %d", e.k, e.v))
	}
	return strings.Join(parts, ", ")
}

func runPrecision(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || strings.HasPrefix(args[0], "-") {
		fmt.Fprintln(stderr, "usage: judge precision SHEET.tsv...")
		return 2
	}
	var rows []row
	for _, p := range args {
		rs, err := readSheet(p)
		if err != nil {
			fmt.Fprintln(stderr, "judge precision:", err)
			return 2
		}
		rows = append(rows, rs...)
	}
	writePrecision(stdout, args, rows)
	return 0
}

// writePrecision prints the precision tables in Markdown.
func writePrecision(w io.Writer, sheets []string, rows []row) {
	fmt.Fprintf(w, "Sheets: %s\n\n", strings.Join(sheets, ", "))
	fmt.Fprintln(w, "Precision = true / (true + false), Wilson 95% interval; unclear findings are counted apart and left out of the ratio; pending = not judged yet.")
	group := func(title string, keyOf func(row) string) {
		byKey := map[string]*tally{}
		for _, r := range rows {
			k := keyOf(r)
			if byKey[k] == nil {
				byKey[k] = &tally{}
			}
			byKey[k].add(r)
		}
		fmt.Fprintf(w, "\n### %s\n\n", title)
		fmt.Fprintln(w, "| group | judged | true | false | unclear | pending | precision (95% CI) | post-2022 (true/false) | post-2022 precision | causes of false |")
		fmt.Fprintln(w, "|---|---|---|---|---|---|---|---|---|---|")
		for _, k := range slices.Sorted(maps.Keys(byKey)) {
			t := byKey[k]
			fmt.Fprintf(w, "| %s | %d | %d | %d | %d | %d | %s | %d (%d/%d) | %s | %s |\n", k, t.True+t.False+t.Unclear, t.True, t.False, t.Unclear, t.Pending,
				precision(t.True, t.False), t.Post, t.PostTrue, t.PostFalse, precision(t.PostTrue, t.PostFalse), t.causeList())
		}
	}
	group("By rule and sampled level (sheet)", func(r row) string { return r.rule + " " + sheetLevel(r.sheet) })
	group("By rule and finding level", func(r row) string { return r.rule + " " + r.level })
	group("By rule and corpus", func(r row) string { return r.rule + " " + r.corpus })
}

// sheetLevel reads the sampled level from a sheet's name,
// <rule>-<level>-<YYYY-MM-DD>.tsv.
func sheetLevel(path string) string {
	base := path[strings.LastIndex(path, "/")+1:]
	base = strings.TrimSuffix(base, ".tsv")
	if len(base) > 11 && base[len(base)-11] == '-' {
		base = base[:len(base)-11]
	}
	if _, lvl, ok := strings.Cut(base, "-"); ok {
		return lvl
	}
	return base
}
