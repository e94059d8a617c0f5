package gocheck

import (
	"go/ast"
	"reflect"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/riskvet/riskvet/analyzers/singleinst"
)

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
