package main

import (
	"os"
	"path/filepath"
	"slices"

	"github.com/riskvet/riskvet/internal/checkout"
	"github.com/riskvet/riskvet/internal/config"
)

// projectMarkers are the files that mark a PHP project's root.
var projectMarkers = []string{"composer.json", config.FileName}

// projectRoot returns the root of the PHP project holding p: the nearest
// directory from p upward with a composer.json or riskvet.toml, or the top
// of its git repository unless the repository ignores p; "" when there is
// none. An ignored file (a downloaded corpus, a generated or vendored tree
// without its own composer.json) is not the repository's code, and
// indexing the whole repository for it can cost minutes.
func projectRoot(p string) string {
	abs, err := filepath.Abs(p)
	if err != nil {
		return ""
	}
	dir := abs
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		dir = filepath.Dir(dir)
	}
	root, marked, _ := config.Root(dir, projectMarkers...)
	if root != "" && !marked && checkout.Ignored(root, abs) {
		return ""
	}
	return root
}

// findProjects returns the project roots that riskvet php indexes for
// the files among paths, without the roots a path already covers (riskvet php . at the
// root walks the project once), and whether some file is checked without
// the project around it: a named file outside any project, whose types
// may be declared in files the run does not see.
func findProjects(paths []string) (roots []string, partial bool) {
	var covered []string
	for _, p := range paths {
		if a, err := filepath.Abs(p); err == nil {
			if st, err := os.Stat(a); err == nil && st.IsDir() {
				covered = append(covered, a)
			}
		}
	}
	for _, p := range paths {
		// A directory is indexed as given: checking one folder of a
		// repository must not walk the whole repository, with the
		// vendored and git-ignored trees it may hold (the cost of a
		// benchmark run rose fourfold that way). Only a named file, which
		// alone says nothing of the types around it, brings its project.
		if st, err := os.Stat(p); err != nil || st.IsDir() {
			continue
		}
		root := projectRoot(p)
		if root == "" {
			partial = true
			continue
		}
		if slices.Contains(roots, root) || slices.ContainsFunc(covered, func(c string) bool { return within(root, c) }) {
			continue
		}
		roots = append(roots, root)
	}
	return roots, partial
}

// within reports whether p is dir or under it.
func within(p, dir string) bool {
	rel, err := filepath.Rel(dir, p)
	return err == nil && filepath.IsLocal(rel)
}
