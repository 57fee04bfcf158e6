#!/usr/bin/env bash
# bench_insights: `hubshelf insights contributors constellation` (the fake's organization of 200
# repositories, 180 without forks, one always computing) against `fakegithub --latency-ms 100`:
# cold (GitHub computing every repository's statistics: a 202 first), warm within max-age, and
# warm after max-age (304s). Prints wall time, requests on the wire, rate-limit points and peak
# memory; asserts nothing.
#
#   tests/bench/bench_insights.sh [BUILD_DIR]     (default: build-bench, the `bench` preset)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
build="${1:-$here/../../build-bench}"
hubshelf="$build/app/hubshelf"
fake="$build/tests/fakegithub/fakegithub"
work="$(mktemp -d)"
trap 'kill "$fake_pid" 2>/dev/null || true; rm -rf "$work"' EXIT

max_age=20
"$fake" --port 0 --latency-ms 100 --max-age "$max_age" > "$work/fake.out" &
fake_pid=$!
for _ in $(seq 50); do [ -s "$work/fake.out" ] && break; sleep 0.1; done
port="$(head -n 1 "$work/fake.out")"
api="http://127.0.0.1:$port"
token=ghp_fakeOctocatPrimary00000000000000000000

points_used() { # the fake's own count of core points spent by the token (GET /rate_limit is free)
    curl -s -H "Authorization: token $token" "$api/rate_limit" |
        python3 -c 'import json, sys; print(json.load(sys.stdin)["resources"]["core"]["used"])'
}

measure() { # name, command...
    local name="$1"; shift
    local before after
    before="$(points_used)"
    /usr/bin/time -f "%e %M" -o "$work/time" "$@" -v > "$work/out" 2> "$work/stderr" || true
    after="$(points_used)"
    read -r seconds kib < <(tail -n 1 "$work/time")
    # -v logs one line per request; a fresh cache hit never reaches the wire.
    local wire
    wire="$(grep -c '^\[GET\]' "$work/stderr" | tr -d ' ')"
    local hits
    hits="$(grep -c '^\[GET\] CACHE_HIT ' "$work/stderr" | tr -d ' ' || true)"
    printf '%-40s %9.0f %9d %7d %9.1f\n' "$name" "$(echo "$seconds * 1000" | bc)" "$((wire - hits))" \
        "$((after - before))" "$(echo "scale=1; $kib / 1024" | bc)"
}

echo "bench_insights: insights contributors constellation (180 repositories without forks), fakegithub --latency-ms 100"
echo
printf '%-40s %9s %9s %7s %9s\n' "run" "wall ms" "requests" "points" "peak MiB"
export XDG_CACHE_HOME="$work/cache" XDG_CONFIG_HOME="$work/config" GH_ENTERPRISE_TOKEN="$token"
measure "cold: GitHub computing (202, then 200)" "$hubshelf" --api-url "$api" insights contributors constellation
measure "warm, within max-age" "$hubshelf" --api-url "$api" insights contributors constellation
sleep "$((max_age + 1))"
measure "warm, after max-age (304s)" "$hubshelf" --api-url "$api" insights contributors constellation
echo
echo "(every run asks the always-computing repository six times: those requests and points are its 202s)"
