# SPDX-License-Identifier: MulanPSL-2.0
"""examples/notebooks/overview.ipynb runs from top to bottom without an error."""

from __future__ import annotations

import base64
import struct

import nbclient
import nbformat

from conftest import IMPACT_NOTEBOOK, NOTEBOOK


def test_overview_notebook_runs(tmp_path):
    nb = nbformat.read(NOTEBOOK, as_version=4)
    client = nbclient.NotebookClient(nb, timeout=600, kernel_name="python3",
                                     resources={"metadata": {"path": str(tmp_path)}})
    client.execute()
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    images = [o for o in outputs if "data" in o and "image/png" in o["data"]]
    assert len(images) >= 2, "the plots of award against input"
    text = "".join(o.get("text", "") for o in outputs if o.output_type == "stream")
    assert "100000 rows" in text and "granted" in text

    # The cells of dgsubsidy.plot each draw one figure of 12 × 4.5 inches at 80 dpi, uncropped.
    drawn = [c for c in nb.cells if "dgsubsidy.plot" in c.metadata.get("tags", [])]
    assert len(drawn) == 2
    for cell in drawn:
        pngs = [base64.b64decode(o["data"]["image/png"]) for o in cell.outputs if "image/png" in o.get("data", {})]
        assert len(pngs) == 1, cell.source[:80]
        png = pngs[0]
        assert png[:8] == b"\x89PNG\r\n\x1a\n"
        assert struct.unpack(">II", png[16:24]) == (960, 360)
        assert len(png) > 20_000, "two drawn panels, not an empty canvas"
    stderr = "".join(o.get("text", "") for c in nb.cells if c.cell_type == "code" for o in c.outputs
                     if o.output_type == "stream" and o.name == "stderr")
    assert "Glyph" not in stderr, "every character of the labels has a glyph"
    printed = "".join(o.get("text", "") for o in drawn[1].outputs if o.output_type == "stream")
    assert "<Comparison 1 measures, 100000 rows" in printed


def test_guideline_impact_notebook_runs(tmp_path):
    """200,000 synthetic enterprises through evaluate_population, a guideline as a reform, and a budget."""
    nb = nbformat.read(IMPACT_NOTEBOOK, as_version=4)
    client = nbclient.NotebookClient(nb, timeout=600, kernel_name="python3",
                                     resources={"metadata": {"path": str(tmp_path)}})
    client.execute()  # the notebook's own asserts check the totals, the reform and the allocation
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    text = "".join(o.get("text", "") for o in outputs if o.output_type == "stream")
    assert "200000 enterprises" in text and "evaluate_population: 200000 rows × 3 measures" in text
    assert "cost of the reform:" in text and "budget" in text and "shared over" in text
    assert "Glyph" not in text, "every character of the labels has a glyph"
    # Each figure cell draws one figure of 12 × 4.5 inches at 80 dpi.
    drawn = [c for c in nb.cells if "figure" in c.metadata.get("tags", [])]
    assert len(drawn) == 3
    for cell in drawn:
        pngs = [base64.b64decode(o["data"]["image/png"]) for o in cell.outputs if "image/png" in o.get("data", {})]
        assert len(pngs) == 1, cell.source[:80]
        assert pngs[0][:8] == b"\x89PNG\r\n\x1a\n"
        assert struct.unpack(">II", pngs[0][16:24]) == (960, 360)
        assert len(pngs[0]) > 15_000, "a drawn figure, not an empty canvas"
