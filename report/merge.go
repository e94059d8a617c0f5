package report

import (
	"path"
	"slices"
	"strings"

	"github.com/riskvet/riskvet/internal/finding"
	"github.com/riskvet/riskvet/internal/version"
)

// Merge combines reports (the shards of one run, or the outputs of several
// tools) into one, with no finding lost or doubled.
//
// Findings are never de-duplicated across tools or inputs: go vet's printf
// and staticcheck's SA5009 on the same call are two issues, and so are two
// identical findings from different tools. The one exception is a file
// scanned twice by the same run: when two reports of the same tool list the
// file with identical [finding.FileStat] entries (overlapping shards, or the
// same report given twice), the file's findings are merged by multiplicity
// (each distinct finding appears as often as in the report that has it most
// often), and the FileStat appears once. Foreign inputs (go vet,
// staticcheck) list no files, so their findings always add up. The
// trade-off: two runs of the same tool version over two different copies of
// a file with the same path and line count are taken for one scan, and a
// finding both report is kept once, not twice; taking the larger count means
// no distinct finding is ever lost.
//
// When the reports have different roots, relative paths are joined with
// their report's root so that they stay meaningful, and the result has no
// root. The result keeps the commit the reports record when they agree,
// and none when they do not (riskvet matrix splits such inputs into a
// trend before it merges).
func Merge(reports ...*finding.Report) *finding.Report {
	out := &finding.Report{Schema: finding.Schema}
	var live []*finding.Report
	for _, r := range reports {
		if r != nil && (len(r.Findings) > 0 || len(r.Files) > 0 || len(r.Errors) > 0 || r.Tool.Name != "") {
			live = append(live, r)
		}
	}
	sameRoot := true
	for _, r := range live {
		if r.Root != live[0].Root {
			sameRoot = false
		}
	}
	if len(live) > 0 && sameRoot {
		out.Root = live[0].Root
	}
	sameCommit := true
	for i, r := range live {
		if i == 0 {
			out.Tool = r.Tool
		} else if r.Tool != out.Tool {
			out.Tool = finding.Tool{Name: "riskvet", Version: version.String()}
		}
		// Foreign inputs record no commit: they take the commit of the
		// riskvet reports they are merged with.
		if r.Commit != "" {
			if out.Commit != "" && (r.Commit != out.Commit || r.Date != out.Date) {
				sameCommit = false
			}
			out.Commit, out.Date = r.Commit, r.Date
		}
	}
	if !sameCommit {
		out.Commit, out.Date = "", ""
	}
	rebase := func(r *finding.Report, p string) string {
		if sameRoot || r.Root == "" || p == "" || IsAbsPath(p) {
			return p
		}
		return path.Join(strings.ReplaceAll(r.Root, `\`, "/"), p)
	}

	type statKey struct {
		tool finding.Tool
		stat finding.FileStat
	}
	type countKey struct {
		tool finding.Tool
		f    finding.Finding
	}
	seenStat := map[statKey]bool{}
	// most counts each finding of a file scanned by several reports of one
	// tool: the largest count any of them has.
	most := map[countKey]int{}
	var counted []countKey
	seenComp := map[finding.Component]bool{}
	for _, r := range live {
		for _, c := range r.Components {
			c.Path = rebase(r, c.Path)
			if !seenComp[c] {
				seenComp[c] = true
				out.Components = append(out.Components, c)
			}
		}
		scanned := map[string]bool{}
		for _, s := range r.Files {
			s.Path = rebase(r, s.Path)
			scanned[s.Path] = true
			k := statKey{r.Tool, s}
			if !seenStat[k] {
				seenStat[k] = true
				out.Files = append(out.Files, s)
			}
		}
		local := map[countKey]int{}
		for _, f := range r.Findings {
			f.File = rebase(r, f.File)
			if !scanned[f.File] {
				out.Findings = append(out.Findings, f)
				continue
			}
			local[countKey{r.Tool, f}]++
		}
		for k, n := range local {
			if _, ok := most[k]; !ok {
				counted = append(counted, k)
			}
			most[k] = max(most[k], n)
		}
		for _, e := range r.Errors {
			e.File = rebase(r, e.File)
			out.Errors = append(out.Errors, e)
		}
	}
	for _, k := range counted {
		for range most[k] {
			out.Findings = append(out.Findings, k.f)
		}
	}
	slices.SortFunc(out.Errors, finding.CompareErrors)
	out.Errors = slices.Compact(out.Errors)
	out.Normalize()
	return out
}

// IsAbsPath reports whether p is absolute on Unix or Windows ("/x",
// "C:/x", `C:\x`, `\\host\share`), whatever the platform running riskvet.
func IsAbsPath(p string) bool {
	p = strings.ReplaceAll(p, `\`, "/")
	if strings.HasPrefix(p, "/") {
		return true
	}
	return len(p) >= 3 && p[1] == ':' && p[2] == '/' && (p[0]|0x20 >= 'a' && p[0]|0x20 <= 'z')
}
