#!/usr/bin/env bash
# SPDX-License-Identifier: MulanPSL-2.0
# Portable C: builds the library, the command-line tool and every test with
# gcc and with clang as ISO C11 (no GNU extensions) at
# -Wall -Wextra -pedantic -Werror and runs the tests; then once more with
# DGS_PORTABLE_ARITH, which replaces the compiler's 128-bit integers and
# overflow builtins by the plain C11 fallbacks of lib/core/wide.h, and runs
# every test over them.
#
#   scripts/check-portable.sh        # build directories build-portable-*/
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
jobs=$(nproc)
strict="-Wall -Wextra -pedantic -Werror"
run() {
    local name=$1 cc=$2
    shift 2
    local dir="$root/build-portable-$name"
    CC=$cc cmake -S "$root" -B "$dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_C_FLAGS="$strict" "$@" >/dev/null
    cmake --build "$dir" -j"$jobs" >/dev/null
    local summary
    summary=$(ctest --test-dir "$dir" -j"$jobs" --output-on-failure 2>&1 | tee "$dir/ctest.log" | grep 'tests passed') || {
        tail -40 "$dir/ctest.log"
        echo "portable: $name: tests failed"
        exit 1
    }
    echo "portable: $name ($($cc --version | head -n1)), -std=c11 $strict $*: $summary"
}
run gcc gcc
run clang clang
run fallback gcc -DDGS_PORTABLE_ARITH=ON
lib="$root/build-portable-fallback/libdgsubsidy.a"
if nm "$lib" 2>/dev/null | grep -qE '__(u)?(div|mod|mul)ti3'; then
    echo "portable: the fallback build still calls the compiler's 128-bit helpers"
    exit 1
fi
echo "portable: the fallback build uses no 128-bit compiler helpers"
