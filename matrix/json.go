package matrix

import (
	"encoding/json"
	"io"

	"github.com/riskvet/riskvet/internal/finding"
)

// WriteJSON writes m as indented JSON (schema [Schema]). A
// matrix not made by [New] still gets its schema and [] for no
// languages, never null.
func WriteJSON(w io.Writer, m *Matrix) error {
	c := *m
	if c.Schema == "" {
		c.Schema = Schema
	}
	if c.Languages == nil {
		c.Languages = []Language{}
	}
	if c.Errors == nil {
		c.Errors = []finding.Error{}
	}
	if c.Components == nil {
		c.Components = []Component{}
	}
	if c.Trend == nil {
		c.Trend = []Point{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(&c)
}
