# SPDX-License-Identifier: MulanPSL-2.0
"""Figures for analysts: a measure's award against one input, a reform's gainers and losers.

matplotlib is optional (``pip install 'dgsubsidy[plot]'``): it is imported when a
function draws, and its absence raises an ImportError that says what to install.

Every amount drawn is computed by the library's batch; the lines of the caps and
thresholds are the measure's parameters in force at the date, so a ruleset
derived from a guideline or :meth:`Ruleset.with_parameter` shows its own values.
Money stays exact (Decimal, int64 fen) up to :func:`_drawn`, which turns amounts
into floats for matplotlib and is the only place where that happens.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import textwrap
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Dict, Mapping, Optional, Sequence, Tuple, Union

import numpy as np

from . import _errors, _native
from ._api import Measure, Outcome, Parameter, Ruleset, ValueType
from ._money import DateLike, from_fen, from_hundredths, iso_date

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes
    from matplotlib.font_manager import FontProperties

    from ._analysis import Comparison

__all__ = ["award_curve", "compare", "cjk_font"]

#: Environment variable naming a font file with Chinese glyphs, tried first.
FONT_ENV = "DGS_CJK_FONT"
#: Font files of Debian's CJK packages, tried in this order (fonts-wqy-microhei is the smallest).
FONT_FILES = (
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc",
)

_SCALES = {ValueType.MONEY: 100, ValueType.AREA: 100, ValueType.COUNT: 1}
_UNIT_WORDS = {"zh": {"yuan": "元", "m2": "平方米", "days": "天", "places": "个", "years": "年"},
               "en": {"yuan": "yuan", "m2": "m²"}}
_WORDS = {
    "zh": {"award": "奖补", "up_to": "最高额（待核定，不是支付额）", "date": "日期",
           "difference": "每行变化", "rows": "行数", "gainers": "增加", "losers": "减少",
           "unchanged": "没有一行的奖补发生变化", "reform": "改革前后对比",
           "by_binding": "按决定改革后金额的约束", "no_binding": "无（未获奖补）"},
    "en": {"award": "award", "up_to": "ceiling to be assessed (not a payment)", "date": "date",
           "difference": "change per row", "rows": "rows", "gainers": "gainers", "losers": "losers",
           "unchanged": "no row's award changes", "reform": "reform against baseline",
           "by_binding": "by the constraint that set the reform's amount", "no_binding": "none (no award)"},
}

_font_cache: Dict[str, Any] = {}


# --------------------------------------------------------------------------- matplotlib and fonts


def _matplotlib() -> Any:
    """matplotlib, or an ImportError naming what to install."""
    try:
        import matplotlib
        import matplotlib.pyplot  # noqa: F401  (the figures' manager)
    except ImportError as e:
        raise ImportError(
            f"dgsubsidy.plot needs the package matplotlib, which is not installed ({e}): install it with "
            f"python3 -m pip install 'dgsubsidy[plot]' (or python3 -m pip install matplotlib)",
            name="matplotlib") from e
    return matplotlib


def _font_file() -> Optional[str]:
    path = os.environ.get(FONT_ENV)
    if path:
        if not os.path.isfile(path):
            raise _errors.FileError(f"{FONT_ENV}={path}: no such font file", code=_native.DGS_E_IO)
        return path
    for path in FONT_FILES:
        if os.path.isfile(path):
            return path
    fc_list = shutil.which("fc-list")
    if fc_list:  # any other font fontconfig knows to cover Simplified Chinese
        try:
            out = subprocess.run([fc_list, ":lang=zh-cn", "file"], capture_output=True, text=True, timeout=30,
                                 check=False).stdout
        except (OSError, subprocess.SubprocessError):  # pragma: no cover - a broken fontconfig
            out = ""
        files = sorted(line.strip().rstrip(":") for line in out.splitlines() if line.strip())
        files = [f for f in files if f.lower().endswith((".ttf", ".ttc", ".otf"))]
        if files:
            return files[0]
    return None


def cjk_font() -> "FontProperties":
    """The FontProperties of a font with Chinese glyphs, for labels in 'zh'.

    Tried in order: the file named by the environment variable ``DGS_CJK_FONT``,
    the files of Debian's packages fonts-wqy-microhei, fonts-wqy-zenhei and
    fonts-noto-cjk, then what ``fc-list :lang=zh-cn`` finds.  Raises
    :class:`NotSupported` saying what to install when there is none.
    """
    _matplotlib()
    from matplotlib import font_manager

    path = _font_file()
    if path is None:
        raise _errors.NotSupported(
            "no font with Chinese glyphs is installed, so labels in 'zh' cannot be drawn: install one "
            "(Debian: apt-get install fonts-wqy-microhei), set DGS_CJK_FONT to a font file, or draw "
            "with lang='en'", code=_native.DGS_E_NOT_SUPPORTED)
    fp = _font_cache.get(path)
    if fp is None:
        font_manager.fontManager.addfont(path)
        fp = _font_cache[path] = font_manager.FontProperties(fname=path)
    return fp


def _fonts(lang: str) -> Dict[str, Any]:
    """The keyword arguments that give text drawn in `lang` its font."""
    if lang not in _WORDS:
        raise _errors.InvalidArgument(f"lang must be 'zh' or 'en', not {lang!r}",
                                      code=_native.DGS_E_INVALID_ARGUMENT)
    return {"fontproperties": cjk_font()} if lang == "zh" else {}


def _axes(ax: Any, size: Tuple[float, float] = (8.0, 5.0)) -> "Axes":
    _matplotlib()
    if ax is not None:
        return ax
    import matplotlib.pyplot as plt

    _fig, ax = plt.subplots(figsize=size)
    return ax


def _drawn(base: Any, scale: int) -> np.ndarray:
    """Exact amounts in the library's base units (fen, hundredths of m²; `scale` per unit) as
    floats of the unit (yuan, m²), for drawing: the only conversion of money to float."""
    return np.asarray(base, dtype=np.int64).astype(np.float64) / scale


def _unit_word(unit: str, lang: str) -> str:
    return _UNIT_WORDS[lang].get(unit, unit)


def _tick(v: float, lang: str) -> str:
    """A tick's label, short: 150万 (zh), 1.5M (en); the values stay the axis's own."""
    a = abs(v)
    if lang == "zh" and a >= 10_000:
        return f"{v / 10_000:,.4g}万"
    if lang == "en" and a >= 1_000_000:
        return f"{v / 1_000_000:,.4g}M"
    if lang == "en" and a >= 10_000:
        return f"{v / 1_000:,.4g}k"
    return f"{v:,.0f}" if float(v).is_integer() else f"{v:,.2f}"


def _ticks(ax: "Axes", axis: str, lang: str) -> None:
    from matplotlib.ticker import FuncFormatter

    fmt = FuncFormatter(lambda v, _pos: _tick(v, lang))
    (ax.xaxis if axis == "x" else ax.yaxis).set_major_formatter(fmt)
    for label in (ax.get_xticklabels() if axis == "x" else ax.get_yticklabels()):
        if lang == "zh":
            label.set_fontproperties(cjk_font())


# --------------------------------------------------------------------------- which parameters are lines


def _base_value(p: Parameter, date: str) -> Optional[int]:
    """The parameter's value in force at `date` in base units, or None when unset."""
    text = p.value_at(date)
    try:
        value = Decimal(text)
    except ArithmeticError:
        return None  # "unset", or a reading
    return int(value * _SCALES[p.type])


class _Lines:
    """The parameters drawn as lines: caps of the award and thresholds of the input."""

    def __init__(self) -> None:
        self.caps: Dict[str, Parameter] = {}
        self.thresholds: Dict[str, Parameter] = {}


def _classify_trace(m: Measure, x: str, steps: Sequence[Any], values: Mapping[str, int], lines: _Lines) -> None:
    """Reads one trace: a parameter of the input's type and unit that tests or limits the input
    (the steps that follow the input's own step while they carry its quantity) is a threshold;
    a parameter of the award's unit that lowers the amount so far to at most itself (or states
    the ceiling before any amount) is a cap.  A threshold's step shows the parameter's value; a
    cap's shows it or less (the room a period cap leaves after earlier grants)."""
    inp = m.inputs[x]
    params = m.parameters
    award_type = ValueType.MONEY if m.is_money else ValueType.COUNT
    in_chain = False
    prev: Optional[Tuple[int, int]] = None  # (type, raw) of the amount after the previous step
    for s in steps:
        p = params.get(s.source) if s.source else None
        own = values.get(p.name) if p is not None else None
        if own is None:
            p = None
        if s.source == x and s.type == inp.type and s.source in m.inputs:
            in_chain = True
        elif in_chain and p is not None and s.raw == own and p.type == inp.type and p.unit == inp.unit \
                and prev is not None and prev[0] == inp.type and s.amount_type == inp.type \
                and s.amount_raw in (prev[1], min(prev[1], s.raw)):
            lines.thresholds.setdefault(p.name, p)
        else:
            in_chain = False
            if p is not None and 0 <= s.raw <= own and p.type == award_type and p.unit == m.unit:
                first = prev is None and s.amount_raw == s.raw
                lowers = (prev is not None and prev[0] == award_type and s.amount_type == award_type
                          and s.amount_raw == min(prev[1], s.raw))
                if first or lowers:
                    lines.caps.setdefault(p.name, p)
        prev = (int(s.amount_type), int(s.amount_raw))


def _classify(m: Measure, x: str, date: str, fixed: Mapping[str, Any], probes: Sequence[int],
              values: Mapping[str, int]) -> _Lines:
    """The caps and thresholds, from the library's traces at a few values of the input."""
    lines = _Lines()
    inp = m.inputs[x]
    for base in probes:
        r = m.evaluate(date, **{**fixed, x: _input_value(inp.type, base)})
        steps = r.steps
        if r.outcome in (Outcome.GRANTED, Outcome.UP_TO) and steps:
            steps = steps[:-1]  # the closing step: the award, named after the constraint that set it
        _classify_trace(m, x, steps, values, lines)
    return lines


def _input_value(vtype: ValueType, base: int) -> Any:
    if vtype == ValueType.MONEY:
        return from_fen(base)
    if vtype == ValueType.AREA:
        return from_hundredths(base)
    return int(base)


def _grid(hi: int, lo: int, points: int, marks: Sequence[int]) -> np.ndarray:
    """`points` values from lo to hi in base units, with every mark and the value just below it
    (so that a threshold shows as a jump)."""
    grid = np.linspace(lo, hi, points).round().astype(np.int64)
    extra = [v for t in marks for v in (t - 1, t) if lo <= v <= hi]
    return np.unique(np.concatenate([grid, np.asarray(extra, dtype=np.int64)]))


def _curve(m: Measure, x: str, grid: np.ndarray, fixed: Mapping[str, Any], date: str) -> Any:
    inp = m.inputs[x]
    n = len(grid)
    frame: Dict[str, Any] = {}
    for name, value in fixed.items():
        if value is None:
            continue  # not given
        column = np.empty(n, dtype=object)
        column[:] = [value] * n
        frame[name] = column
    if inp.type == ValueType.COUNT:
        frame[x] = grid.astype(np.int64)
    else:  # exact Decimal yuan or m², converted by the batch as evaluate converts them
        column = np.empty(n, dtype=object)
        column[:] = [_input_value(inp.type, int(v)) for v in grid.tolist()]
        frame[x] = column
    return m.evaluate_batch(frame, date)


# --------------------------------------------------------------------------- award against one input


def award_curve(rules: Union[Ruleset, Measure], measure: Union[str, Measure, None] = None, *,
                x: str, fixed: Optional[Mapping[str, Any]] = None, date: DateLike,
                points: int = 401, x_range: Optional[Tuple[Any, Any]] = None, ax: Any = None,
                lang: str = "zh") -> "Axes":
    """Draws the award of `measure` against the input `x`, the other inputs `fixed`, at `date`.

    ``award_curve(rules, "A1.07.a", x="financed_amount", fixed={"interest_paid": 10**9},
    date="2025-03-01")``.  The amounts are one batch of the library over `points` values of `x`
    (money in Decimal yuan, areas in m², counts whole) from 0 — or ``x_range=(low, high)`` in the
    input's unit — to a multiple of the largest threshold or cap, widened until the award
    reaches the largest cap or stops growing.  Every threshold's value and the value just below
    it are among the points, so that jumps show.

    Lines, from the measure's parameters in force at `date` (the ruleset's own values, a
    guideline's or :meth:`Ruleset.with_parameter`'s included): horizontal for the caps of the
    award, vertical for the thresholds and limits of the input, labelled with the parameter's
    description and value; each line's ``gid`` is the parameter's name, the curve's "award".
    Which parameter is which is read from the library's traces at a few values of the input and
    from the rows whose amount a parameter set; ratios are never lines.

    An outcome ``up_to`` (最高/不超过 X without ``assessed``: a ceiling still to be assessed) is
    not a payment: it is drawn apart, dashed, with gid "up_to", and the award curve has no
    point there.  Rows of other outcomes (ineligible, not in force, …) are awards of 0.

    Errors are the library's: an unknown measure or input, a missing required input, a bad
    value.  Returns the matplotlib Axes (a new figure's when `ax` is None).
    """
    kw = _fonts(lang)
    words = _WORDS[lang]
    if isinstance(rules, Measure) and measure is None:
        m = rules
    elif isinstance(rules, Ruleset):
        if measure is None:
            raise _errors.InvalidArgument("name the measure: award_curve(rules, 'A1.07.a', x=…)",
                                          code=_native.DGS_E_INVALID_ARGUMENT)
        m = rules.measure(measure)
    else:
        raise _errors.TypeMismatch(f"award_curve draws from a Ruleset and a measure id, not "
                                   f"{type(rules).__name__}", code=_native.DGS_E_TYPE)
    day = iso_date(date)
    fixed = dict(fixed or {})
    if not isinstance(x, str) or x not in m.inputs:
        raise _errors.UnknownInput(f"{m.id}: no input '{x}' (inputs: {', '.join(m.inputs) or 'none'})",
                                   code=_native.DGS_E_UNKNOWN_INPUT)
    for name in fixed:
        if name not in m.inputs:
            raise _errors.UnknownInput(f"{m.id}: fixed names '{name}', which is not an input (inputs: "
                                       f"{', '.join(m.inputs)})", code=_native.DGS_E_UNKNOWN_INPUT)
    if x in fixed:
        raise _errors.InvalidArgument(f"{m.id}: '{x}' is the input drawn along the axis; leave it out of fixed",
                                      code=_native.DGS_E_INVALID_ARGUMENT)
    inp = m.inputs[x]
    if inp.type not in _SCALES:
        raise _errors.TypeMismatch(f"{m.id}: input '{x}' is {inp.type}; an award curve runs along an "
                                   f"input of money, area or count", code=_native.DGS_E_TYPE)
    if isinstance(points, bool) or not isinstance(points, (int, np.integer)) or not 2 <= points <= 100_000:
        raise _errors.InvalidArgument(f"points must be a whole number from 2 to 100000, not {points!r}",
                                      code=_native.DGS_E_INVALID_ARGUMENT)
    scale = _SCALES[inp.type]
    award_scale = 100 if m.is_money else 1

    # The parameters that could be lines, at the date; the traces say which are.
    values = {p.name: v for p in m.parameters.values()
              if p.type in _SCALES and (v := _base_value(p, day)) is not None}
    same_unit = [v for n, v in values.items() if m.parameters[n].type == inp.type
                 and m.parameters[n].unit == inp.unit]
    if x_range is not None:
        lo, hi = (_scaled_bound(m, inp, b) for b in x_range)
        if not lo < hi:
            raise _errors.InvalidArgument(f"x_range must be (low, high) with low < high, not {x_range!r}",
                                          code=_native.DGS_E_INVALID_ARGUMENT)
    else:
        lo, hi = 0, 0
    top = max(same_unit + [hi, 1])
    probes = sorted(set(same_unit + [top * 10]))
    lines = _classify(m, x, day, fixed, probes, values)

    if x_range is None:
        hi = max((values[n] * 3 // 2 for n in lines.thresholds if n in values), default=0)
        if inp.type == ValueType.MONEY and m.is_money:
            hi = max([hi] + [3 * values[n] for n in lines.caps if n in values])
        if hi == 0:  # no line to go by: a multiple of the other inputs of the same unit
            hi = 3 * max((_fixed_base(v, scale) for n, v in fixed.items()
                          if m.inputs[n].type == inp.type and m.inputs[n].unit == inp.unit), default=0)
        hi = max(hi, 100 * scale if inp.type != ValueType.COUNT else 10)

    marks = [values[n] for n in lines.thresholds if n in values]
    largest_cap = max((values[n] for n in lines.caps if n in values), default=None)
    for _ in range(16):
        grid = _grid(hi, lo, points, marks)
        batch = _curve(m, x, grid, fixed, day)
        award = batch.award_fen
        if x_range is not None:
            break
        granted = batch.outcome_codes == Outcome.GRANTED
        paid_top = int(award[granted].max()) if granted.any() else 0
        tail = award[grid >= lo + (hi - lo) * 3 // 4]
        if (largest_cap is not None and paid_top >= largest_cap) or (tail.size and tail.min() == tail.max()):
            break
        hi *= 2

    # Caps also from the rows a parameter bound at its own value.
    codes = batch.binding_codes
    for name in set(batch.binding_names[c] for c in np.unique(codes[codes >= 0]).tolist()):
        p = m.parameters.get(name)
        if p is None or name not in values or p.type not in (ValueType.MONEY, ValueType.COUNT) or p.unit != m.unit:
            continue
        rows = np.isin(codes, [i for i, n in enumerate(batch.binding_names) if n == name])
        if (award[rows] == values[name]).any():
            lines.caps.setdefault(name, p)
    lines.thresholds = {n: p for n, p in lines.thresholds.items() if n not in lines.caps}

    outcomes = batch.outcome_codes
    up_to = outcomes == Outcome.UP_TO
    paid = np.where(outcomes == Outcome.GRANTED, award, 0)
    xs = _drawn(grid, scale)
    ys = _drawn(paid, award_scale)
    ys[up_to] = np.nan
    ax = _axes(ax)
    unit_x = _unit_word(inp.unit, lang)
    unit_y = _unit_word(m.unit, lang)
    (curve,) = ax.plot(xs, ys, color="C0", linewidth=2, label=f"{words['award']}（{unit_y}）"
                       if lang == "zh" else f"{words['award']} ({unit_y})")
    curve.set_gid("award")
    if up_to.any():
        ceiling = _drawn(np.where(up_to, award, 0), award_scale)
        ceiling[~up_to] = np.nan
        (dashed,) = ax.plot(xs, ceiling, color="C1", linestyle="--", linewidth=1.5, label=words["up_to"])
        dashed.set_gid("up_to")
    for i, (name, p) in enumerate(sorted(lines.caps.items(), key=lambda item: values[item[0]])):
        line = ax.axhline(_drawn([values[name]], _SCALES[p.type])[0], color=f"C{2 + i % 6}", linestyle=":",
                          linewidth=1.5, label=_line_label(p, day, lang))
        line.set_gid(name)
    for i, (name, p) in enumerate(sorted(lines.thresholds.items(), key=lambda item: values[item[0]])):
        line = ax.axvline(_drawn([values[name]], scale)[0], color=f"C{5 + i % 5}", linestyle="-.",
                          linewidth=1.2, label=_line_label(p, day, lang))
        line.set_gid(name)
    sep = "，" if lang == "zh" else ", "
    title = textwrap.fill(f"{m.id} {m.title(lang)}", width=34 if lang == "zh" else 64)
    ax.set_title(f"{title}\n{words['date']} {day}{sep}{_fixed_text(m, fixed, lang)}".rstrip(sep).rstrip(), **kw)
    ax.set_xlabel(f"{inp.description(lang)}（{unit_x}）" if lang == "zh" else
                  f"{inp.description(lang)} ({unit_x})", **kw)
    ax.set_ylabel(f"{words['award']}（{unit_y}）" if lang == "zh" else f"{words['award']} ({unit_y})", **kw)
    _ticks(ax, "x", lang)
    _ticks(ax, "y", lang)
    ax.set_xlim(xs[0], xs[-1])
    ax.set_ylim(bottom=0)
    ax.legend(prop=kw.get("fontproperties"), fontsize="small", loc="best")
    ax.grid(True, alpha=0.3)
    return ax


def _fixed_base(value: Any, scale: int) -> int:
    """A fixed input's value in base units, to size the range; 0 when it is not a plain number
    (the batch judges every value itself)."""
    if isinstance(value, (bool, float)) or not isinstance(value, (int, Decimal, str, np.integer)):
        return 0
    try:
        d = Decimal(str(value))
    except ArithmeticError:
        return 0
    return int(d * scale) if d.is_finite() and d > 0 else 0


def _scaled_bound(m: Measure, inp: Any, value: Any) -> int:
    if isinstance(value, float):
        raise _errors.TypeMismatch(f"{m.id}: x_range holds a float ({value!r}); give the bounds as Decimal, "
                                   f"int or text of {inp.unit}", code=_native.DGS_E_TYPE)
    try:
        d = Decimal(value) if not isinstance(value, Decimal) else value
    except ArithmeticError:
        raise _errors.InvalidValue(f"{m.id}: x_range bound {value!r} is not a number of {inp.unit}",
                                   code=_native.DGS_E_VALUE) from None
    base = d * _SCALES[inp.type]
    if base < 0 or base != base.to_integral_value():
        raise _errors.InvalidValue(f"{m.id}: x_range bound {value!r} must be a non-negative {inp.unit} amount "
                                   f"with at most {len(str(_SCALES[inp.type])) - 1} decimals",
                                   code=_native.DGS_E_VALUE)
    return int(base)


def _line_label(p: Parameter, date: str, lang: str) -> str:
    value = Decimal(p.value_at(date))
    unit = _unit_word(p.unit, lang)
    text = f"{value:,}"
    return f"{p.description(lang)}：{text} {unit}" if lang == "zh" else f"{p.description(lang)}: {text} {unit}"


def _fixed_text(m: Measure, fixed: Mapping[str, Any], lang: str) -> str:
    parts = [f"{name}={value}" for name, value in fixed.items() if value is not None]
    return ("，" if lang == "zh" else ", ").join(parts)


# --------------------------------------------------------------------------- a reform's gainers and losers


def compare(comparison: "Comparison", measure: Union[str, Measure, None] = None, *, ax: Any = None,
            kind: str = "histogram", bins: int = 40, lang: str = "zh") -> "Axes":
    """Draws the gainers and losers of a reform (a :class:`Comparison` of :meth:`Ruleset.compare`).

    ``kind="histogram"`` (default): a histogram of the change of award per row that changes
    (yuan; gainers right of 0, losers left), labelled with how many rows gain and lose and by
    how much (the comparison's exact sums); a note says when no row changes.

    ``kind="binding"``: per constraint that set the reform's amount (``comparison.by_binding``),
    a bar up for the rows that gain and one down for the rows that lose, each constraint's net
    change written above it.

    `measure` names one of the comparison's measures; it may be left out when the comparison
    has one.  Returns the matplotlib Axes.
    """
    kw = _fonts(lang)
    words = _WORDS[lang]
    from ._analysis import Comparison

    if not isinstance(comparison, Comparison):
        raise _errors.TypeMismatch(f"compare draws a Comparison (from Ruleset.compare), not "
                                   f"{type(comparison).__name__}", code=_native.DGS_E_TYPE)
    if kind not in ("histogram", "binding"):
        raise _errors.InvalidArgument(f"kind must be 'histogram' or 'binding', not {kind!r}",
                                      code=_native.DGS_E_INVALID_ARGUMENT)
    measures = list(comparison.summary.index)
    if measure is None:
        if len(measures) != 1:
            raise _errors.InvalidArgument(
                f"the comparison covers {len(measures)} measures ({', '.join(measures)}): name one with "
                f"measure=", code=_native.DGS_E_INVALID_ARGUMENT)
        mid = measures[0]
    else:
        mid = measure.id if isinstance(measure, Measure) else measure
        if mid not in measures:
            raise _errors.UnknownMeasure(f"the comparison has no measure '{mid}' (measures: "
                                         f"{', '.join(measures)})", code=_native.DGS_E_UNKNOWN_MEASURE)
    if kind == "binding":
        return _compare_by_binding(comparison, mid, ax, lang)
    diff = np.asarray(comparison.rows[f"{mid}.difference_fen"], dtype=np.int64)
    s = comparison.summary.loc[mid]
    changed = diff[diff != 0]
    ax = _axes(ax)
    unit = _unit_word("yuan", lang)
    if changed.size:
        values = _drawn(changed, 100)
        gain, lose = values[values > 0], values[values < 0]
        edges = np.histogram_bin_edges(values, bins=bins)
        if lose.size:
            ax.hist(lose, bins=edges, color="C3", gid="losers",
                    label=f"{words['losers']}: {int(s['losers']):,} {words['rows']}, −{s['lost']:,} {unit}")
        if gain.size:
            ax.hist(gain, bins=edges, color="C2", gid="gainers",
                    label=f"{words['gainers']}: {int(s['gainers']):,} {words['rows']}, +{s['gained']:,} {unit}")
        ax.axvline(0.0, color="black", linewidth=0.8)
        ax.legend(prop=kw.get("fontproperties"), fontsize="small")
    else:
        ax.text(0.5, 0.5, words["unchanged"], transform=ax.transAxes, ha="center", va="center", **kw)
    total = s["difference"]
    sep = "，" if lang == "zh" else ", "
    ax.set_title(f"{mid} {words['reform']}{sep}{total:+,} {unit}", **kw)
    ax.set_xlabel(f"{words['difference']}（{unit}）" if lang == "zh" else f"{words['difference']} ({unit})", **kw)
    ax.set_ylabel(words["rows"], **kw)
    _ticks(ax, "x", lang)
    ax.grid(True, alpha=0.3)
    return ax


def _compare_by_binding(comparison: "Comparison", mid: str, ax: Any, lang: str) -> "Axes":
    kw = _fonts(lang)
    words = _WORDS[lang]
    table = comparison.by_binding.loc[mid]
    names = [words["no_binding"] if not isinstance(b, str) else b for b in table.index]
    gainers = table["gainers"].to_numpy(dtype=np.int64)
    losers = table["losers"].to_numpy(dtype=np.int64)
    ax = _axes(ax)
    at = np.arange(len(names))
    ax.bar(at, gainers, color="C2", gid="gainers", label=words["gainers"])
    ax.bar(at, -losers, color="C3", gid="losers", label=words["losers"])
    ax.axhline(0.0, color="black", linewidth=0.8)
    unit = _unit_word("yuan", lang)
    top = max(1, int(gainers.max(initial=0)), int(losers.max(initial=0)))
    for i, d in enumerate(table["difference"]):
        ax.annotate(f"{d:+,} {unit}", (i, gainers[i]), xytext=(0, 3), textcoords="offset points",
                    ha="center", va="bottom", fontsize="small", **kw)
    ax.set_ylim(-top * 1.25, top * 1.25)
    ax.set_xticks(at)
    ax.set_xticklabels(names, rotation=20, ha="right", **kw)
    sep = "，" if lang == "zh" else ", "
    ax.set_title(f"{mid} {words['reform']}{sep}{words['by_binding']}", **kw)
    ax.set_ylabel(f"{words['gainers']} / {words['losers']}（{words['rows']}）" if lang == "zh"
                  else f"{words['gainers']} / {words['losers']} ({words['rows']})", **kw)
    ax.legend(prop=kw.get("fontproperties"), fontsize="small")
    ax.grid(True, axis="y", alpha=0.3)
    return ax
