"""Analyses over a population: parameter sweeps.

A sweep converts the population's columns once, then for every value derives
a ruleset with :meth:`Ruleset.with_parameter` and runs the library's batch
(with the binding constraint of every row) over the same converted columns,
keeping only the aggregates: the total, the grants, and how many grants each
constraint bound.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any, Dict, List, Optional, Sequence, Union

import numpy as np

from . import _errors, _native
from ._api import Measure, Outcome
from ._batch import (_batch_date, _check_modes, _exact_sum, _outputs, _run, binding_names, prepare, thread_count)
from ._money import DateLike, from_fen

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from ._api import Ruleset

__all__ = ["sweep"]

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
        fen = _total_fen(awards)
        totals_fen.append(fen)
        totals.append(from_fen(fen) if money else fen)
        grants.append(int(np.count_nonzero(granted)))
        invalid.append(int(np.count_nonzero(outcomes == Outcome.INVALID)))

    data: Dict[str, Any] = {"total": totals, "total_fen": totals_fen, "grants": grants, "invalid": invalid}
    data.update(bound)
    index = pd.Index(values, name=parameter)
    return pd.DataFrame(data, index=index)
