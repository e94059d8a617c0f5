#!/usr/bin/env bash
# undefinedindex's recall on the peers' missing-key cases inside its scope
# (constant keys of literals, superglobals, declared shapes and builtin
# results: bench/undefinedindex-scope.tsv), and its precision on their
# valid code, from the results bench/peers.sh left in bench/out/_peers/out.
# Labels the table marks wrong count neither way.
#
#	bench/undefinedindex-scope.sh
set -euo pipefail
cd "$(dirname "$0")/.."
out=bench/out/_peers/out
for f in phpstan.json psalm.json; do
	[ -f "$out/$f" ] || { echo "bench/undefinedindex-scope.sh: no $out/$f: run bench/peers.sh first" >&2; exit 2; }
done
python3 - "$out" bench/undefinedindex-scope.tsv <<'PY'
import json, sys
out, tsv = sys.argv[1:3]
scope = {}
for line in open(tsv):
    if line.startswith('#') or not line.strip():
        continue
    suite, case, sc, _ = line.rstrip('\n').split('\t')
    scope[(suite, case)] = sc
ph = json.load(open(f'{out}/phpstan.json'))['rows']
ps = json.load(open(f'{out}/psalm.json'))['rows']['undefinedindex']
rows = {
    'phpstan': {k: [r[1] for r in ph[k] if r[0] == 'dim'] for k in ('TP', 'FN', 'FP')},
    'psalm': {k: [r[1] for r in ps[k]] for k in ('TP', 'FN', 'FP')},
}
print('| suite | in-scope positives | found | recall | findings on valid code (TP+FP) | FP | precision | unlisted cases |')
print('|---|---|---|---|---|---|---|---|')
tot = [0, 0, 0, 0]
for suite in ('phpstan', 'psalm'):
    r = rows[suite]
    unlisted = sorted({c for k in ('TP', 'FN') for c in r[k] if (suite, c) not in scope})
    pos = [c for c in r['TP'] + r['FN'] if scope.get((suite, c)) == 'yes']
    found = [c for c in r['TP'] if scope.get((suite, c)) == 'yes']
    tp = [c for c in r['TP'] if scope.get((suite, c)) != 'wrong']
    fp = [c for c in r['FP'] if scope.get((suite, c)) != 'wrong']
    rec = len(found) / len(pos) if pos else 0
    prec = len(tp) / (len(tp) + len(fp)) if tp or fp else 0
    tot = [tot[0] + len(pos), tot[1] + len(found), tot[2] + len(tp), tot[3] + len(fp)]
    print(f'| {suite} | {len(pos)} | {len(found)} | {rec:.2f} | {len(tp) + len(fp)} | {len(fp)} | {prec:.2f} | {", ".join(unlisted) or "none"} |')
print(f'| both | {tot[0]} | {tot[1]} | {tot[1] / tot[0]:.2f} | {tot[2] + tot[3]} | {tot[3]} | {tot[2] / (tot[2] + tot[3]):.2f} | |')
for suite in ('phpstan', 'psalm'):
    miss = [c for c in rows[suite]['FN'] if scope.get((suite, c)) == 'yes']
    fps = [c for c in rows[suite]['FP'] if scope.get((suite, c)) != 'wrong']
    print(f'\n{suite} in-scope misses: {", ".join(miss) or "none"}')
    print(f'{suite} false positives: {", ".join(fps) or "none"}')
PY
