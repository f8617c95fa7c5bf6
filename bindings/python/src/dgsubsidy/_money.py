# SPDX-License-Identifier: MulanPSL-2.0
"""Exact conversions between Python values and the library's integer units.

Money is an integer count of fen (0.01 yuan) in the library and a
:class:`decimal.Decimal` of yuan (or an ``int`` of yuan, or a decimal string)
in Python.  A ``float`` is never accepted for money: binary floating point
cannot hold most amounts of yuan and fen exactly.  Areas are hundredths of a
square metre and follow the same rules.
"""

from __future__ import annotations

import datetime as _dt
import operator
import re
from decimal import Decimal
from typing import Any, Union

from . import _errors

INT64_MAX = 2**63 - 1
INT64_MIN = -(2**63)

#: What money may be given as: Decimal yuan, int yuan, or a decimal string of yuan.
Money = Union[Decimal, int, str]
#: What a date may be given as: a datetime.date or an ISO string "YYYY-MM-DD".
DateLike = Union[_dt.date, str]

_FLOAT_HINT = (
    "binary floating point cannot hold amounts of money exactly; pass a Decimal "
    "(Decimal('{text}')), an int of yuan, or a string of yuan such as '{text}'"
)


def _is_integer(value: Any) -> bool:
    if isinstance(value, bool):
        return False
    if isinstance(value, int):
        return True
    if isinstance(value, (float, Decimal, str, bytes)):
        return False
    try:
        operator.index(value)  # numpy integers and other integer types
    except TypeError:
        return False
    return True


def _as_int(value: Any) -> int:
    """The exact integer of an int, an int subclass or a numpy integer.

    ``int.__index__`` reads the integer a subclass holds, whatever the subclass
    does to ``__mul__``, ``__int__`` or ``__index__``: the amount is the number
    the object is, not what an overridden operator makes of it.
    """
    if isinstance(value, int):
        return int.__index__(value)
    return int(operator.index(value))


def is_bool(value: Any) -> bool:
    """True for a bool and for numpy's bool scalar (``np.True_``), which is not a bool subclass."""
    if isinstance(value, bool):
        return True
    t = type(value)
    return (t.__module__ or "").startswith("numpy") and t.__name__ in ("bool", "bool_")


def type_name(value: Any) -> str:
    """The name of a value's type for a message: "numpy.bool", "Decimal", "MyInt(int)"."""
    t = type(value)
    module = t.__module__ or ""
    if module.startswith("numpy"):
        return f"numpy.{t.__name__}"
    return t.__name__


def _shown(value: Any) -> str:
    """A short text of a value for a message (huge ints and long strings abridged)."""
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 128:
        return f"an integer of {value.bit_length()} bits"
    if isinstance(value, Decimal) and value.is_finite() and abs(value.adjusted()) > 40:
        return f"{'-' if value.is_signed() else ''}1E{value.adjusted():+d} (about)"
    text = str(value)
    return text if len(text) <= 60 else text[:60] + "…"


def _float_text(value: float) -> str:
    try:
        return repr(float(value)) if value == value and abs(value) != float("inf") else "1500000.00"
    except Exception:  # pragma: no cover - exotic float subclasses
        return "1500000.00"


def to_scaled(value: Any, what: str, *, unit: str = "yuan", scale: int = 2) -> int:
    """``value`` (Decimal, int or decimal string in ``unit``) as an int of 10^-scale units.

    Raises TypeMismatch for floats, bools and other types; InvalidValue for
    NaN, infinities, malformed strings and more than ``scale`` decimals;
    Overflow beyond int64.  Negative values are returned as they are: the
    library refuses them where they are not allowed (NegativeValue).
    """
    if isinstance(value, Decimal):  # the common cases first
        n = _decimal_scaled(value, what, scale, unit)
    elif type(value) is int:
        n = value * 10**scale
    elif isinstance(value, float):
        raise _errors.TypeMismatch(
            f"{what}: {value!r} is a float; " + _FLOAT_HINT.format(text=_float_text(value)))
    elif is_bool(value) or value is None:
        raise _errors.TypeMismatch(
            f"{what}: {value!r} ({type_name(value)}) is not an amount; pass a Decimal, an int of {unit} "
            f"or a decimal string")
    elif _is_integer(value):
        n = _as_int(value) * 10**scale
    elif isinstance(value, str):
        if unit == "yuan" and scale == 2:
            from . import _native  # the library's own reader of yuan text, as the CLI uses

            n = _native.dgs_money_parse(c_string(value, what))
        else:
            n = _decimal_scaled(_parse_decimal_text(value, what, unit), what, scale, unit)
    else:
        raise _errors.TypeMismatch(
            f"{what}: a value of type {type_name(value)} is not an amount; pass a Decimal, "
            f"an int of {unit} or a decimal string")
    if n > INT64_MAX or n < INT64_MIN:
        raise _errors.Overflow(f"{what}: {_shown(value)} {unit} exceeds the largest amount the library holds "
                               f"({INT64_MAX} units of 0.{'0' * (scale - 1)}1 {unit})")
    return n


_DECIMAL_TEXT = re.compile(r"[+-]?[0-9]+(\.[0-9]+)?\Z")


def _parse_decimal_text(text: str, what: str, unit: str) -> Decimal:
    # The grammar of the library's text values: digits, optionally a point and digits.
    if len(text) > 64 or not _DECIMAL_TEXT.match(text):
        shown = text if len(text) <= 40 else text[:40] + "…"
        raise _errors.InvalidValue(f"{what}: {shown!r} is not a decimal number of {unit} "
                                   f"(e.g. '18.5')")
    return Decimal(text)


def _decimal_scaled(value: Decimal, what: str, scale: int, unit: str) -> int:
    if not value.is_finite():
        raise _errors.InvalidValue(f"{what}: {value} is not a finite amount of {unit}")
    sign, digits, exponent = value.as_tuple()
    n = 0
    for d in digits:
        n = n * 10 + d
    if n == 0:
        return 0
    shift = int(exponent) + scale
    if shift >= 0:
        if shift + len(digits) > 40:  # far beyond int64: do not build a huge integer
            raise _errors.Overflow(f"{what}: {_shown(value)} {unit} exceeds the largest amount the library holds")
        n *= 10**shift
    else:
        drop = -shift
        if drop > len(digits) or n % 10**drop:
            raise _errors.InvalidValue(
                f"{what}: {_shown(value)} has more than {scale} decimals; the library does not round "
                f"for you: round it explicitly (e.g. with .quantize(Decimal('0.01'), ROUND_FLOOR))")
        n //= 10**drop
    return -n if sign else n


def to_fen(value: Any, what: str = "amount") -> int:
    """Money (Decimal yuan, int yuan, decimal string of yuan) as an int of fen, exactly."""
    return to_scaled(value, what, unit="yuan", scale=2)


def from_fen(fen: int) -> Decimal:
    """An int of fen as a Decimal of yuan with two decimals (exact whatever the decimal context)."""
    return Decimal(f"{int(fen)}E-2")


def from_hundredths(n: int) -> Decimal:
    """An int of hundredths (of a square metre) as a Decimal with two decimals."""
    return Decimal(f"{int(n)}E-2")


def to_int64(value: Any, what: str) -> int:
    """A whole number (int, numpy integer, integral Decimal) as an int64, with clear errors."""
    if isinstance(value, float):
        raise _errors.TypeMismatch(f"{what}: {value!r} is a float; pass a whole number (int)")
    if isinstance(value, Decimal) and value.is_finite():
        if value.adjusted() > 19:
            raise _errors.Overflow(f"{what}: {_shown(value)} exceeds the int64 range")
        if value == value.to_integral_value():
            value = int(value)
    if not _is_integer(value):
        raise _errors.TypeMismatch(
            f"{what}: a value of type {type_name(value)} is not a whole number; pass an int")
    n = _as_int(value)
    if n > INT64_MAX or n < INT64_MIN:
        raise _errors.Overflow(f"{what}: {_shown(n)} exceeds the int64 range")
    return n


def iso_date(value: Any, what: str = "date") -> str:
    """A date (datetime.date, datetime.datetime, numpy.datetime64 or ISO string) as "YYYY-MM-DD"."""
    if isinstance(value, _dt.datetime):
        return value.date().isoformat()
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, str):
        return c_string(value, what)
    if type(value).__name__ == "datetime64":
        import numpy as np

        if np.isnat(value):
            raise _errors.InvalidDate(f"{what}: NaT is not a date")
        return str(value.astype("datetime64[D]"))
    raise _errors.TypeMismatch(
        f"{what}: a value of type {type(value).__name__} is not a date; pass a datetime.date "
        f"or an ISO string 'YYYY-MM-DD'")


def c_string(value: Any, what: str) -> str:
    """A str the library can take: no NUL character and valid UTF-8 (no lone surrogates)."""
    if not isinstance(value, str):
        raise _errors.TypeMismatch(f"{what}: a str is required, not {type(value).__name__}")
    if "\x00" in value:
        raise _errors.InvalidValue(f"{what}: the text contains a NUL character")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise _errors.InvalidValue(f"{what}: the text is not valid Unicode (a lone surrogate)") from None
    return value
