package reportcheck

import (
	"bytes"
	_ "embed"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"slices"
	"strconv"
	"strings"
	"sync"
)

//go:embed schema/checkstyle.xsd
var checkstyleXSD []byte

// xsdElement is one element declaration of the schema: its attributes and
// the elements it may hold.
type xsdElement struct {
	name     string
	attrs    map[string]xsdAttr
	children map[string]*xsdElement
}

// xsdAttr is one attribute declaration.
type xsdAttr struct {
	typ      string   // xs:string or xs:positiveInteger
	required bool     // use="required"
	enum     []string // the allowed values of a restricted xs:string
}

// xsdNode is the generic tree encoding/xml decodes the schema into.
type xsdNode struct {
	XMLName xml.Name
	Attrs   []xml.Attr `xml:",any,attr"`
	Nodes   []xsdNode  `xml:",any"`
}

func (n xsdNode) attr(name string) string {
	for _, a := range n.Attrs {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

// checkstyleRoot reads the embedded schema once.
var checkstyleRoot = sync.OnceValues(func() (*xsdElement, error) {
	var doc xsdNode
	if err := xml.Unmarshal(checkstyleXSD, &doc); err != nil {
		return nil, err
	}
	for _, n := range doc.Nodes {
		if n.XMLName.Local == "element" {
			return xsdElementOf(n), nil
		}
	}
	return nil, errors.New("the schema declares no element")
})

// xsdElementOf reads an xs:element and every declaration below it, through
// xs:complexType, xs:sequence, xs:simpleType and xs:restriction.
func xsdElementOf(n xsdNode) *xsdElement {
	e := &xsdElement{name: n.attr("name"), attrs: map[string]xsdAttr{}, children: map[string]*xsdElement{}}
	var walk func(xsdNode)
	walk = func(n xsdNode) {
		for _, c := range n.Nodes {
			switch c.XMLName.Local {
			case "element":
				ce := xsdElementOf(c)
				e.children[ce.name] = ce
			case "attribute":
				a := xsdAttr{typ: c.attr("type"), required: c.attr("use") == "required"}
				var enum func(xsdNode)
				enum = func(n xsdNode) {
					for _, d := range n.Nodes {
						if d.XMLName.Local == "enumeration" {
							a.enum = append(a.enum, d.attr("value"))
						}
						enum(d)
					}
				}
				enum(c)
				if a.typ == "" {
					a.typ = "xs:string"
				}
				e.attrs[c.attr("name")] = a
			default:
				walk(c)
			}
		}
	}
	walk(n)
	return e
}

// Checkstyle checks a Checkstyle XML report against schema/checkstyle.xsd,
// riskvet's rendering of the format's structure, read at run time: the
// root element, the elements each may hold (in any order), the attributes
// each must and may have, positive integers and enumerated values. With
// [Options.BaseDir], each file must exist there (unless
// [Options.AllowMissingFiles]) and each error's line fit it, as Jenkins and
// reviewdog need to show the code.
func Checkstyle(data []byte, opt Options) []Problem {
	c := &checker{opt: opt}
	root, err := checkstyleRoot()
	if err != nil {
		return []Problem{{Path: "/", Message: "the schema cannot be read: " + err.Error()}}
	}
	dec := xml.NewDecoder(bytes.NewReader(data))
	var stack []*xsdElement
	var at []string
	var file *lines
	fileName := ""
	seenRoot := false
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			c.errorf("/"+strings.Join(at, "/"), "not XML: %v", err)
			return c.problems
		}
		switch t := tok.(type) {
		case xml.StartElement:
			name := t.Name.Local
			var decl *xsdElement
			switch {
			case len(stack) == 0 && seenRoot:
				c.errorf("/", "a second root element <%s>", name)
			case len(stack) == 0 && name != root.name:
				c.errorf("/", "root element <%s>, want <%s>", name, root.name)
				seenRoot = true
			case len(stack) == 0:
				decl = root
				seenRoot = true
			case stack[len(stack)-1] != nil:
				decl = stack[len(stack)-1].children[name]
				if decl == nil {
					c.errorf("/"+strings.Join(at, "/"), "<%s> may not hold <%s>", stack[len(stack)-1].name, name)
				}
			}
			at = append(at, fmt.Sprintf("%s[%d]", name, dec.InputOffset()))
			stack = append(stack, decl)
			if decl == nil {
				continue
			}
			vals := c.xsdAttrs(decl, t.Attr, "/"+strings.Join(at, "/"))
			switch name {
			case "file":
				fileName = vals["name"]
				file = nil
				if _, ok := vals["name"]; ok && opt.BaseDir != "" {
					c.csFile(fileName, "/"+strings.Join(at, "/"))
					file = c.file(fileName)
				}
			case "error":
				if n, err := strconv.Atoi(vals["line"]); err == nil && file != nil {
					if max := len(file.split("\r\n", "\r", "\n")); n > max {
						c.errorf("/"+strings.Join(at, "/"), "line %d is past the end of %s (%d lines)", n, fileName, max)
					}
				}
			}
		case xml.EndElement:
			stack, at = stack[:len(stack)-1], at[:len(at)-1]
		}
	}
	if !seenRoot {
		c.errorf("/", "no root element")
	}
	return c.problems
}

// xsdAttrs checks the attributes of an element against its declaration and
// returns their values by name.
func (c *checker) xsdAttrs(decl *xsdElement, attrs []xml.Attr, at string) map[string]string {
	vals := map[string]string{}
	for _, a := range attrs {
		vals[a.Name.Local] = a.Value
		d, ok := decl.attrs[a.Name.Local]
		switch {
		case !ok:
			c.errorf(at, "undeclared attribute %s", a.Name.Local)
		case d.typ == "xs:positiveInteger":
			if n, err := strconv.Atoi(a.Value); err != nil || n < 1 {
				c.errorf(at+"@"+a.Name.Local, "%q is not a positive integer", a.Value)
			}
		case len(d.enum) > 0 && !slices.Contains(d.enum, a.Value):
			c.errorf(at+"@"+a.Name.Local, "%q is not one of %s", a.Value, strings.Join(d.enum, ", "))
		}
	}
	names := make([]string, 0, len(decl.attrs))
	for n := range decl.attrs {
		names = append(names, n)
	}
	slices.Sort(names)
	for _, n := range names {
		if _, ok := vals[n]; !ok && decl.attrs[n].required {
			c.errorf(at, "missing attribute %s", n)
		}
	}
	return vals
}

// csFile checks a file element's name: relative to the base directory,
// with slashes, and there unless missing files are allowed.
func (c *checker) csFile(name, at string) {
	if path.IsAbs(name) || strings.Contains(name, `\`) || name == ".." || strings.HasPrefix(name, "../") {
		c.errorf(at+"@name", "%q is not a slash-separated path relative to the base directory", name)
		return
	}
	if c.file(name) == nil && !c.opt.AllowMissingFiles {
		c.errorf(at+"@name", "no file %s under the base directory", name)
	}
}
