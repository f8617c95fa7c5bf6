# SPDX-License-Identifier: MulanPSL-2.0
"""Every error class, raised with the library's message; hostile inputs never crash."""

from __future__ import annotations

import pickle
from decimal import Decimal

import numpy as np
import pytest

import dgsubsidy
from dgsubsidy import _native

D = Decimal
DATE = "2025-03-01"

CODES = {
    "DGS_E_INVALID_ARGUMENT": dgsubsidy.InvalidArgument,
    "DGS_E_NOMEM": dgsubsidy.OutOfMemory,
    "DGS_E_UNKNOWN_MEASURE": dgsubsidy.UnknownMeasure,
    "DGS_E_UNKNOWN_INPUT": dgsubsidy.UnknownInput,
    "DGS_E_UNKNOWN_PARAMETER": dgsubsidy.UnknownParameter,
    "DGS_E_TYPE": dgsubsidy.TypeMismatch,
    "DGS_E_MISSING_INPUT": dgsubsidy.MissingInput,
    "DGS_E_NEGATIVE": dgsubsidy.NegativeValue,
    "DGS_E_OVERFLOW": dgsubsidy.Overflow,
    "DGS_E_DATE": dgsubsidy.InvalidDate,
    "DGS_E_CHOICE": dgsubsidy.InvalidChoice,
    "DGS_E_RANGE": dgsubsidy.OutOfRange,
    "DGS_E_VALUE": dgsubsidy.InvalidValue,
    "DGS_E_GUIDELINE": dgsubsidy.GuidelineError,
    "DGS_E_IO": dgsubsidy.FileError,
    "DGS_E_NOT_SUPPORTED": dgsubsidy.NotSupported,
}

BUILTIN_BASE = {
    dgsubsidy.InvalidArgument: ValueError, dgsubsidy.OutOfMemory: MemoryError,
    dgsubsidy.UnknownMeasure: KeyError, dgsubsidy.UnknownInput: KeyError,
    dgsubsidy.UnknownParameter: KeyError, dgsubsidy.TypeMismatch: TypeError,
    dgsubsidy.MissingInput: ValueError, dgsubsidy.NegativeValue: ValueError,
    dgsubsidy.Overflow: OverflowError, dgsubsidy.InvalidDate: ValueError,
    dgsubsidy.InvalidChoice: ValueError, dgsubsidy.OutOfRange: ValueError,
    dgsubsidy.InvalidValue: ValueError, dgsubsidy.GuidelineError: ValueError,
    dgsubsidy.FileError: OSError, dgsubsidy.NotSupported: ValueError,
}


def test_every_c_code_has_a_class():
    for name, cls in CODES.items():
        code = getattr(_native, name)
        assert _native.dgs_status_name(code) == name
        exc = dgsubsidy._errors.from_code(code, f"message of {name}")
        assert type(exc) is cls and isinstance(exc, dgsubsidy.Error)
        assert isinstance(exc, BUILTIN_BASE[cls])
        assert exc.code == code and exc.code_name == name == cls.code_name
        assert str(exc) == f"message of {name}" and exc.message == str(exc)
        assert name.split("_E_")[0] and repr(exc).startswith(cls.__name__)
        back = pickle.loads(pickle.dumps(exc))
        assert type(back) is cls and str(back) == str(exc) and back.code == code
    unknown = dgsubsidy._errors.from_code(-99, "new code")
    assert type(unknown) is dgsubsidy.Error and unknown.code == -99


def test_value_errors_share_a_base():
    for cls in (dgsubsidy.NegativeValue, dgsubsidy.Overflow, dgsubsidy.InvalidDate,
                dgsubsidy.InvalidChoice, dgsubsidy.OutOfRange):
        assert issubclass(cls, dgsubsidy.InvalidValue)


def expect(cls, fn, *args, match=None, **kwargs):
    with pytest.raises(cls) as info:
        fn(*args, **kwargs)
    e = info.value
    assert type(e) is cls, f"{type(e).__name__}: {e}"
    assert isinstance(e, dgsubsidy.Error) and e.message
    if match:
        assert match in e.message, e.message
    return e


def test_raised_from_the_library(rules, tmp_path):
    lease = rules["A1.07.a"]
    expect(dgsubsidy.UnknownMeasure, rules.measure, "A9.99.z", match="A9.99.z")
    expect(dgsubsidy.UnknownMeasure, lambda: rules["A9.99.z"])
    expect(dgsubsidy.UnknownMeasure, rules.evaluate, "A9.99.z", date=DATE)
    expect(dgsubsidy.UnknownInput, lease.evaluate, date=DATE, financed=1, match="financed_amount")
    expect(dgsubsidy.UnknownParameter, rules.with_parameter, "A1.07.a", "nope", "1", match="nope")
    expect(dgsubsidy.MissingInput, lease.evaluate, date=DATE, financed_amount=1, match="interest_paid")
    expect(dgsubsidy.MissingInput, lease.evaluate, financed_amount=1, interest_paid=1)
    expect(dgsubsidy.NegativeValue, lease.evaluate, date=DATE, financed_amount=-1, interest_paid=1,
           match="financed_amount")
    expect(dgsubsidy.NegativeValue, lease.evaluate, date=DATE, financed_amount="-1", interest_paid=1)
    expect(dgsubsidy.InvalidDate, lease.evaluate, date="2025-02-29", financed_amount=1, interest_paid=1,
           match="2025-02-29")
    expect(dgsubsidy.InvalidDate, lease.evaluate, date="yesterday", financed_amount=1, interest_paid=1)
    tier = rules["A3.08.b"]
    expect(dgsubsidy.InvalidChoice, tier.evaluate, date=DATE, tier="bronze", provincial_funds=1)
    a403 = rules["A4.03.b"]
    expect(dgsubsidy.OutOfRange, a403.evaluate, date=DATE, exhibition_area=1, days=1, certified=2)
    expect(dgsubsidy.InvalidValue, lease.evaluate, date=DATE, financed_amount="12.345", interest_paid=1)
    expect(dgsubsidy.InvalidValue, lease.evaluate, date=DATE, financed_amount="1e6", interest_paid=1)
    expect(dgsubsidy.InvalidValue, rules.with_parameter, "A1.07.a", "ratio", "lots")
    # overflow inside the computation: the sum of two near-maximal amounts
    big = dgsubsidy.from_fen(2**62)
    expect(dgsubsidy.Overflow, rules.evaluate, "A1.01.a", date=DATE, national_funds=big,
           provincial_funds=big, total_investment=big, other_fiscal_funds=big)
    e = expect(dgsubsidy.GuidelineError, rules.with_guideline_text, '{"changes": [\n {"parameter": 5}]}',
               source="g.json")
    assert e.line == 2 and "g.json" in e.message
    expect(dgsubsidy.GuidelineError, rules.with_guideline, {"changes": [{"measure": "A1.07.a",
                                                                        "parameter": "no_such", "value": "1"}]})
    expect(dgsubsidy.FileError, rules.with_guideline, tmp_path / "missing.json", match="missing.json")
    # a list input cannot be batched
    expect(dgsubsidy.NotSupported, rules.evaluate_batch, "A4.04.b", {"travel_costs": [1, 2]}, DATE)
    expect(dgsubsidy.InvalidArgument, dgsubsidy.allocate, 1, [1], method=7)
    expect(dgsubsidy.InvalidArgument, lease.title, "de")


def test_type_error_from_the_library_itself(rules):
    # dgs_case_set_money on a count input: DGS_E_TYPE raised by the C library.
    m = rules["A4.03.b"]
    case = _native.dgs_case_new(m._ptr)
    try:
        e = expect(dgsubsidy.TypeMismatch, _native.dgs_case_set_money, case, "days", 100)
        assert "days" in e.message
        expect(dgsubsidy.UnknownInput, _native.dgs_case_set_int, case, "nope", 1)
    finally:
        _native.dgs_case_free(case)


def test_float_money_is_refused_with_advice(rules):
    e = expect(dgsubsidy.TypeMismatch, rules.evaluate, "A1.07.a", date=DATE, financed_amount=28000000.0,
               interest_paid=1)
    assert isinstance(e, TypeError)
    assert "Decimal" in e.message and "float" in e.message and "financed_amount" in e.message
    import numpy as np

    expect(dgsubsidy.TypeMismatch, rules.evaluate, "A1.07.a", date=DATE, financed_amount=np.float64(1),
           interest_paid=1)


HOSTILE_VALUES = [
    None, True, 1.5, float("nan"), float("inf"), Decimal("NaN"), Decimal("sNaN"), Decimal("Infinity"),
    Decimal("-Infinity"), 10**30, -(10**30), 2**63, Decimal("1E+100000"), Decimal("1E-100000"),
    "", " ", "abc", "1.2.3", "--1", "１２３", "\x00", "1\x00", "\udcff", "é" * 10_000, "9" * 100_000,
    b"123", bytearray(b"1"), [1], {"a": 1}, object(), complex(1, 1), Decimal("0.001"), "0.001",
    "1e3", "+", ".", "1.", ".5",
]


@pytest.mark.parametrize("value", HOSTILE_VALUES, ids=lambda v: type(v).__name__ + ":" + repr(v)[:20])
def test_hostile_money_values(rules, value):
    try:
        r = rules.evaluate("A1.07.a", date=DATE, financed_amount=value, interest_paid=1)
    except dgsubsidy.Error as e:
        assert e.message
    else:
        assert value is None or isinstance(r, dgsubsidy.Result)


@pytest.mark.parametrize("value", HOSTILE_VALUES, ids=lambda v: type(v).__name__ + ":" + repr(v)[:20])
def test_hostile_values_everywhere(rules, value):
    calls = [
        lambda: rules.measure(value),
        lambda: rules.evaluate("A1.07.a", date=value, financed_amount=1, interest_paid=1),
        lambda: rules.evaluate("A4.03.b", date=DATE, exhibition_area=value, days=value, certified=value),
        lambda: rules.evaluate("A3.08.b", date=DATE, tier=value, provincial_funds=1),
        lambda: rules.evaluate("A4.04.b", date=DATE, travel_costs=value),
        lambda: rules.with_parameter("A1.07.a", "cap_per_year", value),
        lambda: rules.with_parameter(value, "cap_per_year", "1"),
        lambda: rules.with_guideline_text(value),
        lambda: rules.stack([], already_granted=[value]),
        lambda: dgsubsidy.allocate(value, [value]),
        lambda: rules["A1.07.a"].title(value),
        lambda: rules.parameter(value),
        lambda: rules.evaluate_batch("A1.07.a", {"financed_amount": [value], "interest_paid": [1]}, DATE,
                                     errors="mark"),
    ]
    for call in calls:
        try:
            call()
        except dgsubsidy.Error as e:
            assert isinstance(e.message, str)
        except Exception as e:  # pragma: no cover - the failure to report
            pytest.fail(f"{type(e).__name__} (not a dgsubsidy.Error) for {value!r}: {e}")


def test_strings_the_library_cannot_take(rules):
    expect(dgsubsidy.InvalidValue, rules.measure, "A1.07.a\x00junk")
    expect(dgsubsidy.InvalidValue, rules.measure, "\udcff")
    assert "A1.07.a\x00junk" not in rules
    expect(dgsubsidy.TypeMismatch, rules.measure, b"A1.07.a")
    expect(dgsubsidy.TypeMismatch, rules.measure, None)
    long_id = "融" * 50_000
    expect(dgsubsidy.UnknownMeasure, rules.measure, long_id)
    e = expect(dgsubsidy.UnknownInput, rules.evaluate, "A1.07.a", date=DATE, **{"融" * 1000: 1})
    assert e.message.isprintable() or e.message
    expect(dgsubsidy.InvalidValue, rules.evaluate, "A1.07.a", date=DATE, **{"\udcff": 1})
    expect(dgsubsidy.GuidelineError, rules.with_guideline, b'{"name": "\xff\xfe"}')
    expect(dgsubsidy.GuidelineError, rules.with_guideline_text, "[" * 100_000)
    expect(dgsubsidy.GuidelineError, rules.with_guideline_text, "")
    expect(dgsubsidy.GuidelineError, rules.with_guideline_text, "null")
    expect(dgsubsidy.InvalidValue, rules.with_guideline_text, "{}\x00")


def test_hostile_batches(rules):
    ok = np.ones(2, dtype=np.int64)
    for name in ("\x00", "a\x00b", "\udcff", "融" * 10_000, ""):
        expect(dgsubsidy.InvalidValue if ("\x00" in name or "\udcff" in name) else dgsubsidy.UnknownInput,
               rules.evaluate_batch, "A1.07.a", {"financed_amount": ok, "interest_paid": ok, name: ok}, DATE)
    b = rules.evaluate_batch("A1.07.a", {"financed_amount": np.array([D("NaN"), D(5_000_000)], dtype=object),
                                         "interest_paid": ok}, DATE, errors="mark")
    assert b.outcome_codes.tolist() == [dgsubsidy.Outcome.INVALID, 0]
    assert isinstance(b.error, dgsubsidy.InvalidValue) and b.error.row == 0
    for frame in ({"financed_amount": ok}, {"financed_amount": "123", "interest_paid": "456"},
                  {"financed_amount": [[1, 2], [3]], "interest_paid": [1, 2]}, {1: ok}, None, 5, [ok]):
        try:
            rules.evaluate_batch("A1.07.a", frame, DATE)
        except dgsubsidy.Error:
            pass


def test_handles_survive_their_parents(rules):
    import gc

    g = rules.with_parameter("A1.07.a", "cap_per_year", "1000000")
    m = g["A1.07.a"]
    r = m.evaluate(date=DATE, financed_amount=D("30000000"), interest_paid=D("9000000"))
    del g
    gc.collect()
    # the measure and the result keep their ruleset alive
    assert r.award == D("1000000.00") and r.explain("en")
    assert m.evaluate(date=DATE, financed_amount=D("30000000"), interest_paid=D("9000000")).award == r.award
    s = m.ruleset.stack([r])
    del r
    gc.collect()
    assert s.total == D("1000000.00") and s[0].result.award == D("1000000.00")
    entry = s[0]
    inp = m.inputs["financed_amount"]
    param = m.parameters["cap_per_year"]
    del s, m
    gc.collect()
    assert entry.reason("en") and inp.description("en") and param.value == "1000000.00"
