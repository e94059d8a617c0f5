// Command judge is riskvet's real-code precision kit: it draws seeded
// random samples of a rule's findings on the corpora of
// bench/fetch-corpora.sh into judging sheets, recomputes precision from the
// sheets once people have judged them, and tabulates findings per thousand
// lines for two riskvet binaries side by side. bench/precision.sh runs it.
//
//	judge sample -reports DIR -rule nullderef -level default -n 60 -seed 1
//	judge precision bench/judged/*.tsv
//	judge density -before DIR -after DIR
//	judge refit -reports DIR bench/judged/undefinedindex-default-2026-12-01.tsv
//
// A reports folder holds one riskvet JSON report per corpus and level, as
// DIR/<level>/<corpus>.json, where level is "default" (riskvet's defaults)
// or "strict" (with -nullderef.strict); each report was written by
// `riskvet php -f json .` run inside the corpus folder, so that its paths
// are relative to that folder. bench/corpus/VERSIONS (written by
// bench/fetch-corpora.sh) names each corpus's folder, version and, for the
// GitHub snapshots, the git directory in which a sampled line is blamed.
//
// # Sample
//
// The findings of one rule at one level form the pool:
//
//	default      the findings of the default report
//	strict       the findings of the strict report
//	strict-only  the findings of the strict report that the default report
//	             lacks (same file, line, column and rule)
//
// The pool, sorted, is shuffled with math/rand/v2's PCG seeded by -seed;
// the first n findings are the sample. When that sample covers fewer than
// -min-corpora corpora or holds fewer than -min-post2022 findings on lines
// written in 2023 or later, the later-drawn findings of over-represented
// corpora are swapped for the next drawn findings that fill the gap (a
// missing corpus, a post-2022 line), as far as the pool allows. The swaps
// over-represent small corpora and recent code against a plain random
// sample: the sheet's header records the pool and how many swaps were made.
//
// A line is post-2022 when `git blame` on the corpus's snapshot, at the
// exported commit, gives it an author date of 2023-01-01 or later ("yes",
// else "no"); on a shallow snapshot, a line blamed on the boundary commit
// is "unknown", since its real author may be older. Debian corpora have no
// history: "n/a".
//
// The sheet, bench/judged/<rule>-<level>-<date>.tsv, has the columns id,
// corpus, corpus_version, file, line, col, rule, level, message, post2022,
// verdict, cause, note (the last three empty, for the judges), after
// comment lines starting with "#" that record the draw. An existing sheet
// is never overwritten. Beside it, under -context (git-ignored), one
// <id>.txt per finding holds 40 lines of source around the finding, the
// declarations of the classes, functions, methods and properties its
// message names, found by a scan of the corpus, and the lines of its file
// that assign those properties.
//
// # Precision
//
// For each rule and level, each corpus, and post-2022 findings apart:
// true, false and unclear verdicts (and rows not judged yet), precision =
// true / (true + false) with its Wilson 95% interval (unclear ones are left
// out of the ratio and counted apart), and the causes given for the false
// ones. A verdict other than true, false, unclear or empty is an error
// naming the sheet and line.
//
// # Density
//
// Per corpus and rule, findings per thousand lines (the lines of the files
// each report lists) for before and after at each level present, and the
// share of nullderef findings in test code (files under a tests, Tests,
// test or Test folder, or named *Test.php).
//
// # Refit
//
// For the judged findings of a sheet, how many a later build still
// reports: a row is still reported when DIR/<level>/<corpus>.json has a
// finding of its rule at its file, line and column. It prints, per
// verdict (and per cause of the false ones), judged and still reported,
// the ids no longer reported, the precision of the ones still reported,
// and the total findings of the sheet's rule and level in DIR. That
// precision is fitted: the build was changed knowing the verdicts, so it
// overstates what a fresh sample of the build's findings would show.
//
// Exit codes: 0 done, 2 usage or input error.
package main

import (
	"fmt"
	"io"
	"os"
)

const usage = `usage: judge sample|precision|density|refit [flags]

  judge sample -reports DIR -rule RULE -level default|strict|strict-only [-n N] [-seed S] ...
  judge precision SHEET.tsv...
  judge density -before DIR [-after DIR]
  judge refit -reports DIR SHEET.tsv...

judge COMMAND -h lists a command's flags.`

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprintln(stderr, usage)
		return 2
	}
	switch args[0] {
	case "sample":
		return runSample(args[1:], stdout, stderr)
	case "precision":
		return runPrecision(args[1:], stdout, stderr)
	case "density":
		return runDensity(args[1:], stdout, stderr)
	case "refit":
		return runRefit(args[1:], stdout, stderr)
	}
	fmt.Fprintln(stderr, usage)
	return 2
}
