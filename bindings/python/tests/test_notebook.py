# SPDX-License-Identifier: MulanPSL-2.0
"""examples/notebooks/overview.ipynb runs from top to bottom without an error."""

from __future__ import annotations

import nbclient
import nbformat

from conftest import NOTEBOOK


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
