"""Batch evaluation: one measure over columns of inputs, with one call into the library.

The fast path hands int64 columns (and uint8 presence masks) to
``dgs_evaluate_batch`` through the buffer protocol: no Python work per row.
Columns in the library's base units take it:

===========  ==================================================================
input type   column
===========  ==================================================================
money        int64 **fen** (nullable ``Int64`` for missing values).  A column
             of Decimal / int yuan / decimal strings (object dtype) is
             converted exactly, value by value (slower).  A float column is
             refused: money is never a float.
area         int64 hundredths of m² (or Decimal / strings of m², value by value)
count        integers (a float column of whole numbers, NaN = missing, is accepted)
flag         bool, 0/1 (nullable ``boolean``/``Int64`` for missing values)
choice       the choice's index, or its name (str / categorical columns)
===========  ==================================================================
"""

from __future__ import annotations

import datetime as _dt
import html
from collections.abc import Mapping as _MappingABC
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Dict, Iterator, List, Optional, Sequence, Tuple, Union, overload

import numpy as np

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

from . import _errors, _native
from ._api import Measure, Outcome, ValueType
from ._money import INT64_MAX, DateLike, c_string, from_fen, iso_date, to_fen, to_int64, to_scaled

__all__ = ["BatchResult", "DecimalView", "evaluate_batch"]

# Errors dgs_evaluate_batch reports before writing any row.
_BEFORE_ROWS = {_native.DGS_E_INVALID_ARGUMENT, _native.DGS_E_NOMEM, _native.DGS_E_UNKNOWN_INPUT,
                _native.DGS_E_DATE, _native.DGS_E_NOT_SUPPORTED}

_OUTCOME_NAMES = np.array(["invalid", "granted", "ineligible", "not_in_force", "unspecified",
                           "not_computable", "up_to", "governed_elsewhere"], dtype=object)


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
    - ``awards``: the same as Decimal yuan (a lazy :class:`DecimalView`);
    - ``outcome_codes``: numpy int32 array of :class:`Outcome` codes
      (``batch.outcome_codes == Outcome.GRANTED`` works);
    - ``outcomes``: the outcome names ("granted", …) as an object array;
    - ``error``: the first invalid row's error (an :class:`Error` whose
      ``row`` says which), or None;
    - ``to_frame()``: a pandas DataFrame with the input frame's index.
    """

    def __init__(self, measure: Measure, date: str, award_fen: np.ndarray, outcome_codes: np.ndarray,
                 index: Any = None, error: Optional[_errors.Error] = None) -> None:
        self.measure = measure
        self.measure_id = measure.id
        self.date = _dt.date.fromisoformat(date)
        self.award_fen = award_fen
        self.outcome_codes = outcome_codes
        self.index = index
        self.error = error
        self.award_fen.setflags(write=False)
        self.outcome_codes.setflags(write=False)

    def __len__(self) -> int:
        return len(self.award_fen)

    @property
    def awards(self) -> DecimalView:
        """The awards as Decimal yuan (converted when read)."""
        return DecimalView(self.award_fen)

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

    def outcome_counts(self) -> Dict[Outcome, int]:
        """How many rows had each outcome."""
        counts = np.bincount(self.outcome_codes.astype(np.intp) + 1, minlength=len(_OUTCOME_NAMES))
        return {Outcome(code - 1): int(n) for code, n in enumerate(counts) if n}

    @property
    def total_fen(self) -> int:
        """The exact sum of the awards granted, in fen (a ceiling still to be assessed, outcome
        ``up_to``, is not a payment and is not counted)."""
        return _exact_sum(np.where(self.outcome_codes == Outcome.GRANTED, self.award_fen, 0))

    @property
    def total(self) -> Decimal:
        """The exact sum of the awards granted, in yuan."""
        return from_fen(self.total_fen)

    def to_frame(self, *, decimal: bool = False) -> "pd.DataFrame":
        """A pandas DataFrame: ``award_fen`` (int64), ``outcome`` (categorical) and, with
        ``decimal=True``, ``award`` (Decimal yuan objects; one conversion per row)."""
        import pandas as pd

        cols: Dict[str, Any] = {"award_fen": self.award_fen}
        if decimal:
            cols["award"] = np.array(list(self.awards), dtype=object)
        cols["outcome"] = pd.Categorical.from_codes(
            self.outcome_codes.astype(np.intp) + 1, categories=list(_OUTCOME_NAMES))
        return pd.DataFrame(cols, index=self.index)

    def __repr__(self) -> str:
        counts = ", ".join(f"{o}: {n}" for o, n in self.outcome_counts().items())
        return (f"<BatchResult {self.measure_id} {self.date}: {len(self)} rows ({counts}), "
                f"total CNY {self.total:,}>")

    def _repr_html_(self) -> str:
        e = html.escape
        rows = "".join(f"<tr><td>{e(str(o))}</td><td style='text-align:right'>{n:,}</td></tr>"
                       for o, n in self.outcome_counts().items())
        err = f"<br>first error: {e(str(self.error))}" if self.error else ""
        return (f"<div><b>{e(self.measure_id)}</b> · {e(str(self.date))} · {len(self):,} rows · "
                f"total <b>CNY {self.total:,}</b>{err}<table><tr><th>outcome</th><th>rows</th></tr>"
                f"{rows}</table></div>")


# --------------------------------------------------------------------------- columns


class _Column:
    __slots__ = ("values", "present", "bad", "bad_error")

    def __init__(self, values: np.ndarray, present: Optional[np.ndarray] = None,
                 bad: Optional[np.ndarray] = None, bad_error: Optional[_errors.Error] = None) -> None:
        self.values = values
        self.present = present
        self.bad = bad  # rows whose value could not be converted (marked invalid)
        self.bad_error = bad_error


def _is_missing(v: Any) -> bool:
    """None, a float NaN, pandas' NA and NaT mark a missing value (a Decimal NaN is an invalid one)."""
    if v is None:
        return True
    if isinstance(v, float):
        return v != v
    return type(v).__name__ in ("NAType", "NaTType")


def _convert_value(inp, v: Any, what: str) -> int:
    t = inp.type
    if t == ValueType.MONEY:
        return to_fen(v, what)
    if t == ValueType.AREA:
        return to_scaled(v, what, unit="m2", scale=2)
    if t == ValueType.CHOICE:
        if isinstance(v, str):
            try:
                return inp.choices.index(v)
            except ValueError:
                raise _errors.InvalidChoice(
                    f"{what}: '{v[:40]}' is not one of the choices ({', '.join(inp.choices)})",
                    code=_native.DGS_E_CHOICE) from None
        return to_int64(v, what)
    if t == ValueType.FLAG and isinstance(v, (bool, np.bool_)):
        return int(bool(v))
    if isinstance(v, (bool, np.bool_)):
        raise _errors.TypeMismatch(f"{what}: {v!r} is a bool; pass a whole number (int)")
    return to_int64(v, what)


def _object_column(measure: Measure, inp, arr: np.ndarray) -> _Column:
    """Converts an object column value by value (the explicit, slower path)."""
    n = len(arr)
    values = np.zeros(n, dtype=np.int64)
    present = np.ones(n, dtype=np.uint8)
    bad = None
    bad_error = None
    for i, v in enumerate(arr.tolist()):
        if _is_missing(v):
            present[i] = 0
            continue
        try:
            values[i] = _convert_value(inp, v, f"{measure.id}: row {i}: {inp.name}")
        except _errors.TypeMismatch:
            raise
        except _errors.Error as e:
            if bad is None:
                bad = np.zeros(n, dtype=bool)
                e.row = i
                bad_error = e
            bad[i] = True
    return _Column(values, present if not present.all() else None, bad, bad_error)


def _choice_names(measure: Measure, inp, arr: np.ndarray) -> _Column:
    """A column of choice names (str or categorical values) as indices, vectorised."""
    uniques, inverse = np.unique(arr.astype(str), return_inverse=True)
    lookup = np.empty(len(uniques), dtype=np.int64)
    bad = None
    bad_error = None
    for k, name in enumerate(uniques.tolist()):
        if name in inp.choices:
            lookup[k] = inp.choices.index(name)
        else:
            lookup[k] = 0
            rows = np.flatnonzero(inverse == k)
            if bad is None:
                bad = np.zeros(len(arr), dtype=bool)
            bad[rows] = True
            first = int(rows[0])
            if bad_error is None or first < (bad_error.row or 0):
                bad_error = _errors.InvalidChoice(
                    f"{measure.id}: row {first}: '{name[:40]}' is not a choice of '{inp.name}' "
                    f"({', '.join(inp.choices)})", code=_native.DGS_E_CHOICE, row=first)
    return _Column(lookup[inverse.reshape(-1)], None, bad, bad_error)


def _float_column(measure: Measure, inp, arr: np.ndarray) -> _Column:
    if inp.type in (ValueType.MONEY, ValueType.AREA, ValueType.MONEY_LIST):
        unit = "fen" if inp.type == ValueType.MONEY else "hundredths of m²"
        raise _errors.TypeMismatch(
            f"{measure.id}: column '{inp.name}' is {arr.dtype}: binary floating point cannot hold "
            f"amounts exactly. Give int64 {unit} (a nullable Int64 column for missing values), "
            f"or a column of Decimal objects")
    missing = np.isnan(arr)
    ok = ~missing
    vals = arr[ok]
    if not np.all(np.isfinite(vals)) or not np.all(vals == np.floor(vals)) or \
            (vals.size and (vals.max() >= 2.0**63 or vals.min() < -(2.0**63))):
        raise _errors.InvalidValue(
            f"{measure.id}: column '{inp.name}' ({arr.dtype}) holds values that are not whole numbers "
            f"in the int64 range", code=_native.DGS_E_VALUE)
    values = np.where(missing, 0, arr).astype(np.int64)
    return _Column(values, ok.astype(np.uint8) if missing.any() else None)


def _numpy_column(measure: Measure, inp, arr: np.ndarray) -> _Column:
    if arr.ndim != 1:
        raise _errors.InvalidArgument(f"{measure.id}: column '{inp.name}' must be one-dimensional",
                                      code=_native.DGS_E_INVALID_ARGUMENT)
    kind = arr.dtype.kind
    if kind == "i":
        return _Column(np.ascontiguousarray(arr, dtype=np.int64))
    if kind == "u":
        if arr.size and int(arr.max()) > INT64_MAX:
            raise _errors.Overflow(f"{measure.id}: column '{inp.name}' holds values beyond int64",
                                   code=_native.DGS_E_OVERFLOW)
        return _Column(np.ascontiguousarray(arr, dtype=np.int64))
    if kind == "b":
        if inp.type in (ValueType.MONEY, ValueType.AREA):
            raise _errors.TypeMismatch(f"{measure.id}: column '{inp.name}' is bool; "
                                       f"{inp.type} is given as int64")
        return _Column(np.ascontiguousarray(arr, dtype=np.int64))
    if kind == "f":
        return _float_column(measure, inp, arr)
    if kind in "US" and inp.type == ValueType.CHOICE:
        return _choice_names(measure, inp, arr)
    if kind in "OUS":
        return _object_column(measure, inp, arr.astype(object) if kind != "O" else arr)
    raise _errors.TypeMismatch(f"{measure.id}: column '{inp.name}' has dtype {arr.dtype}, "
                               f"which is not an input value (see the batch documentation)")


def _pandas_column(measure: Measure, inp, s: Any) -> Optional[_Column]:
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
            if cats.dtype.kind in "iu":
                lookup = _Column(np.ascontiguousarray(cats, dtype=np.int64))
            else:
                lookup = _choice_names(measure, inp, cats.astype(str)) if len(cats) else _Column(
                    np.zeros(0, np.int64))
            safe = np.where(missing, 0, codes)
            values = lookup.values[safe] if len(cats) else np.zeros(len(codes), np.int64)
            bad = None
            bad_error = None
            if lookup.bad is not None:
                bad = lookup.bad[safe] & ~missing
                if bad.any():
                    first = int(np.flatnonzero(bad)[0])
                    bad_error = _errors.InvalidChoice(
                        f"{measure.id}: row {first}: '{str(cats[safe[first]])[:40]}' is not a choice of "
                        f"'{inp.name}' ({', '.join(inp.choices)})", code=_native.DGS_E_CHOICE, row=first)
                else:
                    bad = None
            return _Column(np.ascontiguousarray(values, dtype=np.int64),
                           (~missing).astype(np.uint8) if missing.any() else None, bad, bad_error)
        return _object_column(measure, inp, s.astype(object).to_numpy())
    if isinstance(dtype, pd.api.extensions.ExtensionDtype) and not isinstance(dtype, np.dtype):
        kind = getattr(dtype, "kind", "O")
        if kind in "iub":
            if inp.type in (ValueType.MONEY, ValueType.AREA) and kind == "b":
                raise _errors.TypeMismatch(f"{measure.id}: column '{inp.name}' is boolean; "
                                           f"{inp.type} is given as int64")
            missing = s.isna().to_numpy()
            if kind == "u":
                top = s.max(skipna=True)
                if top is not pd.NA and not (isinstance(top, float) and top != top) and int(top) > INT64_MAX:
                    raise _errors.Overflow(f"{measure.id}: column '{inp.name}' holds values beyond int64",
                                           code=_native.DGS_E_OVERFLOW)
            values = s.to_numpy(dtype=np.int64, na_value=0)
            return _Column(np.ascontiguousarray(values, dtype=np.int64),
                           (~missing).astype(np.uint8) if missing.any() else None)
        if kind == "f":
            missing = s.isna().to_numpy()
            return _float_column(measure, inp, s.to_numpy(dtype=np.float64, na_value=np.nan))
        return _object_column(measure, inp, s.to_numpy(dtype=object))
    return None


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
        return cols, rows or 0, None
    raise _errors.TypeMismatch(
        f"a batch is a pandas DataFrame or a dict of arrays, not {type(frame).__name__}")


def evaluate_batch(measure: Measure, frame: Any, date: DateLike, *, errors: str = "raise",
                   extra: str = "raise") -> BatchResult:
    """Evaluates ``measure`` over every row of ``frame``; see :meth:`Ruleset.evaluate_batch`."""
    if errors not in ("raise", "mark"):
        raise _errors.InvalidArgument(f"errors must be 'raise' or 'mark', not {errors!r}",
                                      code=_native.DGS_E_INVALID_ARGUMENT)
    if extra not in ("raise", "ignore"):
        raise _errors.InvalidArgument(f"extra must be 'raise' or 'ignore', not {extra!r}",
                                      code=_native.DGS_E_INVALID_ARGUMENT)
    if date is None:
        raise _errors.MissingInput(f"{measure.id}: the date of the batch is required",
                                   code=_native.DGS_E_MISSING_INPUT)
    day = iso_date(date)
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
        if inp is None:
            if extra == "ignore":
                continue
            c_string(name, f"{measure.id}: column name")
            if name == "date":
                raise _errors.NotSupported(
                    f"{measure.id}: a batch has one date (the date argument); split the rows by date "
                    f"or pass extra='ignore'", code=_native.DGS_E_NOT_SUPPORTED)
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
        col = _pandas_column(measure, inp, data) if _is_pandas(data) else None
        if col is None:
            if isinstance(data, (str, bytes)):
                raise _errors.TypeMismatch(f"{measure.id}: column '{name}' is a single {type(data).__name__}, "
                                           f"not a column of values")
            try:
                arr = data if isinstance(data, np.ndarray) else np.asarray(
                    data.to_numpy() if hasattr(data, "to_numpy") else data)
            except (ValueError, TypeError) as e:
                raise _errors.InvalidArgument(f"{measure.id}: column '{name}' is not a column of values ({e})",
                                              code=_native.DGS_E_INVALID_ARGUMENT) from None
            if arr.dtype.kind == "O" and len(arr) != rows:  # e.g. ragged lists
                raise _errors.InvalidArgument(f"{measure.id}: column '{name}' has {len(arr)} values, "
                                              f"not {rows}", code=_native.DGS_E_INVALID_ARGUMENT)
            col = _numpy_column(measure, inp, arr)
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

    awards = np.empty(rows, dtype=np.int64)
    outcomes = np.empty(rows, dtype=np.int32)
    code, row, message = _native.dgspy_evaluate_batch(measure._ptr, day, rows, names, columns, present,
                                                      awards, outcomes)
    error: Optional[_errors.Error] = None
    if code != 0:
        if code in _BEFORE_ROWS:
            raise _errors.from_code(code, message)
        error = _errors.from_code(code, message, row=row)
        error.row = row
    if bad is not None and bad_error is not None:
        awards[bad] = 0
        outcomes[bad] = Outcome.INVALID
        if error is None or (bad_error.row or 0) < (error.row or 0):
            error = bad_error
    result = BatchResult(measure, day, awards, outcomes, index, error)
    if error is not None and errors == "raise":
        error.batch = result  # type: ignore[attr-defined]
        raise error
    return result
