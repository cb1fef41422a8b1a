"""Notebooks beyond nbval: offline HTML export and parameterised country profiles."""

import json

import nbformat
import pytest

from solidarity_data.paths import NOTEBOOKS
from solidarity_data.rendering import find_browser
from tests.notebook_runs import run_notebook
from tests.test_figures import headless_dom


def test_figure_cells_ignore_output_and_define_no_functions():
    for path in NOTEBOOKS.glob("*.ipynb"):
        nb = nbformat.read(path, as_version=4)
        for cell in nb.cells:
            if cell.cell_type != "code":
                continue
            assert "def " not in cell.source, f"{path.name}: logic belongs in the package"
            outputs = json.dumps(cell.get("outputs", []))
            if "application/vnd.plotly.v1+json" in outputs:  # a figure's JSON changes with every plotly release
                assert cell.source.startswith("# NBVAL_IGNORE_OUTPUT"), f"{path.name}: {cell.source[:60]}"
            assert "cdn.plot.ly/plotly" not in outputs, f"{path.name}: no plotly.js from a CDN in committed output"


@pytest.mark.skipif(find_browser() is None, reason="needs Chromium (make test installs it)")
def test_quickstart_html_draws_its_map_offline(tmp_path):
    html = run_notebook("00_quickstart", tmp_path, "quickstart")[1]
    dom = headless_dom(html.as_uri())
    assert dom.count('class="choroplethlocation"') > 200
    assert html.read_text().count("plotly.js v") == 1
