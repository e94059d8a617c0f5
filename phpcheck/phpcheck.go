// Package phpcheck is riskvet's PHP checker driver (stub API).
package phpcheck

import (
	"errors"

	"github.com/riskvet/riskvet/internal/finding"
)

// Config configures a run.
type Config struct {
	// Paths are the files and directories to check.
	Paths []string
	// Root is the directory that finding paths are relative to.
	Root string
	// Extensions are the file extensions checked in directories (".php").
	Extensions []string
	// Exclude holds glob patterns of paths to skip.
	Exclude []string
	// Checks names the enabled checks; nil means the defaults.
	Checks []string
	// Workers is the number of parallel workers; 0 means GOMAXPROCS.
	Workers int
}

// Run checks the PHP files under cfg.Paths and returns their findings, the
// scanned files with their line counts, and the files that could not be read.
func Run(cfg Config) (*finding.Report, error) { return nil, errors.New("not implemented") }
