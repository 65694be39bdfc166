#!/usr/bin/env bash
# Does wirecheck's time grow linearly with the corpus, and does its memory stay bounded? Checks
# synthetic corpora of the `archive` shape (40 versions a story) at several numbers of stories,
# in one run on one machine, and prints wall time, time per version and peak RSS for each.
#
#   benches/scaling.sh                          # 1,250, 2,500 and 5,000 stories (50k-200k versions)
#   benches/scaling.sh --stories "500 1000 2000" --runs 3
#
# Each figure is the median of --runs runs (full pipeline, JSON to /dev/null, no cache), the page
# cache warmed by one untimed run; peak RSS is the largest of the runs (/usr/bin/time -v).
# Linear growth shows as a flat "µs/version" column. Corpora are generated once under
# target/bench-corpus/ (SCALING_DIR=path to put them elsewhere) and kept for the next run
# (about 4 KB a version: 5,000 stories take 0.8 GB).
# WIRECHECK_BIN=path measures that binary instead of building one. See docs/performance.md.
set -euo pipefail
shopt -s inherit_errexit

STORIES="1250 2500 5000"
VERSIONS=40
RUNS=1
SEED=1
while [[ $# -gt 0 ]]; do
    case "$1" in
        --stories) STORIES="${2:?--stories needs a list}"; shift 2 ;;
        --runs) RUNS="${2:?--runs needs a number}"; shift 2 ;;
        -h | --help) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "scaling.sh: unknown argument '$1'" >&2; exit 2 ;;
    esac
done
STORIES="${STORIES//,/ }"

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
if [[ -z "${WIRECHECK_BIN:-}" ]]; then
    cargo build --release --quiet --manifest-path "$ROOT/Cargo.toml"
fi
BIN="${WIRECHECK_BIN:-$ROOT/target/release/wirecheck}"
for tool in /usr/bin/time; do
    if [[ ! -x "$tool" ]]; then
        echo "scaling.sh: needs $tool (apt-get install time)" >&2
        exit 2
    fi
done
DATA="${SCALING_DIR:-$ROOT/target/bench-corpus}"
mkdir -p "$DATA"
TIMES="$(mktemp)"
trap 'rm -f "$TIMES"' EXIT

echo "wirecheck: $("$BIN" --version) ($(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?'))"
echo "machine:   $(nproc) cores, $(uname -sr)"
echo "runs:      median of $RUNS, JSON to /dev/null, --no-cache"
echo
printf '%8s %9s %9s %10s %12s %10s\n' stories versions MB "wall s" "µs/version" "peak MiB"

first_per_version=""
for stories in $STORIES; do
    dir="$DATA/scaling-s$stories-v$VERSIONS-seed$SEED"
    if [[ ! -f "$dir/manifest.json" ]]; then
        rm -rf "$dir"
        "$BIN" synth generate --size archive --stories "$stories" --versions "$VERSIONS" \
            --seed "$SEED" --out "$dir" >/dev/null
    fi
    check=("$BIN" check --corpus "$dir/corpus" --claims "$dir/claims" --no-cache
        --format json --fail-on never)
    "${check[@]}" >/dev/null # warms the page cache
    walls=()
    peak=0
    for _ in $(seq "$RUNS"); do
        /usr/bin/time -v -o "$TIMES" "${check[@]}" >/dev/null
        wall="$(sed -n 's/^[[:space:]]*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$TIMES" |
            awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; print s }')"
        rss="$(sed -n 's/^[[:space:]]*Maximum resident set size (kbytes): //p' "$TIMES")"
        walls+=("$wall")
        ((rss > peak)) && peak=$rss
    done
    median="$(printf '%s\n' "${walls[@]}" | sort -g | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')"
    versions=$((stories * VERSIONS))
    bytes="$(du -sb "$dir/corpus" | cut -f1)"
    per_version="$(awk -v w="$median" -v n="$versions" 'BEGIN { printf "%.1f", w * 1e6 / n }')"
    first_per_version="${first_per_version:-$per_version}"
    printf '%8d %9d %9.0f %10.2f %12s %10.0f   (%.2fx the first row per version)\n' \
        "$stories" "$versions" "$(awk -v b="$bytes" 'BEGIN { print b / 1e6 }')" "$median" \
        "$per_version" "$(awk -v k="$peak" 'BEGIN { print k / 1024 }')" \
        "$(awk -v a="$per_version" -v b="$first_per_version" 'BEGIN { print a / b }')"
done
