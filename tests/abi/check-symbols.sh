#!/usr/bin/env bash
# SPDX-License-Identifier: MulanPSL-2.0
# The exported symbols of libdgsubsidy.so.1 are exactly the functions
# declared with DGS_API in include/dgsubsidy/*.h, and every one carries a
# version of lib/dgsubsidy.map.  Also checks the SONAME, and that the glibc
# symbols it needs are of glibc 2.28 at most.  Given a Windows
# DLL, checks that its export table holds exactly those functions.
#
#   tests/abi/check-symbols.sh path/to/libdgsubsidy.so.1[.0.0]
#
# When a minor release adds a version node (DGSUBSIDY_1.1), list it in
# ALLOWED_VERSIONS below: a symbol may carry any listed version, and the
# symbols of DGSUBSIDY_1.0 must stay.
set -euo pipefail
ALLOWED_VERSIONS="DGSUBSIDY_1.0 DGSUBSIDY_1.1"
# The newest glibc symbol version the library may need (see the reading of guideline files).
GLIBC_FLOOR=2.28
root=$(cd "$(dirname "$0")/../.." && pwd)
lib=${1:?usage: check-symbols.sh path/to/libdgsubsidy.so.1}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# ---- declared: every identifier that follows DGS_API up to its '(' ------------------
# Comments and preprocessor lines (the definition of DGS_API itself) are
# removed first, then declarations are joined onto one line.
cat "$root"/include/dgsubsidy/*.h |
    perl -0777 -pe 's{/\*.*?\*/}{}gs; s{//[^\n]*}{}g' |
    grep -v '^[[:space:]]*#' |
    tr '\n' ' ' |
    grep -oE 'DGS_API[^;{(]*\(' |
    sed -E 's/\($//; s/.*[^A-Za-z0-9_]([A-Za-z_][A-Za-z0-9_]*)[[:space:]]*$/\1/' |
    sort -u >"$tmp/declared"

fail=0
: >"$tmp/exported"
if [ "$(head -c2 "$lib")" = "MZ" ]; then
    # ---- a Windows DLL: the names of its export table ----------------------------------
    objdump -p "$lib" | sed -n '/\[Ordinal\/Name Pointer\] Table/,/^$/p' |
        sed -n 's/^[[:space:]]*\[[[:space:]]*[0-9]*\][[:space:]]*//p' | sort -u >"$tmp/exported"
    if [ ! -s "$tmp/exported" ]; then
        echo "no export table in $lib"
        fail=1
    fi
    format="exported by the DLL"
else
    # ---- exported: defined dynamic symbols with their versions --------------------------
    # readelf prints e.g. "dgs_free@@DGSUBSIDY_1.0"; the version node itself is an
    # absolute (ABS) symbol named after the version, left out.
    readelf --dyn-syms --wide "$lib" |
        awk '$7 != "UND" && $7 != "ABS" && $8 != "" && $5 != "LOCAL" { print $4, $8 }' |
        sed -E 's/@@?/ /' >"$tmp/exported_raw"
    while read -r type name version; do
        case "$type" in
        OBJECT | FUNC | IFUNC | TLS | COMMON) ;;
        *) continue ;;   # sections and the like
        esac
        if [ "$type" != FUNC ]; then
            echo "exported $type symbol $name: only functions may be exported"
            fail=1
        fi
        if [ -z "${version:-}" ] || ! grep -qwF -- "$version" <<<"$ALLOWED_VERSIONS"; then
            echo "symbol $name has version '${version:-none}', not one of: $ALLOWED_VERSIONS"
            fail=1
        fi
        echo "$name" >>"$tmp/exported"
    done <"$tmp/exported_raw"
    sort -u -o "$tmp/exported" "$tmp/exported"

    soname=$(readelf --dynamic --wide "$lib" | sed -n 's/.*(SONAME).*\[\(.*\)\]/\1/p')
    if [ "$soname" != "libdgsubsidy.so.1" ]; then
        echo "SONAME is '$soname', not libdgsubsidy.so.1"
        fail=1
    fi
    format="versioned $ALLOWED_VERSIONS; SONAME $soname"

    # ---- the glibc it needs: at most 2.28 (Kylin V10, UOS 20, RHEL 8 run 2.28) ---------
    newest=$(readelf --dyn-syms --wide "$lib" | awk '$7 == "UND"' | grep -oE 'GLIBC_[0-9]+\.[0-9.]+' |
             sed 's/^GLIBC_//' | sort -V | tail -n1 || true)
    if [ -n "$newest" ]; then
        if [ "$(printf '%s\n%s\n' "$newest" "$GLIBC_FLOOR" | sort -V | tail -n1)" != "$GLIBC_FLOOR" ]; then
            echo "needs glibc $newest, above $GLIBC_FLOOR, for:" \
                 "$(readelf --dyn-syms --wide "$lib" | awk '$7 == "UND"' | grep -F "GLIBC_$newest" | awk '{print $8}' | tr '\n' ' ')"
            fail=1
        fi
        format="$format; glibc $newest at most"
    fi
fi

if ! cmp -s "$tmp/declared" "$tmp/exported"; then
    echo "exported symbols differ from the DGS_API declarations:"
    comm -23 "$tmp/declared" "$tmp/exported" | sed 's/^/  declared, not exported: /'
    comm -13 "$tmp/declared" "$tmp/exported" | sed 's/^/  exported, not declared: /'
    fail=1
fi

n=$(wc -l <"$tmp/declared")
if [ "$fail" -ne 0 ]; then
    echo "exported symbols: FAILED"
    exit 1
fi
if [ "$n" -lt 50 ]; then
    echo "only $n DGS_API declarations found in include/dgsubsidy/: the header parse is broken"
    exit 1
fi
echo "exported symbols: $n functions, each declared with DGS_API and $format"
