#!/usr/bin/env bash
# Measures wirecheck end to end at newsroom scale, against ripgrep as the floor, on one machine in
# one run, and prints a table and a figures block for docs/performance.md.
#
#   benches/compare.sh                      # sizes small and day
#   benches/compare.sh --sizes "small day archive" --runs 10
#   benches/compare.sh --fallback           # stand-in corpora: copies of the bundled story
#
# Every time is the median of --runs runs (hyperfine, after one warm-up run, so the page cache is
# warm for both tools; no shell in between, output discarded); peak RSS comes from one extra run
# under /usr/bin/time -v. WIRECHECK_BIN=path measures that binary instead of building one. See
# docs/performance.md, "Benchmarks", for what each figure means.
set -euo pipefail
shopt -s inherit_errexit

# --- What is run, in one place ------------------------------------------------------------------

# The draft check: one ~4 KB draft against the `day` claim set, process start included: the
# draft's story's published versions, its claim file and lexicons are read, nothing else.
# Placeholders: {bin} {corpus} {claims} {story} {draft} {nocache}.
DRAFT_CMD='{bin} check --draft {draft} --story {story} --corpus {corpus} --claims {claims} {nocache} --format json --fail-on never'

# The size the draft check and the re-check run against.
DRAFT_SIZE=day
SEED=1

# Stand-in corpora (--fallback): this many copies of the bundled story, as separate stories.
declare -A STANDIN_COPIES=([small]=4 [day]=200 [archive]=20000)

# --- Arguments -----------------------------------------------------------------------------------

usage() {
    sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'
    cat <<'EOF'
Options:
  --sizes LIST   corpus sizes to measure, space- or comma-separated, from small, day, archive
                 (default "small day"; archive takes about 1 GB of disk)
  --runs N       timed runs per command (default 5)
  --fallback     use stand-in corpora built from the bundled story instead of `wirecheck synth`
  -h, --help     this text
EOF
}

SIZES="small day"
RUNS=5
FALLBACK=0
while [[ $# -gt 0 ]]; do
    case "$1" in
        --sizes) SIZES="${2:?--sizes needs a list}"; shift 2 ;;
        --sizes=*) SIZES="${1#*=}"; shift ;;
        --runs) RUNS="${2:?--runs needs a number}"; shift 2 ;;
        --runs=*) RUNS="${1#*=}"; shift ;;
        --fallback) FALLBACK=1; shift ;;
        -h | --help) usage; exit 0 ;;
        *) echo "compare.sh: unknown argument '$1'" >&2; usage >&2; exit 2 ;;
    esac
done
SIZES="${SIZES//,/ }"
for size in $SIZES; do
    case "$size" in
        small | day | archive) ;;
        *) echo "compare.sh: unknown size '$size' (small, day or archive)" >&2; exit 2 ;;
    esac
done
[[ "$RUNS" =~ ^[1-9][0-9]*$ ]] || { echo "compare.sh: --runs must be a positive number" >&2; exit 2; }

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
BIN="${WIRECHECK_BIN:-$ROOT/target/release/wirecheck}"
CORPORA="$ROOT/target/bench-corpus"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/wirecheck-bench.XXXXXX")"
RESULTS="$WORK/results.tsv"
: >"$RESULTS"

say() { printf '\n== %s\n' "$*"; }
skip() { printf '   SKIPPED: %s\n' "$*"; }

# Restores the version file the re-check edits, whatever happens.
RESTORE=()
cleanup() {
    if [[ ${#RESTORE[@]} -eq 2 ]]; then cp "${RESTORE[0]}" "${RESTORE[1]}"; fi
    rm -rf "$WORK"
}
trap cleanup EXIT

# --- Tools ---------------------------------------------------------------------------------------

missing=()
command -v rg >/dev/null || missing+=(ripgrep)
command -v hyperfine >/dev/null || missing+=(hyperfine)
command -v jq >/dev/null || missing+=(jq)
[[ -x /usr/bin/time ]] || missing+=(time)
if [[ ${#missing[@]} -gt 0 ]]; then
    say "installing ${missing[*]}"
    SUDO=()
    [[ $(id -u) -eq 0 ]] || SUDO=(sudo)
    "${SUDO[@]}" apt-get update -qq
    "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if [[ -z "${WIRECHECK_BIN:-}" ]]; then
    say "building (cargo build --release)"
    cargo build --release --quiet
fi

# --- Machine -------------------------------------------------------------------------------------

CPU="$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n1)"
[[ -n "$CPU" ]] || CPU="$(uname -m)"
MACHINE="$(
    printf 'nproc:      %s\n' "$(nproc)"
    printf 'CPU:        %s\n' "$CPU"
    printf 'memory:     %s\n' "$(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)"
    # shellcheck source=/dev/null
    printf 'OS:         %s\n' "$(. /etc/os-release && echo "$PRETTY_NAME") ($(uname -r))"
    printf 'rustc:      %s\n' "$(rustc --version)"
    printf 'wirecheck:  %s (%s)\n' "$("$BIN" --version)" "$(git rev-parse --short HEAD 2>/dev/null || echo '?')"
    printf 'ripgrep:    %s\n' "$(rg --version | head -n1)"
    printf 'hyperfine:  %s\n' "$(hyperfine --version)"
)"
say "machine"
echo "$MACHINE"

# --- What this build of wirecheck can do --------------------------------------------------------

HAVE_CACHE=0
HAVE_SYNTH=0
"$BIN" check --help 2>/dev/null | grep -q -- '--no-cache' && HAVE_CACHE=1
"$BIN" synth --help >/dev/null 2>&1 && HAVE_SYNTH=1
NOCACHE=""
if [[ $HAVE_CACHE -eq 1 ]]; then
    NOCACHE="--no-cache"
else
    echo "NOTE: this build has no result cache (\`check --help\` does not mention --no-cache):"
    echo "      runs are uncached anyway, and the re-check is skipped."
fi
if [[ $FALLBACK -eq 1 ]]; then
    echo "NOTE: --fallback: STAND-IN corpora, made of copies of the bundled story; recall and"
    echo "      precision are not scored. Do not publish these figures as the synthetic corpora's."
elif [[ $HAVE_SYNTH -eq 0 ]]; then
    echo "NOTE: this build has no \`wirecheck synth\` command, so no corpus can be generated:"
    echo "      the corpus sizes, draft check, re-check and scoring are skipped."
    echo "      Run with --fallback to measure on a stand-in corpus instead."
fi

# --- Corpora -------------------------------------------------------------------------------------

# Prints the folder holding corpus/, claims/, cues.txt (and manifest.json) for a size, making it
# when missing; prints nothing when no corpus can be had.
corpus_for() {
    local size="$1" dir
    if [[ $FALLBACK -eq 1 ]]; then
        dir="$CORPORA/$size-standin"
        [[ -f "$dir/cues.txt" ]] || make_standin "$size" "$dir" >&2
    elif [[ $HAVE_SYNTH -eq 1 ]]; then
        dir="$CORPORA/$size-seed$SEED"
        if [[ ! -f "$dir/manifest.json" ]]; then
            echo "   generating $size corpus into ${dir#"$ROOT"/}" >&2
            rm -rf "$dir"
            "$BIN" synth generate --size "$size" --seed "$SEED" --out "$dir" >&2
        fi
    else
        return 0
    fi
    echo "$dir"
}

# A stand-in corpus: the bundled story copied as N stories, each with its claim file, and the
# claim files' cue phrases (`near:` lists) as cues.txt.
make_standin() {
    local size="$1" dir="$2" n="${STANDIN_COPIES[$1]}" slug=met-police-data-breaches i story
    echo "   building STAND-IN $size corpus ($n copies of the bundled story) in ${dir#"$ROOT"/}"
    rm -rf "$dir"
    mkdir -p "$dir/corpus" "$dir/claims"
    cp -r claims/lexicon "$dir/claims/"
    for ((i = 1; i <= n; i++)); do
        story=$(printf '%s-%05d' "$slug" "$i")
        cp -r "corpus/$slug" "$dir/corpus/$story"
        sed "s/^story: $slug\$/story: $story/" "claims/$slug.yaml" >"$dir/claims/$story.yaml"
    done
    grep -o 'near: \[[^]]*\]' "claims/$slug.yaml" | sed 's/^near: \[//; s/\]$//' | tr ',' '\n' |
        sed 's/^ *//; s/ *$//' | sort -u >"$dir/cues.txt"
}

bytes_of() { find "$1" -type f -name '*.txt' -printf '%s\n' | awk '{ s += $1 } END { print s + 0 }'; }
versions_of() { find "$1" -type f -name '*.txt' | wc -l; }

# hyperfine's median, in seconds.
median() { jq -r '.results[0].median' "$1"; }

# Peak RSS in KiB of one run of a command (split into words like hyperfine -N does).
peak_rss() {
    # shellcheck disable=SC2086 # the command is meant to be split
    /usr/bin/time -v -o "$WORK/time.txt" $1 >/dev/null 2>&1 || true
    sed -n 's/^[[:space:]]*Maximum resident set size (kbytes): //p' "$WORK/time.txt"
}

# measure LABEL WHAT BYTES VERSIONS COMMAND [hyperfine flags...]: one row of the results.
measure() {
    local label="$1" what="$2" bytes="$3" versions="$4" cmd="$5"
    shift 5
    local json="$WORK/$label-$what.json"
    hyperfine --style basic --shell=none --warmup 1 --runs "$RUNS" --export-json "$json" "$@" "$cmd" >&2
    local rss
    rss="$(peak_rss "$cmd")"
    printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$label" "$what" "$(median "$json")" "$bytes" "$versions" "${rss:-?}" >>"$RESULTS"
}

# --- Corpus sizes: wirecheck's full pipeline against ripgrep ------------------------------------

declare -A DIR_OF
SCORES=""
for size in $SIZES; do
    say "corpus: $size"
    dir="$(corpus_for "$size")"
    if [[ -z "$dir" ]]; then
        skip "no corpus for $size (see the note above)"
        continue
    fi
    DIR_OF[$size]="$dir"
    label="$size"
    [[ $FALLBACK -eq 1 ]] && label="$size (stand-in)"
    bytes="$(bytes_of "$dir/corpus")"
    versions="$(versions_of "$dir/corpus")"
    echo "   $versions versions, $bytes bytes, $(wc -l <"$dir/cues.txt") cue strings"

    check="$BIN check --corpus $dir/corpus --claims $dir/claims $NOCACHE --format json --fail-on never"
    measure "$label" wirecheck "$bytes" "$versions" "$check"
    measure "$label" ripgrep "$bytes" "$versions" "rg -F -c -j2 -f $dir/cues.txt $dir/corpus/" --ignore-failure

    # Recall and precision of this run's findings against what the generator planted.
    if [[ -f "$dir/manifest.json" && $HAVE_SYNTH -eq 1 ]]; then
        $check >"$WORK/findings-$size.json" || true
        set +e
        score="$("$BIN" synth score "$dir/manifest.json" "$WORK/findings-$size.json" 2>&1)"
        status=$?
        set -e
        # shellcheck disable=SC2001 # indents every line
        SCORES+="$size (exit $status):"$'\n'"$(sed 's/^/  /' <<<"$score")"$'\n'
    fi
done

# --- The draft check -----------------------------------------------------------------------------

say "draft check: one ~4 KB draft against the $DRAFT_SIZE claim set"
draft_dir="${DIR_OF[$DRAFT_SIZE]:-}"
if [[ -z "$draft_dir" && ( $FALLBACK -eq 1 || $HAVE_SYNTH -eq 1 ) ]]; then
    draft_dir="$(corpus_for "$DRAFT_SIZE")"
fi
if [[ -z "$draft_dir" ]]; then
    skip "no $DRAFT_SIZE corpus"
else
    # The story of the version nearest 4 KB is the draft's story; that version is the draft.
    draft_file="$(find "$draft_dir/corpus" -type f -name '*.txt' -printf '%s %p\n' |
        awk '{ d = $1 - 4096; if (d < 0) d = -d; if (best == "" || d < bd) { best = $2; bd = d } } END { print best }')"
    story="$(basename "$(dirname "$draft_file")")"
    cp "$draft_file" "$WORK/draft.txt"
    cmd="$DRAFT_CMD"
    cmd="${cmd//\{bin\}/$BIN}"
    cmd="${cmd//\{corpus\}/$draft_dir/corpus}"
    cmd="${cmd//\{claims\}/$draft_dir/claims}"
    cmd="${cmd//\{story\}/$story}"
    cmd="${cmd//\{draft\}/$WORK/draft.txt}"
    cmd="${cmd//\{nocache\}/$NOCACHE}"
    echo "   story $story, draft $(wc -c <"$WORK/draft.txt") bytes"
    echo "   $cmd"
    label=draft
    [[ $FALLBACK -eq 1 ]] && label="draft (stand-in)"
    # No throughput: the figure is a latency.
    measure "$label" wirecheck 0 0 "$cmd"
fi

# --- The re-check after one version changes ------------------------------------------------------

say "re-check: $DRAFT_SIZE after one version changes, with the cache"
if [[ -z "$draft_dir" ]]; then
    skip "no $DRAFT_SIZE corpus"
elif [[ $HAVE_CACHE -eq 0 ]]; then
    skip "this build has no --cache-dir"
else
    cache="$WORK/cache"
    edited="$draft_file"
    cp "$edited" "$WORK/edited.orig"
    RESTORE=("$WORK/edited.orig" "$edited")
    check="$BIN check --corpus $draft_dir/corpus --claims $draft_dir/claims --cache-dir $cache --format json --fail-on never"
    $check >/dev/null # warms the cache
    echo "   editing ${edited#"$draft_dir"/} before each run"
    label=re-check
    [[ $FALLBACK -eq 1 ]] && label="re-check (stand-in)"
    measure "$label" wirecheck "$(bytes_of "$draft_dir/corpus")" "$(versions_of "$draft_dir/corpus")" \
        "$check" --prepare "sh -c \"echo 'A line added by the benchmark.' >> '$edited'\""
    cp "$WORK/edited.orig" "$edited"
    RESTORE=()
fi

# --- Table ---------------------------------------------------------------------------------------

say "results (median of $RUNS runs; RSS from one extra run)"
TABLE="$(awk -F'\t' '
    function mb(b) { return b / 1e6 }
    function ms(s) { return s * 1000 }
    {
        key = $1; what[NR] = $2; label[NR] = key; t[NR] = $3; b[NR] = $4; v[NR] = $5; r[NR] = $6
        if ($2 == "ripgrep") rg[key] = $3
    }
    END {
        printf "| %-20s | %-9s | %10s | %8s | %10s | %10s | %9s | %8s |\n", "run", "tool", "median ms", "MB", "MB/s", "versions/s", "peak RSS", "vs rg"
        printf "|%s|%s|%s|%s|%s|%s|%s|%s|\n", "----------------------", "-----------", "-----------:", "---------:", "-----------:", "-----------:", "----------:", "---------:"
        for (i = 1; i <= NR; i++) {
            ratio = (what[i] == "wirecheck" && (label[i] in rg) && rg[label[i]] > 0) ? sprintf("%.1fx", t[i] / rg[label[i]]) : ""
            rss = (r[i] == "?") ? "?" : sprintf("%.0f MiB", r[i] / 1024)
            if (b[i] > 0) {
                size = sprintf("%.2f", mb(b[i])); mbs = sprintf("%.1f", mb(b[i]) / t[i]); vps = sprintf("%.0f", v[i] / t[i])
            } else {
                size = "-"; mbs = "-"; vps = "-"
            }
            printf "| %-20s | %-9s | %10.1f | %8s | %10s | %10s | %9s | %8s |\n", label[i], what[i], ms(t[i]), size, mbs, vps, rss, ratio
        }
    }' "$RESULTS")"
if [[ -s "$RESULTS" ]]; then echo "$TABLE"; else echo "(nothing was measured)"; fi

if [[ -n "$SCORES" ]]; then
    say "recall / precision (wirecheck synth score)"
    printf '%s' "$SCORES"
fi

# --- Figures block, for docs/performance.md ------------------------------------------------------

say "figures block (paste into docs/performance.md)"
echo '```text'
echo "Measured $(date -u +%Y-%m-%d) with benches/compare.sh --sizes \"$SIZES\" --runs $RUNS$([[ $FALLBACK -eq 1 ]] && echo ' --fallback (STAND-IN corpora)')"
echo "$MACHINE"
echo "cache: $([[ $HAVE_CACHE -eq 1 ]] && echo 'runs with --no-cache; re-check with --cache-dir' || echo 'not in this build')"
echo '```'
echo
[[ -s "$RESULTS" ]] && echo "$TABLE"
if [[ -n "$SCORES" ]]; then
    echo
    echo '```text'
    printf '%s' "$SCORES"
    echo '```'
fi
