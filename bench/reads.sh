#!/bin/sh
# reads.sh BINARY [DIR]: how often riskvet demo's own process opens each
# source file of the demo project (go list and the other programs it starts
# are left out). Needs strace. DIR (default a new temporary directory)
# receives the project, its reports and the trace.
#
# Each count includes the open with which riskvet demo writes the file. At
# the commit that added the line cache (position.Cache), every Go file is
# opened 3 times (the write, the Go runner's parse, gocheck's line count,
# which keeps the lines of the file's findings) and every PHP file twice
# (the write and the checker's one read; its second pass reuses the
# bytes): writing the reports opens no file with a finding, since the
# placement takes their lines from the checkers. Before, a file with a
# finding was opened once more, by the placement.
set -eu
bin=$1
dir=${2:-$(mktemp -d)}
mkdir -p "$dir"
rm -rf "$dir/project"
strace -f -qq -e trace=openat,clone,clone3,fork,vfork -o "$dir/trace" "$bin" demo -o "$dir/project" >/dev/null 2>&1 || true
# A clone with CLONE_THREAD adds a thread to its caller's process; any other
# clone starts a new process, whose opens are not riskvet's.
awk -v root="$dir/project/" '
	{ tid = $1; if (!(tid in proc)) proc[tid] = (NR == 1 ? "main" : tid) }
	/clone3?\(|fork\(/ { if ($0 ~ /CLONE_THREAD/) thread[tid] = 1; else if ($0 !~ /resumed>/) thread[tid] = 0 }
	/(clone3?|fork|vfork)(\(| resumed>).*= [0-9]+$/ { child = $NF; proc[child] = thread[tid] ? proc[tid] : child }
	/openat\(/ && !/ENOENT/ && proc[tid] == "main" && match($0, "\"" root "[^\"]*\\.(go|php)\"") {
		n[substr($0, RSTART + 1 + length(root), RLENGTH - 2 - length(root))]++
	}
	END { for (f in n) print n[f], f }' "$dir/trace" | sort -k2
