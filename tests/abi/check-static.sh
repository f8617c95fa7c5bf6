#!/usr/bin/env bash
# SPDX-License-Identifier: MulanPSL-2.0
# The static library defines as global symbols only names that begin with
# dgs_, and among them every function declared with DGS_API in
# include/dgsubsidy/*.h.  Any other global name (an internal helper such as
# sb_printf or change_cmp, or jansson's json_*) could collide with a
# function of the host program that links libdgsubsidy.a.
#
#   tests/abi/check-static.sh path/to/libdgsubsidy.a
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
lib=${1:?usage: check-static.sh path/to/libdgsubsidy.a}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Defined global symbols (nm -g: external; --defined-only: not U).
nm -g --defined-only "$lib" | awk 'NF == 3 { print $3 }' | sort -u >"$tmp/defined"
[ -s "$tmp/defined" ] || { echo "FAIL: $lib defines no global symbol"; exit 1; }

fail=0
if grep -v '^dgs_' "$tmp/defined" >"$tmp/foreign"; then
    echo "FAIL: $(wc -l <"$tmp/foreign") global name(s) without the dgs_ prefix in $lib:"
    head -20 "$tmp/foreign" | sed 's/^/  /'
    fail=1
fi

# Every declared function is defined.
cat "$root"/include/dgsubsidy/*.h |
    perl -0777 -pe 's{/\*.*?\*/}{}gs; s{//[^\n]*}{}g' |
    grep -v '^[[:space:]]*#' |
    tr '\n' ' ' |
    grep -oE 'DGS_API[^;{(]*\(' |
    sed -E 's/\($//; s/.*[^A-Za-z0-9_]([A-Za-z_][A-Za-z0-9_]*)[[:space:]]*$/\1/' |
    sort -u >"$tmp/declared"
if comm -23 "$tmp/declared" "$tmp/defined" >"$tmp/missing" && [ -s "$tmp/missing" ]; then
    echo "FAIL: declared with DGS_API but not defined in $lib:"
    sed 's/^/  /' "$tmp/missing"
    fail=1
fi
[ $fail = 0 ] && echo "ok: $(wc -l <"$tmp/defined") global names in $lib, all dgs_, every DGS_API function among them"
exit $fail
