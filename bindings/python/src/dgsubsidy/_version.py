# SPDX-License-Identifier: MulanPSL-2.0
"""The version of the Python package; it must equal the C library's (checked at import)."""

__version__ = "1.1.0"
