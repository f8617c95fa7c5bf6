# SPDX-License-Identifier: MulanPSL-2.0
"""Stacking (就高、从优、不重复享受) and budget allocation (结合各级年度预算规模)."""

from __future__ import annotations

import array
import html
import json
from collections.abc import Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Dict, Iterator, List, Optional, Sequence, Tuple, Union, overload

from . import _errors, _native
from ._api import Result, Ruleset, _lang, _NamedIntEnum, _owned
from ._money import Money, from_fen, to_fen, to_int64

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np

_UP_TO = _native.DGS_OUTCOME_UP_TO

__all__ = ["Decision", "StackEntry", "StackReport", "Allocation", "allocate", "allocate_fen", "stack"]


class Decision(_NamedIntEnum):
    """What stacking decided for one result (DGS_STACK_*)."""

    PAID = _native.DGS_STACK_PAID
    TOP_UP = _native.DGS_STACK_TOP_UP
    SUPERSEDED = _native.DGS_STACK_SUPERSEDED
    NOT_GRANTED = _native.DGS_STACK_NOT_GRANTED
    ALREADY_PAID = _native.DGS_STACK_ALREADY_PAID
    NOT_A_GRANT = _native.DGS_STACK_NOT_A_GRANT
    PENDING_ASSESSMENT = _native.DGS_STACK_PENDING_ASSESSMENT  #: a ceiling still to be assessed: not paid
    CAPPED = _native.DGS_STACK_CAPPED  #: paid less than its award: a cap across claims is reached


class StackEntry:
    """One result in a stacking report: what is paid now for it, and why."""

    __slots__ = ("_report", "_s", "index", "result", "paid_fen", "decision", "group", "winner", "object",
                 "object_kind", "up_to_fen", "repeated", "no_object")

    def __init__(self, report: "StackReport", s: Any, index: int, result: Result) -> None:
        self._report = report  # keeps the C report alive
        self._s = s
        self.index = index
        self.result = result
        #: What is paid now for this result, in fen.
        self.paid_fen: int = _native.dgs_stack_paid(s, index)
        self.decision = Decision(_native.dgs_stack_decision(s, index))
        #: The group the result was judged in, or None.
        self.group: Optional[str] = _native.dgs_stack_group(s, index) or None
        #: The index of the result that is paid in this one's group (itself when it is paid).
        self.winner: int = _native.dgs_stack_winner(s, index)
        #: The object the claim is about (a project, recognition, exhibition, …), or None.
        self.object: Optional[str] = _native.dgs_stack_object(s, index) or None
        #: What the benefit of the claim's group is about ("project", "recognition", "exhibition",
        #: "contract", "enterprise"), or None outside groups.
        self.object_kind: Optional[str] = _native.dgs_stack_object_kind(s, index) or None
        #: What an assessment of this pending ceiling could still add, in fen (0 unless pending).
        self.up_to_fen: int = _native.dgs_stack_up_to(s, index)
        #: True when the same one-off measure (in no group) is claimed twice for the same object.
        flags = _native.dgs_stack_flags(s, index)
        self.repeated: bool = bool(flags & _native.DGS_STACK_FLAG_REPEATED)
        #: True when this claim and others of its group, whose benefit is per object (a project, a
        #: recognition, …), name no object: they were read as one object and compete.  If they are
        #: different objects, pass ``objects=`` to :meth:`Ruleset.stack`.
        self.no_object: bool = bool(flags & _native.DGS_STACK_FLAG_NO_OBJECT)

    @property
    def paid(self) -> Decimal:
        """What is paid now for this result, in yuan."""
        return from_fen(self.paid_fen)

    @property
    def up_to(self) -> Decimal:
        """What an assessment of this pending ceiling could still add, in yuan."""
        return from_fen(self.up_to_fen)

    def reason(self, lang: str = "zh") -> str:
        return _native.dgs_stack_reason(self._s, self.index, _lang(lang))

    def __repr__(self) -> str:
        return (f"<StackEntry {self.index} {self.result.measure_id}: {self.decision}, paid CNY {self.paid:,}"
                f"{' in ' + self.group if self.group else ''}>")


class StackReport(Sequence[StackEntry]):
    """The decision of 就高、从优、不重复享受 over one applicant's results.

    A sequence of :class:`StackEntry` (one per result, in the order given);
    ``total`` is what is paid now in all.
    """

    def __init__(self, ruleset: Ruleset, results: Sequence[Result], ptr: Any) -> None:
        self._ruleset = ruleset
        self._results = tuple(results)  # the report borrows them
        self._ptr = ptr
        _owned(self, ptr, _native.dgs_stack_free)
        self._entries = tuple(StackEntry(self, ptr, i, r) for i, r in enumerate(self._results))

    # A report is immutable and owns its C handle: a copy is the report itself
    # (two Python objects freeing one handle would free it twice).
    def __copy__(self) -> "StackReport":
        return self

    def __deepcopy__(self, memo: Any) -> "StackReport":
        return self

    def __reduce__(self) -> Any:
        raise TypeError("a StackReport cannot be pickled: pickle its results (and objects) and "
                        "stack them again in the other process")

    def __len__(self) -> int:
        return len(self._entries)

    @overload
    def __getitem__(self, i: int) -> StackEntry: ...

    @overload
    def __getitem__(self, i: slice) -> Tuple[StackEntry, ...]: ...

    def __getitem__(self, i: Union[int, slice]) -> Union[StackEntry, Tuple[StackEntry, ...]]:
        return self._entries[i]

    def __iter__(self) -> Iterator[StackEntry]:
        return iter(self._entries)

    @property
    def total_fen(self) -> int:
        return _native.dgs_stack_total(self._ptr)

    @property
    def total(self) -> Decimal:
        """The total paid now, in yuan: payments only, never a ceiling still to be assessed."""
        return from_fen(self.total_fen)

    @property
    def up_to_total_fen(self) -> int:
        return _native.dgs_stack_up_to_total(self._ptr)

    @property
    def up_to_total(self) -> Decimal:
        """What the ceilings still to be assessed could add to ``total`` at most, in yuan."""
        return from_fen(self.up_to_total_fen)

    @property
    def repeated(self) -> Tuple[StackEntry, ...]:
        """The claims of a one-off measure claimed twice for the same object (to check)."""
        return tuple(x for x in self._entries if x.repeated)

    @property
    def no_object(self) -> Tuple[StackEntry, ...]:
        """The claims of a benefit per object that name no object and were read as one (to check)."""
        return tuple(x for x in self._entries if x.no_object)

    def explain(self, lang: str = "zh") -> str:
        return _native.dgs_stack_render(self._ptr, _native.DGS_FORMAT_TEXT, _lang(lang))

    def to_json(self, lang: str = "zh") -> str:
        return _native.dgs_stack_render(self._ptr, _native.DGS_FORMAT_JSON, _lang(lang))

    def to_dict(self, lang: str = "zh") -> Dict[str, Any]:
        return json.loads(self.to_json(lang), parse_float=Decimal)

    def __repr__(self) -> str:
        pending = f", up to CNY {self.up_to_total:,} to be assessed" if self.up_to_total_fen else ""
        return f"<StackReport {len(self)} results, total paid CNY {self.total:,}{pending}>"

    def _repr_html_(self) -> str:
        e = html.escape
        rows = "".join(
            f"<tr><td>{x.index}</td><td>{e(x.result.measure_id)}</td>"
            f"<td style='text-align:right'>{'up to ' if x.result.outcome == _UP_TO else ''}CNY {x.result.award:,}</td>"
            f"<td>{e(str(x.decision))}</td>"
            f"<td style='text-align:right'>CNY {x.paid:,}</td><td>{e(x.group or '')}</td>"
            f"<td>{e(x.reason('zh'))}</td></tr>" for x in self._entries if x.result.is_money)
        return (f"<div><table><tr><th>#</th><th>measure</th><th>award</th><th>decision</th><th>paid</th>"
                f"<th>group</th><th>reason</th></tr>{rows}</table>total paid <b>CNY {self.total:,}</b>"
                + (f"; up to CNY {self.up_to_total:,} more to be assessed" if self.up_to_total_fen else "") + "</div>")


def _entries(value: Any, what: str, entry: str) -> List[Any]:
    """The entries of a list argument; a str (read letter by letter, "P1" would be two objects "P"
    and "1") or a mapping (read as its keys) is refused."""
    if isinstance(value, (str, bytes, bytearray, Mapping)):
        raise _errors.TypeMismatch(f"{what} is a list with one {entry}, not a {type(value).__name__}: "
                                   f"write [{value!r}] for one")
    return list(value)


def stack(ruleset: Ruleset, results: Sequence[Result],
          already_granted: Optional[Sequence[Optional[Money]]] = None,
          objects: Optional[Sequence[Optional[str]]] = None) -> StackReport:
    """Applies 就高、从优、不重复享受 to one applicant's claims.

    ``already_granted`` (optional, one entry per result, None = nothing) is
    the money already granted for each result's object; the highest of a
    group is then paid as a top-up.

    ``objects`` (optional, one entry per result, None = none) says what each
    claim is about — a project, a recognition, an exhibition, a contract: claims
    of one exclusive group compete only for the same object (and, for a yearly
    award, the same year).  A ceiling still to be assessed (``Outcome.UP_TO``) is
    never paid; ``up_to_total`` says what it could add.
    """
    results = _entries(results, "results", "Result per claim")
    for i, r in enumerate(results):
        if not isinstance(r, Result):
            raise _errors.TypeMismatch(f"result {i} is a {type(r).__name__}, not a dgsubsidy.Result")
    if already_granted is None:
        granted = [0] * len(results)
    else:
        granted = [0 if g is None else to_fen(g, f"already_granted[{i}]")
                   for i, g in enumerate(_entries(already_granted, "already_granted", "amount per result"))]
        if len(granted) != len(results):
            raise _errors.InvalidArgument(
                f"already_granted has {len(granted)} amounts for {len(results)} results",
                code=_native.DGS_E_INVALID_ARGUMENT)
    if objects is None:
        objs: List[Optional[str]] = [None] * len(results)
    else:
        objs = _entries(objects, "objects", "object per result")
        if len(objs) != len(results):
            raise _errors.InvalidArgument(f"objects has {len(objs)} entries for {len(results)} results",
                                          code=_native.DGS_E_INVALID_ARGUMENT)
        for i, o in enumerate(objs):
            if o is not None and not isinstance(o, str):
                raise _errors.TypeMismatch(f"objects[{i}] is a {type(o).__name__}, not a str (or None)")
            if o is not None and "\0" in o:
                raise _errors.InvalidArgument(f"objects[{i}] contains a NUL character",
                                              code=_native.DGS_E_INVALID_ARGUMENT)
    lst = _native.dgsw_results_new()
    try:
        for r, g, o in zip(results, granted, objs):
            _native.dgsw_results_add_claim(lst, r._ptr, g, o)
        ptr = _native.dgsw_stack_claims(ruleset._ptr, lst)
    finally:
        _native.dgsw_results_free(lst)
    return StackReport(ruleset, results, ptr)


# --------------------------------------------------------------------------- allocation


class Allocation(_NamedIntEnum):
    """How a budget is shared among claims (DGS_ALLOCATE_*)."""

    PRO_RATA = _native.DGS_ALLOCATE_PRO_RATA  #: proportional; largest remainder to the fen
    FIRST_COME = _native.DGS_ALLOCATE_FIRST_COME  #: in the order given, each claim in full while it lasts


def _method(method: Union[Allocation, str, int]) -> int:
    try:
        return int(Allocation(method))  # type: ignore[arg-type]  # names are accepted too
    except ValueError:
        raise _errors.InvalidArgument(f"unknown allocation method {method!r} ('pro_rata' or 'first_come')",
                                      code=_native.DGS_E_INVALID_ARGUMENT) from None


def allocate_fen(budget_fen: int, claims_fen: Any, method: Union[Allocation, str] = "pro_rata") -> "np.ndarray":
    """Scales claims (an int64 array of fen) to a budget (int fen); returns the shares as int64 fen.

    Pro rata: the shares sum to min(budget, Σ claims) exactly and none exceeds
    its claim.  First come: claims are met in order until the budget runs out.
    """
    import numpy as np

    m = _method(method)
    budget = to_int64(budget_fen, "budget")
    claims = np.asarray(claims_fen)
    if claims.dtype.kind == "f":
        raise _errors.TypeMismatch("claims: a float array is not money; give int64 fen")
    if claims.dtype.kind not in "iu" and claims.size:
        raise _errors.TypeMismatch(f"claims: an int64 array of fen is required, not {claims.dtype}")
    if claims.dtype.kind == "u" and claims.size and int(claims.max()) > 2**63 - 1:
        raise _errors.Overflow("claims: a claim beyond the largest amount (int64 fen)")
    claims = np.ascontiguousarray(claims.reshape(-1), dtype=np.int64)
    shares = np.zeros(len(claims), dtype=np.int64)
    _native.dgspy_allocate(budget, claims, m, shares)
    return shares


def allocate(budget: Money, claims: Sequence[Money], method: Union[Allocation, str] = "pro_rata") -> List[Decimal]:
    """Scales money claims (Decimal / int yuan / strings) to a budget; returns the shares as Decimal yuan."""
    m = _method(method)
    b = to_fen(budget, "budget")
    fens = array.array("q", [to_fen(c, f"claims[{i}]") for i, c in enumerate(_entries(claims, "claims", "amount per claim"))])
    shares = array.array("q", bytes(8 * len(fens)))
    _native.dgspy_allocate(b, fens, m, shares)
    return [from_fen(v) for v in shares]
