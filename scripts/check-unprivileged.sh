#!/usr/bin/env bash
# SPDX-License-Identifier: MulanPSL-2.0
# CI: building needs no root and writes nothing outside the build tree.
#
# As an unprivileged user (DGS_BUILD_USER, default dgsbuild, created with
# useradd when missing; when this script is not run as root it runs as the
# current user), in a copy of the tree without third_party/:
#
#   1. scripts/fetch-jansson.sh obtains jansson's source (apt-get source with
#      apt's state inside the tree; nothing in /etc is touched);
#   2. the same with DGS_JANSSON_SOURCE naming a release tarball;
#   3. the Python wheel is built (pip wheel ./bindings/python, in a venv of the
#      user's own): it compiles jansson and the library into the extension;
#   4. the C library and the command-line tool are built against the system's
#      jansson (pkg-config jansson).
#
# It checks that /etc/apt is the same afterwards.  Needs network access for
# apt-get source and for pip (scikit-build-core, the build backend, from PyPI)
# unless DGS_JANSSON_SOURCE and a pip index/cache are provided.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
user=${DGS_BUILD_USER:-dgsbuild}
python=${DGS_UNPRIVILEGED_PYTHON:-/usr/bin/python3}

if [ "$(id -u)" -eq 0 ]; then
  if ! id "$user" >/dev/null 2>&1; then
    useradd --create-home --shell /bin/bash "$user"
    echo "check-unprivileged: created the user $user"
  fi
  as_user() { runuser -u "$user" -- env -i HOME="$(getent passwd "$user" | cut -d: -f6)" PATH=/usr/local/bin:/usr/bin:/bin \
                LANG=C.UTF-8 bash -c "$1"; }
else
  user=$(id -un)
  as_user() { bash -c "$1"; }
fi
[ "$(as_user 'id -u')" -ne 0 ] || { echo "check-unprivileged: the build user is root" >&2; exit 1; }

work=$(mktemp -d /tmp/dgs-unprivileged.XXXXXX)
trap 'rm -rf "$work"' EXIT
tree="$work/tree"
mkdir -p "$tree"
# The tree as a clone has it: tracked and new files, without third_party/ or build directories.
(cd "$root" && git ls-files --cached --others --exclude-standard | while IFS= read -r f; do [ -f "$f" ] && printf '%s\n' "$f"; done |
   tar -cf - -T -) | tar -xf - -C "$tree"
[ ! -e "$tree/third_party" ] || { echo "check-unprivileged: the copy has a third_party/ already" >&2; exit 1; }
chown -R "$user" "$work" 2>/dev/null || true
chmod 755 "$work"

etc_before=$(find /etc/apt -type f -exec sha256sum {} + 2>/dev/null | sort)

echo "== 1. fetch-jansson.sh as $user (apt-get source, user-level apt state)"
as_user "cd '$tree' && bash scripts/fetch-jansson.sh"
[ -f "$tree/third_party/jansson/CMakeLists.txt" ] || { echo "check-unprivileged: no jansson source after step 1" >&2; exit 1; }
[ ! -e "$tree/third_party/.apt" ] || { echo "check-unprivileged: apt's state was left in the tree" >&2; exit 1; }

echo "== 2. fetch-jansson.sh as $user from DGS_JANSSON_SOURCE (a release tarball)"
as_user "cd '$work' && tar -C '$tree/third_party' -czf jansson-release.tar.gz jansson &&
         DGS_JANSSON_SOURCE='$work/jansson-release.tar.gz' DGS_JANSSON_DEST='$work/from-tarball/jansson' \
           bash '$tree/scripts/fetch-jansson.sh' &&
         test -f '$work/from-tarball/jansson/src/load.c'"
# and a clear one-line failure when nothing works
if out=$(as_user "DGS_JANSSON_SOURCE=/nonexistent DGS_JANSSON_DEST='$work/none/jansson' bash '$tree/scripts/fetch-jansson.sh'" 2>&1); then
  echo "check-unprivileged: fetch-jansson.sh succeeded with a missing DGS_JANSSON_SOURCE" >&2; exit 1
fi
[ "$(printf '%s\n' "$out" | wc -l)" -eq 1 ] || { echo "check-unprivileged: the failure is not one line: $out" >&2; exit 1; }
echo "the failure, as one line: $out"

echo "== 3. the Python wheel as $user"
as_user "cd '$tree' && '$python' -m venv '$work/venv' && '$work/venv/bin/python' -m pip wheel -q --disable-pip-version-check \
           --no-deps -w '$work/wheels' ./bindings/python"
wheel=$(ls "$work"/wheels/dgsubsidy-*.whl)
echo "built $(basename "$wheel") as $user"

echo "== 4. the C library and the tool as $user (system jansson)"
as_user "cd '$tree' && cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DDGS_BUILD_TESTS=OFF >/dev/null &&
         cmake --build build -j2 >/dev/null && ./build/tools/dgsubsidy/dgsubsidy list >/dev/null"
echo "built libdgsubsidy and dgsubsidy as $user"

etc_after=$(find /etc/apt -type f -exec sha256sum {} + 2>/dev/null | sort)
[ "$etc_before" = "$etc_after" ] || { echo "check-unprivileged: /etc/apt changed during the build" >&2; exit 1; }
echo "check-unprivileged: ok (as $user; /etc/apt unchanged)"
