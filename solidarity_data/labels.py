"""Interface words: one catalogue, ``solidarity_data/data/labels.csv`` (a key, then one column per
language), read through ``label(key, lang)``. Every word a reader sees (codebook labels and
definitions, figure titles, legends, alt texts, page headings, sheet tabs) comes from it, so a new
language is a new column. Ground floor: imports only ``paths``.

    label("figure.year", "fr")                  → "Année"
    plural("count.instrument", 1, "en")          → "1 instrument"
"""

from __future__ import annotations

import csv
import os
import re
from functools import cache
from pathlib import Path

from .paths import PACKAGE_DATA

# SOLIDARITY_DATA_LABELS points at another catalogue: how a translator tries a new language column.
CATALOGUE = Path(os.environ.get("SOLIDARITY_DATA_LABELS", PACKAGE_DATA / "labels.csv"))
# Quotation marks by language: outer pair, and the pair used for a quotation inside a quotation.
_QUOTES = {"en": ("“", "”", "‘", "’"), "fr": ("« ", " »", "“", "”"), "es": ("«", "»", "“", "”")}


@cache
def _read() -> tuple[tuple[str, ...], dict[str, dict[str, str]]]:
    with CATALOGUE.open(encoding="utf-8", newline="") as f:
        reader = csv.reader(f)
        header = next(reader)
        langs = tuple(header[1:])
        words = {row[0]: dict(zip(langs, row[1:])) for row in reader if row}
    return langs, words


def languages() -> tuple[str, ...]:
    """The catalogue's languages, in column order (the first is the reference language)."""
    return _read()[0]


def has(key: str) -> bool:
    return key in _read()[1]


def label(key: str, lang: str = "en", **fields) -> str:
    """The words of ``key`` in ``lang`` (the reference language where a cell is still empty),
    with ``{field}`` placeholders filled in."""
    langs, words = _read()
    if lang not in langs:
        raise ValueError(f"unknown language {lang!r}; expected one of {', '.join(langs)}")
    try:
        entry = words[key]
    except KeyError:
        raise KeyError(f"no label {key!r} in {CATALOGUE.name}") from None
    text = entry[lang] or entry[langs[0]]
    return text.format(**fields) if fields else text


def plural(key: str, n: int, lang: str = "en", **fields) -> str:
    """``key.one`` or ``key.other`` by the language's rule (French treats 0 and 1 as singular)."""
    one = n == 1 or (lang == "fr" and n == 0)
    return label(f"{key}.{'one' if one else 'other'}", lang, n=n, **fields)


def quote(text: str, lang: str = "en") -> str:
    """``text`` in the language's quotation marks; quotation marks already inside it become the
    inner pair, so a quoted label that itself holds a quotation reads correctly."""
    left, right, inner_left, inner_right = _QUOTES.get(lang, _QUOTES["en"])
    text = re.sub(r"\s*»|”", inner_right, re.sub(r"«\s*|“", inner_left, text))
    return f"{left}{text}{right}"
