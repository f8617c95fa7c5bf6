# SPDX-License-Identifier: MulanPSL-2.0
"""Stacking as administered, through the Python binding: ceilings are not
payments, 不重复享受 per object and per year, caps across claims; and the
stacking vectors of tests/vectors/stack.jsonl, the same the C and Java tests run.
"""

from __future__ import annotations

import json
import pathlib
from decimal import Decimal

import pytest

import dgsubsidy
from dgsubsidy import Outcome
from dgsubsidy._stack import Decision

STACK_VECTORS = pathlib.Path(__file__).resolve().parents[3] / "tests" / "vectors" / "stack.jsonl"
VECTORS = [json.loads(line) for line in STACK_VECTORS.read_text(encoding="utf-8").splitlines() if line.strip()] \
    if STACK_VECTORS.exists() else []


def ruleset_for(rules, vector):
    rs = rules
    for change in vector.get("parameters") or []:
        rs = rs.with_parameter(change.get("measure"), change["parameter"], change["value"],
                               valid_from=change.get("from"), valid_until=change.get("until"))
    return rs


@pytest.mark.parametrize("vector", [pytest.param(v, id=v["name"]) for v in VECTORS])
def test_stack_vector(rules, vector):
    rs = ruleset_for(rules, vector)
    results = [rs.evaluate(c["measure"], date=c.get("date", vector["date"]), **c["inputs"]) for c in vector["claims"]]
    granted = [c.get("already_granted") for c in vector["claims"]]
    objects = [c.get("object") for c in vector["claims"]]
    report = rs.stack(results, already_granted=granted, objects=objects)
    expect = vector["expect"]
    assert str(report.total) == expect["total"], report.explain("en")
    assert str(report.up_to_total) == expect["up_to_total"], report.explain("en")
    for entry, want in zip(report, expect["claims"]):
        assert str(entry.decision) == want["decision"], entry.reason("en")
        assert str(entry.paid) == want["paid"], entry.reason("en")
        if "outcome" in want:
            assert str(entry.result.outcome) == want["outcome"]
        if "flags" in want:
            assert entry.repeated == ("repeated" in want["flags"])
    d = report.to_dict("en")
    assert d["total"] == Decimal(expect["total"]) or str(d["total"]) == expect["total"]
    assert str(d["up_to_total"]) == expect["up_to_total"]


def test_there_are_stack_vectors():
    assert len(VECTORS) >= 15


def test_outcome_enum_has_the_new_outcomes():
    assert Outcome.UP_TO == 5 and str(Outcome.UP_TO) == "up_to"
    assert Outcome.GOVERNED_ELSEWHERE == 6 and str(Outcome.GOVERNED_ELSEWHERE) == "governed_elsewhere"
    assert str(Decision.PENDING_ASSESSMENT) == "pending_assessment"
    assert str(Decision.CAPPED) == "capped"


def test_a_ceiling_is_up_to_not_granted(rules):
    # 附件5（四）对每个国家级检验检测平台给予不超过 3000 万元资助
    r = rules.evaluate("A5.04.a", date="2025-06-01", tier="national")
    assert r.outcome == Outcome.UP_TO
    assert not r.granted
    assert r.award == Decimal("30000000.00")
    assert "最高 30,000,000.00 元（待核定）" in r.explain("zh")
    assert "up to CNY 30,000,000.00 (to be assessed)" in r.explain("en")
    assert json.loads(r.to_json())["outcome"] == "up_to"
    assessed = rules.evaluate("A5.04.a", date="2025-06-01", tier="national", assessed=Decimal("20000000"))
    assert assessed.outcome == Outcome.GRANTED and assessed.award == Decimal("20000000.00")


def test_the_computed_amount_is_paid_and_the_ceiling_waits(rules):
    results = [rules.evaluate("A5.04.a", date="2025-06-01", tier="national"),
               rules.evaluate("A3.08.b", date="2025-06-01", tier="national", provincial_funds=Decimal("5000000"))]
    report = rules.stack(results)
    assert report.total == Decimal("15000000.00")
    assert report.up_to_total == Decimal("15000000.00")
    assert report[0].decision == Decision.PENDING_ASSESSMENT
    assert report[0].up_to == Decimal("15000000.00")
    assert "tops up the difference" in report[0].reason("en")
    d = report.to_dict("en")
    assert d["results"][0]["decision"] == "pending_assessment"
    assert "up to" in repr(report)
    assert "up to CNY 30,000,000.00" in report._repr_html_()


def test_objects_and_flags(rules):
    a = rules.evaluate("A1.01.a", date="2025-06-01", national_funds=Decimal("6000000"), provincial_funds=0,
                       total_investment=Decimal("100000000"))
    b = rules.evaluate("A2.01.d", date="2025-06-01", national_funds=0, provincial_funds=Decimal("4000000"))
    two = rules.stack([a, b], objects=["P1", "P2"])
    assert two.total == Decimal("8000000.00")
    assert two[0].object == "P1" and two[0].object_kind == "project"
    assert rules.stack([a, b], objects=["P1", "P1"]).total == Decimal("6000000.00")
    assert rules.stack([a, b]).total == Decimal("6000000.00")
    assert rules.stack([a, b])[0].object is None
    # ... and says so: two claims of a benefit per project without a project were read as one
    unnamed = rules.stack([a, b])
    assert [x.no_object for x in unnamed] == [True, True] and len(unnamed.no_object) == 2
    assert unnamed.to_dict("en")["results"][1]["flags"] == ["no_object"]
    assert "no object named: read as one project" in unnamed.explain("en")
    assert not two.no_object and not rules.stack([a]).no_object

    e1 = rules.evaluate("A4.09.e", date="2025-06-01", usage_fee=Decimal("10000"))
    e2 = rules.evaluate("A4.09.e", date="2025-06-01", usage_fee=Decimal("20000"))
    twice = rules.stack([e1, e2])
    assert [x.repeated for x in twice] == [True, True]
    assert len(twice.repeated) == 2
    assert twice.to_dict("en")["results"][0]["flags"] == ["repeated"]
    apart = rules.stack([e1, e2], objects=["system A", "system B"])
    assert not apart.repeated


def test_a_string_is_not_a_list_of_entries(rules):
    # objects="P1" read letter by letter would be two objects, "P" and "1": A1.01.a and A2.01.d
    # paid 800万 for what is one project (600万).
    a = rules.evaluate("A1.01.a", date="2025-06-01", national_funds=Decimal("6000000"), provincial_funds=0,
                       total_investment=Decimal("100000000"))
    b = rules.evaluate("A2.01.d", date="2025-06-01", national_funds=0, provincial_funds=Decimal("4000000"))
    with pytest.raises(dgsubsidy.TypeMismatch, match=r"objects is a list .*\['P1'\]"):
        rules.stack([a, b], objects="P1")
    with pytest.raises(dgsubsidy.TypeMismatch, match="already_granted is a list"):
        rules.stack([a, b], already_granted="10")
    with pytest.raises(dgsubsidy.TypeMismatch, match="already_granted is a list"):
        rules.stack([a, b], already_granted={"A1.01.a": 1000})
    # allocate("123") would be three claims of 1, 2 and 3 yuan
    with pytest.raises(dgsubsidy.TypeMismatch, match="claims is a list"):
        dgsubsidy.allocate(Decimal("100"), "123")
    assert rules.stack([a, b], objects=["P1", "P1"]).total == Decimal("6000000.00")


def test_objects_are_checked(rules):
    r = rules.evaluate("A4.09.e", date="2025-06-01", usage_fee=Decimal("100"))
    with pytest.raises(dgsubsidy.Error):
        rules.stack([r], objects=["a", "b"])
    with pytest.raises(dgsubsidy.Error):
        rules.stack([r], objects=[42])
    with pytest.raises(dgsubsidy.Error):
        rules.stack([r], objects=["x" * 300])
    with pytest.raises(dgsubsidy.Error):
        rules.stack([r], objects=["a\0b"])


def test_a_yearly_cap_across_claims(rules):
    # 每家企业每年最高 500 万元: 220万 × 3 of one year → 220 + 220 + 60
    claims = [rules.evaluate("OP.10.a", date="2025-06-01", tier="chain_leader", award_base=Decimal("10000000"),
                             base_ratio_bp=2000, base_limit=Decimal("3000000")) for _ in range(3)]
    report = rules.stack(claims)
    assert [x.paid for x in report] == [Decimal("2200000.00"), Decimal("2200000.00"), Decimal("600000.00")]
    assert report[2].decision == Decision.CAPPED
    assert report.total == Decimal("5000000.00")


def test_batch_total_counts_payments_only(rules):
    pd = pytest.importorskip("pandas")
    batch = rules.evaluate_batch("A2.05.a", pd.DataFrame({"recognised": [True, True]}), date="2025-06-01")
    assert list(batch.outcomes) == ["up_to", "up_to"]
    assert batch.total == Decimal("0.00")
