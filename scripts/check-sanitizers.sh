#!/usr/bin/env bash
# SPDX-License-Identifier: MulanPSL-2.0
# Builds the library, the tool, the C tests and the fuzz-corpus replayers
# with AddressSanitizer + UndefinedBehaviorSanitizer (-fno-sanitize-recover:
# the first finding fails the test) in its own build directory, then runs
# the whole ctest suite there.  Leaks are findings too (LeakSanitizer).
#
#   scripts/check-sanitizers.sh            # build-sanitize/, $CC or cc
#   CC=clang BUILD_DIR=/tmp/asan scripts/check-sanitizers.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD_DIR:-$root/build-sanitize}
jobs=${JOBS:-$(nproc)}

# clang links sanitizer runtimes into programs only, so its shared library
# cannot link with -Wl,--no-undefined: build the static library alone then.
extra=()
if "${CC:-cc}" --version 2>/dev/null | grep -q clang; then
    extra+=(-DDGS_BUILD_SHARED=OFF)
fi
cmake -S "$root" -B "$build" -DCMAKE_C_COMPILER="${CC:-cc}" -DCMAKE_BUILD_TYPE=Debug \
      -DDGS_SANITIZE=ON "${extra[@]}" -DDGS_FUZZ=ON -DDGS_INSTALL=OFF >/dev/null
cmake --build "$build" -j "$jobs"

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:strict_string_checks=1:detect_stack_use_after_return=1:check_initialization_order=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
cd "$build"
ctest --output-on-failure --timeout 600 -j "$jobs"
