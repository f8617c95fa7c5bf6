# SPDX-License-Identifier: MulanPSL-2.0
# The SWIG-generated extension (private): every function and constant of
# bindings/common/dgsubsidy.i; typed loosely here, the public API is typed.
from typing import Any

def __getattr__(name: str) -> Any: ...
