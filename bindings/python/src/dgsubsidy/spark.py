# SPDX-License-Identifier: MulanPSL-2.0
"""Batches over Spark DataFrames: every partition evaluated where it lives.

:func:`evaluate_batch` maps the DataFrame's partitions through Arrow
(``DataFrame.mapInArrow``): each Arrow record batch that Spark hands to an
executor's Python worker is evaluated by :func:`dgsubsidy.Measure.evaluate_batch`
over its Arrow columns (int64 columns without nulls reach the library without a
copy), and the results come back as a Spark DataFrame: the columns named in
``keep`` (an applicant's id, …) unchanged, then

- ``award``: ``DecimalType(20, 2)`` yuan, exact (``award="fen"``: ``award_fen``,
  ``LongType`` fen); a measure whose unit is not money (places) gives ``award``
  as ``LongType`` of its unit;
- ``outcome``: the outcome's name ("granted", "ineligible", …, "invalid");
- ``binding``: the constraint that set the amount (null where none did);
- ``reason``: the kind of reason ("none" for a grant, "below_minimum", …).

Arrow keeps what pandas would lose: a nullable ``LongType`` column stays int64
with nulls (absent values) instead of becoming float64, and a ``DecimalType``
column stays exact.  The ruleset travels to the executors pickled, as the
guideline chain that derived it; each worker process builds it again once.
Every executor needs ``dgsubsidy`` (and pyarrow) installed.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any, Dict, Iterable, Iterator, List, Optional, Sequence, Tuple, Union

import numpy as np

from . import _errors, _native
from ._api import Measure, Ruleset
from ._batch import _OUTCOME_NAMES, REASON_NAMES, _batch_date, _check_modes, binding_names
from ._batch import evaluate_batch as _evaluate_batch
from ._money import DateLike

if TYPE_CHECKING:  # pragma: no cover
    import pyarrow as pa
    from pyspark.sql import DataFrame

__all__ = ["evaluate_batch"]

_AWARDS = ("yuan", "fen")


def _decimal_yuan(fen: np.ndarray) -> "pa.Array":
    """Fen as an Arrow decimal128(20, 2) of yuan, exactly: the decimal's unscaled integer is the
    fen (every int64 fits in 20 digits), written as 128-bit two's complement words."""
    import pyarrow as pa

    fen = np.ascontiguousarray(fen, dtype=np.int64)
    if sys.byteorder != "little":  # pragma: no cover - the wheels are built for little-endian machines
        from ._money import from_fen

        return pa.array([from_fen(v) for v in fen.tolist()], pa.decimal128(20, 2))
    words = np.empty((len(fen), 2), dtype=np.int64)
    words[:, 0] = fen
    words[:, 1] = fen >> 63
    return pa.Array.from_buffers(pa.decimal128(20, 2), len(fen), [None, pa.py_buffer(words)])


def _names(codes: np.ndarray, names: Sequence[str]) -> "pa.Array":
    """int32 codes (-1: none) as an Arrow array of names (null for -1), taken in Arrow's own
    loop from the few names."""
    import pyarrow as pa

    codes = np.asarray(codes, dtype=np.int32)
    missing = codes < 0
    indices = pa.array(codes, pa.int32(), mask=missing) if missing.any() else pa.array(codes, pa.int32())
    return pa.array(list(names), pa.string()).take(indices)


class _BatchJob:
    """What one Arrow record batch of a partition becomes: the batch of one measure at one date.
    Picklable (the ruleset pickles as its guideline chain); the measure is looked up once per
    worker process."""

    def __init__(self, ruleset: Ruleset, measure_id: str, day: str, units: str, extra: str, errors: str,
                 award: str, threads: int) -> None:
        self.ruleset = ruleset
        self.measure_id = measure_id
        self.day = day
        self.units = units
        self.extra = extra
        self.errors = errors
        self.award = award
        self.threads = threads
        self._measure: Optional[Measure] = None

    def __getstate__(self) -> Dict[str, Any]:
        state = dict(self.__dict__)
        state["_measure"] = None
        return state

    def measure(self) -> Measure:
        if self._measure is None:
            self._measure = self.ruleset.measure(self.measure_id)
        return self._measure

    def fields(self) -> List[Tuple[str, Any]]:
        """The output columns: (name, Spark data type)."""
        from pyspark.sql.types import DecimalType, LongType, StringType

        m = self.measure()
        if not m.is_money:
            award = [("award", LongType())]
        elif self.award == "fen":
            award = [("award_fen", LongType())]
        else:
            award = [("award", DecimalType(20, 2))]
        return award + [("outcome", StringType()), ("binding", StringType()), ("reason", StringType())]

    def __call__(self, columns: Dict[str, Any]) -> List["pa.Array"]:
        import pyarrow as pa

        m = self.measure()
        batch = _evaluate_batch(m, columns, self.day, errors=self.errors, extra=self.extra, units=self.units,
                                threads=self.threads, details=True)
        fen = batch.award_fen
        award = _decimal_yuan(fen) if m.is_money and self.award == "yuan" else pa.array(fen, pa.int64())
        return [award, _names(batch.outcome_codes + 1, list(_OUTCOME_NAMES)), _names(batch.binding_codes, binding_names(m)),
                _names(batch.reason_codes, REASON_NAMES)]


class _Mapper:
    """The function ``mapInArrow`` runs on the executors: for each record batch, the columns of
    ``keep`` unchanged and the job's outputs over the other columns."""

    def __init__(self, job: Any, keep: Sequence[str], inputs: Sequence[str], schema: "pa.Schema") -> None:
        self.job = job
        self.keep = list(keep)
        self.inputs = list(inputs)
        self.schema = schema

    def __call__(self, batches: Iterable["pa.RecordBatch"]) -> Iterator["pa.RecordBatch"]:
        import pyarrow as pa

        for rb in batches:
            columns = {name: rb.column(name) for name in self.inputs}
            outputs = self.job(columns)
            kept = []
            for k, name in enumerate(self.keep):
                column = rb.column(name)
                want = self.schema.field(k).type
                kept.append(column if column.type == want else column.cast(want))  # e.g. large_string
            yield pa.RecordBatch.from_arrays(kept + outputs, schema=self.schema)


def _map(df: "DataFrame", job: Any, keep: Sequence[str], inputs: Sequence[str]) -> "DataFrame":
    """Runs ``job`` (whose ``fields()`` name its outputs and their Spark types) over every
    partition of ``df``; the columns of ``keep`` are carried through with their types, those of
    ``inputs`` are the job's inputs."""
    from pyspark.sql.types import StructField, StructType

    by_name = {f.name: f for f in df.schema.fields}
    fields = [by_name[name] for name in keep]
    clash = [name for name, _type in job.fields() if name in keep]
    if clash:
        raise _errors.InvalidArgument(f"keep: column '{clash[0]}' has the name of an output column "
                                      f"({', '.join(n for n, _t in job.fields())}); rename it first",
                                      code=_native.DGS_E_INVALID_ARGUMENT)
    fields += [StructField(name, spark_type, True) for name, spark_type in job.fields()]
    schema = StructType(fields)
    return df.mapInArrow(_Mapper(job, keep, inputs, _arrow_schema(schema)), schema)


def _arrow_schema(schema: Any) -> "pa.Schema":
    from pyspark.sql.pandas.types import to_arrow_schema

    return to_arrow_schema(schema)


def evaluate_batch(df: "DataFrame", measure: Union[str, Measure], date: DateLike, *,
                   guideline: Any = None, ruleset: Optional[Ruleset] = None, keep: Sequence[str] = (),
                   units: str = "yuan", extra: str = "raise", errors: str = "raise", award: str = "yuan",
                   threads: int = 1) -> "DataFrame":
    """Evaluates ``measure`` at ``date`` over every row of the Spark DataFrame ``df``, partition
    by partition on the executors; returns a Spark DataFrame of one row per input row, in the
    partitions' order: the columns of ``keep``, then ``award`` (``DecimalType(20, 2)`` yuan) or
    ``award_fen`` (``LongType``, with ``award="fen"``), ``outcome``, ``binding`` and ``reason``.

    ``ruleset``: the rules (default: the built-in ruleset); ``guideline``: a guideline (path,
    dict or bytes, read here on the driver) applied to it.  The columns of ``df`` that are not in
    ``keep``, and those in ``keep`` that are inputs or conditions of the measure, are its inputs, read exactly as :meth:`Measure.evaluate_batch` reads
    Arrow columns (``units``, ``extra`` and ``errors`` as there).  What is wrong with a whole
    column (an unknown name, a DoubleType column of money, a type that is not an input value) is
    refused here, before any job runs.  With ``errors="raise"`` (the default) the first invalid
    row stops the job with its error (its row counted within the record batch Spark handed to
    the worker); ``errors="mark"`` returns invalid rows with outcome "invalid" and award 0.

    ``threads``: threads per task (1: Spark already runs a task per core).
    """
    try:
        from pyspark.sql import DataFrame
    except ImportError:  # pragma: no cover - optional
        raise _errors.NotSupported("dgsubsidy.spark needs pyspark (pip install pyspark pyarrow)",
                                   code=_native.DGS_E_NOT_SUPPORTED) from None
    if not isinstance(df, DataFrame):
        raise _errors.TypeMismatch(f"df must be a Spark DataFrame, not {type(df).__name__}")
    _check_modes(errors, extra, units)
    if award not in _AWARDS:
        raise _errors.InvalidArgument(f"award must be 'yuan' (DecimalType(20, 2) yuan) or 'fen' (LongType fen), "
                                      f"not {award!r}", code=_native.DGS_E_INVALID_ARGUMENT)
    if ruleset is None:
        ruleset = Ruleset.builtin()
    elif not isinstance(ruleset, Ruleset):
        raise _errors.TypeMismatch(f"ruleset must be a dgsubsidy.Ruleset, not {type(ruleset).__name__}")
    if guideline is not None:
        ruleset = ruleset.with_guideline(guideline)
    m = ruleset.measure(measure)
    day = _batch_date(m, date)
    if isinstance(keep, str):
        keep = [keep]
    keep = list(keep)
    for name in keep:
        if name not in df.columns:
            raise _errors.InvalidArgument(f"keep: the DataFrame has no column '{name}' "
                                          f"(columns: {', '.join(df.columns)})", code=_native.DGS_E_INVALID_ARGUMENT)
    if len(set(df.columns)) != len(df.columns):
        raise _errors.InvalidArgument("the Spark DataFrame has duplicate column names",
                                      code=_native.DGS_E_INVALID_ARGUMENT)
    job = _BatchJob(ruleset, m.id, day, units, extra, errors, award, threads)
    # The columns' types are judged here, on an empty Arrow table of the same schema, so that a
    # wrong column fails at once with its message rather than in every task.
    from pyspark.sql.types import StructType

    # A kept column that is an input (or a condition) of the measure is evaluated too.
    inputs = [name for name in df.columns
              if name not in keep or name in m.inputs
              or (name.startswith("condition.") and name[len("condition."):] in m.conditions)]
    empty = _arrow_schema(StructType([f for f in df.schema.fields if f.name in inputs])).empty_table()
    job({name: empty.column(name) for name in empty.column_names})
    return _map(df, job, keep, inputs)
