// Package golangci is riskvet's golangci-lint v2 module plugin: it registers
// the linter "riskvet", which runs riskvet's Go analyzers inside
// golangci-lint with settings from .golangci.yml.
//
// It is a module of its own (github.com/riskvet/riskvet/golangci) so that
// golangci-lint and its hundreds of dependencies stay out of riskvet's own
// go.mod: only users who build a custom golangci-lint pull them in.
//
// # Building golangci-lint with the plugin
//
// golangci-lint v2 links module plugins at build time. Put a .custom-gcl.yml
// next to the project's go.mod (see examples/.custom-gcl.yml):
//
//	version: v2.15.0
//	plugins:
//	  - module: github.com/riskvet/riskvet/golangci
//	    version: latest
//
// then run golangci-lint custom, which writes ./custom-gcl, a golangci-lint
// with riskvet linked in. Use that binary instead of golangci-lint.
//
// # Settings
//
// In .golangci.yml (see examples/.golangci.yml):
//
//	linters:
//	  enable:
//	    - riskvet
//	  settings:
//	    custom:
//	      riskvet:
//	        type: module
//	        description: generics over-use and nil checks
//	        settings:
//	          max-depth: 3        # genericdepth: report nesting deeper than this
//	          max-coupling: 2     # constraintcoupling: report coupling more than this
//	          checks: [genericdepth, constraintcoupling, nilness]
//
// Every setting is optional. max-depth and max-coupling default to the
// analyzers' own defaults (-genericdepth.max, -constraintcoupling.max) and
// have their flags' lower bounds: max-depth at least 1, max-coupling at least
// 0; checks defaults to riskvet's default suite and may name only analyzers
// of that suite. An unknown key, an out-of-range threshold, an
// unknown or repeated check, or a threshold for a check left out of checks is
// an error that stops golangci-lint before it lints anything, rather than a
// silently ignored setting.
//
// golangci-lint reports each finding under the linter "riskvet" with the
// analyzer's name in front of the message ("genericdepth: generic nesting
// depth 4 exceeds 3 in ..."), so nolint directives name the linter:
// //nolint:riskvet.
//
// # One configuration per process
//
// The thresholds are flags of package-level analyzers, as they are under go
// vet, so the plugin sets them when golangci-lint builds the linter. One
// golangci-lint process reads one configuration and builds the linter once,
// so that is exact; a program that built two plugins with different settings
// in one process would run both with the settings of the last one built.
// golangci-lint's result cache is safe across configurations: it salts its
// keys with a hash of linters.settings, custom plugins' settings included,
// so a changed max-depth never replays findings cached at the old one.
package golangci
