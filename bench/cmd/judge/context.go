package main

import (
	"bufio"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
)

// contextLines is how many lines of source surround a finding on each side.
const contextLines = 20

// maxDecls bounds the declarations shown per name: a common method name
// (get, handle) is declared hundreds of times, and a judge wants the few in
// the finding's own file first.
const maxDecls = 6

// Declaration patterns, line by line: good enough to point a judge at the
// code, not a parser. A declaration split over lines before its name is
// missed.
var (
	funcDecl  = regexp.MustCompile(`\bfunction\s+&?\s*([A-Za-z_]\w*)\s*\(`)
	classDecl = regexp.MustCompile(`^\s*(?:(?:abstract|final|readonly)\s+)*(?:class|interface|trait|enum)\s+([A-Za-z_]\w*)`)
	propDecl  = regexp.MustCompile(`^\s*(?:(?:public|protected|private|var|static|readonly)(?:\([a-z]+\))?\s+)+(?:[?\w\\|&()]+\s+)?\$(\w+)`)
)

// Names a message may mention: Class::method(), ->method(), function(),
// ->property, Class, $variable.
var (
	callName  = regexp.MustCompile(`(?:::|->)?([A-Za-z_]\w*)\(\)`)
	propName  = regexp.MustCompile(`->([A-Za-z_]\w*)\b(?:[^(]|$)`)
	className = regexp.MustCompile(`(?:\\?[A-Za-z_]\w*\\)*\b([A-Z]\w*)\b`) // the last segment of a qualified name
	varName   = regexp.MustCompile(`\$(\w+)`)
)

// names returns what a message names, by kind.
func names(msg string) (funcs, props, classes []string) {
	add := func(list []string, s string) []string {
		if !slices.Contains(list, s) {
			list = append(list, s)
		}
		return list
	}
	for _, m := range callName.FindAllStringSubmatch(msg, -1) {
		funcs = add(funcs, m[1])
	}
	for _, m := range propName.FindAllStringSubmatch(msg, -1) {
		props = add(props, m[1])
	}
	// A variable named like a property is often one ($this->x read into
	// $x, a promoted parameter).
	for _, m := range varName.FindAllStringSubmatch(msg, -1) {
		if m[1] != "this" {
			props = add(props, m[1])
		}
	}
	for _, m := range className.FindAllStringSubmatch(msg, -1) {
		if !slices.Contains(funcs, m[1]) {
			classes = add(classes, m[1])
		}
	}
	return funcs, props, classes
}

// A decl is one declaration line found in a corpus.
type decl struct {
	file string
	line int
}

// declIndex maps "f:name", "p:name" and "c:name" to declarations; one scan
// per corpus.
type declIndex map[string][]decl

func indexCorpus(dir string) (declIndex, error) {
	idx := declIndex{}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			switch d.Name() {
			case "vendor", "node_modules", ".git":
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".php") || !d.Type().IsRegular() {
			return nil
		}
		rel, _ := filepath.Rel(dir, path)
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		defer f.Close()
		sc := bufio.NewScanner(f)
		sc.Buffer(nil, 16<<20)
		for n := 1; sc.Scan(); n++ {
			line := sc.Text()
			for _, m := range funcDecl.FindAllStringSubmatch(line, -1) {
				idx["f:"+strings.ToLower(m[1])] = append(idx["f:"+strings.ToLower(m[1])], decl{rel, n})
			}
			if m := classDecl.FindStringSubmatch(line); m != nil {
				idx["c:"+strings.ToLower(m[1])] = append(idx["c:"+strings.ToLower(m[1])], decl{rel, n})
			}
			if m := propDecl.FindStringSubmatch(line); m != nil {
				idx["p:"+m[1]] = append(idx["p:"+m[1]], decl{rel, n})
			}
		}
		return sc.Err()
	})
	return idx, err
}

// writeContexts writes dir/<id>.txt for each sampled finding.
func writeContexts(dir string, sample []*item, corpora map[string]corpus) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	indexes := map[string]declIndex{}
	for i, it := range sample {
		c := corpora[it.Corpus]
		idx, ok := indexes[it.Corpus]
		if !ok {
			var err error
			if idx, err = indexCorpus(c.Dir); err != nil {
				return err
			}
			indexes[it.Corpus] = idx
		}
		var b strings.Builder
		fmt.Fprintf(&b, "# %d: %s %s:%d:%d (%s)\n", i+1, it.F.Rule, it.F.File, it.F.Line, it.F.Column, it.Level)
		fmt.Fprintf(&b, "# message: %s\n", it.F.Message)
		fmt.Fprintf(&b, "# corpus %s %s (%s); file: %s\n", it.Corpus, c.Version, c.Source, filepath.Join(c.Dir, it.F.File))
		fmt.Fprintf(&b, "# post2022: %s\n\n", it.post)
		b.WriteString(excerpt(filepath.Join(c.Dir, it.F.File), it.F.Line-contextLines, it.F.Line+contextLines, it.F.Line))
		funcs, props, classes := names(it.F.Message)
		show := func(kind, label, name string) {
			ds := idx[kind+":"+name]
			if kind != "p" {
				ds = idx[kind+":"+strings.ToLower(name)]
			}
			if len(ds) == 0 {
				return
			}
			// The finding's own file first (that is where $this's class
			// is), then the files named after a class the message names
			// (PSR-4: class Foo lives in Foo.php).
			rank := func(d decl) int {
				if d.file == it.F.File {
					return 0
				}
				if slices.Contains(classes, strings.TrimSuffix(filepath.Base(d.file), ".php")) {
					return 1
				}
				return 2
			}
			ds = slices.Clone(ds)
			slices.SortStableFunc(ds, func(a, b decl) int { return rank(a) - rank(b) })
			fmt.Fprintf(&b, "\n## %s %s: %d declaration(s)", label, name, len(ds))
			if len(ds) > maxDecls {
				fmt.Fprintf(&b, ", first %d shown", maxDecls)
				ds = ds[:maxDecls]
			}
			b.WriteString("\n")
			for _, d := range ds {
				fmt.Fprintf(&b, "\n%s:%d\n", d.file, d.line)
				b.WriteString(excerpt(filepath.Join(c.Dir, d.file), d.line-6, d.line+6, d.line))
			}
		}
		for _, n := range funcs {
			show("f", "function", n)
		}
		for _, n := range props {
			show("p", "property", n)
			b.WriteString(assignments(filepath.Join(c.Dir, it.F.File), n))
		}
		for _, n := range classes {
			show("c", "class", n)
		}
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("%d.txt", i+1)), []byte(b.String()), 0o644); err != nil {
			return err
		}
	}
	return nil
}

// excerpt returns lines from..to of a file, numbered, with mark flagged.
func excerpt(path string, from, to, mark int) string {
	data, err := os.ReadFile(path)
	if err != nil {
		return fmt.Sprintf("(%v)\n", err)
	}
	lines := strings.Split(string(data), "\n")
	from, to = max(from, 1), min(to, len(lines))
	var b strings.Builder
	for n := from; n <= to; n++ {
		flag := " "
		if n == mark {
			flag = ">"
		}
		fmt.Fprintf(&b, "%s%5d  %s\n", flag, n, lines[n-1])
	}
	return b.String()
}

// assignments lists the lines of a file that assign $this->name: where a
// nullable property gets its value is what a judge of nullderef checks
// first (the constructor, setUp, an init method).
func assignments(path, name string) string {
	data, err := os.ReadFile(path)
	if err != nil {
		return ""
	}
	re := regexp.MustCompile(`\$this->` + regexp.QuoteMeta(name) + `\s*(?:=[^=>]|\?\?=)`)
	var b strings.Builder
	for n, line := range strings.Split(string(data), "\n") {
		if re.MatchString(line) {
			fmt.Fprintf(&b, " %5d  %s\n", n+1, line)
		}
	}
	if b.Len() == 0 {
		return fmt.Sprintf("\n## assignments to $this->%s in this file: none\n", name)
	}
	return fmt.Sprintf("\n## assignments to $this->%s in this file\n\n%s", name, b.String())
}
