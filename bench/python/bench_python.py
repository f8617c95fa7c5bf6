# SPDX-License-Identifier: MulanPSL-2.0
"""The Python binding against numpy and a plain Python loop, in one run.

For A1.07.a, A4.02.1.a and A4.03.b, 10^6 rows of generated inputs go through

  evaluate_batch   dgsubsidy's Ruleset.evaluate_batch (one call into the C
                   library over the numpy columns, int64 fen, units="base"),
                   and the same over int64 yuan (the default units: the
                   columns are multiplied by 100, checked, before the call);
  numpy            the same formula as vectorised numpy operations on int64
                   fen: floor after the ratio (//), caps by np.minimum,
                   thresholds with np.where, negative inputs marked invalid;
  Python loop      the same formula row by row over Decimal yuan, floored to
                   the fen with quantize(ROUND_FLOOR).

The parameters of numpy and the loop are read from the ruleset.  Every
path's awards are checked equal to the library's before any time is shown.
Then the scalar path: Ruleset.evaluate with Decimal inputs, per call.

Usage: python bench_python.py [rows (default 1000000)] [repetitions (default 5)]
Appends records to $BENCH_CSV when set.
"""
import os
import sys
import time
from decimal import Decimal, ROUND_FLOOR

import numpy as np

import dgsubsidy

DATE = "2025-06-01"
FEN = Decimal("0.01")


def best_and_median(fn, reps):
    times = []
    for _ in range(reps):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    times.sort()
    n = len(times)
    median = times[n // 2] if n % 2 else (times[n // 2 - 1] + times[n // 2]) / 2
    return times[0], median


def record(section, path, measure, n, value, unit):
    path_csv = os.environ.get("BENCH_CSV")
    if path_csv:
        with open(path_csv, "a") as f:
            f.write(f"{section},{path},{measure},{n},{value:.6g},{unit}\n")


class Params:
    """A measure's parameter values, read from the ruleset as text."""

    def __init__(self, measure):
        self.m = measure

    def fen(self, name):          # money "1500000.00" yuan, area "18.00" m²: hundredths
        return int(Decimal(self.m.parameters[name].value_at(DATE)) * 100)

    def count(self, name):
        return int(self.m.parameters[name].value_at(DATE))

    def ratio(self, name):        # "5%" or "num/den"
        text = self.m.parameters[name].value_at(DATE)
        if text.endswith("%"):
            frac = Decimal(text[:-1]) / 100
            num, den = frac.as_integer_ratio()
            return num, den
        num, _, den = text.partition("/")
        return int(num), int(den or 1)

    def text(self, name):
        return self.m.parameters[name].value_at(DATE)


# ---- A1.07.a ----------------------------------------------------------------------------

def a107_data(rng, n):
    return {"financed_amount": rng.integers(0, 5_000_000_001, n, dtype=np.int64),
            "interest_paid": rng.integers(0, 200_000_001, n, dtype=np.int64)}


def a107_numpy(p):
    num, den = p.ratio("ratio")
    lo, hi, cap = p.fen("min_counted_financing"), p.fen("max_counted_financing"), p.fen("cap_per_year")
    bar = p.text("reading_min_financing") == "threshold"   # 不少于500万元 an entry bar

    def run(cols):
        f, t = cols["financed_amount"], cols["interest_paid"]
        a = np.minimum(f, hi) * num // den
        a = np.minimum(np.minimum(a, cap), t)
        invalid = (f < 0) | (t < 0)
        below = ~invalid & (f < lo) if bar else np.zeros(len(f), bool)
        out = np.where(invalid, -1, np.where(below, 1, 0)).astype(np.int32)
        return np.where(invalid | below, 0, a), out
    return run


def a107_loop(p):
    num, den = p.ratio("ratio")
    ratio = Decimal(num) / Decimal(den)
    hi, cap = Decimal(p.fen("max_counted_financing")) / 100, Decimal(p.fen("cap_per_year")) / 100
    lo = Decimal(p.fen("min_counted_financing")) / 100
    bar = p.text("reading_min_financing") == "threshold"   # 不少于500万元 an entry bar

    def run(rows):
        out = []
        for f, t in rows:
            if f < 0 or t < 0:
                out.append((Decimal(0), -1))
                continue
            if bar and f < lo:
                out.append((Decimal(0), 1))
                continue
            a = (min(f, hi) * ratio).quantize(FEN, rounding=ROUND_FLOOR)
            out.append((min(a, cap, t), 0))
        return out
    return run


# ---- A4.02.1.a --------------------------------------------------------------------------

def a4021_data(rng, n):
    return {"booth_area": rng.integers(0, 10_001, n, dtype=np.int64),
            "build_cost": rng.integers(0, 50_000_001, n, dtype=np.int64)}


def a4021_numpy(p):
    num, den = p.ratio("ratio")
    per_m2, cap, min_area = p.fen("cap_per_m2"), p.fen("cap_per_exhibition"), p.fen("min_area")

    def run(cols):
        s, c = cols["booth_area"], cols["build_cost"]
        a = np.minimum(np.minimum(c * num // den, s * per_m2 // 100), cap)
        invalid = (s < 0) | (c < 0)
        ineligible = s < min_area
        return (np.where(invalid | ineligible, 0, a),
                np.where(invalid, -1, np.where(ineligible, 1, 0)).astype(np.int32))
    return run


def a4021_loop(p):
    num, den = p.ratio("ratio")
    ratio = Decimal(num) / Decimal(den)
    per_m2, cap = Decimal(p.fen("cap_per_m2")) / 100, Decimal(p.fen("cap_per_exhibition")) / 100
    min_area = Decimal(p.fen("min_area")) / 100

    def run(rows):
        out = []
        for s, c in rows:
            if s < 0 or c < 0:
                out.append((Decimal(0), -1))
            elif s < min_area:
                out.append((Decimal(0), 1))
            else:
                a = (c * ratio).quantize(FEN, rounding=ROUND_FLOOR)
                limit = (s * per_m2).quantize(FEN, rounding=ROUND_FLOOR)
                out.append((min(a, limit, cap), 0))
        return out
    return run


# ---- A4.03.b ----------------------------------------------------------------------------

def a403_data(rng, n):
    granted = np.where(rng.integers(0, 5, n) == 0, rng.integers(0, 400_000_001, n), 0).astype(np.int64)
    return {"exhibition_area": rng.integers(0, 10_000_001, n, dtype=np.int64),
            "days": rng.integers(1, 11, n, dtype=np.int64),
            "certified": rng.integers(0, 2, n, dtype=np.int64),
            "granted_to_date": granted}


def a403_numpy(p):
    base, base_ufi, inc = p.fen("base"), p.fen("base_ufi_or_national_association"), p.fen("increment")
    step, min_area, min_days, cap = p.fen("increment_step"), p.fen("min_area"), p.count("min_days"), \
        p.fen("cap_per_exhibition")
    assert p.text("reading_increment") == "whole_steps"

    def run(cols):
        s, d, u, g = cols["exhibition_area"], cols["days"], cols["certified"], cols["granted_to_date"]
        a = np.where(u == 1, base_ufi, base) + (s - min_area) // step * inc
        a = np.minimum(a, np.maximum(cap - g, 0))
        invalid = (s < 0) | (d < 0) | (g < 0) | ((u != 0) & (u != 1))
        ineligible = (s < min_area) | (d < min_days)
        return (np.where(invalid | ineligible, 0, a),
                np.where(invalid, -1, np.where(ineligible, 1, 0)).astype(np.int32))
    return run


def a403_loop(p):
    base, base_ufi, inc = (Decimal(p.fen(n)) / 100 for n in ("base", "base_ufi_or_national_association",
                                                             "increment"))
    step, min_area = Decimal(p.fen("increment_step")) / 100, Decimal(p.fen("min_area")) / 100
    min_days, cap = p.count("min_days"), Decimal(p.fen("cap_per_exhibition")) / 100

    def run(rows):
        out = []
        for s, d, u, g in rows:
            if s < 0 or d < 0 or g < 0 or u not in (0, 1):
                out.append((Decimal(0), -1))
            elif s < min_area or d < min_days:
                out.append((Decimal(0), 1))
            else:
                a = (base_ufi if u else base) + (s - min_area) // step * inc
                out.append((min(a, max(cap - g, Decimal(0))), 0))
        return out
    return run


MEASURES = [
    ("A1.07.a", a107_data, a107_numpy, a107_loop, ("money", "money")),
    ("A4.02.1.a", a4021_data, a4021_numpy, a4021_loop, ("area", "money")),
    ("A4.03.b", a403_data, a403_numpy, a403_loop, ("area", "count", "flag", "money")),
]


def to_python(cols, kinds):
    """Rows of Decimal yuan / Decimal m² / int, as a Python program holds them."""
    conv = []
    for (name, col), kind in zip(cols.items(), kinds):
        if kind in ("money", "area"):
            conv.append([Decimal(int(v)).scaleb(-2) for v in col])
        else:
            conv.append([int(v) for v in col])
    return list(zip(*conv))


def main():
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    reps = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    rules = dgsubsidy.Ruleset.builtin()
    rng = np.random.default_rng(2024)
    print(f"## Python: {rows} rows, best and median of {reps} runs (the loop: of {max(1, reps // 2)})\n")
    print(f"dgsubsidy {dgsubsidy.__version__}, numpy {np.__version__}, Python {sys.version.split()[0]}\n")
    table = []
    for mid, gen, make_numpy, make_loop, kinds in MEASURES:
        m = rules[mid]
        p = Params(m)
        cols = gen(rng, rows)
        np_run, loop_run = make_numpy(p), make_loop(p)
        py_rows = to_python(cols, kinds)

        batch = rules.evaluate_batch(mid, cols, DATE, errors="mark", units="base")
        lib_aw, lib_out = np.asarray(batch.award_fen), np.asarray(batch.outcome_codes)
        np_aw, np_out = np_run(cols)
        if not (np.array_equal(np_aw, lib_aw) and np.array_equal(np_out, lib_out)):
            bad = int(np.argmax((np_aw != lib_aw) | (np_out != lib_out)))
            sys.exit(f"{mid}: numpy differs at row {bad}: {np_aw[bad]} ({np_out[bad]}) "
                     f"vs {lib_aw[bad]} ({lib_out[bad]})")
        loop_out = loop_run(py_rows)
        for i, (a, o) in enumerate(loop_out):
            if int(a * 100) != lib_aw[i] or o != lib_out[i]:
                sys.exit(f"{mid}: the loop differs at row {i}: {a} ({o}) vs {lib_aw[i]} ({lib_out[i]})")
        print(f"  {mid}: {rows} rows, the same awards and outcomes in all three paths "
              f"(total {batch.total} yuan)")

        def lib():
            b = rules.evaluate_batch(mid, cols, DATE, units="base")
            return b.award_fen
        t_lib = best_and_median(lib, reps)
        # The default units: the same columns as whole yuan and m², multiplied by 100 (checked
        # against int64) before the call.
        yuan = {n: (c // 100 if k in ("money", "area") else c) for (n, c), k in zip(cols.items(), kinds)}
        yuan_fen = {n: (c * 100 if k in ("money", "area") else c) for (n, c), k in zip(yuan.items(), kinds)}
        if not np.array_equal(rules.evaluate_batch(mid, yuan, DATE, errors="mark").award_fen,
                              rules.evaluate_batch(mid, yuan_fen, DATE, errors="mark", units="base").award_fen):
            sys.exit(f"{mid}: int64 yuan and the same amounts in fen differ")
        t_yuan = best_and_median(lambda: rules.evaluate_batch(mid, yuan, DATE).award_fen, reps)
        t_yuan_fen = best_and_median(lambda: rules.evaluate_batch(mid, yuan_fen, DATE, units="base").award_fen, reps)
        print(f"  {mid}: int64 yuan (default units) {t_yuan[0] * 1e3:.1f} ms, the same amounts as int64 fen "
              f"(units='base') {t_yuan_fen[0] * 1e3:.1f} ms: the conversion costs "
              f"{(t_yuan[0] - t_yuan_fen[0]) * 1e9 / rows:.1f} ns/row")
        record("python_batch", "yuan_conversion", mid, rows, (t_yuan[0] - t_yuan_fen[0]) * 1e9 / rows, "ns/row")
        t_np = best_and_median(lambda: np_run(cols), reps)
        t_loop = best_and_median(lambda: loop_run(py_rows), max(1, reps // 2))
        table.append((mid, t_lib, t_np, t_loop, t_yuan))
        for key, t in (("evaluate_batch", t_lib), ("evaluate_batch_yuan", t_yuan), ("numpy", t_np),
                       ("python_loop", t_loop)):
            record("python_batch", key, mid, rows, t[0] * 1e9 / rows, "ns/row")

    print("\n| measure | path | time (best) | time (median) | rows/s (best) | this ÷ evaluate_batch |")
    print("| --- | --- | ---: | ---: | ---: | ---: |")
    for mid, t_lib, t_np, t_loop, t_yuan in table:
        for name, t in (("evaluate_batch (library), int64 fen, units='base'", t_lib),
                        ("evaluate_batch, int64 yuan (the default units)", t_yuan), ("numpy, int64 fen", t_np),
                        ("Python loop over Decimal", t_loop)):
            print(f"| {mid} | {name} | {t[0] * 1e3:.1f} ms | {t[1] * 1e3:.1f} ms | "
                  f"{rows / t[0] / 1e6:.1f} M | {t[0] / t_lib[0]:.1f}× |")

    # Scalar evaluate per call.
    print("\n## Python: scalar evaluate with trace, per call\n")
    print("| measure | what is timed | µs/call (best) | µs/call (median) | calls/s (best) |")
    print("| --- | --- | ---: | ---: | ---: |")
    calls = 20000
    for mid, gen, _, _, kinds in MEASURES:
        cols = gen(np.random.default_rng(7), 1024)
        names = list(cols)
        py_rows = to_python(cols, kinds)
        cases = [dict(zip(names, r)) for r in py_rows]
        for c in cases:
            if "certified" in c:
                c["certified"] = bool(c["certified"])

        def scalar():
            s = Decimal(0)
            for i in range(calls):
                s += rules.evaluate(mid, date=DATE, **cases[i & 1023]).award
            return s
        m = rules[mid]

        def scalar_measure():
            s = Decimal(0)
            for i in range(calls):
                s += m.evaluate(DATE, **cases[i & 1023]).award
            return s
        lines = [("rules.evaluate(id, date, **Decimal inputs).award", scalar, "evaluate"),
                 ("measure.evaluate(date, **Decimal inputs).award", scalar_measure, "measure_evaluate")]
        if mid == "A1.07.a":
            # Diagnostic: the SWIG functions the package calls, without the package's Python
            # layer (argument checks, Decimal conversion, Result object): the floor of the binding.
            from dgsubsidy import _native
            fens = [(int(f * 100), int(t * 100)) for f, t in py_rows]

            def native():
                s = 0
                for i in range(calls):
                    f, t = fens[i & 1023]
                    case = _native.dgs_case_new(m._ptr)
                    _native.dgs_case_set_date(case, DATE)
                    _native.dgs_case_set_money(case, "financed_amount", f)
                    _native.dgs_case_set_money(case, "interest_paid", t)
                    r = _native.dgs_evaluate(case)
                    s += _native.dgs_result_award(r)
                    _native.dgs_result_free(r)
                    _native.dgs_case_free(case)
                return s
            lines.append(("diagnostic: the same C calls through dgsubsidy._native (int fen)", native,
                          "native_calls"))
        for name, fn, key in lines:
            best, median = best_and_median(fn, reps)
            print(f"| {mid} | {name} | {best / calls * 1e6:.2f} | {median / calls * 1e6:.2f} | "
                  f"{calls / best / 1e3:.0f} k |")
            record("python_scalar", key, mid, calls, best / calls * 1e9, "ns/call")


if __name__ == "__main__":
    main()
