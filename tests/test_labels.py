"""The catalogue of interface words: complete in every language, plurals and quotation marks right,
and a new language column is all a new language needs."""

import csv
import os
import subprocess
import sys

import pytest

from solidarity_data import labels
from solidarity_data.labels import label, plural, quote
from tests.conftest import FIXTURES, ROOT


def _rows():
    with labels.CATALOGUE.open(encoding="utf-8", newline="") as f:
        return list(csv.reader(f))


def test_every_key_has_every_language():
    header, *rows = _rows()
    assert header[:4] == ["key", "en", "fr", "es"]
    missing = [(r[0], lang) for r in rows for lang, text in zip(header[1:], r[1:]) if not text.strip()]
    assert not missing, missing[:20]
    keys = [r[0] for r in rows]
    assert len(keys) == len(set(keys)), "a key is listed twice"


def test_plurals_and_french_zero():
    assert plural("count.instrument", 1, "en") == "1 instrument"
    assert plural("count.instrument", 2, "en") == "2 instruments"
    assert plural("count.case", 0, "fr") == "0 cas" and plural("count.instrument", 0, "fr") == "0 instrument"
    assert plural("count.instrument", 0, "es") == "0 instrumentos"


def test_nested_quotation_marks():
    assert quote("Étiquetage « agent de l'étranger »", "fr") == "« Étiquetage “agent de l'étranger” »"
    assert quote("Etiquetado de «agente extranjero»", "es") == "«Etiquetado de “agente extranjero”»"
    assert quote("Foreign-agent labelling", "en") == "“Foreign-agent labelling”"


def test_unknown_key_and_language_are_clear_errors():
    with pytest.raises(KeyError, match="no label 'figure.nope'"):
        label("figure.nope")
    with pytest.raises(ValueError, match="unknown language 'de'"):
        label("figure.year", "de")


@pytest.mark.parametrize("lang", ["fr", "es"])
def test_french_and_spanish_pages_show_no_english_interface_words(fixture_ds, lang):
    from solidarity_data import figures
    from solidarity_data.report import build_page

    built = figures.build_figures(fixture_ds, [lang], only=["restrictions_map", "reprisal_types"])
    page = build_page(fixture_ds, lang, built).split("</head>", 1)[1]
    header, *rows = _rows()
    col = header.index(lang)
    english = [r[1] for r in rows if r[1] != r[col] and len(r[1]) > 14 and "{" not in r[1]]
    leaked = [e for e in english if e in page]
    assert not leaked, leaked[:10]


NEW_LANGUAGE = r"""
import solidarity_data as sd
from solidarity_data import figures
from solidarity_data.report import build_page
ds = sd.load({fixtures!r})
built = figures.build_figures(ds, ["xx"], only=["restrictions_map", "adoption_timeline"])
page = build_page(ds, "xx", built)
fig = built[("restrictions_map", "xx")].static
print(page[:300])
print(page.split("</head>", 1)[1])
print(fig.to_json())
"""


def test_a_new_language_column_is_the_only_change_a_new_language_needs(tmp_path):
    header, *rows = _rows()
    catalogue = tmp_path / "labels.csv"
    with catalogue.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header + ["xx"])
        w.writerows(r + [_upper_keeping_fields(r[1])] for r in rows)
    env = {**os.environ, "SOLIDARITY_DATA_LABELS": str(catalogue), "SOLIDARITY_DATA_CACHE": str(tmp_path / "cache")}
    out = subprocess.run([sys.executable, "-c", NEW_LANGUAGE.format(fixtures=str(FIXTURES))], cwd=ROOT, env=env,
                         capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr[-2000:]
    assert "RESTRICTIONS ON CROSS-BORDER SOLIDARITY IN FORCE" in out.stdout
    assert '<html lang="xx">' in out.stdout
    english = [r[1] for r in rows if len(r[1]) > 14 and "{" not in r[1]]
    leaked = [e for e in english if e in out.stdout]
    assert not leaked, leaked[:10]


def _upper_keeping_fields(text: str) -> str:
    """Upper-case text, but keep {placeholders} as they are."""
    import re

    return re.sub(r"(\{[^}]*\})|([^{]+)", lambda m: m[1] or m[2].upper(), text)
