// Package baseline records the findings a project has today, so that a team
// adopting riskvet on legacy code is shown only the findings it adds.
//
// A baseline is a JSON document:
//
//	{
//	  "schema": "riskvet/baseline/v2",
//	  "entries": [
//	    {"rule": "nullderef", "file": "src/User.php", "message": "...", "count": 2, "contexts": ["3f2a9c0d1b7e4a65", "81c0d2aa0e5f3b19"]}
//	  ]
//	}
//
// Entries are sorted by file, rule and message. As in PHPStan's baseline,
// an entry matches the findings of its rule, file and message, up to its
// count, wherever they are in the file: an edit elsewhere in the file,
// or of the line itself, never makes a recorded finding new, and a
// file-level finding (a missing strict_types declaration) stays recorded
// whatever its first lines become. Only a finding beyond the count is new.
//
// Contexts tell the repeats apart: each is the hash of a recorded
// finding's source line and the line on either side, each trimmed of
// surrounding white space. When a file has more findings of one kind than
// recorded, those whose context is recorded are the old ones, and the
// others are reported, so that the copy added next to two old ones is the
// one shown. A finding without a line has no context.
//
// The trade-off of counting rather than locating: a recorded finding fixed
// in the same change that adds another of the same rule and message in the
// same file hides the new one, as in PHPStan. The count stays exact, so the
// next fix shows it.
//
// Baselines of the first format, riskvet/baseline/v1 (one entry per
// context), are read as the same entries grouped; Write writes v2.
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

// Schema identifies the baseline format Write writes.
const Schema = "riskvet/baseline/v2"

// schemaV1 is the first format, whose entries each had one context; Read
// still reads it.
const schemaV1 = "riskvet/baseline/v1"

// Entry is one recorded kind of finding and how many of it there were.
type Entry struct {
	Rule    string `json:"rule"`
	File    string `json:"file"`
	Message string `json:"message"`
	Count   int    `json:"count"`
	// Contexts holds, sorted, the context hash of each recorded finding
	// that has a line; at most Count of them.
	Contexts []string `json:"contexts,omitempty"`
}

// Baseline is a set of recorded findings.
type Baseline struct {
	Schema  string  `json:"schema"`
	Entries []Entry `json:"entries"`
}

// key is what an entry matches on.
type key struct{ rule, file, message string }

func keyOf(f finding.Finding) key { return key{f.Rule, f.File, f.Message} }

// Source returns the content of a finding's file, by its path in the
// report; an error leaves the file's findings without contexts, so that
// their repeats are told apart by order alone.
type Source func(file string) ([]byte, error)

// contexter hashes finding contexts, reading each file once.
type contexter struct {
	read  Source
	lines map[string][]string
}

func newContexter(read Source) *contexter {
	return &contexter{read: read, lines: map[string][]string{}}
}

// context returns the hash of the finding's line and its neighbours, or ""
// when it has no line or its file cannot be read.
func (c *contexter) context(f finding.Finding) string {
	if f.Line <= 0 || c.read == nil {
		return ""
	}
	lines, ok := c.lines[f.File]
	if !ok {
		if src, err := c.read(f.File); err == nil {
			lines = strings.Split(strings.ReplaceAll(string(src), "\r\n", "\n"), "\n")
		}
		c.lines[f.File] = lines
	}
	if f.Line > len(lines) {
		return ""
	}
	h := sha256.New()
	for i := f.Line - 2; i <= f.Line; i++ { // 0-based: the line before, the line, the line after
		if i >= 0 && i < len(lines) {
			io.WriteString(h, strings.TrimSpace(lines[i]))
		}
		h.Write([]byte{'\n'})
	}
	return hex.EncodeToString(h.Sum(nil))[:16]
}

// New records the findings, reading their files with read.
func New(findings []finding.Finding, read Source) *Baseline {
	c := newContexter(read)
	entries := map[key]*Entry{}
	for _, f := range findings {
		k := keyOf(f)
		e := entries[k]
		if e == nil {
			e = &Entry{Rule: k.rule, File: k.file, Message: k.message}
			entries[k] = e
		}
		e.Count++
		if h := c.context(f); h != "" {
			e.Contexts = append(e.Contexts, h)
		}
	}
	return fromEntries(entries)
}

// fromEntries returns a baseline of the entries, sorted, each entry's
// contexts sorted.
func fromEntries(entries map[key]*Entry) *Baseline {
	b := &Baseline{Schema: Schema, Entries: []Entry{}}
	for _, k := range slices.SortedFunc(maps.Keys(entries), compareKeys) {
		e := entries[k]
		slices.Sort(e.Contexts)
		b.Entries = append(b.Entries, *e)
	}
	return b
}

func compareKeys(a, b key) int {
	return cmp.Or(cmp.Compare(a.file, b.file), cmp.Compare(a.rule, b.rule), cmp.Compare(a.message, b.message))
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

// document is a baseline of either format as read.
type document struct {
	Schema  string `json:"schema"`
	Entries []struct {
		Entry
		Context *string `json:"context"` // v1: the hash shared by the entry's findings
	} `json:"entries"`
}

// Read reads a baseline written by Write, of this format or the first.
func Read(r io.Reader) (*Baseline, error) {
	var d document
	dec := json.NewDecoder(r)
	dec.DisallowUnknownFields()
	if err := dec.Decode(&d); err != nil {
		return nil, fmt.Errorf("not a riskvet baseline: %v", err)
	}
	if d.Schema != Schema && d.Schema != schemaV1 {
		return nil, fmt.Errorf("baseline schema is %q, want %q (or the older %q)", d.Schema, Schema, schemaV1)
	}
	v1 := d.Schema == schemaV1
	entries := map[key]*Entry{}
	for i, de := range d.Entries {
		e := de.Entry
		bad := e.Count < 1 || e.Rule == "" || len(e.Contexts) > e.Count
		if v1 {
			bad = bad || de.Context == nil || e.Contexts != nil
		} else {
			bad = bad || de.Context != nil
		}
		if bad {
			return nil, fmt.Errorf("entry %d is not a %s entry: %+v", i+1, d.Schema, e)
		}
		if v1 && *de.Context != "" {
			// A v1 entry's findings all had its one context.
			e.Contexts = slices.Repeat([]string{*de.Context}, e.Count)
		}
		k := key{e.Rule, e.File, e.Message}
		if old := entries[k]; old != nil {
			if !v1 {
				return nil, fmt.Errorf("entry %d repeats the rule, file and message of an earlier one", i+1)
			}
			old.Count += e.Count
			old.Contexts = append(old.Contexts, e.Contexts...)
			continue
		}
		entries[k] = &e
	}
	return fromEntries(entries), nil
}

// Filter returns the findings the baseline does not account for, in their
// order, and the number of recorded findings that no longer occur (fixed).
// Each entry absorbs at most Count findings of its rule, file and message;
// when there are more, those whose context is recorded are absorbed first,
// then the others in order, and the rest are new.
func (b *Baseline) Filter(findings []finding.Finding, read Source) (fresh []finding.Finding, gone int) {
	type slot struct {
		left     int
		contexts map[string]int
	}
	slots := map[key]*slot{}
	for _, e := range b.Entries {
		s := &slot{left: e.Count, contexts: map[string]int{}}
		for _, h := range e.Contexts {
			s.contexts[h]++
		}
		slots[key{e.Rule, e.File, e.Message}] = s
	}
	counts := map[key]int{}
	for _, f := range findings {
		counts[keyOf(f)]++
	}
	c := newContexter(read)
	// Only a kind with more findings than recorded needs its repeats told
	// apart: first the findings whose context is recorded take a slot.
	old := make([]bool, len(findings))
	for i, f := range findings {
		k := keyOf(f)
		s := slots[k]
		if s == nil || counts[k] <= s.left {
			continue
		}
		// s.left only falls, so counts[k] > s.left holds for the rest.
		if h := c.context(f); s.contexts[h] > 0 {
			s.contexts[h]--
			s.left--
			old[i] = true
		}
	}
	fresh = []finding.Finding{}
	for i, f := range findings {
		s := slots[keyOf(f)]
		switch {
		case old[i]:
		case s != nil && s.left > 0:
			s.left--
		default:
			fresh = append(fresh, f)
		}
	}
	for _, s := range slots {
		gone += s.left
	}
	return fresh, gone
}
