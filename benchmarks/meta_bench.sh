#!/usr/bin/env bash
# Agreement with people on every benchmark file of a folder, with wall times.
#
#   benchmarks/meta_bench.sh [BENCH_DIR] [OUT_DIR] [extra overrides...]
#
# BENCH_DIR defaults to ../shared/bench (the dev split); OUT_DIR to results/meta-<timestamp>.
# Runs `python -m evalkit meta` on each *.jsonl with the shipped calibration (nothing is refitted)
# and prints each file's metrics.md. Pass cache.enabled=false to time a cold run (every text
# encoded again) instead of one that reads vectors from the embedding cache.
set -euo pipefail
cd "$(dirname "$0")/.."
bench=${1:-../shared/bench}
out=${2:-results/meta-$(date +%Y-%m-%d_%H-%M-%S)}
shift $(( $# > 2 ? 2 : $# ))
mkdir -p "$out"
for file in "$bench"/*.jsonl; do
    name=$(basename "$file" .jsonl)
    start=$(date +%s)
    python -m evalkit meta "bench.path=$file" "hydra.run.dir=$out/$name" "$@" > /dev/null
    echo "$name: $(( $(date +%s) - start )) s wall" | tee -a "$out/times.txt"
    cat "$out/$name/metrics.md"
done
