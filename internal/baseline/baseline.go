// Package baseline records the findings a project has today, so that a team
// adopting riskvet on legacy code is shown only the findings it adds.
//
// A baseline is a JSON document:
//
//	{
//	  "schema": "riskvet/baseline/v1",
//	  "entries": [
//	    {"rule": "nullderef", "file": "src/User.php", "message": "...", "context": "3f2a9c0d1b7e4a65", "count": 2}
//	  ]
//	}
//
// Entries are sorted by file, rule, message and context. An entry matches a
// finding on its rule, file and message and on its context: a hash of the
// finding's source line and the line on either side, each trimmed of
// surrounding white space. The line number is not part of it, so an entry
// survives edits elsewhere in the file that move the line, and re-indenting;
// an edit of the line itself or of a neighbour makes the finding new again,
// which is the point: the code around it changed and deserves a look.
// Count is the number of findings with that key: two identical findings on
// identical lines need two entries' worth, so a third one copied next to
// them is reported.
//
// The trade-off of matching on content rather than position: a finding
// moved to an identical line elsewhere in the same file still matches. Two
// lines of context make that rare, and what moved was already there.
package baseline

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"

	"github.com/riskvet/riskvet/internal/finding"
)

// Schema identifies the baseline format.
const Schema = "riskvet/baseline/v1"

// Entry is one recorded kind of finding and how many of it there were.
type Entry struct {
	Rule    string `json:"rule"`
	File    string `json:"file"`
	Message string `json:"message"`
	// Context is the hash of the finding's line and its neighbours.
	Context string `json:"context"`
	Count   int    `json:"count"`
}

// Baseline is a set of recorded findings.
type Baseline struct {
	Schema  string  `json:"schema"`
	Entries []Entry `json:"entries"`
}

// key is an Entry without its count.
type key struct{ rule, file, message, context string }

// Source returns the content of a finding's file, by its path in the
// report; an error makes the context empty, so such findings match on rule,
// file and message alone.
type Source func(file string) ([]byte, error)

// contexter hashes finding contexts, reading each file once.
type contexter struct {
	read  Source
	lines map[string][]string
}

func (c *contexter) key(f finding.Finding) key {
	return key{f.Rule, f.File, f.Message, c.context(f.File, f.Line)}
}

func (c *contexter) context(file string, line int) string {
	if line <= 0 || c.read == nil {
		return ""
	}
	lines, ok := c.lines[file]
	if !ok {
		if src, err := c.read(file); err == nil {
			lines = strings.Split(strings.ReplaceAll(string(src), "\r\n", "\n"), "\n")
		}
		c.lines[file] = lines
	}
	if line > len(lines) {
		return ""
	}
	h := sha256.New()
	for i := line - 2; i <= line; i++ { // 0-based: the line before, the line, the line after
		if i >= 0 && i < len(lines) {
			io.WriteString(h, strings.TrimSpace(lines[i]))
		}
		h.Write([]byte{'\n'})
	}
	return hex.EncodeToString(h.Sum(nil))[:16]
}

// New records the findings, reading their files with read.
func New(findings []finding.Finding, read Source) *Baseline {
	c := &contexter{read: read, lines: map[string][]string{}}
	counts := map[key]int{}
	for _, f := range findings {
		counts[c.key(f)]++
	}
	b := &Baseline{Schema: Schema, Entries: []Entry{}}
	for _, k := range slices.SortedFunc(maps.Keys(counts), compareKeys) {
		b.Entries = append(b.Entries, Entry{Rule: k.rule, File: k.file, Message: k.message, Context: k.context, Count: counts[k]})
	}
	return b
}

func compareKeys(a, b key) int {
	return cmp.Or(cmp.Compare(a.file, b.file), cmp.Compare(a.rule, b.rule), cmp.Compare(a.message, b.message), cmp.Compare(a.context, b.context))
}

// Len returns the number of findings the baseline records.
func (b *Baseline) Len() int {
	n := 0
	for _, e := range b.Entries {
		n += e.Count
	}
	return n
}

// Write writes the baseline as indented JSON.
func (b *Baseline) Write(w io.Writer) error {
	out := *b
	out.Schema = Schema
	if out.Entries == nil {
		out.Entries = []Entry{}
	}
	data, err := json.MarshalIndent(out, "", "  ")
	if err != nil {
		return err
	}
	_, err = w.Write(append(data, '\n'))
	return err
}

// Read reads a baseline written by Write.
func Read(r io.Reader) (*Baseline, error) {
	var b Baseline
	dec := json.NewDecoder(r)
	dec.DisallowUnknownFields()
	if err := dec.Decode(&b); err != nil {
		return nil, fmt.Errorf("not a riskvet baseline: %v", err)
	}
	if b.Schema != Schema {
		return nil, fmt.Errorf("baseline schema is %q, want %q", b.Schema, Schema)
	}
	for _, e := range b.Entries {
		if e.Count < 1 || e.Rule == "" {
			return nil, fmt.Errorf("bad baseline entry %+v", e)
		}
	}
	return &b, nil
}

// Filter returns the findings the baseline does not account for, in their
// order, and the number of recorded findings that no longer occur (fixed,
// or changed past recognition). Each entry absorbs at most Count findings.
func (b *Baseline) Filter(findings []finding.Finding, read Source) (fresh []finding.Finding, gone int) {
	left := map[key]int{}
	for _, e := range b.Entries {
		left[key{e.Rule, e.File, e.Message, e.Context}] += e.Count
	}
	c := &contexter{read: read, lines: map[string][]string{}}
	fresh = []finding.Finding{}
	for _, f := range findings {
		k := c.key(f)
		if left[k] > 0 {
			left[k]--
			continue
		}
		fresh = append(fresh, f)
	}
	for _, n := range left {
		gone += n
	}
	return fresh, gone
}
