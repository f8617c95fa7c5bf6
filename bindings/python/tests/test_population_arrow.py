# SPDX-License-Identifier: MulanPSL-2.0
"""Ruleset.evaluate_population over pyarrow Tables and RecordBatches and polars DataFrames.

The same values give the same claims, paid amounts and decisions as a pandas DataFrame.  The
population is worked by hand from the clauses (2025-06-01, no object: each row is its own):

- A1.07.a (融资租赁贴息): 5% of the financed amount, counted from 5,000,000 up to 30,000,000
  yuan, at most 1,500,000 yuan a year per enterprise (across its contracts) and never above
  the interest paid.
- A4.09.a (短期出口信用保险): 30% of the premium paid, at most 500,000 yuan per enterprise a
  year; its group G-ECI is the enterprise's benefit, so every claim of one enterprise competes
  (就高: the higher is paid, the others superseded).

=====  ===  ==========  ==========  =========  ==================================================
row    who  financed    interest    premium    claims
=====  ===  ==========  ==========  =========  ==================================================
0      甲   28,000,000  2,000,000   —          A1.07.a: 5% × 2800万 = 140万 (≤ 150万, ≤ 200万): paid
1      甲   40,000,000  1,000,000   —          A1.07.a: 5% × 3000万 = 150万, interest 100万 → 100万;
                                               the year's 150万 less 140万 → 10万 paid, capped
2      甲   —           —           1,000,000  A4.09.a: 30% = 30万, paid
3      乙   —           —           2,000,000  A4.09.a: 30% = 60万 → 50万 (cap), paid
4      乙   4,000,000   100,000     —          A1.07.a: below 500万, ineligible: 0, not granted
5      乙   —           —           —          claims nothing (none of the inputs given)
6      乙   —           —           500,000    A4.09.a: 15万, below 乙's 50万: superseded, 0
=====  ===  ==========  ==========  =========  ==================================================

甲 is paid 140万 + 10万 + 30万 = 180万, 乙 50万; 230万 in all.
"""

from __future__ import annotations

from decimal import Decimal as D

import pandas as pd
import pytest

import dgsubsidy

try:
    import pyarrow as pa
except ImportError:  # pragma: no cover - optional
    pa = None
try:
    import polars as pl
except ImportError:  # pragma: no cover - optional
    pl = None

needs_arrow = pytest.mark.skipif(pa is None, reason="pyarrow is not installed (it is in the test extra: "
                                                     "pip install './bindings/python[test]')")
needs_polars = pytest.mark.skipif(pl is None, reason="polars is not installed (it is in the test extra: "
                                                      "pip install './bindings/python[test]')")

DATE = "2025-06-01"
MEASURES = ["A1.07.a", "A4.09.a"]
APPLICANTS = ["甲", "甲", "甲", "乙", "乙", "乙", "乙"]
FINANCED = [28_000_000, 40_000_000, None, None, 4_000_000, None, None]
INTEREST = [2_000_000, 1_000_000, None, None, 100_000, None, None]
PREMIUM = [None, None, 1_000_000, 2_000_000, None, None, 500_000]

# (row, measure): award, outcome, paid, decision — by hand, above.
EXPECTED = [
    (0, "A1.07.a", D("1400000.00"), "granted", D("1400000.00"), "paid"),
    (1, "A1.07.a", D("1000000.00"), "granted", D("100000.00"), "capped"),
    (2, "A4.09.a", D("300000.00"), "granted", D("300000.00"), "paid"),
    (3, "A4.09.a", D("500000.00"), "granted", D("500000.00"), "paid"),
    (4, "A1.07.a", D("0.00"), "ineligible", D("0.00"), "not_granted"),
    (6, "A4.09.a", D("150000.00"), "granted", D("0.00"), "superseded"),
]


def pandas_frame(applicants=APPLICANTS) -> pd.DataFrame:
    return pd.DataFrame({"applicant": applicants, "financed_amount": pd.array(FINANCED, dtype="Int64"),
                         "interest_paid": pd.array(INTEREST, dtype="Int64"),
                         "premium_paid": pd.array(PREMIUM, dtype="Int64")})


def arrow_table(applicants=APPLICANTS, applicant_type=None) -> "pa.Table":
    return pa.table({"applicant": pa.array(applicants, applicant_type),
                     "financed_amount": pa.array(FINANCED, pa.int64()),
                     "interest_paid": pa.array(INTEREST, pa.int64()),
                     "premium_paid": pa.array(PREMIUM, pa.int64())})


def claims(pop: dgsubsidy.Population) -> list:
    c = pop.claims
    return list(zip(c.row, c.measure, c.award, c.outcome, c.paid, c.decision))


def check(pop: dgsubsidy.Population, applicants=("甲", "乙")) -> None:
    assert claims(pop) == EXPECTED
    label = dict(zip(("甲", "乙"), applicants))
    assert list(pop.claims.applicant) == [label[APPLICANTS[r[0]]] for r in EXPECTED]
    assert pop.total == D("2300000.00")
    assert list(pop.by_applicant.index) == list(applicants)
    assert list(pop.by_applicant.paid) == [D("1800000.00"), D("500000.00")]
    assert list(pop.by_measure.claims) == [3, 3]


def test_pandas_reference(rules):
    check(rules.evaluate_population(pandas_frame(), DATE, measures=MEASURES))


@needs_arrow
def test_arrow_table_and_record_batch(rules):
    table = arrow_table()
    check(rules.evaluate_population(table, DATE, measures=MEASURES))
    check(rules.evaluate_population(table.to_batches()[0], DATE, measures=MEASURES))
    # several chunks, text as large_string, and a dictionary of applicants
    chunked = pa.concat_tables([table.slice(0, 3), table.slice(3)])
    assert chunked.column("applicant").num_chunks == 2
    check(rules.evaluate_population(chunked, DATE, measures=MEASURES))
    check(rules.evaluate_population(arrow_table(applicant_type=pa.large_string()), DATE, measures=MEASURES))
    check(rules.evaluate_population(table.set_column(0, "applicant", table.column("applicant").dictionary_encode()),
                                    DATE, measures=MEASURES))


@needs_arrow
def test_arrow_int_applicants(rules):
    ids = [101 if a == "甲" else 102 for a in APPLICANTS]
    pandas_pop = rules.evaluate_population(pandas_frame(ids), DATE, measures=MEASURES)
    check(pandas_pop, (101, 102))
    for t in (pa.int64(), pa.int32(), pa.uint16()):
        pop = rules.evaluate_population(arrow_table(ids, t), DATE, measures=MEASURES)
        check(pop, (101, 102))
        assert pop.by_applicant.loc[101, "paid"] == D("1800000.00")


@needs_polars
def test_polars(rules):
    frame = pl.DataFrame({"applicant": APPLICANTS, "financed_amount": FINANCED, "interest_paid": INTEREST,
                          "premium_paid": PREMIUM})
    check(rules.evaluate_population(frame, DATE, measures=MEASURES))
    check(rules.evaluate_population(frame.with_columns(pl.col("applicant").cast(pl.Categorical)), DATE,
                                    measures=MEASURES))
    ids = frame.with_columns(pl.Series("applicant", [101 if a == "甲" else 102 for a in APPLICANTS],
                                       dtype=pl.Int32))
    check(rules.evaluate_population(ids, DATE, measures=MEASURES), (101, 102))
    with pytest.raises(dgsubsidy.TypeMismatch, match="collect"):
        rules.evaluate_population(frame.lazy(), DATE, measures=MEASURES)


@needs_arrow
def test_arrow_objects_string_or_int(rules):
    """One contract claimed twice (rows 0 and 1 both name C1): one benefit, the higher (140万)
    paid, the other superseded; 甲 is then paid 140万 + 30万 = 170万.  Objects may be text or
    ints (the same ids), with nulls (a row without an object)."""
    for objs in (pa.array(["C1", "C1", None, None, None, None, None]),
                 pa.array([1, 1, None, None, None, None, None], pa.int64())):
        table = arrow_table().append_column("contract", objs)
        pop = rules.evaluate_population(table, DATE, measures=MEASURES, object="contract")
        assert list(pop.claims.decision)[:2] == ["paid", "superseded"]
        assert pop.by_applicant.loc["甲", "paid"] == D("1700000.00")
        frame = pandas_frame()
        frame["contract"] = pd.array(objs.to_pylist(), dtype=object if pa.types.is_string(objs.type) else "Int64")
        same = rules.evaluate_population(frame, DATE, measures=MEASURES, object="contract")
        assert claims(same) == claims(pop)
        assert list(same.claims.object) == list(pop.claims.object)


@needs_arrow
def test_arrow_applicants_refused_as_in_pandas(rules):
    with_null = ["甲", None] + APPLICANTS[2:]
    with pytest.raises(dgsubsidy.InvalidArgument, match="row 1"):
        rules.evaluate_population(pandas_frame(with_null), DATE, measures=MEASURES)
    with pytest.raises(dgsubsidy.InvalidArgument, match="row 1"):
        rules.evaluate_population(arrow_table(with_null), DATE, measures=MEASURES)
    with pytest.raises(dgsubsidy.InvalidArgument, match="row 1"):
        rules.evaluate_population(arrow_table([1, None] + [2] * 5, pa.int64()), DATE, measures=MEASURES)
    with pytest.raises(dgsubsidy.TypeMismatch, match="applicant"):
        rules.evaluate_population(arrow_table([1.0] * 7, pa.float64()), DATE, measures=MEASURES)
    with pytest.raises(dgsubsidy.TypeMismatch, match="applicant"):
        rules.evaluate_population(arrow_table([D("1")] * 7, pa.decimal128(5, 0)), DATE, measures=MEASURES)
    # an id written two ways ('甲' and '甲 ') is refused as in pandas
    spaced = ["甲", "甲 "] + APPLICANTS[2:]
    for frame in (pandas_frame(spaced), arrow_table(spaced), arrow_table(spaced, pa.large_string())):
        with pytest.raises(dgsubsidy.InvalidValue, match="row 1"):
            rules.evaluate_population(frame, DATE, measures=MEASURES)
    # a float column of money is refused as in pandas
    table = arrow_table().set_column(3, "premium_paid", pa.array([float(v or 0) for v in PREMIUM]))
    with pytest.raises(dgsubsidy.TypeMismatch, match="premium_paid"):
        rules.evaluate_population(table, DATE, measures=MEASURES)


@needs_polars
def test_polars_null_applicant_refused(rules):
    frame = pl.DataFrame({"applicant": ["甲", None], "premium_paid": [1_000_000, 2_000_000]})
    with pytest.raises(dgsubsidy.InvalidArgument, match="row 1"):
        rules.evaluate_population(frame, DATE, measures=["A4.09.a"])


@needs_arrow
def test_population_int64_columns_reach_the_library_as_views(rules, monkeypatch):
    """An int64 Arrow column without nulls is handed to dgs_evaluate_population as a view of its buffer."""
    import numpy as np

    from dgsubsidy import _native

    table = pa.table({"applicant": pa.array(["甲", "乙"]),
                      "financed_amount": pa.array([2_800_000_000, 4_000_000_000], pa.int64()),
                      "interest_paid": pa.array([150_000_000, 200_000_000], pa.int64())})
    seen = {}
    real = _native.dgspy_evaluate_population

    def spy(rs, ids, day, dates, rows, names, columns, *rest):
        seen.update(zip(names, columns))
        return real(rs, ids, day, dates, rows, names, columns, *rest)

    monkeypatch.setattr(_native, "dgspy_evaluate_population", spy)
    pop = rules.evaluate_population(table, "2025-06-01", measures=["A1.07.a"], units="base")
    for name in ("financed_amount", "interest_paid"):
        assert np.shares_memory(seen[name], table.column(name).chunk(0).to_numpy(zero_copy_only=True)), name
    # 5% of 28,000,000 = 1,400,000 (interest 1,500,000); 5% of the 30,000,000 counted = 1,500,000.
    assert pop.by_applicant["paid"].tolist() == [D("1400000.00"), D("1500000.00")]
