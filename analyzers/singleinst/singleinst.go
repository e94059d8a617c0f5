package singleinst

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/types"
	"maps"
	"regexp"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/riskvet/riskvet/analyzers/internal/exempt"
	"github.com/riskvet/riskvet/analyzers/internal/generated"
	"github.com/riskvet/riskvet/analyzers/internal/tparams"
	"github.com/riskvet/riskvet/internal/docsection"
)

//go:embed doc.go
var doc string

// Analyzer reports generic declarations instantiated with only one
// type-argument list.
var Analyzer = &analysis.Analyzer{
	Name:     "singleinst",
	Doc:      docsection.MustExtract(doc, "Analyzer", "singleinst"),
	URL:      "https://github.com/riskvet/riskvet/blob/main/docs/checks.md#singleinst",
	Requires: []*analysis.Analyzer{inspect.Analyzer},
	Run:      run,
}

// ModuleScope, set by riskvet's standalone command before a run over a
// whole module, makes the analyzer report what it saw as records for a
// Module to merge, instead of findings: the generics of internal packages
// can be used anywhere in the module, which no single package sees. Under
// go vet it stays false.
var ModuleScope = false

// open stands for a type-argument list that mentions another generic's
// type parameters: its concrete types are decided by that generic's own
// instantiations, so the set of lists is open.
const open = "?"

// candidate is a generic declaration the analyzer judges.
type candidate struct {
	ident *ast.Ident
	kind  string // "function", "type", "alias"
	obj   types.Object
}

// includeGenerated is -singleinst.generated: also check generated files.
var includeGenerated *bool

func init() { includeGenerated = generated.Flag(&Analyzer.Flags) }

func run(pass *analysis.Pass) (any, error) {
	insp := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	var cands []candidate // in declaration order, so reports are too
	for d := range exempt.Generics(pass, insp, *includeGenerated) {
		obj := pass.TypesInfo.Defs[d.Name]
		if obj == nil {
			continue
		}
		if !ModuleScope && obj.Exported() && pass.Pkg.Name() != "main" {
			continue // other packages may instantiate it; only a whole-module run can tell
		}
		cands = append(cands, candidate{ident: d.Name, kind: d.Kind, obj: obj})
	}
	if len(cands) == 0 && !ModuleScope {
		// Nothing to judge, and no records to report: most packages under
		// go vet end here, without the walk over every instantiation.
		return nil, nil
	}

	// Every instantiation in the package, test files and generated files
	// included: they are real uses. Only those of a candidate, or under
	// ModuleScope of another module package's generic, are of any use;
	// the others are not written out as text.
	judged := map[types.Object]bool{}
	for _, c := range cands {
		judged[c.obj] = true
	}
	lists := map[types.Object]map[string]bool{}
	for id, inst := range pass.TypesInfo.Instances {
		obj := origin(pass.TypesInfo.Uses[id])
		if obj == nil || obj.Pkg() == nil || obj.Parent() != obj.Pkg().Scope() {
			continue
		}
		if mine := obj.Pkg() == pass.Pkg; mine && !judged[obj] || !mine && (!ModuleScope || std(obj.Pkg())) {
			continue
		}
		list := typeArgs(inst.TypeArgs, obj)
		if list == "" {
			continue // the generic's own type parameters: its declaration or a recursive use
		}
		if lists[obj] == nil {
			lists[obj] = map[string]bool{}
		}
		lists[obj][list] = true
		if obj.Pkg() != pass.Pkg {
			pass.Report(analysis.Diagnostic{Pos: id.Pos(), Message: record(false, obj, "", list)})
		}
	}

	for _, c := range cands {
		obj := c.obj
		seen := slices.Sorted(maps.Keys(lists[obj]))
		if ModuleScope {
			if obj.Exported() && !moduleConfined(pass.Pkg) {
				continue
			}
			pass.Report(analysis.Diagnostic{Pos: c.ident.Pos(), End: c.ident.End(), Message: record(true, obj, c.kind, seen...)})
			continue
		}
		if msg, ok := finding(c.kind, obj.Name(), seen, "package"); ok {
			pass.ReportRangef(c.ident, "%s", msg)
		}
	}
	return nil, nil
}

// origin returns the generic object an instantiated identifier refers to.
func origin(obj types.Object) types.Object {
	switch obj := obj.(type) {
	case *types.Func:
		return obj.Origin()
	case *types.TypeName:
		return obj
	}
	return nil
}

// typeArgs returns the type-argument list as text with full package paths,
// so that the lists of two packages compare; open if it mentions another
// generic's type parameters, and "" if it is exactly the generic's own
// type parameters in order (a method's receiver, a recursive use).
func typeArgs(args *types.TypeList, obj types.Object) string {
	if own(args, obj) {
		return ""
	}
	parts := make([]string, args.Len())
	for i := range args.Len() {
		if tparams.Generic(args.At(i)) {
			return open
		}
		parts[i] = types.TypeString(args.At(i), nil)
	}
	return strings.Join(parts, ", ")
}

// own reports whether args are obj's own type parameters in order: those
// of its declaration, or the receiver type parameters of one of its
// methods, which are objects of their own.
func own(args *types.TypeList, obj types.Object) bool {
	var lists []*types.TypeParamList
	switch obj := obj.(type) {
	case *types.Func:
		lists = append(lists, obj.Signature().TypeParams())
	case *types.TypeName:
		switch t := obj.Type().(type) {
		case *types.Named:
			lists = append(lists, t.TypeParams())
			for m := range t.Methods() {
				lists = append(lists, m.Signature().RecvTypeParams())
			}
		case *types.Alias:
			lists = append(lists, t.TypeParams())
		}
	}
	for _, l := range lists {
		if l.Len() != args.Len() {
			continue
		}
		same := true
		for i := range args.Len() {
			same = same && args.At(i) == l.At(i)
		}
		if same {
			return true
		}
	}
	return false
}

// finding returns the message for a generic seen with the given lists in a
// scope ("package" or "module"), and whether it is reported: exactly one
// concrete list and no open one. A generic never instantiated is left to
// unused-code checks.
func finding(kind, name string, lists []string, scope string) (string, bool) {
	if len(lists) != 1 || lists[0] == open {
		return "", false
	}
	return fmt.Sprintf("generic %s %s is instantiated with 1 type-argument list in its %s: [%s]", kind, name, scope, shorten(lists[0])), true
}

// shorten drops package paths from a list written with them, for the
// message: "[]example.com/m/internal/x.Item" reads as "[]x.Item".
func shorten(list string) string {
	return pathPrefix.ReplaceAllString(list, "")
}

var pathPrefix = regexp.MustCompile(`(?:[\w.~-]+/)+`)

// std reports whether pkg is in the standard library, whose generics no
// module declares.
func std(pkg *types.Package) bool {
	first, _, _ := strings.Cut(pkg.Path(), "/")
	return !strings.Contains(first, ".")
}

// moduleConfined reports whether every importer of pkg is in its own
// module, or it has none: package main, or an internal package (Go refuses
// imports of internal/ from outside its parent's tree, and a module is
// where that tree lives).
func moduleConfined(pkg *types.Package) bool {
	p := pkg.Path()
	return pkg.Name() == "main" || strings.HasPrefix(p, "internal/") || strings.Contains(p, "/internal/") || strings.HasSuffix(p, "/internal") || p == "internal"
}

// A record is what the analyzer reports under ModuleScope: one per
// candidate declaration with the lists its package (and that package's
// test variant) uses, and one per use of another package's generic. The
// fields are separated by a unit separator, lists by a record separator.
const (
	recordPrefix = "singleinst\x1f"
	fieldSep     = "\x1f"
	listSep      = "\x1e"
)

func record(decl bool, obj types.Object, kind string, lists ...string) string {
	what := "use"
	if decl {
		what = "decl"
	}
	return recordPrefix + strings.Join([]string{what, obj.Pkg().Path() + "." + obj.Name(), kind, obj.Name(), strings.Join(lists, listSep)}, fieldSep)
}

// Module merges the records of every package of one module.
type Module struct {
	lists map[string]map[string]bool
}

// NewModule returns an empty Module.
func NewModule() *Module { return &Module{lists: map[string]map[string]bool{}} }

// Add records msg if it is a record the analyzer reported under
// ModuleScope, and reports whether it was one.
func (m *Module) Add(msg string) bool {
	f, ok := fields(msg)
	if !ok {
		return false
	}
	if m.lists[f[1]] == nil {
		m.lists[f[1]] = map[string]bool{}
	}
	if f[4] != "" {
		for _, l := range strings.Split(f[4], listSep) {
			m.lists[f[1]][l] = true
		}
	}
	return true
}

// Finding returns, once every record of the module was added, the message
// of the finding a declaration record stands for, and whether there is one.
// A use record never stands for a finding.
func (m *Module) Finding(msg string) (string, bool) {
	f, ok := fields(msg)
	if !ok || f[0] != "decl" {
		return "", false
	}
	return finding(f[2], f[3], slices.Sorted(maps.Keys(m.lists[f[1]])), "module")
}

func fields(msg string) ([]string, bool) {
	rest, ok := strings.CutPrefix(msg, recordPrefix)
	if !ok {
		return nil, false
	}
	f := strings.Split(rest, fieldSep)
	return f, len(f) == 5
}
