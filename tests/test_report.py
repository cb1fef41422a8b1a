"""The report pages: self-contained, drawn offline, table populated, text escaped."""

import re

import pytest

from solidarity_data import figures, geo
from solidarity_data.export import find_browser
from solidarity_data.report import PAGES, build_report
from tests.conftest import FIXTURES
from tests.test_figures import headless_dom


@pytest.fixture(scope="module")
def report(tmp_path_factory, fixture_ds):
    out = tmp_path_factory.mktemp("report")
    # html only: the static formats are covered by the figure tests and by `make report`
    summary = build_report(fixture_ds, out, log=lambda *_: None, figure_formats=("html",))
    return out, summary


def test_release_and_pages_are_written(report):
    out, summary = report
    for name in ("countries.csv", "instruments.csv", "cases.csv", "country_year.csv", "solidarity_data.xlsx",
                 "datapackage.json", "codebook.md", "CITATION.cff", "CHANGELOG.md", "LICENSE-code.txt",
                 "LICENSE-data.txt"):
        assert (out / "data" / name).exists(), name
    assert (out / "figures" / "figures.json").exists()
    assert summary["pages"] == list(PAGES.values())


@pytest.mark.parametrize("lang", list(PAGES))
def test_page_is_self_contained(report, lang):
    html = (report[0] / PAGES[lang]).read_text()
    assert f'<html lang="{lang}">' in html
    assert html.count("plotly.js v") == 1, "plotly.js embedded exactly once"
    assert not re.search(r"<(script|link|img)[^>]+(src|href)=[\"']https?://", html)
    assert "CONFIDENTIAL-CANARY" not in html and "ANON-CANARY" not in html


def test_text_from_the_data_is_escaped(tmp_path, fixture_ds):
    import shutil

    import solidarity_data as sd
    from solidarity_data.report import build_page

    data = tmp_path / "data"
    data.mkdir()
    shutil.copy(FIXTURES / "bad" / "script-in-title" / "HUN.yaml", data / "HUN.yaml")
    page = build_page(sd.load(data), "en", [])
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page


@pytest.mark.skipif(find_browser() is None, reason="needs Chromium (make test installs it)")
@pytest.mark.parametrize("lang", list(PAGES))
def test_page_draws_every_figure_offline(report, lang, fixture_ds):
    dom = headless_dom((report[0] / PAGES[lang]).as_uri())
    assert dom.count('class="plot-container plotly"') == len(figures.FIGURE_SET)
    n_maps = sum(is_map for _, _, is_map in figures.FIGURE_SET.values())
    assert dom.count('class="choroplethlocation"') == n_maps * len(geo.plotly_geojson()["features"])
    body = dom.split('<table class="instruments"', 1)[1]
    assert body.count("<tr>") == len(fixture_ds.instruments) + 1  # header + one row per instrument


def test_report_builds_each_slider_map_once(tmp_path, fixture_ds, monkeypatch):
    calls = []
    real_make = figures.make

    def counting_make(ds, name, lang="en", slider=False):
        calls.append((name, lang, slider))
        return real_make(ds, name, lang, slider)

    monkeypatch.setattr(figures, "make", counting_make)
    build_report(fixture_ds, tmp_path, log=lambda *_: None, figure_formats=("html",))
    sliders = [c for c in calls if c[2]]
    n_maps = sum(is_map for _, _, is_map in figures.FIGURE_SET.values())
    assert len(sliders) == len(set(sliders)) == n_maps * len(PAGES)
