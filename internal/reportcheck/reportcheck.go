package reportcheck

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path"
	"path/filepath"
	"strings"
)

// Options say what a check may look at besides the report.
type Options struct {
	// BaseDir is the project directory the report's paths are relative
	// to; empty skips the checks against files.
	BaseDir string
	// AllowMissingFiles accepts a location whose file is not under
	// BaseDir: SonarQube skips such an issue and logs it, GitHub shows
	// the alert without code.
	AllowMissingFiles bool
}

// Problem is one rule a report breaks, at a JSON path such as
// $.issues[3].primaryLocation.textRange.
type Problem struct {
	Path    string
	Message string
}

func (p Problem) String() string { return p.Path + ": " + p.Message }

// Error joins problems into one error, or returns nil for none.
func Error(ps []Problem) error {
	if len(ps) == 0 {
		return nil
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%d problems", len(ps))
	for _, p := range ps {
		b.WriteString("\n\t" + p.String())
	}
	return fmt.Errorf("%s", b.String())
}

// checker collects problems while walking a decoded report.
type checker struct {
	opt      Options
	problems []Problem
	files    map[string]*lines
}

func (c *checker) errorf(at, format string, args ...any) {
	c.problems = append(c.problems, Problem{Path: at, Message: fmt.Sprintf(format, args...)})
}

// root decodes data and returns its top-level object; ok is false, with
// the problem recorded, when it is not JSON or not an object.
func (c *checker) root(data []byte) (obj, bool) {
	v, ok := c.decode(data)
	if !ok {
		return obj{}, false
	}
	return c.object(v, "$")
}

// decode reads data as one strict JSON value (RFC 8259: no comments,
// trailing commas or NaN, nothing after the value), numbers kept exact.
func (c *checker) decode(data []byte) (any, bool) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		c.errorf("$", "not JSON: %v", err)
		return nil, false
	}
	if _, err := dec.Token(); err == nil {
		c.errorf("$", "data after the JSON value")
		return nil, false
	}
	return v, true
}

// obj is a JSON object with the path it was found at.
type obj struct {
	at string
	m  map[string]any
}

func (c *checker) object(v any, at string) (obj, bool) {
	m, ok := v.(map[string]any)
	if !ok {
		c.errorf(at, "want an object, got %s", kind(v))
	}
	return obj{at, m}, ok
}

func (o obj) has(key string) bool {
	v, ok := o.m[key]
	return ok && v != nil
}

// str returns the string at key; a present value of another kind is a
// problem (SonarQube's parser would coerce a number, but a writer that
// emits one is wrong).
func (c *checker) str(o obj, key string, required bool) (string, bool) {
	v, ok := o.m[key]
	if !ok || v == nil {
		if required {
			c.errorf(o.at, "missing %q", key)
		}
		return "", false
	}
	s, ok := v.(string)
	if !ok {
		c.errorf(o.at+"."+key, "want a string, got %s", kind(v))
	}
	return s, ok
}

// nonBlank is str for a mandatory field that must not be empty or white
// space.
func (c *checker) nonBlank(o obj, key string) (string, bool) {
	s, ok := c.str(o, key, true)
	if ok && strings.TrimSpace(s) == "" {
		c.errorf(o.at+"."+key, "blank")
		return s, false
	}
	return s, ok
}

// integer returns the 32-bit integer at key (Java's Integer, which both
// importers bind to).
func (c *checker) integer(o obj, key string, required bool) (int, bool) {
	v, ok := o.m[key]
	if !ok || v == nil {
		if required {
			c.errorf(o.at, "missing %q", key)
		}
		return 0, false
	}
	n, ok := v.(json.Number)
	if !ok {
		c.errorf(o.at+"."+key, "want an integer, got %s", kind(v))
		return 0, false
	}
	i, err := n.Int64()
	if err != nil || i < math.MinInt32 || i > math.MaxInt32 {
		c.errorf(o.at+"."+key, "%s is not a 32-bit integer", n)
		return 0, false
	}
	return int(i), true
}

func (c *checker) array(o obj, key string, required bool) ([]any, bool) {
	v, ok := o.m[key]
	if !ok || v == nil {
		if required {
			c.errorf(o.at, "missing %q", key)
		}
		return nil, false
	}
	a, ok := v.([]any)
	if !ok {
		c.errorf(o.at+"."+key, "want an array, got %s", kind(v))
	}
	return a, ok
}

func (c *checker) child(o obj, key string, required bool) (obj, bool) {
	v, ok := o.m[key]
	if !ok || v == nil {
		if required {
			c.errorf(o.at, "missing %q", key)
		}
		return obj{}, false
	}
	return c.object(v, o.at+"."+key)
}

func (c *checker) oneOf(at, s string, allowed ...string) {
	for _, a := range allowed {
		if s == a {
			return
		}
	}
	c.errorf(at, "%q is not one of %s", s, strings.Join(allowed, ", "))
}

func kind(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case string:
		return "a string"
	case json.Number:
		return "a number"
	case bool:
		return "a boolean"
	case []any:
		return "an array"
	}
	return "an object"
}

func index(at string, i int) string { return fmt.Sprintf("%s[%d]", at, i) }

// file returns the lines of a slash-separated path relative to the base
// directory, or nil when it cannot be read. A path that climbs out of the
// base directory is reported as missing: the importers do not resolve it.
func (c *checker) file(rel string) *lines {
	if l, ok := c.files[rel]; ok {
		return l
	}
	var l *lines
	clean := path.Clean(rel)
	if filepath.IsAbs(filepath.FromSlash(rel)) {
		// An absolute path counts when it names a file under the base
		// directory, as SonarQube compares it with the absolute paths
		// of the files it indexed.
		base, err := filepath.Abs(c.opt.BaseDir)
		if r, err2 := filepath.Rel(base, filepath.FromSlash(rel)); err == nil && err2 == nil {
			clean = filepath.ToSlash(r)
		}
	}
	if !path.IsAbs(clean) && clean != ".." && !strings.HasPrefix(clean, "../") {
		if data, err := os.ReadFile(filepath.Join(c.opt.BaseDir, filepath.FromSlash(clean))); err == nil {
			l = &lines{src: data}
		}
	}
	if c.files == nil {
		c.files = map[string]*lines{}
	}
	c.files[rel] = l
	return l
}
