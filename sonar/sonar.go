// Package sonar turns riskvet findings into the formats where teams look at
// them: SonarQube generic issue JSON, SARIF 2.1.0, text, and the risk matrix.
// (Stub API; the writers are being built.)
package sonar

import (
	"errors"
	"io"

	"github.com/riskvet/riskvet/internal/finding"
)

// Options configure the writers.
type Options struct {
	// BaseDir is the project base directory: output paths are relative
	// to it, and source files are read from it to convert columns.
	BaseDir string
	// Warn receives one line for each finding that had to be changed to
	// fit (a missing file, a range outside the file). Nil discards.
	Warn io.Writer
}

var errTODO = errors.New("not implemented")

// WriteSARIF writes r as SARIF 2.1.0.
func WriteSARIF(w io.Writer, r *finding.Report, opt Options) error { return errTODO }

// WriteText writes r as "file:line:col: rule: message" lines.
func WriteText(w io.Writer, r *finding.Report) error { return errTODO }

// Read parses one input (riskvet's JSON report, a `go vet -json` stream or
// `staticcheck -f json` lines), detected by content; name is used in errors.
func Read(name string, data []byte) (*finding.Report, error) { return nil, errTODO }

// Merge combines reports (shard outputs, several tools) into one, with no
// finding lost or doubled.
func Merge(reports ...*finding.Report) *finding.Report { return &finding.Report{} }
