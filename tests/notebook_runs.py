"""Test support: execute the analysts' notebooks with parameters (papermill) and export them to HTML
(nbconvert), as an analyst would, so tests can check what the outputs show."""

from __future__ import annotations

from pathlib import Path

from solidarity_data.files import atomic_write
from solidarity_data.paths import NOTEBOOKS

# The HTML nbconvert writes draws plotly only from a text/html output: this renderer adds one (with
# plotly.js embedded once per notebook) next to the mimetype output, and keeps the offline topojson stub.
HTML_RENDERER = "plotly_mimetype+notebook"


def run_notebook(name: str, out_dir: Path, stem: str, parameters: dict | None = None, html: bool = True) -> list[Path]:
    """Execute ``notebooks/<name>.ipynb`` → ``out_dir/<stem>.ipynb`` (and ``.html``); return the paths."""
    import nbformat
    import papermill as pm

    source = NOTEBOOKS / f"{name}.ipynb"
    nb = nbformat.read(source, as_version=4)
    if html:
        setup = nbformat.v4.new_code_cell(
            f"import solidarity_data as sd\nsd.figures.use_renderer({HTML_RENDERER!r})")
        setup.metadata["tags"] = ["html-renderer"]
        nb.cells.insert(0, setup)
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    executed = pm.execute_notebook(nb, None, parameters=parameters or {}, cwd=str(NOTEBOOKS),
                                   progress_bar=False, kernel_name="python3")
    written = [atomic_write(out_dir / f"{stem}.ipynb", nbformat.writes(executed))]
    if html:
        from nbconvert import HTMLExporter

        body, _ = HTMLExporter(exclude_input_prompt=True, exclude_output_prompt=True).from_notebook_node(executed)
        written.append(atomic_write(out_dir / f"{stem}.html", body))
    return written
