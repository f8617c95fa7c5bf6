# SPDX-License-Identifier: MulanPSL-2.0
"""Batch evaluation: one measure over columns of inputs, with one call into the library.

The fast path hands int64 columns (and uint8 presence masks) to
``dgs_evaluate_batch`` through the buffer protocol.  A number means what it
means in ``Ruleset.evaluate``: an integer of money is yuan, of area m².

===========  ==================================================================
input type   column
===========  ==================================================================
money        integers of **yuan** (any numpy integer dtype, nullable ``Int64``
             for missing values), multiplied by 100 exactly and checked against
             int64; with ``units="base"`` integers of fen, passed unchanged.
             A column of Decimal / int / decimal strings (object or string
             dtype) is converted exactly, value by value (slower).  A float
             column is refused: money is never a float.
area         as money: integers of m² (``units="base"``: hundredths of m²)
count        integers (a float column of whole numbers, NaN = missing, is accepted)
flag         bool, 0/1 (nullable ``boolean``/``Int64`` for missing values)
choice       the choice's index, or its name (str / categorical columns)
===========  ==================================================================

pyarrow Tables and RecordBatches and polars DataFrames are read column by
column: an integer column without nulls is a view of its buffer; nulls are
absent values; every other type is converted as the same values in a pandas
column are (:func:`_arrow_column`, :func:`_polars_column`).

A value that cannot be converted marks its row invalid (``errors="mark"``) or
raises the first such row's error (``errors="raise"``).
"""

from __future__ import annotations

import datetime as _dt
import html
import os
import re
from concurrent.futures import ThreadPoolExecutor
from collections.abc import Mapping as _MappingABC
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Dict, Iterator, List, Optional, Sequence, Tuple, Union, overload

import numpy as np

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

from . import _errors, _native
from ._api import Measure, Outcome, ValueType
from ._money import (INT64_MAX, DateLike, c_string, from_fen, is_bool, iso_date, to_fen, to_int64, to_scaled,
                     type_name)

__all__ = ["BatchResult", "DecimalView", "available_cores", "evaluate_batch"]

# Errors dgs_evaluate_batch reports before writing any row.
_BEFORE_ROWS = {_native.DGS_E_INVALID_ARGUMENT, _native.DGS_E_NOMEM, _native.DGS_E_UNKNOWN_INPUT,
                _native.DGS_E_DATE, _native.DGS_E_NOT_SUPPORTED}

# The outcome names by code + 1 (INVALID is -1), from the Outcome enum, whatever codes it holds.
_OUTCOME_NAMES = np.array([f"outcome {c}" for c in range(-1, max(int(o) for o in Outcome) + 1)], dtype=object)
for _o in Outcome:
    _OUTCOME_NAMES[int(_o) + 1] = _o.label


def _outcome_categorical(codes: np.ndarray) -> Any:
    """A pandas Categorical of the outcome names of int32 outcome codes ("granted", …, "invalid")."""
    import pandas as pd

    return pd.Categorical.from_codes(codes.astype(np.intp) + 1, categories=list(_OUTCOME_NAMES))


#: The names of the DGS_REASON_* codes, by code ("none", "below_minimum", …, "invalid").
REASON_NAMES: Tuple[str, ...] = tuple(
    _native.dgs_reason_name(code) for code in range(_native.DGS_REASON_INVALID + 1))

#: Batches of at least this many rows are split across threads.
PARALLEL_MIN_ROWS = 100_000


def available_cores() -> int:
    """The cores this process may run on (its CPU affinity where the system says, else all)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def binding_names(measure: Measure) -> Tuple[str, ...]:
    """The constraints that can set ``measure``'s amount, in the order of the library's binding
    codes: its parameters, then its inputs."""
    ptr = measure._ptr
    return tuple(_native.dgs_measure_binding_name(ptr, i) for i in range(_native.dgs_measure_binding_count(ptr)))


def _categorical(codes: np.ndarray, names: Sequence[str]) -> Any:
    """A pandas Categorical of ``names[code]`` (code -1: missing); an object array without pandas."""
    unique = list(dict.fromkeys(names))
    remap = np.array([unique.index(n) for n in names] + [-1], dtype=np.int64)  # [-1] maps code -1
    mapped = remap[codes.astype(np.intp)]
    try:
        import pandas as pd
    except ImportError:  # pragma: no cover - pandas is optional
        out = np.empty(len(codes), dtype=object)
        have = mapped >= 0
        out[have] = np.array(unique, dtype=object)[mapped[have]]
        return out
    return pd.Categorical.from_codes(mapped, categories=unique)


class DecimalView(Sequence[Decimal]):
    """A read-only sequence of Decimal yuan over an int64 array of fen (converted on access)."""

    __slots__ = ("_fen",)

    def __init__(self, fen: np.ndarray) -> None:
        self._fen = fen

    def __len__(self) -> int:
        return len(self._fen)

    @overload
    def __getitem__(self, i: int) -> Decimal: ...

    @overload
    def __getitem__(self, i: slice) -> "DecimalView": ...

    def __getitem__(self, i: Union[int, slice]) -> Union[Decimal, "DecimalView"]:
        if isinstance(i, slice):
            return DecimalView(self._fen[i])
        return from_fen(int(self._fen[i]))

    def __iter__(self) -> Iterator[Decimal]:
        for v in self._fen.tolist():
            yield from_fen(v)

    def __repr__(self) -> str:
        head = ", ".join(str(from_fen(v)) for v in self._fen[:5].tolist())
        return f"DecimalView([{head}{', …' if len(self) > 5 else ''}], {len(self)} values)"


def _exact_sum(a: np.ndarray) -> int:
    """The exact sum of an int64 array (numpy's own sum would wrap on overflow)."""
    if a.size == 0:
        return 0
    hi = int(np.sum(a >> 32, dtype=np.int64))
    lo = int(np.sum(a & 0xFFFFFFFF, dtype=np.int64))
    return hi * 2**32 + lo


class BatchResult:
    """The results of a batch: awards as int64 fen, outcomes as int32 codes.

    - ``award_fen``: numpy int64 array of fen (0 unless granted; the ceiling for ``up_to``);
      for a measure whose ``unit`` is not money (e.g. "places"), of that unit;
    - ``paid_fen``: what is paid per row: ``award_fen`` where granted, 0 elsewhere (a ceiling
      still to be assessed is not a payment) — the column to sum or to allocate a budget over;
    - ``awards``: the same as Decimal yuan (a lazy :class:`DecimalView`), or
      the ints of the unit when it is not money;
    - ``outcome_codes``: numpy int32 array of :class:`Outcome` codes
      (``batch.outcome_codes == Outcome.GRANTED`` works);
    - ``outcomes``: the outcome names ("granted", …) as an object array;
    - ``binding``: the constraint that set each row's amount (a pandas
      Categorical of parameter and input names, missing where none did) —
      exactly what ``Result.binding`` names for the row evaluated alone;
      ``binding_codes`` the int32 codes (-1: none) into ``binding_names``;
    - ``reason``: the kind of reason of each row (a Categorical of
      :data:`REASON_NAMES`: "none" for a grant, "below_minimum", …,
      "invalid"); ``reason_codes`` the int32 codes;
    - ``error``: the first invalid row's error (an :class:`Error` whose
      ``row`` says which), or None;
    - ``to_frame()``: a pandas DataFrame with the input frame's index.
    """

    def __init__(self, measure: Measure, date: str, award_fen: np.ndarray, outcome_codes: np.ndarray,
                 index: Any = None, error: Optional[_errors.Error] = None,
                 binding_codes: Optional[np.ndarray] = None, reason_codes: Optional[np.ndarray] = None) -> None:
        self.measure = measure
        self.measure_id = measure.id
        #: The unit of the awards: "yuan" (possibly qualified), or e.g. "places" for a quota.
        self.unit: str = measure.unit
        self.date = _dt.date.fromisoformat(date)
        self.award_fen = award_fen
        self.outcome_codes = outcome_codes
        self.index = index
        self.error = error
        self._binding_codes = binding_codes
        self._reason_codes = reason_codes
        #: The names the binding codes index: the measure's parameters, then its inputs.
        self.binding_names: Tuple[str, ...] = binding_names(measure)
        for a in (award_fen, outcome_codes, binding_codes, reason_codes):
            if a is not None:
                a.setflags(write=False)

    def __len__(self) -> int:
        return len(self.award_fen)

    def __reduce__(self) -> Tuple[Any, ...]:
        # Plain values and the measure (which pickles as its ruleset's guideline chain);
        # copies get their own read-only arrays.
        return (BatchResult, (self.measure, self.date.isoformat(), self.award_fen, self.outcome_codes,
                              self.index, self.error, self._binding_codes, self._reason_codes))

    @property
    def has_details(self) -> bool:
        """Whether the batch was evaluated with ``details=True`` (binding and reason per row)."""
        return self._binding_codes is not None

    def _details(self, what: str) -> None:
        if self._binding_codes is None:
            raise _errors.NotSupported(
                f"{self.measure_id}: this batch was evaluated with details=False, so it has no {what}; "
                f"evaluate it with details=True", code=_native.DGS_E_NOT_SUPPORTED)

    @property
    def binding_codes(self) -> np.ndarray:
        """The int32 code of each row's binding constraint: an index into ``binding_names``, -1 for none."""
        self._details("binding constraints")
        return self._binding_codes  # type: ignore[return-value]

    @property
    def reason_codes(self) -> np.ndarray:
        """The int32 code of each row's reason: an index into :data:`REASON_NAMES`."""
        self._details("reasons")
        return self._reason_codes  # type: ignore[return-value]

    @property
    def is_money(self) -> bool:
        """True when the awards are money (fen); False for counts (places), from the measure's typed unit."""
        return self.measure.is_money

    @property
    def awards(self) -> Union[DecimalView, np.ndarray]:
        """The awards as Decimal yuan (converted when read); for a unit that is not money
        (``is_money`` False: places, …) the int64 array of that unit, never divided by 100."""
        return DecimalView(self.award_fen) if self.is_money else self.award_fen

    @property
    def paid_fen(self) -> np.ndarray:
        """Per row what is paid, int64 fen (of the unit when it is not money): the award where the
        outcome is ``granted``, 0 otherwise — a ceiling still to be assessed (``up_to``) is 0 here.
        ``paid_fen`` sums to :attr:`total_fen`."""
        return np.where(self.outcome_codes == Outcome.GRANTED, self.award_fen, 0)

    @property
    def outcomes(self) -> np.ndarray:
        """The outcome names ("granted", "ineligible", …, "invalid") as an object array."""
        return _OUTCOME_NAMES[self.outcome_codes.astype(np.intp) + 1]

    @property
    def granted(self) -> np.ndarray:
        return self.outcome_codes == Outcome.GRANTED

    @property
    def invalid(self) -> np.ndarray:
        return self.outcome_codes == Outcome.INVALID

    @property
    def binding(self) -> Any:
        """The constraint that set each row's amount: a pandas Categorical of names ("ratio",
        "cap_per_year", "interest_paid", …), missing (NaN) where none did or the row is invalid."""
        return _categorical(self.binding_codes, self.binding_names)

    @property
    def reason(self) -> Any:
        """The kind of reason of each row's outcome: a pandas Categorical of :data:`REASON_NAMES`
        ("none" for a grant; ``Result.reason()`` gives the full text of one case)."""
        return _categorical(self.reason_codes, REASON_NAMES)

    def binding_counts(self, *, granted_only: bool = True) -> Dict[str, int]:
        """How many rows each constraint bound (by default among granted rows only), for every
        constraint of the measure (0 where it bound none)."""
        codes = self.binding_codes.astype(np.intp) + 1
        if granted_only:
            codes = np.where(self.outcome_codes == Outcome.GRANTED, codes, 0)
        counts = np.bincount(codes, minlength=len(self.binding_names) + 1)
        out: Dict[str, int] = {}
        for name, n in zip(self.binding_names, counts[1:].tolist()):
            out[name] = out.get(name, 0) + int(n)
        return out

    def outcome_counts(self) -> Dict[Outcome, int]:
        """How many rows had each outcome."""
        counts = np.bincount(self.outcome_codes.astype(np.intp) + 1, minlength=len(_OUTCOME_NAMES))
        return {Outcome(code - 1): int(n) for code, n in enumerate(counts) if n}

    @property
    def total_fen(self) -> int:
        """The exact sum of the awards granted, in fen (a ceiling still to be assessed, outcome
        ``up_to``, is not a payment and is not counted)."""
        return _exact_sum(self.paid_fen)

    @property
    def total(self) -> Union[Decimal, int]:
        """The exact sum of the awards granted, in yuan (an int of the unit when it is not money)."""
        return from_fen(self.total_fen) if self.is_money else self.total_fen

    def _total_text(self) -> str:
        if self.unit == "yuan":
            return f"CNY {self.total:,}"
        if self.is_money:
            return f"CNY {self.total:,} {self.unit[4:].strip()}"
        return f"{self.total:,} {self.unit}"

    def to_frame(self, *, decimal: bool = False) -> "pd.DataFrame":
        """A pandas DataFrame: ``award_fen`` and ``paid_fen`` (int64; a ceiling still to be assessed
        is in ``award_fen``, never in ``paid_fen``), ``outcome``, ``binding`` and ``reason``
        (categoricals; not for a batch evaluated with ``details=False``) and, with ``decimal=True``,
        ``award`` and ``paid`` (Decimal yuan objects; one conversion per row)."""
        import pandas as pd

        paid = self.paid_fen
        cols: Dict[str, Any] = {"award_fen": self.award_fen, "paid_fen": paid}
        if decimal:
            cols["award"] = np.array(list(self.awards), dtype=object) if self.is_money else self.award_fen
            cols["paid"] = np.array(list(DecimalView(paid)), dtype=object) if self.is_money else paid
        cols["outcome"] = _outcome_categorical(self.outcome_codes)
        if self.has_details:
            cols["binding"] = self.binding
            cols["reason"] = self.reason
        return pd.DataFrame(cols, index=self.index)

    def __repr__(self) -> str:
        counts = ", ".join(f"{o}: {n}" for o, n in self.outcome_counts().items())
        return (f"<BatchResult {self.measure_id} {self.date}: {len(self)} rows ({counts}), "
                f"total {self._total_text()}>")

    def _repr_html_(self) -> str:
        e = html.escape
        rows = "".join(f"<tr><td>{e(str(o))}</td><td style='text-align:right'>{n:,}</td></tr>"
                       for o, n in self.outcome_counts().items())
        err = f"<br>first error: {e(str(self.error))}" if self.error else ""
        return (f"<div><b>{e(self.measure_id)}</b> · {e(str(self.date))} · {len(self):,} rows · "
                f"total <b>{e(self._total_text())}</b>{err}<table><tr><th>outcome</th><th>rows</th></tr>"
                f"{rows}</table></div>")


# --------------------------------------------------------------------------- columns


_SCALED = (ValueType.MONEY, ValueType.AREA)
#: The largest whole yuan (m²) whose fen (hundredths) an int64 holds.
_YUAN_LIMIT = INT64_MAX // 100
_UNITS = ("yuan", "base")


def _unit_name(inp: Any, units: str) -> str:
    if inp.type == ValueType.MONEY:
        return "yuan" if units == "yuan" else "fen"
    return "m²" if units == "yuan" else "hundredths of m²"


class _Column:
    __slots__ = ("values", "present", "bad", "bad_error")

    def __init__(self, values: Optional[np.ndarray], present: Optional[np.ndarray] = None) -> None:
        self.values = values
        self.present = present
        self.bad: Optional[np.ndarray] = None  # rows whose value could not be converted (marked invalid)
        self.bad_error: Optional[_errors.Error] = None

    def mark(self, rows: np.ndarray, error: _errors.Error) -> None:
        """Marks ``rows`` (a bool mask) invalid; ``error`` (whose ``row`` is set) if it is the first."""
        self.bad = rows.copy() if self.bad is None else (self.bad | rows)
        if self.bad_error is None or (error.row or 0) < (self.bad_error.row or 0):
            self.bad_error = error


def _is_missing(v: Any) -> bool:
    """None, a float NaN, pandas' NA and NaT mark a missing value (a Decimal NaN is an invalid one)."""
    if v is None:
        return True
    if isinstance(v, float):
        return v != v
    return type(v).__name__ in ("NAType", "NaTType")


_DIGITS = re.compile(r"[0-9]+\Z")


def _text_value(inp: Any, text: str, what: str) -> int:
    """A cell of text read as the library reads an input's text (``dgs_case_set_text``), so a
    column read with ``pd.read_csv(..., dtype=str)`` means what the command line reads."""
    t = inp.type
    text = c_string(text, what)
    if t in _SCALED:
        try:
            return _native.dgs_money_parse(text)  # at most two decimals, exactly; refuses the rest
        except _errors.Error as e:  # say which row and column the text came from
            e.message = f"{what}: {e.message}"
            e.args = (e.message,)
            raise
    if t == ValueType.FLAG:
        if text in ("true", "1"):
            return 1
        if text in ("false", "0"):
            return 0
        raise _errors.InvalidValue(f"{what} is a flag: write true or false, not '{text[:40]}'",
                                   code=_native.DGS_E_VALUE)
    if _DIGITS.match(text):
        return to_int64(int(text), what)
    if text[:1] == "-" and _DIGITS.match(text[1:]):
        raise _errors.NegativeValue(f"{what}: negative count '{text[:40]}' is refused",
                                    code=_native.DGS_E_NEGATIVE)
    raise _errors.InvalidValue(f"{what}: '{text[:40]}' is not a whole number", code=_native.DGS_E_VALUE)


def _convert_value(inp: Any, v: Any, what: str, units: str) -> int:
    t = inp.type
    if isinstance(v, str) and t != ValueType.CHOICE and not (units == "base" and t in _SCALED):
        return _text_value(inp, v, what)
    if t in _SCALED:
        if units == "base":
            if isinstance(v, str):
                raise _errors.TypeMismatch(
                    f"{what}: text {v[:40]!r} in a batch of units='base'; give whole numbers of "
                    f"{_unit_name(inp, units)}, or text of {_unit_name(inp, 'yuan')} with units='yuan'")
            if is_bool(v):
                raise _errors.TypeMismatch(f"{what}: {v!r} is a bool, not an amount")
            return to_int64(v, what)
        if t == ValueType.MONEY:
            return to_fen(v, what)
        return to_scaled(v, what, unit="m2", scale=2)
    if t == ValueType.CHOICE:
        if isinstance(v, str):
            try:
                return inp.choices.index(v)
            except ValueError:
                raise _errors.InvalidChoice(
                    f"{what}: '{v[:40]}' is not one of the choices ({', '.join(inp.choices)})",
                    code=_native.DGS_E_CHOICE) from None
        if is_bool(v):
            raise _errors.TypeMismatch(f"{what}: {v!r} is a bool, not a choice")
        return to_int64(v, what)
    if t == ValueType.FLAG and is_bool(v):
        return int(bool(v))
    if is_bool(v):
        raise _errors.TypeMismatch(f"{what}: {v!r} is a bool; pass a whole number (int)")
    return to_int64(v, what)


def _object_column(measure: Measure, inp: Any, arr: np.ndarray, units: str) -> _Column:
    """Converts an object column value by value (the explicit, slower path).

    pyarrow Tables and RecordBatches and polars DataFrames are read column by
column: an integer column without nulls is a view of its buffer; nulls are
absent values; every other type is converted as the same values in a pandas
column are (:func:`_arrow_column`, :func:`_polars_column`).

A value that cannot be converted marks its row invalid (with the error of
    the first such row); it never stops the batch by itself.
    """
    n = len(arr)
    values = np.zeros(n, dtype=np.int64)
    present = np.ones(n, dtype=np.uint8)
    col = _Column(values)
    bad_rows: List[int] = []
    first: Optional[_errors.Error] = None
    for i, v in enumerate(arr.tolist()):
        if _is_missing(v):
            present[i] = 0
            continue
        what = f"{measure.id}: row {i}: {inp.name}"
        try:
            values[i] = _convert_value(inp, v, what, units)
        except _errors.Error as e:
            bad_rows.append(i)
            if first is None:
                e.row = i
                first = e
        except Exception as e:  # a value whose own methods fail (e.g. a broken __index__)
            bad_rows.append(i)
            if first is None:
                first = _errors.InvalidValue(
                    f"{what}: a value of type {type_name(v)} could not be read ({type(e).__name__}: {e})",
                    code=_native.DGS_E_VALUE, row=i)
    if first is not None:
        mask = np.zeros(n, dtype=bool)
        mask[bad_rows] = True
        col.mark(mask, first)
    col.present = present if not present.all() else None
    return col


def _choice_names(measure: Measure, inp: Any, arr: np.ndarray) -> _Column:
    """A column of choice names (str or categorical values) as indices, vectorised."""
    uniques, inverse = np.unique(arr.astype(str), return_inverse=True)
    inverse = inverse.reshape(-1)
    lookup = np.zeros(len(uniques), dtype=np.int64)
    known = np.zeros(len(uniques), dtype=bool)
    for k, name in enumerate(uniques.tolist()):
        if name in inp.choices:
            lookup[k] = inp.choices.index(name)
            known[k] = True
    col = _Column(lookup[inverse])
    if not known.all():
        rows = ~known[inverse]
        first = int(np.flatnonzero(rows)[0])
        name = str(uniques[inverse[first]])
        col.mark(rows, _errors.InvalidChoice(
            f"{measure.id}: row {first}: '{name[:40]}' is not a choice of '{inp.name}' "
            f"({', '.join(inp.choices)})", code=_native.DGS_E_CHOICE, row=first))
    return col


def _float_column(measure: Measure, inp: Any, arr: np.ndarray) -> _Column:
    if inp.type in _SCALED or inp.type == ValueType.MONEY_LIST:
        what = "amounts of money" if inp.type != ValueType.AREA else "areas"
        raise _errors.TypeMismatch(
            f"{measure.id}: column '{inp.name}' is {arr.dtype}: binary floating point cannot hold {what} "
            f"exactly, so the column is refused. Give integers of {_unit_name(inp, 'yuan')} (a nullable "
            f"Int64 column for missing values), Decimal objects or text such as '1500000.50'. From a "
            f"CSV file (pandas reads a column as float when a cell is empty or has decimals): "
            f"pd.read_csv(path, dtype=str) reads every cell as text, parsed exactly as the command "
            f"line parses it", code=_native.DGS_E_TYPE)
    missing = np.isnan(arr)
    ok = ~missing
    with np.errstate(invalid="ignore"):
        good = np.isfinite(arr) & (arr == np.floor(arr)) & (arr < 2.0**63) & (arr >= -(2.0**63))
    col = _Column(None, ok.astype(np.uint8) if missing.any() else None)
    wrong = ok & ~good
    if wrong.any():
        first = int(np.flatnonzero(wrong)[0])
        col.mark(wrong, _errors.InvalidValue(
            f"{measure.id}: row {first}: {inp.name}: {arr[first]!r} is not a whole number in the int64 range",
            code=_native.DGS_E_VALUE, row=first))
    col.values = np.where(ok & good, arr, 0).astype(np.int64)
    return col


class _ConditionColumn:
    """A column "condition.<id>", read as a flag (missing values: assumed)."""

    __slots__ = ("name",)
    type = ValueType.FLAG
    required = False
    choices: Tuple[str, ...] = ()
    unit = ""

    def __init__(self, name: str) -> None:
        self.name = name


def _int_column(measure: Measure, inp: Any, arr: np.ndarray, present: Optional[np.ndarray],
                units: str) -> _Column:
    """An integer column (any numpy integer dtype) as int64 in the library's units.

    With units="yuan" money and areas are multiplied by 100 exactly; a value
    whose fen would not fit in int64 marks its row invalid (Overflow).
    """
    col = _Column(None, present)
    if arr.dtype.kind == "u" and arr.dtype.itemsize >= 8 and arr.size and int(arr.max()) > INT64_MAX:
        over = arr > np.uint64(INT64_MAX)
        first = int(np.flatnonzero(over)[0])
        col.mark(over, _errors.Overflow(
            f"{measure.id}: row {first}: {inp.name}: {int(arr[first])} exceeds the int64 range",
            code=_native.DGS_E_OVERFLOW, row=first))
        arr = np.where(over, 0, arr)
    values = np.ascontiguousarray(arr, dtype=np.int64)
    if inp.type in _SCALED and units == "yuan":
        if values.size and (int(values.max()) > _YUAN_LIMIT or int(values.min()) < -_YUAN_LIMIT):
            over = (values > _YUAN_LIMIT) | (values < -_YUAN_LIMIT)
            first = int(np.flatnonzero(over)[0])
            unit = _unit_name(inp, units)
            col.mark(over, _errors.Overflow(
                f"{measure.id}: row {first}: {inp.name}: {int(values[first])} {unit} exceeds the largest "
                f"amount the library holds ({_YUAN_LIMIT}.{INT64_MAX % 100:02d} {unit})",
                code=_native.DGS_E_OVERFLOW, row=first))
            values = np.where(over, 0, values)
        values = values * 100
    col.values = values
    return col


def _numpy_column(measure: Measure, inp: Any, arr: np.ndarray, units: str) -> _Column:
    if arr.ndim != 1:
        raise _errors.InvalidArgument(f"{measure.id}: column '{inp.name}' must be one-dimensional",
                                      code=_native.DGS_E_INVALID_ARGUMENT)
    kind = arr.dtype.kind
    if kind in "iu":
        return _int_column(measure, inp, arr, None, units)
    if kind == "b":
        if inp.type != ValueType.FLAG:
            raise _errors.TypeMismatch(f"{measure.id}: column '{inp.name}' is bool, but the input is "
                                       f"{inp.type}: a bool is not an amount, a count or a choice",
                                       code=_native.DGS_E_TYPE)
        return _Column(np.ascontiguousarray(arr, dtype=np.int64))
    if kind == "f":
        return _float_column(measure, inp, arr)
    if kind in "US" and inp.type == ValueType.CHOICE:
        return _choice_names(measure, inp, arr)
    if kind in "OUS":
        return _object_column(measure, inp, arr.astype(object) if kind != "O" else arr, units)
    raise _errors.TypeMismatch(f"{measure.id}: column '{inp.name}' has dtype {arr.dtype}, "
                               f"which is not an input value (see the batch documentation)",
                               code=_native.DGS_E_TYPE)


def _pandas_column(measure: Measure, inp: Any, s: Any, units: str) -> Optional[_Column]:
    """Handles pandas Series with extension dtypes; None to fall back to numpy."""
    import pandas as pd

    if not isinstance(s, pd.Series):
        s = pd.Series(s)  # a pandas array (pd.array(..., dtype="Int64")) given in a dict
    dtype = s.dtype
    if isinstance(dtype, pd.CategoricalDtype):
        if inp.type == ValueType.CHOICE:
            codes = s.cat.codes.to_numpy()
            missing = codes < 0
            cats = np.asarray(s.cat.categories)
            safe = np.where(missing, 0, codes)
            if not len(cats):
                return _Column(np.zeros(len(codes), np.int64), (~missing).astype(np.uint8))
            if cats.dtype.kind in "iu":
                lookup = _Column(np.ascontiguousarray(cats, dtype=np.int64))
            else:
                lookup = _choice_names(measure, inp, cats.astype(str))
            col = _Column(np.ascontiguousarray(lookup.values[safe], dtype=np.int64),
                          (~missing).astype(np.uint8) if missing.any() else None)
            if lookup.bad is not None:
                bad = lookup.bad[safe] & ~missing
                if bad.any():
                    first = int(np.flatnonzero(bad)[0])
                    col.mark(bad, _errors.InvalidChoice(
                        f"{measure.id}: row {first}: '{str(cats[safe[first]])[:40]}' is not a choice of "
                        f"'{inp.name}' ({', '.join(inp.choices)})", code=_native.DGS_E_CHOICE, row=first))
            return col
        return _object_column(measure, inp, s.astype(object).to_numpy(), units)
    if isinstance(dtype, pd.api.extensions.ExtensionDtype) and not isinstance(dtype, np.dtype):
        kind = getattr(dtype, "kind", "O")
        if kind in "iub":
            if kind == "b" and inp.type != ValueType.FLAG:
                raise _errors.TypeMismatch(f"{measure.id}: column '{inp.name}' is boolean, but the input is "
                                           f"{inp.type}: a bool is not an amount, a count or a choice",
                                           code=_native.DGS_E_TYPE)
            missing = s.isna().to_numpy()
            present = (~missing).astype(np.uint8) if missing.any() else None
            if kind == "b":
                return _Column(s.to_numpy(dtype=np.int64, na_value=0), present)
            arr = s.to_numpy(dtype=np.uint64 if kind == "u" else np.int64, na_value=0)
            return _int_column(measure, inp, arr, present, units)
        if kind == "f":
            return _float_column(measure, inp, s.to_numpy(dtype=np.float64, na_value=np.nan))
        return _object_column(measure, inp, s.to_numpy(dtype=object), units)
    return None


def _bool_refused(measure: Measure, inp: Any) -> _errors.Error:
    return _errors.TypeMismatch(f"{measure.id}: column '{inp.name}' is boolean, but the input is "
                                f"{inp.type}: a bool is not an amount, a count or a choice",
                                code=_native.DGS_E_TYPE)


def _dictionary_refused(measure: Measure, inp: Any, what: str) -> _errors.Error:
    return _errors.TypeMismatch(
        f"{measure.id}: column '{inp.name}' is {what}, but the input is {inp.type}: only a choice is "
        f"read from a column of categories; decode the column to its values first", code=_native.DGS_E_TYPE)


def _is_arrow(data: Any) -> bool:
    return (type(data).__module__ or "").startswith("pyarrow")


def _is_polars(data: Any) -> bool:
    return (type(data).__module__ or "").startswith("polars")


def _arrow_column(measure: Measure, inp: Any, data: Any, units: str) -> _Column:
    """A pyarrow Array or ChunkedArray as a column.

    An integer column without nulls in one chunk is handed to the library as a
    view of the Arrow buffer (no copy; with units="yuan" money and areas are
    still multiplied by 100 into a new array, as for numpy columns).  Nulls
    are absent values.  A column of several chunks is joined into one array
    first (one copy).  Every other type goes through the conversions of a
    numpy or pandas column of the same values: floats as float columns
    (refused for money and areas), decimals, strings and other values value by
    value, so that the same data gives the same awards on every path.
    """
    import pyarrow as pa

    t = data.type
    if pa.types.is_dictionary(t):
        if inp.type != ValueType.CHOICE:
            raise _dictionary_refused(measure, inp, f"dictionary-encoded ({t})")
        data = data.cast(t.value_type)  # the names, mapped to choices as a column of text is
        t = data.type
    if isinstance(data, pa.ChunkedArray):
        if data.num_chunks == 1:
            data = data.chunk(0)
        elif data.num_chunks == 0:
            data = pa.array([], type=t)
        else:
            data = pa.concat_arrays(data.chunks)
    n = len(data)
    nulls = data.null_count
    present = None
    if nulls:
        present = data.is_valid().to_numpy(zero_copy_only=False).astype(np.uint8)
    if pa.types.is_integer(t):
        values = (data.fill_null(0) if nulls else data).to_numpy(zero_copy_only=True)
        return _int_column(measure, inp, values, present, units)
    if pa.types.is_boolean(t):
        if inp.type != ValueType.FLAG:
            raise _bool_refused(measure, inp)
        values = (data.fill_null(False) if nulls else data).to_numpy(zero_copy_only=False)
        return _Column(values.astype(np.int64), present)
    if pa.types.is_floating(t):  # nulls become NaN: missing, as in a float column
        return _float_column(measure, inp, data.to_numpy(zero_copy_only=False))
    if pa.types.is_null(t):
        return _Column(np.zeros(n, dtype=np.int64), np.zeros(n, dtype=np.uint8))
    if (pa.types.is_decimal(t) or pa.types.is_string(t) or pa.types.is_large_string(t)
            or getattr(pa.types, "is_string_view", lambda _t: False)(t)):
        return _object_column(measure, inp, np.array(data.to_pylist() + [None], dtype=object)[:-1], units)
    raise _errors.TypeMismatch(f"{measure.id}: column '{inp.name}' has Arrow type {t}, which is not an input "
                               f"value (integers, decimals, text, bool for flags; see the batch documentation)",
                               code=_native.DGS_E_TYPE)


def _polars_column(measure: Measure, inp: Any, s: Any, units: str) -> _Column:
    """A polars Series as a column: an integer Series without nulls in one chunk is handed to
    the library as a view of its buffer (``to_numpy(allow_copy=False)``); several chunks are
    joined first (one copy); nulls are absent values; every other type is converted as the
    same values in a numpy or pandas column are (see :func:`_arrow_column`)."""
    import polars as pl

    dt = s.dtype
    nulls = s.null_count()
    present = s.is_not_null().to_numpy().astype(np.uint8) if nulls else None
    if dt.is_integer() and dt not in (getattr(pl, "Int128", None), getattr(pl, "UInt128", None)):
        if nulls:
            s = s.fill_null(0)
        if s.n_chunks() > 1:
            s = s.rechunk()
        return _int_column(measure, inp, s.to_numpy(allow_copy=False), present, units)
    if dt.is_integer():  # 128-bit integers, which numpy has not: Python ints, value by value
        return _object_column(measure, inp, np.array(s.to_list() + [None], dtype=object)[:-1], units)
    if dt == pl.Boolean:
        if inp.type != ValueType.FLAG:
            raise _bool_refused(measure, inp)
        return _Column(s.fill_null(False).to_numpy().astype(np.int64), present)
    if dt.is_float():  # nulls become NaN: missing, as in a float column
        return _float_column(measure, inp, s.to_numpy())
    if dt == pl.Null:
        return _Column(np.zeros(len(s), dtype=np.int64), np.zeros(len(s), dtype=np.uint8))
    if isinstance(dt, (pl.Categorical, pl.Enum)):
        if inp.type != ValueType.CHOICE:
            raise _dictionary_refused(measure, inp, f"categorical ({dt})")
        s = s.cast(pl.String)
        dt = s.dtype
    if dt == pl.String or isinstance(dt, pl.Decimal):
        return _object_column(measure, inp, np.array(s.to_list() + [None], dtype=object)[:-1], units)
    raise _errors.TypeMismatch(f"{measure.id}: column '{inp.name}' has polars type {dt}, which is not an input "
                               f"value (integers, decimals, text, Boolean for flags; see the batch documentation)",
                               code=_native.DGS_E_TYPE)


def _list_column(inp: Any, data: Union[list, tuple]) -> np.ndarray:
    """A Python list as a column.  Only a list of plain ints becomes an integer array (and, for
    counts, flags and choices, a list of plain ints and floats a float array): numpy would read
    ``[True, 5]`` as ``[1, 5]`` (a bool paid as one yuan) and ``[36, 36.5]`` of money as a
    float column; such lists are converted value by value instead, so that each value is
    judged on its own (and a bad one marks only its row)."""
    if all(type(v) is int for v in data):
        return np.asarray(data) if data else np.zeros(0, dtype=np.int64)
    if inp.type not in _SCALED and all(type(v) in (int, float) for v in data):
        return np.asarray(data, dtype=np.float64)
    arr = np.empty(len(data), dtype=object)
    for i, v in enumerate(data):
        arr[i] = v
    return arr


def _is_pandas(data: Any) -> bool:
    module = type(data).__module__ or ""
    return module.startswith("pandas") and hasattr(data, "dtype")


def _frame_columns(frame: Any) -> Tuple[List[Tuple[str, Any]], int, Any]:
    """(name, column) pairs, the row count and the index of a DataFrame or a mapping of arrays."""
    try:
        import pandas as pd
    except ImportError:  # pragma: no cover - pandas is optional
        pd = None
    if pd is not None and isinstance(frame, pd.DataFrame):
        names = list(frame.columns)
        if len(set(names)) != len(names):
            raise _errors.InvalidArgument("the DataFrame has duplicate column names",
                                          code=_native.DGS_E_INVALID_ARGUMENT)
        return [(n, frame[n]) for n in names], len(frame.index), frame.index
    if _is_arrow(frame) and hasattr(frame, "column_names") and hasattr(frame, "columns"):
        # A pyarrow Table (ChunkedArray columns) or RecordBatch (Array columns).
        names = list(frame.column_names)
        if len(set(names)) != len(names):
            raise _errors.InvalidArgument("the Arrow table has duplicate column names",
                                          code=_native.DGS_E_INVALID_ARGUMENT)
        return list(zip(names, frame.columns)), frame.num_rows, None
    if _is_polars(frame) and type(frame).__name__ == "LazyFrame":
        raise _errors.TypeMismatch("a polars LazyFrame is a query, not data: collect() it first")
    if _is_polars(frame) and hasattr(frame, "get_columns"):
        return [(s.name, s) for s in frame.get_columns()], frame.height, None
    if isinstance(frame, _MappingABC):
        cols = list(frame.items())
        rows = None
        for name, col in cols:
            try:
                n = len(col)
            except TypeError:
                raise _errors.TypeMismatch(f"column {name!r} is a {type(col).__name__}, not a column of values") \
                    from None
            if rows is None:
                rows = n
            elif n != rows:
                raise _errors.InvalidArgument(
                    f"column '{name}' has {n} values, the others {rows}", code=_native.DGS_E_INVALID_ARGUMENT)
        # pandas Series in a dict are read by position: with different indexes their rows would
        # be paired wrongly (a DataFrame aligns them by index; a dict does not).
        index = None
        for name, col in cols:
            if pd is not None and isinstance(col, pd.Series):
                if index is None:
                    index, first = col.index, name
                elif not col.index.equals(index):
                    raise _errors.InvalidArgument(
                        f"the Series '{first}' and '{name}' have different indexes, so their rows would be "
                        f"paired by position, not by index: build a DataFrame (pd.DataFrame(columns) aligns "
                        f"them) or reset their indexes", code=_native.DGS_E_INVALID_ARGUMENT)
        return cols, rows or 0, index
    raise _errors.TypeMismatch(
        f"a batch is a pandas DataFrame, a pyarrow Table or RecordBatch, a polars DataFrame or a dict of "
        f"arrays, not {type(frame).__name__}")


class _Prepared:
    """A frame's columns converted once for the library: names, int64 columns, presence masks,
    and the rows whose values could not be converted (marked invalid after each run)."""

    __slots__ = ("names", "columns", "present", "rows", "index", "bad", "bad_error")

    def __init__(self, names: List[str], columns: List[np.ndarray], present: List[Optional[np.ndarray]],
                 rows: int, index: Any, bad: Optional[np.ndarray], bad_error: Optional[_errors.Error]) -> None:
        self.names = names
        self.columns = columns
        self.present = present
        self.rows = rows
        self.index = index
        self.bad = bad
        self.bad_error = bad_error


def thread_count(threads: Optional[int], rows: int) -> int:
    """How many threads a batch of ``rows`` rows runs on: ``threads`` (None: the available cores),
    but one below :data:`PARALLEL_MIN_ROWS` rows, and never a range under half of that."""
    if threads is None:
        threads = available_cores()
    elif is_bool(threads) or not isinstance(threads, (int, np.integer)) or threads < 1:
        raise _errors.InvalidArgument(f"threads must be a whole number of at least 1 (or None for the "
                                      f"available cores), not {threads!r}", code=_native.DGS_E_INVALID_ARGUMENT)
    if rows < PARALLEL_MIN_ROWS:
        return 1
    return max(1, min(int(threads), rows // (PARALLEL_MIN_ROWS // 2)))


def _outputs(rows: int, details: bool) -> Tuple[np.ndarray, np.ndarray, Optional[np.ndarray], Optional[np.ndarray]]:
    """Fresh output arrays of a batch: awards, outcomes and, with details, bindings and reasons."""
    return (np.empty(rows, dtype=np.int64), np.empty(rows, dtype=np.int32),
            np.empty(rows, dtype=np.int32) if details else None, np.empty(rows, dtype=np.int32) if details else None)


def _run(measure: Measure, day: str, prep: _Prepared, threads: Optional[int], details: bool = True,
         out: Optional[Tuple[np.ndarray, np.ndarray, Optional[np.ndarray], Optional[np.ndarray]]] = None) -> Tuple[
        np.ndarray, np.ndarray, Optional[np.ndarray], Optional[np.ndarray], Optional[_errors.Error]]:
    """Runs the library's batch over prepared columns, split into row ranges across threads (the
    GIL is released in each call); the outputs are those of one call over every row.  ``out``:
    output arrays to fill again (from :func:`_outputs`), so that runs over the same rows do not
    each touch fresh memory."""
    rows = prep.rows
    awards, outcomes, bindings, reasons = out if out is not None else _outputs(rows, details)
    n = thread_count(threads, rows)
    bounds = [rows * k // n for k in range(n + 1)]

    def part(k: int) -> Tuple[int, int, str]:
        return _native.dgspy_evaluate_batch_detail(measure._ptr, day, rows, prep.names, prep.columns,
                                                   prep.present, bounds[k], bounds[k + 1], awards, outcomes,
                                                   bindings, reasons)

    if n == 1:
        results = [part(0)]
    else:
        with ThreadPoolExecutor(max_workers=n - 1) as pool:
            rest = [pool.submit(part, k) for k in range(1, n)]
            results = [part(0)] + [f.result() for f in rest]
    error: Optional[_errors.Error] = None
    for code, row, message in results:  # in row order: the first failing range has the first invalid row
        if code != 0:
            if code in _BEFORE_ROWS:
                raise _errors.from_code(code, message)
            error = _errors.from_code(code, message, row=row)
            error.row = row
            break
    if prep.bad is not None and prep.bad_error is not None:
        awards[prep.bad] = 0
        outcomes[prep.bad] = Outcome.INVALID
        if bindings is not None and reasons is not None:
            bindings[prep.bad] = -1
            reasons[prep.bad] = _native.DGS_REASON_INVALID
        if error is None or (prep.bad_error.row or 0) < (error.row or 0):
            error = prep.bad_error
    return awards, outcomes, bindings, reasons, error


def evaluate_batch(measure: Measure, frame: Any, date: DateLike, *, errors: str = "raise",
                   extra: str = "raise", units: str = "yuan", threads: Optional[int] = None,
                   details: bool = True) -> BatchResult:
    """Evaluates ``measure`` over every row of ``frame``; see :meth:`Ruleset.evaluate_batch`."""
    _check_modes(errors, extra, units)
    if not isinstance(details, (bool, np.bool_)):
        raise _errors.TypeMismatch(f"details must be True or False, not {details!r}")
    day = _batch_date(measure, date)
    thread_count(threads, 0)  # a bad value is refused whatever the size of the batch
    prep = prepare(measure, frame, extra=extra, units=units)
    awards, outcomes, bindings, reasons, error = _run(measure, day, prep, threads, bool(details))
    result = BatchResult(measure, day, awards, outcomes, prep.index, error, bindings, reasons)
    if error is not None and errors == "raise":
        error.batch = result  # type: ignore[attr-defined]
        raise error
    return result


def _check_modes(errors: str, extra: str, units: str) -> None:
    if units not in _UNITS:
        raise _errors.InvalidArgument(
            f"units must be 'yuan' (integers are yuan and m², as everywhere else) or 'base' (integers "
            f"are fen and hundredths of m²), not {units!r}", code=_native.DGS_E_INVALID_ARGUMENT)
    if errors not in ("raise", "mark"):
        raise _errors.InvalidArgument(f"errors must be 'raise' or 'mark', not {errors!r}",
                                      code=_native.DGS_E_INVALID_ARGUMENT)
    if extra not in ("raise", "ignore"):
        raise _errors.InvalidArgument(f"extra must be 'raise' or 'ignore', not {extra!r}",
                                      code=_native.DGS_E_INVALID_ARGUMENT)


def _batch_date(measure: Measure, date: DateLike) -> str:
    if date is None:
        raise _errors.MissingInput(f"{measure.id}: the date of the batch is required",
                                   code=_native.DGS_E_MISSING_INPUT)
    return iso_date(date)


def prepare(measure: Measure, frame: Any, *, extra: str = "raise", units: str = "yuan") -> _Prepared:
    """Converts ``frame``'s columns for ``measure`` once (for several runs over the same rows)."""
    cols, rows, index = _frame_columns(frame)
    inputs = measure.inputs

    names: List[str] = []
    columns: List[np.ndarray] = []
    present: List[Optional[np.ndarray]] = []
    bad = None
    bad_error: Optional[_errors.Error] = None
    for name, data in cols:
        if not isinstance(name, str):
            if extra == "ignore":
                continue
            raise _errors.UnknownInput(f"{measure.id}: column name {name!r} is not an input name",
                                       code=_native.DGS_E_UNKNOWN_INPUT)
        inp = inputs.get(name)
        if inp is None and name.startswith("condition.") and name[len("condition."):] in measure.conditions:
            # A condition declared per row: True/1 met, False/0 not met, missing assumed.
            inp = _ConditionColumn(name)
        if inp is None:
            if extra == "ignore":
                continue
            c_string(name, f"{measure.id}: column name")
            if name == "date":
                raise _errors.NotSupported(
                    f"{measure.id}: a batch has one date (the date argument); split the rows by date "
                    f"or pass extra='ignore'", code=_native.DGS_E_NOT_SUPPORTED)
            if re.fullmatch(r"Unnamed: \d+", name):
                raise _errors.UnknownInput(
                    f"{measure.id}: column '{name}' has no name in the file: it is the index pandas writes "
                    f"with df.to_csv(); write the file with df.to_csv(path, index=False), or read it with "
                    f"pd.read_csv(path, index_col=0)", code=_native.DGS_E_UNKNOWN_INPUT)
            # The library names the measure and lists its inputs.
            names.append(name)
            columns.append(np.zeros(rows, dtype=np.int64))
            present.append(None)
            continue
        if inp.type == ValueType.MONEY_LIST:
            names.append(name)  # the library refuses list inputs (NotSupported) with its message
            columns.append(np.zeros(rows, dtype=np.int64))
            present.append(None)
            continue
        if _is_pandas(data):
            col = _pandas_column(measure, inp, data, units)
        elif _is_arrow(data) and hasattr(data, "type"):
            col = _arrow_column(measure, inp, data, units)
        elif _is_polars(data) and hasattr(data, "dtype"):
            col = _polars_column(measure, inp, data, units)
        else:
            col = None
        if col is None:
            if isinstance(data, (str, bytes)):
                raise _errors.TypeMismatch(f"{measure.id}: column '{name}' is a single {type(data).__name__}, "
                                           f"not a column of values")
            try:
                if isinstance(data, np.ndarray):
                    arr = data
                elif isinstance(data, (list, tuple)):
                    arr = _list_column(inp, data)
                else:
                    arr = np.asarray(data.to_numpy() if hasattr(data, "to_numpy") else data)
            except (ValueError, TypeError) as e:
                raise _errors.InvalidArgument(f"{measure.id}: column '{name}' is not a column of values ({e})",
                                              code=_native.DGS_E_INVALID_ARGUMENT) from None
            if arr.dtype.kind == "O" and len(arr) != rows:  # e.g. ragged lists
                raise _errors.InvalidArgument(f"{measure.id}: column '{name}' has {len(arr)} values, "
                                              f"not {rows}", code=_native.DGS_E_INVALID_ARGUMENT)
            col = _numpy_column(measure, inp, arr, units)
        if len(col.values) != rows:
            raise _errors.InvalidArgument(f"{measure.id}: column '{name}' has {len(col.values)} values, "
                                          f"not {rows}", code=_native.DGS_E_INVALID_ARGUMENT)
        if col.bad is not None and col.bad_error is not None:
            # Values that could not be converted: their rows are marked invalid after the call.
            bad = col.bad if bad is None else (bad | col.bad)
            if bad_error is None or (col.bad_error.row or 0) < (bad_error.row or 0):
                bad_error = col.bad_error
        names.append(name)
        columns.append(col.values)
        present.append(col.present)

    return _Prepared(names, columns, present, rows, index, bad, bad_error)
