#!/usr/bin/env bash
# Runs the generator over a corpus of public OpenAPI documents and prints a markdown table of how
# it fares: accepted or refused by `check`, error and warning counts and timings, and optionally
# generation and compilation of the output.
#
#   scripts/compat.sh [--corpus DIR] [--codegen PATH] [--generate] [--compile] [--fetch]
#                     [--timeout SECS] [--logs DIR] [--tsv FILE] [name ...]
#
# The corpus is listed in scripts/compat-corpus.tsv (tab-separated; header: name, repo, path,
# commit, openapi, lines): each entry is one root document, `path` inside GitHub repository
# `repo` at `commit`. The documents themselves are not committed: entry NAME is expected at
# DIR/NAME/PATH (the repository's layout below DIR/NAME, so that relative `$ref`s to other
# files of a multi-file spec resolve). A missing entry is reported with the commands that get
# it, and skipped; `--fetch` runs them: a curl of raw.githubusercontent.com for a single file,
# and a sparse `git clone` for a multi-file spec (one whose root document has a relative `$ref`
# to another file; the folder of the root document is checked out, or, for a root document at
# the top of the repository, the top-level folders its `$ref`s point into).
#
# Options:
#   --corpus DIR    where the documents are (default: compat-corpus under the repo root)
#   --codegen PATH  the spec-codegen binary (default: .build/release/spec-codegen under the repo root)
#   --generate      also run `generate <spec> --output <tmp>` for each accepted spec and time it
#   --compile       also compile the generated files (implies --generate) in a temporary SwiftPM
#                   package whose one target depends on this repo's SpecRuntime (path dependency
#                   on the repo root); the package is built once empty first, so that each
#                   entry's time is that of its own module, not of SpecRuntime and its dependencies
#   --anchor PATH   also run apple/swift-openapi-generator (types and client) on each entry, for
#                   the comparison column (build it with:
#                   swift build -c release --package-path .build-anchor/package --scratch-path
#                   .build-anchor/scratch --product swift-openapi-generator, with a package that
#                   depends on it at 1.14.3, as codegen-bench does)
#   --fetch         download the missing entries (needs network, curl and git)
#   --timeout SECS  limit of each check, generate and compile run (default: 120); a run over it
#                   shows as `timeout`
#   --logs DIR      keep each run's output there (default: a new temporary folder, printed)
#   --tsv FILE      the corpus list (default: scripts/compat-corpus.tsv)
#   name ...        only these entries (default: all)
#
# One spec that fails, crashes or hangs never stops the run: it shows as such in its row. The
# table goes to standard output, progress and hints to standard error. Exit status: 0 when the
# run completed (whatever the specs did), 2 on a usage error.
# Environment, for mirrors and tests: COMPAT_RAW_BASE (default https://raw.githubusercontent.com)
# and COMPAT_GIT_BASE (default https://github.com).
set -euo pipefail

script_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$script_dir/.." && pwd)"

corpus="$root/compat-corpus"
codegen="$root/.build/release/spec-codegen"
tsv="$script_dir/compat-corpus.tsv"
do_generate=0
do_compile=0
do_fetch=0
anchor=""
limit=120
logs=""
names=()
raw_base="${COMPAT_RAW_BASE:-https://raw.githubusercontent.com}"
git_base="${COMPAT_GIT_BASE:-https://github.com}"

usage() { sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//' >&2; }
need_arg() { [[ $# -ge 2 && -n $2 ]] || { echo "compat.sh: $1 needs a value" >&2; exit 2; }; }

while [[ $# -gt 0 ]]; do
    case "$1" in
        --corpus) need_arg "$@"; corpus="$2"; shift 2 ;;
        --codegen) need_arg "$@"; codegen="$2"; shift 2 ;;
        --tsv) need_arg "$@"; tsv="$2"; shift 2 ;;
        --logs) need_arg "$@"; logs="$2"; shift 2 ;;
        --timeout) need_arg "$@"; limit="$2"; shift 2 ;;
        --generate) do_generate=1; shift ;;
        --compile) do_compile=1; do_generate=1; shift ;;
        --fetch) do_fetch=1; shift ;;
        --anchor) need_arg "$@"; anchor="$2"; shift 2 ;;
        -h|--help) usage; exit 0 ;;
        --) shift; names+=("$@"); break ;;
        -*) echo "compat.sh: unknown option $1" >&2; usage; exit 2 ;;
        *) names+=("$1"); shift ;;
    esac
done

[[ $limit =~ ^[0-9]+$ ]] || { echo "compat.sh: --timeout takes whole seconds" >&2; exit 2; }
[[ -f $tsv ]] || { echo "compat.sh: no corpus list at $tsv" >&2; exit 2; }
if [[ $codegen != */* ]]; then codegen="$(command -v "$codegen" || echo "./$codegen")"; fi
if [[ -d $(dirname "$codegen") ]]; then codegen="$(cd "$(dirname "$codegen")" && pwd)/$(basename "$codegen")"; fi
[[ -x $codegen ]] || { echo "compat.sh: no spec-codegen binary at $codegen (build it with 'swift build -c release' or pass --codegen)" >&2; exit 2; }
mkdir -p "$corpus"
corpus="$(cd "$corpus" && pwd)"

work="$(mktemp -d "${TMPDIR:-/tmp}/spec-codegen-compat.XXXXXX")"
trap 'rm -rf "$work"' EXIT
if [[ -z $logs ]]; then logs="$(mktemp -d "${TMPDIR:-/tmp}/spec-codegen-compat-logs.XXXXXX")"; fi
mkdir -p "$logs"
logs="$(cd "$logs" && pwd)"

# --- the corpus list ------------------------------------------------------------------------

declare -a e_name e_repo e_path e_commit e_openapi e_lines
while IFS=$'\t' read -r n r p c o l || [[ -n ${n:-} ]]; do
    [[ -z $n || $n == name || $n == \#* ]] && continue
    e_name+=("$n"); e_repo+=("$r"); e_path+=("$p"); e_commit+=("$c"); e_openapi+=("$o"); e_lines+=("${l%$'\r'}")
done < "$tsv"

selected=()
if [[ ${#names[@]} -eq 0 ]]; then
    selected=("${!e_name[@]}")
else
    for want in "${names[@]}"; do
        found=""
        for i in "${!e_name[@]}"; do [[ ${e_name[$i]} == "$want" ]] && found=$i; done
        if [[ -z $found ]]; then echo "compat.sh: no entry '$want' in $tsv" >&2; exit 2; fi
        selected+=("$found")
    done
fi

# --- getting missing entries ----------------------------------------------------------------

# The relative `$ref` targets (file part, without fragment) of a YAML or JSON document.
relative_refs() {
    grep -oE "\\\$ref\"?[[:space:]]*:[[:space:]]*[\"']?[^\"'#[:space:],}]+" "$1" 2>/dev/null \
        | sed -E "s/^\\\$ref\"?[[:space:]]*:[[:space:]]*[\"']?//" \
        | grep -vE '^[a-zA-Z][a-zA-Z0-9+.-]*:' | sort -u || true
}

# The folders a sparse checkout of a multi-file entry needs (cone mode: each with everything below).
sparse_folders() { # path-of-root-document downloaded-root-document
    local dir; dir="$(dirname "$1")"
    if [[ $dir != . ]]; then echo "$dir"; return; fi
    relative_refs "$2" | sed -E 's#^\./##' | grep / | cut -d/ -f1 | grep -vE '^\.\.?$' | sort -u || true
}

print_fetch_hint() { # index
    local n=${e_name[$1]} r=${e_repo[$1]} p=${e_path[$1]} c=${e_commit[$1]}
    cat >&2 <<EOF
  missing: $n (expected at $corpus/$n/$p). Get it with --fetch, or:
    single file:  mkdir -p "$corpus/$n/$(dirname "$p")" && curl -fsSL "$raw_base/$r/$c/$p" -o "$corpus/$n/$p"
    multi-file:   git clone --filter=blob:none --no-checkout $git_base/$r.git /tmp/$n && git -C /tmp/$n checkout $c \\
                  && mkdir -p "$corpus/$n" && cp -R /tmp/$n/. "$corpus/$n/" && rm -rf "$corpus/$n/.git"
EOF
}

fetch_entry() { # index; returns non-zero when the entry could not be had
    local n=${e_name[$1]} r=${e_repo[$1]} p=${e_path[$1]} c=${e_commit[$1]}
    local dest="$corpus/$n" tmp="$work/fetch-$n"
    mkdir -p "$tmp"
    echo "  fetching $n: $raw_base/$r/$c/$p" >&2
    if ! curl -fsSL --retry 2 --max-time 300 "$raw_base/$r/$c/$p" -o "$tmp/root"; then
        echo "  could not download $n" >&2; return 1
    fi
    if [[ -z "$(relative_refs "$tmp/root")" ]]; then
        mkdir -p "$dest/$(dirname "$p")" && mv "$tmp/root" "$dest/$p"
        return 0
    fi
    local folders; folders="$(sparse_folders "$p" "$tmp/root")"
    echo "  $n is multi-file: sparse clone of $git_base/$r.git at $c (${folders:-whole tree})" >&2
    local clone="$tmp/clone"
    if ! git clone -q --filter=blob:none --no-checkout "$git_base/$r.git" "$clone" >&2; then
        echo "  could not clone $r" >&2; return 1
    fi
    if [[ -n $folders ]]; then
        # shellcheck disable=SC2086 # one folder a word
        git -C "$clone" sparse-checkout set --cone $folders >&2 || return 1
    fi
    git -C "$clone" -c advice.detachedHead=false checkout -q "$c" >&2 || { echo "  no commit $c in $r" >&2; return 1; }
    rm -rf "$clone/.git"
    mkdir -p "$dest" && cp -R "$clone/." "$dest/"
    [[ -f $dest/$p ]] || { echo "  $p is not in the checkout of $r" >&2; return 1; }
}

# --- running --------------------------------------------------------------------------------

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# Runs a command under the time limit, output to a log file. Sets run_rc and run_ms.
timed() { # log command...
    local log=$1; shift
    local start; start=$(now_ms)
    run_rc=0
    timeout --kill-after=10 "$limit" "$@" > "$log" 2>&1 || run_rc=$?
    run_ms=$(( $(now_ms) - start ))
}

# What a non-zero exit status says beyond "refused".
status_word() { # rc accepted-word refused-word
    case $1 in
        0) echo "$2" ;;
        124|137) echo "timeout" ;;
        1|2) echo "$3" ;;
        *) if (( $1 > 128 )); then echo "crash (signal $(( $1 - 128 )))"; else echo "$3 (exit $1)"; fi ;;
    esac
}

compile_pkg="$work/compile"
compile_ready=0
prepare_compile_package() {
    mkdir -p "$compile_pkg/Sources/CorpusSDK"
    cat > "$compile_pkg/Package.swift" <<EOF
// swift-tools-version: 6.2
import PackageDescription

let package = Package(
    name: "CompatCorpusBuild",
    platforms: [.macOS(.v14)],
    dependencies: [.package(name: "swift-spec-codegen", path: "$root")],
    targets: [
        .target(name: "CorpusSDK", dependencies: [.product(name: "SpecRuntime", package: "swift-spec-codegen")]),
    ]
)
EOF
    echo 'import SpecRuntime' > "$compile_pkg/Sources/CorpusSDK/Empty.swift"
    echo "building SpecRuntime once in $compile_pkg ..." >&2
    local rc=0
    (cd "$compile_pkg" && swift build) > "$logs/_compile-warmup.txt" 2>&1 || rc=$?
    if [[ $rc -ne 0 ]]; then
        echo "compat.sh: the empty package does not build (see $logs/_compile-warmup.txt); no compile column" >&2
        compile_ready=-1
    else
        compile_ready=1
    fi
}

rows=()
for i in "${selected[@]}"; do
    n=${e_name[$i]}
    spec="$corpus/$n/${e_path[$i]}"
    if [[ ! -f $spec && $do_fetch -eq 1 ]]; then
        fetch_entry "$i" || true
    fi
    if [[ ! -f $spec ]]; then
        print_fetch_hint "$i"
        rows+=("| $n | ${e_openapi[$i]} | ${e_lines[$i]} | missing | | | | | | | |")
        continue
    fi
    echo "checking $n ..." >&2

    timed "$logs/$n.check.txt" "$codegen" check "$spec"
    check_rc=$run_rc check_ms=$run_ms
    accepted=$(status_word "$check_rc" yes no)
    summary=$(grep -E ': [0-9]+ errors?, [0-9]+ warnings?$' "$logs/$n.check.txt" | tail -1 || true)
    if [[ -n $summary ]]; then
        errors=$(sed -E 's/.*: ([0-9]+) errors?, [0-9]+ warnings?$/\1/' <<< "$summary")
        warnings=$(sed -E 's/.*: [0-9]+ errors?, ([0-9]+) warnings?$/\1/' <<< "$summary")
    else # no summary (a crash or a timeout): count the diagnostics that did come out
        errors=$(grep -cE ':[0-9]+:[0-9]+: error: ' "$logs/$n.check.txt" || true)
        warnings=$(grep -cE ':[0-9]+:[0-9]+: warning: ' "$logs/$n.check.txt" || true)
    fi

    gen_ms="" compiles="" compile_s=""
    if [[ $do_generate -eq 1 ]]; then
        if [[ $check_rc -eq 0 ]]; then
            out="$work/out-$n"
            rm -rf "$out" && mkdir -p "$out"
            timed "$logs/$n.generate.txt" "$codegen" generate "$spec" --output "$out"
            if [[ $run_rc -eq 0 ]]; then gen_ms=$run_ms; else gen_ms="$(status_word "$run_rc" "" failed) ${run_ms}"; fi
            if [[ $do_compile -eq 1 && $run_rc -eq 0 ]]; then
                [[ $compile_ready -eq 0 ]] && prepare_compile_package
                if [[ $compile_ready -eq 1 ]]; then
                    rm -rf "$compile_pkg/Sources/CorpusSDK" && mkdir -p "$compile_pkg/Sources/CorpusSDK"
                    cp -R "$out/." "$compile_pkg/Sources/CorpusSDK/"
                    compgen -G "$compile_pkg/Sources/CorpusSDK/*.swift" > /dev/null \
                        || echo 'import SpecRuntime' > "$compile_pkg/Sources/CorpusSDK/Empty.swift"
                    timed "$logs/$n.compile.txt" bash -c 'cd "$1" && swift build' _ "$compile_pkg"
                    compiles=$(status_word "$run_rc" yes no)
                    compile_s=$(awk -v ms="$run_ms" 'BEGIN { printf "%.1f", ms / 1000 }')
                fi
            fi
            rm -rf "$out"
        else
            gen_ms="-"
        fi
    fi
    anchor_result=""
    if [[ -n $anchor ]]; then
        anchor_out="$work/anchor-$n"
        rm -rf "$anchor_out" && mkdir -p "$anchor_out"
        printf 'generate:\n  - types\n  - client\naccessModifier: public\n' > "$work/anchor-config.yaml"
        timed "$logs/$n.anchor.txt" "$anchor" generate "$spec" --config "$work/anchor-config.yaml" --output-directory "$anchor_out"
        anchor_result="$(status_word "$run_rc" yes no) ($run_ms ms)"
        rm -rf "$anchor_out"
    fi
    rows+=("| $n | ${e_openapi[$i]} | ${e_lines[$i]} | $accepted | $errors | $warnings | $check_ms | $gen_ms | $compiles | $compile_s | $anchor_result |")
done

echo "| name | openapi | lines | accepted | errors | warnings | check ms | generate ms | compiles | compile s | swift-openapi-generator |"
echo "| --- | --- | ---: | --- | ---: | ---: | ---: | ---: | --- | ---: | --- |"
printf '%s\n' "${rows[@]}"
echo "logs of each run: $logs" >&2
