package report

import (
	"encoding/json"
	"io"

	"github.com/riskvet/riskvet/internal/finding"
)

// WriteJSON writes r as riskvet's own JSON report (schema finding.Schema),
// indented, the input that Read takes back.
func WriteJSON(w io.Writer, r *finding.Report) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(r)
}
