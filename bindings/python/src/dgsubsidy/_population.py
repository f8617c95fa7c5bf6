# SPDX-License-Identifier: MulanPSL-2.0
"""Several measures over one population, stacked per applicant (就高、从优、不重复享受), in C.

Each row of the frame is one object (a project, an exhibition, a contract…) of
one applicant; its columns are facts shared by every measure that names them.
A row claims a measure when it gives at least one of the measure's inputs.
The library evaluates every measure over every row with its batch path, then
stacks the claims of each applicant exactly as :meth:`Ruleset.stack` stacks the
same results (objects, ceilings still to be assessed never paid, caps across
claims), in one call.  Each row has a date (a column ``date``, or the call's
``date``): its claims are evaluated and stacked at that date (a yearly award
or cap is one per year of the row's date).
"""

from __future__ import annotations

import datetime as _dt
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Dict, List, Optional, Sequence, Tuple, Union

import numpy as np

from . import _errors, _native
from ._api import Measure, Outcome
from ._batch import _check_modes, _exact_sum, _is_arrow, _is_polars, prepare
from ._money import INT64_MAX, DateLike, c_string, from_fen, iso_date, to_fen
from ._stack import Decision, allocate_fen

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from ._api import Ruleset

__all__ = ["Population", "evaluate_population"]

#: The decision of a claim a row does not make, and of an invalid claim.
NOT_CLAIMED = _native.DGS_STACK_NOT_CLAIMED
INVALID = _native.DGS_STACK_INVALID
_UNWRITTEN = -100

_DECISION_NAMES = {int(d): d.label for d in Decision}
_DECISION_NAMES[NOT_CLAIMED] = "not_claimed"
_DECISION_NAMES[INVALID] = "invalid"
_OUTCOME_NAMES = {int(o): o.label for o in Outcome}
_OUTCOME_NAMES[_native.DGS_OUTCOME_NOT_CLAIMED] = "not_claimed"


def _column_names(frame: Any) -> List[Any]:
    """The column names of a DataFrame (pandas, polars), a pyarrow Table or RecordBatch, or a
    mapping of arrays."""
    if _is_polars(frame) and type(frame).__name__ == "LazyFrame":
        raise _errors.TypeMismatch("a polars LazyFrame is a query, not data: collect() it first")
    names = getattr(frame, "column_names", None)  # pyarrow
    if names is not None and not callable(names):
        return list(names)
    if hasattr(frame, "columns") and not callable(frame.columns):
        return list(frame.columns)
    if hasattr(frame, "keys"):
        return list(frame.keys())
    raise _errors.TypeMismatch(
        f"a population is a pandas DataFrame, a pyarrow Table or RecordBatch, a polars DataFrame or a dict "
        f"of arrays, not {type(frame).__name__}")


def _arrow_series(data: Any, name: str, role: str) -> "pd.Series":
    """An Arrow Array or ChunkedArray of applicants or objects as the pandas Series of the same
    values: integers as int64 (nullable ``Int64`` where there are nulls, as pandas would hold
    them, never float64), text as str objects, a dictionary decoded.  Floats and decimals are
    refused by their type, as pandas refuses their values."""
    import pandas as pd
    import pyarrow as pa
    import pyarrow.types as pt

    t = data.type
    if pt.is_dictionary(t):
        data = data.cast(t.value_type)
        t = t.value_type
    if pt.is_floating(t) or pt.is_decimal(t):
        raise _errors.TypeMismatch(f"the {role} column '{name}' is of Arrow type {t}: give ints or strings "
                                   f"(a float or decimal id such as 1.0 is ambiguous)")
    if isinstance(data, pa.ChunkedArray):
        data = data.combine_chunks() if data.num_chunks != 1 else data.chunk(0)
    if pt.is_integer(t):
        if not data.null_count:
            return pd.Series(data.to_numpy())
        mask = data.is_null().to_numpy(zero_copy_only=False)
        return pd.Series(pd.arrays.IntegerArray(data.fill_null(0).to_numpy(), mask))
    if pt.is_string(t) or pt.is_large_string(t) or getattr(pt, "is_string_view", lambda _t: False)(t):
        return pd.Series(np.asarray(data.to_numpy(zero_copy_only=False), dtype=object), dtype=object)
    return data.to_pandas().reset_index(drop=True)


def _series(data: Any, name: str = "", role: str = "applicant") -> "pd.Series":
    import pandas as pd

    if isinstance(data, pd.Series):
        return data.reset_index(drop=True)
    if _is_arrow(data) and hasattr(data, "type"):
        return _arrow_series(data, name, role)
    if _is_polars(data) and hasattr(data, "to_arrow"):
        return _arrow_series(data.to_arrow(), name, role)
    if hasattr(data, "to_pandas"):
        return data.to_pandas().reset_index(drop=True)
    return pd.Series(np.asarray(data.to_numpy() if hasattr(data, "to_numpy") else data, dtype=object)
                     if not isinstance(data, np.ndarray) else data)


def _applicant_codes(data: Any, name: str, rows: int) -> Tuple[np.ndarray, Any]:
    """int64 codes of the applicants (pandas.factorize) and their labels."""
    import pandas as pd

    s = _series(data, name, "applicant")
    if len(s) != rows:
        raise _errors.InvalidArgument(f"the applicant column '{name}' has {len(s)} values, not {rows}",
                                      code=_native.DGS_E_INVALID_ARGUMENT)
    if s.dtype.kind == "f":
        raise _errors.TypeMismatch(f"the applicant column '{name}' holds floats: give ints or strings "
                                   f"(a float id such as 1.0 is ambiguous)")
    missing = s.isna().to_numpy()
    if missing.any():
        row = int(np.argmax(missing))
        raise _errors.InvalidArgument(f"the applicant of row {row} ('{name}') is missing: every row is "
                                      f"one applicant's", code=_native.DGS_E_INVALID_ARGUMENT, row=row)
    kinds = set()
    for i, v in enumerate(s.to_numpy(dtype=object) if s.dtype.kind in "OSU" or str(s.dtype).startswith("string")
                          else ()):
        if isinstance(v, (float, Decimal)) or isinstance(v, (bool, np.bool_)):
            raise _errors.TypeMismatch(f"the applicant column '{name}' holds {type(v).__name__} {v!r}: "
                                       f"give ints or strings")
        if isinstance(v, str):
            kinds.add("str")
            if not v or v != v.strip() or any(ord(c) < 0x20 or ord(c) == 0x7f for c in v):
                # one applicant written two ways would be two applicants, each under its own caps
                raise _errors.InvalidValue(
                    f"the applicant of row {i} ('{name}') is {v!r}: an applicant id must not be empty, begin "
                    f"or end with a space or hold a control character ('E1' and 'E1 ' would be two "
                    f"applicants)", code=_native.DGS_E_VALUE, row=i)
        else:
            kinds.add("int")
    if len(kinds) > 1:
        raise _errors.TypeMismatch(f"the applicant column '{name}' mixes ints and strings: 1 and '1' would be "
                                   f"two applicants; give one type")
    codes, labels = pd.factorize(s, sort=False)
    return np.ascontiguousarray(codes, dtype=np.int64), labels


def _objects(data: Any, name: str, rows: int) -> List[Optional[str]]:
    s = _series(data, name, "object")
    if len(s) != rows:
        raise _errors.InvalidArgument(f"the object column '{name}' has {len(s)} values, not {rows}",
                                      code=_native.DGS_E_INVALID_ARGUMENT)
    if s.dtype.kind == "f":
        raise _errors.TypeMismatch(f"the object column '{name}' holds floats: give strings or ints")
    out: List[Optional[str]] = []
    missing = s.isna().to_numpy()
    for i, v in enumerate(s.to_numpy(dtype=object)):
        if missing[i]:
            out.append(None)
        elif isinstance(v, str):
            out.append(v)
        elif isinstance(v, (int, np.integer)) and not isinstance(v, (bool, np.bool_)):
            out.append(str(int(v)))
        else:
            raise _errors.TypeMismatch(f"the object of row {i} ('{name}') is a {type(v).__name__}, "
                                       f"not a str or an int")
    return out


def _row_dates(data: Any, name: str, rows: int, default: Optional[str]) -> List[Optional[str]]:
    """The date of each row as "YYYY-MM-DD" (None where missing: the call's date), from ISO strings,
    datetime.date / datetime.datetime / pandas Timestamps (their calendar date) or datetime64 values;
    a missing date without a call's date is refused with its row.  Strings are checked by the library
    (DGS_E_DATE with the row)."""
    import pandas as pd

    s = _series(data)
    if len(s) != rows:
        raise _errors.InvalidArgument(f"the date column '{name}' has {len(s)} values, not {rows}",
                                      code=_native.DGS_E_INVALID_ARGUMENT)
    missing = s.isna().to_numpy()
    out: List[Optional[str]] = []
    if isinstance(s.dtype, pd.DatetimeTZDtype):
        s = s.dt.tz_localize(None)   # the wall time in its own time zone: its calendar date
    if s.dtype.kind == "M":   # datetime64: the calendar date, in integers (no float)
        text = np.datetime_as_string(s.to_numpy().astype("datetime64[D]"), unit="D").tolist()
        out = [None if missing[i] else t for i, t in enumerate(text)]
    else:
        for i, v in enumerate(s.to_numpy(dtype=object)):
            if missing[i] or (isinstance(v, str) and v == ""):
                out.append(None)
            elif isinstance(v, str):
                out.append(c_string(v, f"the date of row {i} ('{name}')"))
            elif isinstance(v, (_dt.date, np.datetime64)):
                out.append(iso_date(v, f"the date of row {i} ('{name}')"))
            else:
                raise _errors.TypeMismatch(f"the date of row {i} ('{name}') is a {type(v).__name__}, not an ISO "
                                           f"string, a datetime.date or a datetime64")
    if default is None:
        for i, d in enumerate(out):
            if d is None:
                raise _errors.InvalidDate(f"row {i} has no date ('{name}') and no date is given for such rows: "
                                          f"pass date=...", code=_native.DGS_E_DATE, row=i)
    return out


def _readers(measures: Sequence[Measure], name: str) -> List[Measure]:
    """The measures that read a column: as an input, or as one of their conditions."""
    if name.startswith("condition."):
        return [m for m in measures if name[len("condition."):] in m.conditions]
    return [m for m in measures if name in m.inputs]


class Population:
    """What a population's claims are paid: per claim, per applicant and per measure."""

    def __init__(self, rules: "Ruleset", measures: Sequence[Measure], date: Optional[str], rows: int, index: Any,
                 applicant_codes: np.ndarray, applicant_labels: Any, objects: Optional[List[Optional[str]]],
                 award_fen: np.ndarray, outcome_codes: np.ndarray, paid_fen: np.ndarray,
                 decision_codes: np.ndarray, up_to_fen: np.ndarray, error: Optional[_errors.Error],
                 dates: Optional[List[Optional[str]]] = None) -> None:
        self.ruleset = rules
        self.measures: Tuple[Measure, ...] = tuple(measures)
        #: The call's date ("YYYY-MM-DD"): that of every row without a date of its own; None when every
        #: row has one.
        self.date = date
        #: The date of each row ("YYYY-MM-DD"), or None when every row is of ``date``.
        self.dates: Optional[List[str]] = (None if dates is None
                                            else [d if d is not None else date for d in dates])  # type: ignore
        self.rows = rows
        self.index = index
        #: (measures, rows) arrays: award_fen[k, i] is measure k's award for row i.
        self.award_fen = award_fen.reshape(len(measures), rows)
        self.outcome_codes = outcome_codes.reshape(len(measures), rows)
        self.paid_fen = paid_fen.reshape(len(measures), rows)
        self.decision_codes = decision_codes.reshape(len(measures), rows)
        self.up_to_fen = up_to_fen.reshape(len(measures), rows)
        self.applicant_codes = applicant_codes
        self.applicant_labels = applicant_labels
        self.objects = objects
        #: The error of the first invalid row (errors="mark"), or None.
        self.error = error
        self._claims: Optional["pd.DataFrame"] = None
        total = _exact_sum(self.paid_fen.reshape(-1))
        if total > INT64_MAX:
            raise _errors.Overflow("the population's total paid exceeds the largest amount (int64 fen)")
        #: The total paid, in fen: payments only (never a ceiling still to be assessed).
        self.total_fen: int = total
        # Per applicant, exact: every share is at most the total, which fits in int64.
        self._paid_by_applicant = np.zeros(len(applicant_labels), dtype=np.int64)
        np.add.at(self._paid_by_applicant, applicant_codes, self.paid_fen.sum(axis=0, dtype=np.int64))

    @property
    def total(self) -> Decimal:
        """The total paid, in yuan."""
        return from_fen(self.total_fen)

    def __len__(self) -> int:
        return self.rows

    @property
    def claims(self) -> "pd.DataFrame":
        """One line per claim (a row that gives at least one input of a measure), in row order and,
        within a row, in the order of the measures: row, applicant, object, date (the row's, ISO
        "YYYY-MM-DD"), measure, unit, award, award_fen, outcome, paid, paid_fen, decision, up_to,
        up_to_fen.  Money is Decimal yuan
        (a measure counting places gives its award as an int count)."""
        if self._claims is None:
            import pandas as pd

            nm = len(self.measures)
            claimed = self.decision_codes != NOT_CLAIMED          # (measures, rows)
            rows_idx, k_idx = np.nonzero(claimed.T)               # row-major: rows, then measures
            award = self.award_fen[k_idx, rows_idx]
            paid = self.paid_fen[k_idx, rows_idx]
            up_to = self.up_to_fen[k_idx, rows_idx]
            money = np.array([m.is_money for m in self.measures], dtype=bool) if nm else np.zeros(0, bool)
            ids = np.array([m.id for m in self.measures], dtype=object)
            index = self.index if self.index is not None else pd.RangeIndex(self.rows)
            self._claims = pd.DataFrame({
                "row": np.asarray(index, dtype=object)[rows_idx] if len(rows_idx) else np.zeros(0, object),
                "applicant": np.asarray(self.applicant_labels, dtype=object)[self.applicant_codes[rows_idx]],
                "object": (np.array(self.objects, dtype=object)[rows_idx] if self.objects is not None
                           else np.full(len(rows_idx), None, dtype=object)),
                "date": (np.array(self.dates, dtype=object)[rows_idx] if self.dates is not None
                         else np.full(len(rows_idx), self.date, dtype=object)),
                "measure": ids[k_idx],
                "unit": np.where(money[k_idx], "fen", "places") if len(k_idx) else np.zeros(0, object),
                "award": [from_fen(a) if mo else int(a) for a, mo in zip(award.tolist(), money[k_idx].tolist())],
                "award_fen": award,
                "outcome": [_OUTCOME_NAMES.get(int(c), str(c)) for c in self.outcome_codes[k_idx, rows_idx]],
                "paid": [from_fen(v) for v in paid.tolist()],
                "paid_fen": paid,
                "decision": [_DECISION_NAMES.get(int(c), str(c)) for c in self.decision_codes[k_idx, rows_idx]],
                "up_to": [from_fen(v) for v in up_to.tolist()],
                "up_to_fen": up_to,
            })
        return self._claims

    @property
    def by_applicant(self) -> "pd.DataFrame":
        """Per applicant (by its label, in order of first appearance): paid (Decimal yuan) and
        paid_fen, up_to (what pending ceilings could still add) and up_to_fen, claims and invalid
        (the number of its claims, and of those that are invalid)."""
        import pandas as pd

        n = len(self.applicant_labels)
        up = np.zeros(n, dtype=np.int64)
        np.add.at(up, self.applicant_codes, self.up_to_fen.sum(axis=0, dtype=np.int64))
        claims = np.zeros(n, dtype=np.int64)
        np.add.at(claims, self.applicant_codes, (self.decision_codes != NOT_CLAIMED).sum(axis=0))
        invalid = np.zeros(n, dtype=np.int64)
        np.add.at(invalid, self.applicant_codes, (self.decision_codes == INVALID).sum(axis=0))
        return pd.DataFrame({
            "paid": [from_fen(v) for v in self._paid_by_applicant.tolist()],
            "paid_fen": self._paid_by_applicant.copy(),
            "up_to": [from_fen(v) for v in up.tolist()],
            "up_to_fen": up,
            "claims": claims,
            "invalid": invalid,
        }, index=pd.Index(self.applicant_labels, name="applicant"))

    @property
    def by_measure(self) -> "pd.DataFrame":
        """Per measure: claims (rows that claim it), grants (claims paid something), pending
        (ceilings still to be assessed), invalid, paid and paid_fen, up_to and up_to_fen (what the
        pending ceilings could still add: never part of paid)."""
        import pandas as pd

        recs: Dict[str, List[Any]] = {k: [] for k in ("claims", "grants", "pending", "invalid", "paid",
                                                       "paid_fen", "up_to", "up_to_fen")}
        for k in range(len(self.measures)):
            d = self.decision_codes[k]
            paid = _exact_sum(self.paid_fen[k])
            up = _exact_sum(self.up_to_fen[k])
            recs["claims"].append(int((d != NOT_CLAIMED).sum()))
            recs["grants"].append(int((self.paid_fen[k] > 0).sum()))
            recs["pending"].append(int((d == Decision.PENDING_ASSESSMENT).sum()))
            recs["invalid"].append(int((d == INVALID).sum()))
            recs["paid"].append(from_fen(paid))
            recs["paid_fen"].append(paid)
            recs["up_to"].append(from_fen(up))
            recs["up_to_fen"].append(up)
        return pd.DataFrame(recs, index=pd.Index([m.id for m in self.measures], name="measure"))

    def allocate(self, budget: Any, method: str = "pro_rata") -> "pd.Series":
        """Scales what each applicant is paid to a budget (Decimal / int yuan / string), exactly to
        the fen (:func:`dgsubsidy.allocate_fen`): a Series of Decimal yuan by applicant."""
        import pandas as pd

        shares = allocate_fen(to_fen(budget, "budget"), self._paid_by_applicant, method)
        return pd.Series([from_fen(v) for v in shares.tolist()], index=pd.Index(self.applicant_labels,
                                                                                 name="applicant"),
                         name="share", dtype=object)

    def __repr__(self) -> str:
        when = self.date if self.dates is None else f"{len(set(self.dates))} dates"
        return (f"<Population {self.rows} rows × {len(self.measures)} measures at {when}: "
                f"paid CNY {self.total:,}>")


def evaluate_population(rules: "Ruleset", frame: Any, date: Optional[DateLike] = None, *,
                        measures: Sequence[Union[str, Measure]], applicant: str = "applicant",
                        object: Optional[str] = None, dates: Optional[str] = "date", units: str = "yuan",
                        extra: str = "raise", errors: str = "raise") -> Population:
    """Evaluates ``measures`` over every row of ``frame`` and stacks each applicant's claims;
    see :meth:`Ruleset.evaluate_population`."""
    _check_modes(errors, extra, units)
    if isinstance(measures, (str, Measure)) or not isinstance(measures, Sequence):
        raise _errors.TypeMismatch("measures is a list of measure ids, e.g. measures=['A1.07.a', 'A1.10.a']")
    ms = [rules.measure(m) for m in measures]
    if not ms:
        raise _errors.InvalidArgument("measures is empty: name at least one measure",
                                      code=_native.DGS_E_INVALID_ARGUMENT)
    seen = set()
    for m in ms:
        if m.id in seen:
            raise _errors.InvalidArgument(f"measure {m.id} is listed twice", code=_native.DGS_E_INVALID_ARGUMENT)
        seen.add(m.id)
    day = iso_date(date) if date is not None else None
    names = _column_names(frame)
    date_col = dates if dates is not None and dates in names else None
    if dates is not None and date_col is None and dates != "date":
        raise _errors.MissingInput(f"the date column '{dates}' is not in the frame", code=_native.DGS_E_MISSING_INPUT)
    if date_col is None and day is None:
        raise _errors.MissingInput("the date of the population is required: pass date=..., or give each row's "
                                   f"date in a column '{dates or 'date'}'", code=_native.DGS_E_MISSING_INPUT)
    if applicant not in names:
        raise _errors.MissingInput(f"the applicant column '{applicant}' is not in the frame (columns: "
                                   f"{', '.join(map(str, names))}); name it with applicant=...",
                                   code=_native.DGS_E_MISSING_INPUT)
    if object is not None and object not in names:
        raise _errors.MissingInput(f"the object column '{object}' is not in the frame",
                                   code=_native.DGS_E_MISSING_INPUT)
    if object is not None and object == applicant:
        raise _errors.InvalidArgument("the applicant and object columns must differ",
                                      code=_native.DGS_E_INVALID_ARGUMENT)
    if date_col is not None and date_col in (applicant, object):
        raise _errors.InvalidArgument(f"the date column '{date_col}' is also the applicant or object column",
                                      code=_native.DGS_E_INVALID_ARGUMENT)
    for role, col in (("applicant", applicant), ("object", object), ("date", date_col)):
        if col is not None and _readers(ms, col):
            raise _errors.InvalidArgument(f"the {role} column '{col}' is an input of "
                                          f"{', '.join(m.id for m in _readers(ms, col))}: name the {role}s in "
                                          f"another column", code=_native.DGS_E_INVALID_ARGUMENT)
    if len(set(map(str, names))) != len(names):
        raise _errors.InvalidArgument("the frame has duplicate column names", code=_native.DGS_E_INVALID_ARGUMENT)

    index = getattr(frame, "index", None)
    first = frame[applicant]
    rows = len(first)
    codes, labels = _applicant_codes(first, applicant, rows)
    objs = _objects(frame[object], object, rows) if object is not None else None
    row_dates = _row_dates(frame[date_col], date_col, rows, day) if date_col is not None else None

    col_names: List[str] = []
    columns: List[np.ndarray] = []
    present: List[Optional[np.ndarray]] = []
    bad_error: Optional[_errors.Error] = None
    for name in names:
        if name == applicant or name == object or (date_col is not None and name == date_col):
            continue
        readers = _readers(ms, name) if isinstance(name, str) else []
        if not readers:
            if extra == "ignore":
                continue
            raise _errors.UnknownInput(f"column {name!r} is neither an input nor a condition of "
                                       f"{', '.join(m.id for m in ms)}", code=_native.DGS_E_UNKNOWN_INPUT)
        data = frame[name]
        merged = None
        for m in readers:
            p = prepare(m, {name: data}, units=units)
            values, pres = p.columns[0], p.present[0]
            bad = p.bad if p.bad is not None else np.zeros(rows, dtype=bool)
            if merged is None:
                merged = (m, values, pres, bad)
                if p.bad_error is not None and (bad_error is None or (p.bad_error.row or 0) < (bad_error.row or 0)):
                    bad_error = p.bad_error
                continue
            m0, v0, p0, b0 = merged
            given0 = np.ones(rows, bool) if p0 is None else p0.astype(bool)
            given = np.ones(rows, bool) if pres is None else pres.astype(bool)
            if not (np.array_equal(given0, given) and np.array_equal(b0, bad)
                    and np.array_equal(v0[given & ~bad], values[given & ~bad])):
                raise _errors.InvalidArgument(
                    f"column '{name}' is an input of {m0.id} and of {m.id} but does not mean the same to both "
                    f"(its values convert differently): evaluate them in separate populations",
                    code=_native.DGS_E_INVALID_ARGUMENT)
        _, values, pres, bad = merged
        if bad.any():
            # A value that could not be converted: -1 is refused by every type, so the row is invalid
            # for every measure that reads the column, in the library's stacking too.
            values = np.array(values, dtype=np.int64, copy=True)
            values[bad] = -1
            pres = np.ones(rows, dtype=np.uint8) if pres is None else np.array(pres, dtype=np.uint8, copy=True)
            pres[bad] = 1
        col_names.append(name)
        columns.append(np.ascontiguousarray(values, dtype=np.int64))
        present.append(None if pres is None else np.ascontiguousarray(pres, dtype=np.uint8))

    nm = len(ms)
    awards = np.zeros(nm * rows, dtype=np.int64)
    outcomes = np.zeros(nm * rows, dtype=np.int32)
    paid = np.zeros(nm * rows, dtype=np.int64)
    decisions = np.full(nm * rows, _UNWRITTEN, dtype=np.int32)
    up_to = np.zeros(nm * rows, dtype=np.int64)
    code, row, message = _native.dgspy_evaluate_population(
        rules._ptr, [m.id for m in ms], day, row_dates, rows, col_names, columns, present, codes, objs,
        awards, outcomes, paid, decisions, up_to)
    error: Optional[_errors.Error] = None
    if code != 0:
        if rows and (decisions == _UNWRITTEN).any():   # refused before any row was written
            # an object, or a row's date (not the call's), names its row
            of_row = code in (_native.DGS_E_RANGE, _native.DGS_E_VALUE) or (
                code == _native.DGS_E_DATE and row_dates is not None and " of row " in message)
            raise _errors.from_code(code, message, row=row if of_row else None)
        error = _errors.from_code(code, message, row=row)
        error.row = row
    if bad_error is not None and (error is None or (bad_error.row or 0) <= (error.row or 0)):
        error = bad_error
    result = Population(rules, ms, day, rows, index, codes, labels, objs, awards, outcomes, paid, decisions,
                        up_to, error, row_dates)
    if error is not None and errors == "raise":
        error.population = result  # type: ignore[attr-defined]
        raise error
    return result
