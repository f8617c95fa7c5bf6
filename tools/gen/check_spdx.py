#!/usr/bin/env python3
# SPDX-License-Identifier: MulanPSL-2.0
"""Every source file of the project names its licence in an SPDX line near its top.

Usage: check_spdx.py [ROOT]   (exit 1 listing the files without one)"""
import os
import pathlib
import sys

TAG = "SPDX-License-Identifier: MulanPSL-2.0"
DIRS = ["lib", "include", "tools", "tests", "bindings", "bench", "scripts", "cmake", "examples", ".ci"]
SUFFIXES = {".c", ".h", ".i", ".java", ".py", ".pyi", ".sh", ".cmake", ".toml"}
SKIP = {"build", "target", "third_party", "__pycache__", "corpus", "regressions", ".pytest_cache"}


def sources(root):
    for top in DIRS:
        for dirpath, dirnames, filenames in os.walk(root / top):
            dirnames[:] = [d for d in dirnames if d not in SKIP and not d.startswith("build")]
            for name in filenames:
                p = pathlib.Path(dirpath) / name
                if p.suffix in SUFFIXES or name == "CMakeLists.txt" or (top == ".ci" and name == "run"):
                    yield p


def main():
    root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else pathlib.Path(__file__).resolve().parents[2])
    missing, n = [], 0
    for p in sources(root):
        n += 1
        with open(p, encoding="utf-8", errors="replace") as f:
            head = f.read(600)
        if TAG not in head:
            missing.append(str(p.relative_to(root)))
    for m in missing:
        print(f"{m}: no '{TAG}' line at its top", file=sys.stderr)
    print(f"SPDX lines: {n - len(missing)} of {n} source files")
    return 1 if missing or n < 100 else 0


if __name__ == "__main__":
    sys.exit(main())
