"""The vocabulary of the dataset: the one source of truth for coded values, law families, indices,
derived measures, fields and release tables. Words (labels in every language, definitions, rules,
formulas) live in the label catalogue, ``solidarity_data/data/labels.csv``.

    from solidarity_data import codebook as cb
    cb.label("category", "foreign_agent", "fr")

Modules: ``terms`` (shapes), ``vocabularies`` (every coded value), ``indices`` (index dimensions,
weights, class breaks), ``formulas`` (derived country-year measures), ``fields`` (data dictionary),
``resources`` (release tables), ``markdown`` (docs/codebook.md).
"""

from __future__ import annotations

from .fields import FIELDS, LIST_SEP, URL_SEP
from .formulas import MEASURES, PANEL_START, formula_label, formula_text
from .indices import (
    AIMED,
    FACILITATION_BREAKS,
    FACILITATION_DIMENSIONS,
    GENERIC,
    RESTRICTION_BREAKS,
    RESTRICTION_DIMENSIONS,
    SEVERITY_MAX,
    Dimension,
    max_points,
)
from .markdown import to_markdown
from .resources import RESOURCES
from .terms import LANGS, Family, Term, Vocabulary
from .vocabularies import (
    ASSESSMENT_STATUS,
    CATEGORY,
    CATEGORY_FAMILY,
    CHECK_STATUS,
    CONFIDENCE,
    DIMENSION,
    DIRECTION,
    DISCLOSURE,
    END_STATUSES,
    FACILITATING_CATEGORIES,
    FACILITATION_CLASS,
    FAMILY,
    INSTRUMENT_STATUS,
    INSTRUMENT_TYPE,
    QUESTION,
    REPRISAL_TYPE,
    RESTRICTING_CATEGORIES,
    RESTRICTION_CLASS,
    SEVERITY,
    SOURCE_KIND,
    TARGET_TYPE,
    THEME,
    VERIFICATION,
    VOCABULARIES,
)

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
    "AIMED", "ASSESSMENT_STATUS", "CATEGORY", "CATEGORY_FAMILY", "CHECK_STATUS", "CONFIDENCE", "DIMENSION",
    "DIRECTION", "DISCLOSURE", "Dimension", "END_STATUSES", "EXPORTABLE_DISCLOSURES", "FACILITATING_CATEGORIES",
    "FACILITATION_BREAKS", "FACILITATION_CLASS", "FACILITATION_DIMENSIONS", "FAMILY", "FIELDS", "Family", "GENERIC",
    "INSTRUMENT_STATUS", "INSTRUMENT_TYPE", "LANGS", "LIST_SEP", "MEASURES", "PANEL_START",
    "PUBLIC_RECORD_SOURCE_KINDS", "QUESTION", "REPRISAL_TYPE", "RESOURCES", "RESTRICTING_CATEGORIES",
    "RESTRICTION_BREAKS", "RESTRICTION_CLASS", "RESTRICTION_DIMENSIONS", "SEVERITY", "SEVERITY_MAX", "SOURCE_KIND",
    "TARGET_TYPE", "THEME", "Term", "URL_SEP", "VERIFICATION", "VOCABULARIES", "Vocabulary", "formula_label",
    "formula_text", "label", "max_points", "to_markdown", "vocabulary",
]
