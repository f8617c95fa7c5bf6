#!/usr/bin/env bash
# Fetches the source of jansson (the JSON library libdgsubsidy uses) from the
# distribution's source packages into third_party/jansson, so that builds which
# must be self-contained (the Python wheel, the JNI library in the jar) can
# compile it as position-independent code and link it statically.
# System builds use the installed libjansson-dev instead.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
dest="$root/third_party/jansson"
[ -f "$dest/CMakeLists.txt" ] && exit 0
if ! ls /etc/apt/sources.list.d/*-src.sources >/dev/null 2>&1; then
  for f in /etc/apt/sources.list.d/debian.sources; do
    [ -f "$f" ] || continue
    sed 's/^Types: deb$/Types: deb-src/' "$f" > /etc/apt/sources.list.d/debian-src.sources
  done
  apt-get update -qq
fi
work=$(mktemp -d)
(cd "$work" && apt-get source -qq --download-only jansson >/dev/null)
tarball=$(ls "$work"/jansson_*.orig.tar.* | head -n1)
mkdir -p "$dest"
tar -xf "$tarball" -C "$dest" --strip-components=1
rm -rf "$work"
echo "jansson source in $dest"
