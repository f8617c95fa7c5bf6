# SPDX-License-Identifier: MulanPSL-2.0
"""Parameter sweeps: the cost of every value of one parameter over one population."""

from __future__ import annotations

from decimal import Decimal

import numpy as np
import pandas as pd
import pytest

import dgsubsidy

DATE = "2025-03-01"
D = Decimal


def test_sweep_worked_by_hand(rules):
    # A1.07.a: 5% of the financed amount counted up to 30,000,000, at most cap_per_year, never
    # above the interest paid.
    frame = pd.DataFrame({"financed_amount": [28_000_000, 40_000_000, 10_000_000, 28_000_000],
                          "interest_paid": [1_500_000, 2_000_000, 2_000_000, 1_000_000]})
    df = rules.sweep("A1.07.a", "cap_per_year", [D(1_000_000), D(1_500_000), D(2_000_000)], frame, DATE)
    assert list(df.index) == [D(1_000_000), D(1_500_000), D(2_000_000)]
    # cap 1,000,000: 1,400,000 → 1,000,000; 1,500,000 → 1,000,000; 500,000; 1,400,000 → 1,000,000
    # (the interest paid only equals the cap, which was applied first): 3,500,000, three bound by the cap.
    first = df.loc[D(1_000_000)]
    assert first["total"] == D("3500000.00") and first["total_fen"] == 350_000_000
    assert first["grants"] == 4 and first["invalid"] == 0
    assert first["bound_by_cap_per_year"] == 3 and first["bound_by_ratio"] == 1
    # cap 1,500,000 (as printed): 1,400,000 (ratio), 1,500,000 (the 30,000,000 limit; the cap only
    # equals it), 500,000 (ratio), 1,000,000 (interest): 4,400,000.
    second = df.loc[D(1_500_000)]
    assert second["total"] == D("4400000.00")
    assert (second["bound_by_ratio"], second["bound_by_max_counted_financing"],
            second["bound_by_interest_paid"], second["bound_by_cap_per_year"]) == (2, 1, 1, 0)
    # A higher cap changes nothing: 5% of 30,000,000 never exceeds 1,500,000.
    assert df.loc[D(2_000_000)]["total"] == D("4400000.00")
    # The values as a numpy array of yuan mean what the same Python ints and Decimals mean.
    same = rules.sweep("A1.07.a", "cap_per_year", np.array([1_000_000, 1_500_000, 2_000_000]), frame, DATE)
    assert list(same["total_fen"]) == list(df["total_fen"]) == [350_000_000, 440_000_000, 440_000_000]
    with pytest.raises(dgsubsidy.TypeMismatch, match="float"):
        rules.sweep("A1.07.a", "cap_per_year", np.array([1_000_000.0]), frame, DATE)
    # Every constraint of the measure has its column.
    assert {f"bound_by_{n}" for n in ["ratio", "min_counted_financing", "max_counted_financing",
                                      "cap_per_year", "subsidy_term", "reading_min_financing",
                                      "financed_amount", "interest_paid"]} <= set(df.columns)


def test_sweep_equals_one_batch_per_derived_ruleset(rules):
    rng = np.random.default_rng(5)
    rows = 150_000  # split across threads
    frame = {"financed_amount": rng.integers(0, 40_000_000, rows),
             "interest_paid": rng.integers(0, 2_000_000, rows)}
    values = ["3%", "5%", "7%"]
    df = rules.sweep("A1.07.a", "ratio", values, frame, DATE, threads=2)
    one = rules.sweep("A1.07.a", "ratio", values, frame, DATE, threads=1)
    pd.testing.assert_frame_equal(df, one)
    for v in values:
        b = rules.with_parameter("A1.07.a", "ratio", v).evaluate_batch("A1.07.a", frame, DATE, threads=1)
        row = df.loc[v]
        assert row["total"] == b.total and row["grants"] == int(b.granted.sum())
        for name, n in b.binding_counts().items():
            assert row[f"bound_by_{name}"] == n
    assert df.loc["3%"]["total"] < df.loc["5%"]["total"] < df.loc["7%"]["total"]


def test_sweep_errors(rules):
    frame = {"financed_amount": [28_000_000, -1], "interest_paid": [1_000_000, 1_000_000]}
    with pytest.raises(dgsubsidy.NegativeValue, match="cap_per_year = 1000000") as e:
        rules.sweep("A1.07.a", "cap_per_year", [D(1_000_000)], frame, DATE)
    assert e.value.row == 1
    df = rules.sweep("A1.07.a", "cap_per_year", [D(1_000_000)], frame, DATE, errors="mark")
    assert df.iloc[0]["invalid"] == 1 and df.iloc[0]["grants"] == 1
    with pytest.raises(dgsubsidy.UnknownParameter, match="no parameter 'cap'"):
        rules.sweep("A1.07.a", "cap", [D(1)], frame, DATE)
    with pytest.raises(dgsubsidy.TypeMismatch):
        rules.sweep("A1.07.a", "cap_per_year", "1000000", frame, DATE)
    with pytest.raises(dgsubsidy.TypeMismatch):  # money is never a float
        rules.sweep("A1.07.a", "cap_per_year", [1e6], frame, DATE)


def test_compare_does_not_add_measures_paid_once(rules):
    # A1.01.a and A2.01.d (G-MATCH) match a national 600万 at 1:1 — 600万 each — and are paid once,
    # the higher.  Matching at 80% under A1.01.a alone lowers its row by 120万, but the project is
    # still paid 600万 (by A2.01.d): the sum of the two differences, -120万, is not what the reform
    # saves, so it is refused; each measure's difference stands.
    frame = pd.DataFrame({"national_funds": [6_000_000], "provincial_funds": [0],
                          "total_investment": [100_000_000]})
    reform = rules.with_parameter("A1.01.a", "ratio_national", "80%")
    cmp = rules.compare(reform, frame, DATE, measures=["A1.01.a", "A2.01.d"])
    assert cmp.summary.loc["A1.01.a", "difference"] == D("-1200000.00")
    assert cmp.summary.loc["A2.01.d", "difference"] == D("0.00")
    assert cmp.overlaps == {"G-MATCH": ["A1.01.a", "A2.01.d"]}
    with pytest.raises(dgsubsidy.NotSupported, match="A1.01.a and A2.01.d .G-MATCH. are paid once"):
        cmp.total_difference
    assert "paid once" in repr(cmp) and "CNY" not in repr(cmp)
    # What the applicant is paid, stacked: 600万 under both, a difference of 0.
    frame["applicant"] = ["甲"]
    before = rules.evaluate_population(frame, DATE, measures=["A1.01.a", "A2.01.d"])
    after = reform.evaluate_population(frame, DATE, measures=["A1.01.a", "A2.01.d"])
    assert before.total == after.total == D("6000000.00")
    # One measure alone, or measures in different groups, add up.
    assert rules.compare(reform, frame.drop(columns="applicant"), DATE, measures=["A1.01.a"]).total_difference \
        == D("-1200000.00")


def test_compare_refuses_a_date_per_row(rules):
    # Ignored with the columns no measure reads, a date column would leave the 2023 row (before the
    # document is in force: not_in_force, nothing paid) judged at 2025 and paid 140万.
    frame = pd.DataFrame({"financed_amount": [28_000_000, 28_000_000], "interest_paid": [2_000_000, 2_000_000],
                          "date": ["2023-01-01", "2025-06-01"]})
    with pytest.raises(dgsubsidy.NotSupported, match="'date' column"):
        rules.compare(rules, frame, "2025-06-01", measures=["A1.07.a"])
    assert rules.evaluate("A1.07.a", date="2023-01-01", financed_amount=28_000_000,
                          interest_paid=2_000_000).outcome == dgsubsidy.Outcome.NOT_IN_FORCE
    cmp = rules.compare(rules, frame.drop(columns="date"), "2025-06-01", measures=["A1.07.a"])
    assert cmp.summary.loc["A1.07.a", "baseline"] == D("2800000.00")


def test_compare_refuses_a_column_no_measure_reads(rules):
    # 'granted_this_yaer' (misspelt) would be left out, and each row paid as if nothing had been
    # granted this year: 140万 instead of 150万 − 100万 = 50万.
    frame = pd.DataFrame({"financed_amount": [28_000_000], "interest_paid": [2_000_000],
                          "granted_this_yaer": [1_000_000]})
    with pytest.raises(dgsubsidy.UnknownInput, match="granted_this_yaer"):
        rules.compare(rules, frame, DATE, measures=["A1.07.a"])
    ignored = rules.compare(rules, frame, DATE, measures=(m for m in ["A1.07.a"]), extra="ignore")
    assert ignored.summary.loc["A1.07.a", "baseline"] == D("1400000.00")
    right = rules.compare(rules, frame.rename(columns={"granted_this_yaer": "granted_this_year"}), DATE,
                          measures=["A1.07.a"])
    assert right.summary.loc["A1.07.a", "baseline"] == D("500000.00")


def test_compare_worked_by_hand(rules):
    # The yearly cap of A1.07.a lowered from 1,500,000 to 1,000,000 yuan; A4.02.1.a unchanged.
    reform = rules.with_parameter("A1.07.a", "cap_per_year", D(1_000_000))
    frame = pd.DataFrame({"financed_amount": [28_000_000, 40_000_000, 10_000_000, 28_000_000],
                          "interest_paid": [1_500_000, 2_000_000, 2_000_000, 1_000_000]},
                         index=["a", "b", "c", "d"])
    cmp = rules.compare(reform, frame, DATE, measures=["A1.07.a"])
    # Baseline 1,400,000 + 1,500,000 + 500,000 + 1,000,000 = 4,400,000;
    # reform 1,000,000 + 1,000,000 + 500,000 + 1,000,000 = 3,500,000.
    s = cmp.summary.loc["A1.07.a"]
    assert (s["baseline"], s["reform"], s["difference"]) == (D("4400000.00"), D("3500000.00"), D("-900000.00"))
    assert (s["gainers"], s["gained"], s["losers"], s["lost"]) == (0, D("0.00"), 2, D("900000.00"))
    assert cmp.total_difference == D("-900000.00")
    rows = cmp.rows
    assert list(rows.index) == ["a", "b", "c", "d"]
    assert list(rows["A1.07.a.difference_fen"]) == [-40_000_000, -50_000_000, 0, 0]
    assert list(rows["A1.07.a.reform_binding"]) == ["cap_per_year", "cap_per_year", "ratio", "cap_per_year"]
    assert rows["A1.07.a.baseline_binding"]["d"] == "interest_paid"
    by = cmp.by_binding.loc["A1.07.a"]
    assert by.loc["cap_per_year", "rows"] == 3 and by.loc["cap_per_year", "difference"] == D("-900000.00")
    assert by.loc["ratio", "difference"] == D("0.00")


def test_compare_several_measures_over_one_frame(rules):
    reform = rules.with_parameter("A4.02.1.a", "cap", D(100_000)) if "cap" in rules["A4.02.1.a"].parameters \
        else rules
    frame = pd.DataFrame({"financed_amount": [28_000_000], "interest_paid": [1_000_000],
                          "booth_area": [36], "build_cost": [120_000]})
    cmp = rules.compare(reform, frame, DATE, measures=["A1.07.a", "A4.02.1.a"])
    assert list(cmp.summary.index) == ["A1.07.a", "A4.02.1.a"]
    b = rules.evaluate_batch("A4.02.1.a", frame[["booth_area", "build_cost"]], DATE)
    assert cmp.summary.loc["A4.02.1.a", "baseline"] == b.total
    with pytest.raises(dgsubsidy.TypeMismatch):
        rules.compare(reform, frame, DATE, measures="A1.07.a")


def _ceiling_population():
    # OP.01.a: 获认定为纺织服装创意设计园区……的，给予最高 100 万元奖励 — a ceiling. Row "a" has no
    # assessed amount (outcome up_to, the ceiling is not a payment); row "b" was assessed at
    # 300,000 yuan (paid 300,000).
    return pd.DataFrame({"recognition": ["creative_design_park", "creative_design_park"],
                         "assessed": pd.array([None, 300_000], dtype="Int64")}, index=["a", "b"])


def test_sweep_counts_payments_not_ceilings(rules):
    frame = _ceiling_population()
    df = rules.sweep("OP.01.a", "cap", [D(1_000_000), D(2_000_000)], frame, DATE)
    for cap in (D(1_000_000), D(2_000_000)):
        row = df.loc[cap]
        # Paid: 300,000 only, whatever the ceiling; the pending ceiling is counted apart.
        assert row["total"] == D("300000.00") and row["total_fen"] == 30_000_000
        assert row["grants"] == 1 and row["up_to"] == 1
        assert row["up_to_total"] == cap


def test_compare_counts_payments_not_ceilings(rules):
    frame = _ceiling_population()
    reform = rules.with_parameter("OP.01.a", "cap", D(2_000_000))
    cmp = rules.compare(reform, frame, DATE, measures=["OP.01.a"])
    s = cmp.summary.loc["OP.01.a"]
    # Raising a ceiling that no one has been assessed under pays no one more.
    assert (s["baseline"], s["reform"], s["difference"]) == (D("300000.00"), D("300000.00"), D("0.00"))
    assert (s["gainers"], s["losers"]) == (0, 0)
    assert (s["baseline_up_to"], s["reform_up_to"]) == (1, 1)
    assert (s["baseline_up_to_total"], s["reform_up_to_total"]) == (D("1000000.00"), D("2000000.00"))
    assert list(cmp.rows["OP.01.a.baseline_fen"]) == [0, 30_000_000]
    assert list(cmp.rows["OP.01.a.reform_outcome"]) == ["up_to", "granted"]


def test_compare_over_a_population_counts_only_claims(rules):
    # A1.07.a (5% of the financed amount, at most 150万 a year) and A4.09.a (30% of the export credit
    # insurance premium, at most 50万 a year): each enterprise claims the measures whose inputs it gives.
    frame = pd.DataFrame({"financed_amount": pd.array([28_000_000, None, 40_000_000], dtype="Int64"),
                          "interest_paid": pd.array([1_500_000, None, 2_000_000], dtype="Int64"),
                          "premium_paid": pd.array([None, 1_000_000, 2_000_000], dtype="Int64")},
                         index=["e1", "e2", "e3"])
    reform = rules.with_parameter("A4.09.a", "ratio", "40%")
    cmp = rules.compare(reform, frame, DATE, measures=["A1.07.a", "A4.09.a"])
    s = cmp.summary
    # A1.07.a: e1 1,400,000, e3 1,500,000 (5% of the 30,000,000 counted); e2 claims nothing of it.
    assert (s.loc["A1.07.a", "claims"], s.loc["A1.07.a", "baseline"], s.loc["A1.07.a", "invalid"]) == \
        (2, D("3000000.00") - D("100000.00"), 0)
    # A4.09.a: e2 30% of 1,000,000 = 300,000 → 40%: 400,000; e3 30% of 2,000,000 = 600,000 → 500,000 cap,
    # 40%: 800,000 → 500,000; e1 claims nothing of it.
    a = s.loc["A4.09.a"]
    assert (a["claims"], a["baseline"], a["reform"], a["gainers"], a["losers"]) == \
        (2, D("800000.00"), D("900000.00"), 1, 0)
    assert list(cmp.rows["A4.09.a.reform_outcome"]) == ["not_claimed", "granted", "granted"]
    assert list(cmp.rows["A1.07.a.baseline_outcome"]) == ["granted", "not_claimed", "granted"]
    assert cmp.by_binding.loc["A4.09.a"]["rows"].sum() == 2


def test_compare_raises_for_a_claim_with_a_missing_input(rules):
    # e1 does not claim A1.07.a; e2 gives a financed amount but not the interest paid: its claim is
    # invalid, and the error names e2's row, not e1's.
    frame = pd.DataFrame({"financed_amount": pd.array([None, 28_000_000], dtype="Int64"),
                          "interest_paid": pd.array([None, None], dtype="Int64")})
    with pytest.raises(dgsubsidy.MissingInput) as e:
        rules.compare(rules, frame, DATE, measures=["A1.07.a"])
    assert e.value.row == 1 and "row 1" in str(e.value) and "interest_paid" in str(e.value)
    cmp = rules.compare(rules, frame, DATE, measures=["A1.07.a"], errors="mark")
    assert cmp.summary.loc["A1.07.a", "invalid"] == 1 and cmp.summary.loc["A1.07.a", "claims"] == 1
