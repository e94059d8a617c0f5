#!/usr/bin/env bash
# Measures riskvet's Go side on the standard library, side by side in one
# run, interleaved per repetition:
#
#  1. go vet -vettool=riskvet std against go vet -vettool=noopvet std
#     (bench/cmd/noopvet: one analyzer that does nothing, so the floor is
#     loading and type-checking), and the parts of riskvet's vettool,
#     selected from the same riskvet binary by analyzer flags that
#     bench/cmd/vetsplit prints. The compile cache is warm (one go vet std
#     first); the vet result cache is cold for every run, because each run
#     links its tool again with a fresh -ldflags=-X=main.nonce=...: go vet
#     keys its cache by the tool's -V=full identity, a hash of the
#     executable, and the build info records the -ldflags, so every build
#     hashes differently (noopvet also embeds the nonce; cmd/riskvet has no
#     such variable and needs none). The script records each identity and
#     counts the tool invocations in go vet -x's output, which must be the
#     same for every configuration every time and at least the number of
#     std packages (external test packages are vetted apart; a cached
#     package runs no tool).
#  2. The fixed cost of one tool run ("startup"): noopvet and riskvet
#     $(vetsplit generics), each run 200 times on the vet.cfg that go vet
#     writes for internal/goarch (no imports, one small file), so nearly
#     all of a run is exec, page faults, package initializers and flags.
#     go vet runs the tool once per package, 1,426 times on std.
#  3. riskvet std against staticcheck std (v0.8.2), each with an empty
#     result cache: RISKVET_CACHE and STATICCHECK_CACHE (read by
#     honnef.co/go/tools/lintcmd/cache.DefaultDir) point at fresh
#     temporary directories every repetition.
#  4. "cost": go vet with its own analyzers (cmd/vet), with riskvet's
#     default vettool and with the floor (noopvet), interleaved (vet,
#     riskvet, noopvet for each target in every repetition), on std and on
#     the real modules of bench/lib.sh's gomods (-m chooses the targets).
#     Each tool runs behind bench/cmd/rusagevet, which records every tool
#     process's CPU time (user + sys) and peak RSS, and gives go vet a new
#     tool identity per run, so nothing is replayed from vet's cache. The
#     figures are the tool processes' (the go command's own work is the
#     same for all three and reported apart): CPU summed over them, peak
#     RSS the largest one's. Modules are copied from the module cache into
#     bench/out/vetmods/ once, their dependencies compiled (go list
#     -export -deps -test) before the first run. Targets (issue 11): the
#     default vettool at most 1.3x vet's CPU (median over the targets) and
#     1.5x its peak memory per process.
#
#	bench/go.sh [-n reps] [-t configs] [-m targets] [-b before] [-r] [vet|startup|standalone|cost ...]
#
# -m lists the cost part's targets, separated by spaces: std and module
# specs as in bench/lib.sh (default: std and all of gomods); -b adds an
# earlier riskvet executable to the cost part as a fourth configuration.
#
# -t lists the configurations of the vet part, run in this order in every
# repetition (default noopvet,riskvet,generics,nossa,vetsuite):
#
#	noopvet   the floor, bench/cmd/noopvet
#	riskvet   riskvet's default vettool: its suite plus cmd/vet's
#	generics  riskvet $(vetsplit generics): genericdepth, constraintcoupling
#	nossa     riskvet $(vetsplit nossa): the default without the analyzers
#	          that build SSA or staticcheck's IR
#	vetsuite  riskvet $(vetsplit vet): cmd/vet's analyzers alone
#	own       riskvet $(vetsplit own): riskvet's suite alone
#	ssa       riskvet $(vetsplit ssa): the SSA and IR analyzers alone
#
# A part or configuration measured again replaces its earlier rows in the
# table; -r only rewrites the table from the rows measured so far.
#
# Raw numbers go to bench/out/go.tsv, the table to bench/out/go.md, and the
# riskvet std JSON report to bench/out/go-std.json (for the zero-findings
# check of genericdepth and constraintcoupling). The cost part writes
# bench/out/go-cost.tsv (one row per run), bench/out/go-cost.md (its table)
# and each run's per-process log under bench/out/runs/.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
reps=5
configs=noopvet,riskvet,generics,nossa,vetsuite
splits="generics nossa vetsuite own ssa"
report= before=
targets="std ${gomods[*]}"
while getopts "n:t:m:b:r" o; do
	case $o in
	n) reps=$OPTARG ;;
	t) configs=$OPTARG ;;
	m) targets=$OPTARG ;;
	b) before=$OPTARG ;;
	r) report=1 ;;
	*) echo "usage: bench/go.sh [-n reps] [-t configs] [-m targets] [-b before] [-r] [vet|startup|standalone|cost ...]" >&2; exit 2 ;;
	esac
done
shift $((OPTIND - 1))
parts=("$@")
[ ${#parts[@]} -gt 0 ] || parts=(vet startup standalone cost)
for part in "${parts[@]}"; do
	case $part in
	vet | startup | standalone | cost) ;;
	*) echo "go.sh: unknown part $part (vet, startup, standalone or cost)" >&2; exit 2 ;;
	esac
done
if [[ " ${parts[*]} " == *" cost "* ]]; then
	# The cost part has a script of its own; it shares this one's flags.
	bench/go-cost.sh -n "$reps" -m "$targets" ${before:+-b "$before"} ${report:+-r}
	mapfile -t parts < <(printf '%s\n' "${parts[@]}" | grep -vx cost)
	[ ${#parts[@]} -gt 0 ] || exit 0
fi
staticcheck=${STATICCHECK:-$(command -v staticcheck || echo ~/go/bin/staticcheck)}
scversion=$("$staticcheck" -version)

bin=bench/out/bin
mkdir -p "$bin" bench/out/runs
tsv=bench/out/go.tsv
[ -f "$tsv" ] || printf 'part\trep\tcmd\twall_s\tuser_s\tsys_s\trss_kb\texit\tload1\tnote\n' >"$tsv"
# A part or tool measured again replaces its old rows; the others stay.
[ -n "$report" ] && parts=()
for part in "${parts[@]}"; do
	tools=riskvet,staticcheck
	[ "$part" = vet ] && tools=$configs
	[ "$part" = startup ] && tools=noopvet,generics
	awk -F'\t' -v p="$part" -v t=",$tools," '!($1 == p && index(t, "," $3 ","))' "$tsv" >"$tsv.tmp" && mv "$tsv.tmp" "$tsv"
done
row() { # part rep cmd out note
	read -r wall user sys rss rc <"$4"
	printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$wall" "$user" "$sys" "$rss" "$rc" "$(load)" "$5" >>"$tsv"
	echo "go $1 rep $2 $3: ${wall}s wall, $(awk "BEGIN{print $user+$sys}")s cpu, $((rss / 1024)) MB, exit $rc, $5" >&2
}
npkgs=$(go list std | wc -l)
startpkg=internal/goarch runs=200

# build CFG links the vettool of configuration CFG to $bin/vet-CFG, with a
# fresh nonce so that go vet's cache is cold for it, and sets exe and the
# analyzer flags that select the configuration.
build() {
	local src=./cmd/riskvet
	flags=
	case $1 in
	noopvet) src=./bench/cmd/noopvet ;;
	riskvet) ;;
	vetsuite) flags=$("$bin/vetsplit" vet) ;;
	*) flags=$("$bin/vetsplit" "$1") ;;
	esac
	exe=$PWD/$bin/vet-$1
	go build -ldflags="-X=main.nonce=$RANDOM$RANDOM$(date +%s%N)" -o "$exe" "$src"
}
go build -o "$bin/vetsplit" ./bench/cmd/vetsplit

for part in ${parts[@]+"${parts[@]}"}; do
	case $part in
	vet)
		go vet std >/dev/null 2>&1 || true # warm the compile cache
		for rep in $(seq "$reps"); do
			for cfg in ${configs//,/ }; do
				build "$cfg"
				id=$("$exe" -V=full | sed 's/.*buildID=//' | cut -c1-12)
				out=bench/out/runs/go-vet-$rep-$cfg
				# shellcheck disable=SC2086 # flags are separate words
				measure "$out" go vet -x -vettool="$exe" $flags std
				ran=$(grep -c -- "$exe .*vet\.cfg\$" "$out.err" || true)
				row vet "$rep" "$cfg" "$out" "id $id, $ran tool runs ($npkgs std packages)"
			done
		done
		;;
	startup)
		# go vet starts the tool once per package, so a tool's fixed cost
		# (exec, page faults, package initializers, flags) is paid 1,426
		# times on std. Run each tool $runs times on the vet.cfg that go vet
		# wrote for $startpkg, a package with no imports and one small file.
		build noopvet
		dir=$(go list -f '{{.Dir}}' "$startpkg")
		log=$(cd "$dir" && go vet -work -x -vettool="$exe" . 2>&1)
		work=$(sed -n 's/^WORK=//p' <<<"$log")
		vcfg=$(grep -- "$exe .*vet\.cfg\$" <<<"$log" | awk '{print $NF}' | sed "s|\\\$WORK|$work|")
		[ -f "$vcfg" ] || { echo "go.sh: no vet.cfg for $startpkg" >&2; exit 1; }
		for rep in $(seq "$reps"); do
			for cfg in noopvet generics; do
				build "$cfg"
				out=bench/out/runs/go-startup-$rep-$cfg
				# shellcheck disable=SC2016 # expanded by the inner shell
				measure "$out" bash -c 'cd "$1" && for _ in $(seq "$2"); do $3 "$4" || exit; done' \
					_ "$dir" "$runs" "$exe $flags" "$vcfg"
				row startup "$rep" "$cfg" "$out" "$runs runs on $startpkg"
			done
		done
		rm -rf "$work"
		;;
	standalone)
		for rep in $(seq "$reps"); do
			go build -o "$bin/riskvet-go" ./cmd/riskvet
			for tool in riskvet staticcheck; do
				tmp=$(mktemp -d)
				out=bench/out/runs/go-standalone-$rep-$tool
				if [ $tool = riskvet ]; then
					RISKVET_CACHE=$tmp measure "$out" "$bin/riskvet-go" -f json std
					cp "$out.out" bench/out/go-std.json
				else
					STATICCHECK_CACHE=$tmp measure "$out" "$staticcheck" std
				fi
				row standalone "$rep" "$tool" "$out" "cache $(du -sh "$tmp" | cut -f1) after"
				rm -rf "$tmp"
			done
		done
		;;
	esac
done

col() { awk -F'\t' -v p="$1" -v m="$2" 'NR>1 && $1==p && $3==m {print '"$3"'}' "$tsv"; }
med() { col "$1" "$2" "$3" | stats | cut -d' ' -f1; }
# rng P A B F prints the min-max over repetitions of A's F over B's F in
# the same repetition (P is the part).
rng() {
	awk -F'\t' -v p="$1" -v a="$2" -v b="$3" 'NR>1 && $1==p {v[$2 FS $3]='"$4"'; r[$2]=1}
		END {for (i in r) if ((i FS a) in v && (i FS b) in v) print v[i FS a]/v[i FS b]}' "$tsv" | stats | cut -d' ' -f2-3 | tr ' ' -
}
label() { # part cmd
	case $1:$2 in
	standalone:*) echo "$2 std" ;;
	startup:noopvet) echo "noopvet vet.cfg, $runs times" ;;
	startup:*) echo "riskvet \$(vetsplit $2) vet.cfg, $runs times" ;;
	vet:noopvet | vet:riskvet) echo "go vet -vettool=$2 std" ;;
	vet:vetsuite) echo "go vet -vettool=riskvet \$(vetsplit vet) std" ;;
	vet:*) echo "go vet -vettool=riskvet \$(vetsplit $2) std" ;;
	esac
}
vetcfgs="noopvet riskvet $splits"
rows= pairs=
for c in $vetcfgs; do
	rows+=" vet:$c"
	[ $c = noopvet ] || pairs+=" vet:$c:noopvet"
done
{
	echo "| comparison | command | reps | wall s (median, min-max) | CPU s (median, min-max) | peak RSS MB (median, min-max) |"
	echo "|---|---|---|---|---|---|"
	for p in $rows startup:noopvet startup:generics standalone:riskvet standalone:staticcheck; do
		part=${p%%:*} cmd=${p#*:}
		n=$(col "$part" "$cmd" '$4' | wc -l)
		[ "$n" -gt 0 ] || continue
		read -r wm wl wh < <(col "$part" "$cmd" '$4' | stats)
		read -r cm cl ch < <(col "$part" "$cmd" '$5+$6' | stats)
		read -r rm rl rh < <(col "$part" "$cmd" '$7/1024' | stats)
		echo "| $part | \`$(label "$part" "$cmd")\` | $n | $wm ($wl-$wh) | $cm ($cl-$ch) | $rm ($rl-$rh) |"
	done
	echo
	for pair in $pairs standalone:riskvet:staticcheck; do
		IFS=: read -r part a b <<<"$pair"
		[ "$(col "$part" "$a" '$4' | wc -l)" -gt 0 ] && [ "$(col "$part" "$b" '$4' | wc -l)" -gt 0 ] || continue
		echo "- $part: $a/$b wall $(awk "BEGIN{printf \"%.2f\", $(med "$part" "$a" '$4')/$(med "$part" "$b" '$4')}")x" \
			"(per repetition $(rng "$part" "$a" "$b" '$4'))," \
			"CPU $(awk "BEGIN{printf \"%.2f\", $(med "$part" "$a" '$5+$6')/$(med "$part" "$b" '$5+$6')}")x" \
			"(per repetition $(rng "$part" "$a" "$b" '$5+$6'))," \
			"peak RSS $(awk "BEGIN{printf \"%.2f\", $(med "$part" "$a" '$7')/$(med "$part" "$b" '$7')}")x" \
			"(ratios of medians; load $(col "$part" "$a" '$9' | stats | cut -d' ' -f2-3 | tr ' ' -))"
	done
	if [ "$(col startup generics '$4' | wc -l)" -gt 0 ] && [ "$(col startup noopvet '$4' | wc -l)" -gt 0 ]; then
		extra=$(awk "BEGIN{printf \"%.1f\", 1000*($(med startup generics '$5+$6')-$(med startup noopvet '$5+$6'))/$runs}")
		line="- startup: a riskvet run costs $extra ms more CPU than a noopvet run ($(med startup noopvet "1000*(\$5+\$6)/$runs") ms)"
		ran=$(awk -F'\t' 'NR>1 && $1=="vet" && $3=="noopvet" {split($10, f, ", "); sub(/ tool runs.*/, "", f[2]); print f[2]; exit}' "$tsv")
		if [ -n "$ran" ]; then
			floor=$(med vet noopvet '$5+$6')
			line+="; times $ran tool runs that is $(awk "BEGIN{printf \"%.1f\", $extra*$ran/1000}") s, $(awk "BEGIN{printf \"%.0f\", 100*$extra*$ran/1000/$floor}")% of the floor's CPU ($floor s)"
		fi
		echo "$line (medians; load $(col startup generics '$9' | stats | cut -d' ' -f2-3 | tr ' ' -))"
	fi
	for cfg in $splits; do
		[ "$(col vet "$cfg" '$4' | wc -l)" -gt 0 ] || continue
		arg=$cfg
		[ "$cfg" = vetsuite ] && arg=vet
		echo "- \`vetsplit $arg\`: \`$("$bin/vetsplit" "$arg")\`"
	done
	if [ -f bench/out/go-std.json ]; then
		echo "- riskvet std findings by rule: $(jq -r '[.findings | group_by(.rule)[] | "\(.[0].rule) \(length)"] | join(", ") | if . == "" then "none" else . end' bench/out/go-std.json);" \
			"genericdepth + constraintcoupling: $(jq '[.findings[] | select(.rule == "genericdepth" or .rule == "constraintcoupling")] | length' bench/out/go-std.json)"
	fi
	echo "- $scversion; $(go version)"
	echo "- vet cache check (tool id, tool runs) per run:"
	awk -F'\t' -v c=" $vetcfgs " 'NR>1 && $1=="vet" && index(c, " " $3 " ") {printf "  rep %s %s: %s\n", $2, $3, $10}' "$tsv"
} >bench/out/go.md
cat bench/out/go.md
