"""The derived country-year measures, in panel order. Labels and formulas in words are catalogue
entries ``measure.<name>`` and ``measure.<name>.formula`` (placeholders filled from the index
definitions, so the words never disagree with the weights)."""

from __future__ import annotations

from .. import labels
from .indices import AIMED, GENERIC, RESTRICTION_BREAKS

PANEL_START = 1990

MEASURES = (
    "in_force", "covered", "restrictive_in_force", "facilitating_in_force", "max_severity", "restrictive_categories",
    "facilitation_score", "balance", "restriction_index", "restriction_class", "facilitation_index",
    "facilitation_class", "families_checked", "public_cases",
)


def formula_label(name: str, lang: str = "en") -> str:
    """Label of a derived country-year measure."""
    return labels.label(f"measure.{name}", lang)


def formula_text(name: str, lang: str = "en") -> str:
    """The formula of a measure, in words."""
    bands = ", ".join(f"{cls} ≥ {low:g}" for cls, low in RESTRICTION_BREAKS)
    return labels.label(f"measure.{name}.formula", lang, aimed=f"{AIMED:g}", generic=f"{GENERIC:g}", bands=bands)
