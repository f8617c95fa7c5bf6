#!/usr/bin/env bash
# SPDX-License-Identifier: MulanPSL-2.0
# Unpacks the Debian source of a package into a directory, without root and
# without touching /etc: apt runs with its lists, cache and source list in a
# temporary directory, reading deb-src lines derived from the machine's own
# Debian sources.  Used for the libraries a cross build compiles itself
# (cmocka for the ARM64 and Windows test suites).
#
#   scripts/fetch-source.sh PACKAGE DEST     # e.g. cmocka third_party/cmocka
set -euo pipefail
pkg=${1:?usage: fetch-source.sh PACKAGE DEST}
dest=${2:?usage: fetch-source.sh PACKAGE DEST}
if [ -f "$dest/CMakeLists.txt" ]; then
    exit 0
fi
command -v apt-get >/dev/null || {
    echo "fetch-source: no apt-get on this machine: unpack the source of $pkg into $dest by hand" >&2
    exit 1
}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/sources.list.d" "$work/lists/partial" "$work/cache/archives/partial" "$work/download"
found=0
for f in /etc/apt/sources.list.d/*.sources; do
    [ -f "$f" ] || continue
    grep -qE '^Types:(.* )?deb( |$)' "$f" || continue   # binary sources only; their deb-src twins
    sed 's/^Types:.*/Types: deb-src/' "$f" >"$work/sources.list.d/$(basename "$f")"
    found=1
done
if [ -f /etc/apt/sources.list ]; then
    sed -n 's/^deb \(.*\)/deb-src \1/p' /etc/apt/sources.list >"$work/sources.list.d/main.list"
    [ -s "$work/sources.list.d/main.list" ] && found=1
fi
[ "$found" = 1 ] || {
    echo "fetch-source: no Debian sources configured in /etc/apt: cannot find the source of $pkg" >&2
    exit 1
}
apt_opts=(-o "Dir::Etc::SourceList=/dev/null" -o "Dir::Etc::SourceParts=$work/sources.list.d"
          -o "Dir::State::Lists=$work/lists" -o "Dir::Cache=$work/cache" -o "Debug::NoLocking=1"
          -o "APT::Sandbox::User=$(id -un)")
apt-get -qq "${apt_opts[@]}" update >/dev/null
(cd "$work/download" && apt-get -qq "${apt_opts[@]}" source --download-only "$pkg" >/dev/null)
tarball=$(ls "$work"/download/"${pkg}"_*.orig.tar.* | head -n1)
mkdir -p "$dest"
tar -xf "$tarball" -C "$dest" --strip-components=1
echo "fetch-source: $(basename "$tarball") unpacked in $dest"
