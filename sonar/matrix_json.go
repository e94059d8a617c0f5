package sonar

import (
	"encoding/json"
	"io"

	"github.com/riskvet/riskvet/internal/finding"
)

// WriteMatrixJSON writes m as indented JSON (schema [MatrixSchema]). A
// matrix not made by [NewMatrix] still gets its schema and [] for no
// languages, never null.
func WriteMatrixJSON(w io.Writer, m *Matrix) error {
	c := *m
	if c.Schema == "" {
		c.Schema = MatrixSchema
	}
	if c.Languages == nil {
		c.Languages = []MatrixLanguage{}
	}
	if c.Errors == nil {
		c.Errors = []finding.Error{}
	}
	if c.Components == nil {
		c.Components = []MatrixComponent{}
	}
	if c.Trend == nil {
		c.Trend = []MatrixPoint{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(&c)
}
