// Package limit defines the integer threshold flags of riskvet's analyzers
// (-genericdepth.max, -constraintcoupling.max), which refuse a value below
// their minimum: `-genericdepth.max=-1` is a usage error in every mode,
// where a plain int flag would report "depth 1 exceeds -1".
package limit

import (
	"flag"
	"fmt"
	"strconv"
)

// Var registers an int flag on fs that stores in p, starts at value, and
// rejects values below min.
func Var(fs *flag.FlagSet, p *int, name string, value, min int, usage string) {
	*p = value
	fs.Var(&minInt{p: p, min: min}, name, usage)
}

// minInt is an int flag.Value with a lower bound.
type minInt struct {
	p   *int
	min int
}

func (m *minInt) String() string {
	if m == nil || m.p == nil {
		return "0"
	}
	return strconv.Itoa(*m.p)
}

func (m *minInt) Set(s string) error {
	v, err := strconv.Atoi(s)
	if err != nil {
		return fmt.Errorf("not an integer: %q", s)
	}
	if v < m.min {
		return fmt.Errorf("must be at least %d, not %d", m.min, v)
	}
	*m.p = v
	return nil
}
