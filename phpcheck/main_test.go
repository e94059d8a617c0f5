package phpcheck_test

import (
	"flag"
	"os"
	"testing"

	"github.com/riskvet/riskvet/phpcheck/nullderef"
)

// TestMain runs the driver's tests with nullderef at its shown level: they
// follow a declaration in one file to a finding in another (Repo::find's
// body returns null), which is shown evidence, not local (see
// nullderef's -level), and the default reports only local evidence.
func TestMain(m *testing.M) {
	defaultFlags()
	os.Exit(m.Run())
}

// defaultFlags sets nullderef's flags to their defaults, but for level,
// which is shown.
func defaultFlags() {
	flags := &nullderef.Checker.Flags
	flags.VisitAll(func(f *flag.Flag) { _ = f.Value.Set(f.DefValue) })
	if err := flags.Set("level", "shown"); err != nil {
		panic(err)
	}
}
