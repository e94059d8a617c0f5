#!/usr/bin/env bash
# The cost part of bench/go.sh (run it as `bench/go.sh cost`; see there):
# go vet with cmd/vet, with riskvet's default vettool and with the floor
# (bench/cmd/noopvet), interleaved, on std and real modules, each tool
# process measured by bench/cmd/rusagevet.
#
#	bench/go-cost.sh [-n reps] [-m targets] [-b before] [-r]
#
# -b adds a fourth configuration, another riskvet executable (an earlier
# build, say), run after the other three in every repetition.
#
# Writes bench/out/go-cost.tsv (one row per go vet run; a target measured
# again replaces its rows), bench/out/go-cost.md and, per run, the tool
# processes' log bench/out/runs/go-cost-TARGET-REP-CONFIG.tsv (user s, sys
# s, peak RSS KiB, exit, vet|vetx, package). -r only rewrites the table.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
reps=3
targets="std ${gomods[*]}"
report= before=
while getopts "n:m:b:r" o; do
	case $o in
	n) reps=$OPTARG ;;
	m) targets=$OPTARG ;;
	b) before=$OPTARG ;;
	r) report=1 ;;
	*) echo "usage: bench/go-cost.sh [-n reps] [-m targets] [-b before] [-r]" >&2; exit 2 ;;
	esac
done
configs="vet riskvet noopvet${before:+ before}"
bin=$PWD/bench/out/bin
runs=$PWD/bench/out/runs
tsv=bench/out/go-cost.tsv
md=bench/out/go-cost.md
mkdir -p "$bin" "$runs"
header='target\tversion\trep\tconfig\ttool_cpu_s\ttool_peak_rss_kb\ttool_runs\tvetted\tgo_wall_s\tgo_cpu_s\tgo_peak_rss_kb\texit\tload1'
[ -f "$tsv" ] || printf "$header\n" >"$tsv"

if [ -z "$report" ]; then
	export GOWORK=off GOFLAGS=-mod=mod
	go build -o "$bin/rusagevet" ./bench/cmd/rusagevet
	go build -o "$bin/noopvet" ./bench/cmd/noopvet
	go build -o "$bin/riskvet-cost" ./cmd/riskvet
	vettool=$(go env GOTOOLDIR)/vet
	for spec in $targets; do
		vettarget "$spec" || continue
		awk -F'\t' -v t="$name" 'NR == 1 || $1 != t' "$tsv" >"$tsv.tmp" && mv "$tsv.tmp" "$tsv"
		for rep in $(seq "$reps"); do
			for cfg in $configs; do
				case $cfg in
				vet) tool=$vettool ;;
				riskvet) tool=$bin/riskvet-cost ;;
				noopvet) tool=$bin/noopvet ;;
				before) tool=$before ;;
				esac
				out=$runs/go-cost-$name-$rep-$cfg
				rm -f "$out.tsv"
				(cd "$dir" && RUSAGEVET_TOOL=$tool RUSAGEVET_LOG=$out.tsv RUSAGEVET_NONCE=$RANDOM$RANDOM$(date +%s%N) \
					measure "$out" go vet -vettool="$bin/rusagevet" "$pattern")
				touch "$out.tsv"
				read -r wall user sys rss rc <"$out"
				read -r cpu peak n vetted < <(awk -F'\t' '{c += $1 + $2; if ($3 > p) p = $3; if ($5 == "vet") v++}
					END {printf "%.2f %d %d %d\n", c, p, NR, v}' "$out.tsv")
				printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$ver" "$rep" "$cfg" "$cpu" "$peak" "$n" "$vetted" \
					"$wall" "$(awk "BEGIN{print $user+$sys}")" "$rss" "$rc" "$(load)" >>"$tsv"
				echo "go-cost $name rep $rep $cfg: tools ${cpu}s cpu, peak $((peak / 1024)) MB, $n runs ($vetted vetted); go vet ${wall}s wall, exit $rc" >&2
			done
		done
	done
fi

# The table: per target, the medians over repetitions of the tool
# processes' CPU and peak RSS for each configuration, and riskvet's ratios
# to vet; then the medians of the ratios over the targets.
awk -F'\t' 'NR > 1 {print $1}' "$tsv" | awk '!seen[$0]++' >"$tsv.targets"
med() { # target config column
	awk -F'\t' -v t="$1" -v c="$2" 'NR > 1 && $1 == t && $4 == c {print $'"$3"'}' "$tsv" | stats | cut -d' ' -f1
}
mb() { awk -v k="$1" 'BEGIN {printf "%.0f", k / 1024}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {if (b > 0) printf "%.2f", a / b; else print "?"}'; }
{
	echo "| target | reps | tool runs (vetted) | vet CPU s | riskvet CPU s | floor CPU s | riskvet / vet CPU | vet / floor CPU | vet peak MB | riskvet peak MB | floor peak MB | riskvet / vet peak | before / vet CPU, peak |"
	echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|"
	: >"$tsv.ratios"
	while read -r t; do
		n=$(awk -F'\t' -v t="$t" 'NR > 1 && $1 == t && $4 == "riskvet"' "$tsv" | wc -l)
		runs=$(awk -F'\t' -v t="$t" 'NR > 1 && $1 == t && $4 == "riskvet" {print $7 " (" $8 ")"; exit}' "$tsv")
		vc=$(med "$t" vet 5) rc=$(med "$t" riskvet 5) fc=$(med "$t" noopvet 5)
		vp=$(med "$t" vet 6) rp=$(med "$t" riskvet 6) fp=$(med "$t" noopvet 6)
		cr=$(ratio "$rc" "$vc") pr=$(ratio "$rp" "$vp")
		echo "$cr $pr" >>"$tsv.ratios"
		bc=$(med "$t" before 5) bp=$(med "$t" before 6) b=-
		[ "$bc" = "?" ] || b="$(ratio "$bc" "$vc")x, $(ratio "$bp" "$vp")x"
		echo "| $t | $n | $runs | $vc | $rc | $fc | **${cr}x** | $(ratio "$vc" "$fc")x | $(mb "$vp") | $(mb "$rp") | $(mb "$fp") | **${pr}x** | $b |"
	done <"$tsv.targets"
	echo
	cm=$(cut -d' ' -f1 "$tsv.ratios" | stats) pm=$(cut -d' ' -f2 "$tsv.ratios" | stats)
	verdict() { awk -v r="$1" -v l="$2" 'BEGIN {print (r <= l) ? "met" : "not met"}'; }
	echo "- riskvet / vet CPU over the $(wc -l <"$tsv.targets") targets: median ${cm%% *}x (min-max ${cm#* }), target 1.3x: $(verdict "${cm%% *}" 1.3)"
	echo "- riskvet / vet peak RSS per process: median ${pm%% *}x (min-max ${pm#* }), target 1.5x: $(verdict "${pm%% *}" 1.5)"
	echo "- CPU is user + sys summed over the tool processes of one go vet run, peak the largest tool process's RSS (bench/cmd/rusagevet), medians over the repetitions; the go command's own time is in go-cost.tsv (go_cpu_s)"
	echo "- load (1-minute average) during the runs: $(awk -F'\t' 'NR > 1 {print $13}' "$tsv" | stats | cut -d' ' -f2-3 | tr ' ' -); $(go version)"
} >"$md"
rm -f "$tsv.targets" "$tsv.ratios"
cat "$md"
