"""Every figure in every language: house style, print sizes, language invariance, the maps' classes and
weight, alt texts read from what is plotted, and offline export."""

import json
import re
import subprocess

import pytest

from solidarity_data import countries, figures, geo
from solidarity_data.cli import main
from solidarity_data.figures import theme
from solidarity_data.figures.theme import TOPOJSON_STUB
from solidarity_data.labels import label
from solidarity_data.rendering import find_browser
from tests.conftest import FIXTURES

LANGS = ("en", "fr", "es")
TITLE_WORD = {"en": "Restrictions on", "fr": "Restrictions à", "es": "Restricciones a"}
MIN_PT, WIDTH_CM = 7, 16


@pytest.fixture(scope="module")
def built(fixture_ds):
    return figures.build_figures(fixture_ds, LANGS)


def _foot(fig) -> str:
    return next(a.text for a in fig.layout.annotations if a.name == "foot").replace("<br>", " ")


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", list(figures.FIGURE_SET))
def test_every_figure_in_every_language(built, fixture_ds, name, lang):
    fig = built[(name, lang)]
    foot = _foot(fig.static)
    assert f"solidarity-data {fixture_ds.release}" in foot and "+data." not in foot, "a citable release"
    assert theme.long_date(fixture_ds.data_as_of, lang) in foot, "data as of"
    is_map = fig.spec.is_map
    assert (label("figure.disclaimer", lang) in foot) == is_map
    assert (label("figure.kosovo_note", lang) in foot) == is_map  # Kosovo is drawn on every map
    assert "$" not in fig.static.to_json(), "no LaTeX: kaleido would fetch MathJax"
    assert fig.alt.endswith(".") and re.search(r"\d", fig.alt)


def _sizes(node, inherited=13, key=""):
    """Every font size a figure would render (explicit, or the layout's default)."""
    if isinstance(node, dict):
        if key in ("font", "tickfont", "textfont", "insidetextfont", "outsidetextfont"):
            yield node.get("size", inherited)
        for k, v in node.items():
            yield from _sizes(v, inherited, k)
    elif isinstance(node, list):
        for v in node:
            yield from _sizes(v, inherited, key)


@pytest.mark.parametrize("name", list(figures.FIGURE_SET))
def test_print_size_every_text_at_least_7_pt_at_16_cm(built, name):
    fig = built[(name, "fr")].static  # French: the longest words
    pt_per_px = WIDTH_CM / theme.print_width(fig) / 2.54 * 72
    sizes = list(_sizes(fig.to_plotly_json()["layout"], fig.layout.font.size))
    sizes += list(_sizes(fig.to_plotly_json()["data"], fig.layout.font.size))
    assert sizes and min(sizes) * pt_per_px >= MIN_PT, (min(sizes), pt_per_px)


def test_exported_figures_give_back_the_room_kept_for_narrow_screens(built):
    fig = built[("restrictions_map", "fr")].static
    printed = theme.for_print(fig)
    foot = [a for a in printed.layout.annotations if a.name == "foot"][0]
    screen_foot = [a for a in fig.layout.annotations if a.name == "foot"][0]
    assert foot.text.count("<br>") < screen_foot.text.count("<br>")  # the foot re-wrapped at print width
    assert printed.layout.height < fig.layout.height and printed.layout.margin.b < fig.layout.margin.b
    assert foot.yshift == -printed.layout.margin.b + 4  # still just above the bottom edge
    assert fig.layout.height == built[("restrictions_map", "fr")].static.layout.height  # the built figure untouched


def _look(fig):
    """What must not change between languages: trace kinds, order, colours and the order of what they hold."""
    out = []
    for tr in fig.data:
        colour = getattr(getattr(tr, "marker", None), "color", None) if tr.type != "heatmap" else None
        line = getattr(getattr(tr, "line", None), "color", None) if tr.type == "scatter" else None
        colour = tuple(colour) if isinstance(colour, (list, tuple)) else colour
        meta = json.dumps(tr.meta, sort_keys=True) if tr.meta is not None else None
        out.append((tr.type, colour, line, meta, len(tr.x) if getattr(tr, "x", None) is not None else None))
    return out


@pytest.mark.parametrize("name", list(figures.FIGURE_SET))
def test_language_versions_differ_only_in_words(built, name):
    en = _look(built[(name, "en")].static)
    assert _look(built[(name, "fr")].static) == en and _look(built[(name, "es")].static) == en


@pytest.mark.parametrize("lang", LANGS)
def test_restrictions_map_speaks_the_language(fixture_ds, lang):
    fig = figures.restrictions_map(fixture_ds, year=2019, lang=lang)
    assert fig.layout.title.text.startswith(TITLE_WORD[lang])
    choropleth = fig.data[0]
    hun = choropleth.locations.index("HUN")
    assert choropleth.customdata[hun][0] == countries.name("HUN", lang)
    legend = [tr.name for tr in fig.data[2:]]
    assert legend[0] == label("figure.not_assessed", lang)


def test_map_classes_keep_not_assessed_apart(fixture_ds):
    fig = figures.restrictions_map(fixture_ds, year=2019)
    z = dict(zip(fig.data[0].locations, fig.data[0].z))
    legend = [tr.name for tr in fig.data[2:]]
    assert z["HUN"] == 5 and legend[5].startswith("Very high")  # index 55.6 in 2019
    assert z["DEU"] == 1 and legend[1] == "Assessed, none found"
    assert z["MEX"] == 0 and z["FRA"] == 0  # not assessed (a file saying so, and no file)
    assert fig.data[0].geojson is not None and fig.data[0].featureidkey == "id"


def test_balance_map_middle_class_is_visible_and_explained(fixture_ds):
    fig = figures.balance_map(fixture_ds)
    zero = fig.data[2 + 3]  # legend: not assessed, ≤ −3, −2 … −1, 0, …
    assert zero.name.startswith("0:") and zero.marker.color == theme.DIVERGING[2]
    r, g, b = (int(theme.DIVERGING[2][i:i + 2], 16) for i in (1, 3, 5))
    assert max(r, g, b) < 235, "the middle class must not look like white paper"
    assert fig.data[0].marker.line.color == theme.BORDER and fig.data[1].marker.line.color == theme.BORDER


def test_every_un_member_is_drawn_and_the_map_is_light(fixture_ds):
    fig = figures.restrictions_map(fixture_ds)
    drawn = set(fig.data[0].locations) | set(geo.world().query("microstate").iso3)
    t = countries.table()
    assert set(t[t.un_member].iso3) <= drawn
    markers = fig.data[1]
    assert len(markers.lon) > 20 and "Holy See" in [c[0] for c in markers.customdata]  # no polygon at 50m
    assert len(fig.to_json()) <= 250_000


def test_map_with_year_slider_restyles_every_year(fixture_ds):
    fig = figures.restrictions_map(fixture_ds, slider=True)
    steps = fig.layout.sliders[0].steps
    assert [s.label for s in steps][:2] == ["1990", "1991"] and steps[-1].label == str(figures.default_year())
    hun = fig.data[0].locations.index("HUN")
    z2016 = next(s for s in steps if s.label == "2016").args[0]["z"][0]
    assert z2016[hun] == 1  # assessed, nothing yet in force in 2016


def test_screen_figures_fill_their_container_and_the_toolbar_is_safe(built):
    fig = built[("restrictions_map", "en")].interactive
    assert fig.layout.width is None and fig.layout.autosize and fig.layout.sliders
    assert theme.print_width(built[("reprisal_types", "en")].static) == theme.REPORT.width  # exported at print size
    removed = set(theme.PLOTLY_CONFIG["modeBarButtonsToRemove"])
    assert {"select2d", "lasso2d", "sendDataToCloud"} <= removed and not theme.PLOTLY_CONFIG["showSendToCloud"]
    assert theme.PLOTLY_CONFIG["toImageButtonOptions"]["scale"] >= 2


def test_alt_texts_read_the_plotted_values(built):
    bars = built[("reprisal_types", "en")]
    top = max(zip(bars.static.data[0].x, bars.static.data[0].y))
    assert f"most frequent: {top[1]} ({top[0]})" in bars.alt
    lines = built[("adoption_timeline", "es")].static.data
    leader = max(lines, key=lambda tr: tr.y[-1])
    assert f"encabeza {leader.name} con {leader.y[-1]} instrumento" in built[("adoption_timeline", "es")].alt


def test_themes_chart_keeps_theme_not_coded_apart(built):
    heat = built[("themes_by_type", "en")].static.data[0]
    assert [m[0] for m in heat.meta][0] == "not_coded" and heat.y[0] == "Theme not coded"
    assert "general_human_rights" in [m[0] for m in heat.meta]


def test_category_map_rejects_unknown_category(fixture_ds):
    with pytest.raises(ValueError, match="unknown category 'foo'"):
        figures.category_map(fixture_ds, "foo")


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    out = tmp_path_factory.mktemp("figures")
    assert main(["figures", "--data", str(FIXTURES), "--out", str(out), "--lang", "en,fr",
                 "--only", "restrictions_map", "reprisal_types"]) == 0
    return out


MAGIC = {"png": b"\x89PNG\r\n\x1a\n", "pdf": b"%PDF-", "svg": b"<svg"}


def test_static_files_are_valid_and_at_print_scale(exported):
    import struct

    for lang in ("en", "fr"):
        for name in ("restrictions_map", "reprisal_types"):
            for fmt, magic in MAGIC.items():
                data = (exported / lang / f"{name}.{fmt}").read_bytes()
                assert magic in data[:200] and len(data) > 10_000, (lang, name, fmt)
            png = (exported / lang / f"{name}.png").read_bytes()
            assert struct.unpack(">I", png[16:20])[0] == theme.REPORT.width * theme.REPORT.scale  # IHDR width
    assert not list(exported.rglob(".*.tmp"))


def test_pdf_carries_the_figure_title_and_html_its_language(exported):
    from pypdf import PdfReader

    manifest = json.loads((exported / "figures.json").read_text())
    entry = next(e for e in manifest["figures"] if e["language"] == "fr" and e["figure"] == "reprisal_types")
    assert PdfReader(exported / entry["files"]["pdf"]).metadata.title == entry["title"]
    page = (exported / entry["files"]["html"]).read_text()
    assert '<html lang="fr">' in page and f"<title>{entry['title']}</title>" in page


def test_manifest_lists_every_file_with_alt_text(exported):
    manifest = json.loads((exported / "figures.json").read_text())
    assert len(manifest["figures"]) == 4
    for entry in manifest["figures"]:
        assert set(entry["files"]) == {"html", "png", "svg", "pdf"}
        assert all((exported / p).exists() for p in entry["files"].values())
        assert entry["alt"] and entry["title"]
    fr = next(e for e in manifest["figures"] if e["language"] == "fr" and e["figure"] == "restrictions_map")
    assert fr["alt"].startswith("Carte du monde")


def test_exported_html_loads_nothing_from_the_network(exported):
    html = (exported / "en" / "restrictions_map.html").read_text()
    assert not re.search(r"<(script|link|img)[^>]+(src|href)=[\"']https?://", html)
    assert TOPOJSON_STUB in html and (exported / "en" / "plotly.min.js").exists()


def _no_network_prefix() -> list[str]:
    """`unshare -n` (an empty network namespace: not even a route out) where the machine allows it."""
    import shutil

    if shutil.which("unshare") and subprocess.run(["unshare", "-n", "true"], capture_output=True).returncode == 0:
        return ["unshare", "-n"]
    return []


def headless_dom(url: str) -> str:
    """The DOM of ``url`` after scripts ran, in headless Chromium with the network off: in an empty
    network namespace where possible, and in any case with every host name unresolvable and a dead proxy."""
    browser = find_browser()
    cmd = _no_network_prefix() + [browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
           "--disable-background-networking", "--disable-component-update", "--disable-sync",
           "--host-resolver-rules=MAP * ~NOTFOUND", "--proxy-server=127.0.0.1:9",
           "--allow-file-access-from-files", "--virtual-time-budget=20000", "--dump-dom", url]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=120).stdout


@pytest.mark.skipif(find_browser() is None, reason="needs Chromium (make test installs it)")
def test_map_draws_offline_in_a_browser(exported):
    dom = headless_dom((exported / "en" / "restrictions_map.html").as_uri())
    drawn = dom.count('class="choroplethlocation"')
    assert drawn == len(geo.plotly_geojson()["features"]), drawn


def test_no_browser_gives_a_clear_message(monkeypatch, tmp_path, capsys):
    monkeypatch.setattr("solidarity_data.rendering.find_browser", lambda: None)
    assert main(["figures", "--data", str(FIXTURES), "--out", str(tmp_path), "--format", "png",
                 "--only", "reprisal_types"]) == 1
    err = capsys.readouterr().err
    assert "needs Chrome or Chromium" in err and "apt-get install chromium" in err and "Traceback" not in err
    assert not list(tmp_path.rglob("*.png"))
