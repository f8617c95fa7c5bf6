# SPDX-License-Identifier: MulanPSL-2.0
"""dgsubsidy.plot: the figures draw, their lines sit at the parameters in force, errors are the library's.

The expected values are the policy's (东府〔2024〕1号): A1.07.a pays 5% of the year's financed
amount, counting at most 3000万 of it, from 500万 on, up to 150万 a year; A4.09.e pays 50% of the
usage fee, up to 3万; A2.07.b states only a ceiling (最高 100万 a year), to be assessed.
"""

from __future__ import annotations

import struct
import subprocess
import sys
import warnings
from decimal import Decimal

import numpy as np
import pandas as pd
import pytest

matplotlib = pytest.importorskip("matplotlib")
matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

import dgsubsidy  # noqa: E402
from dgsubsidy import plot  # noqa: E402

DATE = "2025-03-01"
HUGE_INTEREST = {"interest_paid": Decimal("1000000000")}  # interest never limits the award


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def png_size(path):
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "a PNG file"
    width, height = struct.unpack(">II", data[16:24])
    return width, height, len(data)


def save(ax, path, size=(8, 5), dpi=50):
    fig = ax.figure
    fig.set_size_inches(*size)
    fig.savefig(path, dpi=dpi)
    return png_size(path)


def line(ax, gid):
    found = [ln for ln in ax.get_lines() if ln.get_gid() == gid]
    assert len(found) == 1, f"one line {gid}: {[ln.get_gid() for ln in ax.get_lines()]}"
    return found[0]


def y_at(ax, x):
    """The award curve's value at x (a point of its grid)."""
    award = line(ax, "award")
    xs, ys = np.asarray(award.get_xdata()), np.asarray(award.get_ydata())
    hits = np.flatnonzero(xs == x)
    assert hits.size == 1, f"{x} is a point of the curve"
    return ys[hits[0]]


def test_award_curve_draws_a_png_of_the_expected_size(rules, tmp_path):
    ax = plot.award_curve(rules, "A1.07.a", x="financed_amount", fixed=HUGE_INTEREST, date=DATE)
    width, height, nbytes = save(ax, tmp_path / "a107.png", size=(8, 5), dpi=50)
    assert (width, height) == (400, 250)
    assert nbytes > 5000  # lines and text, not an empty canvas


def test_award_curve_lines_are_the_parameters_at_the_date(rules):
    ax = plot.award_curve(rules, "A1.07.a", x="financed_amount", fixed=HUGE_INTEREST, date=DATE)
    cap = line(ax, "cap_per_year")  # 每年最高贴息 150 万元: on the award axis
    assert list(cap.get_ydata()) == [1_500_000.0, 1_500_000.0]
    assert "150" in cap.get_label().replace(",", "") and "每年最高贴息" in cap.get_label()
    low = line(ax, "min_counted_financing")  # 不少于 500 万元: on the input axis
    assert list(low.get_xdata()) == [5_000_000.0, 5_000_000.0]
    high = line(ax, "max_counted_financing")  # 不高于 3000 万元 counted
    assert list(high.get_xdata()) == [30_000_000.0, 30_000_000.0]
    assert not [ln for ln in ax.get_lines() if ln.get_gid() in ("ratio", "subsidy_term")], "ratios are not lines"


def test_award_curve_amounts_are_the_policys(rules):
    ax = plot.award_curve(rules, "A1.07.a", x="financed_amount", fixed=HUGE_INTEREST, date=DATE)
    assert y_at(ax, 4_999_999.99) == 0.0           # below the 500万 bar: ineligible, nothing paid
    assert y_at(ax, 5_000_000.0) == 250_000.0      # 5% of 500万
    assert y_at(ax, 30_000_000.0) == 1_500_000.0   # 5% of 3000万 = the cap
    xs = np.asarray(line(ax, "award").get_xdata())
    assert xs[0] == 0.0 and xs[-1] >= 30_000_000.0, "the range shows every threshold"
    assert np.nanmax(line(ax, "award").get_ydata()) == 1_500_000.0


def test_award_curve_of_a_ratio_and_a_cap(rules):
    ax = plot.award_curve(rules, "A4.09.e", x="usage_fee", date=DATE, lang="en")
    assert list(line(ax, "cap").get_ydata()) == [30_000.0, 30_000.0]
    award = line(ax, "award")
    xs, ys = np.asarray(award.get_xdata()), np.asarray(award.get_ydata())
    assert xs[-1] >= 60_000.0, "reaches the fee at which 50% meets the 3万 cap"
    below = (xs > 0) & (xs < 60_000.0)
    assert np.array_equal(ys[below], xs[below] / 2)
    assert (ys[xs >= 60_000.0] == 30_000.0).all()
    assert ax.get_xlabel().endswith("(yuan)")


def test_with_parameter_moves_the_cap_line(rules):
    cheaper = rules.with_parameter("A1.07.a", "cap_per_year", Decimal("1000000"))
    ax = plot.award_curve(cheaper, "A1.07.a", x="financed_amount", fixed=HUGE_INTEREST, date=DATE)
    assert list(line(ax, "cap_per_year").get_ydata()) == [1_000_000.0, 1_000_000.0]
    assert np.nanmax(line(ax, "award").get_ydata()) == 1_000_000.0  # 5% of 2000万 and above
    assert "1,000,000" in line(ax, "cap_per_year").get_label()


def test_a_guideline_line_follows_the_date(rules):
    g = rules.with_guideline({"name": "t", "changes": [
        {"measure": "A1.07.a", "parameter": "cap_per_year", "value": "1000000.00", "from": "2025-07-01",
         "reference": "指南第三条"}]})
    before = plot.award_curve(g, "A1.07.a", x="financed_amount", fixed=HUGE_INTEREST, date="2025-06-30")
    after = plot.award_curve(g, "A1.07.a", x="financed_amount", fixed=HUGE_INTEREST, date="2025-07-01")
    assert line(before, "cap_per_year").get_ydata()[0] == 1_500_000.0
    assert line(after, "cap_per_year").get_ydata()[0] == 1_000_000.0


def test_a_threshold_of_area_and_the_widened_range(rules):
    # A4.03.b: 1万 m² or more, 3 days or more: 20万, plus 10万 per further whole 5000 m², up to 300万.
    ax = plot.award_curve(rules, "A4.03.b", x="exhibition_area", fixed={"days": 3}, date=DATE)
    assert list(line(ax, "min_area").get_xdata()) == [10_000.0, 10_000.0]
    assert list(line(ax, "cap_per_exhibition").get_ydata()) == [3_000_000.0, 3_000_000.0]
    assert y_at(ax, 9_999.99) == 0.0
    assert y_at(ax, 10_000.0) == 200_000.0
    assert np.nanmax(line(ax, "award").get_ydata()) == 3_000_000.0  # from 14.5万 m² on


def test_the_cap_line_stays_at_the_cap_when_earlier_grants_use_some_of_it(rules):
    # 每个展会支持金额最高不超过 300 万元, 100万 already granted: 200万 left, the cap still 300万.
    ax = plot.award_curve(rules, "A4.03.b", x="exhibition_area",
                          fixed={"days": 3, "granted_to_date": Decimal("1000000")}, date=DATE)
    assert list(line(ax, "cap_per_exhibition").get_ydata()) == [3_000_000.0, 3_000_000.0]
    assert np.nanmax(line(ax, "award").get_ydata()) == 2_000_000.0


def test_a_ceiling_to_be_assessed_is_not_drawn_as_paid(rules):
    # A2.07.b 最高 100万 a year, no `assessed`: up to the cost incurred, capped; nothing is paid yet.
    ax = plot.award_curve(rules, "A2.07.b", x="build_cost", date=DATE)
    assert np.isnan(np.asarray(line(ax, "award").get_ydata(), dtype=float)).all()
    up_to = line(ax, "up_to")
    xs, ys = np.asarray(up_to.get_xdata()), np.asarray(up_to.get_ydata())
    assert np.array_equal(ys[xs <= 1_000_000.0], xs[xs <= 1_000_000.0])  # lowered to the cost incurred
    assert np.nanmax(ys) == 1_000_000.0
    assert up_to.get_linestyle() == "--"
    assert list(line(ax, "cap_per_year").get_ydata()) == [1_000_000.0, 1_000_000.0]
    # Once assessed, it is paid: 80万 assessed is paid whatever the cost above it.
    paid = plot.award_curve(rules, "A2.07.b", x="build_cost", fixed={"assessed": Decimal("800000")}, date=DATE)
    assert np.nanmax(line(paid, "award").get_ydata()) == 800_000.0
    assert not [ln for ln in paid.get_lines() if ln.get_gid() == "up_to"]


def test_an_explicit_range_and_an_axes(rules):
    fig, axes = plt.subplots(1, 2)
    ax = plot.award_curve(rules, "A4.09.e", x="usage_fee", date=DATE, x_range=(0, 10_000), points=11,
                          ax=axes[1])
    assert ax is axes[1]
    assert list(line(ax, "award").get_xdata()) == [float(v) for v in range(0, 10_001, 1000)]
    with pytest.raises(dgsubsidy.TypeMismatch):
        plot.award_curve(rules, "A4.09.e", x="usage_fee", date=DATE, x_range=(0, 1e4))
    with pytest.raises(dgsubsidy.InvalidArgument):
        plot.award_curve(rules, "A4.09.e", x="usage_fee", date=DATE, x_range=(10, 10))


def test_bad_names_give_the_librarys_errors(rules):
    with pytest.raises(dgsubsidy.UnknownMeasure, match="A9.99"):
        plot.award_curve(rules, "A9.99.z", x="financed_amount", date=DATE)
    with pytest.raises(dgsubsidy.UnknownInput, match="financed_amout"):
        plot.award_curve(rules, "A1.07.a", x="financed_amout", fixed=HUGE_INTEREST, date=DATE)
    with pytest.raises(dgsubsidy.UnknownInput, match="interest"):
        plot.award_curve(rules, "A1.07.a", x="financed_amount", fixed={"interest": 1}, date=DATE)
    with pytest.raises(dgsubsidy.MissingInput, match="interest_paid"):
        plot.award_curve(rules, "A1.07.a", x="financed_amount", date=DATE)
    with pytest.raises(dgsubsidy.TypeMismatch):
        plot.award_curve(rules, "A1.07.a", x="financed_amount", fixed={"interest_paid": 1e6}, date=DATE)
    with pytest.raises(dgsubsidy.InvalidDate):
        plot.award_curve(rules, "A1.07.a", x="financed_amount", fixed=HUGE_INTEREST, date="2025-02-30")
    with pytest.raises(dgsubsidy.InvalidArgument, match="lang"):
        plot.award_curve(rules, "A1.07.a", x="financed_amount", fixed=HUGE_INTEREST, date=DATE, lang="fr")
    assert not plt.get_fignums(), "no figure is left behind by a refused call"


# --------------------------------------------------------------------------- compare


@pytest.fixture(scope="module")
def comparison():
    rules = dgsubsidy.Ruleset.builtin()
    reform = rules.with_parameter("A1.07.a", "cap_per_year", Decimal("1000000"))
    frame = pd.DataFrame({"financed_amount": [40_000_000, 25_000_000, 10_000_000, 1_000_000],
                          "interest_paid": [10**8] * 4})
    # 5% with 3000万 counted: 150万 → 100万 (−50万), 125万 → 100万 (−25万), 50万 both, ineligible both.
    return rules.compare(reform, frame, DATE, measures=["A1.07.a"])


def test_compare_draws_losers(comparison, tmp_path):
    ax = plot.compare(comparison)
    width, height, nbytes = save(ax, tmp_path / "cmp.png", size=(6, 4), dpi=50)
    assert (width, height) == (300, 200) and nbytes > 3000
    losers = [p for p in ax.patches if p.get_gid() == "losers"]
    gainers = [p for p in ax.patches if p.get_gid() == "gainers"]
    assert sum(p.get_height() for p in losers) == 2 and not gainers
    lefts = sorted(p.get_x() for p in losers if p.get_height())
    assert lefts[0] == -500_000.0, "the largest loss, 50万"
    legend = " ".join(t.get_text() for t in ax.get_legend().get_texts())
    assert "2 " in legend and "750,000.00" in legend  # two losers, 75万 lost in all
    assert "-750,000.00" in ax.get_title()


def test_compare_by_binding(comparison, tmp_path):
    # The reform's constraints: cap_per_year for 4000万 and 2500万 (two losers, −75万 in all), the 5%
    # ratio for 1000万 (unchanged), none for 100万 (ineligible).
    ax = plot.compare(comparison, kind="binding", lang="en")
    ticks = [t.get_text() for t in ax.get_xticklabels()]
    assert sorted(ticks) == sorted(["cap_per_year", "ratio", "none (no award)"])
    losers = {ticks[round(p.get_x() + p.get_width() / 2)]: p.get_height()
              for p in ax.patches if p.get_gid() == "losers"}
    gainers = [p.get_height() for p in ax.patches if p.get_gid() == "gainers"]
    assert losers == {"cap_per_year": -2, "ratio": 0, "none (no award)": 0} and gainers == [0, 0, 0]
    notes = {t.get_text() for t in ax.texts}
    assert "-750,000.00 yuan" in notes and "+0.00 yuan" in notes
    assert save(ax, tmp_path / "binding.png", size=(6, 4), dpi=50)[:2] == (300, 200)
    assert _glyph_warnings(lambda: plot.compare(comparison, kind="binding")) == []
    with pytest.raises(dgsubsidy.InvalidArgument, match="kind"):
        plot.compare(comparison, kind="pie")


def test_compare_without_change_and_bad_measures(rules, comparison):
    same = rules.compare(rules, pd.DataFrame({"usage_fee": [1000, 90_000]}), DATE, measures=["A4.09.e"])
    ax = plot.compare(same, "A4.09.e", lang="en")
    assert not ax.patches and "no row" in ax.texts[0].get_text()
    with pytest.raises(dgsubsidy.UnknownMeasure, match="A4.09.e"):
        plot.compare(comparison, "A4.09.e")
    with pytest.raises(dgsubsidy.TypeMismatch):
        plot.compare(comparison.summary)
    two = rules.compare(rules, pd.DataFrame({"usage_fee": [1000], "financed_amount": [10**7],
                                             "interest_paid": [10**6]}), DATE, measures=["A4.09.e", "A1.07.a"])
    with pytest.raises(dgsubsidy.InvalidArgument, match="A4.09.e, A1.07.a"):
        plot.compare(two)
    assert plot.compare(two, rules["A1.07.a"]) is not None


# --------------------------------------------------------------------------- fonts and the optional dependency


def _glyph_warnings(draw):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        ax = draw()
        ax.figure.canvas.draw()
    return [str(w.message) for w in caught if "Glyph" in str(w.message)]


def test_chinese_labels_have_their_glyphs(rules, comparison):
    assert _glyph_warnings(lambda: plot.award_curve(rules, "A1.07.a", x="financed_amount",
                                                     fixed=HUGE_INTEREST, date=DATE)) == []
    assert _glyph_warnings(lambda: plot.compare(comparison)) == []


def test_the_glyph_check_can_fail():
    # Without the CJK font (matplotlib's default DejaVu Sans) the same words warn: the check above means something.
    def draw():
        _fig, ax = plt.subplots()
        ax.set_title("每年最高贴息", fontfamily="DejaVu Sans")
        return ax
    assert _glyph_warnings(draw)


def test_the_cjk_font_is_chosen_explicitly():
    fp = plot.cjk_font()
    from matplotlib import ft2font

    font = ft2font.FT2Font(fp.get_file())
    assert font.get_char_index(ord("贴")) != 0, "the font has the glyphs of the labels"


def test_no_cjk_font_says_what_to_install(monkeypatch, rules):
    monkeypatch.delenv(plot.FONT_ENV, raising=False)
    monkeypatch.setattr(plot, "FONT_FILES", ())
    monkeypatch.setattr(plot.shutil, "which", lambda name: None)
    with pytest.raises(dgsubsidy.NotSupported, match="fonts-wqy-microhei"):
        plot.award_curve(rules, "A4.09.e", x="usage_fee", date=DATE)
    ax = plot.award_curve(rules, "A4.09.e", x="usage_fee", date=DATE, lang="en")  # English needs none
    assert line(ax, "cap").get_ydata()[0] == 30_000.0
    monkeypatch.setenv(plot.FONT_ENV, "/nonexistent/font.ttf")
    with pytest.raises(dgsubsidy.FileError, match="/nonexistent/font.ttf"):
        plot.award_curve(rules, "A4.09.e", x="usage_fee", date=DATE)


def test_without_matplotlib_the_error_names_it(monkeypatch, rules):
    for name in [n for n in sys.modules if n == "matplotlib" or n.startswith("matplotlib.")]:
        monkeypatch.setitem(sys.modules, name, None)
    with pytest.raises(ImportError, match=r"matplotlib.*dgsubsidy\[plot\]"):
        plot.award_curve(rules, "A4.09.e", x="usage_fee", date=DATE, lang="en")


def test_import_dgsubsidy_does_not_import_matplotlib():
    code = ("import sys, dgsubsidy; assert callable(dgsubsidy.plot.award_curve); "
            "print('matplotlib' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"
