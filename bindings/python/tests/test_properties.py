# SPDX-License-Identifier: MulanPSL-2.0
"""Properties over generated values: exact money round trips; scalar and batch agree."""

from __future__ import annotations

from decimal import Decimal

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

import dgsubsidy

FEN = st.integers(min_value=0, max_value=2**63 - 1)
DATE = "2025-03-01"


@given(FEN)
def test_fen_round_trip(fen):
    yuan = dgsubsidy.from_fen(fen)
    assert dgsubsidy.to_fen(yuan) == fen
    assert dgsubsidy.to_fen(str(yuan)) == fen
    assert yuan.as_tuple().exponent == -2


@given(st.decimals(allow_nan=False, allow_infinity=False, places=3, min_value=0, max_value=10**12))
def test_decimals_with_a_third_place_are_refused_unless_zero(value):
    try:
        fen = dgsubsidy.to_fen(value)
    except dgsubsidy.InvalidValue:
        assert value * 100 != (value * 100).to_integral_value()
    else:
        assert Decimal(fen) == value * 100


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(FEN, FEN), min_size=1, max_size=50))
def test_lease_scalar_equals_batch(rows):
    rules = dgsubsidy.Ruleset.builtin()
    frame = {"financed_amount": np.array([r[0] for r in rows], dtype=np.int64),
             "interest_paid": np.array([r[1] for r in rows], dtype=np.int64)}
    b = rules.evaluate_batch("A1.07.a", frame, DATE, errors="mark", units="base")
    for i, (f, p) in enumerate(rows):
        r = rules.evaluate("A1.07.a", date=DATE, financed_amount=dgsubsidy.from_fen(f),
                           interest_paid=dgsubsidy.from_fen(p))
        assert (b.award_fen[i], b.outcome_codes[i]) == (r.award_fen, r.outcome)
        assert r.award_fen <= min(p, 150_000_000)


@settings(max_examples=100, deadline=None)
@given(st.integers(min_value=0, max_value=2**40), st.lists(st.integers(min_value=0, max_value=2**40), max_size=40))
def test_pro_rata_is_exact(budget, claims):
    shares = dgsubsidy.allocate_fen(budget, np.array(claims, dtype=np.int64))
    assert int(shares.sum()) == min(budget, sum(claims))
    assert all(0 <= s <= c for s, c in zip(shares.tolist(), claims))
