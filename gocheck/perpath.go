package gocheck

import (
	"go/ast"
	"go/token"
	"reflect"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/riskvet/riskvet/analyzers/singleinst"
)

// PerPath returns as with riskvet.toml's per-path settings applied while
// the analyzers run: the one mechanism of the standalone driver ([Run]) and
// of go vet (cmd/riskvet's vettool). Each analyzer is a copy whose pass
// drops a diagnostic when it is reported in a file where off(file,
// analyzer) holds (the file is excluded, or the check is off there), file
// being where the mode prints the diagnostic (fileOf); an analyzer that
// may be skipped does not run at all on a package where off holds in every
// file ([SkipOff]). A copy keeps its original's name, flags, facts and
// requirements, and a copy that requires another analyzer of as requires
// that one's copy, so that none runs twice.
//
// singleinst under ModuleScope is left as it is: its diagnostics are
// records of the uses and declarations of the module's generics, not
// findings, and a use in a file where singleinst is off still counts for
// the declaration elsewhere. Run turns the records into findings after
// every package ran, and decides those by their file then.
func PerPath(as []*analysis.Analyzer, off func(file, check string) bool, fileOf func(fset *token.FileSet, pos token.Pos) string) []*analysis.Analyzer {
	as = SkipOff(as, off)
	out := make([]*analysis.Analyzer, len(as))
	copies := map[*analysis.Analyzer]*analysis.Analyzer{}
	for i, a := range as {
		if a == singleinst.Analyzer && singleinst.ModuleScope {
			out[i] = a
			continue
		}
		c := *a
		c.Run = func(pass *analysis.Pass) (any, error) {
			p := *pass
			p.Report = func(d analysis.Diagnostic) {
				if file := fileOf(pass.Fset, d.Pos); file != "" && off(file, a.Name) {
					return
				}
				pass.Report(d)
			}
			return a.Run(&p)
		}
		copies[a] = &c
		out[i] = &c
	}
	for _, c := range copies {
		if !slices.ContainsFunc(c.Requires, func(r *analysis.Analyzer) bool { return copies[r] != nil }) {
			continue
		}
		c.Requires = slices.Clone(c.Requires)
		for j, r := range c.Requires {
			if rc := copies[r]; rc != nil {
				c.Requires[j] = rc
			}
		}
	}
	return out
}

// AllOff reports whether per-path settings drop every finding in pass's
// package: off reports it for each of the package's files, Go or other
// (assembly, for asmdecl). A package with a //line directive (cgo's
// output, a generated parser) is never all off, since a finding placed by
// one may name a file outside the package.
func AllOff(pass *analysis.Pass, off func(file string) bool) bool {
	n := 0
	for _, f := range pass.Files {
		if !off(pass.Fset.File(f.FileStart).Name()) {
			return false
		}
		n++
	}
	for _, file := range slices.Concat(pass.OtherFiles, pass.IgnoredFiles) {
		if !off(file) {
			return false
		}
		n++
	}
	return n > 0 && !lineDirectives(pass.Files)
}

// lineDirectives reports whether files hold a //line directive.
func lineDirectives(files []*ast.File) bool {
	for _, f := range files {
		for _, g := range f.Comments {
			for _, c := range g.List {
				if strings.HasPrefix(c.Text, "//line ") || strings.HasPrefix(c.Text, "/*line ") {
					return true
				}
			}
		}
	}
	return false
}

// skippable reports whether a need not run on a package where its findings
// are all dropped, and returns the result to give instead: an analyzer
// that produces facts must run, since the packages importing this one
// read them, and a result of an interface type has no zero value the
// drivers accept.
func skippable(a *analysis.Analyzer) (result any, ok bool) {
	switch {
	case len(a.FactTypes) > 0:
		return nil, false
	case a.ResultType == nil:
		return nil, true
	case a.ResultType.Kind() == reflect.Interface:
		return nil, false
	}
	// The drivers want a result of the declared type.
	return reflect.Zero(a.ResultType).Interface(), true
}

// SkipOff returns as with each analyzer that may be skipped (skippable,
// required by no other, and not singleinst, whose records under
// ModuleScope count instantiations for the other packages' findings)
// replaced by a copy that does not run on a package where off(file, name)
// holds for every file.
func SkipOff(as []*analysis.Analyzer, off func(file, check string) bool) []*analysis.Analyzer {
	required := map[*analysis.Analyzer]bool{}
	var mark func(a *analysis.Analyzer)
	mark = func(a *analysis.Analyzer) {
		for _, r := range a.Requires {
			if !required[r] {
				required[r] = true
				mark(r)
			}
		}
	}
	for _, a := range as {
		mark(a)
	}
	out := make([]*analysis.Analyzer, len(as))
	for i, a := range as {
		out[i] = a
		result, ok := skippable(a)
		if !ok || required[a] || a == singleinst.Analyzer {
			continue
		}
		c := *a
		c.Run = func(pass *analysis.Pass) (any, error) {
			if AllOff(pass, func(file string) bool { return off(file, a.Name) }) {
				return result, nil
			}
			return a.Run(pass)
		}
		out[i] = &c
	}
	return out
}
