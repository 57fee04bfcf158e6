#!/usr/bin/env bash
# Starts the fake GitHub and `hubshelf serve` in front of it, then runs PyGithub through the mirror.
# usage: pygithub_through_mirror.sh FAKEGITHUB HUBSHELF SCRIPT
set -euo pipefail
fake_binary="$1" hubshelf="$2" script="$3"
if ! /usr/bin/python3 -c 'import github' 2>/dev/null; then
    echo "SKIP: Debian's python3-github is not installed (packaging/install-deps.sh installs it)"
    exit 0
fi
work="$(mktemp -d)"
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

"$fake_binary" --port 0 >"$work/fake.out" 2>&1 &
pids+=($!)
for _ in $(seq 100); do [ -s "$work/fake.out" ] && break; sleep 0.1; done
fake_port="$(head -1 "$work/fake.out")"

export XDG_CACHE_HOME="$work/cache" XDG_CONFIG_HOME="$work/config"
unset GH_TOKEN GITHUB_TOKEN GH_ENTERPRISE_TOKEN GITHUB_ENTERPRISE_TOKEN DISPLAY
"$hubshelf" --api-url "http://127.0.0.1:$fake_port" serve --port 0 >"$work/serve.out" 2>"$work/serve.err" &
serve_pid=$!
pids+=("$serve_pid")
for _ in $(seq 100); do grep -q '^listening on ' "$work/serve.out" 2>/dev/null && break; sleep 0.1; done
mirror="$(sed -n 's/^listening on //p' "$work/serve.out" | head -1)"
[ -n "$mirror" ] || { echo "FAIL: hubshelf serve did not start"; cat "$work/serve.err"; exit 1; }

/usr/bin/python3 "$script" "$mirror" ghp_fakeOctocatPrimary00000000000000000000 megacorp 5000

kill -TERM "$serve_pid"
status=0
wait "$serve_pid" || status=$?
[ "$status" -eq 0 ] || { echo "FAIL: hubshelf serve exited $status after SIGTERM"; exit 1; }
if grep -q ghp_fake "$work/serve.out" "$work/serve.err"; then
    echo "FAIL: a token reached the mirror's output"
    exit 1
fi
echo "PASS: PyGithub read megacorp twice through the mirror"
