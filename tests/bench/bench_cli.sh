#!/usr/bin/env bash
# bench_cli: `hubshelf export repos megacorp -o out.csv` (5,000 repositories, 50 pages) against
# `fakegithub --latency-ms 100`, cold and warm cache, the JSON paths (export --format json, api
# --paginate), beside the same export by PyGithub.
# Prints wall time and peak memory (GNU time); asserts nothing.
#
#   tests/bench/bench_cli.sh [BUILD_DIR]     (default: build-bench, the `bench` preset)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
build="${1:-$here/../../build-bench}"
hubshelf="$build/app/hubshelf"
fake="$build/tests/fakegithub/fakegithub"
work="$(mktemp -d)"
trap 'kill "$fake_pid" 2>/dev/null || true; rm -rf "$work"' EXIT

"$fake" --port 0 --latency-ms 100 > "$work/fake.out" &
fake_pid=$!
for _ in $(seq 50); do [ -s "$work/fake.out" ] && break; sleep 0.1; done
port="$(head -n 1 "$work/fake.out")"
api="http://127.0.0.1:$port"
token=ghp_fakeOctocatPrimary00000000000000000000

measure() { # name, command...
    local name="$1"; shift
    /usr/bin/time -f "%e %M" -o "$work/time" "$@" > /dev/null 2> "$work/stderr" || { cat "$work/stderr"; exit 1; }
    read -r seconds kib < "$work/time"
    printf '%-44s %9.0f %12.1f\n' "$name" "$(echo "$seconds * 1000" | bc)" "$(echo "scale=1; $kib / 1024" | bc)"
    echo "$seconds" > "$work/last-seconds"
}

echo "bench_cli: export repos megacorp (5,000 repositories, 50 pages of 100), fakegithub --latency-ms 100"
echo
printf '%-44s %9s %12s\n' "tool" "wall ms" "peak MiB"
export XDG_CACHE_HOME="$work/cache" XDG_CONFIG_HOME="$work/config" GH_ENTERPRISE_TOKEN="$token"
measure "hubshelf, cold cache" "$hubshelf" --api-url "$api" export repos megacorp -o "$work/hubshelf.csv"
hubshelf_cold=$(cat "$work/last-seconds")
measure "hubshelf, warm cache (within max-age)" "$hubshelf" --api-url "$api" export repos megacorp -o "$work/hubshelf.csv"
measure "hubshelf, --no-cache" "$hubshelf" --api-url "$api" --no-cache export repos megacorp -o "$work/hubshelf.csv"
# The JSON paths write each page's objects as they arrive; their peak beside the CSV path's.
measure "hubshelf --format json, warm cache" "$hubshelf" --api-url "$api" export repos megacorp --format json -o "$work/hubshelf.json"
measure "hubshelf api --paginate, warm cache" "$hubshelf" --api-url "$api" api --paginate /orgs/megacorp/repos
measure "hubshelf --format json, --no-cache" "$hubshelf" --api-url "$api" --no-cache export repos megacorp --format json -o "$work/hubshelf.json"
measure "PyGithub 1.55 (python3-github), per_page=100" /usr/bin/python3 "$here/pygithub_export_repos.py" "$api" "$token" megacorp "$work/pygithub.csv"
pygithub=$(cat "$work/last-seconds")
echo
printf 'PyGithub / hubshelf (cold): %.1fx the wall time\n' "$(echo "scale=3; $pygithub / $hubshelf_cold" | bc)"
if cmp -s "$work/hubshelf.csv" "$work/pygithub.csv"; then
    echo "the two CSV files are byte-identical: yes"
else
    echo "the two CSV files are byte-identical: NO"
fi
