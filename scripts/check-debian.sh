#!/usr/bin/env bash
# SPDX-License-Identifier: MulanPSL-2.0
# The Debian packages: builds libdgsubsidy1, libdgsubsidy-dev and dgsubsidy
# with dpkg-buildpackage (the cmocka tests run inside the build), checks them
# with lintian (no errors allowed), installs them with dpkg -i, builds and runs
# the C consumer against the installed packages with pkg-config and with
# CMake's find_package, then removes the packages again.
#
#   scripts/check-debian.sh          # needs root (dpkg -i) and debhelper, lintian
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
installed=0
cleanup() {
    if [ "$installed" = 1 ]; then
        dpkg -r dgsubsidy libdgsubsidy-dev libdgsubsidy1 >/dev/null 2>&1 || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT

# dpkg-buildpackage writes the packages beside the source tree: build a copy.
mkdir "$work/src"
tar -C "$root" --exclude='./build*' --exclude=./.git --exclude=./third_party \
    --exclude=./bindings/java/target --exclude='*/__pycache__' -cf - . | tar -C "$work/src" -xf -
(cd "$work/src" && dpkg-buildpackage -us -uc -b) >"$work/build.log" 2>&1 || {
    tail -40 "$work/build.log"
    echo "debian: dpkg-buildpackage failed"
    exit 1
}
grep -E 'tests passed|tests failed' "$work/build.log" | sed 's/^/debian: build-time ctest: /'
changes=$(ls "$work"/libdgsubsidy_*.changes)
lint=0
lintian --fail-on error "$changes" >"$work/lintian.txt" 2>&1 || lint=$?
grep -v 'running with root privileges' "$work/lintian.txt" | sed 's/^/debian: lintian: /' || true
if [ "$lint" -ne 0 ]; then
    echo "debian: lintian reports errors (exit $lint)"
    exit 1
fi
echo "debian: lintian: no errors ($(grep -c '^W:' "$work/lintian.txt" || true) warnings)"
debs=$(ls "$work"/libdgsubsidy1_*.deb "$work"/libdgsubsidy-dev_*.deb "$work"/dgsubsidy_*.deb)
for d in $debs; do
    echo "debian: built $(basename "$d"): $(dpkg-deb -c "$d" | awk '{print $6}' | grep -vc '/$') files"
done

installed=1
dpkg -i $debs >/dev/null
echo "debian: installed $(dpkg-query -W -f='${Package} ${Version}, ' libdgsubsidy1 libdgsubsidy-dev dgsubsidy)"

# The consumers see only what the packages installed: no build tree, no rpath.
cc -o "$work/consumer-pc" "$root/examples/c/consumer.c" $(pkg-config --cflags --libs dgsubsidy)
"$work/consumer-pc" >/dev/null
echo "debian: pkg-config consumer built and ran against dgsubsidy $(pkg-config --modversion dgsubsidy)"
cmake -S "$root/tests/consumer" -B "$work/cmake-build" -DCONSUMER_SOURCE="$root/examples/c/consumer.c" >/dev/null
cmake --build "$work/cmake-build" >/dev/null
"$work/cmake-build/consumer" >/dev/null
echo "debian: find_package consumer built and ran against $(ls /usr/lib/*/cmake/dgsubsidy/dgsubsidyConfig.cmake)"
out=$(dgsubsidy eval A4.02.1.a booth_area=36 build_cost=120000 --date 2025-05-01 --lang en)
grep -q '54,000.00\|54000.00' <<<"$out" || {
    echo "debian: the installed dgsubsidy gave an unexpected answer:"
    echo "$out"
    exit 1
}
echo "debian: installed dgsubsidy evaluates A4.02.1.a (36 m² booth, 120,000 yuan) to 54,000.00"
man -w dgsubsidy >/dev/null 2>&1 && echo "debian: man page dgsubsidy(1) installed" || true
man -w 3 libdgsubsidy >/dev/null && echo "debian: man page libdgsubsidy(3) installed"
echo "debian: all checks passed"
