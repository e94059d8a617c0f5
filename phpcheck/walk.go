package phpcheck

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/riskvet/riskvet/internal/config"
	"github.com/riskvet/riskvet/internal/finding"
)

// file is one file to check.
type file struct {
	abs string // path to open
	rel string // path shown to users: relative to Config.Root, slashes
}

// walk lists the files to check under cfg.Paths, sorted by shown path, and
// the paths that could not be walked.
//
// Rules, each chosen so that a run over a real tree neither fails nor
// wanders: a path given explicitly is checked whatever its extension (as
// gofmt does); in directories only files with a configured extension are;
// SkipDirs and Exclude globs prune; a symlink is followed only when its
// target lies inside one of the scanned roots and is a regular file (a
// symlinked directory inside a root is walked through its real path
// anyway, and following it could loop); a dangling symlink, a directory
// named x.php, and anything that is not a regular file (a FIFO, a socket)
// met while walking are skipped. Each skipped symlink with a checked
// extension, and each symlinked directory that leads out of the roots, is
// told to cfg.Skipped. A file reached twice (by a
// symlink and its real path, or two overlapping arguments) is checked once.
func walk(cfg *Config) ([]file, []finding.Error) {
	root := cfg.Root
	if root == "" {
		root = "."
	}
	absRoot, err := filepath.Abs(root)
	if err != nil {
		absRoot = root
	}
	exts := cfg.Extensions
	if exts == nil {
		exts = DefaultExtensions
	}
	skip := cfg.SkipDirs
	if skip == nil {
		skip = DefaultSkipDirs
	}
	// filepath.Abs asks for the working directory each time, which costs
	// two stats (os.Getwd checks $PWD): four per file of a walk, a fifth
	// of a cached run on MediaWiki. Ask once.
	cwd, cwdErr := os.Getwd()
	rel := func(p string) string {
		if cwdErr == nil {
			a := p
			if !filepath.IsAbs(a) {
				a = filepath.Join(cwd, a)
			}
			if r, err := filepath.Rel(absRoot, a); err == nil && r != ".." && !strings.HasPrefix(r, ".."+string(filepath.Separator)) {
				return filepath.ToSlash(r)
			}
		}
		return filepath.ToSlash(p)
	}
	excluded := func(p string) bool {
		r := rel(p)
		for _, g := range cfg.Exclude {
			// The globs of riskvet.toml: "**", any depth without a
			// slash, a directory's pattern covers what is under it.
			if config.Match(g, r) {
				return true
			}
		}
		return false
	}
	hasExt := func(name string) bool {
		for _, e := range exts {
			if strings.HasSuffix(name, e) {
				return true
			}
		}
		return false
	}

	// The real paths of the roots, so that symlink targets can be tested.
	var realRoots []string
	for _, p := range cfg.Paths {
		if r, err := filepath.EvalSymlinks(p); err == nil {
			if a, err := filepath.Abs(r); err == nil {
				realRoots = append(realRoots, a)
			}
		}
	}
	inRoots := func(real string) bool {
		for _, r := range realRoots {
			if real == r || strings.HasPrefix(real, r+string(filepath.Separator)) {
				return true
			}
		}
		return false
	}

	var files []file
	var errs []finding.Error
	seen := map[string]bool{}
	realPath := func(p string) string {
		if real, err := filepath.EvalSymlinks(p); err == nil {
			if a, err := filepath.Abs(real); err == nil {
				return a
			}
		}
		return p
	}
	// add adds p, known by its real path key.
	add := func(p, key string) {
		if seen[key] {
			return
		}
		seen[key] = true
		files = append(files, file{abs: p, rel: rel(p)})
	}

	for _, arg := range cfg.Paths {
		info, err := os.Stat(arg)
		if err != nil {
			errs = append(errs, finding.Error{File: filepath.ToSlash(arg), Message: pathErr(err)})
			continue
		}
		if !info.IsDir() {
			// An explicit file is checked even if it is not a regular
			// file; reading it then reports why it cannot be read.
			add(arg, realPath(arg))
			continue
		}
		// WalkDir does not follow symlinked directories, so a regular
		// file's real path is the root's real path joined with the rest:
		// one EvalSymlinks per root rather than per file (a tenth of a
		// cached run's time on MediaWiki).
		realArg := realPath(arg)
		// A symlink named as a path is followed, as find -H and gofmt do:
		// WalkDir does not follow its root, but it does follow "link/".
		root := arg
		if li, err := os.Lstat(arg); err == nil && li.Mode()&fs.ModeSymlink != 0 {
			root = arg + string(filepath.Separator)
		}
		err = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				errs = append(errs, finding.Error{File: rel(p), Message: pathErr(err)})
				if d != nil && d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if d.IsDir() {
				if p != root && (slices.Contains(skip, d.Name()) || excluded(p)) {
					return fs.SkipDir
				}
				return nil
			}
			if d.Type()&fs.ModeSymlink != 0 && !hasExt(d.Name()) && !excluded(p) {
				skippedDir(cfg, p, rel(p), inRoots)
				return nil
			}
			if !hasExt(d.Name()) || excluded(p) {
				return nil
			}
			skipped := func(why string) {
				if cfg.Skipped != nil {
					cfg.Skipped(rel(p), why)
				}
			}
			switch {
			case d.Type().IsRegular():
				if r, err := filepath.Rel(arg, p); err == nil {
					add(p, filepath.Join(realArg, r))
				} else {
					add(p, realPath(p))
				}
			case d.Type()&fs.ModeSymlink != 0:
				real, err := filepath.EvalSymlinks(p)
				if err != nil {
					skipped("dangling symlink")
					return nil
				}
				a, err := filepath.Abs(real)
				if err != nil || !inRoots(a) {
					skipped("symlink to " + filepath.ToSlash(real) + ", outside the checked paths")
					return nil
				}
				if st, err := os.Stat(a); err == nil && st.Mode().IsRegular() {
					add(p, a)
				} else {
					skipped("symlink to something that is not a regular file")
				}
			}
			return nil
		})
		if err != nil {
			errs = append(errs, finding.Error{File: filepath.ToSlash(arg), Message: pathErr(err)})
		}
	}
	slices.SortFunc(files, func(a, b file) int { return strings.Compare(a.rel, b.rel) })
	return files, errs
}

// skippedDir tells cfg.Skipped of the symlink p when it leads to a
// directory out of the roots; a symlinked directory inside them is walked
// through its real path, so nothing of it is lost.
func skippedDir(cfg *Config, p, rel string, inRoots func(string) bool) {
	if cfg.Skipped == nil {
		return
	}
	real, err := filepath.EvalSymlinks(p)
	if err != nil {
		return // a dangling link without the extension names no PHP file
	}
	a, err := filepath.Abs(real)
	if err != nil || inRoots(a) {
		return
	}
	if st, err := os.Stat(a); err == nil && st.IsDir() {
		cfg.Skipped(rel, "symlink to directory "+filepath.ToSlash(real)+", outside the checked paths")
	}
}

func pathErr(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// readFile reads a regular file. Anything else (a FIFO, a device) is
// refused before it is opened, since opening a FIFO blocks until a writer
// comes.
func readFile(p string) ([]byte, error) {
	if _, err := statRegular(p); err != nil {
		return nil, err
	}
	return os.ReadFile(p)
}

// statRegular returns the metadata of the file p, an error if it is not a
// regular file.
func statRegular(p string) (os.FileInfo, error) {
	st, err := os.Stat(p)
	if err != nil {
		return nil, err
	}
	if !st.Mode().IsRegular() {
		return nil, fmt.Errorf("not a regular file")
	}
	return st, nil
}

// writeFile replaces the content of an existing file, keeping its mode.
func writeFile(p string, data []byte) error {
	st, err := os.Stat(p)
	if err != nil {
		return err
	}
	return os.WriteFile(p, data, st.Mode().Perm())
}
