# SPDX-License-Identifier: MulanPSL-2.0
"""Files that are not guidelines, reports that cannot be copied, claims beyond int64."""
import copy
import os
import pickle
import threading

import numpy as np
import pytest

import dgsubsidy
from dgsubsidy import FileError, Overflow


def test_a_fifo_is_refused_without_blocking(tmp_path):
    fifo = tmp_path / "guideline.fifo"
    os.mkfifo(fifo)
    outcome = {}

    def load():
        try:
            dgsubsidy.builtin().with_guideline(fifo)
        except FileError as e:
            outcome["error"] = str(e)

    t = threading.Thread(target=load, daemon=True)
    t.start()
    t.join(10)
    assert not t.is_alive(), "reading a FIFO blocked"
    assert "not a regular file" in outcome["error"]


@pytest.mark.parametrize("path", ["/dev/zero", "/tmp"])
def test_devices_and_directories_are_refused(path):
    with pytest.raises(FileError, match="not a regular file"):
        dgsubsidy.builtin().with_guideline(path)


def test_a_regular_guideline_file_is_read(tmp_path):
    g = tmp_path / "g.json"
    g.write_text('{"changes": [{"measure": "A1.07.a", "parameter": "cap_per_year", "value": "1000000"}]}',
                 encoding="utf-8")
    rs = dgsubsidy.builtin().with_guideline(g)
    r = rs.evaluate("A1.07.a", date="2025-03-01", financed_amount=28000000, interest_paid=1500000)
    assert str(r.award) == "1000000.00"   # 5% of 28,000,000 = 1,400,000, capped at the guideline's 1,000,000


def test_a_stack_report_copies_as_itself_and_refuses_pickle():
    rs = dgsubsidy.builtin()
    r = rs.evaluate("A1.07.a", date="2025-03-01", financed_amount=28000000, interest_paid=1500000)
    report = rs.stack([r])
    assert copy.copy(report) is report
    assert copy.deepcopy(report) is report
    with pytest.raises(TypeError, match="cannot be pickled"):
        pickle.dumps(report)
    assert str(report.total) == "1400000.00"


def test_claims_beyond_int64_are_refused_not_wrapped():
    claims = np.array([2**63, 1], dtype=np.uint64)
    with pytest.raises(Overflow):
        dgsubsidy.allocate_fen(100, claims)
