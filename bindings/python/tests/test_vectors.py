# SPDX-License-Identifier: MulanPSL-2.0
"""The golden vectors of tests/vectors/vectors.jsonl: the same cases the C and Java tests run.

Each vector is evaluated through the scalar API (inputs as text, as the
command line writes them) and again through the batch API (inputs converted
to base units), and both must give exactly the expected outcome and award.
"""

from __future__ import annotations

from decimal import Decimal

import numpy as np
import pandas as pd
import pytest

import dgsubsidy
from dgsubsidy import ValueType
from dgsubsidy._money import to_scaled

from conftest import VECTORS, load_vectors

VECTOR_LIST = load_vectors()
PARAMS = [pytest.param(v, id=v["name"]) for v in VECTOR_LIST] or [
    pytest.param(None, id="no-vectors", marks=pytest.mark.skip(reason=f"{VECTORS} does not exist"))]


def ruleset_for(rules, vector):
    rs = rules
    for change in vector.get("parameters") or []:
        rs = rs.with_parameter(change.get("measure"), change["parameter"], change["value"],
                               valid_from=change.get("from"), valid_until=change.get("until"),
                               reference=change.get("reference"))
    return rs


def expected_award(result, text):
    if result.is_money:
        return Decimal(text)
    return int(text)


def test_vectors_file_is_well_formed():
    if not VECTOR_LIST:
        pytest.skip(f"{VECTORS} does not exist")
    names = [v["name"] for v in VECTOR_LIST]
    assert len(names) == len(set(names)), "vector names must be unique"
    for v in VECTOR_LIST:
        assert {"name", "measure", "date", "inputs", "expect"} <= set(v), v["name"]
        assert all(isinstance(x, str) for x in v["inputs"].values()), v["name"]


@pytest.mark.parametrize("vector", PARAMS)
def test_vector_scalar(rules, vector):
    rs = ruleset_for(rules, vector)
    r = rs.evaluate(vector["measure"], date=vector["date"], **vector["inputs"])
    expect = vector["expect"]
    assert str(r.outcome) == expect["outcome"], r.explain("en")
    assert r.award == expected_award(r, expect["award"]), r.explain("en")
    if r.is_money:
        assert str(r.award) == expect["award"]  # two decimals, exactly as written
    if "binding" in expect:
        assert r.binding == (expect["binding"] or None), r.explain("en")


def base_units(inp, text):
    t = inp.type
    if t == ValueType.MONEY:
        return dgsubsidy.to_fen(text)
    if t == ValueType.AREA:
        return to_scaled(text, inp.name, unit="m2")
    if t == ValueType.FLAG:
        return {"true": 1, "false": 0}[text]
    if t == ValueType.CHOICE:
        return inp.choices.index(text)
    return int(text)


@pytest.mark.parametrize("vector", PARAMS)
def test_vector_batch(rules, vector):
    rs = ruleset_for(rules, vector)
    m = rs[vector["measure"]]
    if any(n in m.inputs and m.inputs[n].type == ValueType.MONEY_LIST for n in vector["inputs"]):
        pytest.skip("list inputs cannot be batched")
    columns = {n: np.array([{"true": 1, "false": 0}[t] if n.startswith("condition.")
                            else base_units(m.inputs[n], t)] * 3, dtype=np.int64)
               for n, t in vector["inputs"].items()}
    # a DataFrame gives the row count even without a column (measures without inputs)
    b = m.evaluate_batch(pd.DataFrame(columns, index=range(3)), vector["date"], units="base")
    r = m.evaluate(date=vector["date"], **vector["inputs"])
    assert b.outcome_codes.tolist() == [int(r.outcome)] * 3
    assert b.award_fen.tolist() == [r.award_fen] * 3
    assert str(r.outcome) == vector["expect"]["outcome"]
