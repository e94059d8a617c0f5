// Package shallowgenerics is riskvet's genericdepth analyzer with its limit
// set in code to 2 instead of 3: an example of pinning a threshold for a
// driver that cannot pass analyzer flags, such as Bazel's nogo before
// rules_go v0.32 (later versions can set it with "analyzer_flags" in the
// nogo config instead; see ../BUILD.bazel).
//
// nogo runs the Analyzer variable of each package in its deps, so this
// package exports one. It is genericdepth's own analyzer, not a copy: its
// name, and so its rule ID in reports and in the nogo config, stays
// "genericdepth", and importing this package changes the limit for every
// use of genericdepth.Analyzer in the same binary, which is what a nogo
// binary wants.
package shallowgenerics

import (
	"strconv"

	"github.com/riskvet/riskvet/analyzers/genericdepth"
)

// Max is the nesting depth above which an instantiation is reported.
const Max = 2

// Analyzer is genericdepth with -max set to Max.
var Analyzer = genericdepth.Analyzer

func init() {
	// Set fails only for an unknown flag or a bad value: a riskvet
	// upgrade that renamed the flag must break the build, not silently
	// restore the default.
	if err := Analyzer.Flags.Set("max", strconv.Itoa(Max)); err != nil {
		panic("shallowgenerics: " + err.Error())
	}
}
