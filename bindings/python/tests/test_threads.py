# SPDX-License-Identifier: MulanPSL-2.0
"""Threads share one ruleset; the GIL is released inside the library, answers stay the same."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from decimal import Decimal

import numpy as np

import dgsubsidy

D = Decimal
DATE = "2025-03-01"


def cases(n):
    rng = np.random.default_rng(11)
    financed = rng.integers(0, 4_000_000_000, n)
    interest = rng.integers(0, 200_000_000, n)
    return [(dgsubsidy.from_fen(int(f)), dgsubsidy.from_fen(int(i))) for f, i in zip(financed, interest)]


def test_threads_evaluating_concurrently_agree(rules):
    work = cases(2000)
    expected = [rules.evaluate("A1.07.a", date=DATE, financed_amount=f, interest_paid=i).award_fen
                for f, i in work]

    def run(offset):
        out = []
        for k in range(len(work)):
            j = (k + offset) % len(work)
            f, i = work[j]
            r = rules.evaluate("A1.07.a", date=DATE, financed_amount=f, interest_paid=i)
            out.append((j, r.award_fen, r.explain("en").count("\n") > 3))
        return out

    with ThreadPoolExecutor(max_workers=8) as pool:
        for out in pool.map(run, range(0, 8 * 250, 250)):
            for j, fen, explained in out:
                assert fen == expected[j] and explained


def test_threads_share_measures_results_and_derived_rulesets(rules):
    errors = []
    barrier = threading.Barrier(6)

    def run(k):
        try:
            barrier.wait()
            g = rules.with_parameter("A1.07.a", "cap_per_year", D(1_000_000 + k))
            for _ in range(200):
                r = g.evaluate("A1.07.a", date=DATE, financed_amount=D("30000000"), interest_paid=D("9000000"))
                assert r.award == D(1_000_000 + k) and r.fingerprint == g.fingerprint
                s = g.stack([r])
                assert s.total == r.award
                try:
                    g.evaluate("A1.07.a", date=DATE, financed_amount=-1, interest_paid=1)
                except dgsubsidy.NegativeValue:
                    pass
                else:
                    raise AssertionError("negative money accepted")
        except BaseException as e:  # pragma: no cover - reported below
            errors.append(e)

    threads = [threading.Thread(target=run, args=(k,)) for k in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors, errors


def test_batches_in_threads_release_the_gil(rules):
    n = 400_000
    rng = np.random.default_rng(5)
    frame = {"financed_amount": rng.integers(0, 4_000_000_000, n), "interest_paid": rng.integers(0, 200_000_000, n)}
    single = rules.evaluate_batch("A1.07.a", frame, DATE, units="base")
    ticks = []
    stop = threading.Event()

    def ticker():  # runs only while the batch threads let go of the GIL
        while not stop.is_set():
            ticks.append(1)
            stop.wait(0.001)

    t = threading.Thread(target=ticker)
    t.start()
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(lambda _: rules.evaluate_batch("A1.07.a", frame, DATE, units="base"), range(4)))
    stop.set()
    t.join()
    for b in results:
        assert np.array_equal(b.award_fen, single.award_fen)
        assert np.array_equal(b.outcome_codes, single.outcome_codes)
    assert ticks
