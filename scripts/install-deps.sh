#!/usr/bin/env bash
# SPDX-License-Identifier: MulanPSL-2.0
# Installs what building and testing libdgsubsidy needs on a Debian machine:
# the C toolchain and libraries and a CJK font for the figures' Chinese labels
# (apt), the Python test packages (pip).
# Java (JDK 17, Maven) is expected on the machine; Maven fetches its plugins
# and JUnit from Maven Central.  Safe to run again: it skips what is there.
set -euo pipefail

APT_PACKAGES=(build-essential cmake pkg-config swig libcmocka-dev libjansson-dev
              valgrind abigail-tools clang libclang-rt-14-dev dpkg-dev
              debhelper lintian fakeroot file fonts-wqy-microhei
              gcc-aarch64-linux-gnu libc6-dev-arm64-cross qemu-user
              gcc-mingw-w64-x86-64 binutils-mingw-w64-x86-64 wine wine64)

missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# The self-contained builds (Python wheel, JNI library) compile jansson from source.
bash "$(dirname "$0")/fetch-jansson.sh" >/dev/null

if [ "${DGS_SKIP_PIP:-0}" != 1 ]; then
  python3 -m pip install -q --disable-pip-version-check -r "$(dirname "$0")/requirements-test.txt"
fi
