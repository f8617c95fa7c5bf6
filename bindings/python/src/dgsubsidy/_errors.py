# SPDX-License-Identifier: MulanPSL-2.0
"""The exceptions of dgsubsidy, one class per C status code (DGS_E_*).

Every error the C library reports is raised as a subclass of
:class:`dgsubsidy.Error` carrying the library's message (which names the
measure, input, parameter, file or line at fault) and the C code.  Each class
also derives from the built-in exception a Python programmer would expect
(``KeyError`` for unknown names, ``ValueError`` for bad values, ``TypeError``
for wrong types, ``OSError`` for files), so ``except ValueError`` works too.
"""

from __future__ import annotations

from typing import Dict, Optional, Type

__all__ = [
    "Error",
    "InvalidArgument",
    "OutOfMemory",
    "UnknownMeasure",
    "UnknownInput",
    "UnknownParameter",
    "TypeMismatch",
    "MissingInput",
    "InvalidValue",
    "NegativeValue",
    "Overflow",
    "InvalidDate",
    "InvalidChoice",
    "OutOfRange",
    "GuidelineError",
    "FileError",
    "NotSupported",
    "from_code",
]


class Error(Exception):
    """Base class of every error raised by dgsubsidy.

    Attributes:
        message: the library's message.
        code: the C status code (a negative ``DGS_E_*`` value).
        code_name: the code's symbolic name, e.g. ``"DGS_E_OVERFLOW"``.
        line: for guideline errors, the line in the guideline text (else None).
        row: for batch errors, the first row in error (else None).
    """

    code: int = 0
    code_name: str = "DGS_E_UNKNOWN"

    def __init__(self, message: str, *, code: Optional[int] = None, line: Optional[int] = None,
                 row: Optional[int] = None) -> None:
        super().__init__(message)
        self.message = message
        if code is not None:
            self.code = code
            self.code_name = _NAMES.get(code, "DGS_E_UNKNOWN")
        self.line = line
        self.row = row

    def __str__(self) -> str:
        return self.message

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.message!r})"

    def __reduce__(self):  # keep the attributes through pickling (multiprocessing)
        return (_rebuild, (type(self), self.message, self.code, self.line, self.row))


def _rebuild(cls, message, code, line, row):
    return cls(message, code=code, line=line, row=row)


class InvalidArgument(Error, ValueError):
    """DGS_E_INVALID_ARGUMENT: an argument out of its domain (e.g. an unknown allocation method)."""

    code, code_name = -1, "DGS_E_INVALID_ARGUMENT"


class OutOfMemory(Error, MemoryError):
    """DGS_E_NOMEM: memory could not be allocated."""

    code, code_name = -2, "DGS_E_NOMEM"


class UnknownMeasure(Error, KeyError):
    """DGS_E_UNKNOWN_MEASURE: no measure has that id."""

    code, code_name = -3, "DGS_E_UNKNOWN_MEASURE"


class UnknownInput(Error, KeyError):
    """DGS_E_UNKNOWN_INPUT: the measure has no input of that name."""

    code, code_name = -4, "DGS_E_UNKNOWN_INPUT"


class UnknownParameter(Error, KeyError):
    """DGS_E_UNKNOWN_PARAMETER: the measure (or the ruleset) has no parameter of that name."""

    code, code_name = -5, "DGS_E_UNKNOWN_PARAMETER"


class TypeMismatch(Error, TypeError):
    """DGS_E_TYPE: a value of the wrong type (also: a float given as money)."""

    code, code_name = -6, "DGS_E_TYPE"


class MissingInput(Error, ValueError):
    """DGS_E_MISSING_INPUT: a required input (or the date) was not given."""

    code, code_name = -7, "DGS_E_MISSING_INPUT"


class InvalidValue(Error, ValueError):
    """DGS_E_VALUE: a malformed value (e.g. more than two decimals of yuan); base of the value errors."""

    code, code_name = -13, "DGS_E_VALUE"


class NegativeValue(InvalidValue):
    """DGS_E_NEGATIVE: negative money, area or count."""

    code, code_name = -8, "DGS_E_NEGATIVE"


class Overflow(InvalidValue, OverflowError):
    """DGS_E_OVERFLOW: a value or an intermediate result exceeds int64 fen."""

    code, code_name = -9, "DGS_E_OVERFLOW"


class InvalidDate(InvalidValue):
    """DGS_E_DATE: a malformed or impossible date."""

    code, code_name = -10, "DGS_E_DATE"


class InvalidChoice(InvalidValue):
    """DGS_E_CHOICE: a choice that is not one of the input's choices."""

    code, code_name = -11, "DGS_E_CHOICE"


class OutOfRange(InvalidValue):
    """DGS_E_RANGE: a value outside its allowed range (e.g. a flag other than 0/1)."""

    code, code_name = -12, "DGS_E_RANGE"


class GuidelineError(Error, ValueError):
    """DGS_E_GUIDELINE: a malformed guideline; ``line`` is the line in the guideline text."""

    code, code_name = -14, "DGS_E_GUIDELINE"


class FileError(Error, OSError):
    """DGS_E_IO: a file could not be read."""

    code, code_name = -15, "DGS_E_IO"


class NotSupported(Error, ValueError):
    """DGS_E_NOT_SUPPORTED: the operation does not apply (e.g. a list input in a batch)."""

    code, code_name = -16, "DGS_E_NOT_SUPPORTED"


_CLASSES: Dict[int, Type[Error]] = {
    cls.code: cls
    for cls in (InvalidArgument, OutOfMemory, UnknownMeasure, UnknownInput, UnknownParameter,
                TypeMismatch, MissingInput, NegativeValue, Overflow, InvalidDate, InvalidChoice,
                OutOfRange, InvalidValue, GuidelineError, FileError, NotSupported)
}
_NAMES: Dict[int, str] = {code: cls.code_name for code, cls in _CLASSES.items()}


def from_code(code: int, message: str, line: Optional[int] = None,
              row: Optional[int] = None) -> Error:
    """The exception for a C status code and message (an unknown code gives a plain :class:`Error`)."""
    cls = _CLASSES.get(int(code), Error)
    if line is not None and line <= 0:
        line = None
    return cls(message, code=int(code), line=line, row=row)
