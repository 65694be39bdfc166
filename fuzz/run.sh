#!/bin/sh
# Runs fuzz targets one after another, each for SECONDS (default 600), in one process on one
# core, with the flags docs/reliability.md's figures were taken with. Seed the corpora first
# (python3 fuzz/seed.py). Usage: fuzz/run.sh [SECONDS] [TARGET...]
set -eu
cd "$(dirname "$0")"
seconds=${1:-600}
[ $# -gt 0 ] && shift
targets=${*:-expr claim_file front_matter values pipeline}
for target in $targets; do
    case $target in
        expr | values) max_len=4096 ;;
        *) max_len=65536 ;;
    esac
    mkdir -p "corpus/$target"
    # No AddressSanitizer (wirecheck forbids unsafe code); overflow checks and debug assertions on.
    RAYON_NUM_THREADS=1 nice -n 10 cargo +nightly fuzz run --sanitizer none --debug-assertions \
        "$target" "corpus/$target" -- \
        -dict="dict/$target.dict" -max_len="$max_len" -rss_limit_mb=2048 -timeout=10 \
        -max_total_time="$seconds" -print_final_stats=1
done
