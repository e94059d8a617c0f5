// Package config loads riskvet.toml, riskvet's one configuration file.
//
// # Where it is found
//
// [Find] looks for riskvet.toml in the working directory, then in each
// parent in turn. The search stops at the first directory that holds the
// file, at a repository root (a directory with .git, .hg or .svn, checked
// before stopping) or at the filesystem root, whichever comes first. Stopping
// at the repository root keeps a file in a home directory or a monorepo's
// parent from silently configuring a checkout it was not written for.
//
// # Format
//
//	# riskvet.toml: every key is optional.
//	enable  = ["SA4020"]                   # turn on checks that are off by default
//	disable = ["SA4031", "undefinedindex"] # turn checks off everywhere
//	exclude = ["generated/**", "*.pb.go"]  # never report in these paths
//
//	[genericdepth]   # a Go analyzer's flags
//	max = 3          # -genericdepth.max
//	aliases = "expand" # -genericdepth.aliases=expand
//
//	[constraintcoupling]
//	max = 4          # -constraintcoupling.max
//
//	[php]
//	extensions = [".php", ".inc"]   # -ext
//
//	[nullderef]                     # a PHP check's flags
//	strict = true                   # -nullderef.strict
//	never_null = ["Container::get"] # -nullderef.never_null=Container::get
//
//	[[override]]                    # later overrides win
//	paths   = ["legacy/**"]
//	disable = ["stricttypes"]
//
// Check names are rule IDs as `riskvet help` lists them, Go and PHP alike.
// Paths are relative to the directory of riskvet.toml, with forward slashes,
// and are globs: "*" and "?" match within one path element, "**" matches any
// number of elements, a pattern without a slash matches a name at any depth
// ("*.pb.go") unless it starts with "/" or "./" ("/main.go": only at the
// top), and a pattern matching a directory covers everything under it.
// riskvet php's -exclude takes the same globs.
//
// A table named after a check, Go analyzer or PHP check, holds that
// check's flags ([Config.Settings]), as go vet's -CHECK.FLAG sets them,
// each value spelled as on the command line: a boolean as true or false, a
// list of strings joined with commas. The driver that runs the check knows
// its flags: it reports an unknown key or a bad value at its line.
//
// An unknown key or a bad value is an error naming the file, the line and the
// key ("riskvet.toml:7:1: unknown key \"genricdepth\""), never a silent
// default: a typo in a threshold must not turn a check off unnoticed.
//
// # Precedence
//
// A command-line flag wins over the file: -checks over enable and disable,
// -genericdepth.max over [genericdepth], -nullderef.strict over
// [nullderef] strict, -ext over [php] extensions,
// -exclude adds to exclude. Per-path overrides apply to each file after the
// global lists. Under golangci-lint the plugin reads its settings from
// .golangci.yml and ignores riskvet.toml.
package config
