#!/usr/bin/env bash
# SPDX-License-Identifier: MulanPSL-2.0
# The ABI gate: builds libdgsubsidy.so.1 in its own directory with debug
# info and compares it with the committed baseline
# (tests/abi/libdgsubsidy.so.1.abi) using abidiff.
#
# Fails on an incompatible change and when abidiff itself fails (exit bits
# 1, 2).  abidiff sets bit 8 for a removed function or symbol (or a symbol
# version taken away) and bit 4 for any other change, which includes a
# changed type layout or signature: so bit 4 passes only when abidiff's
# summaries count nothing removed and nothing changed, i.e. the change is
# additions alone.  Then the report says what was added.
#
#   tests/abi/check.sh                    # builds in build-abi-check/
#   tests/abi/check.sh path/to/libdgsubsidy.so.1   # compare a library already built
set -euo pipefail
. "$(dirname "$0")/abi-common.sh"
if [ ! -f "$abi_baseline" ]; then
    echo "abi: no baseline $abi_baseline (tests/abi/update-baseline.sh writes it)"
    exit 1
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
lib=${1:-$(abi_build "${BUILD_DIR:-$abi_root/build-abi-check}")}
abi_describe "$lib" "$tmp/current.abi"

status=0
abidiff --no-show-locs "$abi_baseline" "$tmp/current.abi" >"$tmp/report.txt" 2>&1 || status=$?
if [ $((status & 3)) -ne 0 ]; then
    cat "$tmp/report.txt"
    echo "abi: abidiff failed (exit $status)"
    exit 1
fi
if [ $((status & 8)) -ne 0 ]; then
    cat "$tmp/report.txt"
    echo "abi: INCOMPATIBLE change against $(basename "$abi_baseline") (abidiff exit $status)."
    echo "     A release within major 1 may only add (docs/abi.md)."
    exit 1
fi
if [ $((status & 4)) -ne 0 ]; then
    cat "$tmp/report.txt"
    # "Functions changes summary: 0 Removed, 1 Changed (2 filtered out), 3 Added functions"
    changed=$(grep -E 'changes summary:' "$tmp/report.txt" |
              grep -oE '[0-9]+ (Removed|Changed)' | awk '{ n += $1 } END { print n + 0 }')
    if [ "$changed" -ne 0 ] || ! grep -q 'changes summary:' "$tmp/report.txt"; then
        echo "abi: INCOMPATIBLE change against $(basename "$abi_baseline"): functions, variables or"
        echo "     types changed or removed (abidiff exit $status).  A release within major 1 may only add."
        exit 1
    fi
    echo "abi: compatible changes only (additions); the baseline is regenerated at the next release tag."
    exit 0
fi
echo "abi: no change against $(basename "$abi_baseline")"
