#!/usr/bin/env bash
# SPDX-License-Identifier: MulanPSL-2.0
# Writes the ABI description of libdgsubsidy.so.1 that check.sh compares
# against: tests/abi/libdgsubsidy.so.1.abi.  Run it at a release tag (and
# commit the file with the tag); never to make check.sh pass.
#
#   tests/abi/update-baseline.sh          # builds in build-abi/
#   BUILD_DIR=/tmp/abi tests/abi/update-baseline.sh
set -euo pipefail
. "$(dirname "$0")/abi-common.sh"
lib=$(abi_build "${BUILD_DIR:-$abi_root/build-abi}")
abi_describe "$lib" "$abi_baseline"
echo "wrote $abi_baseline from $lib ($(grep -c '<elf-symbol ' "$abi_baseline") symbols)"
