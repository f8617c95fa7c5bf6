#!/usr/bin/env bash
# SPDX-License-Identifier: MulanPSL-2.0
# Builds with ThreadSanitizer (-DDGS_TSAN=ON) in its own build directory and
# runs the concurrency test (tests/unit/test_threads.c: eight threads
# evaluating and batching over one shared ruleset while others derive
# rulesets from it).  A reported data race fails the check.
#
#   scripts/check-tsan.sh             # build-tsan/, $CC or cc; only test_threads
#   TSAN_TESTS=. scripts/check-tsan.sh   # every ctest test under TSan
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD_DIR:-$root/build-tsan}
jobs=${JOBS:-$(nproc)}

# clang links sanitizer runtimes into programs only, so its shared library
# cannot link with -Wl,--no-undefined: build the static library alone then.
extra=()
if "${CC:-cc}" --version 2>/dev/null | grep -q clang; then
    extra+=(-DDGS_BUILD_SHARED=OFF)
fi
cmake -S "$root" -B "$build" -DCMAKE_C_COMPILER="${CC:-cc}" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
      -DDGS_TSAN=ON "${extra[@]}" -DDGS_INSTALL=OFF >/dev/null
cmake --build "$build" -j "$jobs"

export TSAN_OPTIONS=${TSAN_OPTIONS:-halt_on_error=1:second_deadlock_stack=1:history_size=4}
# ThreadSanitizer needs the address-space layout it was built for; kernels
# with more ASLR entropy than it expects make it fail at start-up
# ("unexpected memory mapping"), so run without address randomisation
# where setarch can do that.
run=()
if setarch "$(uname -m)" -R true 2>/dev/null; then
    run=(setarch "$(uname -m)" -R)
fi
cd "$build"
"${run[@]}" ctest --output-on-failure --timeout 600 -R "${TSAN_TESTS:-^test_threads$}"
