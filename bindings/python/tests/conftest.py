# SPDX-License-Identifier: MulanPSL-2.0
"""Shared fixtures of the Python binding's tests."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

import dgsubsidy

REPO_ROOT = Path(__file__).resolve().parents[3]
VECTORS = Path(os.environ.get("DGS_VECTORS", REPO_ROOT / "tests" / "vectors" / "vectors.jsonl"))
NOTEBOOK = REPO_ROOT / "examples" / "notebooks" / "overview.ipynb"
IMPACT_NOTEBOOK = REPO_ROOT / "examples" / "notebooks" / "guideline-impact.ipynb"


@pytest.fixture(scope="session")
def rules() -> dgsubsidy.Ruleset:
    return dgsubsidy.Ruleset.builtin()


def load_vectors():
    if not VECTORS.exists():
        return []
    with open(VECTORS, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]
