package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/riskvet/riskvet/internal/finding"
)

// A corpus is one line of bench/corpus/VERSIONS.
type corpus struct {
	Name    string
	Dir     string // relative to the folder holding VERSIONS's parent (bench/)
	Version string
	Source  string
	GitDir  string // the snapshot blamed in; empty for Debian corpora
	Shallow bool
}

// readVersions reads a VERSIONS file: tab-separated name, folder, version,
// source, git directory, shallow. Folders are made relative to base.
func readVersions(path, base string) (map[string]corpus, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	out := map[string]corpus{}
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		col := strings.Split(line, "\t")
		if len(col) < 4 {
			return nil, fmt.Errorf("%s:%d: want name, folder, version, source (tab-separated), got %d fields", path, n, len(col))
		}
		for len(col) < 6 {
			col = append(col, "")
		}
		dir := col[1]
		if !filepath.IsAbs(dir) {
			dir = filepath.Join(base, dir)
		}
		out[col[0]] = corpus{Name: col[0], Dir: dir, Version: col[2], Source: col[3], GitDir: col[4], Shallow: col[5] == "true"}
	}
	return out, sc.Err()
}

// readReports reads DIR/<level>/*.json into reports by corpus name; a
// missing level folder is an empty map.
func readReports(dir, level string) (map[string]*finding.Report, error) {
	paths, err := filepath.Glob(filepath.Join(dir, level, "*.json"))
	if err != nil {
		return nil, err
	}
	out := map[string]*finding.Report{}
	for _, p := range paths {
		r, err := readReport(p)
		if err != nil {
			return nil, err
		}
		out[strings.TrimSuffix(filepath.Base(p), ".json")] = r
	}
	return out, nil
}

func readReport(path string) (*finding.Report, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var r finding.Report
	if err := json.Unmarshal(data, &r); err != nil {
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	if r.Schema != finding.Schema {
		return nil, fmt.Errorf("%s: schema %q, want %q", path, r.Schema, finding.Schema)
	}
	return &r, nil
}

// isTestPath reports whether a file is test code by its path: under a
// tests, Tests, test or Test folder, or named *Test.php. Path-based, so a
// TestCase subclass elsewhere is missed and a non-test helper under tests/
// is counted; both are rare in the corpora.
func isTestPath(p string) bool {
	parts := strings.Split(p, "/")
	for _, d := range parts[:len(parts)-1] {
		switch d {
		case "tests", "Tests", "test", "Test":
			return true
		}
	}
	return strings.HasSuffix(parts[len(parts)-1], "Test.php")
}
