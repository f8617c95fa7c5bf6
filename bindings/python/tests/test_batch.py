# SPDX-License-Identifier: MulanPSL-2.0
"""Batch evaluation: one call into the library over int64 columns; equal to the scalar path."""

from __future__ import annotations

from decimal import Decimal

import numpy as np
import pandas as pd
import pytest

import dgsubsidy
from dgsubsidy import Kind, Outcome, ValueType
from dgsubsidy._money import from_hundredths

D = Decimal
DATE = "2025-03-01"
ROWS = 10_000


def formula_measures():
    rules = dgsubsidy.Ruleset.builtin()
    return [m.id for m in rules.measures.filter(kind=Kind.FORMULA)]


def random_column(rng, inp, n):
    """Values in base units, spread over the scales where thresholds and caps lie, with a few
    zeros, a few invalid values (negative, out of range) and a few huge ones (overflow)."""
    t = inp.type
    if t == ValueType.MONEY:
        exp = rng.uniform(0, 10.5, n)  # 1 fen … ~300 million yuan
        v = (10 ** exp).astype(np.int64)
        v[rng.random(n) < 0.02] = 0
        v[rng.random(n) < 0.005] = -rng.integers(1, 10**6, 1)[0]
        v[rng.random(n) < 0.005] = 2**62 + rng.integers(0, 2**61, 1)[0]
        return v
    if t == ValueType.AREA:
        v = (10 ** rng.uniform(0, 7.5, n)).astype(np.int64)  # 0.01 m² … ~300,000 m²
        v[rng.random(n) < 0.005] = -1
        return v
    if t == ValueType.COUNT:
        v = rng.integers(0, 40, n).astype(np.int64)
        v[rng.random(n) < 0.005] = -3
        return v
    if t == ValueType.FLAG:
        v = rng.integers(0, 2, n).astype(np.int64)
        v[rng.random(n) < 0.005] = 2
        return v
    if t == ValueType.CHOICE:
        v = rng.integers(0, len(inp.choices), n).astype(np.int64)
        v[rng.random(n) < 0.005] = len(inp.choices)
        return v
    raise AssertionError(t)


def scalar_value(inp, v):
    t = inp.type
    if t == ValueType.MONEY:
        return dgsubsidy.from_fen(v)
    if t == ValueType.AREA:
        return from_hundredths(v)
    if t == ValueType.FLAG:
        return v if v not in (0, 1) else bool(v)
    return int(v)


@pytest.mark.parametrize("measure_id", formula_measures())
def test_batch_equals_scalar_on_random_rows(rules, measure_id):
    m = rules[measure_id]
    if any(i.type == ValueType.MONEY_LIST for i in m.inputs.values()):
        with pytest.raises(dgsubsidy.NotSupported):
            m.evaluate_batch({n: np.zeros(3, np.int64) for n in m.inputs}, DATE, units="base")
        pytest.skip("list inputs cannot be batched")
    rng = np.random.default_rng(abs(hash(measure_id)) % 2**32)
    frame = {}
    masks = {}
    for inp in m.inputs.values():
        frame[inp.name] = random_column(rng, inp, ROWS)
        if not inp.required:
            masks[inp.name] = rng.random(ROWS) < 0.3  # missing
    # optional inputs with missing values: a nullable Int64 column
    df = pd.DataFrame({n: pd.array(np.where(masks[n], 0, c) if n in masks else c, dtype="Int64")
                       for n, c in frame.items()})
    for n, miss in masks.items():
        df.loc[miss, n] = pd.NA
    b = m.evaluate_batch(df, DATE, errors="mark", units="base")
    assert len(b) == ROWS and b.award_fen.dtype == np.int64 and b.outcome_codes.dtype == np.int32

    first_error = None
    for i in range(ROWS):
        kwargs = {}
        for inp in m.inputs.values():
            if inp.name in masks and masks[inp.name][i]:
                continue
            kwargs[inp.name] = scalar_value(inp, int(frame[inp.name][i]))
        try:
            r = m.evaluate(date=DATE, **kwargs)
        except dgsubsidy.Error as e:
            assert b.outcome_codes[i] == Outcome.INVALID, f"row {i}: scalar raised {e!r}"
            assert b.award_fen[i] == 0
            if first_error is None:
                first_error = (i, type(e))
            continue
        assert b.outcome_codes[i] == r.outcome, f"row {i}: {kwargs}: {r.explain('en')}"
        assert b.award_fen[i] == r.award_fen, f"row {i}: {kwargs}: {r.explain('en')}"
    if first_error is None:
        assert b.error is None
    else:
        assert b.error is not None and b.error.row == first_error[0]
        assert type(b.error) is first_error[1]
        with pytest.raises(first_error[1]) as info:
            m.evaluate_batch(df, DATE, units="base")
        assert info.value.row == first_error[0]
        assert info.value.batch.award_fen.tolist() == b.award_fen.tolist()
    assert (b.outcome_codes == Outcome.GRANTED).sum() > 0, "the random rows should reach grants"


def lease_frame(n=5):
    return {"financed_amount": np.full(n, 2_800_000_000, dtype=np.int64),
            "interest_paid": np.arange(n, dtype=np.int64) * 50_000_000}


def test_batch_result_views(rules):
    b = rules.evaluate_batch("A1.07.a", lease_frame(), DATE, units="base")
    assert b.award_fen.tolist() == [0, 50_000_000, 100_000_000, 140_000_000, 140_000_000]
    assert b.awards[1] == D("500000.00") and isinstance(b.awards[1], Decimal)
    assert list(b.awards[3:]) == [D("1400000.00")] * 2 and len(b.awards) == 5
    assert b.outcomes.tolist() == ["granted"] * 5
    assert b.granted.all() and not b.invalid.any()
    assert b.outcome_counts() == {Outcome.GRANTED: 5}
    assert b.total_fen == 430_000_000 and b.total == D("4300000.00")
    assert b.error is None and b.measure_id == "A1.07.a" and str(b.date) == DATE
    assert "5 rows" in repr(b) and "<table>" in b._repr_html_() and "DecimalView" in repr(b.awards)
    with pytest.raises(ValueError):
        b.award_fen[0] = 1  # read-only
    f = b.to_frame(decimal=True)
    assert list(f.columns) == ["award_fen", "paid_fen", "award", "paid", "outcome", "binding", "reason"]
    assert f["award"].iloc[1] == D("500000.00") and f["outcome"].iloc[0] == "granted"


def test_exact_total_beyond_int64(rules):
    n = 8
    frame = {"financed_amount": np.full(n, 2**62, dtype=np.int64), "interest_paid": np.full(n, 2**62, dtype=np.int64)}
    b = rules.evaluate_batch("A4.09.e", {"usage_fee": np.full(n, 2**62, dtype=np.int64)}, DATE, units="base")
    assert b.total_fen == sum(b.award_fen.tolist())
    big = dgsubsidy.BatchResult(rules["A1.07.a"], DATE, np.full(4, 2**62, dtype=np.int64),
                                np.zeros(4, dtype=np.int32))
    assert big.total_fen == 2**64
    assert frame


def test_dataframe_index_and_extra_columns(rules):
    df = pd.DataFrame({"applicant": ["a", "b", "c"],
                       "financed_amount": [2_800_000_000] * 3,
                       "interest_paid": [1, 2, 3]}, index=[10, 20, 30])
    with pytest.raises(dgsubsidy.UnknownInput) as info:
        rules.evaluate_batch("A1.07.a", df, DATE, units="base")
    assert "applicant" in str(info.value)
    b = rules.evaluate_batch("A1.07.a", df, DATE, extra="ignore", units="base")
    assert b.award_fen.tolist() == [1, 2, 3]
    assert b.to_frame().index.tolist() == [10, 20, 30]
    with pytest.raises(dgsubsidy.NotSupported):
        rules.evaluate_batch("A1.07.a", df.assign(date="2025-01-01").drop(columns="applicant"), DATE, units="base")
    with pytest.raises(dgsubsidy.InvalidArgument):
        rules.evaluate_batch("A1.07.a", df, DATE, errors="ignore", units="base")


def test_missing_values(rules):
    # a missing required input makes the row invalid; a missing optional one is "not given"
    df = pd.DataFrame({"financed_amount": pd.array([2_800_000_000, None, 2_800_000_000], dtype="Int64"),
                       "interest_paid": [1, 2, 3]})
    b = rules.evaluate_batch("A1.07.a", df, DATE, errors="mark", units="base")
    assert b.outcome_codes.tolist() == [0, -1, 0] and b.award_fen.tolist() == [1, 0, 3]
    assert isinstance(b.error, dgsubsidy.MissingInput) and b.error.row == 1
    with pytest.raises(dgsubsidy.MissingInput) as info:
        rules.evaluate_batch("A1.07.a", df, DATE, units="base")
    assert info.value.row == 1 and "financed_amount" in str(info.value)
    opt = rules.evaluate_batch("A1.10.a", pd.DataFrame({
        "new_purchases": [100_000_000, 100_000_000],
        "granted_this_year": pd.array([None, 0], dtype="Int64")}), DATE, units="base")
    assert opt.award_fen[0] == opt.award_fen[1] and opt.error is None
    # a Decimal column with None, and a float count column with NaN
    objs = {"new_purchases": np.array([D("1000000"), D("1000000")], dtype=object),
            "granted_this_year": np.array([None, D("0")], dtype=object)}
    assert rules.evaluate_batch("A1.10.a", objs, DATE).award_fen.tolist() == opt.award_fen.tolist()
    counts = pd.DataFrame({"exhibition_area": [10_000, 10_000], "days": [3.0, np.nan]})
    b = rules.evaluate_batch("A4.03.b", counts, DATE, errors="mark", units="base")
    assert b.outcome_codes[1] == Outcome.INVALID and isinstance(b.error, dgsubsidy.MissingInput)
    with pytest.raises(dgsubsidy.InvalidValue):
        rules.evaluate_batch("A4.03.b", {"exhibition_area": [1], "days": [2.5]}, DATE, units="base")


def test_flags_and_choices(rules):
    m = rules["A4.03.b"]
    base = {"exhibition_area": np.full(4, 20_000, np.int64), "days": np.full(4, 3, np.int64)}
    a = m.evaluate_batch({**base, "certified": np.array([True, False, True, False])}, DATE, units="base")
    c = m.evaluate_batch({**base, "certified": pd.array([True, False, True, None], dtype="boolean")}, DATE, units="base")
    assert a.award_fen[:3].tolist() == c.award_fen[:3].tolist()
    t = rules["A3.08.b"]
    names = list(t.inputs["tier"].choices)
    idx = np.array([0, 1, 0, 1], dtype=np.int64) % len(names)
    funds = np.full(4, 100_000_000, np.int64)
    by_index = t.evaluate_batch({"tier": idx, "provincial_funds": funds}, DATE, units="base")
    by_name = t.evaluate_batch({"tier": np.array([names[i] for i in idx]), "provincial_funds": funds}, DATE, units="base")
    by_cat = t.evaluate_batch(pd.DataFrame({"tier": pd.Categorical([names[i] for i in idx]),
                                            "provincial_funds": funds}), DATE, units="base")
    by_obj = t.evaluate_batch({"tier": np.array([names[i] for i in idx], dtype=object),
                               "provincial_funds": funds}, DATE, units="base")
    assert by_index.award_fen.tolist() == by_name.award_fen.tolist() == by_cat.award_fen.tolist() \
        == by_obj.award_fen.tolist()
    bad = t.evaluate_batch({"tier": np.array([names[0], "bronze"]), "provincial_funds": funds[:2]}, DATE,
                           errors="mark", units="base")
    assert bad.outcome_codes.tolist() == [0, Outcome.INVALID] and isinstance(bad.error, dgsubsidy.InvalidChoice)
    with pytest.raises(dgsubsidy.InvalidChoice) as info:
        t.evaluate_batch({"tier": [names[0], "bronze"], "provincial_funds": [1, 1]}, DATE, units="base")
    assert info.value.row == 1 and info.value.batch.outcome_codes.tolist() == [0, Outcome.INVALID]


def test_batch_input_errors(rules):
    with pytest.raises(dgsubsidy.InvalidArgument):
        rules.evaluate_batch("A1.07.a", {"financed_amount": [1, 2], "interest_paid": [1]}, DATE, units="base")
    with pytest.raises(dgsubsidy.InvalidArgument):
        rules.evaluate_batch("A1.07.a", {"financed_amount": np.ones((2, 2), np.int64),
                                         "interest_paid": np.ones((2, 2), np.int64)}, DATE, units="base")
    with pytest.raises(dgsubsidy.InvalidDate):
        rules.evaluate_batch("A1.07.a", lease_frame(), "2025-13-01", units="base")
    with pytest.raises(dgsubsidy.MissingInput):
        rules.evaluate_batch("A1.07.a", lease_frame(), None, units="base")
    with pytest.raises(dgsubsidy.TypeMismatch):
        rules.evaluate_batch("A1.07.a", [[1, 2]], DATE, units="base")
    with pytest.raises(dgsubsidy.TypeMismatch):
        rules.evaluate_batch("A1.07.a", {"financed_amount": np.array(["2020-01-01"], dtype="datetime64[D]"),
                                         "interest_paid": [1]}, DATE, units="base")
    empty = rules.evaluate_batch("A1.07.a", {"financed_amount": np.zeros(0, np.int64),
                                             "interest_paid": np.zeros(0, np.int64)}, DATE, units="base")
    assert len(empty) == 0 and empty.total == 0
    nif = rules.evaluate_batch("A1.07.a", lease_frame(), "2030-01-01", units="base")
    assert set(nif.outcomes) == {"not_in_force"}
    # non-contiguous and narrower integer columns are converted, not misread
    wide = np.arange(20, dtype=np.int64)[::2]
    narrow = np.full(10, 2_800_000, dtype=np.int32) * np.int32(1)
    b = rules.evaluate_batch("A1.07.a", {"financed_amount": narrow.astype(np.int64) * 1000, "interest_paid": wide},
                             DATE, units="base")
    assert b.award_fen.tolist() == wide.tolist()
    b32 = rules.evaluate_batch("A4.03.b", {"exhibition_area": np.full(2, 20_000, np.int32),
                                           "days": np.array([3, 4], dtype=np.uint8)}, DATE, units="base")
    assert len(b32) == 2


def test_native_batch_refuses_wrong_buffers(rules):
    m = rules["A1.07.a"]
    native = dgsubsidy._native
    awards, outcomes = np.zeros(2, np.int64), np.zeros(2, np.int32)
    ok = [np.ones(2, np.int64), np.ones(2, np.int64)]
    names = ["financed_amount", "interest_paid"]
    for cols, pres, aw, oc in [
        ([np.ones(2, np.float64), ok[1]], [None, None], awards, outcomes),
        ([np.ones(2, np.uint64), ok[1]], [None, None], awards, outcomes),
        ([np.ones(3, np.int64), ok[1]], [None, None], awards, outcomes),
        (ok, [np.ones(2, np.int64), None], awards, outcomes),
        (ok, [None, None], np.zeros(2, np.int32), outcomes),
        (ok, [None, None], awards, np.zeros(2, np.int64)),
        (ok, [None, None], awards.copy().view(np.int64)[:1], outcomes),
        (ok, [None, None], memoryview(awards.tobytes()), outcomes),
        (ok, [None], awards, outcomes),
        ([1, 2], [None, None], awards, outcomes),
    ]:
        with pytest.raises((ValueError, TypeError, BufferError)):
            native.dgspy_evaluate_batch(m._ptr, DATE, 2, names, cols, pres, aw, oc)


@pytest.mark.parametrize("rows", [100_000])
def test_large_batch(rules, rows):
    # Speed is measured in bench/ (docs/performance.md), not asserted here.
    rng = np.random.default_rng(7)
    frame = pd.DataFrame({"financed_amount": rng.integers(0, 5_000_000_000, rows),
                          "interest_paid": rng.integers(0, 200_000_000, rows)})
    b = rules.evaluate_batch("A1.07.a", frame, DATE, units="base")
    assert len(b) == rows and b.total_fen == int(b.award_fen.astype(object).sum())
    # 5% of the financed amount, at most 150万 and the interest, floored to the fen; financing
    # below 500万 yuan (500,000,000 fen) is not eligible under this item.
    fin = frame["financed_amount"].to_numpy()
    want = np.minimum(np.minimum(np.minimum(fin, 3_000_000_000) // 20, 150_000_000), frame["interest_paid"].to_numpy())
    below = fin < 500_000_000
    assert below.any() and (~below).any()
    assert (b.award_fen[~below] == want[~below]).all()
    assert (b.award_fen[below] == 0).all() and (b.outcomes[below] == "ineligible").all()


def test_invalid_rows_out_of_force_are_invalid_as_in_the_scalar_path(rules):
    with pytest.raises(dgsubsidy.NegativeValue):
        rules.evaluate("A1.07.a", date="2030-01-01", financed_amount=-5, interest_paid=1)
    b = rules.evaluate_batch("A1.07.a", {"financed_amount": np.array([-500, 500]),
                                         "interest_paid": np.array([1, 1])}, "2030-01-01", errors="mark", units="base")
    assert b.outcome_codes.tolist() == [Outcome.INVALID, Outcome.NOT_IN_FORCE]
    assert isinstance(b.error, dgsubsidy.NegativeValue)


def test_paid_fen_counts_no_ceiling(rules):
    # OP.01.a: 给予最高 100 万元奖励. Without an assessed amount the row's outcome is up_to and its
    # award the ceiling, 1,000,000 yuan, which is not a payment; assessed at 300,000 yuan it is paid.
    frame = pd.DataFrame({"recognition": ["creative_design_park"] * 2,
                          "assessed": pd.array([None, 300_000], dtype="Int64")})
    b = rules.evaluate_batch("OP.01.a", frame, "2025-03-01")
    assert list(b.outcomes) == ["up_to", "granted"]
    assert list(b.award_fen) == [100_000_000, 30_000_000]
    assert list(b.paid_fen) == [0, 30_000_000]
    assert b.total_fen == 30_000_000 and b.total == Decimal("300000.00")
    # The frame an analyst sums carries the payment beside the award.
    f = b.to_frame(decimal=True)
    assert f["paid_fen"].tolist() == [0, 30_000_000] and int(f["paid_fen"].sum()) == b.total_fen
    assert f["paid"].tolist() == [Decimal("0.00"), Decimal("300000.00")]
    assert f["award"].tolist() == [Decimal("1000000.00"), Decimal("300000.00")]


def test_text_money_error_names_row_and_column(rules):
    frame = pd.DataFrame({"financed_amount": ["28000000", "28,000,000"], "interest_paid": ["1500000", "1500000"]})
    with pytest.raises(dgsubsidy.InvalidValue) as e:
        rules.evaluate_batch("A1.07.a", frame, "2025-03-01")
    assert "row 1" in str(e.value) and "financed_amount" in str(e.value) and "'28,000,000'" in str(e.value)
    assert e.value.row == 1
