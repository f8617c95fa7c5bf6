# SPDX-License-Identifier: MulanPSL-2.0
"""Eligibility conditions through Python: listed on measures, declared with
``conditions={...}``, carried by results, and columns of a batch."""

from __future__ import annotations

from decimal import Decimal

import numpy as np
import pytest

import dgsubsidy
from dgsubsidy import Kind, Outcome


def _filled(measure: dgsubsidy.Measure) -> dict:
    """Plausible values for every required input (as the C tests fill them)."""
    values = {}
    for inp in measure.inputs.values():
        if not inp.required:
            continue
        t = inp.type
        if t == dgsubsidy.ValueType.FLAG:
            values[inp.name] = True
        elif t == dgsubsidy.ValueType.CHOICE:
            values[inp.name] = inp.choices[0]
        elif t == dgsubsidy.ValueType.COUNT:
            values[inp.name] = 1
        elif t == dgsubsidy.ValueType.MONEY_LIST:
            values[inp.name] = [Decimal("100000")]
        else:
            values[inp.name] = Decimal("100000")
    return values


def test_measure_lists_its_conditions(rules):
    m = rules["A1.07.a"]
    assert list(m.conditions) == ["doubling_enterprise", "direct_lease", "production_equipment"]
    lease = m.conditions["direct_lease"]
    assert lease.phrase == "融资租赁直租方式"
    assert lease.phrase in m.clause
    assert lease.text("zh") == "直租方式"
    assert lease.text("en") == "a direct finance lease"
    counted = [x for x in rules.measures if x.kind != Kind.QUALITATIVE]
    assert len(counted) == 127
    for x in counted:
        assert len(x.conditions) >= 1, x.id
        for c in x.conditions.values():
            assert c.phrase in x.clause
    assert len(rules["A1.02.a"].conditions) == 0


def test_undeclared_are_assumed_amount_unchanged(rules):
    r = rules.evaluate("A1.07.a", date="2025-03-01", financed_amount=Decimal("28000000"),
                       interest_paid=Decimal("1200000"))
    assert r.outcome == Outcome.GRANTED
    assert r.award == Decimal("1200000.00")
    assert [(c.id, c.status) for c in r.conditions] == [
        ("doubling_enterprise", "assumed"), ("direct_lease", "assumed"), ("production_equipment", "assumed")]
    assert "假定满足：倍增企业；直租方式；生产型设备" in r.explain("zh")
    assert "假定满足：倍增企业；直租方式；生产型设备" in r._repr_html_()
    assert "融资租赁直租方式" in rules["A1.07.a"]._repr_html_()
    d = r.to_dict("en")
    assert [c["status"] for c in d["conditions"]] == ["assumed"] * 3
    assert d["conditions"][1]["text"] == "a direct finance lease"


def test_not_met_makes_ineligible_with_the_phrase(rules):
    r = rules.evaluate("A1.07.a", date="2025-03-01", financed_amount=Decimal("28000000"),
                       interest_paid=Decimal("1200000"),
                       conditions={"direct_lease": False, "doubling_enterprise": True})
    assert r.outcome == Outcome.INELIGIBLE
    assert r.award == 0
    assert "融资租赁直租方式" in r.reason("zh")
    assert "融资租赁直租方式" in r.reason("en")
    assert {c.id: c.status for c in r.conditions} == {
        "doubling_enterprise": "met", "direct_lease": "not_met", "production_equipment": "assumed"}
    # A4.09.a excludes 普惠平台类 projects
    r = rules.evaluate("A4.09.a", date="2025-03-01", premium_paid=Decimal("100000"),
                       conditions={"not_inclusive_platform": False})
    assert r.outcome == Outcome.INELIGIBLE
    assert "“普惠平台类”项目除外" in r.reason("zh")


def test_every_condition_of_every_measure(rules):
    checked = 0
    for m in rules.measures:
        if m.kind == Kind.QUALITATIVE:
            continue
        inputs = _filled(m)
        for cid, cond in m.conditions.items():
            r = m.evaluate("2025-03-01", conditions={cid: False}, **inputs)
            assert r.outcome == Outcome.INELIGIBLE, (m.id, cid)
            assert cond.phrase in r.reason("zh") and cond.phrase in r.reason("en"), (m.id, cid)
            checked += 1
    assert checked >= 127


def test_declaring_mistakes_are_errors(rules):
    with pytest.raises(dgsubsidy.UnknownInput) as e:
        rules.evaluate("A1.07.a", date="2025-03-01", financed_amount=1, interest_paid=1,
                       conditions={"direct_leas": False})
    assert "direct_lease" in str(e.value)
    with pytest.raises(dgsubsidy.TypeMismatch):
        rules.evaluate("A1.07.a", date="2025-03-01", financed_amount=1, interest_paid=1,
                       conditions={"direct_lease": "no"})
    with pytest.raises(dgsubsidy.TypeMismatch):
        rules.evaluate("A1.07.a", date="2025-03-01", financed_amount=1, interest_paid=1,
                       conditions=["direct_lease"])
    # None: not declared
    r = rules.evaluate("A1.07.a", date="2025-03-01", financed_amount=Decimal("28000000"),
                       interest_paid=Decimal("1200000"), conditions={"direct_lease": None})
    assert r.outcome == Outcome.GRANTED


def test_governed_elsewhere(rules):
    m = rules["A4.10.a"]
    assert m.kind == Kind.GOVERNED_ELSEWHERE
    assert m.governed_by("zh") == "外资大项目奖补政策"
    assert rules["A4.09.a"].governed_by() is None
    r = m.evaluate("2025-03-01")
    assert r.outcome == Outcome.GOVERNED_ELSEWHERE
    assert "外资大项目奖补政策" in r.reason("zh")
    r = rules.evaluate("A4.10.c", date="2025-03-01", new_foreign_investment_usd=9_999_999)
    assert r.outcome == Outcome.INELIGIBLE
    r = rules.evaluate("A4.10.c", date="2025-03-01", new_foreign_investment_usd=10_000_000)
    assert r.outcome == Outcome.GOVERNED_ELSEWHERE
    # thresholds before "unspecified": A4.03.a below its area
    r = rules.evaluate("A4.03.a", date="2025-03-01", exhibition_area=Decimal("9999.99"), days=3,
                       venue_rent=Decimal("1"))
    assert r.outcome == Outcome.INELIGIBLE


def test_batch_condition_columns(rules):
    frame = {
        "financed_amount": np.array([2_800_000_000] * 3, dtype=np.int64),
        "interest_paid": np.array([120_000_000] * 3, dtype=np.int64),
        "condition.direct_lease": np.array([True, False, True]),
    }
    b = rules.evaluate_batch("A1.07.a", frame, "2025-03-01")
    assert list(b.outcomes) == ["granted", "ineligible", "granted"]
    pd = pytest.importorskip("pandas")
    df = pd.DataFrame({
        "financed_amount": [2_800_000_000] * 3,
        "interest_paid": [120_000_000] * 3,
        "condition.production_equipment": pd.array([1, None, 0], dtype="Int64"),
    })
    b = rules.evaluate_batch("A1.07.a", df, "2025-03-01")
    assert list(b.outcomes) == ["granted", "granted", "ineligible"]
    with pytest.raises(dgsubsidy.UnknownInput) as e:
        rules.evaluate_batch("A1.07.a", {**frame, "condition.nope": np.array([1, 1, 1])}, "2025-03-01")
    assert "direct_lease" in str(e.value)
