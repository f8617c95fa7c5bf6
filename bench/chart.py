# SPDX-License-Identifier: MulanPSL-2.0
"""Draws rows (or calls) per second of every path for A1.07.a from results.csv.

Usage: python bench/chart.py build-bench/results/results.csv out.png
"""
import csv
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

LINES = [  # (section, path, label, colour)
    ("batch", "fused_const", "C fused loop, constants compiled in ({n} rows)", "#999999"),
    ("batch", "fused_runtime", "C fused loop, parameters at run time ({n} rows)", "#bbbbbb"),
    ("batch", "library", "C dgs_evaluate_batch ({n} rows)", "#1f77b4"),
    ("python_batch", "evaluate_batch", "Python evaluate_batch ({n} rows)", "#1f77b4"),
    ("python_batch", "numpy", "numpy, int64 fen ({n} rows)", "#ff7f0e"),
    ("openfisca", "calculate", "OpenFisca calculate ({n} entities)", "#2ca02c"),
    ("openfisca", "whole", "OpenFisca build + set + calculate ({n})", "#98df8a"),
    ("python_batch", "python_loop", "Python loop over Decimal ({n} rows)", "#d62728"),
    ("scalar", "set_eval_free", "C scalar: set + evaluate + free (per call)", "#9467bd"),
    ("java_scalar", "fen", "Java scalar evaluate (per call)", "#8c564b"),
    ("python_scalar", "evaluate", "Python scalar evaluate (per call)", "#e377c2"),
]


def _power(n):
    """10^7 for 10000000, else the number."""
    p = len(str(n)) - 1
    return f"10^{p}" if n == 10 ** p else str(n)


def main():
    src, dst = sys.argv[1], sys.argv[2]
    ns, counts = {}, {}
    with open(src) as f:
        for section, path, measure, n, value, _unit in csv.reader(f):
            if measure == "A1.07.a":
                ns[(section, path)] = float(value)
                counts[(section, path)] = int(float(n))
    rows = [(label.format(n=_power(counts[(s, p)])), 1e9 / ns[(s, p)], colour)
            for s, p, label, colour in LINES if (s, p) in ns]
    if not rows:
        sys.exit("chart.py: no A1.07.a figures in " + src)
    fig, ax = plt.subplots(figsize=(9, 0.45 * len(rows) + 1.4))
    labels = [r[0] for r in rows][::-1]
    values = [r[1] for r in rows][::-1]
    ax.barh(labels, values, color=[r[2] for r in rows][::-1])
    ax.set_xscale("log")
    ax.set_xlabel("rows (or calls) per second, log scale — higher is better")
    ax.set_title("A1.07.a, every path in one run of bench/run.sh")
    for y, v in enumerate(values):
        text = f"{v / 1e6:.1f} M/s" if v >= 1e6 else f"{v / 1e3:.0f} k/s"
        ax.text(v * 1.08, y, text, va="center", fontsize=8)
    ax.set_xlim(right=max(values) * 6)
    fig.tight_layout()
    fig.savefig(dst, dpi=110)
    print(f"chart: {dst}")


if __name__ == "__main__":
    main()
