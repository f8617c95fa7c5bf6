#!/usr/bin/env bash
# SPDX-License-Identifier: MulanPSL-2.0
# Cross-builds the JNI libraries of the platforms other than the building
# machine's, for the jar.  Run by the Maven build (bindings/java/pom.xml) after
# the host's library is built; each platform gets its own CMake build directory
# (kept under target/, so a second `mvn verify` rebuilds nothing) and writes
# native/<platform>/ under the jar's native resources:
#
#   linux-aarch64   libdgsubsidy_jni.so   cmake/toolchain-aarch64-linux-gnu.cmake
#                                         (gcc-aarch64-linux-gnu, libc6-dev-arm64-cross)
#   windows-x86_64  dgsubsidy_jni.dll     cmake/toolchain-x86_64-w64-mingw32.cmake
#                                         (gcc-mingw-w64-x86-64)
#
# NATIVES is "all" (linux-x86_64, linux-aarch64, windows-x86_64), "host" (only the
# building machine's) or a comma-separated list of platforms.  A platform whose
# cross compiler is missing fails the build with one line naming the Debian package.
# Directories of platforms not asked for are removed from the resources and from
# the classes directory they are copied to, so a jar never carries a library left
# over from an earlier build.  Each library's exports
# are checked: JNI entry points only.  Then each runs on its platform without a JVM
# (jni_smoke.c: loaded, JNI_OnLoad, the version, evaluations, an error) under
# qemu-user or wine; where the emulator is missing this is skipped with a warning,
# except in CI (CI=true), where it fails.
#
#   build-cross.sh ROOT JAVA_HOME HOST_PLATFORM NATIVES NATIVE_OUT CLASSES_DIR BUILD_DIR BUILD_TYPE JOBS VERSION
set -euo pipefail
[ $# -eq 10 ] || { echo "usage: $0 ROOT JAVA_HOME HOST_PLATFORM NATIVES NATIVE_OUT CLASSES_DIR BUILD_DIR BUILD_TYPE JOBS VERSION" >&2; exit 2; }
root=$1 java_home=$2 host=$3 natives=$4 out=$5 classes=$6 build=$7 build_type=$8 jobs=$9 version=${10}
here=$(cd "$(dirname "$0")" && pwd)

case "$natives" in
    all) wanted=(linux-x86_64 linux-aarch64 windows-x86_64) ;;
    host|"") wanted=("$host") ;;
    *) IFS=', ' read -r -a wanted <<<"$natives" ;;
esac

fail() {
    echo "[ERROR] JNI libraries: $*" >&2
    exit 1
}

# What each platform needs: its toolchain file, a compiler and a header of its C library,
# and the Debian packages that provide them.
requirements() {
    case "$1" in
    linux-aarch64)
        toolchain=$root/cmake/toolchain-aarch64-linux-gnu.cmake
        compiler=aarch64-linux-gnu-gcc package=gcc-aarch64-linux-gnu
        libc_header=/usr/aarch64-linux-gnu/include/stdio.h libc_package=libc6-dev-arm64-cross
        emulator=qemu-aarch64 emulator_package=qemu-user
        ;;
    windows-x86_64)
        toolchain=$root/cmake/toolchain-x86_64-w64-mingw32.cmake
        compiler=x86_64-w64-mingw32-gcc package=gcc-mingw-w64-x86-64
        libc_header=/usr/x86_64-w64-mingw32/include/stdio.h libc_package=mingw-w64-x86-64-dev
        emulator=wine emulator_package="wine wine64"
        ;;
    *)
        fail "cannot cross-build for $1 from $host (cross builds: linux-aarch64, windows-x86_64); build with -Ddgs.natives=host"
        ;;
    esac
}

# The symbols a library exports, one a line.
exports_of() {
    case "$1" in
    *.dll)
        objdump -p "$1" | sed -n '/^\[Ordinal\/Name Pointer\] Table/,/^$/p' |
            sed -n 's/^[[:space:]]*\[ *[0-9]*\] //p'
        ;;
    *)
        readelf --dyn-syms -W "$1" |
            awk '($5 == "GLOBAL" || $5 == "WEAK") && $7 != "UND" { sub(/@.*/, "", $8); print $8 }'
        ;;
    esac
}

for platform in "${wanted[@]}"; do
    case "$platform" in
    linux-x86_64|linux-aarch64|windows-x86_64) ;;
    *) fail "unknown platform '$platform' in -Ddgs.natives (all, host, or a list of linux-x86_64, linux-aarch64, windows-x86_64)" ;;
    esac
    [ "$platform" = "$host" ] && continue
    requirements "$platform"
    command -v "$compiler" >/dev/null ||
        fail "$platform needs $compiler: apt-get install $package (or build this machine's only: -Ddgs.natives=host)"
    [ -f "$libc_header" ] ||
        fail "$platform needs its C library's headers ($libc_header): apt-get install $libc_package (or build this machine's only: -Ddgs.natives=host)"
done

# Only the libraries asked for go into the jar.
for dir in "$out"/native/*/ "$classes"/native/*/; do
    [ -d "$dir" ] || continue
    name=$(basename "$dir")
    keep=no
    for platform in "${wanted[@]}"; do [ "$platform" = "$name" ] && keep=yes; done
    [ "$name" = "$host" ] && keep=yes
    [ $keep = yes ] || rm -rf "$dir"
done

for platform in "${wanted[@]}"; do
    [ "$platform" = "$host" ] && continue
    requirements "$platform"
    dir=$build/cmake-$platform
    started=$SECONDS
    mkdir -p "$build"
    # The Java classes SWIG writes are the host build's (the same SWIG run on the same
    # interface): this build's copy stays in its own directory.
    cmake -S "$here" -B "$dir" -DCMAKE_TOOLCHAIN_FILE="$toolchain" -DCMAKE_BUILD_TYPE="$build_type" \
          -DDGS_ROOT="$root" -DDGS_JAVA_HOME="$java_home" -DDGS_SWIG_JAVA_OUT="$dir/swig-java" \
          -DDGS_JNI_OUT="$out/native/$platform" -DDGS_JAR_VERSION="$version" >"$dir.log" 2>&1 ||
        { cat "$dir.log" >&2; fail "$platform: CMake could not configure the cross build (log above)"; }
    cmake --build "$dir" --parallel "$jobs" >>"$dir.log" 2>&1 ||
        { tail -40 "$dir.log" >&2; fail "$platform: the cross build failed (log: $dir.log)"; }
    case "$platform" in
        windows-*) lib=$out/native/$platform/dgsubsidy_jni.dll ;;
        *) lib=$out/native/$platform/libdgsubsidy_jni.so ;;
    esac
    [ -f "$lib" ] || fail "$platform: the build made no $lib"
    count=0
    while read -r symbol; do
        case "$symbol" in
            Java_org_dgsubsidy_*) count=$((count + 1)) ;;
            JNI_OnLoad|JNI_OnUnload) ;;
            *) fail "$platform: $(basename "$lib") exports $symbol, which is not a JNI entry point" ;;
        esac
    done < <(exports_of "$lib")
    [ $count -gt 0 ] || fail "$platform: $(basename "$lib") exports no JNI function"
    echo "[INFO] JNI library for $platform: $(basename "$lib"), $count JNI functions exported, built in $((SECONDS - started)) s"

    started=$SECONDS
    if ! command -v "$emulator" >/dev/null; then
        [ "${CI:-}" != true ] ||
            fail "$platform: cannot run the library on its platform: apt-get install $emulator_package"
        echo "[WARNING] JNI library for $platform: not run on its platform (no $emulator: apt-get install $emulator_package)"
        continue
    fi
    if [ "$emulator" = wine ]; then
        # A Windows prefix of the build's own, made on first use (about 15 s).
        export WINEPREFIX=$build/wineprefix WINEDEBUG=-all
    fi
    ctest --test-dir "$dir" --output-on-failure --timeout 300 >"$dir-smoke.log" 2>&1 ||
        { cat "$dir-smoke.log" >&2; fail "$platform: the library failed on its platform under $emulator (log above)"; }
    echo "[INFO] JNI library for $platform: loaded and called under $emulator (jni_smoke): ok, $((SECONDS - started)) s"
done
