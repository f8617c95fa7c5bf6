# SPDX-License-Identifier: MulanPSL-2.0
"""Ruleset.evaluate_population: several measures over one population, stacked per applicant in C.

A random population, of one date or a date per row, is checked claim by claim against
rules.evaluate (at each row's date) + rules.stack for each applicant; the vectors are worked by hand from the clauses quoted above them."""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

import numpy as np
import pandas as pd
import pytest

import dgsubsidy

MEASURES = ["A1.01.a", "A2.01.d", "A1.07.a", "OP.10.a", "OP.02.a", "A1.10.a"]
COLUMNS = ["national_funds", "provincial_funds", "total_investment", "financed_amount", "interest_paid",
           "tier", "award_base", "base_ratio_bp", "base_limit", "honour", "assessed", "new_purchases"]


def random_row(rng: random.Random) -> dict:
    row: dict = {}
    for _ in range(rng.randint(1, 2)):
        kind = rng.randrange(6)
        if kind == 0:   # a project both matching measures claim (G-MATCH)
            row.update(national_funds=rng.randint(0, 3) * 2_000_000, provincial_funds=rng.randint(0, 3) * 1_500_000,
                       total_investment=rng.randint(1, 40) * 1_000_000)
        elif kind == 1:  # a lease (每年最高贴息 150 万元)
            row.update(financed_amount=rng.randint(0, 40) * 1_000_000, interest_paid=rng.randint(0, 300) * 10_000)
        elif kind == 2:  # a first-set award uplift (每家企业每年最高 500 万元)
            row.update(tier=rng.choice(["key_list", "chain_leader"]), award_base=rng.randint(100, 3000) * 10_000,
                       base_ratio_bp=rng.randint(500, 3000), base_limit=rng.randint(50, 600) * 10_000)
        elif kind == 3:  # an honour: a ceiling, or assessed
            row.update(honour=rng.choice(["well_known_trademark", "china_quality_award"]))
            if rng.random() < 0.5:
                row["assessed"] = rng.randint(0, 400) * 10_000
        elif kind == 4:
            row["new_purchases"] = rng.randint(0, 400) * 10_000
        else:            # national funds alone: A1.01.a and A2.01.d claimed, both invalid
            row["national_funds"] = rng.randint(1, 20) * 1_000_000
    return row


def random_population(seed: int, rows: int = 60) -> pd.DataFrame:
    rng = random.Random(seed)
    records = []
    for _ in range(rows):
        r = random_row(rng)
        r["applicant"] = rng.choice([101, 102, 103, 104])
        r["project"] = rng.choice(["P1", "P2", None])
        records.append(r)
    df = pd.DataFrame.from_records(records, columns=["applicant", "project"] + COLUMNS)
    for c in COLUMNS:
        if c not in ("tier", "honour"):
            df[c] = df[c].astype("Int64")
    return df


def reference(rules, df: pd.DataFrame, date: str, objects: bool):
    """Per (row, measure) claim: (paid_fen, decision) by rules.evaluate + rules.stack per applicant."""
    expected = {}
    for _, rows in df.groupby("applicant", sort=False):
        results, objs, keys = [], [], []
        for i, row in rows.iterrows():
            for m in MEASURES:
                measure = rules.measure(m)
                given = {c: row[c] for c in COLUMNS if c in measure.inputs and not pd.isna(row[c])}
                if not given:
                    continue
                given = {c: int(v) if isinstance(v, (int, np.integer)) else v for c, v in given.items()}
                day = row["date"] if "date" in df.columns and not pd.isna(row["date"]) else date
                try:
                    r = rules.evaluate(m, date=day, **given)
                except dgsubsidy.Error:
                    expected[(i, m)] = (0, "invalid")
                    continue
                results.append(r)
                # a row without a project (no column, or a missing cell) is an object of its own
                objs.append(row["project"] if objects and not pd.isna(row["project"]) else f"row {i}")
                keys.append((i, m))
        if results:
            report = rules.stack(results, objects=objs)
            for k, e in zip(keys, report):
                expected[k] = (e.paid_fen, str(e.decision))
    return expected


@pytest.mark.parametrize("seed", range(12))
def test_equals_evaluate_and_stack_per_applicant(rules, seed):
    df = random_population(seed)
    date = ["2025-06-01", "2024-03-01", "2026-12-31"][seed % 3]
    objects = seed % 2 == 0
    pop = rules.evaluate_population(df if objects else df.drop(columns="project"), date, measures=MEASURES,
                                    object="project" if objects else None, errors="mark")
    expected = reference(rules, df, date, objects)
    claims = pop.claims
    got = {(r.row, r.measure): (r.paid_fen, r.decision) for r in claims.itertuples()}
    assert got == expected
    decisions = set(claims.decision)
    assert {"paid", "superseded", "invalid"} <= decisions
    # totals are the exact sums of the claims
    assert pop.total == sum(claims.paid, Decimal(0))
    by_app = pop.by_applicant
    for a, rows in claims.groupby("applicant"):
        assert by_app.loc[a, "paid"] == sum(rows.paid, Decimal(0))
    assert pop.by_measure["paid_fen"].sum() == pop.total_fen


@pytest.mark.parametrize("seed", range(8))
def test_a_date_per_row_equals_evaluate_and_stack_at_each_date(rules, seed):
    """Rows of 2024 and 2025 (and, for some, the call's date): each claim evaluated at its row's date,
    a yearly award or cap one per year of that date."""
    df = random_population(100 + seed)
    rng = random.Random(seed)
    days = ["2024-06-01", "2025-03-01", "2025-11-30"] + ([None] if seed % 2 else [])
    df["date"] = [rng.choice(days) for _ in range(len(df))]
    date = "2025-06-01" if seed % 2 else None
    pop = rules.evaluate_population(df, date, measures=MEASURES, object="project", errors="mark")
    expected = reference(rules, df, date, True)
    claims = pop.claims
    assert {(r.row, r.measure): (r.paid_fen, r.decision) for r in claims.itertuples()} == expected
    for r in claims.itertuples():
        own = df.loc[r.row, "date"]
        assert r.date == (date if pd.isna(own) else own)
    assert pop.dates is not None and pop.date == date


def test_decisions_reach_pending_and_capped(rules):
    seen = set()
    for seed in range(12):
        pop = rules.evaluate_population(random_population(seed), "2025-06-01", measures=MEASURES, object="project",
                                        errors="mark")
        seen |= set(pop.claims.decision)
    assert {"pending_assessment", "capped", "not_granted"} <= seen


# ---- hand-worked vectors ----------------------------------------------------------------

def test_two_projects_of_one_applicant_are_not_collapsed(rules):
    """附件1（一）国家、省相关项目分别按最高 1:1 和 1:0.5 配套 (A1.01.a) and A2.01.d, one group
    about the project (G-MATCH).  P1: national 600万 → 600万 by both, paid once; P2: provincial
    400万 → 200万 by both, paid once.  800万 for applicant "甲"; one project named twice: 600万."""
    df = pd.DataFrame({"firm": ["甲", "甲"], "national_funds": [6_000_000, 0], "provincial_funds": [0, 4_000_000],
                       "total_investment": [100_000_000, 100_000_000]})
    pop = rules.evaluate_population(df, "2025-06-01", measures=["A1.01.a", "A2.01.d"], applicant="firm")
    assert pop.by_applicant.loc["甲", "paid"] == Decimal("8000000.00")
    assert pop.total == Decimal("8000000.00")
    assert list(pop.claims.decision) == ["paid", "superseded", "paid", "superseded"]
    df["project"] = ["P1", "P1"]
    one = rules.evaluate_population(df, "2025-06-01", measures=["A1.01.a", "A2.01.d"], applicant="firm",
                                    object="project")
    assert one.total == Decimal("6000000.00")
    # A missing or empty object names none: each such row is an object of its own, never merged
    # with another blank row into one benefit (800万 again, not 600万).
    for blank in ([None, None], ["", ""], [None, ""], [pd.NA, pd.NA]):
        df["project"] = pd.Series(blank, dtype=object)
        pop = rules.evaluate_population(df, "2025-06-01", measures=["A1.01.a", "A2.01.d"], applicant="firm",
                                        object="project")
        assert pop.total == Decimal("8000000.00"), blank


def test_a_ceiling_is_not_paid(rules):
    """实施意见（二）中国驰名商标 给予最高 300 万元: to be assessed, never paid; assessed at 120万: paid."""
    df = pd.DataFrame({"applicant": [1, 2], "honour": ["well_known_trademark"] * 2,
                       "assessed": pd.array([None, 1_200_000], dtype="Int64")})
    pop = rules.evaluate_population(df, "2025-06-01", measures=["OP.02.a"])
    c = pop.claims
    assert list(c.outcome) == ["up_to", "granted"]
    assert list(c.decision) == ["pending_assessment", "paid"]
    assert list(c.paid) == [Decimal("0.00"), Decimal("1200000.00")]
    assert c.award[0] == Decimal("3000000.00")
    assert pop.total == Decimal("1200000.00")
    assert pop.by_measure.loc["OP.02.a", "up_to"] == Decimal("3000000.00")
    assert pop.by_measure.loc["OP.02.a", "pending"] == 1
    assert pop.by_applicant.loc[1, "paid"] == Decimal("0.00")
    assert pop.by_applicant.loc[1, "up_to"] == Decimal("3000000.00")


def test_a_yearly_cap_per_applicant_and_allocation(rules):
    """实施意见（十）每家企业每年最高 500 万元: 22% of 1000万 = 220万 each; applicant "x"'s three
    products: 220 + 220 + 60 = 500万; "y": 220万.  A budget of 360万 pro rata over 500 : 220:
    x 250万, y 110万."""
    df = pd.DataFrame({"applicant": ["x", "y", "x", "x"], "tier": ["chain_leader"] * 4,
                       "award_base": [10_000_000] * 4, "base_ratio_bp": [2000] * 4, "base_limit": [3_000_000] * 4})
    pop = rules.evaluate_population(df, "2025-06-01", measures=["OP.10.a"])
    assert list(pop.claims.paid_fen) == [220_000_000, 220_000_000, 220_000_000, 60_000_000]
    assert pop.claims.decision[3] == "capped"
    assert pop.by_applicant.loc["x", "paid"] == Decimal("5000000.00")
    shares = pop.allocate(Decimal("3600000"))
    assert shares["x"] == Decimal("2500000.00")
    assert shares["y"] == Decimal("1100000.00")


def test_rows_not_claiming_a_measure_are_not_claims(rules):
    df = pd.DataFrame({"applicant": [1, 1], "financed_amount": pd.array([20_000_000, None], dtype="Int64"),
                       "interest_paid": pd.array([1_200_000, None], dtype="Int64"),
                       "new_purchases": pd.array([None, 100_000_000], dtype="Int64")})
    pop = rules.evaluate_population(df, "2025-06-01", measures=["A1.07.a", "A1.10.a"])
    # 5% × 2000万 = 100万 (interest 120万 higher); 1% × 1亿 = 100万
    assert list(zip(pop.claims.row, pop.claims.measure)) == [(0, "A1.07.a"), (1, "A1.10.a")]
    assert pop.total == Decimal("2000000.00")


# ---- errors -----------------------------------------------------------------------------

def lease_frame():
    return pd.DataFrame({"applicant": [1, 2], "financed_amount": [20_000_000, 10_000_000],
                         "interest_paid": [1_200_000, 100_000]})


def test_missing_applicant_column(rules):
    with pytest.raises(dgsubsidy.MissingInput, match="applicant column 'firm'"):
        rules.evaluate_population(lease_frame(), "2025-06-01", measures=["A1.07.a"], applicant="firm")


def test_unknown_measure_and_twice(rules):
    with pytest.raises(dgsubsidy.UnknownMeasure):
        rules.evaluate_population(lease_frame(), "2025-06-01", measures=["A9.99.z"])
    with pytest.raises(dgsubsidy.InvalidArgument, match="listed twice"):
        rules.evaluate_population(lease_frame(), "2025-06-01", measures=["A1.07.a", "A1.07.a"])
    with pytest.raises(dgsubsidy.TypeMismatch):
        rules.evaluate_population(lease_frame(), "2025-06-01", measures="A1.07.a")
    with pytest.raises(dgsubsidy.InvalidArgument, match="empty"):
        rules.evaluate_population(lease_frame(), "2025-06-01", measures=[])


def test_nan_applicant(rules):
    df = lease_frame()
    df["applicant"] = [1.0, float("nan")]
    with pytest.raises(dgsubsidy.Error):
        rules.evaluate_population(df, "2025-06-01", measures=["A1.07.a"])
    df["applicant"] = pd.array([1, None], dtype="Int64")
    with pytest.raises(dgsubsidy.InvalidArgument, match="row 1"):
        rules.evaluate_population(df, "2025-06-01", measures=["A1.07.a"])


def test_an_applicant_written_two_ways_is_refused(rules):
    # 附件1（十）新增采购按交易额1%给予每年最高300万元奖励: per enterprise per year. "E1" and "E1 " (or 1
    # and "1") would be two enterprises, each paid up to 300万 — 400万 in all instead of 300万.
    for ids in (["E1", "E1 "], ["E1", " E1"], ["E1", "E\t1"], ["E1", ""]):
        df = pd.DataFrame({"applicant": ids, "new_purchases": [200_000_000, 200_000_000]})
        with pytest.raises(dgsubsidy.InvalidValue, match="row 1") as e:
            rules.evaluate_population(df, "2025-06-01", measures=["A1.10.a"])
        assert "space" in str(e.value)
    df = pd.DataFrame({"applicant": pd.Series([1, "1"], dtype=object), "new_purchases": [200_000_000] * 2})
    with pytest.raises(dgsubsidy.TypeMismatch, match="mixes ints and strings"):
        rules.evaluate_population(df, "2025-06-01", measures=["A1.10.a"])
    # Written one way, the two rows are one enterprise's: 2,000,000 each, paid once under the group.
    df = pd.DataFrame({"applicant": ["E1", "E1"], "new_purchases": [200_000_000, 200_000_000]})
    pop = rules.evaluate_population(df, "2025-06-01", measures=["A1.10.a"])
    assert pop.total == Decimal("2000000.00") and len(pop.by_applicant) == 1


def test_a_column_no_measure_reads_is_refused(rules):
    df = lease_frame()
    df["interest_payed"] = [1, 2]
    with pytest.raises(dgsubsidy.UnknownInput, match="interest_payed"):
        rules.evaluate_population(df, "2025-06-01", measures=["A1.07.a"])
    assert rules.evaluate_population(df, "2025-06-01", measures=["A1.07.a"], extra="ignore").total == \
        Decimal("1100000.00")   # 100万 + min(5% × 1000万 = 50万, interest 10万) = 110万
    # a date column is the rows' dates; with dates=None it is read as no measure's input
    df = lease_frame()
    df["date"] = ["2025-01-01", "2025-02-01"]
    assert rules.evaluate_population(df, "2025-06-01", measures=["A1.07.a"]).total == Decimal("1100000.00")
    with pytest.raises(dgsubsidy.UnknownInput, match="'date'"):
        rules.evaluate_population(df, "2025-06-01", measures=["A1.07.a"], dates=None)


def test_a_measure_without_inputs_and_without_columns(rules):
    with pytest.raises(dgsubsidy.NotSupported, match="A3.05.a"):
        rules.evaluate_population(lease_frame(), "2025-06-01", measures=["A1.07.a", "A3.05.a"])
    with pytest.raises(dgsubsidy.MissingInput, match="A4.09.e"):
        rules.evaluate_population(lease_frame(), "2025-06-01", measures=["A1.07.a", "A4.09.e"])


def test_invalid_rows_raise_or_are_marked(rules):
    df = pd.DataFrame({"applicant": [1, 1, 2], "financed_amount": pd.array([20_000_000, 5, None], dtype="Int64"),
                       "interest_paid": pd.array([1_200_000, None, None], dtype="Int64"),
                       "new_purchases": pd.array([None, None, -1], dtype="Int64")})
    with pytest.raises(dgsubsidy.MissingInput) as info:
        rules.evaluate_population(df, "2025-06-01", measures=["A1.07.a", "A1.10.a"])
    assert info.value.row == 1
    pop = rules.evaluate_population(df, "2025-06-01", measures=["A1.07.a", "A1.10.a"], errors="mark")
    assert pop.error is not None and pop.error.row == 1
    c = pop.claims
    assert list(c.decision) == ["paid", "invalid", "invalid"]
    assert pop.total == Decimal("1000000.00")
    assert list(pop.by_applicant.invalid) == [1, 1]


def test_a_value_that_cannot_be_converted_makes_its_claims_invalid(rules):
    df = pd.DataFrame({"applicant": [1, 2], "tier": ["chain_leader", "chain-leader"],
                       "award_base": [10_000_000] * 2, "base_ratio_bp": [2000] * 2, "base_limit": [3_000_000] * 2})
    pop = rules.evaluate_population(df, "2025-06-01", measures=["OP.10.a"], errors="mark")
    assert list(pop.claims.decision) == ["paid", "invalid"]
    assert pop.error is not None and pop.error.row == 1
    with pytest.raises(dgsubsidy.Error):
        rules.evaluate_population(df, "2025-06-01", measures=["OP.10.a"])


def test_a_float_money_column_is_refused(rules):
    df = lease_frame()
    df["interest_paid"] = [1_200_000.5, 100_000.0]
    with pytest.raises(dgsubsidy.TypeMismatch):
        rules.evaluate_population(df, "2025-06-01", measures=["A1.07.a"])


def test_an_object_with_a_trailing_space_is_refused(rules):
    df = lease_frame()
    df["contract"] = ["C1 ", "C2"]
    with pytest.raises(dgsubsidy.InvalidValue, match="row 0"):
        rules.evaluate_population(df, "2025-06-01", measures=["A1.07.a"], object="contract")


def test_the_applicant_column_cannot_be_an_input(rules):
    with pytest.raises(dgsubsidy.InvalidArgument, match="is an input of A1.07.a"):
        rules.evaluate_population(lease_frame(), "2025-06-01", measures=["A1.07.a"], applicant="financed_amount")


def test_edge_frames(rules):
    empty = pd.DataFrame({"applicant": pd.Series([], dtype="int64"),
                          "financed_amount": pd.Series([], dtype="int64"),
                          "interest_paid": pd.Series([], dtype="int64")})
    pop = rules.evaluate_population(empty, "2025-06-01", measures=["A1.07.a"])
    assert pop.total == Decimal("0.00") and len(pop.claims) == 0 and len(pop.by_applicant) == 0
    # a dict of arrays, int applicants and int objects.  附件1（七）5% × 2000万 = 100万 a lease
    # contract (G-LEASE, about the contract), 每年最高贴息 150 万元 across the applicant's contracts:
    # two contracts, 100万 + the 50万 left; one contract claimed twice, paid once.
    frame = {"applicant": np.array([9, 9]), "contract": [1, 2],
             "financed_amount": np.array([20_000_000, 20_000_000]), "interest_paid": np.array([1_200_000, 1_200_000])}
    pop = rules.evaluate_population(frame, "2025-06-01", measures=["A1.07.a"], object="contract")
    assert list(pop.claims.paid_fen) == [100_000_000, 50_000_000]
    assert list(pop.claims.decision) == ["paid", "capped"]
    assert pop.by_applicant.loc[9, "paid"] == Decimal("1500000.00")
    assert list(pop.claims.object) == ["1", "2"]
    frame["contract"] = [1, 1]
    pop = rules.evaluate_population(frame, "2025-06-01", measures=["A1.07.a"], object="contract")
    assert list(pop.claims.decision) == ["paid", "superseded"]
    assert pop.total == Decimal("1000000.00")


# ---- a date per row ------------------------------------------------------------------------

def test_a_yearly_award_per_enterprise_is_one_per_year_of_the_row(rules):
    """附件1（十）对倍增企业面向中小微企业的新增采购按交易额1%给予每年最高300万元奖励 (A1.10.a;
    G-BZ-PROCURE: one award per enterprise per year).  E1: 8000万 → 80万 and 2亿 → 200万; E2: 5亿 →
    500万, at most 300万.  E1's two rows in one year (2025-03-01, 2025-11-30): the higher, 200万, once;
    in 2024 and 2025: 80万 + 200万 = 280万.  A row of 2030-01-01 is after the document's validity."""
    df = pd.DataFrame({"applicant": ["E1", "E2", "E1"], "new_purchases": [80_000_000, 500_000_000, 200_000_000],
                       "date": ["2025-03-01", None, "2025-11-30"]})
    pop = rules.evaluate_population(df, "2025-06-01", measures=["A1.10.a"])
    c = pop.claims
    assert list(c.paid) == [Decimal("0.00"), Decimal("3000000.00"), Decimal("2000000.00")]
    assert list(c.decision) == ["superseded", "paid", "paid"]
    assert list(c.date) == ["2025-03-01", "2025-06-01", "2025-11-30"]
    assert pop.by_applicant.loc["E1", "paid"] == Decimal("2000000.00")
    assert pop.dates == ["2025-03-01", "2025-06-01", "2025-11-30"]
    # two years: both paid
    df["date"] = ["2024-06-01", "2025-03-01", "2025-03-01"]
    pop = rules.evaluate_population(df, measures=["A1.10.a"])   # every row dated: no date needed
    assert list(pop.claims.paid) == [Decimal("800000.00"), Decimal("3000000.00"), Decimal("2000000.00")]
    assert pop.by_applicant.loc["E1", "paid"] == Decimal("2800000.00")
    assert pop.total == Decimal("5800000.00")
    # after the validity: not in force
    df["date"] = ["2030-01-01", "2025-03-01", "2025-03-01"]
    c = rules.evaluate_population(df, measures=["A1.10.a"]).claims
    assert list(c.outcome) == ["not_in_force", "granted", "granted"]
    assert list(c.paid_fen) == [0, 300_000_000, 200_000_000]
    # one date for the call, no date column: one year, as before
    pop = rules.evaluate_population(df.drop(columns="date"), "2025-06-01", measures=["A1.10.a"])
    assert list(pop.claims.paid_fen) == [0, 300_000_000, 200_000_000]
    assert list(pop.claims.date) == ["2025-06-01"] * 3 and pop.dates is None


@pytest.mark.parametrize("kind", ["str", "datetime64", "date", "timestamp", "tz"])
def test_row_dates_of_every_type(rules, kind):
    """The same two years, the dates given as ISO strings, pandas datetime64 (a time of day is
    dropped: the calendar date), datetime.date, Timestamps or tz-aware datetimes: 80万 + 200万."""
    text = ["2024-12-31", "2025-01-01"]
    if kind == "str":
        dates = pd.Series(text, dtype=object)
    elif kind == "datetime64":
        dates = pd.to_datetime(["2024-12-31 23:59:59", "2025-01-01 00:00:00"])
        assert dates.dtype.kind == "M"
    elif kind == "date":
        dates = pd.Series([dt.date(2024, 12, 31), dt.date(2025, 1, 1)], dtype=object)
    elif kind == "timestamp":
        dates = pd.Series([pd.Timestamp("2024-12-31 18:00"), dt.datetime(2025, 1, 1, 6, 0)], dtype=object)
    else:
        dates = pd.to_datetime(["2024-12-31 23:00", "2025-01-01 01:00"]).tz_localize("Asia/Shanghai")
    df = pd.DataFrame({"applicant": ["E1", "E1"], "new_purchases": [80_000_000, 200_000_000], "when": dates})
    pop = rules.evaluate_population(df, measures=["A1.10.a"], dates="when")
    assert list(pop.claims.date) == text
    assert list(pop.claims.decision) == ["paid", "paid"]
    assert pop.total == Decimal("2800000.00")
    # days of one year are one award: 2025-01-01 and 2025-12-31
    same = ["2025-01-01", "2025-12-31"]
    df["when"] = pd.to_datetime(same) if kind in ("datetime64", "tz") else same
    pop = rules.evaluate_population(df, measures=["A1.10.a"], dates="when")
    assert list(pop.claims.decision) == ["superseded", "paid"] and pop.total == Decimal("2000000.00")


def test_missing_and_bad_row_dates(rules):
    df = pd.DataFrame({"applicant": ["E1", "E1", "E2"], "new_purchases": [80_000_000, 200_000_000, 10_000_000],
                       "date": pd.to_datetime(["2024-06-01", None, "2025-03-01"])})
    # NaT without a call's date: refused with its row
    with pytest.raises(dgsubsidy.InvalidDate) as e:
        rules.evaluate_population(df, measures=["A1.10.a"])
    assert e.value.row == 1
    # with one: the call's date (2025-06-01: another year than row 0's): 80万 + 200万, and E2's 10万
    pop = rules.evaluate_population(df, dt.date(2025, 6, 1), measures=["A1.10.a"])
    assert list(pop.claims.date) == ["2024-06-01", "2025-06-01", "2025-03-01"]
    assert pop.total == Decimal("2900000.00")
    # a string that is no date: the library refuses it, naming its row
    df["date"] = ["2024-06-01", "2025-06-01", "2025-02-29"]
    with pytest.raises(dgsubsidy.InvalidDate, match="2025-02-29") as e:
        rules.evaluate_population(df, "2025-06-01", measures=["A1.10.a"])
    assert e.value.row == 2
    df["date"] = pd.Series(["2024-06-01", 20250601, "2025-03-01"], dtype=object)
    with pytest.raises(dgsubsidy.TypeMismatch, match="row 1"):
        rules.evaluate_population(df, "2025-06-01", measures=["A1.10.a"])
    # no date at all
    with pytest.raises(dgsubsidy.MissingInput, match="date"):
        rules.evaluate_population(df.drop(columns="date"), measures=["A1.10.a"])
    with pytest.raises(dgsubsidy.MissingInput, match="'when'"):
        rules.evaluate_population(df, "2025-06-01", measures=["A1.10.a"], dates="when")
    # a bad call's date is no row's
    df["date"] = [None, "2025-03-01", None]
    with pytest.raises(dgsubsidy.InvalidDate) as e:
        rules.evaluate_population(df, "2025-13-01", measures=["A1.10.a"])
    assert e.value.row is None


def test_a_total_beyond_int64_is_refused(rules):
    # 附件1（一）国家项目按最高 1:1 配套: five projects of A, each matched 2×10^16 yuan (national funds
    # 2×10^16, investment 8×10^16, fiscal funds within half of it): 10^17 yuan in all, beyond int64 fen.
    # A's claims are refused rather than summed into a total that wraps; B's 1,000,000 is paid.
    n = 20_000_000_000_000_000
    frame = pd.DataFrame({"applicant": ["A"] * 5 + ["B"], "national_funds": [n] * 5 + [1_000_000],
                          "provincial_funds": [0] * 6, "total_investment": [4 * n] * 5 + [4_000_000]})
    with pytest.raises(dgsubsidy.Overflow) as e:
        rules.evaluate_population(frame, "2025-06-01", measures=["A1.01.a"])
    assert e.value.row == 0
    pop = rules.evaluate_population(frame, "2025-06-01", measures=["A1.01.a"], errors="mark")
    assert pop.by_applicant.loc["A", "paid_fen"] == 0 and pop.by_applicant.loc["A", "invalid"] == 5
    assert pop.total == Decimal("1000000.00")
    assert list(pop.claims["decision"]) == ["invalid"] * 5 + ["paid"]
