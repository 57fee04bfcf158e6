#!/usr/bin/env bash
# fuzz-bench: every fuzz target of tests/fuzz for RUNS executions (default 10,000,000) from its
# committed corpus, two at a time (FUZZ_BENCH_JOBS); prints target | runs | exec/s | seconds |
# crashes and asserts nothing. A crashing input is kept in the work folder named in the table.
#
#   tests/bench/fuzz-bench.sh [RUNS [TARGET...]]   (default: all six; builds the fuzz-bench preset)
#
# The fuzz-bench preset builds with UBSan and without ASan. ASan makes every target 2 to 3 times
# slower (measured here: see the report of the first run); at 10 M executions per target that is
# hours instead of tens of minutes on two shared cores, and the fuzz workflow in CI already runs
# each target under ASan on every input it tries. UBSan stays: it costs little and catches the
# integer overflows (limits, timestamps, page counts) that these parsers are most prone to.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
source_dir="$(cd "$here/../.." && pwd)"
runs="${1:-10000000}"
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    targets=(linkheader target csv cacherecord listmodel headers)
fi
jobs="${FUZZ_BENCH_JOBS:-2}"
build="$source_dir/build-fuzz-bench"
work="$build/bench-work"

(cd "$source_dir" && cmake --preset fuzz-bench > /dev/null && cmake --build --preset fuzz-bench -j "$jobs" > /dev/null)
rm -rf "$work"
mkdir -p "$work"
# Each target's -max_len as its ctest runs it (tests/fuzz/CMakeLists.txt is the one place it is set).
ctest --test-dir "$build" --show-only=json-v1 | python3 -c '
import json, sys
for test in json.load(sys.stdin)["tests"]:
    for argument in test["command"]:
        if argument.startswith("-max_len="):
            print(test["name"][len("fuzz_"):], argument)
' > "$work/max-len"

bench_one() { # target
    local name="$1" dir="$work/$1" max_len
    max_len=$(sed -n "s/^$name //p" "$work/max-len")
    mkdir -p "$dir/new"
    local start end status=0
    start=$(date +%s.%N)
    "$build/tests/fuzz/fuzz_$name" -runs="$runs" $max_len -seed=1 -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
        -artifact_prefix="$dir/" "$dir/new" "$source_dir/tests/fuzz/corpus/$name" > "$dir/log" 2>&1 || status=$?
    end=$(date +%s.%N)
    local executed per_second crashes
    executed=$(sed -n 's/^stat::number_of_executed_units: *//p' "$dir/log" | tail -n 1)
    per_second=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$dir/log" | tail -n 1)
    crashes=0
    if [ "$status" -ne 0 ]; then
        crashes=1 # libFuzzer stops at the first one
    fi
    printf '%s|%s|%s|%s|%s|%s\n' "$name" "${executed:-?}" "${per_second:-?}" \
        "$(echo "$end - $start" | bc)" "$crashes" "$dir" > "$dir/result"
}

running=0
for name in "${targets[@]}"; do
    if [ "$running" -ge "$jobs" ]; then
        wait -n
        running=$((running - 1))
    fi
    bench_one "$name" &
    running=$((running + 1))
done
wait

echo "fuzz-bench: $runs runs per target from its corpus, -seed=1, $jobs at a time, UBSan (no ASan)"
echo
printf '%-12s | %10s | %8s | %8s | %7s\n' target runs exec/s seconds crashes
for name in "${targets[@]}"; do
    IFS='|' read -r target executed per_second seconds crashes dir < "$work/$name/result"
    printf '%-12s | %10s | %8s | %8.0f | %7s\n' "$target" "$executed" "$per_second" "$seconds" "$crashes"
    if [ "$crashes" != 0 ]; then
        echo "    see $dir/log"
    fi
done
