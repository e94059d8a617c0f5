#!/usr/bin/env bash
# Prints the machine the benchmarks run on, and its load right now: the
# numbers in bench/README.md are only comparable with this beside them.
set -euo pipefail
echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "- CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'), $(nproc) cores"
echo "- memory: $(free -h | awk '/^Mem:/ {print $2 " total, " $7 " available"}')"
echo "- $(go version)"
echo "- load average (1, 5, 15 min): $(cut -d' ' -f1-3 /proc/loadavg)"
