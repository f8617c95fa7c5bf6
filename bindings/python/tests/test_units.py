# SPDX-License-Identifier: MulanPSL-2.0
"""One meaning of a number: an integer of money is yuan (of area m²) on every path.

Expected amounts are worked by hand from the clauses:

- A4.02.1.a (特装展位): 50% of the build cost, at most 1500 yuan per m², at most
  100,000 yuan per exhibition, booths of 18 m² and more.  36 m² and 120,000 yuan:
  min(60,000, 36 × 1500 = 54,000, 100,000) = 54,000.00; 17 m² is ineligible.
- A4.03.b (展会): 200,000 yuan (300,000 certified) for 10,000 m² and 3 days, plus
  100,000 yuan per further 5,000 m².  20,000 m², 3 days, certified: 300,000 +
  2 × 100,000 = 500,000.00; not certified: 400,000.00.
"""

import csv
import enum
import io
import os
import subprocess
from decimal import Decimal as D
from fractions import Fraction
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import dgsubsidy
from dgsubsidy import Outcome

DATE = "2025-06-01"
BOOTH = "A4.02.1.a"
FEN_54000 = 5_400_000
LIMIT = (2**63 - 1) // 100  # the largest whole yuan whose fen fit in int64


def booth_frame(area, cost, dtype=np.int64):
    return pd.DataFrame({"booth_area": np.array(area, dtype=dtype), "build_cost": np.array(cost, dtype=dtype)})


# --------------------------------------------------------------------------- integers are yuan


def test_int_columns_are_yuan_as_in_evaluate(rules):
    scalar = rules.evaluate(BOOTH, date=DATE, booth_area=36, build_cost=120000)
    assert scalar.award == D("54000.00") and scalar.outcome == Outcome.GRANTED
    b = rules.evaluate_batch(BOOTH, booth_frame([36, 17], [120000, 120000]), DATE)
    assert b.award_fen.tolist() == [FEN_54000, 0]
    assert b.outcome_codes.tolist() == [Outcome.GRANTED, Outcome.INELIGIBLE]
    assert b.awards[0] == scalar.award
    # a dict of lists, a dict of arrays and a Measure's batch read the same numbers the same way
    assert rules[BOOTH].evaluate_batch({"booth_area": [36], "build_cost": [120000]}, DATE).award_fen[0] == FEN_54000


def test_base_units_only_when_asked(rules):
    b = rules.evaluate_batch(BOOTH, booth_frame([3600], [12_000_000]), DATE, units="base")
    assert b.award_fen.tolist() == [FEN_54000]
    # the same fen read as yuan are a different, far larger case: capped at 100,000
    y = rules.evaluate_batch(BOOTH, booth_frame([3600], [12_000_000]), DATE)
    assert y.award_fen.tolist() == [10_000_000]
    with pytest.raises(dgsubsidy.InvalidArgument) as info:
        rules.evaluate_batch(BOOTH, booth_frame([36], [120000]), DATE, units="fen")
    assert "units" in str(info.value)


@pytest.mark.parametrize("dtype", [np.int8, np.int16, np.int32, np.int64, np.uint16, np.uint32, np.uint64])
def test_every_integer_dtype_is_yuan(rules, dtype):
    b = rules.evaluate_batch(BOOTH, {"booth_area": np.array([36, 17], dtype=dtype),
                                     "build_cost": np.array([120000 if np.iinfo(dtype).max >= 120000 else 100] * 2,
                                                            dtype=dtype)}, DATE)
    if np.iinfo(dtype).max >= 120000:
        assert b.award_fen.tolist() == [FEN_54000, 0]
    else:  # 100 yuan of build cost: 50 yuan
        assert b.award_fen.tolist() == [5_000, 0]


def test_yuan_beyond_int64_fen_mark_the_row(rules):
    cost = np.array([120000, LIMIT, LIMIT + 1, -LIMIT - 1], dtype=np.int64)
    b = rules.evaluate_batch(BOOTH, {"booth_area": np.full(4, 36, np.int64), "build_cost": cost}, DATE, errors="mark")
    assert b.outcome_codes.tolist() == [Outcome.GRANTED, Outcome.GRANTED, Outcome.INVALID, Outcome.INVALID]
    assert b.award_fen.tolist() == [FEN_54000, FEN_54000, 0, 0]
    assert isinstance(b.error, dgsubsidy.Overflow) and b.error.row == 2
    assert "build_cost" in str(b.error) and "yuan" in str(b.error)
    with pytest.raises(dgsubsidy.Overflow) as info:
        rules.evaluate_batch(BOOTH, {"booth_area": np.full(4, 36, np.int64), "build_cost": cost}, DATE)
    assert info.value.row == 2
    # the scalar path refuses the same number
    with pytest.raises(dgsubsidy.Overflow):
        rules.evaluate(BOOTH, date=DATE, booth_area=36, build_cost=LIMIT + 1)


def test_uint64_beyond_int64_marks_the_row(rules):
    cost = np.array([2**64 - 1, 120000], dtype=np.uint64)
    for units, good in (("yuan", 120000), ("base", 12_000_000)):
        c = cost.copy()
        c[1] = good
        area = np.array([36, 36] if units == "yuan" else [3600, 3600], dtype=np.uint64)
        b = rules.evaluate_batch(BOOTH, {"booth_area": area, "build_cost": c}, DATE, errors="mark", units=units)
        assert b.outcome_codes.tolist() == [Outcome.INVALID, Outcome.GRANTED]
        assert b.award_fen.tolist() == [0, FEN_54000]
        assert isinstance(b.error, dgsubsidy.Overflow) and b.error.row == 0


def test_nullable_int64_with_na(rules):
    df = pd.DataFrame({"exhibition_area": pd.array([20000, 20000, None], dtype="Int64"),
                       "days": pd.array([3, 3, 3], dtype="Int64"),
                       "certified": pd.array([True, None, False], dtype="boolean"),
                       "granted_to_date": pd.array([None, 0, 0], dtype="Int64")})
    b = rules.evaluate_batch("A4.03.b", df, DATE, errors="mark")
    assert b.award_fen.tolist() == [50_000_000, 40_000_000, 0]
    assert b.outcome_codes[2] == Outcome.INVALID and isinstance(b.error, dgsubsidy.MissingInput)
    u = pd.DataFrame({"booth_area": pd.array([36, None], dtype="UInt64"),
                      "build_cost": pd.array([120000, 120000], dtype="UInt32")})
    ub = rules.evaluate_batch(BOOTH, u, DATE, errors="mark")
    assert ub.award_fen[0] == FEN_54000 and ub.outcome_codes[1] == Outcome.INVALID


def test_object_columns_are_yuan_value_by_value(rules):
    cost = np.array([D("120000"), 120000, "120000.00", np.int64(120000), D("120000.004").quantize(D("0.01"))],
                    dtype=object)
    b = rules.evaluate_batch(BOOTH, {"booth_area": np.array([36, D("36.00"), "36", np.int32(36), 36], dtype=object),
                                     "build_cost": cost}, DATE)
    assert b.award_fen.tolist() == [FEN_54000] * 5
    # NaN and None in an object column are "not given" (booth_area is required)
    m = rules.evaluate_batch(BOOTH, {"booth_area": np.array([np.nan, None, pd.NA, 36], dtype=object),
                                     "build_cost": [120000] * 4}, DATE, errors="mark")
    assert m.outcome_codes.tolist() == [Outcome.INVALID] * 3 + [Outcome.GRANTED]
    assert isinstance(m.error, dgsubsidy.MissingInput)
    # with units="base" the numbers of an object column are fen too; text is refused
    base = rules.evaluate_batch(BOOTH, {"booth_area": np.array([3600, D(3600), "36"], dtype=object),
                                        "build_cost": np.array([12_000_000] * 3, dtype=object)}, DATE,
                                errors="mark", units="base")
    assert base.award_fen.tolist() == [FEN_54000, FEN_54000, 0]
    assert isinstance(base.error, dgsubsidy.TypeMismatch) and base.error.row == 2


def test_float_columns_of_money_are_refused_with_a_hint(rules):
    for frame in (booth_frame([36.0], [120000.0], dtype=np.float64),
                  pd.DataFrame({"booth_area": [36], "build_cost": pd.array([120000.0], dtype="Float64")}),
                  {"booth_area": np.array([36]), "build_cost": np.array([120000.5], dtype=np.float32)}):
        for errors in ("raise", "mark"):
            with pytest.raises(dgsubsidy.TypeMismatch) as info:
                rules.evaluate_batch(BOOTH, frame, DATE, errors=errors)
            text = str(info.value)
            assert "floating point" in text and "dtype=str" in text


# --------------------------------------------------------------------------- the same CSV, CLI and pandas


def cli_path():
    env = os.environ.get("DGS_CLI")
    if env:
        return Path(env)
    root = Path(__file__).resolve().parents[3]
    for p in (root / "build" / "tools" / "dgsubsidy" / "dgsubsidy", root / "build" / "dgsubsidy"):
        if p.exists():
            return p
    return None


def cli_batch(tmp_path, measure, text):
    cli = cli_path()
    if cli is None:
        pytest.skip("the command-line tool is not built (cmake --build build) and DGS_CLI is not set")
    path = tmp_path / "cases.csv"
    path.write_text(text)
    out = subprocess.run([str(cli), "batch", measure, "--input", str(path), "--date", DATE],
                         capture_output=True, text=True, check=True).stdout
    rows = list(csv.DictReader(io.StringIO(out)))
    return path, [D(r["award"]) for r in rows], [r["outcome"] for r in rows]


def test_the_same_csv_through_the_cli_and_pandas(rules, tmp_path):
    text = "booth_area,build_cost\n36,120000\n17,5000\n100,200000\n18,1\n"
    path, awards, outcomes = cli_batch(tmp_path, BOOTH, text)
    assert awards == [D("54000.00"), D("0.00"), D("100000.00"), D("0.50")]
    for frame in (pd.read_csv(path), pd.read_csv(path, dtype=str)):
        b = rules.evaluate_batch(BOOTH, frame, DATE)
        assert list(b.awards) == awards and b.outcomes.tolist() == outcomes


def test_a_csv_with_decimals_is_refused_by_default_and_exact_as_text(rules, tmp_path):
    text = "booth_area,build_cost\n36.5,120000.25\n17,5000\n100.25,200000\n"
    path, awards, outcomes = cli_batch(tmp_path, BOOTH, text)
    # 36.5 m²: min(60,000.12, 54,750, 100,000) = 54,750.00; 100.25 m²: capped at 100,000.
    assert awards == [D("54750.00"), D("0.00"), D("100000.00")]
    with pytest.raises(dgsubsidy.TypeMismatch):  # pandas reads these columns as float64
        rules.evaluate_batch(BOOTH, pd.read_csv(path), DATE)
    b = rules.evaluate_batch(BOOTH, pd.read_csv(path, dtype=str), DATE)
    assert list(b.awards) == awards and b.outcomes.tolist() == outcomes
    conv = pd.read_csv(path, converters={"booth_area": D, "build_cost": D})
    assert list(rules.evaluate_batch(BOOTH, conv, DATE).awards) == awards


def test_a_csv_with_empty_cells(rules, tmp_path):
    # A4.03.b's granted_to_date is optional: an empty cell is "not given" on both paths.
    text = "exhibition_area,days,certified,granted_to_date\n20000,3,true,\n20000,3,false,100000\n"
    path, awards, _ = cli_batch(tmp_path, "A4.03.b", text)
    assert awards == [D("500000.00"), D("400000.00")]
    b = rules.evaluate_batch("A4.03.b", pd.read_csv(path, dtype=str), DATE)
    assert list(b.awards) == awards
    nullable = pd.read_csv(path, dtype={"granted_to_date": "Int64"})
    assert list(rules.evaluate_batch("A4.03.b", nullable, DATE).awards) == awards


# --------------------------------------------------------------------------- bools, subclasses, numpy scalars


class Weird(int):
    """An int whose operators lie: the amount is still the integer it holds."""

    def __mul__(self, other):
        return 0

    __rmul__ = __mul__

    def __int__(self):
        return 0

    def __index__(self):
        return 0


class Yuan(enum.IntEnum):
    COST = 120000


def test_int_subclasses_are_their_integer(rules):
    r = rules.evaluate(BOOTH, date=DATE, booth_area=Weird(36), build_cost=Weird(120000))
    assert r.award == D("54000.00")
    assert rules.evaluate(BOOTH, date=DATE, booth_area=36, build_cost=Yuan.COST).award == D("54000.00")
    b = rules.evaluate_batch(BOOTH, {"booth_area": np.array([Weird(36)], dtype=object),
                                     "build_cost": np.array([Yuan.COST], dtype=object)}, DATE)
    assert b.award_fen.tolist() == [FEN_54000]


def test_bools_are_never_money(rules):
    for value in (True, np.True_, np.bool_(False)):
        with pytest.raises(dgsubsidy.TypeMismatch):
            rules.evaluate(BOOTH, date=DATE, booth_area=36, build_cost=value)
        with pytest.raises(dgsubsidy.TypeMismatch):
            rules.evaluate("A4.03.b", date=DATE, exhibition_area=20000, days=value)
    with pytest.raises(dgsubsidy.TypeMismatch):
        rules.evaluate_batch(BOOTH, {"booth_area": [36], "build_cost": np.array([True])}, DATE, errors="mark")
    with pytest.raises(dgsubsidy.TypeMismatch):
        rules.evaluate_batch(BOOTH, {"booth_area": [36], "build_cost": pd.array([True], dtype="boolean")}, DATE)


def test_numpy_scalars(rules):
    r = rules.evaluate(BOOTH, date=DATE, booth_area=np.int32(36), build_cost=np.uint64(120000))
    assert r.award == D("54000.00")
    with pytest.raises(dgsubsidy.TypeMismatch):
        rules.evaluate(BOOTH, date=DATE, booth_area=36, build_cost=np.float64(120000))
    with pytest.raises(dgsubsidy.TypeMismatch):
        rules.evaluate(BOOTH, date=DATE, booth_area=36, build_cost=np.float32(120000))


def test_numpy_bool_is_a_flag(rules):
    plain = rules.evaluate("A4.03.b", date=DATE, exhibition_area=20000, days=3, certified=True)
    assert plain.award == D("500000.00")
    assert rules.evaluate("A4.03.b", date=DATE, exhibition_area=20000, days=3, certified=np.True_).award \
        == plain.award
    assert rules.evaluate("A4.03.b", date=DATE, exhibition_area=20000, days=3, certified=np.False_).award \
        == D("400000.00")
    b = rules.evaluate_batch("A4.03.b", {"exhibition_area": [20000, 20000], "days": [3, 3],
                                         "certified": np.array([np.True_, np.False_], dtype=object)}, DATE)
    assert b.award_fen.tolist() == [50_000_000, 40_000_000]


# --------------------------------------------------------------------------- errors="mark"


class BrokenIndex:
    def __index__(self):
        raise ValueError("broken")


BAD_MONEY = [1.5, np.float32(2), "abc", "1.001", "", " 5", D("NaN"), D("Infinity"), D("1.001"), True, np.True_,
             2**70, -(2**70), [1], {"a": 1}, object(), BrokenIndex(), b"1", Fraction(1, 2), 1 + 2j,
             np.datetime64("2024-01-01"), "\x00", "\udcff"]


@pytest.mark.parametrize("value", BAD_MONEY, ids=lambda v: type(v).__name__ + ":" + repr(v)[:20])
def test_mark_never_raises_for_one_rows_money(rules, value):
    cost = np.array([120000, value, 120000], dtype=object)
    b = rules.evaluate_batch(BOOTH, {"booth_area": [36, 36, 36], "build_cost": cost}, DATE, errors="mark")
    assert b.outcome_codes.tolist() == [Outcome.GRANTED, Outcome.INVALID, Outcome.GRANTED]
    assert b.award_fen.tolist() == [FEN_54000, 0, FEN_54000]
    assert isinstance(b.error, dgsubsidy.Error) and b.error.row == 1
    with pytest.raises(dgsubsidy.Error) as info:
        rules.evaluate_batch(BOOTH, {"booth_area": [36, 36, 36], "build_cost": cost}, DATE)
    assert info.value.row == 1


@pytest.mark.parametrize("column,value", [
    ("days", 2.5), ("days", np.inf), ("days", "three"), ("days", True), ("days", -1), ("days", 2**64),
    ("certified", 2), ("certified", "yes"), ("certified", 0.5),
    ("exhibition_area", "10000.001"), ("exhibition_area", -5), ("granted_to_date", 1.25),
])
def test_mark_never_raises_for_one_rows_count_flag_area(rules, column, value):
    good = {"exhibition_area": 20000, "days": 3, "certified": True, "granted_to_date": 0}
    frame = {k: np.array([v, value if k == column else v], dtype=object) for k, v in good.items()}
    b = rules.evaluate_batch("A4.03.b", frame, DATE, errors="mark")
    assert b.outcome_codes.tolist() == [Outcome.GRANTED, Outcome.INVALID]
    assert b.award_fen.tolist() == [50_000_000, 0] and b.error.row == 1


def test_mark_never_raises_for_numeric_columns(rules):
    # a float count column: a fraction or an infinity marks its row
    days = np.array([3.0, 2.5, np.inf, np.nan, 3.0])
    b = rules.evaluate_batch("A4.03.b", {"exhibition_area": np.full(5, 20000), "days": days}, DATE, errors="mark")
    assert b.outcome_codes.tolist() == [Outcome.GRANTED] + [Outcome.INVALID] * 3 + [Outcome.GRANTED]
    assert b.award_fen[0] == b.award_fen[4] == 40_000_000 and b.error.row == 1
    # an unknown choice name, a choice index out of range
    t = rules["A3.08.b"]
    names = list(t.inputs["tier"].choices)
    c = t.evaluate_batch({"tier": np.array([names[0], "bronze", 99, -1], dtype=object),
                          "provincial_funds": [1_000_000] * 4}, DATE, errors="mark")
    assert c.outcome_codes[0] != Outcome.INVALID and (c.outcome_codes[1:] == Outcome.INVALID).all()


def test_python_lists_are_judged_value_by_value(rules):
    # numpy alone would read [True, 120000] as [1, 120000]: a bool paid as one yuan
    b = rules.evaluate_batch(BOOTH, {"booth_area": [36, 36], "build_cost": [True, 120000]}, DATE, errors="mark")
    assert b.outcome_codes.tolist() == [Outcome.INVALID, Outcome.GRANTED]
    assert isinstance(b.error, dgsubsidy.TypeMismatch) and b.error.row == 0
    # and [36, 36.5] as a float column refused whole: here only the float's row is marked
    f = rules.evaluate_batch(BOOTH, {"booth_area": [36, 36.5], "build_cost": [120000, 120000]}, DATE,
                             errors="mark")
    assert f.outcome_codes.tolist() == [Outcome.GRANTED, Outcome.INVALID] and f.award_fen[0] == FEN_54000
    c = rules.evaluate_batch("A4.03.b", {"exhibition_area": [20000, 20000], "days": [np.True_, 3]}, DATE,
                             errors="mark")
    assert c.outcome_codes.tolist() == [Outcome.INVALID, Outcome.GRANTED]
    # whole floats stay accepted for counts
    w = rules.evaluate_batch("A4.03.b", {"exhibition_area": [20000], "days": [3.0]}, DATE)
    assert w.award_fen.tolist() == [40_000_000]


def test_parameter_values_as_decimal_are_written_exactly(rules):
    m = "A1.07.a"
    r = rules.with_parameter(m, "ratio", D("0.055"))
    assert r[m].parameters["ratio"].value == "5.5%"
    # 5.5% of 20,000,000 yuan = 1,100,000.00 (below the 1,500,000 cap and the interest paid)
    assert r.evaluate(m, date=DATE, financed_amount=20_000_000, interest_paid=10**7).award == D("1100000.00")
    assert rules.with_parameter(m, "cap_per_year", D("1E+6"))[m].parameters["cap_per_year"].value == "1000000.00"
    with pytest.raises(dgsubsidy.InvalidValue):
        rules.with_parameter(m, "cap_per_year", D("1000000.001"))
    for bad in (True, np.True_, 1.5, D("NaN")):
        with pytest.raises(dgsubsidy.Error):
            rules.with_parameter(m, "cap_per_year", bad)


def test_bool_columns_only_for_flags(rules):
    # a bool column of days would be read as 1 day / 0 days
    for days in (np.array([True, True]), pd.array([True, None], dtype="boolean")):
        with pytest.raises(dgsubsidy.TypeMismatch) as info:
            rules.evaluate_batch("A4.03.b", {"exhibition_area": [20000, 20000], "days": days}, DATE, errors="mark")
        assert "days" in str(info.value)
    t = rules["A3.08.b"]
    with pytest.raises(dgsubsidy.TypeMismatch):
        t.evaluate_batch({"tier": np.array([True]), "provincial_funds": [1]}, DATE)


def test_a_csv_written_by_pandas_with_its_index(rules, tmp_path):
    # df.to_csv() writes the index as an unnamed first column: refused with the fix, never shifted
    path = tmp_path / "with_index.csv"
    booth_frame([36, 17], [120000, 120000]).to_csv(path)
    with pytest.raises(dgsubsidy.UnknownInput) as info:
        rules.evaluate_batch(BOOTH, pd.read_csv(path), DATE)
    assert "index=False" in str(info.value) and "index_col=0" in str(info.value)
    b = rules.evaluate_batch(BOOTH, pd.read_csv(path, index_col=0), DATE)
    assert b.award_fen.tolist() == [FEN_54000, 0]


def test_a_batch_of_a_quota_is_not_money(rules):
    # A1.16.a: 翻倍配置义务教育公办学校学位指标 — twice the base quota, in places, not yuan
    m = rules["A1.16.a"]
    assert m.unit == "places"
    scalar = rules.evaluate("A1.16.a", date=DATE, base_quota=10)
    assert scalar.award == 20 and scalar.unit == "places"
    b = m.evaluate_batch({"base_quota": [10, 3]}, DATE)
    assert not b.is_money and b.unit == "places"
    assert b.awards.tolist() == [20, 6] and b.total == 26 and isinstance(b.total, int)
    assert "26 places" in repr(b) and "CNY" not in repr(b)
    assert b.to_frame(decimal=True)["award"].tolist() == [20, 6]
    money = rules.evaluate_batch(BOOTH, booth_frame([36], [120000]), DATE)
    assert money.is_money and money.total == D("54000.00") and "CNY 54,000.00" in repr(money)


def test_series_in_a_dict_must_share_their_index(rules):
    area = pd.Series([36, 17], index=["a", "b"])
    cost = pd.Series([120000, 5000], index=["b", "a"])  # the same applicants, in another order
    with pytest.raises(dgsubsidy.InvalidArgument) as info:
        rules.evaluate_batch(BOOTH, {"booth_area": area, "build_cost": cost}, DATE)
    assert "index" in str(info.value)
    # a DataFrame aligns them: a (36 m², 5,000 yuan) gets 2,500.00; b (17 m²) is ineligible
    b = rules.evaluate_batch(BOOTH, pd.DataFrame({"booth_area": area, "build_cost": cost}), DATE)
    assert b.award_fen.tolist() == [250_000, 0] and b.to_frame().index.tolist() == ["a", "b"]
    same = rules.evaluate_batch(BOOTH, {"booth_area": area, "build_cost": cost.loc[["a", "b"]]}, DATE)
    assert same.award_fen.tolist() == [250_000, 0] and same.index.tolist() == ["a", "b"]


def test_many_bad_values_in_an_object_column_stay_linear(rules):
    import time

    n = 100_000
    cost = np.array(["x"] * n, dtype=object)
    cost[::2] = 120000
    t0 = time.perf_counter()
    b = rules.evaluate_batch(BOOTH, {"booth_area": np.full(n, 36), "build_cost": cost}, DATE, errors="mark")
    assert time.perf_counter() - t0 < 30  # quadratic marking took minutes
    assert (b.outcome_codes[1::2] == Outcome.INVALID).all() and (b.award_fen[::2] == FEN_54000).all()
    assert b.error.row == 1


def test_many_unknown_choice_names_stay_linear(rules):
    import time

    t = rules["A3.08.b"]
    names = list(t.inputs["tier"].choices)
    n = 50_000
    tier = np.array([f"bad{i}" for i in range(n)])
    tier[::2] = names[0]
    t0 = time.perf_counter()
    b = t.evaluate_batch({"tier": tier, "provincial_funds": np.full(n, 1_000_000)}, DATE, errors="mark")
    assert time.perf_counter() - t0 < 30
    assert (b.outcome_codes[1::2] == Outcome.INVALID).all() and not (b.outcome_codes[::2] == Outcome.INVALID).any()
    assert b.error.row == 1 and "bad1" in str(b.error)
