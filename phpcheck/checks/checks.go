// Package checks registers riskvet's PHP checks: All is the list the
// riskvet command hands to the driver (phpcheck.Config.Checkers), and the
// one place a new check is added. The driver itself imports no check, as
// a go/analysis driver imports no analyzer.
package checks

import (
	"github.com/riskvet/riskvet/phpcheck/check"
	"github.com/riskvet/riskvet/phpcheck/nullarg"
	"github.com/riskvet/riskvet/phpcheck/nullderef"
	"github.com/riskvet/riskvet/phpcheck/stricttypes"
	"github.com/riskvet/riskvet/phpcheck/undefinedindex"
	"github.com/riskvet/riskvet/phpcheck/zerostring"
)

// All lists every PHP check, in the order they run on a file. parseerror
// and badignore are not in it: the driver reports them itself
// (phpcheck.Rules).
var All = []*check.Checker{
	nullderef.Checker,
	nullarg.Checker,
	stricttypes.Checker,
	undefinedindex.Checker,
	zerostring.Checker,
}
