#!/usr/bin/env python3
# SPDX-License-Identifier: MulanPSL-2.0
"""Generates lib/measures/catalog.gen.c: the metadata of every measure of
东府〔2024〕1号 (id, location, kind, titles, verbatim clause, departments,
exclusive group, the policy that governs the amount where another policy does,
the eligibility conditions, whether its amount is a ceiling a department
assesses, whether it is a yearly award) from data/catalog.json, data/titles_zh.tsv and
data/conditions.json.

data/conditions.json maps each measure that is not qualitative to the list of
its eligibility conditions: {id, phrase, zh, en}.  The id is short, stable
ascii ([a-z][a-z0-9_]*, unique within the measure); the phrase is the words of
the clause the condition comes from, verbatim (checked here: a substring of
the clause); zh and en state the condition briefly.  Conditions that are
numbers are inputs of the measure, not conditions.

The formulas, inputs and parameters are written by hand in lib/measures/*.c;
this file only links each id to its spec (spec_<id>), so a measure of any
kind but `qualitative` that has no spec fails to link.

Usage: gen_catalog.py [--check]   (--check: exit 1 if the committed file differs)
"""
import json
import re
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parents[2]
KINDS = {
    "formula": "DGS_KIND_FORMULA",
    "fixed_cap": "DGS_KIND_FIXED_CAP",
    "tiered_fixed": "DGS_KIND_TIERED_FIXED",
    "price_or_quota": "DGS_KIND_PRICE_OR_QUOTA",
    "unspecified": "DGS_KIND_UNSPECIFIED",
    "qualitative": "DGS_KIND_QUALITATIVE",
    "governed_elsewhere": "DGS_KIND_GOVERNED_ELSEWHERE",
}
MAX_CONDITIONS = 8   # lib/measures/spec.h
CONDITION_ID = re.compile(r"^[a-z][a-z0-9_]{0,47}$")


def c_string(s):
    out = []
    for ch in s:
        if ch == "\\":
            out.append("\\\\")
        elif ch == '"':
            out.append('\\"')
        elif ch == "\n":
            out.append("\\n")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


UNITS = {"fen": "DGS_UNIT_FEN", "places": "DGS_UNIT_PLACES"}


def c_ident(mid):
    return mid.replace(".", "_")


def branches_of(m):
    """The branches of a restatement keyed by a choice input, as (choice, id, fixed inputs).

    "restates" is one id (the whole item restates that measure), or
    {"input": name, "choices": {choice: id or {"id": id, "inputs": {name: choice}}}}:
    the choice input says which measure computes the case.  With "zh" and "en"
    the input is generated (the item has no clause of its own to compute);
    without them it is the item's own input, and the choices not listed are
    computed by the item's own clause."""
    r = m.get("restates")
    if not isinstance(r, dict):
        return []
    out = []
    for choice, target in r["choices"].items():
        if isinstance(target, str):
            out.append((choice, target, {}))
        else:
            out.append((choice, target["id"], target.get("inputs", {})))
    return out


def restates_of(m, ids):
    """The ids of the measures whose clause states the amount this item restates."""
    r = m.get("restates")
    if not r:
        return []
    sources = [r] if isinstance(r, str) else []
    for _, x, _ in branches_of(m):
        if x not in sources:
            sources.append(x)
    for x in sources:
        if x not in ids:
            raise SystemExit(f"{m['id']} restates unknown measure {x}")
    return sources


def generated_input(m):
    r = m.get("restates")
    return isinstance(r, dict) and "zh" in r


def spec_name(mid):
    return "spec_" + mid.replace(".", "_")


def is_ceiling(m, by_id=None):
    """最高/不超过 X with the amount left to a department: a fixed_cap or
    tiered_fixed measure that is not one of the exact amounts (`fixed_amount`).
    An item that restates one measure as a whole is computed through it: it is
    a ceiling when that measure is."""
    restates = m.get("restates")
    if by_id is not None and isinstance(restates, str):
        return is_ceiling(by_id[restates])
    return m["kind"] in ("fixed_cap", "tiered_fixed") and not m.get("fixed_amount")


def is_yearly(m):
    """An award the clause grants each year (每年)."""
    return "每年" in m["text_zh"]


def c_name(mid):
    return mid.replace(".", "_")


def check_conditions(catalog, conditions):
    """Every measure but the qualitative ones lists its conditions; each
    phrase is in the clause verbatim.  Returns the problems found."""
    problems = []
    by_id = {m["id"]: m for m in catalog}
    for mid in conditions:
        if mid not in by_id:
            problems.append(f"data/conditions.json: no measure {mid}")
    for m in catalog:
        listed = conditions.get(m["id"])
        if m["kind"] == "qualitative":
            if listed:
                problems.append(f"{m['id']}: a qualitative measure has no conditions")
            continue
        if not listed:
            problems.append(f"{m['id']}: no conditions in data/conditions.json")
            continue
        if len(listed) > MAX_CONDITIONS:
            problems.append(f"{m['id']}: more than {MAX_CONDITIONS} conditions")
        seen = set()
        for cond in listed:
            if set(cond) != {"id", "phrase", "zh", "en"}:
                problems.append(f"{m['id']}: a condition has the keys id, phrase, zh, en: {cond}")
                continue
            if not CONDITION_ID.match(cond["id"]):
                problems.append(f"{m['id']}: condition id '{cond['id']}' is not [a-z][a-z0-9_]*")
            if cond["id"] in seen:
                problems.append(f"{m['id']}: condition '{cond['id']}' twice")
            seen.add(cond["id"])
            if not cond["phrase"] or cond["phrase"] not in m["text_zh"]:
                problems.append(f"{m['id']}.{cond['id']}: phrase '{cond['phrase']}' is not in the clause")
            if not cond["zh"] or not cond["en"]:
                problems.append(f"{m['id']}.{cond['id']}: zh and en must not be empty")
        if (m["kind"] == "governed_elsewhere") != bool(m.get("governed_by")):
            problems.append(f"{m['id']}: governed_by is given exactly for kind governed_elsewhere")
    return problems


def generate():
    catalog = json.loads((ROOT / "data/catalog.json").read_text(encoding="utf-8"))
    conditions = json.loads((ROOT / "data/conditions.json").read_text(encoding="utf-8"))
    problems = check_conditions(catalog, conditions)
    if problems:
        raise SystemExit("\n".join(problems))
    titles = {}
    for line in (ROOT / "data/titles_zh.tsv").read_text(encoding="utf-8").splitlines():
        mid, title = line.split("\t")
        titles[mid] = title
    lines = [
        "/* SPDX-License-Identifier: MulanPSL-2.0 */",
        "/* Generated by tools/gen/gen_catalog.py from data/catalog.json and",
        " * data/titles_zh.tsv and data/conditions.json.  Do not edit: edit the",
        " * data and regenerate. */",
        '#include "measures/spec.h"',
        "",
    ]
    ids = {m["id"] for m in catalog}
    for m in catalog:
        if m["kind"] != "qualitative" and not (isinstance(m.get("restates"), str) or generated_input(m)):
            lines.append(f"extern const measure_spec {spec_name(m['id'])};")
    lines.append("")
    for m in catalog:
        listed = conditions.get(m["id"], [])
        if listed:
            lines.append(f"static const condition_def conditions_{c_name(m['id'])}[] = {{")
            for cond in listed:
                lines.append(f"    {{{c_string(cond['id'])}, {c_string(cond['phrase'])},")
                lines.append(f"     {c_string(cond['zh'])},")
                lines.append(f"     {c_string(cond['en'])}}},")
            lines.append("};")
        sources = restates_of(m, ids)
        if sources:
            lines.append(f"static const char *const restates_{c_ident(m['id'])}[] = "
                         f"{{{', '.join(c_string(x) for x in sources)}, NULL}};")
    by_id = {m["id"]: m for m in catalog}
    for m in catalog:
        r = m.get("restates")
        if not isinstance(r, dict):
            continue
        ident = c_ident(m["id"])
        if generated_input(m):
            # No clause of its own to compute: the spec is the choice input alone.
            choices = ", ".join(c_string(k) for k in r["choices"]) + ", NULL"
            lines += [
                f"static const char *const restate_choices_{ident}[] = {{{choices}}};",
                f"static const input_def restate_in_{ident}[] = {{",
                f"    {{{c_string(r['input'])}, DGS_TYPE_CHOICE, \"\", true, {c_string(r['zh'])}, {c_string(r['en'])},",
                f"     restate_choices_{ident}, NULL, NULL}},",
                "};",
                f"static const measure_spec restate_spec_{ident} = {{restate_in_{ident}, 1, NULL, 0, shape_restated,",
                "    shape_restated_batch, NULL, NO_SHAPE, -1, -1, shape_restated_detail};",
            ]
        rows = []
        for n, (choice, target, fixed) in enumerate(branches_of(m)):
            if fixed:
                pairs = ", ".join(f"{c_string(k)}, {c_string(v)}" for k, v in fixed.items())
                lines.append(f"static const char *const restate_fixed_{ident}_{n}[] = {{{pairs}, NULL}};")
            rows.append(f"    {{{c_string(choice)}, {c_string(target)}, "
                        f"{f'restate_fixed_{ident}_{n}' if fixed else 'NULL'}}},")
        lines += [f"static const restate_branch restate_branches_{ident}[] = {{"] + rows + ["};"]
        lines.append(f"static const restatement restatement_{ident} = {{{c_string(r['input'])}, "
                     f"{'false' if generated_input(m) else 'true'}, {len(rows)}, restate_branches_{ident}}};")
    lines.append("")
    lines += ["const measure_meta dgs_catalog[] = {"]
    for m in catalog:
        spec = "NULL" if m["kind"] == "qualitative" else "&" + spec_name(m["id"])
        kind = m["kind"]
        sources = restates_of(m, ids)
        # An exact amount when the clause (or every clause it restates) gives one.
        fixed = (all(by_id[x].get("fixed_amount") for x in sources) if sources
                 else bool(m.get("fixed_amount")))
        if isinstance(m.get("restates"), str):
            # Computed through the measure that states the amount: its formula.
            # The kind stays that of its own clause (dgs_measure_restates() says more).
            spec = "&" + spec_name(sources[0])
        elif generated_input(m):
            spec = "&restate_spec_" + c_ident(m["id"])
        if m.get("restates") and not generated_input(m) and not isinstance(m.get("restates"), str):
            fixed = bool(m.get("fixed_amount"))   # its own branches keep its own clause's reading
        lines += [
            "    {",
            f"        {c_string(m['id'])},",
            f"        {c_string(m['location'])},",
            f"        {KINDS[kind]},",
            f"        {c_string(titles[m['id']])},",
            f"        {c_string(m['title_en'])},",
            f"        {c_string(m['text_zh'])},",
            f"        {c_string('、'.join(m['departments']))},",
            f"        {c_string(m['exclusive_group'] or '')},",
            f"        {'true' if fixed else 'false'},",
            f"        {spec},",
            f"        {UNITS[m.get('unit', 'fen')]},",
            f"        {'restates_' + c_ident(m['id']) if restates_of(m, ids) else 'NULL'},",
            f"        {'&restatement_' + c_ident(m['id']) if isinstance(m.get('restates'), dict) else 'NULL'},",
        ]
        listed = conditions.get(m["id"], [])
        governed = m.get("governed_by")
        lines += [
            f"        .conditions = {'conditions_' + c_name(m['id']) if listed else 'NULL'},",
            f"        .n_conditions = {len(listed)},",
            f"        .governed_by_zh = {c_string(governed['zh']) if governed else 'NULL'},",
            f"        .governed_by_en = {c_string(governed['en']) if governed else 'NULL'},",
            f"        .ceiling = {'true' if is_ceiling(m, by_id) else 'false'},",
            f"        .yearly = {'true' if is_yearly(m) else 'false'},",
        ]
        lines.append("    },")
    lines += ["};", "", f"const size_t dgs_catalog_count = {len(catalog)};", ""]
    return "\n".join(lines)


def main():
    target = ROOT / "lib/measures/catalog.gen.c"
    text = generate()
    if "--check" in sys.argv:
        if not target.exists() or target.read_text(encoding="utf-8") != text:
            print(f"{target} is out of date: run tools/gen/gen_catalog.py", file=sys.stderr)
            return 1
        return 0
    target.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
