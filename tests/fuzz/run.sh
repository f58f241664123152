#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (build-fuzz/, RUBDOWN_FUZZ=ON) and runs each for
# SECONDS (default 8, so the seven targets take about a minute) on a scratch copy of its seed
# corpus: the committed corpus never grows here. Fails on any crash, leak, UB report or timeout
# and prints every target's executions and coverage. Skips (exit 0) when clang or libFuzzer is
# missing. Usage: tests/fuzz/run.sh [SECONDS] [TARGET...]
set -euo pipefail
cd "$(dirname "$0")/../.."

seconds=${1:-8}
shift || true
targets=("$@")
if ((${#targets[@]} == 0)); then
    targets=(fuzz_telegram_update fuzz_slack_events fuzz_slack_forms fuzz_signatures fuzz_nlu
             fuzz_nlu_entities fuzz_http_server)
fi

cxx=${RUBDOWN_FUZZ_CXX:-$(command -v clang++ || command -v clang++-14 || true)}
if [[ -z "$cxx" ]]; then
    echo "fuzz: skipped, no clang++ (deploy/setup.sh --with-test-tools installs it)"
    exit 0
fi
probe_dir=$(mktemp -d)
trap 'rm -rf "$probe_dir"' EXIT
printf 'extern "C" int LLVMFuzzerTestOneInput(const unsigned char*, unsigned long) { return 0; }\n' \
    >"$probe_dir/probe.cpp"
if ! "$cxx" -fsanitize=fuzzer,address,undefined "$probe_dir/probe.cpp" -o "$probe_dir/probe" \
    2>/dev/null; then
    echo "fuzz: skipped, $cxx cannot link -fsanitize=fuzzer (install libclang-rt-14-dev)"
    exit 0
fi

export CCACHE_BASEDIR=${CCACHE_BASEDIR:-$PWD}
# -O1 with asserts kept: the sanitizers and the project's own checks both stay on.
cmake -S . -B build-fuzz -G Ninja -DCMAKE_CXX_COMPILER="$cxx" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O1 -g" -DRUBDOWN_FUZZ=ON -DRUBDOWN_BUILD_TESTS=OFF >/dev/null
build_started=$(date +%s)
cmake --build build-fuzz -j"$(nproc)" --target "${targets[@]}"
echo "fuzz: build took $(($(date +%s) - build_started)) s"

work=build-fuzz/runs
rm -rf "$work"
mkdir -p "$work"
# The HTTP target keeps its SQLite file in a temp dir; one left by a crash stays in the build tree.
export TMPDIR="$PWD/$work/tmp"
mkdir -p "$TMPDIR"
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:strict_string_checks=1:detect_stack_use_after_return=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1}

dictionary_of() {
    case "$1" in
        fuzz_telegram_update | fuzz_slack_events) echo tests/fuzz/dict/json.dict ;;
        fuzz_slack_forms) echo tests/fuzz/dict/form.dict ;;
        fuzz_http_server) echo tests/fuzz/dict/http.dict ;;
        fuzz_nlu | fuzz_nlu_entities) echo tests/fuzz/dict/nlu.dict ;;
    esac
}

failed=()
summary=()
for target in "${targets[@]}"; do
    corpus="$work/$target/corpus"
    mkdir -p "$corpus" "$work/$target/artifacts"
    cp tests/fuzz/corpus/"$target"/* "$corpus"/
    options=(-max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=16384
             -print_final_stats=1 -artifact_prefix="$work/$target/artifacts/")
    dictionary=$(dictionary_of "$target")
    [[ -n "$dictionary" ]] && options+=(-dict="$dictionary")
    log="$work/$target/log.txt"
    echo "fuzz: $target for ${seconds}s"
    status=0
    # A target that wedges despite libFuzzer's own time-out is cut off.
    timeout --signal=KILL $((seconds + 120)) build-fuzz/fuzz/"$target" "${options[@]}" "$corpus" \
        >"$log" 2>&1 || status=$?
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    coverage=$(grep -oE 'cov: [0-9]+ ft: [0-9]+' "$log" | tail -1)
    line=$(printf '%-22s runs %-9s %-22s corpus %s' "$target" "${runs:-?}" "${coverage:-cov: ?}" \
        "$(find "$corpus" -type f | wc -l)")
    if ((status != 0)); then
        failed+=("$target")
        summary+=("$line FAILED (exit $status)")
        echo "fuzz: $target FAILED (exit $status); the end of its log:"
        grep -vE '^#[0-9]+' "$log" | tail -60
        ls "$work/$target/artifacts/"
    else
        summary+=("$line ok")
    fi
done

echo "fuzz: summary (${seconds}s per target)"
printf '  %s\n' "${summary[@]}"
if ((${#failed[@]} > 0)); then
    echo "fuzz: failed: ${failed[*]} (inputs in $work/<target>/artifacts/)"
    exit 1
fi
