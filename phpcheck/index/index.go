// Package index is riskvet's symbol index of a PHP tree: classes, interfaces,
// traits, enums, functions, methods, properties and constants with their
// declared types, namespaces and use imports resolved. It is built in a
// first, parallel pass over every file ([Collect] per file, then [Merge]),
// and is the only data the checks share across files.
//
// [FileSymbols] is a plain value (exported fields, no AST pointers) so that a
// driver can cache it by file content and serialise it. Every name in it is
// fully qualified without the leading backslash, in the case it was declared
// with; lookups are case-insensitive for classes, functions and methods, as in
// PHP, and case-sensitive for properties.
package index

import (
	"sort"
	"strings"
)

// Kind is the kind of a class-like declaration.
type Kind uint8

// The kinds of class-like declarations.
const (
	KindClass Kind = iota
	KindInterface
	KindTrait
	KindEnum
)

// TypeSource says where a [Type] came from; messages quote it.
type TypeSource uint8

// The sources of a type.
const (
	// Undeclared: no type, no docblock; the value is unknown.
	Undeclared TypeSource = iota
	// Declared: a native type declaration.
	Declared
	// Doc: a @return or @var docblock tag, used only without a native type.
	Doc
	// ReturnsNull: an untyped function with a `return null;` on some path.
	ReturnsNull
)

// Type is a declared type, reduced to what the checks need.
type Type struct {
	// Text is the type as written ("?User", "User|null", "null"), or "" for
	// ReturnsNull and Undeclared.
	Text string
	// Classes are the class-like types in the type, fully qualified; self
	// and static are resolved to the declaring class.
	Classes []string
	// Nullable reports whether the type admits null.
	Nullable bool
	// NonNull reports whether the type is known to exclude null (a native
	// type without null, or a non-null docblock type); unknown types have
	// neither Nullable nor NonNull set.
	NonNull bool
	// Source says where the type came from.
	Source TypeSource
	// Line is the declaration's line, used to quote ReturnsNull sources.
	Line int
}

// Class returns the first class-like type, or "".
func (t Type) Class() string {
	if len(t.Classes) > 0 {
		return t.Classes[0]
	}
	return ""
}

// Param is a function or method parameter.
type Param struct {
	Name  string // with the $
	Type  Type
	ByRef bool
	// Variadic reports a variadic parameter (`int ...$ns`): Type is then
	// that of the array it collects (unknown), and Each the declared type
	// of each argument it collects.
	Variadic bool
	Each     Type
}

// Func is a function or a method.
type Func struct {
	// Name is fully qualified for functions and bare for methods.
	Name    string
	Static  bool
	Returns Type
	// NoReturn reports whether a call never returns: a `never` return
	// type (native, or a @return, @phpstan-return or @psalm-return tag),
	// a body whose every path ends in exit, die or throw with no return
	// statement, or (functions only, decided by [Merge]) one whose every
	// path ends so or in a call of a function that never returns.
	NoReturn bool
	// EndsIn names the functions whose calls end some paths of a
	// function's body when every other path exits or throws (see
	// noReturn); [Merge] sets NoReturn when none of them returns.
	EndsIn []string
	Params []Param
	Line   int
	// Asserts are the function's @phpstan-assert and @psalm-assert tags
	// (added for the narrowing people write; see assert.go).
	Asserts []Assert
	// File is the path of the file declaring a function; empty for a
	// method (see Class.File). Messages quote it with Summary.NullAt.
	File string
	// Summary is what the body does (see [Summary]).
	Summary Summary
	// Guard says whether the function (or method) returns only when its
	// first argument is falsy or truthy (Laravel's abort_if and
	// abort_unless, MediaWiki's dieContinueUsageIf).
	Guard Guard
	// ArrayDoc is the documented return type when it may be an array
	// shape (see ArrayDoc in shapes.go), read by undefinedindex.
	ArrayDoc string
	// NonEmpty reports a documented return type that is a non-empty
	// array (`non-empty-array<...>`, `non-empty-list<...>`), read by
	// nullness: a foreach over the result runs its body at least once.
	NonEmpty bool
	// Builtin reports a function or method of PHP itself, from
	// phpcheck/builtin's table; the index never holds one.
	Builtin bool
}

// Guard says when a function returns, by its first argument.
type Guard uint8

// The guards a function body can show.
const (
	// GuardNone: the body shows no guard.
	GuardNone Guard = iota
	// GuardIf: the body throws or aborts when the first argument is
	// truthy (`if ($cond) { throw ...; }`, `if ($cond) { abort(...); }`).
	GuardIf
	// GuardUnless: the body throws or aborts when it is falsy.
	GuardUnless
)

// Prop is a property (declared or promoted from a constructor parameter).
type Prop struct {
	Name   string // without the $
	Static bool
	Type   Type
	Line   int
}

// Const is a global or class constant.
type Const struct {
	Name string
	// Null reports whether the constant's value is the null literal.
	Null bool
}

// Class is a class, interface, trait or enum.
type Class struct {
	Name       string // fully qualified
	Kind       Kind
	Parent     string   // classes: the extended class
	Interfaces []string // implemented (classes, enums) or extended (interfaces)
	Traits     []string
	Methods    []Func
	Props      []Prop
	Consts     []Const
	Line       int
	// File is the path of the file declaring the class.
	File string
	// Before names the methods that a class attribute or tag says run
	// before each of the others: PHPBench's #[BeforeMethods('init')] and
	// @BeforeMethods({"init"}).
	Before []string
	// Shapes are the class's type aliases and documented array
	// properties (see shapes.go), read by undefinedindex.
	Shapes []DocShape
}

// Short returns the class name without its namespace, as messages show it.
func (c *Class) Short() string {
	if i := strings.LastIndexByte(c.Name, '\\'); i >= 0 {
		return c.Name[i+1:]
	}
	return c.Name
}

// FileSymbols holds the declarations of one file.
type FileSymbols struct {
	Path      string
	Classes   []Class
	Functions []Func
	Consts    []Const
}

// Index is the merged index of a tree. The zero value is an empty index, and
// a nil *Index answers every lookup with nothing.
type Index struct {
	classes map[string]*classEntry // lowercase name
	exact   map[string]*classEntry // name as declared: lookups skip ToLower
	funcs   map[string]*Func       // lowercase name
	fexact  map[string]*Func       // name as declared
	consts  map[string]*Const
	shaped  shapeOwners
	// nullAsserts holds the lowercase short names of the functions and
	// methods with an assertion that can make its target null.
	nullAsserts map[string]bool
	// rec, when set, is told every lookup (see Recording).
	rec func(Lookup)
}

// LookupKind says which question a [Lookup] asked.
type LookupKind uint8

// The questions the index answers, one per lookup method.
const (
	LookupClass       LookupKind = iota // Class(Name)
	LookupFunction                      // Function(Name)
	LookupConst                         // Const(Name)
	LookupMethod                        // Method(Name, Member)
	LookupProperty                      // Property(Name, Member)
	LookupSubclass                      // IsSubclass(Name, Member)
	LookupEnum                          // Enum(Name)
	LookupSupers                        // Supers(Name): added for inherited assertion tags
	LookupShape                         // DeclaresShape(Member, Name)
	LookupAssertsNull                   // AssertsNull(Name)
)

// Lookup is one question asked of the index: the method called and its
// arguments, as given.
type Lookup struct {
	Kind LookupKind
	// Name is the class, function or constant name.
	Name string
	// Member is the method or property name, or IsSubclass's super class.
	Member string
}

// Recording returns a view of ix that calls rec with every lookup made
// through it. Everything the view answers is determined by the lookups and
// their answers (see AppendAnswer), which is what lets a driver cache a
// file's results until one of those answers changes. The view shares ix's
// tables; rec is called on the goroutine doing the lookup.
func (ix *Index) Recording(rec func(Lookup)) *Index {
	if ix == nil {
		ix = &Index{}
	}
	v := *ix
	v.rec = rec
	return &v
}

func (ix *Index) record(kind LookupKind, name, member string) {
	if ix.rec != nil {
		ix.rec(Lookup{kind, name, member})
	}
}

type classEntry struct {
	*Class
	methods map[string]*Func // lowercase name
	exact   map[string]*Func // name as declared
	props   map[string]*Prop
}

// Merge builds the index of a tree from its files' symbols. When a name is
// declared twice (conditional declarations, polyfills), the file that sorts
// first by path wins, so the result does not depend on the order of files.
func Merge(files []*FileSymbols) *Index {
	sorted := make([]*FileSymbols, 0, len(files))
	nc, nf := 0, 0
	for _, f := range files {
		if f != nil {
			sorted = append(sorted, f)
			nc += len(f.Classes)
			nf += len(f.Functions)
		}
	}
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].Path < sorted[j].Path })
	ix := &Index{
		classes: make(map[string]*classEntry, nc),
		exact:   make(map[string]*classEntry, nc),
		funcs:   make(map[string]*Func, nf),
		fexact:  make(map[string]*Func, nf),
		consts:  map[string]*Const{},
	}
	for _, f := range sorted {
		for i := range f.Classes {
			c := &f.Classes[i]
			key := strings.ToLower(c.Name)
			if _, dup := ix.classes[key]; dup {
				continue
			}
			e := &classEntry{Class: c}
			if len(c.Methods) > 0 {
				e.methods = make(map[string]*Func, len(c.Methods))
				e.exact = make(map[string]*Func, len(c.Methods))
				for j := range c.Methods {
					m := &c.Methods[j]
					k := strings.ToLower(m.Name)
					if _, dup := e.methods[k]; !dup {
						e.methods[k] = m
						e.exact[m.Name] = m
					}
				}
			}
			if len(c.Props) > 0 {
				e.props = make(map[string]*Prop, len(c.Props))
				for j := range c.Props {
					p := &c.Props[j]
					if _, dup := e.props[p.Name]; !dup {
						e.props[p.Name] = p
					}
				}
			}
			ix.classes[key] = e
			ix.exact[c.Name] = e
		}
		for i := range f.Functions {
			fn := &f.Functions[i]
			key := strings.ToLower(fn.Name)
			if _, dup := ix.funcs[key]; !dup {
				ix.funcs[key] = fn
				ix.fexact[fn.Name] = fn
			}
		}
		for i := range f.Consts {
			c := &f.Consts[i]
			if _, dup := ix.consts[c.Name]; !dup {
				ix.consts[c.Name] = c
			}
		}
	}
	ix.endNoReturn(sorted)
	ix.collectShaped()
	ix.collectNullAsserts()
	return ix
}

// maxNoReturnPasses bounds the passes that propagate NoReturn through
// functions that end in calls (a helper calling a helper calling die):
// each pass settles one more level of such chains.
const maxNoReturnPasses = 8

// endNoReturn marks the functions whose body ends only in calls of
// functions that never return (see Func.EndsIn). A marked function is
// replaced in the tables by a copy, so the files' symbols, which a cache
// may share across runs, keep what their own text says.
func (ix *Index) endNoReturn(files []*FileSymbols) {
	var pending []*Func
	for _, f := range files {
		for i := range f.Functions {
			fn := &f.Functions[i]
			if len(fn.EndsIn) > 0 && !fn.NoReturn && ix.funcs[strings.ToLower(fn.Name)] == fn {
				pending = append(pending, fn)
			}
		}
	}
	for pass := 0; pass < maxNoReturnPasses && len(pending) > 0; pass++ {
		var marked []*Func
		rest := pending[:0]
		for _, fn := range pending {
			if ix.allNoReturn(fn.EndsIn) {
				marked = append(marked, fn)
			} else {
				rest = append(rest, fn)
			}
		}
		if len(marked) == 0 {
			return
		}
		// Marked after the pass, so that the result does not depend on
		// the order of the functions within it.
		for _, fn := range marked {
			cp := *fn
			cp.NoReturn = true
			ix.funcs[strings.ToLower(fn.Name)] = &cp
			ix.fexact[fn.Name] = &cp
		}
		pending = rest
	}
}

// allNoReturn reports whether every named function never returns; each
// name is a comma-separated list of candidates, the first one declared
// being the one PHP calls.
func (ix *Index) allNoReturn(names []string) bool {
	for _, cands := range names {
		var fn *Func
		for c := range strings.SplitSeq(cands, ",") {
			if fn = ix.funcs[strings.ToLower(c)]; fn != nil {
				break
			}
		}
		if fn == nil || !fn.NoReturn {
			return false
		}
	}
	return true
}

func (ix *Index) entry(name string) *classEntry {
	if ix == nil || name == "" {
		return nil
	}
	if e, ok := ix.exact[name]; ok { // spelled as declared: no allocation
		return e
	}
	return ix.classes[strings.ToLower(name)]
}

// Class returns the class-like declaration with the given fully-qualified
// name, or nil.
func (ix *Index) Class(name string) *Class {
	if ix != nil {
		ix.record(LookupClass, name, "")
	}
	if e := ix.entry(name); e != nil {
		return e.Class
	}
	return nil
}

// Function returns the function with the given fully-qualified name, or nil.
func (ix *Index) Function(name string) *Func {
	if ix == nil || name == "" {
		return nil
	}
	ix.record(LookupFunction, name, "")
	if f, ok := ix.fexact[name]; ok { // spelled as declared: no allocation
		return f
	}
	return ix.funcs[strings.ToLower(name)]
}

// Const returns the global constant with the given fully-qualified name.
func (ix *Index) Const(name string) *Const {
	if ix == nil {
		return nil
	}
	ix.record(LookupConst, name, "")
	return ix.consts[name]
}

// maxDepth bounds walks up the inheritance graph, which may be cyclic in
// broken code.
const maxDepth = 32

// Method finds a method on a class, its traits, its parents and its
// interfaces, in PHP's resolution order, and returns it with the class that
// declares it.
func (ix *Index) Method(class, name string) (*Func, *Class) {
	if ix != nil {
		ix.record(LookupMethod, class, name)
	}
	if e := ix.entry(class); e != nil {
		if m, ok := e.exact[name]; ok { // spelled as declared: no allocation
			return m, e.Class
		}
	}
	return ix.method(class, strings.ToLower(name), 0)
}

func (ix *Index) method(class, lname string, depth int) (*Func, *Class) {
	e := ix.entry(class)
	if e == nil || depth > maxDepth {
		return nil, nil
	}
	if m, ok := e.methods[lname]; ok {
		return m, e.Class
	}
	for _, t := range e.Traits {
		if m, c := ix.method(t, lname, depth+1); m != nil {
			return m, c
		}
	}
	if m, c := ix.method(e.Parent, lname, depth+1); m != nil {
		return m, c
	}
	for _, i := range e.Interfaces {
		if m, c := ix.method(i, lname, depth+1); m != nil {
			return m, c
		}
	}
	return nil, nil
}

// Property finds a property on a class, its traits and its parents, and
// returns it with the class that declares it.
func (ix *Index) Property(class, name string) (*Prop, *Class) {
	if ix != nil {
		ix.record(LookupProperty, class, name)
	}
	return ix.property(class, name, 0)
}

func (ix *Index) property(class, name string, depth int) (*Prop, *Class) {
	e := ix.entry(class)
	if e == nil || depth > maxDepth {
		return nil, nil
	}
	if p, ok := e.props[name]; ok {
		return p, e.Class
	}
	for _, t := range e.Traits {
		if p, c := ix.property(t, name, depth+1); p != nil {
			return p, c
		}
	}
	return ix.property(e.Parent, name, depth+1)
}

// IsSubclass reports whether class is sub (or equal to) super, through
// parents, interfaces and traits.
func (ix *Index) IsSubclass(sub, super string) bool {
	if ix != nil {
		ix.record(LookupSubclass, sub, super)
	}
	return ix.isSub(sub, super, 0)
}

func (ix *Index) isSub(sub, super string, depth int) bool {
	if strings.EqualFold(sub, super) {
		return true
	}
	e := ix.entry(sub)
	if e == nil || depth > maxDepth {
		return false
	}
	if e.Parent != "" && ix.isSub(e.Parent, super, depth+1) {
		return true
	}
	for _, i := range e.Interfaces {
		if ix.isSub(i, super, depth+1) {
			return true
		}
	}
	return false
}

// Enum returns the declared name of the enum with the given
// fully-qualified name, and whether there is one.
func (ix *Index) Enum(name string) (string, bool) {
	if ix == nil {
		return "", false
	}
	ix.record(LookupEnum, name, "")
	if e := ix.entry(name); e != nil && e.Kind == KindEnum {
		return e.Name, true
	}
	return "", false
}

// Supers returns the class a class-like declaration extends and the
// interfaces it implements (an interface: extends). Unlike Class, its
// answer does not change with the class's members, so a result that only
// walks up the hierarchy stays cached when a method is added.
func (ix *Index) Supers(name string) (parent string, interfaces []string) {
	if ix != nil {
		ix.record(LookupSupers, name, "")
	}
	if e := ix.entry(name); e != nil {
		return e.Parent, e.Interfaces
	}
	return "", nil
}

// Len returns the number of classes and functions in the index.
func (ix *Index) Len() int {
	if ix == nil {
		return 0
	}
	return len(ix.classes) + len(ix.funcs)
}
