"""Re-execute every notebook in place so the committed outputs match the data (`make notebooks`).

Figure cells (marked `# NBVAL_IGNORE_OUTPUT`) are committed without their output: plotly's JupyterLab
renderer stores a PNG snapshot into a figure's output when it draws it, which would mark every opened
notebook as modified (and its JSON changes with every plotly release anyway). Run a notebook to see them.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"
FIGURE_CELL = "# NBVAL_IGNORE_OUTPUT"


def main() -> int:
    for path in sorted(NOTEBOOKS.glob("*.ipynb")):
        start = time.perf_counter()
        nb = nbformat.read(path, as_version=4)
        resources = {"metadata": {"path": str(NOTEBOOKS)}}
        NotebookClient(nb, timeout=300, kernel_name="python3", resources=resources).execute()
        for cell in nb.cells:
            if cell.cell_type == "code" and cell.source.startswith(FIGURE_CELL):
                cell.outputs = []
        nbformat.write(nb, path)
        print(f"{path.name}: executed in {time.perf_counter() - start:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
