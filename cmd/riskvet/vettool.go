package main

import (
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/unitchecker"

	"github.com/riskvet/riskvet/analyzers/vettool"
	"github.com/riskvet/riskvet/internal/config"
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
	cfg, err := config.Discover(unitDir(args))
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
	os.Args = slices.Concat(os.Args[:1], vetConfigArgs(cfg), args)
	unitchecker.Main(filtered(vettool.Analyzers(), cfg)...)
}

// unitDir returns the directory of the package a unit checker call
// analyzes: the Dir of its unit.cfg (go vet runs the tool there too), or
// the working directory.
func unitDir(args []string) string {
	if len(args) == 0 || !strings.HasSuffix(args[len(args)-1], ".cfg") {
		return "."
	}
	data, err := os.ReadFile(args[len(args)-1])
	if err != nil {
		return "." // the unit checker reports the unreadable file itself
	}
	var unit struct{ Dir string }
	if json.Unmarshal(data, &unit) != nil || unit.Dir == "" {
		return "."
	}
	return unit.Dir
}

// vetConfigArgs turns riskvet.toml into unit checker flags: thresholds
// (-genericdepth.max=4) and checks turned off everywhere (-nilness=false).
// A check that an override turns back on for some paths keeps running, and
// filtered drops its findings elsewhere.
func vetConfigArgs(cfg *config.Config) []string {
	var args []string
	for _, t := range thresholds(cfg) {
		if t.max > 0 {
			args = append(args, fmt.Sprintf("-%s.max=%d", t.a.Name, t.max))
		}
	}
	for _, a := range vettool.Analyzers() {
		if slices.Contains(cfg.Disable, a.Name) && !enabledSomewhere(cfg, a.Name) {
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

// filtered returns the analyzers with riskvet.toml's excludes and per-path
// overrides applied to their diagnostics: each is a copy whose pass drops
// a diagnostic in an excluded file or in a file where its rule is off. The
// unit checker prints what is left, so its text and -json outputs agree.
// Without excludes or overrides, the analyzers are returned as they are.
// A copy keeps its original's name, flags, facts and requirements; no
// analyzer of the list requires another one of it, so none runs twice.
func filtered(as []*analysis.Analyzer, cfg *config.Config) []*analysis.Analyzer {
	if len(cfg.Exclude) == 0 && len(cfg.Overrides) == 0 {
		return as
	}
	out := make([]*analysis.Analyzer, len(as))
	for i, a := range as {
		c := *a
		c.Run = func(pass *analysis.Pass) (any, error) {
			p := *pass
			p.Report = func(d analysis.Diagnostic) {
				file := pass.Fset.Position(d.Pos).Filename
				if file != "" && (cfg.Excluded(file) || !cfg.Enabled(file, a.Name, true)) {
					return
				}
				pass.Report(d)
			}
			return a.Run(&p)
		}
		out[i] = &c
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
