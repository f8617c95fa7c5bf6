# SPDX-License-Identifier: MulanPSL-2.0
"""dgsubsidy — the subsidies of Dongguan's 东府〔2024〕1号, computed exactly.

>>> import dgsubsidy
>>> from decimal import Decimal
>>> rules = dgsubsidy.Ruleset.builtin()
>>> r = rules.evaluate("A1.07.a", date="2024-06-01",
...                    financed_amount=Decimal("28000000"), interest_paid=Decimal("1500000"))
>>> r.award, r.outcome
(Decimal('1400000.00'), <Outcome.GRANTED: 0>)

Money is exact: Decimal yuan (or int yuan, or decimal strings) in, Decimal
yuan out; a float is refused.  Batches take pandas DataFrames or dicts of
numpy arrays (money as int64 fen) and run in one call into the C library.
Errors are subclasses of :class:`dgsubsidy.Error`.
"""

from ._version import __version__

try:
    from . import _native
except ImportError as e:  # pragma: no cover - a broken installation
    raise ImportError(
        f"dgsubsidy {__version__}: the compiled extension dgsubsidy._native could not be loaded ({e}). "
        f"Install the package with `python3 -m pip install ./bindings/python` from the repository."
    ) from e

#: The version of the C library the extension was built with (``dgs_version_string()``).
library_version: str = _native.dgs_version_string()

if library_version != __version__:  # pragma: no cover - guarded by a test
    raise ImportError(
        f"dgsubsidy: the Python package is version {__version__} but its C library (libdgsubsidy) is "
        f"version {library_version}. The binding and the library must match: rebuild the package "
        f"from one checkout (`python3 -m pip install ./bindings/python`), or update "
        f"bindings/python/src/dgsubsidy/_version.py when the library's version changes.")

from ._errors import (Error, FileError, GuidelineError, InvalidArgument, InvalidChoice,  # noqa: E402
                      InvalidDate, InvalidValue, MissingInput, NegativeValue, NotSupported,
                      OutOfMemory, OutOfRange, Overflow, TypeMismatch, UnknownInput,
                      UnknownMeasure, UnknownParameter)
from ._money import DateLike, Money, from_fen, to_fen  # noqa: E402
from ._api import (Input, Kind, Measure, Measures, Outcome, Parameter, Result, Ruleset,  # noqa: E402
                   Step, UsedParameter, ValueType)
from ._api import Condition, ConditionStatus  # noqa: E402
from ._batch import BatchResult, DecimalView  # noqa: E402
from ._analysis import Comparison  # noqa: E402
from ._stack import (Allocation, Decision, StackEntry, StackReport, allocate,  # noqa: E402
                     allocate_fen)
from . import plot  # noqa: E402  (figures; matplotlib is imported only when one is drawn)
from ._population import Population  # noqa: E402


def builtin() -> Ruleset:
    """The built-in ruleset (东府〔2024〕1号 as printed); the same as ``Ruleset.builtin()``."""
    return Ruleset.builtin()


__all__ = [
    "__version__", "library_version", "builtin",
    "Ruleset", "Measures", "Measure", "Input", "Parameter", "Result", "Step", "UsedParameter",
    "Kind", "ValueType", "Outcome", "BatchResult", "DecimalView", "Comparison",
    "StackReport", "StackEntry", "Decision", "Allocation", "allocate", "allocate_fen",
    "Money", "DateLike", "to_fen", "from_fen",
    "Error", "InvalidArgument", "OutOfMemory", "UnknownMeasure", "UnknownInput", "UnknownParameter",
    "TypeMismatch", "MissingInput", "InvalidValue", "NegativeValue", "Overflow", "InvalidDate",
    "InvalidChoice", "OutOfRange", "GuidelineError", "FileError", "NotSupported",
]
__all__ += ["Condition", "ConditionStatus"]
__all__ += ["Population"]
