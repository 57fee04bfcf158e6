#!/usr/bin/env bash
# Installs every Debian package that Hubshelf's build, tests and CI need.
# Idempotent: packages already present are left as they are. Runs as root or through sudo.
set -euo pipefail

packages=(
    # build
    cmake g++ make ninja-build pkg-config git
    qt6-base-dev qt6-base-dev-tools libqt6sql6-sqlite qtkeychain-qt6-dev
    qt6-charts-dev qt6-svg-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools libgl-dev
    qt6-qpa-plugins zlib1g-dev libqt6opengl6-dev
    libsimdjson-dev # the JSON reader of the window's list pages
    libsqlite3-dev # the cache's WAL checkpoints off the committing thread (sqlite3_wal_hook)
    libsource-highlight-dev # syntax highlighting: GNU Source-highlight and its language definitions
    qt6-translations-l10n # Qt's own strings in German, which the translation tests check
    # formatting and static analysis
    clang-format clang-tidy
    clang libclang-rt-14-dev llvm # the fuzzers: clang++, libFuzzer and sanitizer runtimes, llvm-symbolizer
    # tests: a real Secret Service, a display server, fonts for screenshots, sqlite3 for checking
    # cache files, PyGithub for the comparison benchmark
    gnome-keyring dbus dbus-x11 xvfb xauth fonts-dejavu-core sqlite3 curl python3 python3-github time bc
    # the PostgreSQL cache: Qt's driver, and the server the tests start throw-away clusters of
    libqt6sql6-psql postgresql
    # packaging: icons rendered from the SVG at build time, and the checks of the installed files
    librsvg2-bin desktop-file-utils appstream
    # the .deb: dpkg-shlibdeps works out Depends, and CPack asks `file` what it strips
    dpkg-dev file
)

missing=()
for p in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$p")
    fi
done

if [ ${#missing[@]} -eq 0 ]; then
    echo "install-deps: all ${#packages[@]} packages are already installed"
    exit 0
fi

as_root=()
if [ "$(id -u)" -ne 0 ]; then
    as_root=(sudo)
fi

echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -qq
"${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
