#!/usr/bin/env python3
# SPDX-License-Identifier: MulanPSL-2.0
"""Writes the seed corpus of each harness into tests/fuzz/corpus/<harness>/.

The seeds are small, valid-looking inputs (and a few broken ones) that
reach every command, every shape of measure and every kind of guideline
change, so a short CI run starts deep.  The binary seeds follow the order in
which the harnesses read their bytes (tests/fuzz/fuzz_input.h).  Re-running
this script rewrites the same files.

    python3 tests/fuzz/make_seeds.py
"""
import json
import os
import struct

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(HERE, "corpus")


def write(harness, name, data):
    d = os.path.join(CORPUS, harness)
    os.makedirs(d, exist_ok=True)
    if isinstance(data, str):
        data = data.encode()
    with open(os.path.join(d, name), "wb") as f:
        f.write(data)


# ---- guideline --------------------------------------------------------------

def change(measure, parameter, value, **kw):
    c = {"parameter": parameter, "value": value}
    if measure:
        c["measure"] = measure
    c.update(kw)
    return c


GUIDELINES = {
    "lease-narrowed": [change("A1.07.a", "max_counted_financing", "20000000.00", unit="yuan",
                              **{"from": "2025-07-01", "until": "2025-12-31", "reference": "指南第三条"})],
    "unspecified-supplied": [change("OP.06.b", "ratio", "3%", **{"from": "2025-01-01"}),
                             change("OP.06.b", "cap", "500000.00", **{"from": "2025-01-01"})],
    "reading": [change("A1.06.b", "reading_either_or", "price", reference="第二条")],
    "validity": [change(None, "validity_end", "2027-12-31", reference="延期")],
    "scope": [change(None, "stacking_scope", "text")],
    "ratio-colon": [change("A2.09.b", "ratio", "1:0.5")],
    "ratio-fraction": [change("A1.06.b", "ratio_price", "1/300")],
    "ratio-decimal": [change("A1.04.a", "ratio", "0.35")],
    "integer-value": [change("A3.06.a", "cap_per_exhibition", 800000)],
    "area": [change("A4.02.1.a", "min_area", "9.5")],
    "count": [change("A1.06.a", "max_years", "3")],
    "expo-step": [change("A4.03.b", "increment_step", "2500"), change("A4.03.b", "increment", "50000")],
    "expo-unset": [change("A4.03.a", "ratio", "40%"), change("A4.03.a", "cap", "1000000")],
    "staff": [change("A4.04.b", "max_staff", "5")],
    "two-periods": [change("A1.10.a", "cap_per_year", "2000000", **{"from": "2025-01-01", "until": "2025-12-31"}),
                    change("A1.10.a", "cap_per_year", "2500000", **{"from": "2026-01-01"})],
    "uplift": [change("OP.10.a", "uplift_chain_leader", "15%"), change("OP.10.a", "reading_uplift", "points")],
    "unspecified-cap": [change("A2.02.a", "cap", "300000")],
    "tier": [change("A5.03.a", "cap_national", "25000000")],
    "exact": [change("A3.05.a", "amount", "2000000")],
    "zero": [change("A4.02.2.b", "cap_per_m2_month", "0"), change("A4.02.2.b", "max_months", "0")],
}
BROKEN = {
    "not-json": "{\"changes\": [",
    "not-object": "[1, 2, 3]",
    "no-changes": "{\"name\": \"x\"}",
    "unknown-key": "{\"changes\": [], \"extra\": 1}",
    "unknown-measure": json.dumps({"changes": [change("Z9.99", "cap", "1")]}),
    "unknown-parameter": json.dumps({"changes": [change("A1.07.a", "nope", "1")]}),
    "real-number": "{\"changes\": [{\"measure\": \"A1.07.a\", \"parameter\": \"ratio\", \"value\": 0.05}]}",
    "overlap": json.dumps({"changes": [change("A1.07.a", "cap_per_year", "1", **{"from": "2025-01-01"}),
                                       change("A1.07.a", "cap_per_year", "2", **{"from": "2025-06-01"})]}),
    "ratio-above": json.dumps({"changes": [change("A1.04.a", "ratio", "150%")]}),
    "negative": json.dumps({"changes": [change("A1.04.a", "ratio", "-5%")]}),
    "bad-date": json.dumps({"changes": [change("A1.04.a", "ratio", "5%", **{"from": "2025-02-30"})]}),
    "duplicate-key": "{\"changes\": [], \"changes\": []}",
    "wrong-unit": json.dumps({"changes": [change("A1.07.a", "cap_per_year", "1", unit="m2")]}),
    "huge": json.dumps({"changes": [change("A1.07.a", "cap_per_year", "99999999999999999999")]}),
}


def guideline_seeds():
    for name, changes in GUIDELINES.items():
        write("guideline", name + ".json",
              json.dumps({"name": name, "changes": changes}, ensure_ascii=False, indent=1))
    for name, text in BROKEN.items():
        write("guideline", "bad-" + name + ".json", text)


# ---- cli --------------------------------------------------------------------

CLI = {
    "help": ["--help"],
    "version": ["--version"],
    "list": ["list"],
    "list-kind": ["list", "--kind", "formula", "--lang", "en"],
    "show": ["show", "A1.07.a"],
    "show-json": ["show", "A4.03.b", "--json", "--date", "2025-03-01"],
    "eval": ["eval", "A1.07.a", "financed_amount=30000000", "interest_paid=2000000", "--date", "2025-03-01"],
    "eval-json": ["eval", "A4.02.1.a", "booth_area=36", "build_cost=80000.50", "--json", "--lang", "en",
                  "--date", "2024-05-01"],
    "eval-list": ["eval", "A4.04.b", "travel_costs=8000,9000.5,7000", "--date", "2026-01-01"],
    "eval-choice": ["eval", "A3.08.b", "tier=national", "provincial_funds=5000000", "--date", "2025-01-01"],
    "eval-bad": ["eval", "A1.07.a", "financed_amount=-1", "--date", "2025-03-01"],
    "eval-missing": ["eval", "A1.07.a", "--date", "2025-03-01"],
    "eval-out-of-force": ["eval", "A3.05.a", "--date", "2030-01-01"],
    "eval-qualitative": ["eval", "A1.02.a", "--date", "2025-01-01"],
    "catalog": ["catalog", "--format", "markdown"],
    "allocate": ["allocate", "--budget", "1000", "300", "500", "700.01"],
    "allocate-first": ["allocate", "--budget", "1000", "--method", "first-come", "600", "600"],
    "unknown": ["frobnicate"],
}
CLI_FILES = {
    "batch": (["batch", "A1.07.a", "--input", "@", "--date", "2025-03-01"],
              "financed_amount,interest_paid\n30000000,2000000\n1000,\n-5,3\n,\n"),
    "batch-choice": (["batch", "A3.08.b", "--input", "@"],
                     "tier,provincial_funds\nnational,100\nprovincial,5000000.5\nnone,1\n"),
    "stack": (["stack", "@"], json.dumps({
        "applicant": "x", "date": "2025-09-15", "claims": [
            {"measure": "OP.12.a", "inputs": {"rent_paid": "820000.00"}},
            {"measure": "A2.07.a", "inputs": {"rent_paid": "820000.00"}, "already_granted": "300000.00"},
            {"measure": "A2.05.a", "inputs": {"recognised": True}},
            {"measure": "A5.03.a", "inputs": {"tier": "provincial"}}]})),
    "stack-json": (["stack", "@", "--json", "--lang", "en"], json.dumps({
        "date": "2025-01-02", "claims": [{"measure": "A1.19.a"}, {"measure": "A1.19.b", "already_granted": 1}]})),
    "allocate-file": (["allocate", "--budget", "100", "--input", "@"], "30\n50.5\n\n70\n"),
    "guideline": (["eval", "OP.06.b", "financed_amount=1000000", "--guideline", "@", "--date", "2025-03-01"],
                  json.dumps({"changes": [change("OP.06.b", "ratio", "3%"), change("OP.06.b", "cap", "500000")]})),
    "guideline-bad": (["list", "--guideline", "@"], "{"),
}


def cli_seeds():
    for name, args in CLI.items():
        write("cli", name, "\n".join(args))
    for name, (args, content) in CLI_FILES.items():
        write("cli", name, "\n".join(args) + "\n%%\n" + content)


# ---- case and batch: bytes in the order the harnesses read them ---------------

def u8(v):
    return struct.pack("<B", v & 0xFF)


def u16(v):
    return struct.pack("<H", v & 0xFFFF)


def i64_small_yuan(yuan):  # fi_i64 kind 1: u8 * 100 fen
    return u8(1) + u8(yuan)


def i64_edge(k):           # fi_i64 kind 0: one of the edge values
    return u8(k << 2)


def i64_big(v):            # fi_i64 kind 2: up to a billion yuan
    return u8(2) + struct.pack("<Q", v)


def s(text):
    b = text.encode()
    return u8(len(b)) + b


# Measure positions in document order (dgs_ruleset_measure_at).
def case_seed(ruleset, position, ops):
    return u8(ruleset) + u8(200) + u16(position) + b"".join(ops)


def op_set_int(input_index, value):        # name: input by index; op 2
    return u8(0) + u16(input_index) + u8(2) + value


def op_set_text(input_index, text):        # op 0, text arbitrary (pick_text kind 6)
    return u8(0) + u16(input_index) + u8(0) + u8(6) + s(text)


def op_set_date(text):                      # name unused; op 7, arbitrary text
    return u8(0) + u16(0) + u8(7) + u8(6) + s(text)


def op_evaluate():
    return u8(0) + u16(0) + u8(10)


def case_seeds(positions):
    n = 0
    for pos, inputs in positions:
        ops = [op_set_date("2025-03-01")]
        for k in range(inputs):
            ops.append(op_set_text(k, "%d" % (1000 * (k + 3))))
        ops.append(op_evaluate())
        for k in range(inputs):
            ops.append(op_set_int(k, i64_big(10 ** (8 + k))))
        ops.append(op_evaluate())
        write("case", "m%03d" % pos, case_seed(n & 1, pos, ops))
        n += 1
    write("case", "by-id", u8(0) + u8(0) + s("A1.07.a") + op_set_date("2024-01-16") + op_evaluate())
    write("case", "unknown-id", u8(0) + u8(0) + s("A9.99.z"))
    write("case", "edges", case_seed(1, 12, [op_set_date("2027-01-15"), op_set_int(0, i64_edge(4)),
                                             op_set_int(1, i64_edge(3)), op_evaluate()]))


def batch_seed(position, date_index, cols, rows):
    """cols: list of (input_index, mask, [4 values as i64 encodings])."""
    b = u16(position) + u8(0) + u8(date_index) + u8(len(cols)) + u8(200) + u8(rows)
    for input_index, mask, pool in cols:
        b += u8(0) + u16(input_index) + u8(mask) + b"".join(pool)
    return b + u8(1)


def batch_seeds(positions):
    for pos, inputs in positions:
        cols = [(k, 0x80 if k % 2 == 0 else 0x5b,
                 [i64_small_yuan(30 + k), i64_big(10 ** (9 + k)), i64_edge(0), i64_edge(1)])
                for k in range(inputs)]
        write("batch", "m%03d" % pos, batch_seed(pos, 2, cols, 17))
    # Rows past one chunk of 4096, at the first day in force.
    write("batch", "two-chunks", u16(3) + u8(0) + u8(1) + u8(2) + u8(0) + u8(30) +
          b"".join(u8(0) + u16(k) + u8(0x80) + i64_small_yuan(50) + i64_big(123456789) +
                   i64_edge(4) + i64_edge(0) for k in range(2)) + u8(0))


def formula_positions():
    """(position, input count) of some measures of each kind, from the tool."""
    import subprocess
    tool = os.environ.get("DGSUBSIDY")
    if not tool:
        return None
    out = subprocess.run([tool, "list"], capture_output=True, text=True, check=True).stdout
    ids = [line.split()[0] for line in out.splitlines()]
    picked = []
    seen_kinds = {}
    for pos, line in enumerate(out.splitlines()):
        kind = line.split()[1]
        if kind == "qualitative" and seen_kinds.get(kind, 0) >= 2:
            continue
        if kind in ("fixed_cap", "unspecified") and seen_kinds.get(kind, 0) >= 4:
            continue
        seen_kinds[kind] = seen_kinds.get(kind, 0) + 1
        show = json.loads(subprocess.run([tool, "show", ids[pos], "--json"], capture_output=True,
                                         text=True, check=True).stdout)
        picked.append((pos, len(show["inputs"])))
    return picked


def main():
    guideline_seeds()
    cli_seeds()
    positions = formula_positions()
    if positions is None:
        print("set DGSUBSIDY=path/to/dgsubsidy to write the case and batch seeds")
        return
    case_seeds(positions)
    batch_seeds(positions)


if __name__ == "__main__":
    main()
