# SPDX-License-Identifier: MulanPSL-2.0
"""Analyses over a population: parameter sweeps and reforms against a baseline.

A sweep converts the population's columns once, then for every value derives
a ruleset with :meth:`Ruleset.with_parameter` and runs the library's batch
(with the binding constraint of every row) over the same converted columns,
keeping only the aggregates: the total, the grants, and how many grants each
constraint bound.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any, Dict, List, Optional, Sequence, Tuple, Union

import numpy as np

from . import _errors, _native
from ._api import Measure, Outcome
from ._batch import (_OUTCOME_NAMES, _batch_date, _categorical, _check_modes, _exact_sum, _frame_columns, _outputs, _run,
                     binding_names, prepare, thread_count)
from ._money import DateLike, from_fen

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from ._api import Ruleset

__all__ = ["Comparison", "compare", "sweep"]

_INT64_MAX = 2**63 - 1


def _total_fen(awards: np.ndarray) -> int:
    """The exact sum of non-negative awards: numpy's sum where it cannot wrap, else in two halves."""
    if awards.size == 0:
        return 0
    top = int(awards.max())
    if top == 0:
        return 0
    if top <= _INT64_MAX // awards.size:
        return int(awards.sum())
    return _exact_sum(awards)


def sweep(ruleset: "Ruleset", measure: Union[str, Measure], parameter: str, values: Sequence[Any], frame: Any,
          date: DateLike, *, valid_from: Optional[DateLike] = None, valid_until: Optional[DateLike] = None,
          units: str = "yuan", extra: str = "raise", errors: str = "raise",
          threads: Optional[int] = None) -> "pd.DataFrame":
    """See :meth:`Ruleset.sweep`."""
    import pandas as pd

    _check_modes(errors, extra, units)
    m = ruleset.measure(measure)
    day = _batch_date(m, date)
    thread_count(threads, 0)
    if isinstance(values, (str, bytes)) or not hasattr(values, "__iter__"):
        raise _errors.TypeMismatch(f"values must be a sequence of values of '{parameter}', "
                                   f"not {type(values).__name__}")
    values = list(values)
    if parameter not in m.parameters:
        raise _errors.UnknownParameter(
            f"{m.id} has no parameter '{parameter}' (parameters: {', '.join(m.parameters)})",
            code=_native.DGS_E_UNKNOWN_PARAMETER)
    prep = prepare(m, frame, extra=extra, units=units)  # the population, converted once
    names = binding_names(m)
    money = m.unit.startswith("yuan")

    totals: List[Union[Decimal, int]] = []
    totals_fen: List[int] = []
    grants: List[int] = []
    pending: List[int] = []
    pending_totals: List[Union[Decimal, int]] = []
    invalid: List[int] = []
    bound: Dict[str, List[int]] = {f"bound_by_{n}": [] for n in dict.fromkeys(names)}
    out = _outputs(prep.rows, True)  # filled again for every value
    for value in values:
        derived = ruleset.with_parameter(m.id, parameter, value, valid_from=valid_from, valid_until=valid_until,
                                         reference=f"sweep of {parameter}")
        dm = derived.measure(m.id)
        awards, outcomes, bindings, _reasons, error = _run(dm, day, prep, threads, True, out)
        if error is not None and errors == "raise":
            error.message = f"{error.message} (with {parameter} = {value})"
            raise error
        granted = outcomes == Outcome.GRANTED
        codes = np.where(granted, bindings + 1, 0)  # type: ignore[operator]
        counts = np.bincount(codes, minlength=len(names) + 1)[1:]
        row = dict.fromkeys(bound, 0)
        for name, n in zip(names, counts.tolist()):
            row[f"bound_by_{name}"] += n  # a name shared by a parameter and an input adds up
        for key, n in row.items():
            bound[key].append(n)
        fen = _total_fen(np.where(granted, awards, 0))  # payments only: a ceiling still to be assessed is not one
        totals_fen.append(fen)
        totals.append(from_fen(fen) if money else fen)
        grants.append(int(np.count_nonzero(granted)))
        up_to = outcomes == Outcome.UP_TO
        pending.append(int(np.count_nonzero(up_to)))
        ceilings = _total_fen(np.where(up_to, awards, 0))
        pending_totals.append(from_fen(ceilings) if money else ceilings)
        invalid.append(int(np.count_nonzero(outcomes == Outcome.INVALID)))

    data: Dict[str, Any] = {"total": totals, "total_fen": totals_fen, "grants": grants, "up_to": pending,
                            "up_to_total": pending_totals, "invalid": invalid}
    data.update(bound)
    index = pd.Index(values, name=parameter)
    return pd.DataFrame(data, index=index)


class Comparison:
    """A reform against a baseline over one population, measure by measure.

    - ``rows``: a pandas DataFrame per row of the population (the frame's index) with, for every
      measure, ``<measure>.baseline_fen``, ``<measure>.reform_fen``, ``<measure>.difference_fen``
      (int64 fen, what is paid: 0 unless the outcome is ``granted``), ``<measure>.baseline_outcome`` /
      ``<measure>.reform_outcome`` and ``<measure>.baseline_binding`` / ``<measure>.reform_binding``
      (categoricals);
    - ``summary``: one row per measure: ``baseline``, ``reform``, ``difference`` (exact Decimal
      yuan, payments only), ``gainers`` and ``gained`` (rows paid more, and how much more), ``losers``
      and ``lost`` (rows paid less, and how much less), ``invalid`` (rows invalid in either),
      ``baseline_up_to`` / ``reform_up_to`` (rows whose outcome is ``up_to``: a ceiling still to be
      assessed, never counted as paid) and ``baseline_up_to_total`` / ``reform_up_to_total`` (the sum
      of those ceilings, Decimal yuan);
    - ``by_binding``: per measure and constraint that set the reform's amount: ``rows``,
      ``difference`` (Decimal yuan), ``gainers``, ``losers``;
    - ``total_difference``: the exact change of the total over every measure, Decimal yuan —
      refused (``NotSupported``) when two of the measures are in one exclusive group
      (``overlaps``: group → measures): 就高、从优、不重复享受 pays such measures once, the
      highest, so their differences do not add up to what the reform costs.

    A row claims a measure when it gives at least one of the measure's inputs (as in
    :meth:`Ruleset.evaluate_population`); a row that gives none has the outcome ``not_claimed``,
    is paid 0 in both and is left out of ``invalid`` and ``by_binding`` (``claims`` counts the
    rows that claim each measure).  Each measure's rows are judged alone (no stacking between
    measures).
    """

    def __init__(self, rows: "pd.DataFrame", summary: "pd.DataFrame", by_binding: "pd.DataFrame",
                 overlaps: Optional[Dict[str, List[str]]] = None) -> None:
        self.rows = rows
        self.summary = summary
        self.by_binding = by_binding
        #: The exclusive groups two or more of the compared measures are in: group → measure ids.
        self.overlaps: Dict[str, List[str]] = dict(overlaps or {})

    def _overlap_words(self) -> str:
        return "; ".join(f"{' and '.join(ids)} ({g})" for g, ids in self.overlaps.items())

    @property
    def total_difference(self) -> Decimal:
        if self.overlaps:
            raise _errors.NotSupported(
                f"{self._overlap_words()} are paid once, the highest (就高、从优、不重复享受), so their "
                f"differences do not add up to what the reform costs: read each measure's difference in "
                f"summary, or compare what each applicant is paid under both rulesets with "
                f"evaluate_population", code=_native.DGS_E_NOT_SUPPORTED)
        return sum(self.summary["difference"], Decimal(0))  # type: ignore[no-any-return]

    def __repr__(self) -> str:
        total = (f"differences per measure ({self._overlap_words()} are paid once)" if self.overlaps
                 else f"difference CNY {self.total_difference:,}")
        return f"<Comparison {len(self.summary)} measures, {len(self.rows)} rows: {total}>"


def _positive_sum(a: np.ndarray) -> int:
    return _exact_sum(np.where(a > 0, a, 0))


def _claimed(measure: Measure, prep: Any) -> np.ndarray:
    """The rows that claim ``measure``: those that give at least one of its inputs (as
    :meth:`Ruleset.evaluate_population` decides), and those with a value that could not be read."""
    claimed = np.zeros(prep.rows, dtype=bool)
    for name, present in zip(prep.names, prep.present):
        if name in measure.inputs:
            if present is None:
                return np.ones(prep.rows, dtype=bool)
            claimed |= present.astype(bool)
    if prep.bad is not None:
        claimed |= prep.bad
    return claimed


def _first_claimed_error(measure: Measure, day: str, prep: Any, outcomes: np.ndarray, claimed: np.ndarray,
                         error: Optional[_errors.Error], out: Tuple[np.ndarray, ...]) -> Optional[_errors.Error]:
    """The error of the first invalid row that claims the measure (None when every claiming row is
    valid): the batch's own error when it is that row's, else that row evaluated again alone."""
    invalid = (outcomes == Outcome.INVALID) & claimed
    if error is None or not invalid.any():
        return None
    row = int(np.argmax(invalid))
    if error.row == row:
        return error
    if prep.bad is not None and prep.bad[row] and prep.bad_error is not None and prep.bad_error.row == row:
        return prep.bad_error
    code, at, message = _native.dgspy_evaluate_batch_detail(measure._ptr, day, prep.rows, prep.names,
                                                            prep.columns, prep.present, row, row + 1, *out)
    again = _errors.from_code(code, message, row=at)
    again.row = at
    return again


_COMPARE_OUTCOMES = ["not_claimed"] + list(_OUTCOME_NAMES)  # by code + 2: not_claimed is -2, invalid -1


def _compare_outcomes(codes: np.ndarray) -> Any:
    import pandas as pd

    return pd.Categorical.from_codes(codes.astype(np.intp) + 2, categories=_COMPARE_OUTCOMES)


def compare(baseline: "Ruleset", reform: "Ruleset", frame: Any, date: DateLike, *, measures: Sequence[Any],
            units: str = "yuan", extra: str = "raise", errors: str = "raise",
            threads: Optional[int] = None) -> Comparison:
    """See :meth:`Ruleset.compare`."""
    import pandas as pd

    _check_modes(errors, extra, units)
    if isinstance(measures, (str, bytes)) or not hasattr(measures, "__iter__"):
        raise _errors.TypeMismatch("measures must be a list of measure ids, e.g. ['A1.07.a']")
    thread_count(threads, 0)
    # A date per row would be ignored with the other columns no measure reads, and every row
    # evaluated at `date`: a row of 2023 judged by the rules of 2025, without a word.
    names = [name for name, _column in _frame_columns(frame)[0]]
    if "date" in names:
        raise _errors.NotSupported(
            "the frame has a 'date' column, but a comparison evaluates every row at one date (the date "
            "argument): compare the rows of each date apart (or drop the column if it is not the date the "
            "rows are judged at); the command line's compare and evaluate_population read a date per row",
            code=_native.DGS_E_NOT_SUPPORTED)
    base_ms = [baseline.measure(spec) for spec in measures]
    if extra == "raise":
        # Each measure's batch leaves out the others' columns; a column no measure reads (a
        # misspelt optional input such as 'granted_this_yaer' would be one) is refused.
        from ._population import _readers

        unread = [name for name in names if not (isinstance(name, str) and _readers(base_ms, name))]
        if unread:
            raise _errors.UnknownInput(
                f"column '{unread[0]}' is not an input or condition of {', '.join(m.id for m in base_ms)}: "
                f"drop it (an applicant column, say), or pass extra='ignore'", code=_native.DGS_E_UNKNOWN_INPUT)
    cols: Dict[str, Any] = {}
    summary: List[Dict[str, Any]] = []
    by_binding: List[Dict[str, Any]] = []
    index = None
    for base_m in base_ms:
        ref_m = reform.measure(base_m.id)
        day = _batch_date(base_m, date)
        if not base_m.unit.startswith("yuan"):
            raise _errors.NotSupported(f"{base_m.id}: its awards are {base_m.unit}, not money: compare "
                                       f"measures of money", code=_native.DGS_E_NOT_SUPPORTED)
        prep = prepare(base_m, frame, extra="ignore", units=units)  # converted once for both rulesets
        index = prep.index
        claimed = _claimed(base_m, prep)
        results = []
        for m in (base_m, ref_m):
            awards, outcomes, bindings, reasons, error = _run(m, day, prep, threads, True)
            error = _first_claimed_error(m, day, prep, outcomes, claimed, error, (awards, outcomes, bindings, reasons))
            if error is not None and errors == "raise":
                raise error
            # a row that gives none of the measure's inputs does not claim it: nothing is paid
            outcomes = np.where(claimed, outcomes, _native.DGS_OUTCOME_NOT_CLAIMED).astype(np.int32)
            bindings = np.where(claimed, bindings, -1).astype(np.int32)
            # what is paid: a ceiling still to be assessed (outcome up_to) carries its ceiling as
            # the award but is not a payment, so it counts 0 here and apart in the summary
            up_to = outcomes == Outcome.UP_TO
            ceilings = _exact_sum(np.where(up_to, awards, 0))
            paid = np.where(outcomes == Outcome.GRANTED, awards, 0)
            results.append((paid, outcomes, bindings, int(np.count_nonzero(up_to)), ceilings))
        (a0, o0, b0, u0, c0), (a1, o1, b1, u1, c1) = results
        diff = a1 - a0  # awards are never negative: the difference fits in int64
        names = binding_names(base_m)
        rnames = binding_names(ref_m)
        cols[f"{base_m.id}.baseline_fen"] = a0
        cols[f"{base_m.id}.reform_fen"] = a1
        cols[f"{base_m.id}.difference_fen"] = diff
        cols[f"{base_m.id}.baseline_outcome"] = _compare_outcomes(o0)
        cols[f"{base_m.id}.reform_outcome"] = _compare_outcomes(o1)
        cols[f"{base_m.id}.baseline_binding"] = _categorical(b0, names)
        cols[f"{base_m.id}.reform_binding"] = _categorical(b1, rnames)
        t0, t1 = _exact_sum(a0), _exact_sum(a1)
        summary.append({"measure": base_m.id, "claims": int(np.count_nonzero(claimed)), "baseline": from_fen(t0), "reform": from_fen(t1),
                        "difference": from_fen(t1 - t0),
                        "gainers": int(np.count_nonzero(diff > 0)), "gained": from_fen(_positive_sum(diff)),
                        "losers": int(np.count_nonzero(diff < 0)), "lost": from_fen(_positive_sum(-diff)),
                        "invalid": int(np.count_nonzero((o0 == Outcome.INVALID) | (o1 == Outcome.INVALID))),
                        "baseline_up_to": u0, "reform_up_to": u1,
                        "baseline_up_to_total": from_fen(c0), "reform_up_to_total": from_fen(c1)})
        codes = np.where(claimed, b1.astype(np.intp) + 1, -1)  # by the rows that claim the measure
        for code in np.unique(codes[claimed]).tolist():
            sel = codes == code
            d = diff[sel]
            by_binding.append({"measure": base_m.id, "binding": rnames[code - 1] if code else None,
                               "rows": int(np.count_nonzero(sel)), "difference": from_fen(_exact_sum(d)),
                               "gainers": int(np.count_nonzero(d > 0)), "losers": int(np.count_nonzero(d < 0))})
    groups: Dict[str, List[str]] = {}
    for row in summary:
        group = baseline.measure(row["measure"]).group
        if group:
            groups.setdefault(group, []).append(row["measure"])
    return Comparison(pd.DataFrame(cols, index=index),
                      pd.DataFrame(summary).set_index("measure") if summary else pd.DataFrame(),
                      pd.DataFrame(by_binding).set_index(["measure", "binding"]) if by_binding else pd.DataFrame(),
                      {g: ids for g, ids in groups.items() if len(ids) > 1})
