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
- ``paid`` (``paid_fen``): what is paid — the award of a grant, 0 otherwise (a
  ceiling still to be assessed, outcome ``up_to``, has its ceiling as ``award``
  and 0 here): the column to sum;
- ``outcome``: the outcome's name ("granted", "ineligible", …, "invalid");
- ``binding``: the constraint that set the amount (null where none did);
- ``reason``: the kind of reason ("none" for a grant, "below_minimum", …).

Arrow keeps what pandas would lose: a nullable ``LongType`` column stays int64
with nulls (absent values) instead of becoming float64, and a ``DecimalType``
column stays exact.  The ruleset travels to the executors pickled, as the
guideline chain that derived it; each worker process builds it again once.
Every executor needs ``dgsubsidy`` (and pyarrow) installed.

:func:`evaluate_population` evaluates several measures and stacks each
applicant's claims (:meth:`dgsubsidy.Ruleset.evaluate_population`): the rows
are repartitioned by applicant, so that all of an applicant's rows are in one
partition, and sorted there by applicant and by their place in the input; it
returns one row per claim.
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

__all__ = ["evaluate_batch", "evaluate_population"]

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
            award = [("award", LongType()), ("paid", LongType())]
        elif self.award == "fen":
            award = [("award_fen", LongType()), ("paid_fen", LongType())]
        else:
            award = [("award", DecimalType(20, 2)), ("paid", DecimalType(20, 2))]
        return award + [("outcome", StringType()), ("binding", StringType()), ("reason", StringType())]

    def __call__(self, columns: Dict[str, Any]) -> List["pa.Array"]:
        import pyarrow as pa

        m = self.measure()
        batch = _evaluate_batch(m, columns, self.day, errors=self.errors, extra=self.extra, units=self.units,
                                threads=self.threads, details=True)
        as_yuan = m.is_money and self.award == "yuan"

        def column(fen: np.ndarray) -> "pa.Array":
            return _decimal_yuan(fen) if as_yuan else pa.array(fen, pa.int64())

        # award: the amount of the outcome (the ceiling of an up_to row); paid: what is paid (0 but for a grant)
        return [column(batch.award_fen), column(batch.paid_fen), _names(batch.outcome_codes + 1, list(_OUTCOME_NAMES)),
                _names(batch.binding_codes, binding_names(m)),
                _names(batch.reason_codes, REASON_NAMES)]


def _located(error: _errors.Error, rows: Any, names: Sequence[str]) -> _errors.Error:
    """``error`` of a row of one piece of a partition, saying which row of the DataFrame it is: the
    row number the library gives counts within the piece a worker evaluated, so the values of the
    columns ``names`` (the kept columns, the applicant) are what identify it."""
    if error.row is None or not 0 <= error.row < rows.num_rows:
        return error
    if names:
        values = ", ".join(f"{name}={rows.column(name)[error.row].as_py()!r}" for name in dict.fromkeys(names))
        where = f"the row with {values}"
    else:
        where = "a row of the DataFrame (pass keep=[an id column] to have it named here)"
    error.message = (f"{where}: {error.message} (the row number counts within the rows one Spark worker "
                     f"evaluated, not within the DataFrame)")
    error.args = (error.message,)
    return error


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
            try:
                outputs = self.job(columns)
            except _errors.Error as e:
                raise _located(e, rb, self.keep) from None
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
    partitions' order: the columns of ``keep``, then ``award`` and ``paid`` (``DecimalType(20, 2)``
    yuan) or ``award_fen`` and ``paid_fen`` (``LongType``, with ``award="fen"``), ``outcome``,
    ``binding`` and ``reason``.  ``paid`` is what is paid: the award of a grant, 0 otherwise — a
    ceiling still to be assessed (outcome ``up_to``) has its ceiling as ``award`` and 0 as ``paid``;
    sum ``paid``, not ``award``.

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


# ---- populations: several measures, stacked per applicant -------------------------------------

#: The name of the column that carries each row's place in the input through the shuffle.
_ROW = "__dgsubsidy_row"


def _decision_names() -> List[str]:
    from ._population import _DECISION_NAMES

    return [_DECISION_NAMES.get(c, f"decision {c}") for c in range(max(_DECISION_NAMES) + 1)]


class _PopulationJob:
    """What one partition's rows (an applicant's rows all in one partition) become: the
    population of the measures at one date, one row per claim.  Picklable (the ruleset pickles
    as its guideline chain)."""

    def __init__(self, ruleset: Ruleset, measure_ids: Sequence[str], day: str, applicant: str,
                 object: Optional[str], keep: Sequence[str], inputs: Sequence[str], units: str, extra: str,
                 errors: str, award: str) -> None:
        self.ruleset = ruleset
        self.measure_ids = list(measure_ids)
        self.day = day
        self.applicant = applicant
        self.object = object
        self.keep = list(keep)
        self.inputs = list(inputs)
        self.units = units
        self.extra = extra
        self.errors = errors
        self.award = award

    def fields(self) -> List[Tuple[str, Any]]:
        """The output columns after the kept, applicant and object columns: (name, Spark type)."""
        from pyspark.sql.types import DecimalType, LongType, StringType

        def money(name: str) -> Tuple[str, Any]:
            return (f"{name}_fen", LongType()) if self.award == "fen" else (name, DecimalType(20, 2))

        return [("measure", StringType()), money("award"), ("outcome", StringType()), money("paid"),
                ("decision", StringType()), money("up_to")]

    def _money(self, fen: np.ndarray) -> "pa.Array":
        import pyarrow as pa

        return pa.array(fen, pa.int64()) if self.award == "fen" else _decimal_yuan(fen)

    def population(self, table: "pa.Table") -> Any:
        from ._population import evaluate_population as _evaluate_population

        frame = table.select([self.applicant] + ([self.object] if self.object else []) + self.inputs)
        return _evaluate_population(self.ruleset, frame, self.day, measures=self.measure_ids,
                                    applicant=self.applicant, object=self.object, units=self.units,
                                    extra=self.extra, errors=self.errors)

    def __call__(self, table: "pa.Table") -> List["pa.Array"]:
        """The output columns (kept, applicant, object, then :meth:`fields`) for the rows of
        ``table``, one row per claim."""
        import pyarrow as pa

        from ._population import NOT_CLAIMED

        pop = self.population(table)
        claimed = pop.decision_codes != NOT_CLAIMED                    # (measures, rows)
        rows_idx, k_idx = np.nonzero(claimed.T)                        # row order, then the measures'
        take = pa.array(rows_idx.astype(np.int64), pa.int64())
        ks = k_idx.astype(np.int32)
        passed = [table.column(name).take(take) for name in
                  self.keep + [self.applicant] + ([self.object] if self.object else [])]
        return passed + [
            _names(ks, self.measure_ids),
            self._money(pop.award_fen[k_idx, rows_idx]),
            _names(pop.outcome_codes[k_idx, rows_idx] + 1, list(_OUTCOME_NAMES)),
            self._money(pop.paid_fen[k_idx, rows_idx]),
            _names(pop.decision_codes[k_idx, rows_idx], _decision_names()),
            self._money(pop.up_to_fen[k_idx, rows_idx]),
        ]


class _PopulationMapper:
    """The function ``mapInArrow`` runs on the executors over one partition, whose rows come
    sorted by applicant and then by their place in the input: the rows of each applicant are
    gathered across Spark's record batches (the last applicant of a batch waits for the next
    one), and each run of whole applicants is one population."""

    def __init__(self, job: _PopulationJob, schema: "pa.Schema") -> None:
        self.job = job
        self.schema = schema

    def _out(self, table: "pa.Table") -> "pa.RecordBatch":
        import pyarrow as pa

        try:
            arrays = self.job(table)
        except _errors.Error as e:
            raise _located(e, table, self.job.keep + [self.job.applicant]) from None
        for k, field in enumerate(self.schema):
            if arrays[k].type != field.type:   # e.g. a large_string kept column
                arrays[k] = arrays[k].cast(field.type)
        return pa.RecordBatch.from_arrays([a.combine_chunks() if isinstance(a, pa.ChunkedArray) else a
                                           for a in arrays], schema=self.schema)

    def __call__(self, batches: Iterable["pa.RecordBatch"]) -> Iterator["pa.RecordBatch"]:
        import pyarrow as pa
        import pyarrow.compute as pc

        name = self.job.applicant
        pending: List["pa.RecordBatch"] = []
        for rb in batches:
            if rb.num_rows == 0:
                continue
            column = rb.column(name)
            last = column[rb.num_rows - 1]
            if not last.is_valid:   # nulls sort first: the whole batch is null applicants, refused
                yield self._out(pa.Table.from_batches(pending + [rb]))
                pending = []
                continue
            same = pc.equal(column, last).fill_null(False).to_numpy(zero_copy_only=False)
            # The rows of the last applicant are the batch's tail (the rows are sorted by applicant).
            start = rb.num_rows - int(np.argmin(same[::-1])) if not same.all() else 0
            if start == 0:
                pending.append(rb)
                continue
            yield self._out(pa.Table.from_batches(pending + [rb.slice(0, start)]))
            pending = [rb.slice(start)]
        if pending:
            yield self._out(pa.Table.from_batches(pending))


def evaluate_population(df: "DataFrame", measures: Sequence[Union[str, Measure]], date: DateLike, *,
                        applicant: str = "applicant", object: Optional[str] = None, guideline: Any = None,
                        ruleset: Optional[Ruleset] = None, keep: Sequence[str] = (), units: str = "yuan",
                        extra: str = "raise", errors: str = "raise", award: str = "yuan",
                        partitions: Optional[int] = None) -> "DataFrame":
    """Evaluates ``measures`` at ``date`` over every row of the Spark DataFrame ``df`` and stacks
    each applicant's claims (就高、从优、不重复享受, caps across claims, ceilings still to be
    assessed never paid), as :meth:`dgsubsidy.Ruleset.evaluate_population` does in one process.

    ``df`` is repartitioned by the ``applicant`` column (``partitions``: how many; default
    Spark's ``spark.sql.shuffle.partitions``), so that every row of an applicant is in one
    partition, and sorted there by applicant and by the row's place in ``df``: each applicant's
    claims are stacked in the order one process would stack them, and the results are those of
    one process over ``df.collect()``'s rows.  Returns one row per claim (a row that gives at
    least one input of a measure): the columns of ``keep``, the applicant column and the object
    column (``object``, when given) unchanged, then ``measure``, ``award``, ``outcome``, ``paid``,
    ``decision`` and ``up_to`` — money as ``DecimalType(20, 2)`` yuan, or with ``award="fen"``
    ``award_fen``, ``paid_fen`` and ``up_to_fen`` as ``LongType`` fen; never a double.

    The other columns of ``df`` (and kept columns that are inputs or conditions of a measure)
    are the measures' inputs, read as Arrow columns (``units``, ``extra``, ``errors`` as in
    ``evaluate_population``).  What is wrong with a whole column is refused here, before any
    job runs.  A null applicant fails the job.  With ``errors="raise"`` an invalid claim fails
    the job with its error (its row counted within the run of applicants the worker evaluated);
    ``errors="mark"`` returns it with decision "invalid" and paid 0.  Measures whose award is
    not money (places) are refused: their amounts cannot share a money column.
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
    if partitions is not None and (isinstance(partitions, bool) or not isinstance(partitions, int)
                                   or partitions < 1):
        raise _errors.InvalidArgument(f"partitions must be a whole number of at least 1, not {partitions!r}",
                                      code=_native.DGS_E_INVALID_ARGUMENT)
    if ruleset is None:
        ruleset = Ruleset.builtin()
    elif not isinstance(ruleset, Ruleset):
        raise _errors.TypeMismatch(f"ruleset must be a dgsubsidy.Ruleset, not {type(ruleset).__name__}")
    if guideline is not None:
        ruleset = ruleset.with_guideline(guideline)
    if isinstance(measures, (str, Measure)) or not isinstance(measures, Sequence):
        raise _errors.TypeMismatch("measures is a list of measure ids, e.g. measures=['A1.07.a', 'A1.10.a']")
    ms = [ruleset.measure(m) for m in measures]
    not_money = [m for m in ms if not m.is_money]
    if not_money:
        raise _errors.NotSupported(f"{', '.join(m.id for m in not_money)}: the award is not money "
                                   f"({not_money[0].unit}), so it cannot share the population's money columns: "
                                   f"evaluate it with dgsubsidy.spark.evaluate_batch",
                                   code=_native.DGS_E_NOT_SUPPORTED)
    if date is None:
        raise _errors.MissingInput("the date of the population is required", code=_native.DGS_E_MISSING_INPUT)
    from ._money import iso_date

    day = iso_date(date)
    columns = list(df.columns)
    if len(set(columns)) != len(columns):
        raise _errors.InvalidArgument("the Spark DataFrame has duplicate column names",
                                      code=_native.DGS_E_INVALID_ARGUMENT)
    if _ROW in columns:
        raise _errors.InvalidArgument(f"the column name '{_ROW}' is reserved", code=_native.DGS_E_INVALID_ARGUMENT)
    if isinstance(keep, str):
        keep = [keep]
    keep = list(dict.fromkeys(keep))
    for name in keep:
        if name not in columns:
            raise _errors.InvalidArgument(f"keep: the DataFrame has no column '{name}' "
                                          f"(columns: {', '.join(columns)})", code=_native.DGS_E_INVALID_ARGUMENT)
    if applicant not in columns:
        raise _errors.MissingInput(f"the applicant column '{applicant}' is not in the DataFrame (columns: "
                                   f"{', '.join(columns)}); name it with applicant=...",
                                   code=_native.DGS_E_MISSING_INPUT)
    roles = [applicant] + ([object] if object is not None else [])
    kept = [name for name in keep if name not in roles]   # the applicant and object come anyway

    def reads(name: str) -> bool:
        if name.startswith("condition."):
            return any(name[len("condition."):] in m.conditions for m in ms)
        return any(name in m.inputs for m in ms)

    inputs = [name for name in columns if name not in roles and (name not in kept or reads(name))]
    job = _PopulationJob(ruleset, [m.id for m in ms], day, applicant, object, kept, inputs, units, extra,
                         errors, award)
    outputs = [name for name, _t in job.fields()]
    clash = [name for name in kept + roles if name in outputs]
    if clash:
        raise _errors.InvalidArgument(f"column '{clash[0]}' has the name of an output column "
                                      f"({', '.join(outputs)}); rename it first", code=_native.DGS_E_INVALID_ARGUMENT)
    # What is wrong with a column (its type, its name, a measure none of the columns claims) is
    # judged here, on an empty Arrow table of the same schema, before any job runs.
    from pyspark.sql.types import StructField, StructType

    by_name = {f.name: f for f in df.schema.fields}
    empty = _arrow_schema(StructType([by_name[n] for n in columns])).empty_table()
    job(empty)
    schema = StructType([by_name[n] for n in kept + roles]
                        + [StructField(name, spark_type, True) for name, spark_type in job.fields()])
    from pyspark.sql import functions as F

    rows = df.withColumn(_ROW, F.monotonically_increasing_id())
    rows = rows.repartition(partitions, applicant) if partitions else rows.repartition(applicant)
    rows = rows.sortWithinPartitions(applicant, _ROW).drop(_ROW)
    return rows.mapInArrow(_PopulationMapper(job, _arrow_schema(schema)), schema)
