# SPDX-License-Identifier: MulanPSL-2.0
"""Batches for analysts: the cost of per-row details, all the cores, and parameter sweeps.

  details   Ruleset.evaluate_batch (awards, outcomes, binding constraint and
            reason per row) against the plain library call that writes awards
            and outcomes only (dgspy_evaluate_batch), one thread, 10^6 rows;
  threads   evaluate_batch at 10^7 rows with threads=1 and threads=2 (and the
            cores available), units="base" so that the time is the library's;
            the outputs are checked identical before any time is shown;
  sweep     Ruleset.sweep over 100 values of A1.07.a's cap_per_year on 10^6
            rows: the population converted once, one batch per value.

Every figure is the best of `repetitions` runs (default 5).  The machine's
load average is printed beside them: on a shared machine two threads cannot
be faster than the cores other processes leave free.

Usage: python bench_analyst.py [repetitions]
"""
import os
import sys
import time
from decimal import Decimal

import numpy as np

import dgsubsidy
from dgsubsidy import _native
from dgsubsidy._batch import available_cores, prepare

DATE = "2025-03-01"
REPS = int(sys.argv[1]) if len(sys.argv) > 1 else 5


def best(fn, reps=REPS):
    times = []
    for _ in range(reps):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def frame_of(rows, seed=1):
    rng = np.random.default_rng(seed)
    return {"financed_amount": rng.integers(0, 4_000_000_000, rows, dtype=np.int64),
            "interest_paid": rng.integers(0, 200_000_000, rows, dtype=np.int64)}


def main():
    rules = dgsubsidy.Ruleset.builtin()
    m = rules["A1.07.a"]
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores ({available_cores()} available)")

    # -- details against the plain call
    rows = 10**6
    frame = frame_of(rows)
    prep = prepare(m, frame, units="base")
    awards = np.empty(rows, np.int64)
    outcomes = np.empty(rows, np.int32)

    def plain():
        _native.dgspy_evaluate_batch(m._ptr, DATE, rows, prep.names, prep.columns, prep.present, awards, outcomes)

    def detail():
        rules.evaluate_batch(m, frame, DATE, units="base", threads=1)

    t_plain, t_detail = best(plain), best(detail)
    print(f"10^6 rows, one thread: awards and outcomes {t_plain * 1e3:.2f} ms; "
          f"with binding and reason (evaluate_batch) {t_detail * 1e3:.2f} ms "
          f"({t_detail / t_plain:.2f}×)")

    # -- threads at 10^7 rows
    rows = 10**7
    frame = frame_of(rows, 2)
    one = rules.evaluate_batch(m, frame, DATE, units="base", threads=1)
    two = rules.evaluate_batch(m, frame, DATE, units="base", threads=2)
    for a, b in [(one.award_fen, two.award_fen), (one.outcome_codes, two.outcome_codes),
                 (one.binding_codes, two.binding_codes), (one.reason_codes, two.reason_codes)]:
        assert np.array_equal(a, b), "threads changed a result"
    t1 = best(lambda: rules.evaluate_batch(m, frame, DATE, units="base", threads=1))
    t2 = best(lambda: rules.evaluate_batch(m, frame, DATE, units="base", threads=2))
    print(f"10^7 rows: 1 thread {t1 * 1e3:.1f} ms ({rows / t1 / 1e6:.0f} M rows/s), "
          f"2 threads {t2 * 1e3:.1f} ms ({rows / t2 / 1e6:.0f} M rows/s): speed-up {t1 / t2:.2f}×  "
          f"(load average {os.getloadavg()[0]:.1f})")
    del frame, one, two

    # -- sweep
    rows = 10**6
    frame = frame_of(rows, 3)
    values = [Decimal(500_000 + 10_000 * k) for k in range(100)]
    if hasattr(rules, "sweep"):
        for threads in (1, None):
            t = best(lambda: rules.sweep("A1.07.a", "cap_per_year", values, frame, DATE, units="base",
                                         threads=threads), max(1, REPS // 2))
            print(f"sweep, 100 values × 10^6 rows, threads={threads}: {t:.2f} s  "
                  f"(load average {os.getloadavg()[0]:.1f})")


if __name__ == "__main__":
    main()
