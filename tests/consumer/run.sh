#!/usr/bin/env bash
# SPDX-License-Identifier: MulanPSL-2.0
# Installs the built tree into a temporary prefix, then builds and runs a
# small C program against it twice: with pkg-config and with find_package.
set -euo pipefail
build=$1 src=$2
prefix=$(mktemp -d)
trap 'rm -rf "$prefix"' EXIT
cmake --install "$build" --prefix "$prefix" >/dev/null
libdir=$(dirname "$(find "$prefix" -name dgsubsidy.pc | head -n1)")/..
# Relocatable: move the prefix and use it from its new place.
moved="$prefix/moved"
mkdir "$moved" && mv "$prefix"/{include,lib*,bin,share} "$moved"/ 2>/dev/null || true
pc=$(dirname "$(find "$moved" -name dgsubsidy.pc | head -n1)")
export PKG_CONFIG_PATH="$pc"
cc -o "$prefix/consumer-pc" "$src/examples/c/consumer.c" $(pkg-config --cflags --libs dgsubsidy) \
   -Wl,-rpath,"$(pkg-config --variable=libdir dgsubsidy)"
"$prefix/consumer-pc" >/dev/null
echo "pkg-config consumer: ok ($(pkg-config --modversion dgsubsidy))"
cmake -S "$src/tests/consumer" -B "$prefix/cmake-build" -DCMAKE_PREFIX_PATH="$moved" \
      -DCONSUMER_SOURCE="$src/examples/c/consumer.c" >/dev/null
cmake --build "$prefix/cmake-build" >/dev/null
LD_LIBRARY_PATH="$(pkg-config --variable=libdir dgsubsidy)" "$prefix/cmake-build/consumer" >/dev/null
echo "find_package consumer: ok"
