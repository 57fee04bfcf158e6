#!/bin/sh
# run-fuzzer.sh FUZZER CORPUS WORKDIR [libFuzzer options...]
# Runs FUZZER over the committed CORPUS and then mutates it; what it finds new goes to WORKDIR/new,
# emptied first, and a crashing input to WORKDIR/crash-* (artifact_prefix), named in the output.
set -eu
fuzzer=$1 corpus=$2 work=$3
shift 3
rm -rf "$work"
mkdir -p "$work/new"
# -timeout: an input that takes seconds is a hang (a finding); -rss_limit_mb: and so is one that
# needs gigabytes. libFuzzer reads the folders in order and writes to the first one.
exec "$fuzzer" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$work/" "$@" \
    "$work/new" "$corpus"
