# SPDX-License-Identifier: MulanPSL-2.0
"""copy, deepcopy and pickle of every object: never a shared C handle, never a silent wrong amount.

A copy of an object holding a C handle must not free it twice nor compute from
freed memory; a pickled ruleset travels as the guideline chain that derived it
and a pickled result as the evaluation that produced it, both checked when
they are rebuilt.
"""

import copy
import gc
import multiprocessing
import pickle
import subprocess
import sys
from concurrent.futures import ProcessPoolExecutor
from decimal import Decimal as D
from pathlib import Path

import numpy as np
import pytest

import dgsubsidy
from dgsubsidy import Outcome

DATE = "2025-06-01"
REPO = Path(__file__).resolve().parents[3]
GUIDELINE = REPO / "examples" / "guidelines" / "2025-doubling-enterprises.json"
BOOTH = "A4.02.1.a"


def derived(rules):
    # A4.02.1.a pays at most 1500 yuan per m²; a ruleset in which the cap is 777 yuan per
    # exhibition pays 777.00 for a 36 m² booth that cost 120,000 yuan (the printed rules: 54,000.00).
    return rules.with_parameter(BOOTH, "cap_per_exhibition", "777", reference="test")


def booth(rs):
    return rs.evaluate(BOOTH, date=DATE, booth_area=36, build_cost=120000)


def test_copies_of_a_derived_ruleset_outlive_the_original(rules):
    rs = derived(rules)
    copies = [copy.copy(rs), copy.deepcopy(rs), copy.deepcopy([rs])[0]]
    del rs
    gc.collect()
    for c in copies:
        assert booth(c).award == D("777.00")
    assert booth(rules).award == D("54000.00")
    assert copy.copy(rules) is rules and copy.deepcopy(rules) is rules


def test_copies_of_a_result_are_safe(rules):
    r = booth(derived(rules))
    c, d = copy.copy(r), copy.deepcopy(r)
    del r
    gc.collect()
    for x in (c, d):
        assert x.award == D("777.00") and "777" in x.explain("en")
        assert x.steps and x.to_dict()["award"] == "777.00"


def test_copies_of_measures_inputs_parameters_and_batches(rules):
    rs = derived(rules)
    m = rs[BOOTH]
    inp, par = m.inputs["booth_area"], m.parameters["cap_per_exhibition"]
    b = m.evaluate_batch({"booth_area": [36, 17], "build_cost": [120000, 120000]}, DATE)
    objs = [copy.copy(m), copy.deepcopy(m), copy.copy(inp), copy.deepcopy(inp), copy.copy(par),
            copy.deepcopy(par), copy.copy(rs.measures), copy.deepcopy(rs.measures)]
    bc, bd = copy.copy(b), copy.deepcopy(b)
    views = [copy.copy(b.awards), copy.deepcopy(b.awards)]
    del rs, m, inp, par, b
    gc.collect()
    assert objs[0].evaluate(DATE, booth_area=36, build_cost=120000).award == D("777.00")
    assert objs[1].evaluate(DATE, booth_area=36, build_cost=120000).award == D("777.00")
    assert objs[2].unit == objs[3].unit == "m2"
    assert objs[4].value == objs[5].value == "777.00"
    assert len(objs[6]) == len(objs[7]) and objs[7][BOOTH].evaluate(DATE, booth_area=36, build_cost=120000).award \
        == D("777.00")
    for x in (bc, bd):
        assert x.award_fen.tolist() == [77_700, 0] and x.outcome_codes.tolist() == [0, Outcome.INELIGIBLE]
        with pytest.raises(ValueError):
            x.award_fen[0] = 1  # still read-only
    assert [list(v) for v in views] == [[D("777.00"), D("0.00")]] * 2


def round_trip(obj):
    return pickle.loads(pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL))


def test_rulesets_pickle_as_their_guideline_chain(rules):
    assert round_trip(rules) is dgsubsidy.Ruleset.builtin()
    rs = rules.with_guideline(GUIDELINE).with_parameter(BOOTH, "cap_per_exhibition", "777",
                                                        valid_from="2025-01-01", reference="test")
    back = round_trip(rs)
    assert back.fingerprint == rs.fingerprint and back.fingerprint != rules.fingerprint
    assert booth(back).award == D("777.00") and booth(back).to_json() == booth(rs).to_json()
    assert round_trip(rs) is back  # rebuilt once per process, then shared
    # the guideline's own changes are there too
    for m in rules.measures:
        for p in m.parameters.values():
            assert back[m.id].parameters[p.name].value_at("2025-06-01") == \
                rs[m.id].parameters[p.name].value_at("2025-06-01")


def test_a_ruleset_that_rebuilds_differently_is_refused(rules):
    rs = derived(rules)
    fn, args = rs.__reduce__()
    with pytest.raises(dgsubsidy.NotSupported) as info:
        fn(args[0], args[1], "0123456789abcdef")
    assert "fingerprint" in str(info.value)


def test_results_pickle_and_stack(rules):
    rs = derived(rules)
    r = booth(rs)
    back = round_trip(r)
    assert back is not r and back.award == D("777.00") and back.to_json("en") == r.to_json("en")
    assert back.measure.ruleset.fingerprint == rs.fingerprint
    both = round_trip([r, rules.evaluate("A1.07.a", date=DATE, financed_amount=28_000_000, interest_paid=1)])
    assert both[0].award == D("777.00") and both[1].award == D("1.00")
    report = rules.stack([both[1]])
    assert report.total == D("1.00")


def test_a_result_whose_inputs_changed_is_refused(rules):
    costs = [D("1000.00"), D("2000.00")]
    r = rules.evaluate("A4.04.b", date=DATE, travel_costs=costs) if "A4.04.b" in rules else None
    if r is None:
        pytest.skip("no measure with a list input")
    data = pickle.dumps(r)
    assert pickle.loads(data).award == r.award
    costs.append(D("50000.00"))  # the caller changes the list after the evaluation
    with pytest.raises(dgsubsidy.NotSupported):
        pickle.loads(pickle.dumps(r))


def test_measures_and_batches_pickle(rules):
    rs = derived(rules)
    m = round_trip(rs[BOOTH])
    assert m.evaluate(DATE, booth_area=36, build_cost=120000).award == D("777.00")
    assert round_trip(m.inputs["booth_area"]).name == "booth_area"
    assert round_trip(m.parameters["cap_per_exhibition"]).value == "777.00"
    b = m.evaluate_batch({"booth_area": np.array([36, 17]), "build_cost": np.array([120000, -1])}, DATE, errors="mark")
    bb = round_trip(b)
    assert bb.award_fen.tolist() == b.award_fen.tolist() and bb.outcome_codes.tolist() == b.outcome_codes.tolist()
    assert type(bb.error) is type(b.error) and bb.error.row == b.error.row == 1
    assert bb.measure.ruleset.fingerprint == rs.fingerprint


def evaluate_in_worker(job):
    rs, measure, inputs = job
    return rs.evaluate(measure, date=DATE, **inputs)


def batch_in_worker(job):
    rs, frame = job
    return rs.evaluate_batch(BOOTH, frame, DATE)


def test_a_multiprocessing_pool(rules):
    rs = derived(rules)
    jobs = [(rs, BOOTH, {"booth_area": 36, "build_cost": 120000}),
            (rs, BOOTH, {"booth_area": 17, "build_cost": 120000}),
            (rules, BOOTH, {"booth_area": 36, "build_cost": 120000})]
    ctx = multiprocessing.get_context("spawn")  # nothing inherited: every object crosses as a pickle
    with ctx.Pool(2) as pool:
        results = pool.map(evaluate_in_worker, jobs)
        batches = pool.map(batch_in_worker, [(rs, {"booth_area": [36], "build_cost": [120000]})])
    assert [r.award for r in results] == [D("777.00"), D("0.00"), D("54000.00")]
    assert [r.outcome for r in results] == [Outcome.GRANTED, Outcome.INELIGIBLE, Outcome.GRANTED]
    assert results[0].fingerprint == rs.fingerprint
    assert batches[0].award_fen.tolist() == [77_700]
    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork")) as ex:
        assert ex.submit(evaluate_in_worker, jobs[0]).result().award == D("777.00")


def test_joblib_if_installed(rules):
    joblib = pytest.importorskip("joblib")
    rs = derived(rules)
    out = joblib.Parallel(n_jobs=2, backend="loky")(
        joblib.delayed(evaluate_in_worker)((rs, BOOTH, {"booth_area": 36, "build_cost": 120000})) for _ in range(2))
    assert [r.award for r in out] == [D("777.00")] * 2


def test_copies_do_not_crash_at_exit():
    # the original failure was a double free when the interpreter ended
    code = (
        "import copy, dgsubsidy\n"
        "rs = dgsubsidy.builtin().with_parameter('A4.02.1.a', 'cap_per_exhibition', '777')\n"
        "r = rs.evaluate('A4.02.1.a', date='2025-06-01', booth_area=36, build_cost=120000)\n"
        "keep = [copy.copy(rs), copy.copy(r), copy.deepcopy(rs), copy.deepcopy(r)]\n"
        "del rs, r\n"
        "print(keep[0].evaluate('A4.02.1.a', date='2025-06-01', booth_area=36, build_cost=120000).award,"
        " keep[1].award)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["777.00", "777.00"]
    assert "double free" not in out.stderr
