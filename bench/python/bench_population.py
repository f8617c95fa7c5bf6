# SPDX-License-Identifier: MulanPSL-2.0
"""Ruleset.evaluate_population from Python: three measures over a DataFrame of 2×10^5
applicants (one row each, then five rows each: 10^6 rows), the rows of an applicant
scattered, applicants as strings.  Reports the whole call (the frame read with
_batch.prepare, the applicants factorized, the library's call, the result object)
and the totals (by_applicant, by_measure), best of `repetitions` runs.  Before any
time is taken, the per-applicant totals of 300 applicants are checked against
rules.evaluate + rules.stack.

Usage: python bench_population.py [repetitions]
"""
import os
import sys
import time
from decimal import Decimal

import numpy as np
import pandas as pd

import dgsubsidy

MEASURES = ["A1.01.a", "A1.07.a", "A1.10.a"]
DATE = "2025-06-01"


def frame(applicants: int, per: int, seed: int) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    rows = applicants * per
    kind = rng.integers(0, 3, rows)

    def col(mask, values):   # the values where the row is of that kind, else not given
        return pd.Series(values, dtype="Int64").where(mask, pd.NA)

    df = pd.DataFrame({
        "applicant": np.char.add("firm-", (np.arange(rows) // per).astype(str)),
        "national_funds": col(kind == 0, rng.integers(0, 11, rows) * 1_000_000),
        "provincial_funds": col(kind == 0, rng.integers(0, 11, rows) * 1_000_000),
        "total_investment": col(kind == 0, rng.integers(1, 51, rows) * 10_000_000),
        "financed_amount": col(kind == 1, rng.integers(0, 5001, rows) * 10_000),
        "interest_paid": col(kind == 1, rng.integers(0, 301, rows) * 10_000),
        "new_purchases": col(kind == 2, rng.integers(0, 50001, rows) * 10_000),
    })
    return df.sample(frac=1, random_state=seed).reset_index(drop=True)


def check(rules, df, pop, n=300):
    by_app = pop.by_applicant
    for a in df.applicant.unique()[:n]:
        rows = df[df.applicant == a]
        results, objects = [], []
        for i, row in rows.iterrows():
            for m in MEASURES:
                given = {c: int(row[c]) for c in rules.measure(m).inputs if c in row and not pd.isna(row[c])}
                if given:
                    results.append(rules.evaluate(m, date=DATE, **given))
                    objects.append(f"row {i}")
        total = rules.stack(results, objects=objects).total if results else Decimal("0.00")
        assert by_app.loc[a, "paid"] == total, (a, by_app.loc[a, "paid"], total)


def main():
    reps = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    rules = dgsubsidy.Ruleset.builtin()
    print(f"load average {os.getloadavg()[0]:.1f}")
    print("| applicants | rows | claims | evaluate_population (s, best) | median | by_applicant + by_measure (s) |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: |")
    for per in (1, 5):
        df = frame(200_000, per, per)
        pop = rules.evaluate_population(df, DATE, measures=MEASURES)
        check(rules, df, pop)
        times, totals = [], []
        for _ in range(reps):
            t0 = time.perf_counter()
            pop = rules.evaluate_population(df, DATE, measures=MEASURES)
            t1 = time.perf_counter()
            pop.by_applicant, pop.by_measure
            times.append(t1 - t0)
            totals.append(time.perf_counter() - t1)
        claims = int((pop.decision_codes != dgsubsidy._native.DGS_STACK_NOT_CLAIMED).sum())
        print(f"| 200000 | {len(df)} | {claims} | {min(times):.3f} | {sorted(times)[len(times) // 2]:.3f} | "
              f"{min(totals):.3f} |")


if __name__ == "__main__":
    main()
