"""Every figure in every language, their house style, the map's weight, and offline export."""

import json
import re
import subprocess

import pytest

from solidarity_data import countries, figures, geo
from solidarity_data.cli import main
from solidarity_data.export import find_browser
from solidarity_data.figures.theme import TOPOJSON_STUB
from tests.conftest import FIXTURES

LANGS = ("en", "fr", "es")
TITLE_WORD = {"en": "Restrictions on", "fr": "Restrictions à", "es": "Restricciones a"}


def _texts(fig) -> list[str]:
    texts = [fig.layout.title.text or ""] + [a.text for a in fig.layout.annotations]
    return texts


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", list(figures.FIGURE_SET))
def test_every_figure_in_every_language(fixture_ds, name, lang):
    fig = figures.make(fixture_ds, name, lang)
    texts = _texts(fig)
    assert any(fixture_ds.version in t for t in texts), "source line with the data version"
    is_map = figures.FIGURE_SET[name][2]
    disclaimer = figures.theme.TEXT["disclaimer"][lang]
    assert (disclaimer in texts) == is_map
    assert "$" not in fig.to_json(), "no LaTeX: kaleido would fetch MathJax"
    alt = figures.alt_text(fixture_ds, name, lang)
    assert alt.endswith(".") and re.search(r"\d", alt)


@pytest.mark.parametrize("lang", LANGS)
def test_restrictions_map_speaks_the_language(fixture_ds, lang):
    fig = figures.restrictions_map(fixture_ds, year=2019, lang=lang)
    assert fig.layout.title.text.startswith(TITLE_WORD[lang])
    choropleth = fig.data[0]
    hun = choropleth.locations.index("HUN")
    assert countries.name("HUN", lang) in choropleth.text[hun]
    assert choropleth.colorbar.ticktext[0] == figures.theme.TEXT["not_assessed"][lang]


def test_map_classes_keep_not_assessed_apart(fixture_ds):
    fig = figures.restrictions_map(fixture_ds, year=2019)
    z = dict(zip(fig.data[0].locations, fig.data[0].z))
    assert z["HUN"] == 5  # index 55.6 in 2019: the highest class, 'very high'
    assert fig.data[0].colorbar.ticktext[5].startswith("Very high")
    assert z["DEU"] == 1  # assessed, none found
    assert z["MEX"] == 0 and z["FRA"] == 0  # not assessed (a file saying so, and no file)
    assert fig.data[0].geojson is not None and fig.data[0].featureidkey == "id"


def test_every_un_member_is_drawn_and_the_map_is_light(fixture_ds):
    fig = figures.restrictions_map(fixture_ds)
    drawn = set(fig.data[0].locations) | set(geo.world().query("microstate").iso3)
    t = countries.table()
    assert set(t[t.un_member].iso3) <= drawn
    markers = fig.data[1]
    assert len(markers.lon) > 20 and any("Holy See" in text for text in markers.text)  # no polygon at 50m
    assert len(fig.to_json()) <= 250_000


def test_map_with_year_slider_restyles_every_year(fixture_ds):
    fig = figures.restrictions_map(fixture_ds, year=2024, slider=True)
    steps = fig.layout.sliders[0].steps
    assert [s.label for s in steps][:2] == ["1990", "1991"] and steps[-1].label == "2024"
    hun = fig.data[0].locations.index("HUN")
    z2016 = next(s for s in steps if s.label == "2016").args[0]["z"][0]
    assert z2016[hun] == 1  # assessed, nothing yet in force in 2016


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


def test_static_files_are_valid_and_not_trivial(exported):
    for lang in ("en", "fr"):
        for name in ("restrictions_map", "reprisal_types"):
            for fmt, magic in MAGIC.items():
                data = (exported / lang / f"{name}.{fmt}").read_bytes()
                assert magic in data[:200] and len(data) > 10_000, (lang, name, fmt)
    assert not list(exported.rglob(".*.tmp"))


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
    monkeypatch.setattr("solidarity_data.export.find_browser", lambda: None)
    assert main(["figures", "--data", str(FIXTURES), "--out", str(tmp_path), "--format", "png",
                 "--only", "reprisal_types"]) == 1
    err = capsys.readouterr().err
    assert "needs Chrome or Chromium" in err and "apt-get install chromium" in err and "Traceback" not in err
    assert not list(tmp_path.rglob("*.png"))
