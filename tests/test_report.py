"""The report pages: self-contained and light, drawn and printed offline, tables that a reader can use,
text escaped, links safe; the GeoPackage; built once."""

import re
import subprocess

import pytest

from solidarity_data import codebook as cb
from solidarity_data import figures, geo
from solidarity_data.labels import label
from solidarity_data.rendering import find_browser
from solidarity_data.report import PAGES, build_page, build_report
from tests.conftest import FIXTURES
from tests.test_figures import _no_network_prefix, headless_dom


@pytest.fixture(scope="module")
def report(tmp_path_factory, fixture_ds):
    out = tmp_path_factory.mktemp("report") / "report"
    # html only: the static formats are covered by the figure tests and by `make report`
    summary = build_report(fixture_ds, out, log=lambda *_: None, figure_formats=("html",))
    return out, summary


def test_release_and_pages_are_written(report):
    out, summary = report
    for name in ("countries.csv", "instruments.csv", "cases.csv", "checks.csv", "country_year.csv",
                 "solidarity_data.xlsx", "solidarity_data.gpkg", "datapackage.json", "codebook.md", "CITATION.cff",
                 "CHANGELOG.md", "LICENSE-code.txt", "LICENSE-data.txt"):
        assert (out / "data" / name).exists(), name
    assert (out / "figures" / "figures.json").exists() and (out / "report.json").exists()
    assert list(summary["pages"]) == list(PAGES.values())


def test_geopackage_reads_back_with_the_rows_of_countries_csv(report):
    import pandas as pd
    import pyogrio

    out = report[0] / "data"
    gpkg = pyogrio.read_dataframe(out / "solidarity_data.gpkg")
    countries = pd.read_csv(out / "countries.csv", keep_default_na=False)
    assert list(gpkg.iso3) == list(countries.iso3)
    assert gpkg.geometry.notna().sum() > 200 and "restriction_class" in gpkg.columns
    meta = pyogrio.read_info(out / "solidarity_data.gpkg")["layer_metadata"]
    assert label("figure.disclaimer", "en") in meta["DISCLAIMER"]


@pytest.mark.parametrize("lang", list(PAGES))
def test_page_is_self_contained_and_translated(report, lang):
    html = (report[0] / PAGES[lang]).read_text()
    assert f'<html lang="{lang}">' in html and f"<title>{label('report.title', lang)}</title>" in html
    assert html.count("plotly.js v") == 1, "plotly.js embedded exactly once"
    assert html.count('"id":"AFG"') == 1, "the world's geometry embedded once"
    assert not re.search(r"<(script|link|img)[^>]+(src|href)=[\"']https?://", html)
    assert "CONFIDENTIAL-CANARY" not in html and "ANON-CANARY" not in html
    assert label("report.methodology", lang) in html and label("report.cases_table", lang) in html
    assert f"<th>{cb.label('check_status', 'not_checked', lang)}</th>" in html  # the checklist per family
    for control in re.findall(r'<input id="([^"]+)"', html):
        assert f'<label for="{control}">' in html, control
    for name in figures.FIGURE_SET:
        assert f'href="figures/{lang}/{name}.pdf"' in html


def test_headline_reprisal_types_are_ordered_by_count(fixture_ds):
    from solidarity_data.report.page import _headline

    block = _headline(fixture_ds, "en").split(label("report.cases_by_type", "en"))[1]
    counts = [int(n) for n in re.findall(r"<b>(\d+)</b>", block)]
    assert counts == sorted(counts, reverse=True) and counts


def test_tables_sort_by_name_in_the_page_language(tmp_path):
    import shutil

    import solidarity_data as sd
    from solidarity_data.report.tables import instruments_table

    data = tmp_path / "countries"
    data.mkdir()
    for iso3 in ("HUN", "DEU"):
        shutil.copy(FIXTURES / "countries" / f"{iso3}.yaml", data / f"{iso3}.yaml")
    text = (FIXTURES / "countries" / "HUN.yaml").read_text().replace("iso3: HUN", "iso3: EGY").replace("HUN-", "EGY-")
    (data / "EGY.yaml").write_text(text)
    table = instruments_table(sd.load(data), "fr")
    names = re.findall(r'<tr><td data-key="[^"]*">([^<]+)</td>', table)
    assert names.index("Égypte") < names.index("Hongrie"), names  # É sorts with E, not after Z


def test_source_links_stay_whole_and_only_http(tmp_path):
    import shutil

    import solidarity_data as sd

    data = tmp_path / "countries"
    data.mkdir()
    shutil.copy(FIXTURES / "countries" / "DEU.yaml", data / "DEU.yaml")
    text = (FIXTURES / "countries" / "HUN.yaml").read_text().replace(
        '"https://example.org/hun/2017"', '"https://courts.example.org/document.jsf;jsessionid=A1B2?id=3"').replace(
        '"https://example.org/hun/2018"', '"https://example.org/;javascript:alert(1)"')
    (data / "HUN.yaml").write_text(text)
    page = build_page(sd.load(data), "en", {}).split("</head>", 1)[1]  # the page's own markup, not plotly.js
    hrefs = re.findall(r"<a [^>]*href=\"([^\"]+)\"", page)
    assert "https://courts.example.org/document.jsf;jsessionid=A1B2?id=3" in hrefs
    assert "https://example.org/;javascript:alert(1)" in hrefs  # one whole (harmless) http link
    assert not [h for h in hrefs if not re.match(r"^(https?://|figures/|data/|index|#)", h)], hrefs


def test_text_from_the_data_is_escaped(tmp_path):
    import shutil

    import solidarity_data as sd

    data = tmp_path / "data"
    data.mkdir()
    shutil.copy(FIXTURES / "bad" / "script-in-title" / "HUN.yaml", data / "HUN.yaml")
    page = build_page(sd.load(data), "en", {})
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page


@pytest.mark.skipif(find_browser() is None, reason="needs Chromium (make test installs it)")
@pytest.mark.parametrize("lang", list(PAGES))
def test_page_draws_every_figure_offline(report, lang, fixture_ds):
    dom = headless_dom((report[0] / PAGES[lang]).as_uri())
    assert dom.count('class="plot-container plotly"') == len(figures.FIGURE_SET)
    n_maps = sum(spec.is_map for spec in figures.FIGURE_SET.values())
    assert dom.count('class="choroplethlocation"') == n_maps * len(geo.plotly_geojson()["features"])
    body = dom.split('<table class="data"', 1)[1].split("</table>")[0]
    assert body.count("<tr") == len(fixture_ds.instruments) + 1  # header + one row per instrument


@pytest.mark.skipif(find_browser() is None, reason="needs Chromium (make test installs it)")
def test_printed_page_keeps_each_map_with_its_legend_and_disclaimer(report, tmp_path):
    from pypdf import PdfReader

    pdf = tmp_path / "page.pdf"
    cmd = _no_network_prefix() + [find_browser(), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
           "--disable-background-networking", "--disable-component-update", "--disable-sync",
           "--host-resolver-rules=MAP * ~NOTFOUND", "--allow-file-access-from-files", "--virtual-time-budget=20000",
           "--no-pdf-header-footer", f"--print-to-pdf={pdf}", (report[0] / PAGES["en"]).as_uri()]
    subprocess.run(cmd, capture_output=True, timeout=180)
    pages = [" ".join(p.extract_text().split()) for p in PdfReader(pdf).pages]
    map_pages = [p for p in pages if "Not assessed" in p]  # a map legend's first class
    assert len(map_pages) >= sum(spec.is_map for spec in figures.FIGURE_SET.values())
    for page in map_pages:  # the map's legend and its disclaimer print on the same page
        assert "do not imply official endorsement" in page and "resolution 1244" in page
    assert not any("Search the instruments" in p for p in pages), "controls are not printed"


def test_report_builds_each_slider_map_once(tmp_path, fixture_ds, monkeypatch):
    calls = []
    real_build = figures.FigureSpec.build

    def counting_build(self, ds, lang, slider=False):
        calls.append((self.name, lang, slider))
        return real_build(self, ds, lang, slider)

    monkeypatch.setattr(figures.FigureSpec, "build", counting_build)
    build_report(fixture_ds, tmp_path / "r", log=lambda *_: None, figure_formats=("html",))
    sliders = [c for c in calls if c[2]]
    n_maps = sum(spec.is_map for spec in figures.FIGURE_SET.values())
    assert len(sliders) == len(set(sliders)) == n_maps * len(PAGES)


@pytest.mark.parametrize("lang", list(PAGES))
def test_country_profile_is_a_translated_document(tmp_path, real_ds, lang):
    from solidarity_data.cli import main

    assert main(["profile", "--iso3", "EGY", "--lang", lang, "--out", str(tmp_path)]) == 0
    page = (tmp_path / f"profile-EGY-{lang}.html").read_text()
    body = page.split("</head>", 1)[1]
    assert f'<html lang="{lang}">' in page
    assert f"<title>{label('profile.title', lang, country=countries_name('EGY', lang))}</title>" in page
    assert "import solidarity_data" not in body and "In [" not in body, "no code shown"
    assert not re.search(r"<(script|link|img)[^>]+(src|href)=[\"']https?://", page), "nothing from a CDN"
    assert re.search(r'<a href="https?://[^"]+"', body), "sources are links"
    assert "restricts" not in re.sub(r"<script.*?</script>", "", body, flags=re.S), "labels, not codes"
    if lang != "en":
        for key in ("profile.checklist", "profile.map", "report.cases_table"):
            assert label(key, "en") not in body and label(key, lang) in body
    if find_browser() is not None:
        assert (tmp_path / f"profile-EGY-{lang}.pdf").read_bytes()[:5] == b"%PDF-"


def countries_name(iso3, lang):
    from solidarity_data.countries import name

    return name(iso3, lang)


def test_profile_refuses_a_jurisdiction_not_assessed(tmp_path, real_ds):
    from solidarity_data.report.profile import write_profile

    with pytest.raises(ValueError, match="is not an assessed jurisdiction"):
        write_profile(real_ds, "ATA", "en", tmp_path)


def test_the_longest_real_page_stays_under_8_mb(real_ds):
    built = figures.build_figures(real_ds, ["fr"])  # French: the longest words
    assert len(build_page(real_ds, "fr", built).encode("utf-8")) <= 8_000_000
