package gocheck

import (
	"crypto/sha256"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"honnef.co/go/tools/go/buildid"
	"honnef.co/go/tools/lintcmd/cache"

	"github.com/riskvet/riskvet/analyzers"
)

// openCache opens riskvet's result cache: $RISKVET_CACHE, or "riskvet"
// under the user's cache directory. It is staticcheck's cache format, kept
// apart from staticcheck's own so that trimming one never empties the other.
func openCache() (*cache.DiskCache, error) {
	dir := os.Getenv("RISKVET_CACHE")
	if dir == "" {
		base, err := os.UserCacheDir()
		if err != nil {
			return nil, fmt.Errorf("RISKVET_CACHE is not set and %v", err)
		}
		dir = filepath.Join(base, "riskvet")
	} else if !filepath.IsAbs(dir) {
		return nil, fmt.Errorf("RISKVET_CACHE is not an absolute path: %s", dir)
	}
	if err := os.MkdirAll(dir, 0o777); err != nil {
		return nil, err
	}
	return cache.Open(dir)
}

// cacheSalt keys every cache entry by the executable and by the value of
// every analyzer flag. The runner hashes a package's sources, its
// dependencies' facts and the analyzers' names, but not their flags: without
// the flags in the salt, a run with -genericdepth.max=5 would replay the
// findings cached by a run at the default 3. offID identifies the per-path
// settings (Config.OffID), which decide where an analyzer runs.
func cacheSalt(offID string) ([]byte, error) {
	h := sha256.New()
	fmt.Fprintf(h, "off %q\n", offID)
	exe, err := os.Executable()
	if err != nil {
		return nil, err
	}
	if id, err := buildid.ReadFile(exe); err == nil {
		fmt.Fprintf(h, "buildid %s\n", id)
	} else {
		// No build ID (a stripped or unusual binary): hash the whole file.
		f, err := os.Open(exe)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		if _, err := io.Copy(h, f); err != nil {
			return nil, err
		}
	}
	for _, a := range analyzers.Suite {
		a.Flags.VisitAll(func(f *flag.Flag) {
			fmt.Fprintf(h, "flag %s.%s=%q\n", a.Name, f.Name, f.Value.String())
		})
	}
	return h.Sum(nil), nil
}
