"""The codebook as Markdown (``docs/codebook.md``), generated from the codebook and the catalogue."""

from __future__ import annotations

from .fields import FIELDS
from .formulas import MEASURES, PANEL_START, formula_label, formula_text
from .indices import FACILITATION_DIMENSIONS, RESTRICTION_BREAKS, RESTRICTION_DIMENSIONS
from .resources import RESOURCES
from .terms import LANGS
from .vocabularies import FAMILY, VOCABULARIES

_NAMES = {"en": "English", "fr": "français", "es": "español"}


def _head(first: str, last: str) -> list[str]:
    head = f"| {first} | " + " | ".join(_NAMES.get(lang, lang) for lang in LANGS) + f" | {last} |"
    return [head, "|" + "---|" * (len(LANGS) + 2)]


def _vocabularies() -> list[str]:
    out = []
    for v in VOCABULARIES.values():
        out += [f"## {v.title()} (`{v.name}`)", "", v.description(), ""]
        out += _head("value", "definition")
        for t in v:
            side = f" ({t.side})" if t.side else ""
            out.append(f"| `{t.value}` | " + " | ".join(t.label(lang) for lang in LANGS) + f" | {t.definition}{side} |")
        out.append("")
    return out


def _families() -> list[str]:
    out = ["## Inclusion rules of the law families", "",
           "Every assessed jurisdiction has a checklist entry per family: `coded` (instruments of the family's "
           "categories are coded), `none_found` (searched under the rule below in the sources named, nothing "
           "counts) or `not_checked`. Apply each rule the same way in every country.", ""]
    for f in FAMILY:
        cats = ", ".join(f"`{c}`" for c in f.categories)
        out += [f"### {f.label()} (`{f.value}`, {f.side})", "", f"Categories: {cats}.", "", f.rule, ""]
    return out


def _indices() -> list[str]:
    out = ["## Indices", "",
           "Each dimension scores the strongest instrument in force among its categories: severity (1–3) × the "
           "category's weight for restrictions, 1 × weight for facilitation. An index is the sum of its dimension "
           "scores as a percentage of the highest reachable sum.", ""]
    for title, dims in (("Restriction index", RESTRICTION_DIMENSIONS), ("Facilitation index", FACILITATION_DIMENSIONS)):
        out += [f"### {title}", ""] + _head("dimension", "categories (weight)")
        for d in dims:
            cats = ", ".join(f"`{c}` ({w:g})" for c, w in d.weights.items())
            out.append(f"| `{d.value}` | " + " | ".join(d.label(lang) for lang in LANGS) + f" | {cats} |")
        out.append("")
    bands = ", ".join(f"`{name}` from {low:g}" for name, low in RESTRICTION_BREAKS)
    out += [f"Restriction classes: `none_found` at 0, then {bands} (a band holds values above its lower bound "
            "and below the next one).", ""]
    return out


def to_markdown() -> str:
    """The whole codebook as Markdown."""
    out = ["# Codebook", "",
           "Generated from `solidarity_data/codebook/` and `solidarity_data/data/labels.csv` by "
           "`solidarity-data codebook`; do not edit by hand.", ""]
    out += _vocabularies() + _families() + _indices()
    out += ["## Derived country-year measures", "",
            f"The panel runs from {PANEL_START} to the current year, one row per jurisdiction and year.", ""]
    out += _head("column", "formula")
    for name in MEASURES:
        out.append(f"| `{name}` | " + " | ".join(formula_label(name, lang) for lang in LANGS)
                   + f" | {formula_text(name)} |")
    out += ["", "## Release tables", ""]
    for name, r in RESOURCES.items():
        out += [f"- `{name}.csv`: {r['description']} Primary key: {', '.join(r['primary_key'])}."]
    out += ["", "## Data dictionary", "", "Columns of the release tables, identical in Python and CSV.", "",
            "| column | type | vocabulary | description |", "|---|---|---|---|"]
    for name, f in sorted(FIELDS.items()):
        vocab = f"`{f['vocabulary']}`" if f["vocabulary"] else ""
        out.append(f"| `{name}` | {f['type']} | {vocab} | {f['description']} |")
    out.append("")
    return "\n".join(out)
