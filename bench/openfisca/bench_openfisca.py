# SPDX-License-Identifier: MulanPSL-2.0
"""A1.07.a for 10^6 enterprises in OpenFisca against libdgsubsidy's batch.

OpenFisca: openfisca-core from PyPI with the minimal country package beside
this file (dgs_openfisca: one entity, two input variables, one formula,
parameters in YAML).  Timed: building the simulation, setting the inputs and
calculating the award ("whole"), and the calculation alone on a simulation
already built ("calculate").  The library: dgsubsidy's evaluate_batch over
the same numpy columns, and dgs_evaluate_batch through it.  The awards are
checked equal first.

Usage: python bench_openfisca.py [entities (default 1000000)] [repetitions (default 5)]
"""
import os
import sys
import time

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import openfisca_core  # noqa: E402
from openfisca_core.simulations import SimulationBuilder  # noqa: E402

import dgsubsidy  # noqa: E402
from dgs_openfisca import DongguanSubsidies  # noqa: E402

DATE, PERIOD = "2025-06-01", "2025"


def best_and_median(fn, reps):
    times = []
    for _ in range(reps):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    times.sort()
    n = len(times)
    return times[0], (times[n // 2] if n % 2 else (times[n // 2 - 1] + times[n // 2]) / 2)


def record(path, n, value):
    out = os.environ.get("BENCH_CSV")
    if out:
        with open(out, "a") as f:
            f.write(f"openfisca,{path},A1.07.a,{n},{value:.6g},ns/row\n")


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    reps = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    rng = np.random.default_rng(1107)
    cols = {"financed_amount": rng.integers(0, 5_000_000_001, n, dtype=np.int64),
            "interest_paid": rng.integers(0, 200_000_001, n, dtype=np.int64)}
    tbs = DongguanSubsidies()
    rules = dgsubsidy.Ruleset.builtin()

    def simulate():
        sim = SimulationBuilder().build_default_simulation(tbs, count=n)
        sim.set_input("financed_amount", PERIOD, cols["financed_amount"])
        sim.set_input("interest_paid", PERIOD, cols["interest_paid"])
        return sim

    def whole():
        return simulate().calculate("a1_07_a_award", PERIOD)

    def library():
        return rules.evaluate_batch("A1.07.a", cols, DATE, units="base").award_fen

    of = whole()
    lib = np.asarray(library())
    if of.dtype != np.int64 or not np.array_equal(of, lib):
        bad = int(np.argmax(of != lib))
        sys.exit(f"OpenFisca differs from the library at row {bad}: {of[bad]} vs {lib[bad]} ({of.dtype})")
    print(f"## OpenFisca: A1.07.a for {n} entities, best and median of {reps} runs\n")
    print(f"openfisca-core {openfisca_core.__version__ if hasattr(openfisca_core, '__version__') else ''}"
          f"{_version('openfisca-core')}, dgsubsidy {dgsubsidy.__version__}, numpy {np.__version__}\n")
    print(f"  the same {n} awards in OpenFisca and the library (total {int(lib.sum())} fen)\n")

    t_lib = best_and_median(library, reps)

    def calc_only():
        # A fresh simulation each time (OpenFisca caches a computed variable), built outside the timing.
        sim = simulate()
        t0 = time.perf_counter()
        sim.calculate("a1_07_a_award", PERIOD)
        return time.perf_counter() - t0
    calc_times = sorted(calc_only() for _ in range(reps))
    t_calc = (calc_times[0], calc_times[len(calc_times) // 2])
    t_whole = best_and_median(whole, reps)
    print("| path | time (best) | time (median) | rows/s (best) | this ÷ library |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for name, t, key in (("dgsubsidy evaluate_batch (library)", t_lib, "library"),
                         ("OpenFisca calculate (simulation built)", t_calc, "calculate"),
                         ("OpenFisca build simulation + set inputs + calculate", t_whole, "whole")):
        print(f"| {name} | {t[0] * 1e3:.1f} ms | {t[1] * 1e3:.1f} ms | {n / t[0] / 1e6:.1f} M | "
              f"{t[0] / t_lib[0]:.1f}× |")
        record(key, n, t[0] * 1e9 / n)


def _version(dist):
    try:
        from importlib.metadata import version
        return version(dist)
    except Exception:  # pragma: no cover
        return "?"


if __name__ == "__main__":
    main()
