# SPDX-License-Identifier: MulanPSL-2.0
"""Rulesets, measures, evaluation and results: the idiomatic API over dgsubsidy._native."""

from __future__ import annotations

import datetime as _dt
import enum
import html
import json
import os
import stat
import threading
import weakref
from collections.abc import Mapping as _MappingABC
from decimal import Decimal
from fractions import Fraction
from typing import (TYPE_CHECKING, Any, Callable, Dict, Iterable, Iterator, List, Mapping,
                    Optional, Sequence, Tuple, Union, overload)

from . import _errors, _native
from ._money import (DateLike, Money, c_string, from_fen, from_hundredths, is_bool, iso_date, to_fen,
                     to_int64, to_scaled)

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from ._batch import BatchResult
    from ._population import Population
    from ._stack import StackReport

__all__ = [
    "Kind", "ValueType", "Outcome", "Ruleset", "Measures", "Measure", "Input", "Parameter",
    "Result", "Step", "UsedParameter",
]

_LANGS = {"zh": _native.DGS_LANG_ZH, "en": _native.DGS_LANG_EN}


def _lang(lang: str) -> int:
    try:
        return _LANGS[lang]
    except (KeyError, TypeError):
        raise _errors.InvalidArgument(f"lang must be 'zh' or 'en', not {lang!r}") from None


def _owned(obj: Any, ptr: Any, free: Callable[[Any], None]) -> None:
    """Frees the C handle `ptr` with `free` when `obj` is collected."""
    fin = weakref.finalize(obj, free, ptr)
    fin.atexit = False  # the process is ending: the memory goes with it


class _NamedIntEnum(enum.IntEnum):
    """An IntEnum equal to the C constant, shown by its name ("granted")."""

    @property
    def label(self) -> str:
        return self.name.lower()

    def __str__(self) -> str:
        return self.name.lower()

    @classmethod
    def _missing_(cls, value: object):
        if isinstance(value, str):
            for member in cls:
                if member.name.lower() == value.lower():
                    return member
        return None


class Kind(_NamedIntEnum):
    """The kind of a measure (DGS_KIND_*)."""

    FORMULA = _native.DGS_KIND_FORMULA
    FIXED_CAP = _native.DGS_KIND_FIXED_CAP
    TIERED_FIXED = _native.DGS_KIND_TIERED_FIXED
    PRICE_OR_QUOTA = _native.DGS_KIND_PRICE_OR_QUOTA
    UNSPECIFIED = _native.DGS_KIND_UNSPECIFIED
    QUALITATIVE = _native.DGS_KIND_QUALITATIVE
    GOVERNED_ELSEWHERE = _native.DGS_KIND_GOVERNED_ELSEWHERE  #: another policy, named, sets the amount


class ValueType(_NamedIntEnum):
    """The type of an input, parameter or trace step (DGS_TYPE_*)."""

    MONEY = _native.DGS_TYPE_MONEY
    AREA = _native.DGS_TYPE_AREA
    COUNT = _native.DGS_TYPE_COUNT
    FLAG = _native.DGS_TYPE_FLAG
    CHOICE = _native.DGS_TYPE_CHOICE
    MONEY_LIST = _native.DGS_TYPE_MONEY_LIST
    RATIO = _native.DGS_TYPE_RATIO
    SWITCH = _native.DGS_TYPE_SWITCH
    DATE = _native.DGS_TYPE_DATE


class Outcome(_NamedIntEnum):
    """The outcome of an evaluation (DGS_OUTCOME_*); equal to the C code, so usable with numpy arrays."""

    GRANTED = _native.DGS_OUTCOME_GRANTED
    INELIGIBLE = _native.DGS_OUTCOME_INELIGIBLE
    NOT_IN_FORCE = _native.DGS_OUTCOME_NOT_IN_FORCE
    UNSPECIFIED = _native.DGS_OUTCOME_UNSPECIFIED
    NOT_COMPUTABLE = _native.DGS_OUTCOME_NOT_COMPUTABLE
    UP_TO = _native.DGS_OUTCOME_UP_TO  #: a ceiling (最高/不超过 X) still to be assessed: the award is the ceiling, not a payment
    GOVERNED_ELSEWHERE = _native.DGS_OUTCOME_GOVERNED_ELSEWHERE  #: another policy, named in the reason, sets the amount
    INVALID = _native.DGS_OUTCOME_INVALID  #: batch only: the row's inputs are invalid


def _value_of_type(vtype: int, value: int, den: int = 1) -> Any:
    if vtype == ValueType.MONEY:
        return from_fen(value)
    if vtype == ValueType.AREA:
        return from_hundredths(value)
    if vtype == ValueType.RATIO:
        return Fraction(value, den or 1)
    if vtype == ValueType.FLAG:
        return bool(value)
    if vtype == ValueType.DATE:
        return _dt.date(1970, 1, 1) + _dt.timedelta(days=value)
    return int(value)


# --------------------------------------------------------------------------- measures


class Input:
    """One input of a measure: its name, type, unit, whether it is required, its description."""

    __slots__ = ("_owner", "_m", "index", "name", "type", "unit", "required", "choices")

    def __init__(self, owner: "Measure", index: int) -> None:
        self._owner = owner  # keeps the measure's ruleset (and so the C measure) alive
        m = self._m = owner._ptr
        self.index = index
        self.name: str = _native.dgs_measure_input_name(m, index)
        self.type: ValueType = ValueType(_native.dgs_measure_input_type(m, index))
        #: The unit in which the input is written as text ("yuan", "m2", "days", …).
        self.unit: str = _native.dgs_measure_input_unit(m, index)
        self.required: bool = bool(_native.dgs_measure_input_required(m, index))
        #: For choice inputs: the names of the choices (their index is the batch value).
        self.choices: Tuple[str, ...] = tuple(
            _native.dgs_measure_input_choice(m, index, j)
            for j in range(_native.dgs_measure_input_choice_count(m, index)))

    def description(self, lang: str = "zh") -> str:
        """What the input is, in 'zh' or 'en'."""
        return _native.dgs_measure_input_description(self._m, self.index, _lang(lang))

    def __repr__(self) -> str:
        req = "required" if self.required else "optional"
        extra = f" {list(self.choices)}" if self.choices else ""
        return f"<Input {self.name}: {self.type} ({self.unit}), {req}{extra}>"

    def __copy__(self) -> "Input":
        return self  # immutable, borrowed from its measure

    def __deepcopy__(self, memo: Dict[int, Any]) -> "Input":
        return self

    def __reduce__(self) -> Tuple[Any, ...]:
        return (_restore_input, (self._owner, self.name))


class Parameter:
    """A number (or reading) the policy sets for a measure; a guideline may change it from a date on."""

    __slots__ = ("_owner", "_m", "index", "name", "type", "unit", "choices")

    def __init__(self, owner: "Measure", index: int) -> None:
        self._owner = owner  # keeps the measure's ruleset (and so the C measure) alive
        m = self._m = owner._ptr
        self.index = index
        self.name: str = _native.dgs_measure_parameter_name(m, index)
        self.type: ValueType = ValueType(_native.dgs_measure_parameter_type(m, index))
        self.unit: str = _native.dgs_measure_parameter_unit(m, index)
        #: For switches (readings): the readings' names.
        self.choices: Tuple[str, ...] = tuple(
            _native.dgs_measure_parameter_choice(m, index, j)
            for j in range(_native.dgs_measure_parameter_choice_count(m, index)))

    def description(self, lang: str = "zh") -> str:
        return _native.dgs_measure_parameter_description(self._m, self.index, _lang(lang))

    def value_at(self, date: Optional[DateLike] = None) -> str:
        """The value in force at `date` (None = as printed) as text: "1500000.00", "5%", "higher", "unset"."""
        d = None if date is None else iso_date(date)
        return _native.dgs_measure_parameter_text(self._m, self.index, d)

    def reference_at(self, date: Optional[DateLike] = None) -> str:
        """What set the value in force at `date`: the clause phrase or the guideline article."""
        d = None if date is None else iso_date(date)
        return _native.dgsw_measure_parameter_reference(self._m, self.index, d)

    @property
    def value(self) -> str:
        """The value as printed in the document (or as the ruleset's first value)."""
        return self.value_at(None)

    @property
    def reference(self) -> str:
        return self.reference_at(None)

    def __repr__(self) -> str:
        return f"<Parameter {self.name} = {self.value} ({self.type})>"

    def __copy__(self) -> "Parameter":
        return self  # immutable, borrowed from its measure

    def __deepcopy__(self, memo: Dict[int, Any]) -> "Parameter":
        return self

    def __reduce__(self) -> Tuple[Any, ...]:
        return (_restore_parameter, (self._owner, self.name))


class Condition:
    """An eligibility condition the clause writes (not a number: numbers are inputs).

    ``id`` is short and stable ("direct_lease"); ``phrase`` the clause's own
    words ("融资租赁直租方式"); ``text(lang)`` states it briefly.  Declare it
    when evaluating: ``evaluate(..., conditions={"direct_lease": False})``;
    undeclared, it is assumed met.
    """

    __slots__ = ("_texts", "index", "id", "phrase")

    def __init__(self, m: Any, index: int) -> None:
        self.index = index
        self.id: str = _native.dgs_measure_condition_id(m, index)
        self.phrase: str = _native.dgs_measure_condition_phrase(m, index)
        self._texts = (_native.dgs_measure_condition_text(m, index, _native.DGS_LANG_ZH),
                       _native.dgs_measure_condition_text(m, index, _native.DGS_LANG_EN))

    def text(self, lang: str = "zh") -> str:
        """The condition stated briefly in 'zh' ("直租方式") or 'en' ("a direct finance lease")."""
        return self._texts[_lang(lang)]

    def __repr__(self) -> str:
        return f"<Condition {self.id}: {self.text('en')} 〔{self.phrase}〕>"


class ConditionStatus(Condition):
    """A condition as a result carries it: ``status`` is "met", "not_met" or "assumed"."""

    __slots__ = ("status",)

    def __init__(self, m: Any, index: int, status: str) -> None:
        super().__init__(m, index)
        self.status: str = status

    @property
    def assumed(self) -> bool:
        return self.status == "assumed"

    def __repr__(self) -> str:
        return f"<Condition {self.id}: {self.status}>"


class Measure:
    """One award clause of the policy, e.g. ``rules["A1.07.a"]``.

    Borrowed from its ruleset (which it keeps alive).  Metadata: ``id``,
    ``kind``, ``location``, ``title(lang)``, ``clause``, ``departments``,
    ``group``, ``unit``, ``inputs``, ``parameters`` and ``conditions``.
    """

    def __init__(self, ruleset: "Ruleset", ptr: Any) -> None:
        self._ruleset = ruleset
        self._ptr = ptr
        self.id: str = _native.dgs_measure_id(ptr)
        self.kind: Kind = Kind(_native.dgs_measure_kind(ptr))
        self._inputs: Optional[Dict[str, Input]] = None
        self._parameters: Optional[Dict[str, Parameter]] = None

    @property
    def ruleset(self) -> "Ruleset":
        return self._ruleset

    @property
    def location(self) -> str:
        """Where the measure stands in the document, e.g. "附件1 （七）提高融资租赁贴息限额"."""
        return _native.dgs_measure_location(self._ptr)

    def title(self, lang: str = "zh") -> str:
        """The measure's title in 'zh' or 'en'."""
        return _native.dgs_measure_title(self._ptr, _lang(lang))

    @property
    def clause(self) -> str:
        """The verbatim clause text (Chinese)."""
        return _native.dgs_measure_clause(self._ptr)

    @property
    def departments(self) -> Tuple[str, ...]:
        """The departments responsible (责任单位); empty when the text names none."""
        text = _native.dgs_measure_departments(self._ptr)
        return tuple(d for d in text.split("、") if d)

    @property
    def group(self) -> Optional[str]:
        """The exclusive group (就高、从优、不重复享受), e.g. "G-LEASE", or None."""
        return _native.dgs_measure_group(self._ptr) or None

    @property
    def fixed_amount(self) -> bool:
        """True when the amounts are exact (给予10万元), False when they are ceilings (最高/不超过)."""
        return bool(_native.dgs_measure_fixed_amount(self._ptr))

    @property
    def unit(self) -> str:
        """The unit of the measure's number: "yuan" for money, "places" etc. for quotas."""
        return _native.dgs_measure_unit(self._ptr)

    @property
    def is_money(self) -> bool:
        """True when the measure's number is money (fen), from the measure's typed unit."""
        return _native.dgs_measure_unit_type(self._ptr) == _native.DGS_UNIT_FEN

    @property
    def restates(self) -> Tuple[str, ...]:
        """The ids of the measures whose clause states the amount this item restates (computed through them)."""
        out = []
        while (source := _native.dgs_measure_restates(self._ptr, len(out))) is not None:
            out.append(source)
        return tuple(out)

    @property
    def inputs(self) -> Mapping[str, Input]:
        """The inputs by name, in the measure's order."""
        if self._inputs is None:
            n = _native.dgs_measure_input_count(self._ptr)
            self._inputs = {i.name: i for i in (Input(self, k) for k in range(n))}
        return _ReadOnly(self._inputs)

    @property
    def parameters(self) -> Mapping[str, Parameter]:
        """The parameters by name, in the measure's order."""
        if self._parameters is None:
            n = _native.dgs_measure_parameter_count(self._ptr)
            self._parameters = {p.name: p for p in (Parameter(self, k) for k in range(n))}
        return _ReadOnly(self._parameters)

    @property
    def conditions(self) -> Mapping[str, Condition]:
        """The eligibility conditions by id, in the clause's order (none for qualitative measures)."""
        conditions: Optional[Dict[str, Condition]] = getattr(self, "_conditions", None)
        if conditions is None:
            n = _native.dgs_measure_condition_count(self._ptr)
            conditions = {c.id: c for c in (Condition(self._ptr, k) for k in range(n))}
            self._conditions = conditions
        return _ReadOnly(conditions)

    def governed_by(self, lang: str = "zh") -> Optional[str]:
        """For kind GOVERNED_ELSEWHERE: the policy that sets the amount; else None."""
        return _native.dgs_measure_governed_by(self._ptr, _lang(lang)) or None

    def evaluate(self, date: Optional[DateLike] = None, **inputs: Any) -> "Result":
        """Evaluates one case of this measure; see :meth:`Ruleset.evaluate`."""
        return _evaluate(self, date, inputs)

    def evaluate_batch(self, frame: Any, date: DateLike, *, errors: str = "raise",
                       extra: str = "raise", units: str = "yuan", threads: Optional[int] = None,
                       details: bool = True) -> "BatchResult":
        """Evaluates many cases at once; see :meth:`Ruleset.evaluate_batch`."""
        from ._batch import evaluate_batch

        return evaluate_batch(self, frame, date, errors=errors, extra=extra, units=units, threads=threads,
                              details=details)

    def __copy__(self) -> "Measure":
        return self  # immutable, borrowed from its ruleset

    def __deepcopy__(self, memo: Dict[int, Any]) -> "Measure":
        return self

    def __reduce__(self) -> Tuple[Any, ...]:
        return (_restore_measure, (self._ruleset, self.id))

    def __repr__(self) -> str:
        return f"<Measure {self.id} ({self.kind}): {self.title('en')}>"

    def _repr_html_(self) -> str:
        e = html.escape
        rows = "".join(
            f"<tr><td><code>{e(i.name)}</code></td><td>{e(str(i.type))}</td><td>{e(i.unit)}</td>"
            f"<td>{'yes' if i.required else ''}</td><td>{e(i.description('en'))}</td></tr>"
            for i in self.inputs.values())
        params = "".join(
            f"<tr><td><code>{e(p.name)}</code></td><td>{e(p.value)}</td><td>{e(p.reference)}</td></tr>"
            for p in self.parameters.values())
        conds = "".join(
            f"<tr><td><code>{e(c.id)}</code></td><td>{e(c.text('zh'))}<br><small>{e(c.text('en'))}</small></td>"
            f"<td>{e(c.phrase)}</td></tr>"
            for c in self.conditions.values())
        return (
            f"<div><b>{e(self.id)}</b> {e(self.title('zh'))} — {e(self.title('en'))}<br>"
            f"<small>{e(self.location)} · kind {e(str(self.kind))}"
            f"{' · group ' + e(self.group) if self.group else ''}</small>"
            f"<blockquote>{e(self.clause)}</blockquote>"
            + (f"<table><tr><th>input</th><th>type</th><th>unit</th><th>required</th><th>description</th></tr>"
               f"{rows}</table>" if rows else "")
            + (f"<table><tr><th>parameter</th><th>value</th><th>reference</th></tr>{params}</table>"
               if params else "")
            + (f"<table><tr><th>condition</th><th>statement</th><th>clause</th></tr>{conds}</table>"
               if conds else "")
            + "</div>")


def _restore_measure(ruleset: "Ruleset", measure_id: str) -> Measure:
    return ruleset.measure(measure_id)


def _restore_input(measure: Measure, name: str) -> Input:
    return measure.inputs[name]


def _restore_parameter(measure: Measure, name: str) -> Parameter:
    return measure.parameters[name]


class _ReadOnly(_MappingABC):
    """A read-only view of a dict."""

    __slots__ = ("_d",)

    def __init__(self, d: Dict[str, Any]) -> None:
        self._d = d

    def __getitem__(self, key: str) -> Any:
        return self._d[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._d)

    def __len__(self) -> int:
        return len(self._d)

    def __repr__(self) -> str:
        return repr(self._d)


class Measures(Sequence[Measure]):
    """The measures of a ruleset in document order; ``filter(kind=...)`` selects some."""

    def __init__(self, items: Sequence[Measure]) -> None:
        self._items = tuple(items)

    @overload
    def __getitem__(self, i: int) -> Measure: ...

    @overload
    def __getitem__(self, i: slice) -> "Measures": ...

    def __getitem__(self, i: Union[int, slice, str]) -> Union[Measure, "Measures"]:
        if isinstance(i, slice):
            return Measures(self._items[i])
        if isinstance(i, str):
            for m in self._items:
                if m.id == i:
                    return m
            raise _errors.UnknownMeasure(f"no measure has the id '{i}'", code=_native.DGS_E_UNKNOWN_MEASURE)
        return self._items[i]

    def __len__(self) -> int:
        return len(self._items)

    def __iter__(self) -> Iterator[Measure]:
        return iter(self._items)

    def filter(self, kind: Union[Kind, str, Iterable[Union[Kind, str]], None] = None, *,
               group: Optional[str] = None, part: Optional[str] = None) -> "Measures":
        """The measures of a kind (or kinds: "formula", Kind.FIXED_CAP, …), of an exclusive group,
        or of a part of the document (id prefix such as "A1" or "OP")."""
        kinds = None
        if kind is not None:
            ks = [kind] if isinstance(kind, (str, Kind, int)) else list(kind)
            try:
                kinds = {Kind(k) for k in ks}  # type: ignore[arg-type]  # names are accepted too
            except ValueError:
                raise _errors.InvalidArgument(
                    f"unknown kind {kind!r}; kinds: {', '.join(str(k) for k in Kind)}") from None
        return Measures([m for m in self._items
                         if (kinds is None or m.kind in kinds)
                         and (group is None or m.group == group)
                         and (part is None or m.id.split(".")[0] == part)])

    def ids(self) -> List[str]:
        return [m.id for m in self._items]

    def __repr__(self) -> str:
        return f"<Measures: {len(self)} ({', '.join(self.ids()[:4])}{', …' if len(self) > 4 else ''})>"

    def _repr_html_(self) -> str:
        e = html.escape
        rows = "".join(
            f"<tr><td><code>{e(m.id)}</code></td><td>{e(str(m.kind))}</td><td>{e(m.title('zh'))}</td>"
            f"<td>{e(m.title('en'))}</td><td>{e(m.group or '')}</td></tr>" for m in self._items)
        return (f"<div>{len(self)} measures<table><tr><th>id</th><th>kind</th><th>标题</th><th>title</th>"
                f"<th>group</th></tr>{rows}</table></div>")


# --------------------------------------------------------------------------- rulesets

_builtin_lock = threading.Lock()
_builtin: Optional["Ruleset"] = None


class Ruleset:
    """A catalogue of the policy's measures and the value of every number it sets.

    ``Ruleset.builtin()`` is 东府〔2024〕1号 as printed.  A ruleset is immutable:
    ``with_guideline`` and ``with_parameter`` derive new ones.  Share one
    between any number of threads.
    """

    def __init__(self, _ptr: Any, _origin: str = "", _chain: Tuple[Tuple[Any, ...], ...] = ()) -> None:
        if _ptr is None:
            raise _errors.InvalidArgument("use Ruleset.builtin() to get a ruleset")
        self._ptr = _ptr
        self._origin = _origin
        # How the ruleset was derived from the built-in one: the guideline texts and
        # parameter changes, in order.  Pickling sends this chain, not the C handle.
        self._chain = _chain
        _owned(self, _ptr, _native.dgs_ruleset_free)
        self._measures: Optional[Measures] = None
        self._by_id: Dict[str, Measure] = {}
        self._lock = threading.Lock()

    # -- construction

    @classmethod
    def builtin(cls) -> "Ruleset":
        """The ruleset of 东府〔2024〕1号 as printed (one shared, immutable instance)."""
        global _builtin
        with _builtin_lock:
            if _builtin is None:
                _builtin = cls(_native.dgs_ruleset_builtin(), "builtin")
            return _builtin

    def with_guideline(self, guideline: Union[str, "os.PathLike[str]", bytes, Mapping[str, Any]],
                       *, source: Optional[str] = None) -> "Ruleset":
        """A ruleset derived by applying a guideline (申报指南).

        ``guideline`` is the path of a JSON file, or the guideline itself as a
        dict (as the JSON would be parsed) or as JSON ``bytes``.  Errors raise
        :class:`GuidelineError` with the line and the parameter at fault, or
        :class:`FileError` when the file cannot be read.
        """
        if isinstance(guideline, _MappingABC):
            text = json.dumps(guideline, ensure_ascii=False, indent=1, default=_json_default)
            data = text.encode("utf-8")
            name = source or "<guideline>"
        elif isinstance(guideline, (bytes, bytearray, memoryview)):
            data = bytes(guideline)
            name = source or "<guideline>"
        elif isinstance(guideline, (str, os.PathLike)):
            path = os.fspath(guideline)
            if isinstance(path, bytes):
                path = os.fsdecode(path)
            try:
                # Only a regular file of at most DGS_GUIDELINE_MAX_BYTES is read: a FIFO
                # would block and /dev/zero would never end (the C reader refuses them too).
                st = os.stat(path)
                if not stat.S_ISREG(st.st_mode):
                    raise _errors.FileError(f"{path}: not a regular file (a guideline is read from a file)",
                                            code=_native.DGS_E_IO)
                limit = _native.DGS_GUIDELINE_MAX_BYTES
                with open(path, "rb") as f:
                    data = f.read(limit + 1)
                if len(data) > limit:
                    raise _errors.GuidelineError(f"{path}: over the limit of {limit} bytes for a guideline",
                                                 code=_native.DGS_E_GUIDELINE)
            except OSError as e:
                if isinstance(e, _errors.Error):
                    raise
                raise _errors.FileError(f"{path}: cannot read the guideline: {e.strerror or e}",
                                        code=_native.DGS_E_IO) from e
            name = source or path
        else:
            raise _errors.TypeMismatch(
                f"a guideline is a path, a dict or JSON bytes, not {type(guideline).__name__}")
        return self.with_guideline_text(data, source=name)

    def with_guideline_text(self, text: Union[str, bytes], *, source: Optional[str] = None) -> "Ruleset":
        """A ruleset derived from a guideline given as JSON text (str or UTF-8 bytes)."""
        if isinstance(text, (bytes, bytearray, memoryview)):
            try:
                text = bytes(text).decode("utf-8")
            except UnicodeDecodeError as e:
                raise _errors.GuidelineError(
                    f"{source or '<guideline>'}: the guideline is not valid UTF-8 (byte {e.start})",
                    code=_native.DGS_E_GUIDELINE) from None
        text = c_string(text, "guideline")
        name = c_string(_printable(source), "source") if source is not None else None
        ptr = _native.dgs_ruleset_apply_guideline(self._ptr, text, name)
        return Ruleset(ptr, name or "<guideline>", self._chain + (("guideline", text, name),))

    def with_parameter(self, measure: Optional[Union[str, Measure]], parameter: str,
                       value: Union[str, Decimal, int, Fraction], *,
                       valid_from: Optional[DateLike] = None, valid_until: Optional[DateLike] = None,
                       reference: Optional[str] = None) -> "Ruleset":
        """A ruleset in which one parameter takes ``value`` from ``valid_from`` to ``valid_until``.

        ``measure`` is a measure id (or None for a ruleset-wide parameter such as
        ``validity_end``).  ``value`` is text as in guidelines ("1500000.00",
        "5%", "1:0.5", a reading's name, an ISO date) or, for money, a Decimal
        or int of yuan; a Fraction for ratios.  Floats are refused.
        """
        mid = None
        if isinstance(measure, Measure):
            mid = measure.id
        elif measure is not None:
            mid = c_string(measure, "measure")
        pname = c_string(parameter, "parameter")
        text = _parameter_text(self, mid, pname, value)
        args = (mid, pname, text,
                None if valid_from is None else iso_date(valid_from, "valid_from"),
                None if valid_until is None else iso_date(valid_until, "valid_until"),
                None if reference is None else c_string(reference, "reference"))
        ptr = _native.dgs_ruleset_set_parameter(self._ptr, *args)
        return Ruleset(ptr, self._origin, self._chain + (("parameter",) + args,))

    # -- copying and pickling

    def __copy__(self) -> "Ruleset":
        # Immutable: a copy is the ruleset itself (a second Python object over the
        # same C handle would free it twice).
        return self

    def __deepcopy__(self, memo: Dict[int, Any]) -> "Ruleset":
        return self

    def __reduce__(self) -> Tuple[Any, ...]:
        # Pickled as the chain that derived it (guideline texts and parameter changes
        # applied to the built-in ruleset) and its fingerprint; unpickling applies the
        # chain again and checks that the fingerprint is the same.
        return (_restore_ruleset, (self._origin, self._chain, self.fingerprint))

    # -- metadata

    @property
    def fingerprint(self) -> str:
        """A 16-hex-digit fingerprint of every value of the ruleset (every result carries it)."""
        return _native.dgs_ruleset_fingerprint(self._ptr)

    @property
    def measures(self) -> Measures:
        """Every measure in document order (``rules.measures.filter(kind="formula")``)."""
        if self._measures is None:
            n = _native.dgs_ruleset_measure_count(self._ptr)
            items = [self._measure(_native.dgs_ruleset_measure_at(self._ptr, i)) for i in range(n)]
            self._measures = Measures(items)
        return self._measures

    def _measure(self, ptr: Any) -> Measure:
        mid = _native.dgs_measure_id(ptr)
        with self._lock:
            m = self._by_id.get(mid)
            if m is None:
                m = self._by_id[mid] = Measure(self, ptr)
            return m

    def measure(self, measure_id: Union[str, Measure]) -> Measure:
        """The measure with this id; raises UnknownMeasure (a KeyError) naming it."""
        if isinstance(measure_id, Measure):
            if measure_id._ruleset is self:
                return measure_id
            measure_id = measure_id.id
        if not isinstance(measure_id, str):
            raise _errors.TypeMismatch(f"a measure id is a str such as 'A1.07.a', not {type(measure_id).__name__}")
        m = self._by_id.get(measure_id)
        if m is not None:
            return m
        return self._measure(_native.dgs_ruleset_lookup(self._ptr, c_string(measure_id, "measure id")))

    __getitem__ = measure

    def get(self, measure_id: str, default: Any = None) -> Any:
        try:
            return self.measure(measure_id)
        except _errors.UnknownMeasure:
            return default

    def __contains__(self, measure_id: object) -> bool:
        if not isinstance(measure_id, str):
            return False
        try:
            c_string(measure_id, "measure id")
        except _errors.Error:
            return False
        return _native.dgs_ruleset_find(self._ptr, measure_id) is not None

    def __iter__(self) -> Iterator[Measure]:
        return iter(self.measures)

    def __len__(self) -> int:
        return _native.dgs_ruleset_measure_count(self._ptr)

    @property
    def parameters(self) -> Mapping[str, str]:
        """The ruleset-wide parameters (validity window, stacking scope, …) and their first values."""
        n = _native.dgs_ruleset_parameter_count(self._ptr)
        return _ReadOnly({_native.dgs_ruleset_parameter_name(self._ptr, i):
                          _native.dgs_ruleset_parameter_text(self._ptr, i, None) for i in range(n)})

    def parameter(self, name: str, date: Optional[DateLike] = None) -> str:
        """A ruleset-wide parameter's value in force at ``date`` (None = its first value), as text."""
        n = _native.dgs_ruleset_parameter_count(self._ptr)
        for i in range(n):
            if _native.dgs_ruleset_parameter_name(self._ptr, i) == name:
                return _native.dgs_ruleset_parameter_text(self._ptr, i, None if date is None else iso_date(date))
        raise _errors.UnknownParameter(
            f"the ruleset has no parameter '{_printable(str(name))[:40]}' (parameters: "
            f"{', '.join(_native.dgs_ruleset_parameter_name(self._ptr, i) for i in range(n))})",
            code=_native.DGS_E_UNKNOWN_PARAMETER)

    # -- evaluation

    def evaluate(self, measure: Union[str, Measure], /, date: Optional[DateLike] = None,
                 **inputs: Any) -> "Result":
        """Evaluates one case: ``rules.evaluate("A1.07.a", date="2024-06-01", financed_amount=Decimal("28000000"), interest_paid=1500000)``.

        ``date`` (datetime.date or ISO string) is the date of the qualifying
        event; it picks the parameter values and checks the policy is in force.
        Inputs are given by name in these forms:

        - money: Decimal yuan, int yuan or a decimal string ("1500000.00"); a
          float raises TypeMismatch (a TypeError); more than two decimals
          raise InvalidValue;
        - areas: Decimal, int or string of square metres (two decimals at most);
        - counts: int; flags: bool; choices: the choice's name (or its index);
        - lists of money: a sequence of money values (or "100,250.50");
        - any input as text exactly as the command line takes it;
        - None: the input is not given.

        ``conditions`` declares eligibility conditions by id, True (met) or
        False (not met): ``conditions={"direct_lease": False}`` makes the
        result ineligible with the clause's phrase as the reason.  Conditions
        not declared (or None) are assumed met; ``result.conditions`` says
        which.  The command line's form is taken too, as a keyword from a dict:
        ``**{"condition.direct_lease": "false"}``.

        Returns a :class:`Result` whatever the outcome; raises an
        :class:`Error` for the caller's mistakes (unknown measure or input,
        missing required input, negative money, bad date, overflow).
        """
        return _evaluate(self.measure(measure), date, inputs)

    def evaluate_batch(self, measure: Union[str, Measure], frame: Any, date: DateLike, *,
                       errors: str = "raise", extra: str = "raise", units: str = "yuan",
                       threads: Optional[int] = None, details: bool = True) -> "BatchResult":
        """Evaluates one measure over many cases with one call into the library.

        ``frame`` is a pandas DataFrame, a pyarrow Table or RecordBatch, a
        polars DataFrame or a dict of equal-length arrays whose column names
        are input names (Arrow and polars int64 columns without nulls are
        handed to the library without a copy; their other columns are read as
        the same values in pandas are, nulls as absent values).  A number means what it means in
        :meth:`evaluate`: **an integer of money is yuan, an integer of area is
        m²** (converted exactly to fen and hundredths, vectorised; a value too
        large for the library marks its row invalid with Overflow).  Columns
        already in the library's base units (int64 fen, hundredths of m²) are
        given with ``units="base"``, which passes them through unchanged.
        Columns of Decimal, int or text (object or string dtype) are converted
        exactly, value by value, as :meth:`evaluate` converts them (text as the
        command line reads it).  A float column of money or area is refused
        (TypeMismatch): binary floating point cannot hold amounts exactly.
        Counts are integers (a float column of whole numbers is accepted),
        flags bool or 0/1, choices indices or names.  Missing values (None,
        NaN in an object column, pandas NA in nullable ``Int64`` columns) mean
        "not given".

        ``errors``: "raise" (default) raises the error of the first invalid
        row (its ``row`` attribute says which; ``batch`` holds every row's
        result); "mark" returns, with invalid rows marked Outcome.INVALID and
        the first error in ``BatchResult.error``.  A bad value in one row never
        stops a "mark" batch; what is wrong with a whole column (its dtype, an
        unknown name) raises in both modes.

        ``extra``: "raise" (default) refuses columns that are not inputs of
        the measure; "ignore" leaves them out.

        ``units``: "yuan" (default) or "base", as above.

        ``threads``: batches of at least 100,000 rows are split into row
        ranges run at once on this many threads (None, the default: the
        cores available to the process; 1: one thread).  The results are
        those of one thread, row for row, including the first invalid row.

        ``details``: True (default): the result also holds each row's binding
        constraint (``batch.binding``, exactly what ``Result.binding`` names
        for the row alone) and kind of reason (``batch.reason``).  False skips
        them for speed (awards and outcomes only; the library's loop that
        keeps no account of the binding constraint).
        """
        from ._batch import evaluate_batch

        return evaluate_batch(self.measure(measure), frame, date, errors=errors, extra=extra, units=units,
                              threads=threads, details=details)

    def sweep(self, measure: Union[str, Measure], parameter: str, values: Iterable[Any], frame: Any,
              date: DateLike, *, valid_from: Optional[DateLike] = None, valid_until: Optional[DateLike] = None,
              units: str = "yuan", extra: str = "raise", errors: str = "raise",
              threads: Optional[int] = None) -> "pd.DataFrame":
        """What one parameter costs: the batch of ``measure`` over ``frame`` at ``date`` for every
        value of ``parameter`` (each value as :meth:`with_parameter` takes it, e.g. Decimal yuan
        for money, "5%" or a Fraction for a ratio, a reading's name).

        The population is converted once; each value derives a ruleset and runs the library's
        batch over the same columns (split across ``threads`` as :meth:`evaluate_batch`).  Returns
        a pandas DataFrame indexed by the values, with ``total`` (exact Decimal yuan; an int of
        the unit when it is not money) and ``total_fen`` of the grants only, ``grants`` (granted
        rows), ``up_to`` and ``up_to_total`` (rows whose outcome is a ceiling still to be
        assessed, and the sum of those ceilings, which is not a payment), ``invalid`` and,
        for every constraint that can set the amount (the measure's parameters and inputs),
        ``bound_by_<name>``: how many grants it set.  ``units``, ``extra`` and ``errors`` are
        those of :meth:`evaluate_batch`; with errors="raise" the first invalid row raises (its
        message names the value).
        """
        from ._analysis import sweep

        return sweep(self, measure, parameter, values, frame, date, valid_from=valid_from,
                     valid_until=valid_until, units=units, extra=extra, errors=errors, threads=threads)

    def compare(self, reform: "Ruleset", frame: Any, date: DateLike, *, measures: Sequence[Any],
                units: str = "yuan", extra: str = "raise", errors: str = "raise",
                threads: Optional[int] = None) -> Any:
        """A reform (a ruleset derived by a guideline or :meth:`with_parameter`) against this
        ruleset over one population: per row and measure the baseline, the reform and the
        difference; per measure the totals, gainers and losers; per constraint that set the
        reform's amount.  Returns a :class:`dgsubsidy.Comparison`.

        ``frame`` holds the inputs of every measure of ``measures``; each measure's batch reads
        its own columns.  A column that no measure reads (a misspelt input would be one) is
        refused unless ``extra="ignore"``; a ``date`` column is refused, since every row is
        evaluated at ``date``.  Each
        measure is evaluated with :meth:`evaluate_batch` (the columns converted once for both
        rulesets); the measures are not stacked against each other.  Amounts are payments: a
        row whose outcome is ``up_to`` (a ceiling still to be assessed) counts 0 and is counted
        apart (``baseline_up_to``, ``reform_up_to_total``, …).
        """
        from ._analysis import compare

        return compare(self, reform, frame, date, measures=measures, units=units, extra=extra, errors=errors,
                       threads=threads)

    def evaluate_population(self, frame: Any, date: Optional[DateLike] = None, *,
                            measures: Sequence[Union[str, Measure]], applicant: str = "applicant",
                            object: Optional[str] = None, dates: Optional[str] = "date", units: str = "yuan",
                            extra: str = "raise", errors: str = "raise") -> "Population":
        """Evaluates several measures over one population and stacks each applicant's claims in C.

        Each row of ``frame`` (a pandas DataFrame or a dict of arrays) is one
        object — a project, an exhibition, a contract — of the applicant in
        column ``applicant`` (ints or strings; a missing one is refused).  The
        other columns are facts shared by every measure of ``measures`` that
        names them, read as :meth:`evaluate_batch` reads them (``units``); a
        column no measure reads is refused unless ``extra="ignore"``, and a
        column that two measures read differently is refused.  A row claims a
        measure when it gives at least one of its inputs.

        The claims of each applicant are stacked exactly as :meth:`stack` stacks
        the same results, in row order and, within a row, in the order of
        ``measures``: 就高、从优、不重复享受 per object (column ``object``; without
        it, or where its value is missing or "", a row is an object of its own:
        rows are one object only when they name the same id), a ceiling still to be assessed is
        never paid, caps across claims hold per applicant.

        Each row has a date: its value in the column named ``dates`` (default
        ``"date"``, when the frame has it; ISO strings, ``datetime.date``,
        pandas Timestamps or datetime64, their calendar date), else ``date``
        (also the date of a row whose date is missing; without ``date`` such a
        row is refused, ``InvalidDate`` with its row, as is a string that is no
        date).  A row's claims are evaluated and stacked at its date: a yearly
        award or cap (每年) is one per year of the row's date, so claims of one
        applicant in two years do not compete for it.  ``dates=None`` reads no
        date column.  ``claims`` has each claim's ``date``.  ``errors``: "raise" raises the first invalid row's error
        (with the result as ``error.population``), "mark" returns it as
        ``result.error``, invalid claims being left out of their applicant's
        stacking.  Returns a :class:`Population` (``claims``, ``by_applicant``,
        ``by_measure``, ``total``, ``allocate``).
        """
        from ._population import evaluate_population

        return evaluate_population(self, frame, date, measures=measures, applicant=applicant, object=object,
                                   dates=dates, units=units, extra=extra, errors=errors)

    def stack(self, results: Sequence["Result"],
              already_granted: Optional[Sequence[Optional[Money]]] = None,
              objects: Optional[Sequence[Optional[str]]] = None) -> "StackReport":
        """Applies 就高、从优、不重复享受 to one applicant's claims; see :func:`dgsubsidy.stack`."""
        from ._stack import stack

        return stack(self, results, already_granted, objects=objects)

    def __repr__(self) -> str:
        origin = f" {self._origin}" if self._origin else ""
        return f"<Ruleset{origin} {self.fingerprint}: {len(self)} measures>"


_restored_lock = threading.Lock()
_restored: "weakref.WeakValueDictionary[Any, Ruleset]" = weakref.WeakValueDictionary()


def _restore_ruleset(origin: str, chain: Tuple[Tuple[Any, ...], ...], fingerprint: str) -> Ruleset:
    """Rebuilds a pickled ruleset: the built-in one with the chain applied again."""
    key = (chain, fingerprint)
    with _restored_lock:
        rs = _restored.get(key)
    if rs is not None:
        return rs
    rs = Ruleset.builtin()
    for step in chain:
        if step[0] == "guideline":
            _, text, name = step
            ptr = _native.dgs_ruleset_apply_guideline(rs._ptr, text, name)
        elif step[0] == "parameter":
            ptr = _native.dgs_ruleset_set_parameter(rs._ptr, *step[1:])
        else:
            raise _errors.InvalidArgument(f"a pickled ruleset holds an unknown step {step[0]!r}",
                                          code=_native.DGS_E_INVALID_ARGUMENT)
        rs = Ruleset(ptr, rs._origin, rs._chain + (step,))
    if chain:
        rs._origin = origin
    if rs.fingerprint != fingerprint:
        raise _errors.NotSupported(
            f"the pickled ruleset had the fingerprint {fingerprint}, but rebuilt by this library "
            f"(libdgsubsidy {_native.dgs_version_string()}) it has {rs.fingerprint}: the two libraries "
            f"compute differently, so the ruleset is not restored", code=_native.DGS_E_NOT_SUPPORTED)
    if chain:
        with _restored_lock:
            rs = _restored.setdefault(key, rs)
    return rs


def _json_default(o: Any) -> Any:
    if isinstance(o, Decimal):
        return str(o)
    if isinstance(o, _dt.date):
        return o.isoformat()
    if isinstance(o, float):
        raise _errors.TypeMismatch(f"guideline: {o!r} is a float; write amounts as strings such as \"1500000.00\"")
    raise TypeError(f"{type(o).__name__} is not JSON serializable")


def _printable(text: str) -> str:
    return text.encode("utf-8", "replace").decode("utf-8") if isinstance(text, str) else text


def _parameter_text(rs: Ruleset, mid: Optional[str], pname: str, value: Any) -> str:
    if isinstance(value, str):
        return c_string(value, f"{mid or 'ruleset'}.{pname}")
    what = f"{mid or 'ruleset'}.{pname}"
    if type(value).__module__ == "numpy" and not is_bool(value) and hasattr(value, "item"):
        # A numpy scalar (a value of an array of sweep values) means what the Python number means:
        # an integer is yuan (or a count), a float is refused as a float is.
        value = value.item()
    if isinstance(value, float):
        to_fen(value, what)  # raises the float TypeMismatch
    if isinstance(value, Fraction):
        # "a/b" is a/b in the library's ratio text ("a:b", the document's convention, is b/a).
        return f"{value.numerator}/{value.denominator}"
    if isinstance(value, _dt.date):
        return iso_date(value, what)
    if isinstance(value, (Decimal, int)) and not isinstance(value, bool):
        # Money of yuan (two decimals at most) or a count: written exactly.
        if isinstance(value, Decimal):
            # Written out exactly ("0.055", "1500000.00"); the library reads it by the parameter's
            # type (a ratio, money of at most two decimals, …) and refuses what does not fit.
            if not value.is_finite():
                raise _errors.InvalidValue(f"{what}: {value} is not a finite number", code=_native.DGS_E_VALUE)
            if abs(value.adjusted()) > 40:
                raise _errors.Overflow(f"{what}: {value} has too many digits for a parameter value",
                                       code=_native.DGS_E_OVERFLOW)
            return format(value, "f")
        return str(to_int64(value, what))
    raise _errors.TypeMismatch(f"{what}: a value of type {type(value).__name__} cannot be a parameter value; "
                               f"pass text as in guidelines, e.g. '1500000.00' or '5%'")


# --------------------------------------------------------------------------- evaluation


def _set_input(case: Any, measure: Measure, name: str, value: Any) -> None:
    inp = measure._inputs.get(name) if measure._inputs is not None else None
    if inp is None:
        inp = measure.inputs.get(name)
    if inp is None:
        # The library names the measure and lists its inputs.
        _native.dgs_case_unset(case, c_string(name, "input name"))
        raise _errors.UnknownInput(f"{measure.id}: no input '{name}'", code=_native.DGS_E_UNKNOWN_INPUT)
    what = f"{measure.id}: {name}"
    t = inp.type
    if isinstance(value, str):
        _native.dgs_case_set_text(case, name, c_string(value, what))
    elif t == ValueType.MONEY:
        _native.dgs_case_set_money(case, name, to_fen(value, what))
    elif t == ValueType.AREA:
        _native.dgs_case_set_int(case, name, to_scaled(value, what, unit="m2", scale=2))
    elif t == ValueType.FLAG:
        if is_bool(value):  # bool, or numpy's bool scalar (not a bool subclass)
            _native.dgs_case_set_flag(case, name, 1 if value else 0)
        else:
            n = to_int64(value, what)
            _native.dgs_case_set_int(case, name, n)
    elif t == ValueType.MONEY_LIST:
        if isinstance(value, (bytes, Mapping)) or not isinstance(value, Iterable):
            raise _errors.TypeMismatch(f"{what}: a list of money amounts is required, not {type(value).__name__}")
        fens = [to_fen(v, f"{what}[{i}]") for i, v in enumerate(value)]
        _native.dgs_case_set_list(case, name, fens)
    elif t == ValueType.CHOICE:
        if isinstance(value, enum.Enum):
            value = value.value if isinstance(value.value, str) else value
        if isinstance(value, str):
            _native.dgs_case_set_choice(case, name, c_string(value, what))
        else:
            _native.dgs_case_set_int(case, name, to_int64(value, what))
    else:
        if is_bool(value):
            raise _errors.TypeMismatch(f"{what}: {value!r} is a bool; pass a whole number (int)")
        _native.dgs_case_set_int(case, name, to_int64(value, what))


def _set_conditions(case: Any, measure: Measure, conditions: Any) -> None:
    if not isinstance(conditions, Mapping):
        raise _errors.TypeMismatch(f"{measure.id}: conditions is a mapping of condition id to True/False, "
                                   f"not {type(conditions).__name__}")
    for cid, met in conditions.items():
        if met is None:
            continue
        what = f"{measure.id}: condition {cid!r}"
        if not isinstance(met, bool) and type(met).__name__ != "bool_":
            raise _errors.TypeMismatch(f"{what} is declared True (met) or False (not met), not {met!r}")
        # The library names the measure and lists its conditions when the id is unknown.
        _native.dgs_case_set_condition(case, c_string(str(cid), what), 1 if met else 0)


def _evaluate(measure: Measure, date: Optional[DateLike], inputs: Mapping[str, Any]) -> "Result":
    case = _native.dgs_case_new(measure._ptr)
    try:
        if date is not None:
            _native.dgs_case_set_date(case, iso_date(date))
        for name, value in inputs.items():
            if value is None:
                continue
            if name == "conditions" and measure.inputs.get(name) is None:
                _set_conditions(case, measure, value)
                continue
            if name.startswith("condition.") and measure.inputs.get(name) is None:
                # As the command line writes it: condition.<id>="true"/"false" (or a bool).
                if isinstance(value, str):
                    _native.dgs_case_set_text(case, name, c_string(value, f"{measure.id}: {name}"))
                else:
                    _set_conditions(case, measure, {name[len("condition."):]: value})
                continue
            _set_input(case, measure, name, value)
        ptr = _native.dgs_evaluate(case)
    finally:
        _native.dgs_case_free(case)
    return Result(measure, ptr, inputs)


# --------------------------------------------------------------------------- results


class Step:
    """One step of a result's trace: a label, a value and where it came from."""

    __slots__ = ("_labels", "type", "raw", "denominator", "source", "reference", "amount_type", "amount_raw")

    def __init__(self, labels: Tuple[str, str], vtype: ValueType, raw: int, den: int, source: str,
                 reference: str, amount_type: ValueType = ValueType.MONEY, amount_raw: int = 0) -> None:
        self._labels = labels
        self.type = vtype
        #: The value in the library's unit (fen for money, hundredths of m² for areas).
        self.raw = raw
        #: The denominator for ratio steps (1 otherwise).
        self.denominator = den
        #: The parameter or input the step came from ("ratio", "interest_paid"), or "".
        self.source = source
        #: The clause phrase or guideline reference behind the step, or "".
        self.reference = reference
        #: The type of the amount after the step (money, area or count).
        self.amount_type = amount_type
        #: The amount after the step in the library's unit (``value`` is the step's own figure).
        self.amount_raw = amount_raw

    def label(self, lang: str = "zh") -> str:
        return self._labels[_lang(lang)]

    @property
    def value(self) -> Any:
        """Decimal yuan for money, Decimal m² for areas, Fraction for ratios, bool for flags, else int."""
        return _value_of_type(self.type, self.raw, self.denominator)

    @property
    def amount(self) -> Any:
        """The amount after the step: Decimal yuan for money, Decimal m² for areas, else int."""
        return _value_of_type(self.amount_type, self.amount_raw, 1)

    def __repr__(self) -> str:
        return (f"<Step {self.label('en')}: {self.value} ({self.type}) → {self.amount} "
                f"from {self.source or '-'}>")


class UsedParameter:
    """A parameter an evaluation used, with the reference of the value used (for audit)."""

    __slots__ = ("name", "reference")

    def __init__(self, name: str, reference: str) -> None:
        self.name = name
        self.reference = reference

    def __repr__(self) -> str:
        return f"<UsedParameter {self.name}: {self.reference}>"


_OUTCOMES: Dict[int, Outcome] = {int(o): o for o in Outcome}


class Result:
    """The result of one evaluation: award, outcome, binding constraint and trace.

    ``award`` is a Decimal of yuan (for quota measures, whose ``unit`` is not
    "yuan", an int in that unit); ``award_fen`` the exact integer.
    """

    def __init__(self, measure: Measure, ptr: Any, inputs: Optional[Mapping[str, Any]] = None) -> None:
        self._measure = measure  # keeps the ruleset, which the result borrows from, alive
        self._ptr = ptr
        self._given = inputs  # the inputs as given: pickling evaluates them again
        self.outcome: Outcome = _OUTCOMES[_native.dgs_result_outcome(ptr)]
        #: The award as an exact integer: fen when ``unit`` is "yuan".
        self.award_fen: int = _native.dgs_result_award(ptr)
        self.unit: str = _native.dgs_result_unit(ptr)
        self._steps: Optional[Tuple[Step, ...]] = None

    def __del__(self) -> None:
        # Cheaper than a weakref.finalize per result, which the scalar path felt.
        ptr, self._ptr = getattr(self, "_ptr", None), None
        if ptr is not None and _native is not None:
            _native.dgs_result_free(ptr)

    def __copy__(self) -> "Result":
        # Immutable: a copy is the result itself (a second Python object over the
        # same C result would free it twice).
        return self

    def __deepcopy__(self, memo: Dict[int, Any]) -> "Result":
        return self

    def __reduce__(self) -> Tuple[Any, ...]:
        # Pickled as what produced it: the measure (with its ruleset's guideline chain),
        # the date and the inputs.  Unpickling evaluates them again and checks that the
        # result, trace included, is the same as the pickled JSON.
        if self._given is None:
            raise TypeError("this Result cannot be pickled: the inputs it was evaluated from are unknown")
        return (_restore_result, (self._measure, self.date.isoformat(), dict(self._given), self.to_json("zh")))

    @property
    def measure(self) -> Measure:
        return self._measure

    @property
    def measure_id(self) -> str:
        return _native.dgs_result_measure_id(self._ptr)

    @property
    def date(self) -> _dt.date:
        return _dt.date.fromisoformat(_native.dgs_result_date(self._ptr))

    @property
    def is_money(self) -> bool:
        """True when the award is money (fen): the measure's typed unit, not a guess from ``unit``."""
        return _native.dgs_result_unit_type(self._ptr) == _native.DGS_UNIT_FEN

    @property
    def computed_by(self) -> str:
        """The id of the measure that computed the result: its own, or the one it restates."""
        return _native.dgs_result_computed_by(self._ptr)

    @property
    def award(self) -> Union[Decimal, int]:
        """The award: Decimal yuan (two decimals), or an int for non-money units (see ``unit``)."""
        return from_fen(self.award_fen) if self.is_money else self.award_fen

    @property
    def granted(self) -> bool:
        return self.outcome == Outcome.GRANTED

    @property
    def binding(self) -> Optional[str]:
        """The constraint that set the amount ("cap_per_year", "interest_paid", …), or None."""
        return _native.dgs_result_binding(self._ptr) or None

    def reason(self, lang: str = "zh") -> str:
        """Why the outcome is what it is (the failed condition, the validity window, …); "" for a grant."""
        return _native.dgs_result_reason(self._ptr, _lang(lang))

    @property
    def group(self) -> Optional[str]:
        """The exclusive group the result falls in for stacking, or None."""
        return _native.dgs_result_group(self._ptr) or None

    @property
    def fingerprint(self) -> str:
        """The fingerprint of the ruleset that produced the result."""
        return _native.dgs_result_fingerprint(self._ptr)

    @property
    def steps(self) -> Tuple[Step, ...]:
        """The trace: every step with its label, value and the clause or parameter it came from."""
        if self._steps is None:
            p = self._ptr
            self._steps = tuple(
                Step((_native.dgs_result_step_label(p, i, _native.DGS_LANG_ZH),
                      _native.dgs_result_step_label(p, i, _native.DGS_LANG_EN)),
                     ValueType(_native.dgs_result_step_type(p, i)),
                     _native.dgs_result_step_value(p, i),
                     _native.dgsw_result_step_denominator(p, i),
                     _native.dgs_result_step_source(p, i),
                     _native.dgs_result_step_reference(p, i),
                     ValueType(_native.dgs_result_step_amount_type(p, i)),
                     _native.dgs_result_step_amount(p, i))
                for i in range(_native.dgs_result_step_count(p)))
        return self._steps

    @property
    def conditions(self) -> Tuple[ConditionStatus, ...]:
        """Every condition of the measure with its status: "met", "not_met" or "assumed"."""
        p = self._ptr
        m = self._measure._ptr
        return tuple(ConditionStatus(m, i, _native.dgs_condition_status_name(_native.dgs_result_condition_status(p, i)))
                     for i in range(_native.dgs_result_condition_count(p)))

    @property
    def parameters(self) -> Tuple[UsedParameter, ...]:
        """The parameters the evaluation used, with the reference of each value."""
        p = self._ptr
        return tuple(UsedParameter(_native.dgs_result_parameter_name(p, i),
                                   _native.dgs_result_parameter_reference(p, i))
                     for i in range(_native.dgs_result_parameter_count(p)))

    def explain(self, lang: str = "zh") -> str:
        """The explanation of the result, step by step, in 'zh' or 'en'."""
        return _native.dgs_result_render(self._ptr, _native.DGS_FORMAT_TEXT, _lang(lang))

    def to_json(self, lang: str = "zh") -> str:
        """The result as JSON text (money as yuan strings, exact)."""
        return _native.dgs_result_render(self._ptr, _native.DGS_FORMAT_JSON, _lang(lang))

    def to_dict(self, lang: str = "zh") -> Dict[str, Any]:
        """The result as a dict ready for json.dumps: measure, date, outcome, award (yuan string),
        award_fen, unit, binding, reason, group, fingerprint, conditions (id, status, text, phrase),
        steps and parameters."""
        return json.loads(self.to_json(lang), parse_float=Decimal)

    def __repr__(self) -> str:
        amount = _fmt_award(self)
        binding = f", binding {self.binding}" if self.binding else ""
        return f"<Result {self.measure_id} {self.date}: {self.outcome} {amount}{binding}>"

    def _repr_html_(self) -> str:
        e = html.escape
        rows = "".join(
            f"<tr><td>{i + 1}</td><td>{e(s.label('zh'))}<br><small>{e(s.label('en'))}</small></td>"
            f"<td style='text-align:right'>{e(_fmt_value(s))}</td>"
            f"<td style='text-align:right'>{e(_fmt_amount(s))}</td><td><code>{e(s.source)}</code></td>"
            f"<td>{e(s.reference)}</td></tr>"
            for i, s in enumerate(self.steps))
        reason = self.reason("zh")
        return (
            f"<div><b>{e(self.measure_id)}</b> {e(self._measure.title('zh'))} · {e(str(self.date))}<br>"
            f"outcome <b>{e(str(self.outcome))}</b> · award <b>{e(_fmt_award(self))}</b>"
            f"{' · binding <code>' + e(self.binding) + '</code>' if self.binding else ''}"
            f"{'<br>' + e(reason) if reason else ''}"
            + "".join(f"<br><small>{e(label)}：{e('；'.join(c.text('zh') for c in cs))}</small>"
                      for label, cs in (("假定满足", [c for c in self.conditions if c.status == "assumed"]),
                                        ("已声明满足", [c for c in self.conditions if c.status == "met"]),
                                        ("未满足", [c for c in self.conditions if c.status == "not_met"]))
                      if cs)
            + (f"<table><tr><th>#</th><th>step</th><th>value</th><th>amount</th><th>source</th><th>reference</th></tr>"
               f"{rows}</table>" if rows else "")
            + f"<small>ruleset {e(self.fingerprint)}</small></div>")


def _restore_result(measure: Measure, date: str, inputs: Dict[str, Any], json_zh: str) -> Result:
    """Rebuilds a pickled result by evaluating its inputs again; refuses if anything differs."""
    r = _evaluate(measure, date, inputs)
    if r.to_json("zh") != json_zh:
        raise _errors.NotSupported(
            f"{measure.id}: the pickled result differs from the result of evaluating its inputs again "
            f"(were its inputs changed after the evaluation, or is the library another version?): "
            f"it is not restored", code=_native.DGS_E_NOT_SUPPORTED)
    return r


def _fmt_award(r: Result) -> str:
    if r.is_money and r.unit == "yuan":
        return f"CNY {r.award:,}"
    if r.is_money:
        return f"CNY {r.award:,} {r.unit[4:].strip()}"
    return f"{r.award:,} {r.unit}"


def _fmt_amount(s: Step) -> str:
    v = s.amount
    if s.amount_type == ValueType.MONEY:
        return f"CNY {v:,}"
    if s.amount_type == ValueType.AREA:
        return f"{v} m²"
    return str(v)


def _fmt_value(s: Step) -> str:
    v = s.value
    if s.type == ValueType.MONEY:
        return f"CNY {v:,}"
    if s.type == ValueType.AREA:
        return f"{v} m²"
    if s.type == ValueType.RATIO:
        pct = Fraction(v) * 100
        return f"{pct.numerator}%" if pct.denominator == 1 else f"{v.numerator}/{v.denominator}"
    return str(v)
