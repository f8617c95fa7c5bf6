# SPDX-License-Identifier: MulanPSL-2.0
"""Batches over pyarrow Tables and RecordBatches and polars DataFrames.

The same rows give the same awards as a pandas DataFrame of the same values;
int64 columns without nulls reach the library as views of the Arrow (polars)
buffers.  Expected amounts are worked by hand from the clauses:

- A4.02.1.a (特装展位): 50% of the build cost, at most 1500 yuan per m², at most
  100,000 yuan per exhibition, booths of 18 m² and more.
  36 m², 120,000 yuan: min(60,000, 54,000, 100,000) = 54,000.00;
  17 m²: ineligible;
  100 m², 300,000 yuan: min(150,000, 150,000, 100,000) = 100,000.00;
  20 m², 10,001 yuan: min(5,000.50, 30,000) = 5,000.50;
  20 m², 10,001.01 yuan: 5,000.505 floored to the fen = 5,000.50;
  a missing or negative build cost: invalid.
- A4.03.b (展会): 200,000 yuan (300,000 certified) for 10,000 m² and 3 days, plus
  100,000 yuan per further 5,000 m².  20,000 m², 3 days: certified 500,000.00,
  not certified (or not said) 400,000.00; 2 days: ineligible.
- A3.08.b (检验检测平台): national 1:3 of the provincial funds, at most 30,000,000;
  provincial 1:1, at most 5,000,000.  National, 1,000,000: 3,000,000.00;
  provincial, 6,000,000: 5,000,000.00.
"""

from __future__ import annotations

from decimal import Decimal as D

import numpy as np
import pandas as pd
import pytest

import dgsubsidy
from dgsubsidy import Outcome
from dgsubsidy._batch import prepare

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
BOOTH = "A4.02.1.a"
FAIR = "A4.03.b"
LAB = "A3.08.b"
G, I, X = Outcome.GRANTED, Outcome.INELIGIBLE, Outcome.INVALID

# The booth rows: area (m²), build cost (yuan; None: not given), the award in fen, the outcome.
BOOTH_ROWS = [
    (36, 120000, 5_400_000, G),
    (17, 120000, 0, I),
    (100, 300000, 10_000_000, G),
    (20, 10001, 500_050, G),
    (36, None, 0, X),   # a required input not given
    (36, -5, 0, X),     # negative money
]
AREAS = [r[0] for r in BOOTH_ROWS]
COSTS = [r[1] for r in BOOTH_ROWS]
BOOTH_FEN = [r[2] for r in BOOTH_ROWS]
BOOTH_OUTCOMES = [r[3] for r in BOOTH_ROWS]


def booth_pandas() -> pd.DataFrame:
    return pd.DataFrame({"booth_area": np.array(AREAS, dtype=np.int64),
                         "build_cost": pd.array(COSTS, dtype="Int64")})


def check_booth(batch: dgsubsidy.BatchResult) -> None:
    assert batch.award_fen.tolist() == BOOTH_FEN
    assert batch.outcome_codes.tolist() == BOOTH_OUTCOMES
    assert isinstance(batch.error, dgsubsidy.MissingInput) and batch.error.row == 4
    assert batch.total == D("159000.50")


def same(a: dgsubsidy.BatchResult, b: dgsubsidy.BatchResult) -> None:
    assert a.award_fen.tolist() == b.award_fen.tolist()
    assert a.outcome_codes.tolist() == b.outcome_codes.tolist()
    assert a.binding_codes.tolist() == b.binding_codes.tolist()
    assert a.reason_codes.tolist() == b.reason_codes.tolist()
    assert (a.error is None) == (b.error is None)
    if a.error is not None:
        assert type(a.error) is type(b.error) and a.error.row == b.error.row and str(a.error) == str(b.error)


def address(view: np.ndarray) -> int:
    return view.__array_interface__["data"][0]


# --------------------------------------------------------------------------- same awards on every path


def test_pandas_reference(rules):
    check_booth(rules.evaluate_batch(BOOTH, booth_pandas(), DATE, errors="mark"))


@needs_arrow
def test_arrow_table_and_record_batch_as_pandas(rules):
    data = {"booth_area": pa.array(AREAS, pa.int64()), "build_cost": pa.array(COSTS, pa.int64())}
    reference = rules.evaluate_batch(BOOTH, booth_pandas(), DATE, errors="mark")
    for frame in (pa.table(data), pa.record_batch(data), data):
        batch = rules.evaluate_batch(BOOTH, frame, DATE, errors="mark")
        check_booth(batch)
        same(batch, reference)
    # errors="raise": the first invalid row's error, with the whole batch
    with pytest.raises(dgsubsidy.MissingInput) as info:
        rules[BOOTH].evaluate_batch(pa.table(data), DATE)
    assert info.value.row == 4 and "build_cost" in str(info.value)
    assert info.value.batch.award_fen.tolist() == BOOTH_FEN


@needs_polars
def test_polars_as_pandas(rules):
    frame = pl.DataFrame({"booth_area": AREAS, "build_cost": COSTS}, schema={"booth_area": pl.Int64,
                                                                             "build_cost": pl.Int64})
    batch = rules.evaluate_batch(BOOTH, frame, DATE, errors="mark")
    check_booth(batch)
    same(batch, rules.evaluate_batch(BOOTH, booth_pandas(), DATE, errors="mark"))
    # Series in a dict, too
    check_booth(rules.evaluate_batch(BOOTH, {"booth_area": frame["booth_area"], "build_cost": frame["build_cost"]},
                                     DATE, errors="mark"))
    with pytest.raises(dgsubsidy.TypeMismatch, match="LazyFrame"):
        rules.evaluate_batch(BOOTH, frame.lazy(), DATE)


@needs_arrow
def test_count_flag_area_with_absent_values(rules):
    # A4.03.b: areas, counts, flags; a null flag is "not given" (not certified), a null count of a
    # required input makes the row invalid.
    areas = [20000, 20000, 20000, 20000, 20000]
    days = [3, 3, 3, 2, None]
    certified = [True, False, None, True, True]
    expected_fen = [50_000_000, 40_000_000, 40_000_000, 0, 0]
    expected = [G, G, G, I, X]
    pandas_frame = pd.DataFrame({"exhibition_area": areas, "days": pd.array(days, dtype="Int64"),
                                 "certified": pd.array(certified, dtype="boolean")})
    table = pa.table({"exhibition_area": pa.array(areas, pa.int32()), "days": pa.array(days, pa.int64()),
                      "certified": pa.array(certified, pa.bool_())})
    frames = [pandas_frame, table]
    if pl is not None:
        frames.append(pl.from_arrow(table))
    batches = [rules.evaluate_batch(FAIR, f, DATE, errors="mark") for f in frames]
    for b in batches:
        assert b.award_fen.tolist() == expected_fen
        assert b.outcome_codes.tolist() == expected
        assert isinstance(b.error, dgsubsidy.MissingInput) and b.error.row == 4
        same(b, batches[0])
    # a float column of whole days (NaN: missing) is a count, as in pandas
    floats = table.set_column(1, "days", pa.array([3.0, 3.0, 3.0, 2.0, None], pa.float64()))
    same(rules.evaluate_batch(FAIR, floats, DATE, errors="mark"), batches[0])
    half = table.set_column(1, "days", pa.array([3.5, 3.0, 3.0, 2.0, None], pa.float64()))
    b = rules.evaluate_batch(FAIR, half, DATE, errors="mark")
    assert b.outcome_codes.tolist() == [X, G, G, I, X] and b.error.row == 0 and "whole number" in str(b.error)


@needs_arrow
def test_choices_as_text_and_dictionary(rules):
    tiers = ["national", "provincial", "municipal", None]
    funds = [1_000_000, 6_000_000, 1_000_000, 1_000_000]
    expected_fen = [300_000_000, 500_000_000, 0, 0]
    expected = [G, G, X, X]
    reference = rules.evaluate_batch(LAB, pd.DataFrame({"tier": tiers, "provincial_funds": funds}), DATE,
                                     errors="mark")
    assert reference.award_fen.tolist() == expected_fen and reference.outcome_codes.tolist() == expected
    assert isinstance(reference.error, dgsubsidy.InvalidChoice) and reference.error.row == 2
    text = pa.array(tiers, pa.string())
    columns = [text, pa.array(tiers, pa.large_string()), text.dictionary_encode(),
               pa.chunked_array([text[:2].dictionary_encode(), text[2:].dictionary_encode()])]
    if pl is not None:
        columns += [pl.Series(tiers, dtype=pl.String), pl.Series(tiers, dtype=pl.Categorical),
                    pl.Series(tiers, dtype=pl.Enum(["national", "provincial", "municipal"]))]
    for column in columns:
        same(rules.evaluate_batch(LAB, {"tier": column, "provincial_funds": pa.array(funds)}, DATE, errors="mark"),
             reference)
    # the choice's index, as an integer column
    b = rules.evaluate_batch(LAB, pa.table({"tier": pa.array([0, 1], pa.int8()),
                                           "provincial_funds": pa.array(funds[:2])}), DATE)
    assert b.award_fen.tolist() == expected_fen[:2]


@needs_arrow
def test_decimal_and_text_money_exact(rules):
    # 10,001.01 yuan: 50% is 5,000.505, floored to the fen: 5,000.50; text is read as the command line reads it
    costs = [D("120000.00"), D("10001.01"), None, D("-1.00")]
    areas = [36, 20, 36, 36]
    expected_fen = [5_400_000, 500_050, 0, 0]
    reference = rules.evaluate_batch(BOOTH, pd.DataFrame({"booth_area": areas, "build_cost": costs}), DATE,
                                     errors="mark")
    assert reference.award_fen.tolist() == expected_fen
    assert reference.outcome_codes.tolist() == [G, G, X, X]
    frames = [pa.table({"booth_area": pa.array(areas), "build_cost": pa.array(costs, pa.decimal128(12, 2))}),
              pa.table({"booth_area": pa.array(areas),
                        "build_cost": pa.array(costs, pa.decimal128(20, 4))}),  # trailing zeros are fine
              pa.table({"booth_area": pa.array(areas),
                        "build_cost": pa.array([None if c is None else str(c) for c in costs])})]
    if pl is not None:
        frames += [pl.from_arrow(frames[0]), pl.from_arrow(frames[2])]
    for frame in frames:
        same(rules.evaluate_batch(BOOTH, frame, DATE, errors="mark"), reference)
    # three decimals are not money: the row is invalid, never rounded
    b = rules.evaluate_batch(BOOTH, pa.table({"booth_area": pa.array([36, 20]), "build_cost": pa.array(
        [D("120000.000"), D("10001.005")], pa.decimal128(12, 3))}), DATE, errors="mark")
    assert b.outcome_codes.tolist() == [G, X] and b.error.row == 1


# --------------------------------------------------------------------------- no copy


@needs_arrow
def test_arrow_int64_columns_are_views(rules):
    table = pa.table({"booth_area": pa.array([3600, 1700], pa.int64()),
                      "build_cost": pa.array([12_000_000, 12_000_000], pa.int64())})
    prep = prepare(rules[BOOTH], table, units="base")
    for k, name in enumerate(["booth_area", "build_cost"]):
        chunk = table.column(name).chunk(0)
        assert address(prep.columns[k]) == chunk.buffers()[1].address + chunk.offset * 8
        assert np.shares_memory(prep.columns[k], chunk.to_numpy(zero_copy_only=True))
        assert prep.present[k] is None
    assert rules.evaluate_batch(BOOTH, table, DATE, units="base").award_fen.tolist() == [5_400_000, 0]
    # A slice of a table is a view with an offset: still no copy, and the right rows
    sliced = table.slice(1, 1)
    prep = prepare(rules[BOOTH], sliced, units="base")
    assert np.shares_memory(prep.columns[0], table.column("booth_area").chunk(0).to_numpy())
    assert prep.columns[0].tolist() == [1700]
    # a count column is a view in the default units too (only money and areas are scaled by 100)
    fair = pa.record_batch({"exhibition_area": pa.array([20000], pa.int64()), "days": pa.array([3], pa.int64())})
    prep = prepare(rules[FAIR], fair)
    assert address(prep.columns[1]) == fair.column(1).buffers()[1].address
    assert not np.shares_memory(prep.columns[0], fair.column(0).to_numpy())  # 20000 m² scaled to hundredths
    assert prep.columns[0].tolist() == [2_000_000]


@needs_polars
def test_polars_int64_columns_are_views(rules):
    frame = pl.DataFrame({"booth_area": [3600, 1700], "build_cost": [12_000_000, 12_000_000]},
                         schema={"booth_area": pl.Int64, "build_cost": pl.Int64})
    prep = prepare(rules[BOOTH], frame, units="base")
    for k, name in enumerate(["booth_area", "build_cost"]):
        assert np.shares_memory(prep.columns[k], frame[name].to_numpy(allow_copy=False))
    assert rules.evaluate_batch(BOOTH, frame, DATE, units="base").award_fen.tolist() == [5_400_000, 0]


# --------------------------------------------------------------------------- units


@needs_arrow
def test_units_mean_the_same_as_pandas(rules):
    data = {"booth_area": [3600], "build_cost": [12_000_000]}
    frames = [pd.DataFrame(data), pa.table(data)]
    if pl is not None:
        frames.append(pl.DataFrame(data))
    for frame in frames:
        # base: fen and hundredths of m² -> 36 m², 120,000 yuan -> 54,000.00
        assert rules.evaluate_batch(BOOTH, frame, DATE, units="base").award_fen.tolist() == [5_400_000]
        # yuan (the default): 3,600 m² and 12,000,000 yuan, capped at 100,000.00 per exhibition
        assert rules.evaluate_batch(BOOTH, frame, DATE).award_fen.tolist() == [10_000_000]
        with pytest.raises(dgsubsidy.InvalidArgument, match="units"):
            rules.evaluate_batch(BOOTH, frame, DATE, units="fen")
    # yuan whose fen do not fit in int64 mark their row (Overflow), as in pandas
    limit = (2**63 - 1) // 100
    table = pa.table({"booth_area": pa.array([36, 36]), "build_cost": pa.array([120000, limit + 1])})
    b = rules.evaluate_batch(BOOTH, table, DATE, errors="mark")
    assert b.outcome_codes.tolist() == [G, X] and isinstance(b.error, dgsubsidy.Overflow) and b.error.row == 1
    big = pa.table({"booth_area": pa.array([3600, 3600], pa.uint64()),
                    "build_cost": pa.array([12_000_000, 2**63], pa.uint64())})
    b = rules.evaluate_batch(BOOTH, big, DATE, units="base", errors="mark")
    assert b.award_fen.tolist() == [5_400_000, 0] and isinstance(b.error, dgsubsidy.Overflow)


# --------------------------------------------------------------------------- chunks


@needs_arrow
def test_several_chunks(rules):
    areas = pa.chunked_array([pa.array([36, 17], pa.int64()), pa.array([100, 20, 36, 36], pa.int64())])
    costs = pa.chunked_array([pa.array([120000, 120000, 300000], pa.int64()),
                              pa.array([10001, None, -5], pa.int64())])
    table = pa.table({"booth_area": areas, "build_cost": costs})
    assert table.column("booth_area").num_chunks == 2
    check_booth(rules.evaluate_batch(BOOTH, table, DATE, errors="mark"))
    # a table of batches of different sizes, and an empty one
    joined = pa.concat_tables([pa.table({"booth_area": pa.array(AREAS[:1]), "build_cost": pa.array(COSTS[:1])}),
                               pa.table({"booth_area": pa.array(AREAS[1:]), "build_cost": pa.array(COSTS[1:])})])
    check_booth(rules.evaluate_batch(BOOTH, joined, DATE, errors="mark"))
    empty = pa.table({"booth_area": pa.chunked_array([], pa.int64()), "build_cost": pa.chunked_array([], pa.int64())})
    assert len(rules.evaluate_batch(BOOTH, empty, DATE)) == 0


@needs_polars
def test_polars_several_chunks(rules):
    first = pl.DataFrame({"booth_area": AREAS[:2], "build_cost": COSTS[:2]})
    rest = pl.DataFrame({"booth_area": AREAS[2:], "build_cost": COSTS[2:]})
    frame = pl.concat([first, rest], rechunk=False)
    assert frame["booth_area"].n_chunks() == 2
    check_booth(rules.evaluate_batch(BOOTH, frame, DATE, errors="mark"))


# --------------------------------------------------------------------------- errors


@needs_arrow
def test_float_money_refused(rules):
    table = pa.table({"booth_area": pa.array([36]), "build_cost": pa.array([120000.0], pa.float64())})
    for errors in ("raise", "mark"):
        with pytest.raises(dgsubsidy.TypeMismatch, match="build_cost.*float64"):
            rules.evaluate_batch(BOOTH, table, DATE, errors=errors)
    with pytest.raises(dgsubsidy.TypeMismatch, match="build_cost.*float32"):
        rules.evaluate_batch(BOOTH, table.set_column(1, "build_cost", pa.array([120000.0], pa.float32())), DATE)
    if pl is not None:
        with pytest.raises(dgsubsidy.TypeMismatch, match="build_cost.*float64"):
            rules.evaluate_batch(BOOTH, pl.from_arrow(table), DATE)


@needs_arrow
def test_wrong_types_refused(rules):
    def table(cost):
        return pa.table({"booth_area": pa.array([36]), "build_cost": cost})

    with pytest.raises(dgsubsidy.TypeMismatch, match="build_cost.*dictionary"):
        rules.evaluate_batch(BOOTH, table(pa.array([120000]).dictionary_encode()), DATE)
    with pytest.raises(dgsubsidy.TypeMismatch, match="build_cost.*boolean"):
        rules.evaluate_batch(BOOTH, table(pa.array([True])), DATE)
    with pytest.raises(dgsubsidy.TypeMismatch, match="build_cost.*Arrow type timestamp"):
        rules.evaluate_batch(BOOTH, table(pa.array([0], pa.timestamp("s"))), DATE)
    with pytest.raises(dgsubsidy.TypeMismatch, match="build_cost.*Arrow type list"):
        rules.evaluate_batch(BOOTH, table(pa.array([[120000]])), DATE)
    with pytest.raises(dgsubsidy.InvalidArgument, match="duplicate"):
        rules.evaluate_batch(BOOTH, pa.table([pa.array([36]), pa.array([1])], names=["booth_area", "booth_area"]),
                             DATE)
    with pytest.raises(dgsubsidy.UnknownInput, match="applicant"):
        rules.evaluate_batch(BOOTH, table(pa.array([120000])).append_column("applicant", pa.array(["a"])), DATE)
    ok = rules.evaluate_batch(BOOTH, table(pa.array([120000])).append_column("applicant", pa.array(["a"])), DATE,
                              extra="ignore")
    assert ok.award_fen.tolist() == [5_400_000]
    # text that is not an amount marks only its row
    b = rules.evaluate_batch(BOOTH, pa.table({"booth_area": pa.array([36, 36]),
                                              "build_cost": pa.array(["120000", "12万"])}), DATE, errors="mark")
    assert b.outcome_codes.tolist() == [G, X] and b.error.row == 1
    # an all-null column is absent values: a required input, so every row is invalid
    b = rules.evaluate_batch(BOOTH, table(pa.nulls(1)), DATE, errors="mark")
    assert b.outcome_codes.tolist() == [X] and isinstance(b.error, dgsubsidy.MissingInput)


@needs_polars
def test_polars_wrong_types_refused(rules):
    with pytest.raises(dgsubsidy.TypeMismatch, match="build_cost.*categorical"):
        rules.evaluate_batch(BOOTH, pl.DataFrame({"booth_area": [36], "build_cost": pl.Series(["1"],
                                                                                              dtype=pl.Categorical)}),
                             DATE)
    with pytest.raises(dgsubsidy.TypeMismatch, match="build_cost.*polars type Date"):
        rules.evaluate_batch(BOOTH, pl.DataFrame({"booth_area": [36], "build_cost": pl.Series([0]).cast(pl.Date)}),
                             DATE)
    with pytest.raises(dgsubsidy.TypeMismatch, match="build_cost.*boolean"):
        rules.evaluate_batch(BOOTH, pl.DataFrame({"booth_area": [36], "build_cost": [True]}), DATE)
    with pytest.raises(dgsubsidy.TypeMismatch, match="build_cost.*float32"):
        rules.evaluate_batch(BOOTH, pl.DataFrame({"booth_area": [36], "build_cost": pl.Series([1.0],
                                                                                              dtype=pl.Float32)}),
                             DATE)
    if hasattr(pl, "Int128"):  # numpy has no 128-bit integers: read value by value, yuan as everywhere
        wide = pl.DataFrame({"booth_area": pl.Series([36, 36], dtype=pl.Int128),
                             "build_cost": pl.Series([120000, 2**70], dtype=pl.Int128)})
        b = rules.evaluate_batch(BOOTH, wide, DATE, errors="mark")
        assert b.award_fen.tolist() == [5_400_000, 0] and b.outcome_codes.tolist() == [G, X]
        assert isinstance(b.error, dgsubsidy.Overflow) and b.error.row == 1


# --------------------------------------------------------------------------- built on prepare


@needs_arrow
def test_sweep_and_compare_take_arrow(rules):
    table = pa.table({"booth_area": pa.array([36, 100, 20]), "build_cost": pa.array([120000, 300000, 10001])})
    values = [D("50000"), D("100000")]
    # cap per exhibition 50,000: 50,000 + 50,000 + 5,000.50; 100,000: 54,000 + 100,000 + 5,000.50
    swept = rules.sweep(BOOTH, "cap_per_exhibition", values, table, DATE)
    assert swept["total"].tolist() == [D("105000.50"), D("159000.50")]
    assert swept["total"].tolist() == rules.sweep(BOOTH, "cap_per_exhibition", values, table.to_pandas(),
                                                  DATE)["total"].tolist()
    reform = rules.with_parameter(BOOTH, "cap_per_exhibition", D("50000"))
    cmp = rules.compare(reform, table, DATE, measures=[BOOTH])
    assert cmp.rows[f"{BOOTH}.difference_fen"].tolist() == [-400_000, -5_000_000, 0]  # 54,000 -> 50,000; 100,000 -> 50,000
