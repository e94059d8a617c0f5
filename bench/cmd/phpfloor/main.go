// Command phpfloor is the floor that riskvet php is measured against: it
// finds the same PHP files as riskvet php, reads them and parses them with
// php-parser (PHP 8.1 grammar, as riskvet does) on the same number of
// workers, and does nothing else: no index, no checks, no report. The time
// riskvet php takes over this floor is the cost of its index and checks.
//
//	phpfloor [-skip vendor,node_modules,.git] [-ext .php] [-workers n] paths...
//
// The walk follows riskvet php's rules (phpcheck/walk.go): files with the
// extension in directories, directories named in -skip pruned, a symlink
// followed only to a regular file inside the scanned roots, a file reached
// twice parsed once. Like riskvet php it sets a 200 MiB soft heap limit
// unless GOMEMLIMIT is set and a GC percent of 400 unless GOGC is set, so
// both run under the same collector settings.
//
// It prints the number of files, bytes and files with syntax errors to
// stderr, so a benchmark can check that both commands saw the same files.
package main

import (
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/VKCOM/php-parser/pkg/conf"
	perrors "github.com/VKCOM/php-parser/pkg/errors"
	"github.com/VKCOM/php-parser/pkg/parser"
	"github.com/VKCOM/php-parser/pkg/version"
)

func main() {
	skip := flag.String("skip", "vendor,node_modules,.git", "comma-separated `names` of directories never walked into")
	ext := flag.String("ext", ".php", "file `extension` parsed in directories")
	workers := flag.Int("workers", 0, "parallel `n`umber of files parsed at once (default: all cores)")
	flag.Parse()
	if flag.NArg() == 0 {
		fmt.Fprintln(os.Stderr, "usage: phpfloor [-skip names] [-ext .php] [-workers n] paths...")
		os.Exit(2)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(200 << 20)
	}
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
	files, err := walk(flag.Args(), strings.Split(*skip, ","), *ext)
	if err != nil {
		fmt.Fprintln(os.Stderr, "phpfloor:", err)
		os.Exit(2)
	}
	n := *workers
	if n <= 0 {
		n = runtime.GOMAXPROCS(0)
	}
	var bytes, bad atomic.Int64
	next := make(chan string)
	var wg sync.WaitGroup
	for range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for p := range next {
				src, err := os.ReadFile(p)
				if err != nil {
					fmt.Fprintln(os.Stderr, "phpfloor:", err)
					continue
				}
				bytes.Add(int64(len(src)))
				if !parse(src) {
					bad.Add(1)
				}
			}
		}()
	}
	for _, p := range files {
		next <- p
	}
	close(next)
	wg.Wait()
	fmt.Fprintf(os.Stderr, "phpfloor: %d files, %d bytes, %d with syntax errors\n", len(files), bytes.Load(), bad.Load())
}

// parse parses src and reports whether it parsed without error. A parser
// panic counts as an error, as it does in riskvet.
func parse(src []byte) (ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	errs := 0
	root, err := parser.Parse(src, conf.Config{
		Version:          &version.Version{Major: 8, Minor: 1},
		ErrorHandlerFunc: func(*perrors.Error) { errs++ },
	})
	return err == nil && errs == 0 && root != nil
}

// walk lists the files under roots by riskvet php's rules, sorted.
func walk(roots, skip []string, ext string) ([]string, error) {
	var realRoots []string
	for _, r := range roots {
		real, err := filepath.EvalSymlinks(r)
		if err != nil {
			return nil, err
		}
		if a, err := filepath.Abs(real); err == nil {
			realRoots = append(realRoots, a)
		}
	}
	inRoots := func(p string) bool {
		for _, r := range realRoots {
			if p == r || strings.HasPrefix(p, r+string(filepath.Separator)) {
				return true
			}
		}
		return false
	}
	seen := map[string]bool{}
	var files []string
	add := func(p string) {
		key := p
		if real, err := filepath.EvalSymlinks(p); err == nil {
			if a, err := filepath.Abs(real); err == nil {
				key = a
			}
		}
		if !seen[key] {
			seen[key] = true
			files = append(files, p)
		}
	}
	for _, root := range roots {
		info, err := os.Stat(root)
		if err != nil {
			return nil, err
		}
		if !info.IsDir() {
			add(root)
			continue
		}
		err = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return nil // riskvet reports it and goes on; the floor just goes on
			}
			if d.IsDir() {
				if p != root && slices.Contains(skip, d.Name()) {
					return fs.SkipDir
				}
				return nil
			}
			if !strings.HasSuffix(d.Name(), ext) {
				return nil
			}
			switch {
			case d.Type().IsRegular():
				add(p)
			case d.Type()&fs.ModeSymlink != 0:
				real, err := filepath.EvalSymlinks(p)
				if err != nil {
					return nil
				}
				a, err := filepath.Abs(real)
				if err != nil || !inRoots(a) {
					return nil
				}
				if st, err := os.Stat(a); err == nil && st.Mode().IsRegular() {
					add(p)
				}
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	slices.Sort(files)
	return files, nil
}
