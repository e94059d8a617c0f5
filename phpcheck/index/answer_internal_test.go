package index

import (
	"bytes"
	"fmt"
	"reflect"
	"testing"
)

// TestAnswerCoversFields changes each field of each declaration type, one
// at a time, and checks that the answer encoding changes: a field added to
// a declaration without being encoded would let the result cache reuse
// results computed from a different declaration.
func TestAnswerCoversFields(t *testing.T) {
	cases := []struct {
		name string
		new  func() any
		enc  func(any) []byte
	}{
		{"Func", func() any { return &Func{Params: []Param{{}}, Asserts: []Assert{{}}} }, func(v any) []byte { return appendFunc(nil, v.(*Func)) }},
		{"Prop", func() any { return &Prop{} }, func(v any) []byte { return appendProp(nil, v.(*Prop)) }},
		{"Const", func() any { return &Const{} }, func(v any) []byte { return appendConst(nil, v.(*Const)) }},
		{"Class", func() any {
			return &Class{Methods: []Func{{Params: []Param{{}}, Asserts: []Assert{{}}}}, Props: []Prop{{}}, Consts: []Const{{}}, Shapes: []DocShape{{}}}
		}, func(v any) []byte { return appendClass(nil, v.(*Class)) }},
	}
	for _, c := range cases {
		base := c.enc(c.new())
		paths := leaves(reflect.ValueOf(c.new()).Elem(), nil)
		if len(paths) == 0 {
			t.Fatalf("%s: no fields found", c.name)
		}
		for _, p := range paths {
			v := c.new()
			desc := set(reflect.ValueOf(v).Elem(), p)
			if bytes.Equal(c.enc(v), base) {
				t.Errorf("%s: changing %s does not change the answer encoding", c.name, desc)
			}
		}
	}
}

// leaves returns the index paths of the scalar and []string fields of the
// struct v, descending into nested structs and into the first element of
// slices of structs.
func leaves(v reflect.Value, prefix []int) [][]int {
	var out [][]int
	for i := range v.NumField() {
		p := append(append([]int(nil), prefix...), i)
		f := v.Field(i)
		switch {
		case f.Kind() == reflect.Struct:
			out = append(out, leaves(f, p)...)
		case f.Kind() == reflect.Slice && f.Type().Elem().Kind() == reflect.Struct:
			out = append(out, p) // the slice's length
			out = append(out, leaves(f.Index(0), append(p, -1))...)
		default:
			out = append(out, p)
		}
	}
	return out
}

// set changes the field at path p of v and describes it; -1 in a path
// steps into a slice's first element.
func set(v reflect.Value, p []int) string {
	desc := v.Type().Name()
	for i, n := range p {
		if n == -1 {
			v = v.Index(0)
			desc += "[0]"
			continue
		}
		desc += "." + v.Type().Field(n).Name
		v = v.Field(n)
		if i < len(p)-1 {
			continue
		}
		switch v.Kind() {
		case reflect.String:
			v.SetString("x")
		case reflect.Bool:
			v.SetBool(!v.Bool())
		case reflect.Int:
			v.SetInt(v.Int() + 7)
		case reflect.Uint8:
			v.SetUint(v.Uint() + 3)
		case reflect.Slice:
			v.Set(reflect.Append(v, reflect.Zero(v.Type().Elem())))
		default:
			panic(fmt.Sprintf("%s: unhandled kind %s", desc, v.Kind()))
		}
	}
	return desc
}
