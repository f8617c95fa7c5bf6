# SPDX-License-Identifier: MulanPSL-2.0
"""Per-row binding constraint and reason in batches, and batches split across threads."""

from __future__ import annotations

import pickle
from decimal import Decimal

import numpy as np
import pandas as pd
import pytest

import dgsubsidy
from dgsubsidy import Outcome, ValueType
from dgsubsidy._batch import PARALLEL_MIN_ROWS, REASON_NAMES, thread_count

DATE = "2025-03-01"


def test_bindings_worked_by_hand(rules):
    # 5% of the financed amount, counted up to 30,000,000 yuan, at most 1,500,000 a year, never
    # above the interest paid:
    #   28,000,000 → 1,400,000, below the cap and the interest: the ratio sets it;
    #   40,000,000 counted as 30,000,000 → 1,500,000: the 30,000,000 limit sets it;
    #   28,000,000 with 1,000,000 interest paid → 1,000,000: the interest sets it.
    frame = pd.DataFrame({"financed_amount": [28_000_000, 40_000_000, 28_000_000],
                          "interest_paid": [1_500_000, 2_000_000, 1_000_000]})
    b = rules.evaluate_batch("A1.07.a", frame, DATE)
    assert list(b.awards) == [Decimal("1400000.00"), Decimal("1500000.00"), Decimal("1000000.00")]
    assert list(b.binding) == ["ratio", "max_counted_financing", "interest_paid"]
    assert list(b.reason) == ["none"] * 3
    assert b.binding_counts()["ratio"] == 1 and b.binding_counts()["cap_per_year"] == 0
    # A yearly cap of 1,000,000: the first row's 1,400,000 is capped by it.
    low = rules.with_parameter("A1.07.a", "cap_per_year", Decimal("1000000"))
    b = low.evaluate_batch("A1.07.a", frame, DATE)
    assert b.award_fen[0] == 100_000_000 and b.binding[0] == "cap_per_year"
    # Row 3: 1,400,000 capped to 1,000,000 by the cap, which the 1,000,000 of interest only equals:
    # the constraint applied first keeps it.
    f = b.to_frame()
    assert list(f["binding"]) == ["cap_per_year", "cap_per_year", "cap_per_year"]


def test_reasons_worked_by_hand(rules):
    # Read as an entry threshold, 4,000,000 yuan is below 不少于500万元: ineligible, below the minimum.
    thr = rules.with_parameter("A1.07.a", "reading_min_financing", "threshold")
    frame = {"financed_amount": [4_000_000, 6_000_000], "interest_paid": [100_000, 100_000]}
    b = thr.evaluate_batch("A1.07.a", frame, DATE)
    assert list(b.outcomes) == ["ineligible", "granted"]
    assert list(b.reason) == ["below_minimum", "none"]
    # Before the document is in force nothing binds.
    b = rules.evaluate_batch("A1.07.a", frame, "2023-05-01")
    assert list(b.reason) == ["not_in_force"] * 2
    assert b.binding.isna().all()
    # An invalid row (a negative amount, a value that is not a number) has no binding.
    b = rules.evaluate_batch("A1.07.a", {"financed_amount": [28_000_000, -5, "x"],
                                         "interest_paid": [1_000_000] * 3}, DATE, errors="mark")
    assert list(b.reason) == ["none", "invalid", "invalid"]
    assert b.binding[0] == "interest_paid" and b.binding.isna()[1:].all()
    assert REASON_NAMES[0] == "none" and REASON_NAMES[-1] == "invalid"


def _random_column(inp, n, rng):
    """Values of one input in the units evaluate() takes, with some missing where optional."""
    t = inp.type
    if t == ValueType.FLAG:
        v = rng.random(n) < 0.8
    elif t == ValueType.CHOICE:
        v = rng.integers(0, len(inp.choices), n)
    elif t == ValueType.COUNT:
        v = rng.integers(0, 40, n)
    else:  # money, area: many magnitudes, so that ratios, caps and thresholds each get their turn
        v = rng.integers(0, 10, n) * 10 ** rng.integers(0, 9, n) + rng.integers(0, 10, n)
    missing = (rng.random(n) < 0.25) if not inp.required else np.zeros(n, dtype=bool)
    return v, missing


def _batchable_measures(rules):
    for m in rules.measures:
        if not any(i.type == ValueType.MONEY_LIST for i in m.inputs.values()):
            yield m


def test_every_measure_binding_matches_the_scalar_path(rules):
    rng = np.random.default_rng(2026)
    n = 40
    granted = bound = 0
    measures = list(_batchable_measures(rules))  # every kind: formulas, ceilings, tiers, qualitative
    assert len(measures) > 150
    for m in measures:
        data, values = {}, {}
        for name, inp in m.inputs.items():
            v, missing = _random_column(inp, n, rng)
            values[name] = (v, missing)
            if inp.type == ValueType.FLAG:
                data[name] = pd.array([None if x else bool(y) for x, y in zip(missing, v)], dtype="boolean")
            else:
                data[name] = pd.array([None if x else int(y) for x, y in zip(missing, v)], dtype="Int64")
        b = rules.evaluate_batch(m, pd.DataFrame(data, index=range(n)), DATE, errors="mark")
        for i in range(n):
            kwargs = {}
            for name, (v, missing) in values.items():
                if not missing[i]:
                    kwargs[name] = bool(v[i]) if m.inputs[name].type == ValueType.FLAG else int(v[i])
            try:
                r = rules.evaluate(m, date=DATE, **kwargs)
            except dgsubsidy.Error:
                assert b.outcome_codes[i] == Outcome.INVALID and b.reason[i] == "invalid"
                continue
            assert b.award_fen[i] == r.award_fen and b.outcome_codes[i] == r.outcome, (m.id, i)
            name = b.binding[i]
            assert (None if pd.isna(name) else name) == r.binding, (m.id, i, kwargs)
            if r.outcome == Outcome.GRANTED:
                assert b.reason[i] == "none" and r.reason("en") == "", (m.id, i)
            elif r.outcome == Outcome.INELIGIBLE:
                assert b.reason[i] != "none" and r.reason("en") != "", (m.id, i)
            granted += r.outcome == Outcome.GRANTED
            bound += r.binding is not None
    # The random rows must reach grants and bindings, or they test nothing.
    assert granted > len(measures) * n // 4 and bound > len(measures) * n // 4, (granted, bound)


def _big_frame(rows, rng):
    financed = rng.integers(0, 40_000_000, rows)
    interest = rng.integers(0, 2_000_000, rows)
    # A few invalid rows, one of them early in the second half.
    financed[[rows // 2 + 7, rows - 3]] = -1
    return {"financed_amount": financed, "interest_paid": interest}


@pytest.mark.parametrize("threads", [2, 3, 4])
def test_threads_give_the_results_of_one_thread(rules, threads):
    rng = np.random.default_rng(7)
    rows = 3 * PARALLEL_MIN_ROWS + 12_345
    frame = _big_frame(rows, rng)
    one = rules.evaluate_batch("A1.07.a", frame, DATE, errors="mark", threads=1)
    many = rules.evaluate_batch("A1.07.a", frame, DATE, errors="mark", threads=threads)
    assert thread_count(threads, rows) == threads
    for a, b in [(one.award_fen, many.award_fen), (one.outcome_codes, many.outcome_codes),
                 (one.binding_codes, many.binding_codes), (one.reason_codes, many.reason_codes)]:
        assert np.array_equal(a, b)
    # The first invalid row over every range, with the message of one thread.
    assert one.error.row == many.error.row == rows // 2 + 7
    assert str(one.error) == str(many.error) and f"row {rows // 2 + 7}" in str(many.error)
    with pytest.raises(dgsubsidy.NegativeValue) as e:
        rules.evaluate_batch("A1.07.a", frame, DATE, threads=threads)
    assert e.value.row == rows // 2 + 7


def test_thread_count():
    assert thread_count(1, 10**7) == 1
    assert thread_count(8, PARALLEL_MIN_ROWS - 1) == 1        # small batches stay on one thread
    assert thread_count(8, PARALLEL_MIN_ROWS) == 2            # ranges of at least half the minimum
    assert thread_count(None, 10**7) == dgsubsidy._batch.available_cores()
    for bad in (0, -1, 1.5, True, "2"):
        with pytest.raises(dgsubsidy.InvalidArgument):
            thread_count(bad, 10)


def test_bad_threads_argument_is_refused(rules):
    with pytest.raises(dgsubsidy.InvalidArgument, match="threads"):
        rules.evaluate_batch("A1.07.a", {"financed_amount": [1], "interest_paid": [1]}, DATE, threads=0)


def test_batch_result_with_details_pickles(rules):
    b = rules.evaluate_batch("A1.07.a", {"financed_amount": [28_000_000], "interest_paid": [1_000_000]}, DATE)
    c = pickle.loads(pickle.dumps(b))
    assert list(c.binding) == ["interest_paid"] and list(c.reason) == ["none"]
    assert not c.binding_codes.flags.writeable


def test_details_false_gives_the_same_awards_without_bindings(rules):
    rng = np.random.default_rng(3)
    frame = _big_frame(PARALLEL_MIN_ROWS + 10, rng)
    full = rules.evaluate_batch("A1.07.a", frame, DATE, errors="mark", threads=2)
    fast = rules.evaluate_batch("A1.07.a", frame, DATE, errors="mark", threads=2, details=False)
    assert np.array_equal(full.award_fen, fast.award_fen)
    assert np.array_equal(full.outcome_codes, fast.outcome_codes)
    assert full.error.row == fast.error.row
    assert full.has_details and not fast.has_details
    with pytest.raises(dgsubsidy.NotSupported, match="details=True"):
        fast.binding
    assert "binding" not in fast.to_frame().columns
    with pytest.raises(dgsubsidy.TypeMismatch):
        rules.evaluate_batch("A1.07.a", frame, DATE, details="yes")
