// Command riskvet measures generics risk in Go and runtime type risk in PHP.
//
// One binary serves as a go vet tool, a standalone Go linter in the manner of
// staticcheck, a PHP checker, and the converter from riskvet's reports to
// SonarQube, SARIF and a risk matrix.
//
// Usage:
//
//	riskvet vet [go vet flags] [packages]
//	riskvet [flags] packages...
//	riskvet help [command|rule]
//	riskvet version
//	riskvet php|sonar|matrix|scan|demo [flags] [args...]
//
// # Under go vet
//
// riskvet vet runs go vet -vettool=<riskvet's own executable> with the
// remaining arguments, and exits with go vet's code; it stands for
// go vet -vettool=$(command -v riskvet), which silently runs plain go vet
// when riskvet is not on PATH. With -vettool, go vet runs riskvet once per
// package, following go vet's tool protocol (-V=full, -flags, unit.cfg).
// riskvet then runs its own suite (genericdepth, constraintcoupling and the
// curated checks) followed by every analyzer of cmd/vet, so nothing vet
// checked is lost. Analyzer flags are vet flags: riskvet vet
// -genericdepth.max=4 ./... and riskvet vet -json work as with vet itself.
// `riskvet help vet` lists the analyzers the vettool runs beyond the
// installed Go's vet (computed from go tool vet help), whose findings plain
// go vet would not print. Run by hand with what looks like the protocol (-V
// without =full, a .cfg file that is not vet's), riskvet says what it is
// and exits 2 instead of answering with a bare flag error.
//
// riskvet.toml is found from each package's directory; its thresholds and
// disabled checks become flags, and its excludes and per-path overrides drop
// findings before vet prints them, in text and -json alike. A package that
// does not type-check is reported in vet's own form (vet: file:line:col:
// message); to tell that from findings, riskvet analyzes each package whose
// findings are printed in a child process that reports when it
// type-checked (not on Windows, where x/tools' form is kept).
//
// # Standalone
//
// riskvet [flags] packages... runs the same suite on staticcheck's runner
// (honnef.co/go/tools/lintcmd/runner), which analyzes one package at a time
// and caches results on disk ($RISKVET_CACHE, or riskvet under the user's
// cache directory), so memory stays far below a go/packages multichecker.
// Findings are suppressed with staticcheck's directives, whose reason is
// required:
//
//	//lint:ignore genericdepth the wire format fixes this shape
//	//lint:file-ignore constraintcoupling generated code
//
// A directive without a reason, or one that suppresses nothing, is reported
// as lintdirective. Under go vet, directives with a reason suppress the
// same way (for vet's own analyzers too), but one without a reason is not
// reported: vet has no rule to report it under. The flags are:
//
//	-f format        text (file:line:col: rule: message), json (riskvet's
//	                 report, read by riskvet sonar and matrix), sarif (2.1.0),
//	                 codeclimate (GitLab Code Quality) or checkstyle (XML,
//	                 for Jenkins and reviewdog)
//	-checks list     checks to run, as staticcheck's: all,-nilness
//	-explain rule    print the rule's documentation
//	-list-checks     list the Go checks with their default and title
//	-tags tags       build tags
//	-tests           include test files (default true)
//	-go version      target Go version, or "module" (default)
//	-version         print riskvet's version and the Go version
//	-config file     read the configuration from file instead of the
//	                 riskvet.toml found in the directory or a parent, up to
//	                 the repository root; -config=off reads none
//	-baseline file   report only findings not recorded in file
//	-baseline-write file
//	                 record today's findings in file and report none
//	-genericdepth.max, -constraintcoupling.max, ...
//	                 every analyzer flag, named as under go vet; a
//	                 threshold out of range is a usage error
//	-genericdepth.aliases names|expand
//	                 count an alias as one level (default) or as the
//	                 type it stands for
//	-genericdepth.generated, -constraintcoupling.generated
//	                 also check generated files (skipped by default)
//
// An unknown -checks name is a usage error naming the closest check. The
// json report's files are the module's own Go files (no test mains from
// the build cache), relative to the working directory.
//
// Analyzer flags are part of the cache key, so a run at another threshold
// never replays cached findings.
//
// # Text output
//
// Every command prints findings in one text format, file:line:col: rule:
// message, sorted. On a terminal the position is bold and the rule
// coloured, and riskvet and riskvet php follow the findings with a
// summary line on stderr: the findings per rule, the files checked and the
// time taken ("riskvet php: 3 findings (nullderef 1, stricttypes 2) in 40
// files, 1.2s"); -quiet leaves it out. Piped, the output is the plain
// lines alone. NO_COLOR turns the colour off, and CLICOLOR_FORCE turns it
// on in a pipe (NO_COLOR wins).
//
// # Configuration
//
// riskvet.toml holds thresholds, enabled and disabled checks, excluded
// paths, PHP file extensions, per-path overrides and, in a table named
// after a PHP check ([nullderef]), that check's -CHECK.FLAG flags. Flags
// win over the file.
// Under go vet a hash of the configuration is part of the -V=full build ID,
// so vet's result cache never replays results of another configuration.
//
// # Flags
//
// Every command takes its flags anywhere on the line, before, between or
// after its arguments (riskvet php src -f json); "--" ends the flags. -f
// names the output format everywhere (riskvet sonar also takes -format). A
// bad flag is one line on stderr and a pointer to -h, exit 2; -h prints the
// usage on stdout, exit 0.
//
// # Subcommands
//
//	vet          go vet with riskvet as its -vettool
//	help [command|rule]
//	             the usage, every flag, rule and vet analyzer; or one
//	             command's usage and flags; or one rule's description,
//	             rationale and examples
//	version      print riskvet's version, Go version and platform
//	php          check PHP files (riskvet php -list-checks lists the
//	             checks)
//	sonar        convert reports to SonarQube generic issues, SARIF,
//	             GitLab Code Quality or Checkstyle XML
//	matrix       write the risk matrix of a report (by language and rule
//	             family, by component), or the trend of reports of
//	             several commits
//	scan         check a mixed Go and PHP tree and write every report
//	demo         run riskvet on its bundled examples
//
// # Exit codes
//
//	0  nothing found (riskvet sonar and matrix: the report was written)
//	1  findings
//	2  usage error, I/O error, or a package that does not load or
//	   type-check (reported on stderr as file:line:col: message); for
//	   riskvet sonar, an input that records an incomplete analysis
//	   (-allow-incomplete accepts it) or a finding on a file missing
//	   under -base-dir, which SonarQube would skip (-allow-missing)
//	3  nothing to check: no PHP file under the paths, no Go package
//	   matching the patterns, no Go module and no PHP file for riskvet
//	   scan, an empty input to riskvet sonar or matrix (-allow-empty
//	   accepts it)
//
// Under go vet (and riskvet vet), vet's own exit codes apply. A symlink
// that riskvet php or scan does not follow (dangling, or leading out of the
// checked paths) is counted and named on stderr.
package main
