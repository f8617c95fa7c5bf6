#!/usr/bin/env bash
# SPDX-License-Identifier: MulanPSL-2.0
# Builds the libFuzzer harnesses (clang, ASan + UBSan) and runs each for a
# bounded time, starting from the seed corpus in tests/fuzz/corpus/.
#
#   scripts/fuzz.sh                 # 30 s per harness (what CI runs)
#   scripts/fuzz.sh 600 cli batch   # 10 min each for two harnesses
#   FUZZ_RUNS=10000000 FUZZ_JOBS=2 scripts/fuzz.sh 0   # long local runs, 2 at a time
#   FUZZ_ASAN=0 ...                                     # UBSan only: faster long runs
#
# guideline-large runs the guideline harness with inputs up to
# $FUZZ_LARGE_MAX_LEN bytes (1 MB), from a generated seed of thousands of
# changes, so the paths that only large guidelines take (growing buffers,
# sorting and sweeping many versions of one parameter) are fuzzed too;
# stack-large runs the stacking harness likewise, inputs of up to some
# 350,000 claims.  population checks dgs_evaluate_population() against
# dgs_evaluate() and dgs_stack_claims() of each applicant's claims.
#
# The corpus a run grows and any crash, leak or timeout input go to
# $FUZZ_WORK (build-fuzz/work/<harness>/), never into the repository: a
# crash is minimised by hand, fixed, and its input committed under
# tests/fuzz/regressions/<harness>/, which ctest replays.
# Exit status: 0 when no harness found anything.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD_DIR:-$root/build-fuzz}
work=${FUZZ_WORK:-$build/work}
secs=${1:-30}
shift || true
harnesses=("$@")
[ ${#harnesses[@]} -gt 0 ] || harnesses=(guideline guideline-large case cli batch stack-large population)
jobs=${FUZZ_JOBS:-1}

# ASan + UBSan by default; FUZZ_ASAN=0 builds with UBSan alone, about twice
# as fast, for long runs whose corpus is then replayed under ASan and valgrind
# (ctest's fuzz_replay_* in check-sanitizers.sh and check-valgrind.sh).
if [ "${FUZZ_ASAN:-1}" = 1 ]; then
    san=(-DDGS_SANITIZE=ON -DCMAKE_C_FLAGS=)
else
    san=(-DDGS_SANITIZE=OFF "-DCMAKE_C_FLAGS=-fsanitize=undefined -fsanitize-recover=undefined -fno-omit-frame-pointer")
fi
cmake -S "$root" -B "$build" -DCMAKE_C_COMPILER="${FUZZ_CC:-clang}" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
      -DDGS_FUZZ=ON "${san[@]}" -DDGS_BUILD_TESTS=OFF -DDGS_BUILD_TOOLS=OFF \
      -DDGS_BUILD_SHARED=OFF -DDGS_INSTALL=OFF >/dev/null
cmake --build "$build" -j "$(nproc)" --target $(printf 'fuzz_%s\n' "${harnesses[@]%-large}" | sort -u)

# Open findings reported and awaiting a fix in lib/ (tests/fuzz/ubsan-open.supp)
# are passed over; any other undefined behaviour stops the run.
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1:suppressions=$root/tests/fuzz/ubsan-open.supp"
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:strict_string_checks=1}

# A guideline of many changes, one day each, over several parameters.
large_seed() {
    awk 'BEGIN { printf "{\"name\": \"large\", \"changes\": ["
                 split("A1.07.a cap_per_year 1000000|A4.09.e cap 20000|A1.10.a cap_per_year 2000000", p, "|")
                 for (i = 0; i < 6000; i++) {
                     split(p[i % 3 + 1], f, " "); d = 1 + int(i / 3); y = 2024 + int(d / 336); m = 1 + int(d % 336 / 28); dd = 1 + d % 28
                     printf "%s\n {\"measure\": \"%s\", \"parameter\": \"%s\", \"value\": \"%d\", \"from\": \"%04d-%02d-%02d\", \"until\": \"%04d-%02d-%02d\", \"reference\": \"第%d条\"}", \
                            i ? "," : "", f[1], f[2], f[3] - i % 100, y, m, dd, y, m, dd, i }
                 print "\n]}" }'
}

run() {
    local h=$1 dir=$work/$1 bin=${1%-large} max_len=4096
    mkdir -p "$dir/corpus"
    if [ "$h" != "$bin" ]; then
        max_len=${FUZZ_LARGE_MAX_LEN:-1048576}
        [ "$bin" != guideline ] || [ -f "$dir/corpus/large-seed.json" ] || large_seed >"$dir/corpus/large-seed.json"
    fi
    local args=(-timeout=30 -rss_limit_mb=2048 -max_len="$max_len" -print_final_stats=1
                -artifact_prefix="$dir/")
    [ "$secs" -gt 0 ] && args+=(-max_total_time="$secs")
    [ -n "${FUZZ_RUNS:-}" ] && args+=(-runs="$FUZZ_RUNS")
    [ -f "$root/tests/fuzz/$bin.dict" ] && args+=(-dict="$root/tests/fuzz/$bin.dict")
    local status=0
    "$build/tests/fuzz/fuzz_$bin" "${args[@]}" "$dir/corpus" "$root/tests/fuzz/corpus/$bin" \
        >"$dir.log" 2>&1 || status=$?
    local execs rate cov
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$dir.log")
    rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$dir.log")
    cov=$(grep -o 'cov: [0-9]* ft: [0-9]*' "$dir.log" | tail -1)
    if [ "$status" -ne 0 ]; then
        echo "FAIL  fuzz_$h: exit $status after ${execs:-?} runs; see $dir.log and $dir/"
        grep -E 'ERROR|runtime error|invariant failed|SUMMARY' "$dir.log" | head -5
        return 1
    fi
    echo "ok    fuzz_$h: ${execs:-?} runs, ${rate:-?} exec/s, $cov"
}

failed=0
running=0
for h in "${harnesses[@]}"; do
    if [ "$running" -ge "$jobs" ]; then
        wait -n || failed=$((failed + 1))
        running=$((running - 1))
    fi
    run "$h" &
    running=$((running + 1))
done
while [ "$running" -gt 0 ]; do
    wait -n || failed=$((failed + 1))
    running=$((running - 1))
done
echo "fuzz: $((${#harnesses[@]} - failed)) passed, $failed failed"
[ "$failed" -eq 0 ]
