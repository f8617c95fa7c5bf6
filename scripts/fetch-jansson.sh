#!/usr/bin/env bash
# SPDX-License-Identifier: MulanPSL-2.0
# Puts the source of jansson (the JSON library libdgsubsidy uses) into
# third_party/jansson, so that builds which must be self-contained (the Python
# wheel, the JNI library in the jar) compile it as position-independent code
# and link it statically.  System builds of the C library use the installed
# libjansson-dev (pkg-config jansson) instead and do not need this.
#
# It writes nothing outside the repository (no root, no change to /etc).  In
# this order, the first that works:
#
#   1. third_party/jansson already holds the source: nothing to do;
#   2. DGS_JANSSON_SOURCE names an unpacked jansson release (a directory with
#      its CMakeLists.txt) or its tarball (.tar.gz, .tar.bz2, .tar.xz): it is
#      copied or unpacked there;
#   3. `apt-get source jansson` with apt's state, cache and source list inside
#      third_party/.apt (the deb-src lines are made from the system's deb lines
#      and its keyrings), as any user.
#
# When none works it prints one line saying what to do and exits 1.
# Usage: bash scripts/fetch-jansson.sh        (DGS_JANSSON_DEST overrides the destination)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
dest="${DGS_JANSSON_DEST:-$root/third_party/jansson}"
[ -f "$dest/CMakeLists.txt" ] && exit 0

fail() {
  echo "fetch-jansson: $* — set DGS_JANSSON_SOURCE to an unpacked jansson release or its .tar.gz (https://github.com/akheron/jansson/releases), or install deb-src access for apt" >&2
  exit 1
}

unpack() {  # unpack TARBALL into $dest (the release's top directory stripped)
  local tmp="$dest.partial"
  rm -rf "$tmp"
  mkdir -p "$tmp"
  tar -xf "$1" -C "$tmp" --strip-components=1 2>/dev/null || { rm -rf "$tmp"; fail "cannot unpack $1"; }
  [ -f "$tmp/CMakeLists.txt" ] || { rm -rf "$tmp"; fail "$1 is not a jansson source release (no CMakeLists.txt)"; }
  rm -rf "$dest"
  mv "$tmp" "$dest"
}

# 2. A release given by path.
if [ -n "${DGS_JANSSON_SOURCE:-}" ]; then
  src=$DGS_JANSSON_SOURCE
  if [ -d "$src" ]; then
    [ -f "$src/CMakeLists.txt" ] || fail "DGS_JANSSON_SOURCE=$src has no CMakeLists.txt (not a jansson source release)"
    mkdir -p "$(dirname "$dest")"
    rm -rf "$dest.partial"
    cp -R "$src" "$dest.partial"
    rm -rf "$dest"
    mv "$dest.partial" "$dest"
  elif [ -f "$src" ]; then
    mkdir -p "$(dirname "$dest")"
    unpack "$src"
  else
    fail "DGS_JANSSON_SOURCE=$src does not exist"
  fi
  echo "jansson source in $dest (from $src)"
  exit 0
fi

# 3. apt-get source, with every file apt writes inside the repository.
command -v apt-get >/dev/null 2>&1 || fail "no apt-get on this system"
apt_dir="$root/third_party/.apt"
mkdir -p "$apt_dir/state/lists/partial" "$apt_dir/cache/archives/partial" "$apt_dir/parts" "$apt_dir/work"
list="$apt_dir/sources.list"
: > "$list"
# deb-src lines from the system's sources (deb822 .sources files and one-line .list files), read only.
for f in /etc/apt/sources.list.d/*.sources; do
  [ -f "$f" ] || continue
  awk -v out="$list" '
    function flush() {
      if (uris != "" && suites != "" && index(types, "deb") > 0) {
        n = split(uris, u, " "); m = split(suites, s, " ")
        for (i = 1; i <= n; i++) for (j = 1; j <= m; j++)
          printf "deb-src %s%s %s %s\n", (signed != "" ? "[signed-by=" signed "] " : ""), u[i], s[j], comps >> out
      }
      types = uris = suites = comps = signed = ""
    }
    /^[ \t]*$/ { flush(); next }
    /^#/ { next }
    /^Types:/ { sub(/^Types:[ \t]*/, ""); types = $0 }
    /^URIs:/ { sub(/^URIs:[ \t]*/, ""); uris = $0 }
    /^Suites:/ { sub(/^Suites:[ \t]*/, ""); suites = $0 }
    /^Components:/ { sub(/^Components:[ \t]*/, ""); comps = $0 }
    /^Signed-By:/ { sub(/^Signed-By:[ \t]*/, ""); signed = $0 }
    END { flush() }' "$f"
done
for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
  [ -f "$f" ] || continue
  sed -n 's/^[ \t]*deb\(-src\)\?[ \t]\+/deb-src /p' "$f" >> "$list"
done
sort -u -o "$list" "$list"
[ -s "$list" ] || fail "no apt sources found in /etc/apt to make deb-src lines from"

apt_opts=(-o "Dir::State=$apt_dir/state" -o "Dir::Cache=$apt_dir/cache"
          -o "Dir::Etc::SourceList=$list" -o "Dir::Etc::SourceParts=$apt_dir/parts"
          -o "Debug::NoLocking=1" -o "APT::Sandbox::User=$(id -un)" -q)
if ! out=$(apt-get "${apt_opts[@]}" update 2>&1); then
  fail "apt-get update (user-level, in $apt_dir) failed: $(printf '%s' "$out" | grep -E '^(E|W):' | head -n1)"
fi
rm -f "$apt_dir"/work/jansson_*
if ! out=$(cd "$apt_dir/work" && apt-get "${apt_opts[@]}" source --download-only jansson 2>&1); then
  fail "apt-get source jansson failed: $(printf '%s' "$out" | grep -E '^(E|W):' | head -n1)"
fi
tarball=$(ls "$apt_dir"/work/jansson_*.orig.tar.* 2>/dev/null | head -n1)
[ -n "$tarball" ] || fail "apt-get source jansson downloaded no .orig tarball"
mkdir -p "$(dirname "$dest")"
unpack "$tarball"
rm -rf "$apt_dir"  # apt's lists and caches (about 20 MB) are not needed any more
echo "jansson source in $dest (from $(basename "$tarball"))"
