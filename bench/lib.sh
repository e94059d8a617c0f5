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

# gomods are the real modules the Go benchmarks run on (bench/gomods-compare.sh,
# bench/go.sh cost), the generic-heavy ones first. A spec is MOD (the latest
# version the proxy serves), MOD@VERSION, or MOD@VERSION=DIR for a module the
# proxy does not serve, read from a directory.
gomods=(
	github.com/samber/lo
	github.com/samber/mo
	golang.org/x/exp
	entgo.io/ent
	# The proxy answers 403 for every fp-go version (2026-12-01): a copy of
	# v2/ from github.com/IBM/fp-go at commit c52889ec (see bench/README.md).
	github.com/IBM/fp-go/v2@c52889ec=bench/corpus/fp-go/v2
	github.com/elliotchance/pie/v2
	github.com/puzpuzpuz/xsync/v3
	github.com/hashicorp/golang-lru/v2
	github.com/charmbracelet/bubbletea
	github.com/mattn/go-sqlite3
	k8s.io/api
	# gopls's latest (v0.24.0) needs go1.27; v0.23.0 is the newest that builds.
	golang.org/x/tools/gopls@v0.23.0
)

# gomod SPEC sets m (the module path), ver (its version, "dir" when a
# directory's spec names none) and src (the directory holding it: the module
# cache, read-only, or the spec's DIR). On a module the proxy refuses or a
# missing DIR it prints why on stderr, sets why, and returns 1.
gomod() {
	local spec=$1 q info
	why=
	if [[ $spec == *=* ]]; then
		m=${spec%%=*} src=${spec#*=} ver=dir
		if [[ $m == *@* ]]; then
			ver=${m#*@} m=${m%@*}
		fi
		if [ ! -d "$src" ]; then
			why="missing $src"
			echo "$m: no directory $src, skipped" >&2
			return 1
		fi
		return 0
	fi
	q=$spec
	[[ $q == *@* ]] || q=$q@latest
	m=${q%@*}
	info=$(go mod download -json "$q" || true)
	if [ -n "$(jq -r '.Error // empty' <<<"$info")" ]; then
		why="download failed"
		echo "$m: $(jq -r .Error <<<"$info" | head -1)" >&2
		return 1
	fi
	ver=$(jq -r .Version <<<"$info")
	src=$(jq -r .Dir <<<"$info")
}

# vettarget SPEC sets name, ver, dir (where go vet runs) and pattern for
# std or a module spec, copying a module into bench/out/vetmods/ (the module
# cache is read-only) and compiling its dependencies and std's, so that no
# tool run pays for that. Returns 1 as gomod does.
vettarget() {
	if [ "$1" = std ]; then
		# In GOROOT/src (module std), so that no go.mod around the
		# checkout plays a part, and findings name files from there.
		name=std ver=$(go env GOVERSION) dir=$(go env GOROOT)/src pattern=std
		(cd "$dir" && go list -e -export -deps -test std >/dev/null 2>&1 || true)
		return
	fi
	gomod "$1" || return 1
	name=$(tr / _ <<<"$m")@$ver dir=$PWD/bench/out/vetmods/$name pattern=./...
	if [ ! -d "$dir" ]; then
		mkdir -p "${dir%/*}"
		cp -r "$src" "$dir.tmp"
		chmod -R u+w "$dir.tmp"
		mv "$dir.tmp" "$dir"
	fi
	(cd "$dir" && GOWORK=off GOFLAGS=-mod=mod go list -e -export -deps -test ./... >/dev/null 2>&1 || true)
}

# peer_snapshots SCRIPT REPO... checks what the peer scripts need besides
# their harness: each REPO's bare snapshot under $mirror (which the library's
# fetch tool leaves there; a script cannot fetch it), php-cli and python3.
# It names everything missing, appended to the array missing, and exits 2
# when something is.
peer_snapshots() {
	local script=$1 repo
	shift
	for repo in "$@"; do
		git --git-dir="$mirror/${repo%%/*}+${repo#*/}/repo" rev-parse -q --verify HEAD^{commit} >/dev/null 2>&1 ||
			missing+=("snapshot github:$repo (ask the fetch tool for it; it lands in $mirror/${repo%%/*}+${repo#*/}/repo)")
	done
	command -v php >/dev/null || missing+=("php-cli (apt-get install -y php-cli)")
	command -v python3 >/dev/null || missing+=("python3")
	if [ ${#missing[@]} -gt 0 ]; then
		echo "$script: missing:" >&2
		printf '  %s\n' "${missing[@]}" >&2
		exit 2
	fi
}

# riskvet_bin BIN prints BIN's absolute path, or, when BIN is empty, builds
# this checkout's riskvet into bench/out/bin and prints that.
riskvet_bin() {
	local bin=$1
	if [ -z "$bin" ]; then
		mkdir -p bench/out/bin
		go build -o bench/out/bin/riskvet ./cmd/riskvet || return
		bin=bench/out/bin/riskvet
	fi
	realpath "$bin"
}
