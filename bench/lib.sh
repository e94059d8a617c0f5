# Shared helpers of the bench/ scripts; sourced, not run.

# measure OUT CMD... runs CMD with stdout to OUT.out and stderr to
# OUT.err, and writes "wall user sys maxrss_kb exit" to OUT
# (/usr/bin/time's %e %U %S %M and the command's exit code).
measure() {
	local out=$1
	shift
	local rc=0
	/usr/bin/time -f '%e %U %S %M %x' -o "$out" "$@" >"$out.out" 2>"$out.err" || rc=$?
	# /usr/bin/time prints "Command exited with non-zero status N" first.
	tail -1 "$out" >"$out.tmp" && mv "$out.tmp" "$out"
	return 0
}

# stats reads numbers, one a line, and prints "median min max" (the median
# of an even count is the mean of the middle two).
stats() {
	sort -g | awk '{v[NR]=$1} END {
		if (NR == 0) { print "? ? ?"; exit }
		m = (NR % 2) ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2
		printf "%.2f %.2f %.2f\n", m, v[1], v[NR]
	}'
}

# load prints the 1-minute load average.
load() { cut -d' ' -f1 /proc/loadavg; }

# nocache BIN prints the riskvet php flag that turns its result cache off,
# when BIN has one: a cold run must not read what an earlier run stored.
nocache() {
	# grep reads the whole usage (-q would stop at the first match, and the
	# usage's writer would die of SIGPIPE, failing the pipe under pipefail).
	if "$1" php -h 2>&1 | grep -- '-cache-dir' >/dev/null; then
		echo "-cache-dir off"
	fi
}
