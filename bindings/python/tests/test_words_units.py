# SPDX-License-Identifier: MulanPSL-2.0
"""Units, restatements and the words of results, through Python."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import numpy as np

from dgsubsidy import Outcome, ValueType

D = Decimal


def test_counts_are_counts_everywhere(rules):
    m = rules["A1.16.a"]
    assert not m.is_money and rules["A1.07.a"].is_money
    r = rules.evaluate("A1.16.a", date="2025-03-01", base_quota=6)
    assert not r.is_money
    assert r.award == 12 and isinstance(r.award, int)
    d = r.to_dict()
    assert d["award"] == "12" and d["unit"] == "places"
    b = m.evaluate_batch({"base_quota": np.array([6, 3], np.int64)}, "2025-03-01")
    assert list(b.awards) == [12, 6]
    assert b.total == 18 and isinstance(b.total, int)
    assert "18 places" in repr(b)
    # money stays Decimal yuan
    mb = rules["A4.09.a"].evaluate_batch({"premium_paid": np.array([1000000], np.int64)}, "2025-03-01")  # yuan
    assert mb.total == D("300000.00")


def test_steps_carry_value_and_amount(rules):
    r = rules.evaluate("A1.07.a", date="2025-03-01", financed_amount=D("28000000"), interest_paid=D("1500000"))
    by_source = {}
    for s in r.steps:   # the first step of each source (the last, "award", names the binding one)
        by_source.setdefault(s.source, s)
    cap = by_source["cap_per_year"]
    assert cap.value == D("1500000.00") and cap.amount == D("1400000.00")
    ratio = by_source["ratio"]
    assert ratio.type == ValueType.RATIO and ratio.value == Fraction(1, 20)
    assert ratio.amount_type == ValueType.MONEY and ratio.amount == D("1400000.00")
    interest = by_source["interest_paid"]
    assert interest.amount == D("1400000.00")
    assert "不超过企业实际发生利息" in r.explain("zh")
    steps = r.to_dict()["steps"]
    assert any(s["value"] == "1500000.00" and s["amount"] == "1400000.00" for s in steps)


def test_reasons_say_found_and_required(rules):
    r = rules.evaluate("A4.03.b", date="2025-03-01", exhibition_area=12000, days=2)
    assert r.outcome == Outcome.INELIGIBLE
    zh, en = r.reason("zh"), r.reason("en")
    assert "2 天" in zh and "3 天" in zh and "须不少于" in zh
    assert "2 days" in en and "at least 3 days required" in en
    r = rules.evaluate("A2.05.a", date="2025-03-01", recognised=False)
    assert r.reason("zh").startswith("不符合条件：未获认定为高新技术企业")


def test_restatement_computes_through_its_source(rules):
    assert rules["OP.22.b"].restates == ("A4.09.c",)
    assert rules["OP.23.c"].restates == ("A5.09.b", "A5.09.c")
    op = rules.evaluate("OP.22.b", date="2025-03-01", tier="digital_platform")
    assert op.award == D("80000.00") and op.computed_by == "A4.09.c"
    op = rules.evaluate("OP.19.a", date="2025-03-01", new_purchases=D("85432109"))
    src = rules.evaluate("A1.10.a", date="2025-03-01", new_purchases=D("85432109"))
    assert op.award == src.award == D("854321.09")
    assert op.group == src.group
    assert [s.amount for s in op.steps] == [s.amount for s in src.steps]
    assert rules.stack([op, src]).total == D("854321.09")
    assert rules.evaluate("OP.23.c", date="2025-03-01", honour="china_premium").award == D("300000.00")
