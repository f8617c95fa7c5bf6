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


# ---- population: bytes in the order fuzz_population.c reads them --------------

# The harness's measure list, in its order, with each measure's inputs and
# conditions in document order: the columns are these, each once.
POP_MEASURES = [
    ("A1.01.a", ["national_funds", "provincial_funds", "other_fiscal_funds", "total_investment"],
     ["doubling_enterprise", "key_engineering_project"]),
    ("A2.01.d", ["national_funds", "provincial_funds"],
     ["national_or_provincial_task", "converted_in_dongguan", "matching_requirements"]),
    ("A1.07.a", ["financed_amount", "interest_paid", "granted_this_year"],
     ["doubling_enterprise", "direct_lease", "production_equipment"]),
    ("A1.10.a", ["new_purchases", "granted_this_year", "purchases_this_year", "purchases_last_year"],
     ["doubling_enterprise", "from_small_enterprises"]),
    ("A4.09.a", ["premium_paid", "granted_this_year"],
     ["dongguan_enterprise", "short_term_export_credit_insurance", "not_inclusive_platform"]),
    ("OP.10.a", ["tier", "award_base", "base_ratio_bp", "base_limit", "granted_this_year"],
     ["key_list_or_chain_leader", "first_set_policy"]),
    ("OP.02.a", ["honour", "assessed"], ["food_beverage_enterprise", "well_known_mark_or_quality_award"]),
    ("A5.09.a", ["tier"], ["quality_award_winner"]),
    ("A4.03.b", ["exhibition_area", "days", "certified", "granted_to_date"], ["new_or_introduced", "professional_venue"]),
    ("A4.02.1.a", ["booth_area", "build_cost", "booth_fee", "other_fiscal_support"],
     ["dongguan_enterprise", "special_booth", "yue_mao_quan_qiu"]),
    ("A1.19.a", ["assessed"], ["chain_leader_or_champion"]),
    ("A1.19.b", ["assessed"], ["new_little_giant"]),
    ("A5.04.a", ["tier", "assessed"], ["testing_platform"]),
    ("A4.09.e", ["usage_fee"], ["third_party_system"]),
    ("A4.09.b", ["premium_paid", "granted_this_year"], ["foreign_trade_enterprise", "domestic_trade_credit_insurance"]),
    ("A4.03.a", ["exhibition_area", "days", "venue_rent", "assessed"], ["filed_with_commerce", "professional_venue"]),
    ("OP.19.a", ["new_purchases", "granted_this_year", "purchases_this_year", "purchases_last_year"],
     ["doubling_enterprise", "supply_chain_cooperation"]),
    ("OP.22.d", ["premium_paid", "granted_this_year"], ["export_credit_insurance"]),
    ("OP.23.b", ["tier", "assessed"], ["ccc_designated_lab"]),
    ("A5.04.b", ["tier", "assessed"], ["ccc_or_accreditation"]),
    ("OP.23.c", ["honour"], ["advanced_standard_or_china_fine"]),
    ("OP.12.a", ["assessed", "rent_paid", "granted_to_date"], ["meets_conditions", "rd_and_office_space"]),
    ("A2.07.a", ["assessed", "rent_paid", "granted_to_date"], ["meets_conditions", "rd_and_office_rent"]),
    ("OP.01.a", ["recognition", "assessed"], ["recognised_design_park_or_centre"]),
    ("A3.07.b", ["assessed"], ["industrial_design_centre"]),
]
WAN = 1000000  # 1 万元 in fen


def pv_small(v):        # pick_value: a small integer -1 … 3
    return u8(v + 1)


def pv_amount(fen):     # pick_value: an amount in base units (fi_i64 kind 2)
    return u8(80) + u8(2) + struct.pack("<Q", fen)


# Four values per input column: what a row picks from (by two bits of its selector).
POP_POOLS = {
    "national_funds": [600 * WAN, 0, 300 * WAN, 2000 * WAN],
    "provincial_funds": [0, 400 * WAN, 150 * WAN, 900 * WAN],
    "other_fiscal_funds": [0, 0, 100 * WAN, 50 * WAN],
    "total_investment": [10000 * WAN, 2000 * WAN, 40000 * WAN, 500 * WAN],
    "financed_amount": [2000 * WAN, 3500 * WAN, 400 * WAN, 1000 * WAN],
    "interest_paid": [120 * WAN, 200 * WAN, 10 * WAN, 60 * WAN],
    "granted_this_year": [0, 0, 100 * WAN, 140 * WAN],
    "new_purchases": [80 * WAN, 300 * WAN, 200 * WAN, 5 * WAN],
    "purchases_this_year": [3000 * WAN, 1000 * WAN, 500 * WAN, 0],
    "purchases_last_year": [1000 * WAN, 1000 * WAN, 600 * WAN, 0],
    "premium_paid": [50 * WAN, 300 * WAN, 5 * WAN, 120 * WAN],
    "award_base": [2000 * WAN, 800 * WAN, 3000 * WAN, 150 * WAN],
    "base_ratio_bp": [1000, 2500, 500, 3000],
    "base_limit": [500 * WAN, 300 * WAN, 600 * WAN, 50 * WAN],
    "assessed": [120 * WAN, 300 * WAN, 0, 50 * WAN],
    "exhibition_area": [2000000, 3500000, 800000, 12000000],   # m² in hundredths
    "days": [3, 4, 2, 5],
    "granted_to_date": [0, 50 * WAN, 0, 250 * WAN],
    "booth_area": [3600, 1800, 5400, 900],
    "build_cost": [12 * WAN, 8 * WAN, 30 * WAN, 2 * WAN],
    "booth_fee": [5 * WAN, 0, 20 * WAN, 1 * WAN],
    "other_fiscal_support": [0, 0, 3 * WAN, 0],
    "usage_fee": [10 * WAN, 50 * WAN, 2 * WAN, 0],
    "venue_rent": [80 * WAN, 200 * WAN, 30 * WAN, 500 * WAN],
    "rent_paid": [82 * WAN, 300 * WAN, 40 * WAN, 150 * WAN],
}


def pop_columns(measures):
    names = []
    for m in measures:
        _, inputs, conditions = next(x for x in POP_MEASURES if x[0] == m)
        for n in inputs + ["condition." + c for c in conditions]:
            if n not in names:
                names.append(n)
    return names


def population_seed(measures, rows, objects=False, dates=False, call_date=0, seed=1, conditions=(), changed=False,
                    omit=("purchases_this_year", "purchases_last_year", "booth_fee")):
    """rows: list of (applicant index, object index, date index, absent bits); omit: input columns left out."""
    rng = seed
    b = u8(1 if changed else 0)   # the ruleset: built in, or with the harness's changes by date
    b += u8(len(measures) - 1) + b"".join(u8(POP_MEASURES.index(next(x for x in POP_MEASURES if x[0] == m)))
                                         for m in measures)
    b += u8((1 if objects else 0) | (2 if dates else 0)) + u8(call_date)
    # up to 40 rows: the count; 66 … 71 rows: 248 + the rows past 64 (the harness reads 64 + r % 8)
    assert len(rows) <= 40 or 66 <= len(rows) <= 71
    b += u8(len(rows) if len(rows) <= 40 else 248 + len(rows) - 64) + u8(0)
    for n in pop_columns(measures):
        if n.startswith("condition."):
            if n[10:] in conditions:      # given: mostly met
                b += u8(1) + pv_small(1) + pv_small(1) + pv_small(0) + pv_small(1)
            else:
                b += u8(0)                # left out
        elif n in omit:                   # inputs that exclude others: left out
            b += u8(0)
        elif n in ("tier", "honour", "certified", "recognition"):
            b += u8(1) + pv_small(0) + pv_small(1) + pv_small(0) + pv_small(2)
        else:
            b += u8(1) + b"".join(pv_amount(v) for v in POP_POOLS[n])
    for a, o, d, absent in rows:
        rng = (rng * 1103515245 + 12345) & 0xFFFFFFFF
        b += u8(a) + u8(o) + u8(d) + struct.pack("<I", rng) + u8(absent)
    return b


def population_seeds():
    rows = lambda n, apps=3, objs=6, absent=(0,): [(i % apps, (i * 5) % objs, (i * 3) % 7, absent[i % len(absent)])
                                                    for i in range(n)]
    write("population", "matching", population_seed(["A1.01.a", "A2.01.d"], rows(8, 2, 2)))
    write("population", "matching-objects", population_seed(["A1.01.a", "A2.01.d"], rows(10, 3), objects=True,
                                                             conditions=("key_engineering_project",)))
    write("population", "lease-award-dated", population_seed(["A1.07.a", "OP.10.a"], rows(24, 2, absent=(0, 0x07, 0xf8)),
                                                             dates=True, seed=7, changed=True))
    write("population", "procure-insurance", population_seed(["A1.10.a", "A4.09.a", "A4.09.e"],
                                                             rows(20, 3, absent=(0, 0x0e, 0x31)), dates=True,
                                                             objects=True, seed=3))
    write("population", "ceilings", population_seed(["OP.02.a", "A5.09.a", "A1.19.a", "A1.19.b"],
                                                     rows(16, 2, absent=(0, 0x01, 0x02)), seed=11))
    write("population", "platform-dated", population_seed(["A5.04.a", "A1.19.a"], rows(12, 2, absent=(0, 1)),
                                                          dates=True, call_date=5, seed=5))
    write("population", "exhibitions", population_seed(["A4.03.b", "A4.02.1.a"], rows(14, 2), objects=True,
                                                       conditions=("special_booth",), seed=13))
    write("population", "all-lease", population_seed(["A1.07.a", "A1.10.a", "A4.09.a", "OP.10.a"],
                                                     rows(40, 4, absent=(0, 0x03, 0x3c, 0xc0)), dates=True,
                                                     objects=True, seed=17, conditions=("doubling_enterprise",)))
    write("population", "credit-insurance-shared", population_seed(["A4.09.a", "A4.09.b"], rows(24, 2, absent=(0, 1, 2)),
                                                                   dates=True, seed=23, changed=True))
    write("population", "exhibition-cap", population_seed(["A4.03.a", "A4.03.b"], rows(12, 2), objects=True,
                                                          omit=("assessed",), seed=29))
    write("population", "scope-by-date", population_seed(["A1.01.a", "A2.01.d", "A1.10.a"], rows(30, 3, absent=(0, 0x0f)),
                                                         dates=True, objects=True, seed=31, changed=True,
                                                         omit=("purchases_this_year", "purchases_last_year")))
    write("population", "restatements", population_seed(["OP.19.a", "A1.10.a", "OP.22.d", "A4.09.a"],
                                                        rows(24, 3, absent=(0, 0x0e)), dates=True, seed=37, changed=True,
                                                        omit=("purchases_this_year", "purchases_last_year")))
    write("population", "restated-branches", population_seed(["OP.23.b", "A5.04.b", "OP.01.a", "A3.07.b"],
                                                             rows(20, 2, absent=(0, 1, 2)), objects=True, seed=41))
    write("population", "rent", population_seed(["OP.12.a", "A2.07.a", "OP.23.c", "OP.02.a"],
                                                rows(16, 2, absent=(0, 1)), dates=True, seed=43))
    write("population", "counting-sort", population_seed(["OP.10.a"], rows(70, 4), seed=19))


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
    population_seeds()
    positions = formula_positions()
    if positions is None:
        print("set DGSUBSIDY=path/to/dgsubsidy to write the case and batch seeds")
        return
    case_seeds(positions)
    batch_seeds(positions)


if __name__ == "__main__":
    main()
