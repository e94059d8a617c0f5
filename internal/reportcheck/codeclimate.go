package reportcheck

import (
	"bytes"
	_ "embed"
	"errors"
	"path"
	"strconv"
	"strings"
	"sync"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
)

//go:embed schema/codeclimate.schema.json
var codeClimateSchema []byte

// compiledCodeClimate compiles the embedded schema once.
var compiledCodeClimate = sync.OnceValues(func() (*jsonschema.Schema, error) {
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(codeClimateSchema))
	if err != nil {
		return nil, err
	}
	c := jsonschema.NewCompiler()
	const url = "file:///schema/codeclimate.schema.json"
	if err := c.AddResource(url, doc); err != nil {
		return nil, err
	}
	return c.Compile(url)
})

// CodeClimate checks a GitLab Code Quality report: the JSON Schema in
// schema/codeclimate.schema.json, then what GitLab does with a valid one.
// GitLab keeps one issue per fingerprint and drops the others without a
// word, so fingerprints must be unique; it shows an issue at its path
// relative to the repository root, so a path must be relative and, with
// [Options.BaseDir], name a file there in which the lines fit.
func CodeClimate(data []byte, opt Options) []Problem {
	c := &checker{opt: opt}
	v, ok := c.decode(data)
	if !ok {
		return c.problems
	}
	sch, err := compiledCodeClimate()
	if err != nil {
		return []Problem{{Path: "$", Message: "the schema does not compile: " + err.Error()}}
	}
	// The schema validator wants its own decoding of the instance.
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))))
	if err != nil {
		return []Problem{{Path: "$", Message: err.Error()}}
	}
	if err := sch.Validate(inst); err != nil {
		var ve *jsonschema.ValidationError
		if !errors.As(err, &ve) {
			return []Problem{{Path: "$", Message: err.Error()}}
		}
		pr := message.NewPrinter(language.English)
		var leaves func(*jsonschema.ValidationError)
		leaves = func(e *jsonschema.ValidationError) {
			if len(e.Causes) == 0 {
				c.errorf(jsonPath(e.InstanceLocation), "schema: %s", e.ErrorKind.LocalizedString(pr))
			}
			for _, cause := range e.Causes {
				leaves(cause)
			}
		}
		leaves(ve)
		return c.problems
	}
	seen := map[string]int{}
	for i, it := range v.([]any) {
		o, _ := c.object(it, index("$", i))
		fp, _ := c.str(o, "fingerprint", true)
		if j, dup := seen[fp]; dup {
			c.errorf(o.at+".fingerprint", "%q is the fingerprint of $[%d] too: GitLab shows only one of them", fp, j)
		}
		seen[fp] = i
		loc, _ := c.child(o, "location", true)
		p, _ := c.str(loc, "path", true)
		if path.IsAbs(p) || strings.Contains(p, `\`) || p == ".." || strings.HasPrefix(p, "../") {
			c.errorf(loc.at+".path", "%q is not a slash-separated path relative to the repository root", p)
			continue
		}
		if opt.BaseDir == "" {
			continue
		}
		begin, end := c.ccLines(loc)
		f := c.file(p)
		switch {
		case f == nil && !opt.AllowMissingFiles:
			c.errorf(loc.at+".path", "no file %s under the base directory", p)
		case f != nil:
			if n := len(f.split("\r\n", "\r", "\n")); end > n {
				c.errorf(loc.at, "line %d is past the end of %s (%d lines)", end, p, n)
			}
		}
		if end < begin {
			c.errorf(loc.at, "ends at line %d before it begins at %d", end, begin)
		}
	}
	return c.problems
}

// ccLines returns the first and last line of a location that passed the
// schema: lines.begin and lines.end, or the lines of positions.
func (c *checker) ccLines(loc obj) (begin, end int) {
	part, key := "lines", "begin"
	if !loc.has("lines") {
		part, key = "positions", "line"
	}
	r, _ := c.child(loc, part, true)
	get := func(name string) int {
		if part == "lines" {
			n, _ := c.integer(r, name, false)
			return n
		}
		p, ok := c.child(r, name, false)
		if !ok {
			return 0
		}
		n, _ := c.integer(p, key, false)
		return n
	}
	begin = get("begin")
	end = get("end")
	if end == 0 {
		end = begin
	}
	return begin, end
}

// jsonPath turns the segments of an instance location (["0", "location"])
// into the path form of the other problems ("$[0].location").
func jsonPath(segs []string) string {
	out := "$"
	for _, seg := range segs {
		if _, err := strconv.Atoi(seg); err == nil {
			out += "[" + seg + "]"
		} else {
			out += "." + seg
		}
	}
	return out
}
