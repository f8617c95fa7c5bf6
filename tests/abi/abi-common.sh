# SPDX-License-Identifier: MulanPSL-2.0
# Shared by update-baseline.sh and check.sh: how the shared library is
# built for an ABI description, and how abidw describes it.  Sourced.
#
# The build: the shared library only, with debug info (abidw reads DWARF)
# whose file names are relative to the source tree, in its own directory,
# with the system compiler.  The description: only
# the exported interfaces and the types the public headers declare
# (--exported-interfaces-only, --headers-dir, --drop-private-types),
# with no file system paths, source locations or DT_NEEDED entries, and
# type ids derived from the types themselves, so that the file depends on
# the ABI and not on where or by whom it was built.
abi_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
abi_baseline=$abi_root/tests/abi/libdgsubsidy.so.1.abi

abi_build() {   # abi_build DIR -> prints the path of libdgsubsidy.so.1
    local dir=$1
    cmake -S "$abi_root" -B "$dir" -DCMAKE_C_COMPILER="${CC:-cc}" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
          -DCMAKE_C_FLAGS="-fdebug-prefix-map=$abi_root=. -fdebug-prefix-map=$dir=build" \
          -DDGS_BUILD_SHARED=ON -DDGS_BUILD_TESTS=OFF -DDGS_BUILD_TOOLS=OFF -DDGS_INSTALL=OFF \
          -DDGS_SANITIZE=OFF -DDGS_TSAN=OFF -DDGS_FUZZ=OFF >/dev/null
    cmake --build "$dir" --target dgsubsidy -j "$(nproc)" >/dev/null
    echo "$dir/libdgsubsidy.so.1"
}

abi_describe() {   # abi_describe LIB OUT
    abidw --no-corpus-path --no-comp-dir-path --no-show-locs --no-elf-needed --exported-interfaces-only \
          --type-id-style hash --headers-dir "$abi_root/include/dgsubsidy" --drop-private-types \
          --out-file "$2" "$1"
}
