#!/usr/bin/env bash
# Installs the built .deb with apt (Depends resolved from Debian's archive), runs the installed
# binary's --version and a CSV export against tests/fakegithub, purges the package and checks that
# nothing of it is left on disk. Runs as root on a machine where removing hubshelf is fine (CI).
# Usage: deb-roundtrip.sh BUILD_DIR [FAKEGITHUB]   (after `cpack -G DEB` in BUILD_DIR; FAKEGITHUB
#        defaults to BUILD_DIR/tests/fakegithub/fakegithub, for builds without tests give the test build's)
set -uo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
golden="$here/../cli/golden/repos-octocat.csv"
token=ghp_fakeOctocatPrimary00000000000000000000
export DEBIAN_FRONTEND=noninteractive

fail() {
    echo "deb-roundtrip: FAIL: $*" >&2
    exit 1
}

[ $# -eq 1 ] || [ $# -eq 2 ] || fail "usage: $0 BUILD_DIR [FAKEGITHUB]"
build_dir="$(cd "$1" 2>/dev/null && pwd)" || fail "build directory $1 does not exist."
[ "$(id -u)" -eq 0 ] || fail "this script installs and purges a package, so it must run as root."
fake="$(readlink -f "${2:-$build_dir/tests/fakegithub/fakegithub}")"
[ -x "$fake" ] || fail "$fake is not built (configure with -DHUBSHELF_BUILD_TESTS=ON)."

shopt -s nullglob
debs=("$build_dir"/hubshelf_*.deb)
shopt -u nullglob
[ ${#debs[@]} -eq 1 ] || fail "expected exactly one hubshelf_*.deb in $build_dir, found ${#debs[@]} (run cpack -G DEB there)."
deb="${debs[0]}"
if dpkg-query -W -f='${Status}' hubshelf 2>/dev/null | grep -q "install ok installed"; then
    fail "hubshelf is already installed; purge it first so that the round trip starts clean."
fi

work="$(mktemp -d)"
fake_pid=
installed=
# On any early exit: stop the fake, and purge what this script installed.
cleanup() {
    [ -n "$fake_pid" ] && kill "$fake_pid" 2>/dev/null && wait "$fake_pid" 2>/dev/null
    [ -n "$installed" ] && apt-get purge -y -qq hubshelf >/dev/null 2>&1
    rm -rf "$work"
}
trap cleanup EXIT

echo "=== $(basename "$deb")"
echo "--- dpkg -c"
dpkg -c "$deb" || fail "dpkg -c cannot read $deb."
echo "--- dpkg -I (Depends)"
depends="$(dpkg -I "$deb" | grep -E '^ *Depends:')" || fail "$deb has no Depends field."
echo "$depends"
# This machine may have every library already; check that each one is in the configured archive.
for name in $(dpkg-deb -f "$deb" Depends | tr ',|' '\n\n' | sed 's/(.*)//; s/ //g'); do
    [ -n "$(apt-cache madison "$name" 2>/dev/null)" ] ||
        fail "Depends names $name, which no configured apt repository provides."
done
# Qt's own dialogs speak the user's language only with Qt's catalogues installed.
grep -q "qt6-translations-l10n" <<<"$depends" || fail "$deb does not depend on qt6-translations-l10n."
echo "every Depends package is available from: $(apt-cache madison libc6 | awk -F'|' 'NR == 1 { print $3 }')"
version="$(dpkg-deb -f "$deb" Version)" || fail "$deb has no Version field."

# The package's paths as they will be on disk ("./usr/bin/hubshelf" -> "/usr/bin/hubshelf"), and
# which of its directories exist already (shared ones such as /usr/share/man/man1 stay after purge).
mapfile -t files < <(dpkg -c "$deb" | awk '$1 !~ /^d/ { print substr($6, 2) }')
mapfile -t dirs < <(dpkg -c "$deb" | awk '$1 ~ /^d/ { sub(/\/$/, "", $6); print substr($6, 2) }')
[ ${#files[@]} -gt 0 ] || fail "$deb contains no files."
new_dirs=()
for d in "${dirs[@]}"; do
    [ -e "$d" ] || new_dirs+=("$d")
done

echo "--- apt-get install -y $deb"
if ! apt-get install -y "$deb"; then
    # A fresh machine may have no package lists yet.
    apt-get update -qq && apt-get install -y "$deb" || fail "apt-get could not install $deb with its Depends."
fi
installed=1
dpkg-query -W -f='${Status}' hubshelf | grep -q "install ok installed" || fail "dpkg does not list hubshelf as installed."
for f in "${files[@]}"; do
    [ -e "$f" ] || [ -L "$f" ] || fail "$f from the package is missing after installing it."
done

echo "--- /usr/bin/hubshelf --version"
printed="$(/usr/bin/hubshelf --version 2>&1)" || fail "the installed hubshelf --version exited with an error: $printed"
echo "$printed"
[ "$printed" = "hubshelf $version" ] || fail "the installed hubshelf --version printed '$printed', not 'hubshelf $version'."

echo "--- $fake --port 0"
"$fake" --port 0 >"$work/fake.out" 2>"$work/fake.err" &
fake_pid=$!
for _ in $(seq 100); do
    [ "$(wc -l <"$work/fake.out")" -ge 2 ] && break
    kill -0 "$fake_pid" 2>/dev/null || fail "fakegithub exited: $(cat "$work/fake.err")"
    sleep 0.1
done
port="$(sed -n 1p "$work/fake.out")"
[[ "$port" =~ ^[0-9]+$ ]] || fail "fakegithub did not print its port (first line: '$port')."
# Second line: "fakegithub: API on URL, avatars and pages on URL"; the golden file names the latter {web}.
web="$(sed -n 's/.*avatars and pages on \([^ ]*\)$/\1/p' "$work/fake.out")"
[ -n "$web" ] || fail "fakegithub did not print its content URL."
echo "fakegithub listening on 127.0.0.1:$port (pages on $web)"

csv="$work/repos-octocat.csv"
echo "--- /usr/bin/hubshelf --api-url http://127.0.0.1:$port export repos octocat -o $csv"
# A cache and settings of its own, so the run neither reads nor leaves anything in root's home.
XDG_CACHE_HOME="$work/cache" XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" \
    GH_ENTERPRISE_TOKEN="$token" \
    /usr/bin/hubshelf --api-url "http://127.0.0.1:$port" export repos octocat -o "$csv" ||
    fail "the installed hubshelf could not export octocat's repositories from fakegithub."
[ -s "$csv" ] || fail "the export wrote no file at $csv."
header="$(head -n 1 "$csv" | tr -d '\r')"
echo "header: $header"
expected_header="$(head -n 1 "$golden" | tr -d '\r')"
[ "$header" = "$expected_header" ] || fail "the CSV header is '$header', not '$expected_header'."
rows=$(($(wc -l <"$csv") - 1))
echo "rows: $rows"
[ "$rows" -ge 1 ] || fail "the CSV has a header but no rows."
sed "s|$web|{web}|g" "$csv" | cmp -s - "$golden" ||
    fail "the installed binary's CSV differs from tests/cli/golden/repos-octocat.csv: $(sed "s|$web|{web}|g" "$csv" | diff - "$golden" | head -5)"
echo "the CSV matches tests/cli/golden/repos-octocat.csv"

# The service unit the package ships: systemd's own check, with the binary and man page installed.
unit=/usr/lib/systemd/system/hubshelf-serve.service
[ -f "$unit" ] || fail "the package does not ship $unit."
if command -v systemd-analyze >/dev/null; then
    echo "--- systemd-analyze verify $unit"
    verified="$(systemd-analyze verify "$unit" 2>&1)" || fail "systemd-analyze verify failed: $verified"
    [ -z "$verified" ] || fail "systemd-analyze verify warns: $verified"
    echo "the unit verifies"
fi

kill "$fake_pid" 2>/dev/null
wait "$fake_pid" 2>/dev/null
fake_pid=

echo "--- apt-get purge -y hubshelf"
apt-get purge -y hubshelf || fail "apt-get could not purge hubshelf."
installed=
if dpkg -L hubshelf >/dev/null 2>&1; then
    fail "dpkg -L still lists hubshelf's files after the purge."
fi
echo "dpkg -L hubshelf: $(dpkg -L hubshelf 2>&1 | head -n 1)"
left=()
for f in "${files[@]}"; do
    if [ -e "$f" ] || [ -L "$f" ]; then left+=("$f"); fi
done
for d in "${new_dirs[@]}"; do
    [ -e "$d" ] && left+=("$d/")
done
[ ${#left[@]} -eq 0 ] || fail "the purge left ${#left[@]} of the package's paths on disk: ${left[*]}"
echo "none of the package's ${#files[@]} files and ${#new_dirs[@]} own directories remain"
echo "deb-roundtrip: PASS"
