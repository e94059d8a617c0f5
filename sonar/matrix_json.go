package sonar

import (
	"encoding/json"
	"io"
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
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(&c)
}
