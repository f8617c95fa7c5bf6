#!/usr/bin/env bash
# SPDX-License-Identifier: MulanPSL-2.0
# Builds the Python source distribution dgsubsidy-VERSION.tar.gz, which builds
# from itself alone: the Python project (bindings/python) with, in
# libdgsubsidy/ beside it, what its CMake build reads from the repository —
# the C library's CMake files, headers, sources and generator inputs (data/,
# tools/gen), the shared SWIG interface, jansson's source (third_party/jansson,
# fetched without root by scripts/fetch-jansson.sh when missing), LICENSE and
# THIRD_PARTY_NOTICES.
#
# Usage: bash scripts/build-sdist.sh [OUTPUT_DIR (default dist/)]
# Needs python3 with scikit-build-core (scripts/requirements-test.txt).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=$(mkdir -p "${1:-$root/dist}" && cd "${1:-$root/dist}" && pwd)
stage="$root/build/sdist/dgsubsidy"
cd "$root"

[ -f third_party/jansson/CMakeLists.txt ] || bash scripts/fetch-jansson.sh >/dev/null

# What the Python build needs from the repository, relative to its root.
parts=(CMakeLists.txt cmake include lib data tools bindings/common scripts/fetch-jansson.sh
       LICENSE THIRD_PARTY_NOTICES README.md CHANGELOG.md)

# Lists the files of PATHS: tracked and new (not ignored) files in a git checkout, else every file.
list_files() {
  if git -C "$root" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    git -C "$root" ls-files --cached --others --exclude-standard -- "$@" |
      while IFS= read -r f; do [ -f "$root/$f" ] && printf '%s\n' "$f"; done
  else
    for p in "$@"; do [ -e "$root/$p" ] && (cd "$root" && find "$p" -type f -not -path '*/build*/*'); done
  fi
}

rm -rf "$stage"
mkdir -p "$stage/libdgsubsidy"
# The Python project at the top of the sdist (its build directory and caches left out).
list_files bindings/python | sed 's|^bindings/python/||' | grep -v -E '^build/|__pycache__/' |
  (cd bindings/python && tar -cf - -T -) | tar -xf - -C "$stage"
# The C library and the shared SWIG interface, in libdgsubsidy/.
list_files "${parts[@]}" | tar -cf - -T - | tar -xf - -C "$stage/libdgsubsidy"
# jansson's source (git-ignored, so not listed by git).
mkdir -p "$stage/libdgsubsidy/third_party"
cp -R third_party/jansson "$stage/libdgsubsidy/third_party/jansson"
rm -rf "$stage/libdgsubsidy/third_party/jansson/.git"
# The licence and the notices also at the top, where packaging tools look for them.
for f in LICENSE THIRD_PARTY_NOTICES; do
  if [ -f "$f" ]; then cp "$f" "$stage/$f"; else echo "build-sdist: $f is missing at the repository root" >&2; exit 1; fi
done

sdist=$(cd "$stage" && python3 -c '
import sys
from scikit_build_core.build import build_sdist
print(build_sdist(sys.argv[1]))' "$out" | tail -n1)
echo "$out/$sdist"
