# SPDX-License-Identifier: MulanPSL-2.0
"""Money is exact: Decimal / int yuan / decimal strings in, Decimal out; never a float."""

from __future__ import annotations

from decimal import ROUND_FLOOR, Decimal, localcontext

import numpy as np
import pytest

import dgsubsidy
from dgsubsidy import Outcome

D = Decimal
DATE = "2025-03-01"
MAX_FEN = 2**63 - 1
MAX_YUAN = D("92233720368547758.07")


@pytest.mark.parametrize("value, fen", [
    (0, 0), (D("0"), 0), ("0", 0), ("0.00", 0), (D("0E+5"), 0), (D("-0"), 0),
    (D("0.01"), 1), ("0.01", 1), (D("1E-2"), 1),
    (1, 100), (D("1.5"), 150), ("1.50", 150), (D("1.500"), 150), (D("1.5E+6"), 150_000_000),
    (MAX_YUAN, MAX_FEN), (str(MAX_YUAN), MAX_FEN), (np.int64(3), 300),
    (-1, -100), (D("-0.01"), -1),
])
def test_to_fen_exact(value, fen):
    assert dgsubsidy.to_fen(value) == fen


@pytest.mark.parametrize("value, error", [
    (1.0, dgsubsidy.TypeMismatch), (0.1, dgsubsidy.TypeMismatch), (np.float64(2), dgsubsidy.TypeMismatch),
    (float("nan"), dgsubsidy.TypeMismatch), (True, dgsubsidy.TypeMismatch), (None, dgsubsidy.TypeMismatch),
    (D("0.001"), dgsubsidy.InvalidValue), (D("1.005"), dgsubsidy.InvalidValue), ("1.005", dgsubsidy.InvalidValue),
    (D("NaN"), dgsubsidy.InvalidValue), (D("Infinity"), dgsubsidy.InvalidValue),
    (MAX_YUAN + D("0.01"), dgsubsidy.Overflow), (2**63, dgsubsidy.Overflow), ("92233720368547758.08", dgsubsidy.Overflow),
    ("-1", dgsubsidy.NegativeValue), ("1,000", dgsubsidy.InvalidValue), ("", dgsubsidy.InvalidValue),
])
def test_to_fen_refuses(value, error):
    with pytest.raises(error):
        dgsubsidy.to_fen(value)


def test_float_message_says_how_to_pass_money():
    with pytest.raises(TypeError) as info:
        dgsubsidy.to_fen(1500000.5, )
    text = str(info.value)
    assert "Decimal('1500000.5')" in text and "'1500000.5'" in text and "int" in text


def test_from_fen_ignores_the_decimal_context():
    with localcontext() as ctx:
        ctx.prec = 3
        assert str(dgsubsidy.from_fen(MAX_FEN)) == "92233720368547758.07"
        assert dgsubsidy.from_fen(-5) == D("-0.05")


def evaluate_lease(rules, financed, interest):
    return rules.evaluate("A1.07.a", date=DATE, financed_amount=financed, interest_paid=interest)


def test_zero_and_one_fen(rules):
    r = evaluate_lease(rules, D("28000000"), 0)
    assert r.granted and r.award == D("0.00") and r.binding == "interest_paid"
    r = evaluate_lease(rules, D("28000000"), D("0.01"))
    assert r.award == D("0.01") and r.award_fen == 1
    # a ratio's product is floored to the fen: 50% of 0.19 is 0.095 → 0.09
    assert rules["A4.09.e"].parameters["ratio"].value == "50%"
    r = rules.evaluate("A4.09.e", date=DATE, usage_fee=D("0.19"))
    assert r.award == D("0.09")
    assert rules.evaluate("A4.09.e", date=DATE, usage_fee=D("0.01")).award == D("0.00")


def test_largest_amount(rules):
    r = evaluate_lease(rules, MAX_YUAN, MAX_YUAN)
    assert r.granted and r.award == D("1500000.00")
    with pytest.raises(dgsubsidy.Overflow):
        evaluate_lease(rules, MAX_YUAN + D("0.01"), 1)
    with pytest.raises(dgsubsidy.Overflow):
        evaluate_lease(rules, 10**40, 1)


def test_negative_money(rules):
    for bad in (-1, D("-0.01"), "-0.01"):
        with pytest.raises(dgsubsidy.NegativeValue) as info:
            evaluate_lease(rules, bad, 1)
        assert isinstance(info.value, ValueError)


def test_three_decimals_is_an_error_not_rounding(rules):
    for bad in (D("1.001"), "1.001"):
        with pytest.raises(dgsubsidy.InvalidValue) as info:
            evaluate_lease(rules, D("28000000"), bad)
        assert "decimals" in str(info.value) or "1.001" in str(info.value)
    # trailing zeros carry no extra precision
    assert evaluate_lease(rules, D("28000000.000"), D("1.10")).award == D("1.10")
    # the caller rounds, explicitly
    amount = D("1.019").quantize(D("0.01"), rounding=ROUND_FLOOR)
    assert evaluate_lease(rules, D("28000000"), amount).award == D("1.01")


def test_money_edge_cases_in_a_batch(rules):
    fen = np.array([0, 1, MAX_FEN, -1, 2_800_000_000], dtype=np.int64)
    frame = {"financed_amount": np.full(5, 2_800_000_000, dtype=np.int64), "interest_paid": fen}
    b = rules.evaluate_batch("A1.07.a", frame, DATE, errors="mark", units="base")
    assert b.award_fen.tolist() == [0, 1, 140_000_000, 0, 140_000_000]
    assert b.outcome_codes.tolist() == [0, 0, 0, Outcome.INVALID, 0]
    assert isinstance(b.error, dgsubsidy.NegativeValue) and b.error.row == 3
    assert list(b.awards) == [D("0.00"), D("0.01"), D("1400000.00"), D("0.00"), D("1400000.00")]
    objs = {"financed_amount": np.array([D("28000000")] * 3, dtype=object),
            "interest_paid": np.array([D("0.01"), 5, "7.25"], dtype=object)}
    b = rules.evaluate_batch("A1.07.a", objs, DATE)
    assert b.award_fen.tolist() == [1, 500, 725]
    with pytest.raises(dgsubsidy.TypeMismatch):
        rules.evaluate_batch("A1.07.a", {"financed_amount": np.array([1.0]), "interest_paid": [1]}, DATE)
    with pytest.raises(dgsubsidy.TypeMismatch):
        rules.evaluate_batch("A1.07.a", {"financed_amount": np.array([D(1), 1.5], dtype=object),
                                         "interest_paid": [1, 1]}, DATE)
    with pytest.raises(dgsubsidy.InvalidValue) as info:
        rules.evaluate_batch("A1.07.a", {"financed_amount": np.array([D(1), D("1.001")], dtype=object),
                                         "interest_paid": [1, 1]}, DATE)
    assert info.value.row == 1
    with pytest.raises(dgsubsidy.Overflow):
        rules.evaluate_batch("A1.07.a", {"financed_amount": np.array([2**64 - 1], dtype=np.uint64),
                                         "interest_paid": [1]}, DATE)
