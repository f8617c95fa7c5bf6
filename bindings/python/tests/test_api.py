# SPDX-License-Identifier: MulanPSL-2.0
"""The idiomatic API: rulesets, measures, evaluation, results, guidelines, stacking, allocation."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from fractions import Fraction

import pytest

import dgsubsidy
from dgsubsidy import Kind, Outcome, ValueType

D = Decimal


def lease(rules, **kw):
    args = dict(date="2024-06-01", financed_amount=D("28000000"), interest_paid=D("1500000"))
    args.update(kw)
    return rules.evaluate("A1.07.a", **args)


def test_version_matches_library():
    assert dgsubsidy.__version__ == dgsubsidy.library_version
    assert dgsubsidy._native.dgs_version_string() == dgsubsidy.__version__


def test_builtin_ruleset(rules):
    assert len(rules) == 202
    assert rules is dgsubsidy.Ruleset.builtin() is dgsubsidy.builtin()
    assert len(rules.fingerprint) == 16 and int(rules.fingerprint, 16) >= 0
    assert "A1.07.a" in rules and "nope" not in rules and 7 not in rules
    assert rules.get("nope") is None
    ids = [m.id for m in rules]
    assert len(ids) == len(set(ids)) == 202
    assert ids[0].startswith("OP.")
    assert "202 measures" in repr(rules)


def test_ruleset_parameters(rules):
    params = rules.parameters
    assert params["validity_start"] == "2024-01-16"
    assert params["validity_end"] == "2027-01-15"
    assert rules.parameter("validity_end") == "2027-01-15"
    with pytest.raises(dgsubsidy.UnknownParameter):
        rules.parameter("no_such_parameter")


def test_measures_filter_by_kind(rules):
    formula = rules.measures.filter(kind="formula")
    assert len(formula) > 10
    assert all(m.kind is Kind.FORMULA for m in formula)
    assert rules.measures.filter(kind=Kind.FORMULA).ids() == formula.ids()
    both = rules.measures.filter(kind=["formula", Kind.FIXED_CAP])
    assert len(both) == len(formula) + len(rules.measures.filter(kind="fixed_cap"))
    by_kind = sum(len(rules.measures.filter(kind=k)) for k in Kind)
    assert by_kind == 202
    assert all(m.id.startswith("A1.") for m in rules.measures.filter(part="A1"))
    lease_group = rules.measures.filter(group="G-LEASE")
    assert "A1.07.a" in lease_group.ids()
    assert rules.measures["A1.07.a"] is rules["A1.07.a"]
    assert isinstance(rules.measures[1:3], dgsubsidy.Measures)
    assert formula._repr_html_().count("<tr>") == len(formula) + 1
    with pytest.raises(dgsubsidy.InvalidArgument):
        rules.measures.filter(kind="nonsense")


def test_measure_metadata(rules):
    m = rules["A1.07.a"]
    assert m is rules.measure("A1.07.a")
    assert m.id == "A1.07.a" and m.kind is Kind.FORMULA and str(m.kind) == "formula"
    assert "融资租赁" in m.title("zh") and "lease" in m.title("en").lower()
    assert m.title() == m.title("zh")
    assert "5%" in m.clause
    assert m.location.startswith("附件1")
    assert m.group == "G-LEASE"
    assert m.unit == "yuan"
    assert isinstance(m.departments, tuple)
    assert list(m.inputs) == ["financed_amount", "interest_paid", "granted_this_year"]
    fa = m.inputs["financed_amount"]
    assert fa.type is ValueType.MONEY and fa.required and fa.unit == "yuan"
    assert fa.description("en") and fa.description("zh")
    p = m.parameters["cap_per_year"]
    assert p.type is ValueType.MONEY and p.value == "1500000.00" and "150" in p.reference
    assert m.parameters["ratio"].value == "5%"
    assert "limit_range" in m.parameters["reading_min_financing"].choices
    assert "A1.07.a" in repr(m) and "<table>" in m._repr_html_()
    with pytest.raises(dgsubsidy.InvalidArgument):
        m.title("fr")


def test_choice_input_metadata(rules):
    m = rules["A3.08.b"]
    tier = m.inputs["tier"]
    assert tier.type is ValueType.CHOICE and len(tier.choices) >= 2


def test_evaluate_lease(rules):
    r = lease(rules)
    assert r.outcome is Outcome.GRANTED and r.granted
    assert r.award == D("1400000.00") and isinstance(r.award, Decimal)
    assert str(r.award) == "1400000.00"
    assert r.award_fen == 140000000
    assert r.binding == "ratio"
    assert r.measure_id == "A1.07.a" and r.measure is rules["A1.07.a"]
    assert r.date == dt.date(2024, 6, 1)
    assert r.reason("zh") == "" and r.reason("en") == ""
    assert r.group == "G-LEASE"
    assert r.fingerprint == rules.fingerprint
    assert r.unit == "yuan" and r.is_money


def test_evaluate_interest_binds(rules):
    r = lease(rules, financed_amount=D("28000000"), interest_paid=D("1000000.01"))
    assert r.award == D("1000000.01") and r.binding == "interest_paid"


def test_evaluate_ineligible_and_not_in_force(rules):
    r = rules.evaluate("A1.06.a", date="2025-03-01", deal_value=D("10000000"), interest_paid=D("1000000"),
                       subsidy_year=1)  # 超过1000万 excludes 10,000,000
    assert r.outcome is Outcome.INELIGIBLE and r.award == 0 and not r.granted
    assert r.reason("zh") and r.reason("en")
    r = lease(rules, date=dt.date(2023, 12, 31))
    assert r.outcome is Outcome.NOT_IN_FORCE and r.award_fen == 0
    assert "2024-01-16" in r.reason("en")


def test_qualitative_and_unspecified_are_outcomes(rules):
    q = rules.measures.filter(kind="qualitative")[0]
    r = q.evaluate(date="2024-06-01")
    assert r.outcome is Outcome.NOT_COMPUTABLE and r.award_fen == 0
    u = rules["OP.01.b"]
    r = u.evaluate(date="2024-06-01")
    assert r.outcome is Outcome.UNSPECIFIED


def test_dates_as_date_datetime_and_string(rules):
    a = lease(rules, date=dt.date(2024, 6, 1))
    b = lease(rules, date=dt.datetime(2024, 6, 1, 15, 30))
    c = lease(rules, date="2024-06-01")
    assert a.award == b.award == c.award and a.date == b.date == c.date
    import numpy as np

    d = lease(rules, date=np.datetime64("2024-06-01"))
    assert d.date == a.date


def test_inputs_as_text_int_and_decimal(rules):
    a = lease(rules, financed_amount="28000000.00", interest_paid="1500000")
    b = lease(rules, financed_amount=28000000, interest_paid=1500000)
    c = lease(rules, financed_amount=D("28000000"), interest_paid=D("1.5E+6"))
    assert a.award == b.award == c.award == D("1400000.00")


def test_area_count_flag_inputs(rules):
    m = rules["A4.03.b"]
    r = m.evaluate(date="2025-03-01", exhibition_area=D("100.5"), days=3, certified=True)
    r2 = m.evaluate(date="2025-03-01", exhibition_area="100.5", days="3", certified="true")
    r3 = m.evaluate(date="2025-03-01", exhibition_area=D("100.50"), days=3, certified=1)
    assert r.award == r2.award == r3.award
    assert r.outcome in (Outcome.GRANTED, Outcome.INELIGIBLE)
    with pytest.raises(dgsubsidy.TypeMismatch):
        m.evaluate(date="2025-03-01", exhibition_area=100.5, days=3)
    with pytest.raises(dgsubsidy.TypeMismatch):
        m.evaluate(date="2025-03-01", exhibition_area=100, days=3.0)
    with pytest.raises(dgsubsidy.InvalidValue):
        m.evaluate(date="2025-03-01", exhibition_area=D("100.001"), days=3)


def test_choice_by_name_and_index(rules):
    m = rules["A3.08.b"]
    tier = m.inputs["tier"]
    a = m.evaluate(date="2025-03-01", tier=tier.choices[0], provincial_funds=D("1000000"))
    b = m.evaluate(date="2025-03-01", tier=0, provincial_funds=D("1000000"))
    assert a.award == b.award
    with pytest.raises(dgsubsidy.InvalidChoice):
        m.evaluate(date="2025-03-01", tier="no_such_tier", provincial_funds=1)
    with pytest.raises(dgsubsidy.InvalidChoice):
        m.evaluate(date="2025-03-01", tier=99, provincial_funds=1)


def test_money_list_input(rules):
    m = rules["A4.04.b"]
    a = m.evaluate(date="2025-03-01", travel_costs=[D("8000"), 7000, "500.50"])
    b = m.evaluate(date="2025-03-01", travel_costs="8000,7000,500.50")
    assert a.award == b.award and a.granted
    with pytest.raises(dgsubsidy.TypeMismatch):
        m.evaluate(date="2025-03-01", travel_costs=[8000.0])
    with pytest.raises(dgsubsidy.TypeMismatch):
        m.evaluate(date="2025-03-01", travel_costs=8000)


def test_none_means_not_given(rules):
    with pytest.raises(dgsubsidy.MissingInput):
        lease(rules, interest_paid=None)
    r = rules.evaluate("A1.10.a", date="2025-03-01", new_purchases=D("1000000"), granted_this_year=None)
    assert r.granted


def test_steps_and_trace(rules):
    r = lease(rules)
    steps = r.steps
    assert len(steps) >= 4
    assert steps[0].source == "financed_amount" and steps[0].value == D("28000000.00")
    assert all(s.label("zh") and s.label("en") for s in steps)
    assert any(s.reference for s in steps)
    assert all(isinstance(s.value, Decimal) for s in steps if s.type is ValueType.MONEY)
    assert steps[-1].value == r.award
    used = {p.name for p in r.parameters}
    assert "cap_per_year" in used and "ratio" in used
    assert "Step" in repr(steps[0])


def test_explain_json_dict_html(rules):
    r = lease(rules)
    assert "1,400,000.00" in r.explain("en") and "Award" in r.explain("en")
    assert "金额" in r.explain("zh") and r.explain() == r.explain("zh")
    d = r.to_dict()
    assert d["measure"] == "A1.07.a" and d["award"] == "1400000.00" and d["award_fen"] == 140000000
    assert d["outcome"] == "granted" and len(d["steps"]) == len(r.steps)
    assert json.loads(json.dumps(d)) == d
    assert json.loads(r.to_json("en"))["steps"][0]["label"] == r.steps[0].label("en")
    html = r._repr_html_()
    assert "<table>" in html and "1,400,000.00" in html
    assert "granted" in repr(r) and "1,400,000.00" in repr(r)


def test_outcome_enum():
    assert Outcome.GRANTED == 0 and Outcome.INVALID == -1
    assert str(Outcome.NOT_IN_FORCE) == "not_in_force"
    assert Outcome("granted") is Outcome.GRANTED
    for o in Outcome:
        assert dgsubsidy._native.dgs_outcome_name(int(o)) == str(o)
    for k in Kind:
        assert dgsubsidy._native.dgs_kind_name(int(k)) == str(k)
    for t in ValueType:
        assert dgsubsidy._native.dgs_type_name(int(t)) == str(t)


GUIDELINE = {
    "name": "test guideline",
    "changes": [
        {"measure": "A1.07.a", "parameter": "cap_per_year", "value": "1000000.00",
         "from": "2025-01-01", "until": "2025-12-31", "reference": "指南第三条"},
    ],
}


def test_with_guideline_dict_file_bytes(rules, tmp_path):
    g = rules.with_guideline(GUIDELINE)
    assert g is not rules and g.fingerprint != rules.fingerprint
    args = dict(financed_amount=D("30000000"), interest_paid=D("9000000"))
    assert g.evaluate("A1.07.a", date="2025-06-01", **args).award == D("1000000.00")
    assert g.evaluate("A1.07.a", date="2024-06-01", **args).award == D("1500000.00")
    assert g.evaluate("A1.07.a", date="2026-01-01", **args).award == D("1500000.00")
    r = g.evaluate("A1.07.a", date="2025-06-01", **args)
    assert r.fingerprint == g.fingerprint
    assert any(p.reference == "指南第三条" for p in r.parameters)
    assert g["A1.07.a"].parameters["cap_per_year"].value_at("2025-06-01") == "1000000.00"
    assert g["A1.07.a"].parameters["cap_per_year"].reference_at("2025-06-01") == "指南第三条"
    path = tmp_path / "指南.json"
    path.write_text(json.dumps(GUIDELINE, ensure_ascii=False), encoding="utf-8")
    assert rules.with_guideline(path).fingerprint == g.fingerprint
    assert rules.with_guideline(str(path)).fingerprint == g.fingerprint
    assert rules.with_guideline(path.read_bytes()).fingerprint == g.fingerprint
    assert rules.with_guideline_text(path.read_text(encoding="utf-8")).fingerprint == g.fingerprint
    # the base is never modified
    assert rules.evaluate("A1.07.a", date="2025-06-01", **args).award == D("1500000.00")


def test_example_guideline_of_the_repository(rules):
    from conftest import REPO_ROOT

    path = REPO_ROOT / "examples" / "guidelines" / "2025-doubling-enterprises.json"
    if not path.exists():
        pytest.skip("no example guideline in this checkout")
    g = rules.with_guideline(path)
    assert g.fingerprint != rules.fingerprint


def test_with_parameter(rules):
    g = rules.with_parameter("A1.07.a", "cap_per_year", D("1000000"), valid_from="2025-01-01",
                             reference="test")
    args = dict(financed_amount=D("30000000"), interest_paid=D("9000000"))
    assert g.evaluate("A1.07.a", date="2025-06-01", **args).award == D("1000000.00")
    assert g.evaluate("A1.07.a", date="2024-06-01", **args).award == D("1500000.00")
    g2 = rules.with_parameter("A1.07.a", "cap_per_year", "1000000.00", valid_from=dt.date(2025, 1, 1),
                              reference="test")
    assert g2.fingerprint == g.fingerprint
    g3 = rules.with_parameter(rules["A1.07.a"], "ratio", Fraction(1, 25))
    assert g3.evaluate("A1.07.a", date="2025-06-01", **args).award == D("1200000.00")
    g4 = rules.with_parameter(None, "validity_end", dt.date(2027, 12, 31))
    assert g4.evaluate("A1.07.a", date="2027-06-01", **args).granted
    assert not rules.evaluate("A1.07.a", date="2027-06-01", **args).granted
    with pytest.raises(dgsubsidy.TypeMismatch):
        rules.with_parameter("A1.07.a", "cap_per_year", 1000000.0)
    with pytest.raises(dgsubsidy.UnknownParameter):
        rules.with_parameter("A1.07.a", "no_such", "1")
    with pytest.raises(dgsubsidy.UnknownMeasure):
        rules.with_parameter("X9.99", "cap", "1")
    with pytest.raises(dgsubsidy.InvalidValue):
        rules.with_parameter("A1.07.a", "ratio", "five percent")


def test_stacking_same_group(rules):
    a = lease(rules)  # G-LEASE, 1,400,000
    members = [m for m in rules.measures.filter(group="G-LEASE") if m.id != "A1.07.a"]
    results = [a]
    if members and members[0].kind is Kind.FORMULA:
        pytest.skip("second member of G-LEASE needs inputs")
    report = rules.stack(results)
    assert len(report) == 1
    e = report[0]
    assert e.decision is dgsubsidy.Decision.PAID and e.paid == D("1400000.00") and e.winner == 0
    assert report.total == D("1400000.00") and report.total_fen == 140000000
    assert report.explain("en") and report.to_dict()
    assert "<table>" in report._repr_html_()


def test_stacking_top_up_and_superseded(rules):
    a = lease(rules)
    b = lease(rules, financed_amount=D("10000000"), interest_paid=D("9000000"))  # 500,000, same group
    report = rules.stack([a, b])
    assert [x.decision for x in report] == [dgsubsidy.Decision.PAID, dgsubsidy.Decision.SUPERSEDED]
    assert report.total == D("1400000.00")
    assert report[1].winner == 0 and report[1].group == "G-LEASE"
    assert report[1].reason("en") and report[1].reason("zh")
    top = rules.stack([a, b], already_granted=[None, D("500000")])
    assert top[0].decision is dgsubsidy.Decision.TOP_UP
    assert top.total == D("900000.00")
    with pytest.raises(dgsubsidy.InvalidArgument):
        rules.stack([a, b], already_granted=[0])
    with pytest.raises(dgsubsidy.NegativeValue):
        rules.stack([a], already_granted=[-1])
    with pytest.raises(dgsubsidy.TypeMismatch):
        rules.stack([a], already_granted=[1.5])
    with pytest.raises(dgsubsidy.TypeMismatch):
        rules.stack(["A1.07.a"])
    assert len(rules.stack([])) == 0


def test_allocate_pro_rata_and_first_come():
    shares = dgsubsidy.allocate(D("100.00"), [D("100"), D("100"), D("100")])
    assert shares == [D("33.34"), D("33.33"), D("33.33")]
    assert sum(shares) == D("100.00")
    assert dgsubsidy.allocate(D("1000"), [1, 2]) == [D("1.00"), D("2.00")]
    fc = dgsubsidy.allocate("150", ["100", "100", "100"], method="first_come")
    assert fc == [D("100.00"), D("50.00"), D("0.00")]
    assert dgsubsidy.allocate(0, []) == []
    import numpy as np

    claims = np.array([10000, 20000, 30000], dtype=np.int64)
    out = dgsubsidy.allocate_fen(30001, claims)
    assert out.dtype == np.int64 and int(out.sum()) == 30001 and list(out) == [5000, 10000, 15001]
    big = np.full(1_000_000, 3, dtype=np.int64)
    out = dgsubsidy.allocate_fen(1_000_000, big, dgsubsidy.Allocation.PRO_RATA)
    assert int(out.sum()) == 1_000_000 and out.max() - out.min() <= 1
    with pytest.raises(dgsubsidy.NegativeValue):
        dgsubsidy.allocate(100, [1, -1])
    with pytest.raises(dgsubsidy.NegativeValue):
        dgsubsidy.allocate(-1, [1])
    with pytest.raises(dgsubsidy.Overflow):
        dgsubsidy.allocate_fen(1, np.array([2**62, 2**62], dtype=np.int64))
    with pytest.raises(dgsubsidy.InvalidArgument):
        dgsubsidy.allocate(1, [1], method="lottery")
    with pytest.raises(dgsubsidy.TypeMismatch):
        dgsubsidy.allocate(1, [1.0])
    with pytest.raises(dgsubsidy.TypeMismatch):
        dgsubsidy.allocate_fen(1, np.array([1.0]))


def test_money_helpers():
    assert dgsubsidy.to_fen(D("0.01")) == 1
    assert dgsubsidy.to_fen("33333.33") == 3333333
    assert dgsubsidy.from_fen(3333333) == D("33333.33")
    assert str(dgsubsidy.from_fen(5)) == "0.05"


def test_import_refuses_a_library_of_another_version():
    import subprocess
    import sys
    import textwrap

    code = textwrap.dedent("""
        import sys, types
        fake = types.ModuleType("dgsubsidy._version")
        fake.__version__ = "0.0.1"
        sys.modules["dgsubsidy._version"] = fake
        try:
            import dgsubsidy
        except ImportError as e:
            print("ImportError:", e)
        else:
            print("imported")
    """)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60).stdout
    assert out.startswith("ImportError:") and "0.0.1" in out and dgsubsidy.library_version in out
