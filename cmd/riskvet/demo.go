package main

import (
	"embed"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/riskvet/riskvet/internal/finding"
	"github.com/riskvet/riskvet/internal/rules"
)

// demoProject is the project `riskvet demo` scans: an inventory service in
// Go and the PHP user pages in front of it, each file carrying one risk.
//
// It lives under testdata so that the go command leaves it alone: its
// deliberate bugs must not be built, vetted or linted as part of riskvet.
// Its go.mod is stored as go.mod.txt because go:embed refuses files of
// another module, and is renamed when the project is extracted.
//
//go:embed testdata/demo
var demoProject embed.FS

const demoRoot = "testdata/demo"

// demoChecks are the checks the demo shows firing. The Go nil check is any
// curated Go rule that fails at run time (nilness today).
var demoChecks = []string{"genericdepth", "constraintcoupling", "ifaceparam", "go nil check", "nullderef", "stricttypes", "undefinedindex", "parseerror"}

const demoUsage = `usage: riskvet demo [-o DIR]

Extract a small Go and PHP project bundled in riskvet (to DIR, which must be
new or empty, or to a new temporary directory), run riskvet scan on it, and
show each check firing and the risk matrix. The project and its reports,
including riskvet-report/matrix.html, are kept for you to look at.

Exit codes: 0 the demo ran (its findings are the point, so they do not make
it fail), 2 usage error, or the project could not be extracted or checked.

Flags:
`

// runDemo is `riskvet demo`.
func runDemo(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fset := newFlagSet("riskvet demo")
	dir := fset.String("o", "", "extract the demo project into `dir`ectory (default: a new temporary directory)")
	if code, ok := parseFlags(fset, demoUsage, args, stdout, stderr); !ok {
		return code
	}
	if fset.NArg() > 0 {
		fmt.Fprintln(stderr, "riskvet demo: takes no arguments")
		printSubUsage(stderr, fset, demoUsage)
		return exitError
	}
	project, err := extractDemo(*dir)
	if err != nil {
		fmt.Fprintf(stderr, "riskvet demo: %v\n", err)
		return exitError
	}
	fmt.Fprintf(stdout, "riskvet demo: scanning an inventory service (Go) and its user pages (PHP) in %s\n\n", project)

	outDir := filepath.Join(project, "riskvet-report")
	r, code := scanProject(project, outDir, nil, stdout, stderr)
	if r == nil || code == exitError {
		return exitError
	}

	fired := firedChecks(r)
	var missing []string
	fmt.Fprintln(stdout, "\nchecks shown:")
	for _, c := range demoChecks {
		mark := fmt.Sprintf("fired (%s)", fired[c])
		if fired[c] == "" {
			mark = "DID NOT FIRE"
			missing = append(missing, c)
		}
		fmt.Fprintf(stdout, "  %-20s %s\n", c, mark)
	}
	fmt.Fprintf(stdout, "\nopen %s in a browser to see the risk matrix chart\n", filepath.Join(outDir, "matrix.html"))
	if len(missing) > 0 {
		// Not an error of the user's: the binary was built without a
		// check, or a check regressed. Say so, but the demo still ran.
		fmt.Fprintf(stderr, "riskvet demo: expected checks did not fire: %s\n", strings.Join(missing, ", "))
	}
	return exitClean
}

// firedChecks maps each demo check that has findings in r to a note of
// them: "1 finding", or for the Go nil check the rule that fired.
func firedChecks(r *finding.Report) map[string]string {
	counts := map[string]int{}
	var nilRules []string
	for _, f := range r.Findings {
		counts[f.Rule]++
		if f.Language == finding.Go && rules.Foreign(f.Engine, f.Rule, f.Language).Runtime && !slices.Contains(nilRules, f.Rule) {
			nilRules = append(nilRules, f.Rule)
		}
	}
	fired := map[string]string{}
	for rule, n := range counts {
		fired[rule] = fmt.Sprintf("%d finding", n)
		if n > 1 {
			fired[rule] += "s"
		}
	}
	if len(nilRules) > 0 {
		slices.Sort(nilRules)
		fired["go nil check"] = strings.Join(nilRules, ", ")
	}
	return fired
}

// extractDemo writes the demo project into dir, or into a new temporary
// directory when dir is empty, and returns the directory. It refuses a dir
// that has files in it, so that it never overwrites the user's work.
func extractDemo(dir string) (string, error) {
	if dir == "" {
		d, err := os.MkdirTemp("", "riskvet-demo-")
		if err != nil {
			return "", err
		}
		dir = d
	} else {
		entries, err := os.ReadDir(dir)
		switch {
		case err == nil && len(entries) > 0:
			return "", fmt.Errorf("%s is not empty; give a new or empty directory", dir)
		case err != nil && !errors.Is(err, fs.ErrNotExist):
			return "", err
		}
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return "", err
		}
	}
	err := fs.WalkDir(demoProject, demoRoot, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel := strings.TrimPrefix(strings.TrimPrefix(p, demoRoot), "/")
		if rel == "" {
			return nil
		}
		if rel == "go.mod.txt" {
			rel = "go.mod"
		}
		target := filepath.Join(dir, filepath.FromSlash(rel))
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		data, err := demoProject.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
	if err != nil {
		return "", err
	}
	return dir, nil
}
