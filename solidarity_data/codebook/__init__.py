"""The vocabulary of the dataset: the one source of truth for coded values, law families, indices,
derived measures, fields and release tables.

    from solidarity_data import codebook as cb
    cb.label("category", "foreign_agent", "fr")

Modules: ``terms`` (shapes), ``vocabularies`` (every coded value with en/fr/es labels),
``indices`` (index dimensions, weights, class breaks), ``formulas`` (derived country-year measures),
``fields`` (data dictionary), ``resources`` (release tables), ``markdown`` (docs/codebook.md).
"""

from __future__ import annotations

from .fields import FIELDS, LIST_SEP, URL_SEP
from .formulas import FORMULAS, PANEL_START, formula_label
from .indices import (AIMED, GENERIC, FACILITATION_BREAKS, FACILITATION_DIMENSIONS, RESTRICTION_BREAKS, RESTRICTION_DIMENSIONS,
                      SEVERITY_MAX, Dimension, max_points)
from .markdown import to_markdown
from .resources import RESOURCES
from .terms import LANGS, Family, Term, Vocabulary
from .vocabularies import *  # noqa: F403  (every vocabulary constant: CATEGORY, FAMILY, …)
from .vocabularies import CATEGORY_FAMILY, END_STATUSES, VOCABULARIES

# Cases whose disclosure allows them in any table, count or figure outside the coded file.
EXPORTABLE_DISCLOSURES = ("public_record", "anonymised")
# Sources that make a case "already published by the UN or a recognised monitor".
PUBLIC_RECORD_SOURCE_KINDS = ("un_document", "monitor")


def vocabulary(name: str) -> Vocabulary:
    """The vocabulary called ``name`` (KeyError names the known ones)."""
    try:
        return VOCABULARIES[name]
    except KeyError:
        raise KeyError(f"no vocabulary {name!r}; known: {', '.join(VOCABULARIES)}") from None


def label(vocab: str, value, lang: str = "en") -> str:
    """Label of ``value`` in vocabulary ``vocab``, in ``lang``."""
    return vocabulary(vocab).label(str(value), lang)


__all__ = [
    "AIMED", "GENERIC", "FIELDS", "LIST_SEP", "URL_SEP", "FORMULAS", "PANEL_START", "formula_label", "FACILITATION_BREAKS",
    "FACILITATION_DIMENSIONS", "RESTRICTION_BREAKS", "RESTRICTION_DIMENSIONS", "SEVERITY_MAX", "Dimension", "max_points",
    "to_markdown", "RESOURCES", "LANGS", "Family", "Term", "Vocabulary", "CATEGORY_FAMILY", "END_STATUSES", "VOCABULARIES",
    "EXPORTABLE_DISCLOSURES", "PUBLIC_RECORD_SOURCE_KINDS", "vocabulary", "label",
]
