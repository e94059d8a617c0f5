package config

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/pelletier/go-toml/v2"

	"github.com/riskvet/riskvet/internal/rules"
)

// FileName is the name of the configuration file.
const FileName = "riskvet.toml"

// Config is a loaded riskvet.toml. The zero Config (no file) changes nothing.
type Config struct {
	// Path is the file the configuration was read from; empty when none.
	Path string
	// Dir is the absolute directory that paths in the file are relative to.
	Dir string
	// Enable and Disable list rule IDs turned on or off everywhere.
	Enable, Disable []string
	// Exclude lists globs of paths never reported.
	Exclude []string
	// Extensions are the PHP file extensions; nil means the default.
	Extensions []string
	// Overrides apply to the files their paths match, in order.
	Overrides []Override
	// Settings are the keys of the tables named after a check
	// (`[nullderef] strict = true`, `[genericdepth] max = 4`), in file
	// order: the check's flags, which the driver that runs the check
	// validates and sets, as it does `-nullderef.strict` and
	// `-genericdepth.max` on the command line.
	Settings []Setting

	sum [sha256.Size]byte
}

// Setting is one key of a check's table, with its value spelled as on the
// command line: `strict = true` is "true", `never_null = ["a", "b"]` is
// "a,b".
type Setting struct {
	Check, Key, Value string
	// Bool reports that the value was a TOML boolean, which is all a
	// boolean flag takes: "yes" or 1 in riskvet.toml is a mistake.
	Bool bool
	// Line is the 1-based line of the key, 0 when not found.
	Line int
}

// Errorf returns an *Error about the setting, at its line, prefixed with
// its name ("nullderef.strict: ").
func (c *Config) Errorf(s Setting, format string, args ...any) error {
	return settingError(c.Path, s, format, args...)
}

func settingError(file string, s Setting, format string, args ...any) error {
	return &Error{File: file, Line: s.Line, Column: 1, Msg: fmt.Sprintf("%s.%s: ", s.Check, s.Key) + fmt.Sprintf(format, args...)}
}

// Override changes the enabled checks for some paths.
type Override struct {
	Paths           []string
	Enable, Disable []string
}

// document is the TOML shape of the file, but for the tables named after
// a check, which hold its flags (see checkTables).
type document struct {
	Enable   []string    `toml:"enable"`
	Disable  []string    `toml:"disable"`
	Exclude  []string    `toml:"exclude"`
	PHP      phpSection  `toml:"php"`
	Override []overrides `toml:"override"`
}

type phpSection struct {
	Extensions []string `toml:"extensions"`
}

type overrides struct {
	Paths   []string `toml:"paths"`
	Enable  []string `toml:"enable"`
	Disable []string `toml:"disable"`
}

// Error is a problem in a configuration file, at a line and column (1-based;
// 0 when unknown).
type Error struct {
	File         string
	Line, Column int
	Msg          string
}

func (e *Error) Error() string {
	switch {
	case e.Line > 0:
		return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, max(e.Column, 1), e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.File, e.Msg)
}

// Find returns the path of the riskvet.toml that applies to dir, searching
// dir and its parents as the package documentation describes, or "" when
// there is none.
func Find(dir string) (string, error) {
	root, marked, err := Root(dir, FileName)
	if err != nil || !marked {
		return "", err
	}
	return filepath.Join(root, FileName), nil
}

// Root returns the nearest directory from dir upward that holds a file
// named in markers (marked true), else the top of the version-control
// checkout holding dir (marked false), else "". The search stops at the
// checkout's top: a marker above it belongs to another project.
func Root(dir string, markers ...string) (root string, marked bool, err error) {
	dir, err = filepath.Abs(dir)
	if err != nil {
		return "", false, err
	}
	for {
		for _, m := range markers {
			if st, err := os.Stat(filepath.Join(dir, m)); err == nil && !st.IsDir() {
				return dir, true, nil
			}
		}
		if isRepoRoot(dir) {
			return dir, false, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", false, nil
		}
		dir = parent
	}
}

// isRepoRoot reports whether dir is the top of a version-control checkout.
func isRepoRoot(dir string) bool {
	for _, vcs := range []string{".git", ".hg", ".svn"} {
		if _, err := os.Stat(filepath.Join(dir, vcs)); err == nil {
			return true
		}
	}
	return false
}

// Discover loads the riskvet.toml that applies to dir, or returns an empty
// Config rooted at dir when there is none.
func Discover(dir string) (*Config, error) {
	p, err := Find(dir)
	if err != nil {
		return nil, err
	}
	if p == "" {
		abs, err := filepath.Abs(dir)
		if err != nil {
			return nil, err
		}
		return &Config{Dir: abs}, nil
	}
	return Load(p)
}

// Load reads and checks the configuration file at p.
func Load(p string) (*Config, error) {
	src, err := os.ReadFile(p)
	if err != nil {
		return nil, err
	}
	abs, err := filepath.Abs(p)
	if err != nil {
		return nil, err
	}
	c, err := Parse(p, src)
	if err != nil {
		return nil, err
	}
	c.Dir = filepath.Dir(abs)
	return c, nil
}

// Parse checks the configuration in src; name is the file name used in
// errors and in Path.
func Parse(name string, src []byte) (*Config, error) {
	var doc document
	dec := toml.NewDecoder(bytes.NewReader(src))
	dec.DisallowUnknownFields()
	tables, err := checkTables(dec.Decode(&doc))
	if err != nil {
		return nil, decodeError(name, err)
	}
	c := &Config{Path: name, sum: sha256.Sum256(src)}
	if len(tables) > 0 {
		if c.Settings, err = settings(name, src, tables); err != nil {
			return nil, err
		}
	}
	bad := func(table string, nth int, key, format string, args ...any) error {
		line := findKey(src, table, nth, key)
		full := key
		if table != "" {
			full = table + "." + key
		}
		return &Error{File: name, Line: line, Column: 1, Msg: fmt.Sprintf("%s: ", full) + fmt.Sprintf(format, args...)}
	}
	checkNames := func(table string, nth int, key string, names []string) error {
		for _, n := range names {
			if _, ok := rules.Lookup(n); !ok {
				return bad(table, nth, key, "unknown check %q (riskvet help lists them)", n)
			}
		}
		return nil
	}
	checkGlobs := func(table string, nth int, key string, globs []string) error {
		for _, g := range globs {
			if _, err := path.Match(strings.ReplaceAll(g, "**", "*"), ""); err != nil || g == "" {
				return bad(table, nth, key, "bad glob %q", g)
			}
		}
		return nil
	}
	if err := checkNames("", 0, "enable", doc.Enable); err != nil {
		return nil, err
	}
	if err := checkNames("", 0, "disable", doc.Disable); err != nil {
		return nil, err
	}
	if err := checkGlobs("", 0, "exclude", doc.Exclude); err != nil {
		return nil, err
	}
	c.Enable, c.Disable, c.Exclude = doc.Enable, doc.Disable, doc.Exclude
	for _, e := range doc.PHP.Extensions {
		if !strings.HasPrefix(e, ".") || len(e) < 2 || strings.ContainsAny(e, "/*?[") {
			return nil, bad("php", 0, "extensions", "%q is not an extension like \".php\"", e)
		}
	}
	c.Extensions = doc.PHP.Extensions
	for i, o := range doc.Override {
		if len(o.Paths) == 0 {
			return nil, bad("override", i, "paths", "an override needs paths")
		}
		if err := checkGlobs("override", i, "paths", o.Paths); err != nil {
			return nil, err
		}
		if err := checkNames("override", i, "enable", o.Enable); err != nil {
			return nil, err
		}
		if err := checkNames("override", i, "disable", o.Disable); err != nil {
			return nil, err
		}
		c.Overrides = append(c.Overrides, Override(o))
	}
	return c, nil
}

// checkTables sorts the error of the strict decoding: the unknown keys
// that are tables named after a registered check ([nullderef]) hold that
// check's settings, returned by name; any other unknown key, or another
// error, is returned as the error.
func checkTables(err error) ([]string, error) {
	var strict *toml.StrictMissingError
	if !errors.As(err, &strict) {
		return nil, err
	}
	var tables []string
	rest := *strict
	rest.Errors = nil
	for _, e := range strict.Errors {
		if k := e.Key(); len(k) == 1 {
			if _, ok := rules.Lookup(k[0]); ok {
				if !slices.Contains(tables, k[0]) {
					tables = append(tables, k[0])
				}
				continue
			}
		}
		rest.Errors = append(rest.Errors, e)
	}
	if len(rest.Errors) > 0 {
		return nil, &rest
	}
	return tables, nil
}

// settings reads the keys of the check tables in the file, in order.
func settings(name string, src []byte, tables []string) ([]Setting, error) {
	var all map[string]any
	if err := toml.Unmarshal(src, &all); err != nil {
		return nil, decodeError(name, err)
	}
	var out []Setting
	for _, check := range tables {
		t, ok := all[check].(map[string]any)
		if !ok {
			return nil, &Error{File: name, Line: findKey(src, "", 0, check), Column: 1, Msg: fmt.Sprintf("%s: want a table of the check's settings", check)}
		}
		for _, key := range slices.Sorted(maps.Keys(t)) {
			st := Setting{Check: check, Key: key, Line: findKey(src, check, 0, key)}
			switch v := t[key].(type) {
			case bool:
				st.Value, st.Bool = strconv.FormatBool(v), true
			case int64:
				st.Value = strconv.FormatInt(v, 10)
			case float64:
				st.Value = strconv.FormatFloat(v, 'g', -1, 64)
			case string:
				st.Value = v
			case []any:
				items := make([]string, len(v))
				for i, x := range v {
					s, ok := x.(string)
					if !ok || strings.Contains(s, ",") {
						return nil, settingError(name, st, "want a list of strings without commas, not %v", x)
					}
					items[i] = s
				}
				st.Value = strings.Join(items, ",")
			default:
				return nil, settingError(name, st, "want a boolean, a number, a string or a list of strings")
			}
			out = append(out, st)
		}
	}
	slices.SortStableFunc(out, func(a, b Setting) int { return a.Line - b.Line })
	return out, nil
}

// decodeError turns go-toml's errors, which carry the position but name
// neither the file nor (for a type mismatch) the key, into an *Error.
func decodeError(name string, err error) error {
	var strict *toml.StrictMissingError
	if errors.As(err, &strict) && len(strict.Errors) > 0 {
		e := strict.Errors[0]
		line, col := e.Position()
		return &Error{File: name, Line: line, Column: col, Msg: fmt.Sprintf("unknown key %q", strings.Join(e.Key(), "."))}
	}
	var de *toml.DecodeError
	if errors.As(err, &de) {
		line, col := de.Position()
		msg := strings.TrimPrefix(de.Error(), "toml: ")
		if k := de.Key(); len(k) > 0 {
			msg = fmt.Sprintf("%s: %s", strings.Join(k, "."), msg)
		}
		return &Error{File: name, Line: line, Column: col, Msg: msg}
	}
	return &Error{File: name, Msg: err.Error()}
}

// findKey returns the 1-based line where key is set in the table (the
// nth occurrence of an array table), or 0. It reads the lines rather than
// the TOML tree because go-toml's decoded values carry no positions; a key
// written as a dotted key or inline table is not found, and the error then
// names the file without a line.
func findKey(src []byte, table string, nth int, key string) int {
	cur, seen := "", -1
	for i, line := range strings.Split(string(src), "\n") {
		t := strings.TrimSpace(line)
		switch {
		case strings.HasPrefix(t, "[["):
			cur = strings.TrimSpace(strings.Trim(strings.SplitN(t, "#", 2)[0], "[] \t"))
			if cur == table {
				seen++
			}
			continue
		case strings.HasPrefix(t, "["):
			cur = strings.TrimSpace(strings.Trim(strings.SplitN(t, "#", 2)[0], "[] \t"))
			seen = 0
			continue
		}
		if cur != table || (table == "override" && seen != nth) {
			continue
		}
		if k, _, ok := strings.Cut(t, "="); ok && strings.Trim(strings.TrimSpace(k), `"'`) == key {
			return i + 1
		}
	}
	return 0
}

// Hash identifies the configuration's content, for caches keyed by it: two
// files with the same bytes in the same directory hash the same; no file
// hashes as "none".
func (c *Config) Hash() string {
	if c == nil || c.Path == "" {
		return "none"
	}
	h := sha256.New()
	h.Write(c.sum[:])
	// The same bytes in another directory resolve paths differently.
	fmt.Fprintf(h, "%s\n", c.Dir)
	return hex.EncodeToString(h.Sum(nil))[:16]
}

// rel returns p, absolute or relative to the working directory, relative to
// the configuration's directory with forward slashes, and whether it lies
// inside it.
func (c *Config) rel(p string) (string, bool) {
	if !filepath.IsAbs(p) {
		if abs, err := filepath.Abs(p); err == nil {
			p = abs
		}
	}
	r, err := filepath.Rel(c.Dir, p)
	if err != nil || r == ".." || strings.HasPrefix(r, ".."+string(filepath.Separator)) {
		return "", false
	}
	return filepath.ToSlash(r), true
}

// Excluded reports whether the file at p (absolute, or relative to the
// working directory) matches an exclude glob.
func (c *Config) Excluded(p string) bool {
	if c == nil || len(c.Exclude) == 0 {
		return false
	}
	r, ok := c.rel(p)
	return ok && matchAny(c.Exclude, r)
}

// Disabled reports whether rule is turned off for the file at p by the
// overrides. It does not look at the global lists, which the drivers apply
// with their -checks logic; an override's enable turns a rule back on for
// its paths only if a global disable or an earlier override turned it off.
func (c *Config) Disabled(p, rule string) bool {
	if c == nil || len(c.Overrides) == 0 {
		return false
	}
	r, ok := c.rel(p)
	if !ok {
		return false
	}
	off := false
	for _, o := range c.Overrides {
		if !matchAny(o.Paths, r) {
			continue
		}
		if slices.Contains(o.Disable, rule) {
			off = true
		}
		if slices.Contains(o.Enable, rule) {
			off = false
		}
	}
	return off
}

// Enabled reports whether the rule is on for the file at p, given whether
// it is on by default in the run: the global lists first, then overrides.
func (c *Config) Enabled(p, rule string, byDefault bool) bool {
	if c == nil {
		return byDefault
	}
	on := byDefault
	if slices.Contains(c.Enable, rule) {
		on = true
	}
	if slices.Contains(c.Disable, rule) {
		on = false
	}
	r, ok := c.rel(p)
	if !ok {
		return on
	}
	for _, o := range c.Overrides {
		if !matchAny(o.Paths, r) {
			continue
		}
		if slices.Contains(o.Disable, rule) {
			on = false
		}
		if slices.Contains(o.Enable, rule) {
			on = true
		}
	}
	return on
}

func matchAny(globs []string, p string) bool {
	for _, g := range globs {
		if Match(g, p) {
			return true
		}
	}
	return false
}

// Match reports whether the slash-separated relative path p matches the
// glob: "**" matches any number of path elements, other elements match as
// path.Match does, a glob without a slash matches at any depth (one that
// starts with "/" or "./" only at the top), and a glob matching a
// directory matches everything under it.
func Match(glob, p string) bool {
	anchored := strings.HasPrefix(glob, "/") || strings.HasPrefix(glob, "./")
	glob = strings.TrimSuffix(strings.TrimPrefix(strings.TrimPrefix(glob, "./"), "/"), "/")
	if !anchored && !strings.Contains(glob, "/") {
		glob = "**/" + glob
	}
	return matchElems(strings.Split(glob, "/"), strings.Split(p, "/"))
}

// matchElems matches glob elements against a prefix of path elements: a
// match of a leading part of the path is a match of the directory, which
// covers the rest.
func matchElems(g, p []string) bool {
	if len(g) == 0 {
		return true
	}
	if g[0] == "**" {
		for i := 0; i <= len(p); i++ {
			if matchElems(g[1:], p[i:]) {
				return true
			}
		}
		return false
	}
	if len(p) == 0 {
		return false
	}
	ok, _ := path.Match(g[0], p[0])
	return ok && matchElems(g[1:], p[1:])
}
