#!/usr/bin/env bash
# SPDX-License-Identifier: MulanPSL-2.0
# Runs every test: the C library (cmocka under ctest), the Python binding
# (pytest) and the Java binding (Maven Surefire).  Assumes
# scripts/install-deps.sh has run (scripts/setup.sh runs it).
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc)

echo "== C: build and ctest"
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j"$jobs" >/dev/null
ctest --test-dir build --output-on-failure -j"$jobs"

if [ -f bindings/python/pyproject.toml ]; then
  echo "== Python: pip install ./bindings/python and pytest"
  python3 -m pip install -q --disable-pip-version-check ./bindings/python
  python3 -m pytest -q bindings/python/tests
fi

if [ -f bindings/java/pom.xml ]; then
  echo "== Java: mvn verify"
  mvn -B -f bindings/java/pom.xml verify
fi
