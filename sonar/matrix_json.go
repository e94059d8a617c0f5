package sonar

import (
	"encoding/json"
	"io"
)

// WriteMatrixJSON writes m as indented JSON (schema [MatrixSchema]).
func WriteMatrixJSON(w io.Writer, m *Matrix) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(m)
}
