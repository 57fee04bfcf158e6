#!/usr/bin/env bash
# Runs a command the way the tests need it: inside a private D-Bus session with an unlocked
# gnome-keyring serving the Secret Service (for the real keychain), on the offscreen platform.
# Usage: tests/run-in-session.sh COMMAND [ARGS...]
set -euo pipefail

if [ -z "${HUBSHELF_IN_SESSION:-}" ]; then
    export HUBSHELF_IN_SESSION=1
    exec dbus-run-session -- "$0" "$@"
fi

# A keyring of its own, so that the tests never touch a person's real one; a home of its own, so
# that Qt Test's settings (~/.qttest) are never shared with another run, or with the person's.
export XDG_DATA_HOME="${XDG_DATA_HOME_FOR_TESTS:-$(mktemp -d)}"
export HOME="${HOME_FOR_TESTS:-$(mktemp -d)}"
if [ -z "${XDG_RUNTIME_DIR:-}" ] || [ ! -w "${XDG_RUNTIME_DIR}" ]; then
    XDG_RUNTIME_DIR="$(mktemp -d)"
    chmod 700 "$XDG_RUNTIME_DIR"
    export XDG_RUNTIME_DIR
fi
eval "$(printf 'hubshelf-tests' | gnome-keyring-daemon --unlock --components=secrets)"
export GNOME_KEYRING_CONTROL
export QT_QPA_PLATFORM=offscreen
# The machine decides how many suites run at once (the presets name no job counts).
export CTEST_PARALLEL_LEVEL="${CTEST_PARALLEL_LEVEL:-$(nproc)}"
exec "$@"
