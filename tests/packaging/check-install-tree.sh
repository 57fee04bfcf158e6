#!/usr/bin/env bash
# Installs the build into a temporary prefix and checks every desktop-integration file there with
# the tools a distribution would use: desktop-file-validate, appstreamcli, groff/man, bash.
# Usage: check-install-tree.sh CMAKE BUILD_DIR
set -uo pipefail

cmake_command="$1"
build_dir="$2"
app_id=io.github.hubshelf.Hubshelf
prefix="$(mktemp -d)"
trap 'rm -rf "$prefix"' EXIT
failures=0

fail() {
    echo "FAIL: $*"
    failures=$((failures + 1))
}

# Runs a checker, prints what it says and fails on a non-zero exit.
check() {
    local what="$1"
    shift
    echo "--- $what: $*"
    if ! "$@"; then
        fail "$what"
    fi
}

echo "--- cmake --install $build_dir --prefix $prefix"
if ! "$cmake_command" --install "$build_dir" --prefix "$prefix" >"$prefix.install.log" 2>&1; then
    cat "$prefix.install.log"
    rm -f "$prefix.install.log"
    echo "FAIL: cmake --install (is the whole build up to date? the icons and man page are built by 'all')"
    exit 1
fi
rm -f "$prefix.install.log"

share="$prefix/share"
desktop="$share/applications/$app_id.desktop"
metainfo="$share/metainfo/$app_id.metainfo.xml"
completion="$share/bash-completion/completions/hubshelf"
man_page="$share/man/man1/hubshelf.1.gz"

for f in "$prefix/bin/hubshelf" "$desktop" "$metainfo" "$completion" "$man_page" \
    "$share/icons/hicolor/scalable/apps/$app_id.svg"; do
    [ -f "$f" ] || fail "not installed: ${f#"$prefix"/}"
done
[ -x "$prefix/bin/hubshelf" ] || fail "bin/hubshelf is not executable"

# The desktop entry and the AppStream data.
check desktop-file-validate desktop-file-validate "$desktop"
grep -qx "Icon=$app_id" "$desktop" || fail "the desktop entry's Icon is not $app_id"
grep -qx "Exec=hubshelf" "$desktop" || fail "the desktop entry does not run hubshelf"
check "appstreamcli validate" appstreamcli validate --no-net "$metainfo"
# validate-tree also checks that the launchable's .desktop file is there beside the metainfo.
check "appstreamcli validate-tree" appstreamcli validate-tree --no-net "$prefix"
grep -q "<launchable type=\"desktop-id\">$app_id.desktop</launchable>" "$metainfo" ||
    fail "the metainfo does not launch $app_id.desktop"
grep -q "<binary>hubshelf</binary>" "$metainfo" || fail "the metainfo does not provide the binary"

# Icons: every size, each a PNG of exactly that size.
for size in 16 32 48 64 128 256; do
    png="$share/icons/hicolor/${size}x${size}/apps/$app_id.png"
    if [ ! -f "$png" ]; then
        fail "no ${size}x${size} icon"
        continue
    fi
    # PNG signature, then the IHDR chunk's width and height as big-endian 32-bit numbers.
    signature="$(od -An -tx1 -N8 "$png" | tr -d ' \n')"
    read -r width height < <(od -An -tu1 -j16 -N8 "$png" |
        awk '{ print ($1*16777216 + $2*65536 + $3*256 + $4), ($5*16777216 + $6*65536 + $7*256 + $8) }')
    [ "$signature" = "89504e470d0a1a0a" ] || fail "${size}x${size} icon is not a PNG"
    [ "$width" = "$size" ] && [ "$height" = "$size" ] || fail "${size}x${size} icon is ${width}x${height}"
done
echo "--- icons: $(cd "$share/icons/hicolor" && echo */apps/$app_id.*)"

# The man page renders without a single warning, and documents every command.
echo "--- man page: groff -man -Tutf8 -ww"
man_warnings="$(gzip -dc "$man_page" | LC_ALL=C.UTF-8 groff -man -Tutf8 -ww -z 2>&1)"
[ -z "$man_warnings" ] || fail "groff warns about the man page: $man_warnings"
if command -v man >/dev/null; then
    echo "--- man page: man --warnings -l"
    man_text="$(LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -l "$man_page" 2>"$prefix/man.err")"
    [ -s "$prefix/man.err" ] && fail "man warns about the man page: $(cat "$prefix/man.err")"
else
    man_text="$(gzip -dc "$man_page" | LC_ALL=C.UTF-8 groff -man -Tutf8 2>/dev/null)"
fi
for word in NAME SYNOPSIS export insights api rate-limit cache auth serve --api-url --offline --with-token --cache-db --listen "EXIT STATUS"; do
    grep -qF -- "$word" <<<"$man_text" || fail "the man page does not mention $word"
done

# The bash completion parses, and completes commands, their sub-commands and their options.
check "bash -n" bash -n "$completion"
completions="$(bash --norc --noprofile -c '
    source "$1"
    complete_line() {
        COMP_WORDS=("$@"); COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); COMPREPLY=()
        _hubshelf hubshelf "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
        echo "${COMPREPLY[*]}"
    }
    complete_line hubshelf ""
    complete_line hubshelf export ""
    complete_line hubshelf export repos octocat --ty
    complete_line hubshelf export repos octocat --type ""
    complete_line hubshelf cache ""
    complete_line hubshelf auth login --
    complete_line hubshelf --api-url https://example.test/api/v3 ra
    complete_line hubshelf serve --
    complete_line hubshelf insights ""
    complete_line hubshelf insights contributors octocat --
' bash "$completion" 2>&1)"
expected="export insights api rate-limit cache auth serve
gists repos pulls orgs followers following members
--type
all public private forks sources member
stats clear path
--with-token --help --help-all --version --api-url --no-cache --offline --verbose --wait --cache-db
rate-limit
--listen --port --tls-cert --tls-key --max-connections --gists-api --help --help-all --version --api-url --no-cache --offline --verbose --wait --cache-db
contributors languages
--format --since --until --include-forks --help --help-all --version --api-url --no-cache --offline --verbose --wait --cache-db"
if [ "$completions" != "$expected" ]; then
    fail "bash completion offers:
$completions
instead of:
$expected"
fi

if [ "$failures" -ne 0 ]; then
    echo "$failures check(s) failed"
    exit 1
fi
echo "all packaging checks passed"
