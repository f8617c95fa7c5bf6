#!/usr/bin/env bash
# SPDX-License-Identifier: MulanPSL-2.0
# Runs every benchmark of libdgsubsidy and prints its tables (see bench/README.md).
#
#   bash bench/run.sh [--quick] [--no-python] [--no-openfisca] [--no-java]
#
# Builds in build-bench/ (or $BENCH_BUILD_DIR): the C library and the C
# benchmarks (Release, -O2), a Python venv with the binding, numpy,
# openfisca-core and matplotlib, and the Java benchmark against the Java
# binding (installed with Maven from bindings/java).  Prints the tables and
# writes them with the raw figures (results.csv) and a chart (rows_per_second.png)
# to build-bench/results/.  Nothing here is a test: ctest never runs it.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD=${BENCH_BUILD_DIR:-$ROOT/build-bench}
OUT=$BUILD/results
QUICK=0 PYTHON=1 OPENFISCA=1 JAVA=1
for arg in "$@"; do
  case $arg in
    --quick) QUICK=1 ;;
    --no-python) PYTHON=0; OPENFISCA=0 ;;
    --no-openfisca) OPENFISCA=0 ;;
    --no-java) JAVA=0 ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) echo "bench/run.sh: unknown option $arg" >&2; exit 2 ;;
  esac
done

# Sizes: the figures of docs/performance.md use the defaults; --quick checks the
# whole chain in a minute or two with small sizes (its figures are not comparable).
if [ $QUICK = 1 ]; then
  ROWS=100000 REPS=2 CALLS=20000 EQ_ROWS=2000 PY_ROWS=100000 JAVA_CALLS=20000 BUILDS=100 CLAIMS=10000 CHANGES=100000
else
  ROWS=10000000 REPS=7 CALLS=1000000 EQ_ROWS=20000 PY_ROWS=1000000 JAVA_CALLS=200000 BUILDS=2000 CLAIMS=1000000 CHANGES=1000000
fi

mkdir -p "$OUT"
export BENCH_CSV=$OUT/results.csv
: > "$BENCH_CSV"
REPORT=$OUT/report.md
{
  echo "# libdgsubsidy benchmarks"
  echo
  echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "- commit: $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)$(git -C "$ROOT" diff --quiet HEAD -- lib include 2>/dev/null || echo ' (lib/ or include/ modified)')"
  echo "- machine: $(lscpu | sed -n 's/^Model name: *//p'), $(nproc) cores, $(free -g | awk '/^Mem:/ {print $2}') GiB"
  echo "- compiler: $(cc --version | head -1)"
  echo "- load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo
} > "$REPORT"
run() {   # run a benchmark, show its output and keep it in the report
  "$@" | tee -a "$REPORT"
  echo | tee -a "$REPORT"
}

echo "== building the C library and benchmarks (Release, -O2) in $BUILD"
cmake -S "$ROOT/bench" -B "$BUILD" -DCMAKE_BUILD_TYPE=Release > "$BUILD/cmake.log"
cmake --build "$BUILD" -j"$(nproc)" > "$BUILD/build.log"

echo "== checking that the fast paths compute what the plain ones compute"
run "$BUILD/bench_equivalence" "$EQ_ROWS"

echo "== C"
run "$BUILD/bench_batch" "$ROWS" "$REPS"
run "$BUILD/bench_scalar" "$CALLS" "$REPS"
run "$BUILD/bench_build" "$BUILDS"
run "$BUILD/bench_guideline" "$CHANGES" 3
run "$BUILD/bench_stack" "$CLAIMS" 5
run "$BUILD/bench_population" 200000 1 5 5

VENV=$BUILD/venv
if [ $PYTHON = 1 ] || [ $OPENFISCA = 1 ]; then
  echo "== Python: a venv in $VENV with the binding (built in $BUILD/python-binding)"
  [ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"
  "$VENV/bin/pip" install -q --disable-pip-version-check numpy matplotlib "openfisca-core>=43" \
    > "$BUILD/pip.log" 2>&1 || { cat "$BUILD/pip.log"; exit 1; }
  "$VENV/bin/pip" install -q --disable-pip-version-check \
    --config-settings=build-dir="$BUILD/python-binding" "$ROOT/bindings/python" \
    >> "$BUILD/pip.log" 2>&1 || { cat "$BUILD/pip.log"; exit 1; }
fi
if [ $PYTHON = 1 ]; then
  run "$VENV/bin/python" "$ROOT/bench/python/bench_python.py" "$PY_ROWS" "$REPS"
fi
if [ $OPENFISCA = 1 ]; then
  run "$VENV/bin/python" "$ROOT/bench/openfisca/bench_openfisca.py" "$PY_ROWS" "$REPS"
fi

if [ $JAVA = 1 ]; then
  echo "== Java: the binding installed with Maven (mvn -f bindings/java/pom.xml install -DskipTests)"
  mvn -q -f "$ROOT/bindings/java/pom.xml" install -DskipTests > "$BUILD/mvn.log" 2>&1 || { cat "$BUILD/mvn.log"; exit 1; }
  VERSION=$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' "$ROOT/bindings/java/pom.xml" | head -1)
  JAR=${MAVEN_REPO_LOCAL:-$HOME/.m2/repository}/org/dgsubsidy/dgsubsidy/$VERSION/dgsubsidy-$VERSION.jar
  mkdir -p "$BUILD/java"
  javac -cp "$JAR" -d "$BUILD/java" "$ROOT/bench/java/ScalarBench.java"
  run java -Ddgsubsidy.extract.dir="$BUILD/java" -cp "$BUILD/java:$JAR" ScalarBench "$JAVA_CALLS" "$REPS"
fi

if [ -x "$VENV/bin/python" ] && "$VENV/bin/python" -c 'import matplotlib' 2>/dev/null; then
  "$VENV/bin/python" "$ROOT/bench/chart.py" "$BENCH_CSV" "$OUT/rows_per_second.png"
fi
echo "== done: $REPORT, $BENCH_CSV$( [ -f "$OUT/rows_per_second.png" ] && echo ", $OUT/rows_per_second.png")"
