package phpcheck

import (
	"bytes"
	"flag"
	"fmt"

	"github.com/riskvet/riskvet/phpcheck/check"
	"github.com/riskvet/riskvet/phpcheck/internal/cache"
)

// openCache opens the run's result cache, or returns nil when the run has
// none: no CacheDir, -fix (which rewrites files), or ParseOnly.
func (cfg *Config) openCache(checkers []*check.Checker, maxBytes int64) *cache.Cache {
	if cfg.Fix || cfg.ParseOnly {
		return nil
	}
	// What a file's results depend on besides its content and riskvet's
	// build: the checks, their flags (-nullderef.strict), the size limit,
	// and Partial, which judges fewer directives.
	var b bytes.Buffer
	fmt.Fprintf(&b, "maxbytes=%d\x00", maxBytes)
	for _, c := range checkers {
		fmt.Fprintf(&b, "%s,%t\x00", c.Name, c.Local)
		c.Flags.VisitAll(func(f *flag.Flag) { fmt.Fprintf(&b, "%s=%q\x00", f.Name, f.Value.String()) })
	}
	fmt.Fprintf(&b, "partial=%t\x00", cfg.Partial)
	return cache.Open(cfg.CacheDir, cfg.Root, b.Bytes())
}

// CleanCache deletes the result cache in dir and reports the number of
// files removed; files that are not the cache's are kept.
func CleanCache(dir string) (int, error) {
	return cache.Clean(dir)
}
