# SPDX-License-Identifier: MulanPSL-2.0
"""The JSON the Python binding writes (Result.to_json, StackReport.to_json)
matches the JSON Schemas of docs/schemas/, for every golden vector and in
both languages, and for the example applications stacked."""

from __future__ import annotations

import json

import jsonschema  # scripts/requirements-test.txt
from referencing import Registry, Resource  # installed with jsonschema

from conftest import REPO_ROOT, load_vectors

SCHEMAS = REPO_ROOT / "docs" / "schemas"


def _validator(name: str):
    resources = []
    for path in sorted(SCHEMAS.glob("*.schema.json")):
        schema = json.loads(path.read_text(encoding="utf-8"))
        resources.append((schema["$id"], Resource.from_contents(schema)))
    schema = json.loads((SCHEMAS / f"{name}.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, registry=Registry().with_resources(resources))


def _assert_valid(validator, document, what):
    errors = list(validator.iter_errors(document))
    assert not errors, f"{what}: " + "; ".join(f"{list(e.path)}: {e.message}" for e in errors[:5])


def test_results_match_the_result_schema(rules):
    validator = _validator("result")
    vectors = [v for v in load_vectors() if "guideline" not in v and not v.get("parameters")]
    assert len(vectors) > 100
    outcomes = set()
    for v in vectors:
        try:
            r = rules.evaluate(v["measure"], date=v["date"], **v["inputs"])
        except Exception:  # vectors that expect an error are checked by test_vectors
            continue
        for lang in ("zh", "en"):
            document = json.loads(r.to_json(lang))
            _assert_valid(validator, document, f"{v['name']} ({lang})")
        outcomes.add(document["outcome"])
    assert {"granted", "ineligible", "not_in_force"} <= outcomes


def test_the_schema_refuses_a_changed_result(rules):
    validator = _validator("result")
    r = rules.evaluate("A1.07.a", date="2025-03-01", financed_amount="28000000", interest_paid="1200000")
    document = json.loads(r.to_json())
    assert validator.is_valid(document)
    assert not validator.is_valid({**document, "award": 1200000.0})   # a float, never
    assert not validator.is_valid({**document, "outcome": "maybe"})
    assert not validator.is_valid({k: v for k, v in document.items() if k != "award_fen"})


def test_stack_reports_match_the_stack_schema(rules):
    validator = _validator("stack")
    for path in sorted((REPO_ROOT / "examples" / "applications").glob("*.json")):
        app = json.loads(path.read_text(encoding="utf-8"))
        results, before = [], []
        for claim in app["claims"]:
            inputs = {k: (str(v) if not isinstance(v, bool) else v) for k, v in claim.get("inputs", {}).items()}
            results.append(rules.evaluate(claim["measure"], date=claim.get("date", app["date"]), **inputs))
            before.append(claim.get("already_granted"))
        report = rules.stack(results, before)
        for lang in ("zh", "en"):
            _assert_valid(validator, json.loads(report.to_json(lang)), f"{path.name} ({lang})")


def test_example_files_match_their_schemas():
    for path in sorted((REPO_ROOT / "examples" / "applications").glob("*.json")):
        _assert_valid(_validator("application"), json.loads(path.read_text(encoding="utf-8")), path.name)
    for path in sorted((REPO_ROOT / "examples" / "guidelines").glob("*.json")):
        _assert_valid(_validator("guideline"), json.loads(path.read_text(encoding="utf-8")), path.name)
