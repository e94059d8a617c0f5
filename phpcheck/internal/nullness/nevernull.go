package nullness

import (
	"strings"

	"github.com/riskvet/riskvet/phpcheck/index"
)

// neverNull reports whether Options.NeverNull lists the callee m: a
// function by its name, a method as "Class::method" by the class that
// declares it (cl) or the receiver's class (recv). A name written with a
// namespace must match the fully-qualified name, and then also matches the
// classes that extend or implement it (a PSR-11 container's get listed by
// its interface covers every implementation); one without matches the
// short name in any namespace. Names compare without case, as PHP's do.
//
// The list is a handful of entries, walked per call: building a set per
// file would cost more for the many files with no listed call.
func (o *Options) neverNull(ix *index.Index, m *index.Func, cl *index.Class, recv string) bool {
	for _, e := range o.NeverNull {
		e = strings.TrimPrefix(e, `\`)
		class, method, isMethod := strings.Cut(e, "::")
		if cl == nil {
			// A function: m.Name is fully qualified.
			if !isMethod && nameIs(e, m.Name) {
				return true
			}
			continue
		}
		if !isMethod || !strings.EqualFold(method, m.Name) {
			continue
		}
		if nameIs(class, cl.Name) || nameIs(class, recv) {
			return true
		}
		if strings.Contains(class, `\`) && (ix.IsSubclass(cl.Name, class) || recv != "" && ix.IsSubclass(recv, class)) {
			return true
		}
	}
	return false
}

// nameIs reports whether the listed name is the fully-qualified name full:
// equal to it, or, written without a namespace, to its last segment.
func nameIs(listed, full string) bool {
	if full == "" {
		return false
	}
	if strings.Contains(listed, `\`) {
		return strings.EqualFold(strings.TrimPrefix(listed, `\`), full)
	}
	return strings.EqualFold(listed, lastSegment(full))
}
