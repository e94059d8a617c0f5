// Package testcode tells test code apart, for the checks that leave it out
// by default (nullderef, undefinedindex): a failure in a test fails that
// test loudly and reaches no user.
package testcode

import (
	"slices"
	"strings"

	"github.com/VKCOM/php-parser/pkg/ast"

	"github.com/riskvet/riskvet/phpcheck/check"
	"github.com/riskvet/riskvet/phpcheck/index"
)

// testBases are the classes and interfaces whose subclasses are test code:
// PHPUnit's base class of every test, phpspec's of every spec, and the
// interface every Behat context implements.
var testBases = []string{`PHPUnit\Framework\TestCase`, `PhpSpec\ObjectBehavior`, `Behat\Behat\Context\Context`}

// testDirs are the folder names whose files are test code (phpspec keeps
// its specs under spec/).
var testDirs = []string{"tests", "Tests", "test", "Test", "spec"}

// Withhold returns what a check that leaves test code out withholds in the
// pass's file: with its tests setting on, nothing (nil); otherwise In's
// answer. skip reports that the check need not run at all: the file is
// under a tests folder, so every finding would be withheld, and it holds
// no riskvet:ignore directive that one could make used.
func Withhold(pass *check.Pass, tests bool) (inTest func(pos int) bool, skip bool) {
	if tests {
		return nil, false
	}
	if Path(pass.Path) && !pass.MayIgnore() {
		return nil, true
	}
	return In(pass), false
}

// In returns whether an offset of the pass's file lies in test code (nil
// when none of it does): the file is under a folder named as in testDirs
// (a segment of its path relative to the scanned root), or the offset is
// inside a class that extends PHPUnit's TestCase, directly or through
// classes the index knows.
func In(pass *check.Pass) func(pos int) bool {
	if Path(pass.Path) {
		return func(int) bool { return true }
	}
	r, ok := pass.Root.(*ast.Root)
	if !ok {
		return nil
	}
	var spans [][2]int
	var n index.Names
	var walk func(stmts []ast.Vertex)
	walk = func(stmts []ast.Vertex) {
		for _, s := range stmts {
			switch s := s.(type) {
			case *ast.StmtNamespace:
				n.EnterNamespace(s)
				walk(s.Stmts)
			case *ast.StmtUseList, *ast.StmtGroupUseList:
				n.AddUses(s)
			case *ast.StmtClass:
				if s.Name == nil || s.Position == nil {
					continue
				}
				supers := s.Implements
				if s.Extends != nil {
					supers = append([]ast.Vertex{s.Extends}, supers...)
				}
				if slices.ContainsFunc(supers, func(v ast.Vertex) bool { return isTestBase(pass.Index, n.Class(v)) }) {
					spans = append(spans, [2]int{s.Position.StartPos, s.Position.EndPos})
				}
			}
		}
	}
	walk(r.Stmts)
	if len(spans) == 0 {
		return nil
	}
	return func(pos int) bool {
		for _, sp := range spans {
			if sp[0] <= pos && pos < sp[1] {
				return true
			}
		}
		return false
	}
}

// isTestBase reports whether class is one of testBases or extends or
// implements one, through classes the index knows.
func isTestBase(ix *index.Index, class string) bool {
	for _, b := range testBases {
		if ix.IsSubclass(class, b) {
			return true
		}
	}
	return false
}

// Path reports whether the slash-separated path has a folder named as in
// testDirs.
func Path(p string) bool {
	dirs := strings.Split(p, "/")
	for _, d := range dirs[:len(dirs)-1] {
		for _, t := range testDirs {
			if d == t {
				return true
			}
		}
	}
	return false
}
