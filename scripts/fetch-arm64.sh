#!/usr/bin/env bash
# SPDX-License-Identifier: MulanPSL-2.0
# Unpacks Debian arm64 packages into a directory, without root and without
# touching the machine: apt runs with its lists, cache and source list under
# STATE (the machine's own Debian sources, arm64 as the only architecture), the
# packages are downloaded (not installed) and unpacked with dpkg-deb -x.  No
# dpkg --add-architecture, nothing in /etc or /var written.  Used for the
# ARM64 Python headers of the cross-built wheel and for the ARM64 runtimes
# (Python, a JRE) that run the ARM64 packages under qemu-user.
#
#   scripts/fetch-arm64.sh STATE DEST PACKAGE...    # e.g. build-x/apt build-x/root libc6 zlib1g
# The lists in STATE are kept and reused by later calls with the same STATE.
set -euo pipefail
[ $# -ge 3 ] || { echo "usage: fetch-arm64.sh STATE DEST PACKAGE..." >&2; exit 2; }
state=$1 dest=$2
shift 2
fail() {
    echo "fetch-arm64: $*" >&2
    exit 1
}
command -v apt-get >/dev/null && command -v dpkg-deb >/dev/null ||
    fail "needs apt-get and dpkg-deb (a Debian-family system)"
mkdir -p "$state/sources.list.d" "$state/lists/partial" "$state/cache/archives/partial"
state=$(cd "$state" && pwd)
opts=(-o "Dir::Etc::SourceList=/dev/null" -o "Dir::Etc::SourceParts=$state/sources.list.d"
      -o "Dir::State::Lists=$state/lists" -o "Dir::State::status=/dev/null" -o "Dir::Cache=$state/cache"
      -o "Debug::NoLocking=1" -o "APT::Sandbox::User=$(id -un)"
      -o "APT::Architecture=arm64" -o "APT::Architectures::=arm64")
if ! ls "$state"/lists/*_Packages* >/dev/null 2>&1; then
    found=0
    for f in /etc/apt/sources.list.d/*.sources; do
        [ -f "$f" ] || continue
        grep -qE '^Types:(.* )?deb( |$)' "$f" || continue
        sed 's/^Types:.*/Types: deb/' "$f" >"$state/sources.list.d/$(basename "$f")"
        found=1
    done
    if [ -f /etc/apt/sources.list ] && grep -q '^deb ' /etc/apt/sources.list; then
        grep '^deb ' /etc/apt/sources.list >"$state/sources.list.d/main.list"
        found=1
    fi
    [ $found = 1 ] || fail "no Debian package sources in /etc/apt"
    apt-get -qq "${opts[@]}" update >/dev/null || fail "apt-get update (the arm64 package lists) failed"
fi
download=$state/download
rm -rf "$download" && mkdir -p "$download" "$dest"
(cd "$download" && apt-get -qq "${opts[@]}" download "${@/%/:arm64}" >/dev/null 2>&1) ||
    fail "Debian has no arm64 package of one of: $*"
for deb in "$download"/*.deb; do
    dpkg-deb -x "$deb" "$dest"
done
rm -rf "$download"
