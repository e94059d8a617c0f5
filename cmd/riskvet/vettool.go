package main

import (
	"bytes"
	"cmp"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"go/ast"
	"go/token"
	"io"
	"os"
	"os/exec"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"text/tabwriter"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/unitchecker"
	"honnef.co/go/tools/analysis/lint"

	"github.com/riskvet/riskvet/analyzers/vettool"
	"github.com/riskvet/riskvet/gocheck"
	"github.com/riskvet/riskvet/internal/config"
	"github.com/riskvet/riskvet/internal/rules"
)

// vettoolMode reports whether args are one of the calls go vet makes of its
// -vettool: "-V=full" (the executable's identity, for vet's cache),
// "-flags" (the analyzer flags, as JSON) or "[flags] unit.cfg" (analyze one
// package). A standalone user never writes these: riskvet's own version
// flag is -version, and package patterns do not end in ".cfg".
func vettoolMode(args []string) bool {
	for _, a := range args {
		if a == "-flags" || a == "--flags" || a == "-V" || strings.HasPrefix(a, "-V=") || strings.HasPrefix(a, "--V=") {
			return true
		}
	}
	return len(args) > 0 && strings.HasSuffix(args[len(args)-1], ".cfg")
}

// runVettool hands the process to the unit checker; it does not return.
// riskvet.toml, found from the package's directory (the working directory
// for -V=full), reaches the analyzers as flags placed before vet's own, so
// that `go vet -vettool=riskvet -genericdepth.max=5` still wins over the
// file; its excludes and per-path overrides filter the diagnostics before
// the unit checker prints them, in text and in -json alike.
func runVettool() {
	args := os.Args[1:]
	if slices.Contains(args, "-flags") || slices.Contains(args, "--flags") {
		// The flags' description does not depend on the file, and go vet
		// hides this call's stderr: a bad file is reported by -V=full.
		unitchecker.Main(vettool.Analyzers()...)
	}
	u := readUnit(args)
	cfg, err := config.Discover(u.dir())
	if err != nil {
		fmt.Fprintf(os.Stderr, "riskvet: %v\n", err)
		os.Exit(exitError)
	}
	if slices.Contains(args, "-V=full") || slices.Contains(args, "--V=full") {
		if err := printVetVersion(os.Stdout, cfg); err != nil {
			fmt.Fprintf(os.Stderr, "riskvet: %v\n", err)
			os.Exit(exitError)
		}
		os.Exit(exitClean)
	}
	var typechecked func()
	if u.Dir != "" && !u.VetxOnly && runtime.GOOS != "windows" {
		fd := os.Getenv(typecheckedEnv)
		if fd == "" {
			if code, ok := superviseUnit(args); ok {
				os.Exit(code)
			}
		} else if n, err := strconv.Atoi(fd); err == nil {
			f := os.NewFile(uintptr(n), "typechecked")
			typechecked = func() { f.Write([]byte{1}); f.Close() }
		}
	}
	// riskvet.toml's analyzer tables set the flags before the unit checker
	// parses the command line, whose flags win.
	if err := applySettings(cfg, func(string) bool { return false }, false); err != nil {
		fmt.Fprintf(os.Stderr, "riskvet: %v\n", err)
		os.Exit(exitError)
	}
	os.Args = slices.Concat(os.Args[:1], vetConfigArgs(cfg), args)
	if u.VetxOnly {
		// A dependency, analyzed for its facts: nothing is printed, so
		// nothing is filtered, and no finding is looked for.
		unitchecker.Main(vettool.FactsOnly(vettool.Analyzers())...)
	}
	unitchecker.Main(vetSuite(vettool.Analyzers(), cfg, typechecked)...)
}

// vetSuite returns the analyzers as the unit checker runs them on a
// package: riskvet.toml's per-path settings apply as findings are reported,
// as in the standalone driver (gocheck.PerPath: a finding in a file where
// its check is off is dropped, an analyzer whose every finding there is
// dropped does not run), the SSA form's readers run first
// (vettool.SSAFirst), and //lint:ignore directives apply (filtered). The
// skip sits inside SSAFirst, which waits for every reader it counted to
// finish: a skipped reader still finishes (but may build the form it does
// not read).
func vetSuite(as []*analysis.Analyzer, cfg *config.Config, typechecked func()) []*analysis.Analyzer {
	if len(cfg.Exclude) > 0 || len(cfg.Overrides) > 0 {
		as = gocheck.PerPath(as, func(file, check string) bool { return droppedBy(cfg, file, check) }, vetFile)
	}
	return filtered(vettool.SSAFirst(as), typechecked)
}

// vetFile is the file go vet names a diagnostic at pos by.
func vetFile(fset *token.FileSet, pos token.Pos) string {
	return fset.Position(pos).Filename
}

// droppedBy reports whether riskvet.toml drops the findings of check in
// file under go vet: the file is excluded, or the check is off there.
func droppedBy(cfg *config.Config, file, check string) bool {
	return cfg.Excluded(file) || !cfg.Enabled(file, check, true)
}

// unit is what riskvet reads of the unit.cfg go vet passes its tool.
type unit struct {
	Dir      string // the package's directory; go vet runs the tool there too
	VetxOnly bool   // analyze a dependency for its facts only: nothing is printed
}

// readUnit reads the unit.cfg that ends args; the zero unit when there is
// none or it cannot be read (the unit checker then reports it itself).
func readUnit(args []string) unit {
	var u unit
	if len(args) == 0 || !strings.HasSuffix(args[len(args)-1], ".cfg") {
		return u
	}
	if data, err := os.ReadFile(args[len(args)-1]); err == nil {
		_ = json.Unmarshal(data, &u)
	}
	return u
}

// dir is the directory riskvet.toml is searched from.
func (u unit) dir() string { return cmp.Or(u.Dir, ".") }

// typecheckedEnv names the file descriptor on which a unit checker run
// under superviseUnit reports that the package type-checked.
const typecheckedEnv = "RISKVET_VET_TYPECHECKED_FD"

// superviseUnit runs the unit checker on a package in a child riskvet and
// relays its output, so that a type error keeps the form go vet's own tool
// gives it: "vet: file:line:col: message". x/tools' unit checker prints a
// type error without that prefix and exits 1, as it does after printing
// findings; only the child knows which happened, and it says so by writing
// to a pipe once an analyzer runs, which happens only after the package
// type-checked. ok is false when the child could not be started; the
// caller then runs the unit checker itself. Only packages whose findings
// are printed are supervised: a dependency analyzed for its facts prints
// nothing, so it costs no second process.
func superviseUnit(args []string) (code int, ok bool) {
	exe, err := os.Executable()
	if err != nil {
		return 0, false
	}
	r, w, err := os.Pipe()
	if err != nil {
		return 0, false
	}
	defer r.Close()
	var stderr bytes.Buffer
	cmd := exec.Command(exe, args...)
	cmd.Env = append(os.Environ(), typecheckedEnv+"=3")
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, &stderr
	cmd.ExtraFiles = []*os.File{w}
	err = cmd.Start()
	w.Close()
	if err != nil {
		return 0, false
	}
	signal, _ := io.ReadAll(r) // until the child closes it or exits
	err = cmd.Wait()
	var exit *exec.ExitError
	if err != nil && !errors.As(err, &exit) {
		fmt.Fprintf(os.Stderr, "riskvet: %v\n", err)
		return exitError, true
	}
	code = cmd.ProcessState.ExitCode()
	if code == 1 && len(signal) == 0 && stderr.Len() > 0 && !bytes.HasPrefix(stderr.Bytes(), []byte("riskvet: ")) {
		os.Stderr.WriteString("vet: ")
	}
	os.Stderr.Write(stderr.Bytes())
	return code, true
}

// vetConfigArgs turns riskvet.toml's lists into unit checker flags: checks
// turned off everywhere (-nilness=false), by the file or by their rule's
// default (singleinst). A check that an override turns back on for some
// paths keeps running, and vetSuite drops its findings elsewhere (and does
// not run it on a package where it is off in every file).
func vetConfigArgs(cfg *config.Config) []string {
	var args []string
	for _, a := range vettool.Analyzers() {
		// A rule that is off by default (singleinst) stays off unless
		// riskvet.toml enables it: the unit checker runs every analyzer it
		// is not told to skip.
		r, known := rules.Lookup(a.Name)
		offByDefault := known && !r.Default && !slices.Contains(cfg.Enable, a.Name)
		if (slices.Contains(cfg.Disable, a.Name) || offByDefault) && !enabledSomewhere(cfg, a.Name) {
			args = append(args, "-"+a.Name+"=false")
		}
	}
	return args
}

// enabledSomewhere reports whether an override turns rule on for its paths.
func enabledSomewhere(cfg *config.Config, rule string) bool {
	for _, o := range cfg.Overrides {
		if slices.Contains(o.Enable, rule) {
			return true
		}
	}
	return false
}

// filtered returns the analyzers with the packages' //lint:ignore and
// //lint:file-ignore directives applied to their diagnostics: each is a
// copy whose pass drops a diagnostic that a directive with a reason
// suppresses. The unit checker prints what is
// left, so its text and -json outputs agree. typechecked, when not nil, is
// called once, when the first analyzer runs. A copy keeps its original's
// name, flags, facts and requirements; no analyzer of the list requires
// another one of it, so none runs twice.
func filtered(as []*analysis.Analyzer, typechecked func()) []*analysis.Analyzer {
	var ignores []ignore
	once := sync.OnceFunc(func() {
		if typechecked != nil {
			typechecked()
		}
	})
	var parse sync.Once // the unit checker analyzes one package per process
	out := make([]*analysis.Analyzer, len(as))
	for i, a := range as {
		c := *a
		c.Run = func(pass *analysis.Pass) (any, error) {
			once()
			parse.Do(func() { ignores = lintIgnores(pass.Fset, pass.Files) })
			if len(ignores) == 0 {
				return a.Run(pass)
			}
			p := *pass
			p.Report = func(d analysis.Diagnostic) {
				posn := pass.Fset.Position(d.Pos)
				for _, ig := range ignores {
					if ig.file == posn.Filename && (ig.line == 0 || ig.line == posn.Line) && gocheck.Suppresses(ig.checks, a.Name) {
						return
					}
				}
				pass.Report(d)
			}
			return a.Run(&p)
		}
		out[i] = &c
	}
	return out
}

// ignore is a //lint:ignore (line > 0: the line of the node it annotates)
// or a //lint:file-ignore (line 0) directive with a reason.
type ignore struct {
	file   string
	line   int
	checks []string
}

// lintIgnores returns the //lint:ignore and //lint:file-ignore directives
// of files that give a reason, as staticcheck reads them. A directive
// without a reason suppresses nothing; the standalone linter reports it,
// go vet has no rule to report it under. Only files with a //lint: comment
// are mapped, which is the costly part.
func lintIgnores(fset *token.FileSet, files []*ast.File) []ignore {
	var out []ignore
	for _, f := range files {
		if !slices.ContainsFunc(f.Comments, func(g *ast.CommentGroup) bool {
			return slices.ContainsFunc(g.List, func(c *ast.Comment) bool { return strings.HasPrefix(c.Text, "//lint:") })
		}) {
			continue
		}
		for _, d := range lint.ParseDirectives([]*ast.File{f}, fset) {
			if (d.Command != "ignore" && d.Command != "file-ignore") || len(d.Arguments) < 2 {
				continue
			}
			ig := ignore{file: fset.Position(d.Directive.Pos()).Filename, checks: strings.Split(d.Arguments[0], ",")}
			if d.Command == "ignore" {
				posn := fset.Position(d.Node.Pos())
				ig.file, ig.line = posn.Filename, posn.Line
			}
			out = append(out, ig)
		}
	}
	return out
}

// printVetVersion answers go vet's "-V=full": the line go vet keys its
// result cache by. The unit checker's own line hashes the executable only,
// so a changed riskvet.toml would replay results cached under the old one;
// the hash of the configuration found from the working directory is
// appended to the build ID (with no file, the line is the unit checker's).
// go vet runs "-V=full" in its own working
// directory, where the user ran it, and uses the build ID's last
// slash-separated part (the content ID) as the key: the suffix must go
// there, and contain no slash. A riskvet.toml nearer to a package than to
// that directory is read by the analysis but not part of the key.
func printVetVersion(w io.Writer, cfg *config.Config) error {
	exe, err := os.Executable()
	if err != nil {
		return err
	}
	f, err := os.Open(exe)
	if err != nil {
		return err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return err
	}
	suffix := ""
	if cfg.Path != "" {
		suffix = "-config-" + cfg.Hash()
	}
	_, err = fmt.Fprintf(w, "%s version devel comments-go-here buildID=%02x%s\n", exe, h.Sum(nil), suffix)
	return err
}

// vetExtra is an analyzer the vettool runs that the installed Go's vet
// does not.
type vetExtra struct {
	name, source, title string
}

// compareVet compares the vettool's analyzers with those the installed
// Go's vet runs (vet names the listing of `go tool vet help`): extra are
// the vettool's own, missing are vet's that the vettool lacks.
func compareVet(installed []string) (extra []vetExtra, missing []string) {
	inVet := map[string]bool{}
	for _, n := range installed {
		inVet[n] = true
	}
	ours := map[string]bool{}
	for _, a := range vettool.Analyzers() {
		ours[a.Name] = true
		if inVet[a.Name] {
			continue
		}
		e := vetExtra{name: a.Name, source: "x/tools vet suite"}
		title, _, _ := strings.Cut(a.Doc, "\n")
		title = strings.TrimPrefix(title, a.Name+": ")
		if r, ok := rules.Lookup(a.Name); ok {
			e.source, title = cmp.Or(r.Upstream, "riskvet"), r.Title
		}
		e.title = title
		extra = append(extra, e)
	}
	for _, n := range installed {
		if !ours[n] {
			missing = append(missing, n)
		}
	}
	return extra, missing
}

// installedVet returns the installed Go's version and the analyzers its vet
// runs, read from `go tool vet help`.
func installedVet() (version string, names []string, err error) {
	out, err := exec.Command("go", "env", "GOVERSION").Output()
	if err != nil {
		return "", nil, fmt.Errorf("go env GOVERSION: %v", err)
	}
	version = strings.TrimSpace(string(out))
	// vet prints its help on stderr or stdout depending on the version.
	out, err = exec.Command("go", "tool", "vet", "help").CombinedOutput()
	if err != nil {
		return "", nil, fmt.Errorf("go tool vet help: %v", err)
	}
	_, list, ok := strings.Cut(string(out), "Registered analyzers:")
	if !ok {
		return "", nil, fmt.Errorf("go tool vet help: no list of analyzers")
	}
	for line := range strings.Lines(list) {
		fields := strings.Fields(line)
		switch {
		case len(fields) == 0:
			continue
		case !strings.HasPrefix(line, " "):
			return version, names, nil // the text after the list
		}
		names = append(names, fields[0])
	}
	return version, names, nil
}

// writeVetHelp is `riskvet help vet`: which analyzers go vet -vettool=riskvet
// runs beyond the installed Go's vet.
func writeVetHelp(w io.Writer) error {
	version, installed, err := installedVet()
	if err != nil {
		return err
	}
	extra, missing := compareVet(installed)
	fmt.Fprintf(w, "go vet -vettool=riskvet runs %d analyzers: %d of the %d that %s's vet runs, and %d more:\n\n",
		len(vettool.Analyzers()), len(installed)-len(missing), len(installed), version, len(extra))
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	for _, e := range extra {
		fmt.Fprintf(tw, "  %s\t%s\t%s\n", e.name, e.source, e.title)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if len(missing) > 0 {
		fmt.Fprintf(w, "\n%s's vet runs %d the vettool does not: %s\n", version, len(missing), strings.Join(missing, ", "))
	}
	fmt.Fprintf(w, "\nFindings of the %d more are ones plain go vet would not print.\n", len(extra))
	return nil
}
