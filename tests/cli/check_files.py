# SPDX-License-Identifier: MulanPSL-2.0
"""The files users bring and the JSON the tool writes, checked as a process.

Usage: python3 check_files.py DGSUBSIDY SOURCE_DIR

1. Every JSON Schema in docs/schemas/ is a valid draft 2020-12 schema; every
   example application and guideline validates, and the schemas refuse what
   the tool refuses (a misspelt key, a date as a number).
2. The JSON the tool writes validates: `eval --json` for a measure of every
   kind and for every outcome it can reach without a guideline, `stack
   --json` for every example application, `show --json` for every measure,
   `list --json`, `allocate --json`, every line of `batch --json` and of
   `compare --json`.
3. CSV as users write it: pandas' `to_csv()` with and without its index, a
   file saved as Excel saves it (UTF-8 BOM, CRLF, quoted thousands) — each
   gives the hand-worked awards, or the refusal that names the fix.
"""
import csv
import io
import json
import pathlib
import subprocess
import sys
import tempfile

try:
    import jsonschema
    import pandas as pd
    from referencing import Registry, Resource
except ImportError as e:  # ctest shows the test as skipped, with this line
    print(f"skipped: {e} (pip install -r scripts/requirements-test.txt)")
    sys.exit(77)

BIN = sys.argv[1]
SRC = pathlib.Path(sys.argv[2])
SCHEMAS = SRC / "docs" / "schemas"

resources = []
for path in sorted(SCHEMAS.glob("*.schema.json")):
    schema = json.loads(path.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    resources.append((schema["$id"], Resource.from_contents(schema)))
REGISTRY = Registry().with_resources(resources)


def validator(name):
    schema = json.loads((SCHEMAS / f"{name}.schema.json").read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema, registry=REGISTRY)


def valid(name, document, what):
    errors = sorted(validator(name).iter_errors(document), key=lambda e: list(e.path))
    if errors:
        raise AssertionError(f"{what} does not match {name}.schema.json: "
                             + "; ".join(f"{list(e.path)}: {e.message}" for e in errors[:5]))


def invalid(name, document, what):
    if validator(name).is_valid(document):
        raise AssertionError(f"{name}.schema.json accepts {what}")


def run(*args, ok=(0,)):
    p = subprocess.run([BIN, *args], capture_output=True, text=True, encoding="utf-8")
    if p.returncode not in ok:
        raise AssertionError(f"dgsubsidy {' '.join(args)}: exit {p.returncode}: {p.stderr}")
    return p


checked = 0

# ---- 1. schemas and example files --------------------------------------------------
for path in sorted((SRC / "examples" / "applications").glob("*.json")):
    valid("application", json.loads(path.read_text(encoding="utf-8")), path.name)
    checked += 1
for path in sorted((SRC / "examples" / "guidelines").glob("*.json")):
    valid("guideline", json.loads(path.read_text(encoding="utf-8")), path.name)
    checked += 1

good = {"date": "2025-09-15", "claims": [{"measure": "A2.07.a", "inputs": {"rent_paid": "820000.00"}}]}
valid("application", good, "a minimal application")
invalid("application", {**good, "claims": [{**good["claims"][0], "alredy_granted": "300000.00"}]}, "a misspelt key")
invalid("application", {**good, "date": 20240101}, "a date as a number")
invalid("application", {"claims": good["claims"]}, "a claim without any date")
invalid("application", {**good, "claims": []}, "no claims")
invalid("application", {**good, "claims": [{"measure": "A2.07.a", "inputs": {"rent_paid": 820000.5}}]},
        "a number with a fraction")
invalid("guideline", {"changes": [{"parameter": "ratio", "value": "5%", "form": "2025-01-01"}]}, "a misspelt key")
invalid("guideline", {"changes": [{"measure": "A1.07.a", "parameter": "ratio", "value": 0.05}]},
        "a ratio as a number with a fraction")

# The tool agrees with the schema about the negative cases.
with tempfile.TemporaryDirectory() as tmp:
    tmp = pathlib.Path(tmp)
    for i, doc in enumerate([{**good, "date": 20240101}, {"claims": good["claims"]},
                             {**good, "claims": [{**good["claims"][0], "alredy_granted": "300000.00"}]}]):
        (tmp / f"bad{i}.json").write_text(json.dumps(doc, indent=2), encoding="utf-8")
        p = run("stack", str(tmp / f"bad{i}.json"), ok=(2,))
        assert p.stdout == "" and p.stderr.count("\n") == 1, p.stderr

# ---- 2. the JSON the tool writes --------------------------------------------------------
measures = json.loads(run("list", "--json").stdout)
valid("measure-list", measures, "list --json")
assert len(measures) == 202


def sample_inputs(measure):
    """name=value for every input, as a user would write them."""
    values = []
    for inp in measure["inputs"]:
        sample = {"money": "1200000.50", "area": "36.5", "count": "3", "flag": "true",
                  "money_list": "18650.00,16200.00", "choice": (inp["choices"] or "x").split("|")[0]}[inp["type"]]
        values.append(f"{inp['name']}={sample}")
    return values


kinds, outcomes = set(), set()
for m in measures:
    shown = json.loads(run("show", m["id"], "--json", "--date", "2025-06-01").stdout)
    valid("measure", shown, f"show {m['id']} --json")
    for date, lang in (("2025-06-01", "zh"), ("2030-01-01", "en")):
        p = run("eval", m["id"], *sample_inputs(shown), "--date", date, "--json", "--lang", lang, ok=(0, 2))
        if p.returncode == 0:
            result = json.loads(p.stdout)
            valid("result", result, f"eval {m['id']} --json")
            kinds.add(m["kind"])
            outcomes.add(result["outcome"])
            checked += 1
missing = {k["kind"] for k in measures} - kinds
assert not missing, f"no eval --json checked for kinds {missing}"
assert {"granted", "not_in_force", "unspecified", "not_computable"} <= outcomes, outcomes

for path in sorted((SRC / "examples" / "applications").glob("*.json")):
    for lang in ("zh", "en"):
        report = json.loads(run("stack", str(path), "--json", "--lang", lang).stdout)
        valid("stack", report, f"stack {path.name} --json")
        checked += 1

for method in ("pro-rata", "first-come"):
    valid("allocation", json.loads(run("allocate", "--budget", "100", "--method", method, "60", "60", "0.01",
                                       "--json").stdout), "allocate --json")

# ---- 3. CSV as users write it ----------------------------------------------------------------
frame = pd.DataFrame({"applicant": ["东莞甲公司", "乙, 有限公司", "丙"],
                      "booth_area": [36, 18, 17.99],
                      "build_cost": [120000, 60000, 10000]})
# Hand-worked, 附件4 二（一）: 1500 yuan per m², at most the build cost, booths of at least 18 m².
expected = [("granted", "54000.00"), ("granted", "27000.00"), ("ineligible", "0.00")]
with tempfile.TemporaryDirectory() as tmp:
    tmp = pathlib.Path(tmp)

    # pandas' default writes its index as an unnamed first column: refused with the fix.
    frame.to_csv(tmp / "default.csv")
    p = run("batch", "A4.02.1.a", "--input", str(tmp / "default.csv"), "--id", "applicant", "--date", "2025-05-01",
            ok=(2,))
    assert "index=False" in p.stderr and p.stdout == "", p.stderr

    frame.to_csv(tmp / "plain.csv", index=False)
    excel = tmp / "excel.csv"
    frame.to_csv(excel, index=False, encoding="utf-8-sig", lineterminator="\r\n")
    assert excel.read_bytes().startswith(b"\xef\xbb\xbf") and b"\r\n" in excel.read_bytes()
    for path in (tmp / "plain.csv", excel):
        p = run("batch", "A4.02.1.a", "--input", str(path), "--id", "applicant", "--date", "2025-05-01")
        rows = list(csv.DictReader(io.StringIO(p.stdout)))
        assert [(r["applicant"], r["outcome"], r["award"]) for r in rows] == \
               [(a, o, w) for a, (o, w) in zip(frame["applicant"], expected)], p.stdout
        # The output reads back into pandas, one row per input row, ids intact.
        back = pd.read_csv(io.StringIO(p.stdout), dtype=str)
        assert list(back["applicant"]) == list(frame["applicant"])
        p = run("batch", "A4.02.1.a", "--input", str(path), "--id", "applicant", "--date", "2025-05-01", "--json")
        lines = [json.loads(line) for line in p.stdout.splitlines()]
        assert len(lines) == 3
        for line in lines:
            valid("batch-row", line, "batch --json")

    # Excel writes large numbers with thousands separators when the cell is formatted so; quoted,
    # the cell is refused as eval refuses it, and the row is reported, never misread.
    excel2 = tmp / "excel-thousands.csv"
    excel2.write_bytes("\ufeffapplicant,financed_amount,interest_paid\r\n"
                       "甲,28000000,\"1,200,000\"\r\n乙,28000000,1200000\r\n".encode("utf-8"))
    p = run("batch", "A1.07.a", "--input", str(excel2), "--id", "applicant", "--date", "2025-03-01", ok=(2,))
    rows = list(csv.DictReader(io.StringIO(p.stdout)))
    assert [(r["outcome"], r["award"]) for r in rows] == [("invalid", ""), ("granted", "1200000.00")], p.stdout
    assert "1,200,000" in rows[0]["error"] and "excel-thousands.csv:2:" in p.stderr
    for line in run("batch", "A1.07.a", "--input", str(excel2), "--id", "applicant", "--date", "2025-03-01",
                    "--json", ok=(2,)).stdout.splitlines():
        valid("batch-row", json.loads(line), "batch --json (invalid row)")

    # compare: the example guideline narrows A1.07.a from 2025-07-01 (counted financing at most 2000万:
    # 5% = 100万 instead of min(5% × 3000万, 150万) = 150万) and supplies OP.06.b (3%, at most 50万).
    # 丙 gives neither input: it claims neither measure (outcome not_claimed, 0, not invalid).
    pop = tmp / "leases.csv"
    pop.write_text("applicant,financed_amount,interest_paid\n甲,36000000,2000000\n乙,36000000,\n丙,,\n",
                   encoding="utf-8")
    guideline = str(SRC / "examples" / "guidelines" / "2025-doubling-enterprises.json")
    p = run("compare", "--guideline", guideline, "--input", str(pop), "--measures", "A1.07.a,OP.06.b",
            "--date", "2025-08-01", "--id", "applicant", "--json", ok=(2,))
    lines = [json.loads(line) for line in p.stdout.splitlines()]
    assert [(x["record"], x.get("applicant"), x["measure"]) for x in lines] == [
        ("row", "甲", "A1.07.a"), ("row", "甲", "OP.06.b"), ("row", "乙", "A1.07.a"), ("row", "乙", "OP.06.b"),
        ("row", "丙", "A1.07.a"), ("row", "丙", "OP.06.b"), ("summary", None, "A1.07.a"),
        ("summary", None, "OP.06.b")], p.stdout
    assert (lines[0]["baseline"], lines[0]["reform"], lines[0]["difference"]) == ("1500000.00", "1000000.00",
                                                                                   "-500000.00")
    assert lines[2]["baseline_outcome"] == "invalid" and "interest_paid" in lines[2]["error"]
    assert (lines[4]["baseline_outcome"], lines[4]["reform_fen"], lines[4]["error"]) == ("not_claimed", 0, None)
    assert (lines[6]["claims"], lines[6]["invalid"]) == (2, 1)
    assert (lines[7]["reform"], lines[7]["gainers"], lines[7]["invalid"], lines[7]["claims"]) == ("1000000.00", 2, 0,
                                                                                                   2)
    for line in lines:
        valid("compare-line", line, "compare --json")
    invalid("compare-line", dict(lines[4], reform="100.00", reform_fen=10000), "a payment to a row that claims nothing")
    invalid("compare-line", dict(lines[0], reform_outcome="not_claimed"), "a claim under one ruleset only")
    checked += len(lines)
    back = pd.read_csv(io.StringIO(run("compare", "--guideline", guideline, "--input", str(pop), "--measures",
                                       "A1.07.a", "--date", "2025-08-01", "--id", "applicant",
                                       ok=(2,)).stdout.split("\n\n")[1]), dtype=str)
    assert list(back["lost"]) == ["500000.00"] and list(back["invalid"]) == ["1"], back
    assert list(back["claims"]) == ["2"] and list(back["rows"]) == ["2"], back

print(f"schemas, {checked} documents and the users' CSV files: ok")
