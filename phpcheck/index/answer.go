package index

import "encoding/binary"

// AppendAnswer appends to b an encoding of what ix answers to l: every
// field of the declaration the lookup returns and, for a method or
// property, the name of the class declaring it. Two indexes give the same
// encoding exactly when the lookup returns equal values in both, so a
// result computed from a set of lookups holds in any index that answers
// them alike. The lookup is not recorded.
func (ix *Index) AppendAnswer(b []byte, l Lookup) []byte {
	var q Index
	if ix != nil {
		q = *ix
		q.rec = nil
	}
	switch l.Kind {
	case LookupClass:
		if c := q.Class(l.Name); c != nil {
			return appendClass(append(b, 1), c)
		}
	case LookupFunction:
		if f := q.Function(l.Name); f != nil {
			return appendFunc(append(b, 1), f)
		}
	case LookupConst:
		if k := q.Const(l.Name); k != nil {
			return appendConst(append(b, 1), k)
		}
	case LookupMethod:
		if m, c := q.Method(l.Name, l.Member); m != nil {
			return appendString(appendFunc(append(b, 1), m), c.Name)
		}
	case LookupProperty:
		if p, c := q.Property(l.Name, l.Member); p != nil {
			return appendString(appendProp(append(b, 1), p), c.Name)
		}
	case LookupSubclass:
		return appendBool(b, q.IsSubclass(l.Name, l.Member))
	case LookupSupers:
		if e := q.entry(l.Name); e != nil {
			return appendStrings(appendString(append(b, 1), e.Parent), e.Interfaces)
		}
	case LookupShape:
		return appendBool(b, q.DeclaresShape(ShapeOwner(l.Member), l.Name))
	case LookupAssertsNull:
		return appendBool(b, q.AssertsNull(l.Name))
	case LookupEnum:
		if name, ok := q.Enum(l.Name); ok {
			return appendString(append(b, 1), name)
		}
	}
	return append(b, 0)
}

// The append functions encode every field of their type, in declaration
// order; TestAnswerCoversFields fails when a field is added without being
// encoded here.

func appendString(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

func appendStrings(b []byte, ss []string) []byte {
	b = binary.AppendUvarint(b, uint64(len(ss)))
	for _, s := range ss {
		b = appendString(b, s)
	}
	return b
}

func appendBool(b []byte, v bool) []byte {
	if v {
		return append(b, 1)
	}
	return append(b, 0)
}

func appendInt(b []byte, n int) []byte {
	return binary.AppendVarint(b, int64(n))
}

func appendType(b []byte, t *Type) []byte {
	b = appendString(b, t.Text)
	b = appendStrings(b, t.Classes)
	b = appendBool(b, t.Nullable)
	b = appendBool(b, t.NonNull)
	b = append(b, byte(t.Source))
	return appendInt(b, t.Line)
}

func appendFunc(b []byte, f *Func) []byte {
	b = appendString(b, f.Name)
	b = appendBool(b, f.Static)
	b = appendType(b, &f.Returns)
	b = appendBool(b, f.NoReturn)
	b = appendStrings(b, f.EndsIn)
	b = binary.AppendUvarint(b, uint64(len(f.Params)))
	for i := range f.Params {
		p := &f.Params[i]
		b = appendString(b, p.Name)
		b = appendType(b, &p.Type)
		b = appendBool(b, p.ByRef)
		b = appendBool(b, p.Variadic)
		b = appendType(b, &p.Each)
	}
	b = appendInt(b, f.Line)
	b = binary.AppendUvarint(b, uint64(len(f.Asserts)))
	for i := range f.Asserts {
		as := &f.Asserts[i]
		b = append(b, byte(as.When))
		b = appendString(b, as.Target)
		b = appendType(b, &as.Type)
		b = appendBool(b, as.Negated)
		b = appendBool(b, as.Equality)
	}
	b = appendString(b, f.File)
	b = appendSummary(b, &f.Summary)
	b = append(b, byte(f.Guard))
	b = appendBool(b, f.Builtin)
	b = appendBool(b, f.NonEmpty)
	return appendString(b, f.ArrayDoc)
}

func appendSummary(b []byte, s *Summary) []byte {
	b = appendBool(b, s.Body)
	b = appendInt(b, s.NullAt)
	b = appendStrings(b, s.Sets)
	b = appendStrings(b, s.MayNull)
	b = appendStrings(b, s.Calls)
	b = appendStrings(b, s.NullAfterCall)
	b = appendString(b, s.ReturnsProp)
	b = appendString(b, s.Getter)
	b = appendString(b, s.NullTest)
	b = appendBool(b, s.NullTestNeg)
	return appendBool(b, s.Before)
}

func appendProp(b []byte, p *Prop) []byte {
	b = appendString(b, p.Name)
	b = appendBool(b, p.Static)
	b = appendType(b, &p.Type)
	return appendInt(b, p.Line)
}

func appendConst(b []byte, c *Const) []byte {
	b = appendString(b, c.Name)
	return appendBool(b, c.Null)
}

func appendClass(b []byte, c *Class) []byte {
	b = appendString(b, c.Name)
	b = append(b, byte(c.Kind))
	b = appendString(b, c.Parent)
	b = appendStrings(b, c.Interfaces)
	b = appendStrings(b, c.Traits)
	b = binary.AppendUvarint(b, uint64(len(c.Methods)))
	for i := range c.Methods {
		b = appendFunc(b, &c.Methods[i])
	}
	b = binary.AppendUvarint(b, uint64(len(c.Props)))
	for i := range c.Props {
		b = appendProp(b, &c.Props[i])
	}
	b = binary.AppendUvarint(b, uint64(len(c.Consts)))
	for i := range c.Consts {
		b = appendConst(b, &c.Consts[i])
	}
	b = appendInt(b, c.Line)
	b = appendString(b, c.File)
	b = appendStrings(b, c.Before)
	b = binary.AppendUvarint(b, uint64(len(c.Shapes)))
	for i := range c.Shapes {
		d := &c.Shapes[i]
		b = appendStrings(b, []string{d.Name, d.Type, d.From, d.Orig})
		b = appendInt(b, d.Line)
	}
	return b
}
