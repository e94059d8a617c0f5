// Package version reports riskvet's version from the binary's build info.
package version

import "runtime/debug"

// String returns the module version riskvet was built at ("v1.2.3"), or
// "devel" for a build from a work tree.
func String() string {
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "devel"
}
