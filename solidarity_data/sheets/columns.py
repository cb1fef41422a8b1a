"""The coding sheet's tabs and columns, declared once: the template, the reader and the merge read them.
Labels are catalogue entries ``sheet.<tab>.<column>`` and ``sheet.tab.<tab>``."""

from __future__ import annotations

from dataclasses import dataclass

from .. import codebook as cb
from ..labels import label

TABS = ("submission", "instruments", "cases")


@dataclass(frozen=True)
class Column:
    key: str
    vocabulary: str | None = None  # values come from this codebook vocabulary (a drop-down)
    multi: bool = False  # several values separated by ';' or ','


_SOURCE = (Column("source_title"), Column("source_publisher"), Column("source_url"), Column("source_date"),
           Column("source_kind", "source_kind"))
COLUMNS: dict[str, tuple[Column, ...]] = {
    "submission": (Column("reference"), Column("sender"), Column("iso3"), Column("language"), Column("date"),
                   Column("publication_allowed")),
    "instruments": (
        Column("iso3"), Column("instrument_id"), Column("title"), Column("title_en"),
        Column("instrument_type", "instrument_type"), Column("direction", "direction"),
        Column("categories", "category", multi=True), Column("targets", "target_type", multi=True),
        Column("severity", "severity"), Column("adopted"), Column("in_force"), Column("repealed"),
        Column("status", "instrument_status"), Column("summary"), Column("themes", "theme", multi=True),
        Column("dimensions", "dimension", multi=True), *_SOURCE, Column("notes"),
    ),
    "cases": (
        Column("iso3"), Column("year"), Column("date"), Column("reprisal_types", "reprisal_type", multi=True),
        Column("target_type", "target_type"), Column("themes", "theme", multi=True),
        Column("dimensions", "dimension", multi=True), Column("instrument_id"), Column("disclosure", "disclosure"),
        Column("summary"), *_SOURCE, Column("notes"),
    ),
}
REQUIRED = {"submission": ("reference", "iso3", "publication_allowed"),
            "instruments": ("iso3", "title", "direction", "categories", "status", "summary", "source_url"),
            "cases": ("iso3", "year", "reprisal_types", "target_type", "summary")}
MAX_ROWS = 2_000  # per tab: far more than any submission; bounds the work a hostile sheet can cause


def keys(tab: str) -> list[str]:
    return [c.key for c in COLUMNS[tab]]


def column_label(tab: str, key: str, lang: str = "en") -> str:
    return label(f"sheet.{tab}.{key}", lang)


def tab_name(tab: str, lang: str = "en") -> str:
    return label(f"sheet.tab.{tab}", lang)


def tab_names(tab: str) -> list[str]:
    """Every accepted name of a tab (its name in each language), lower-case."""
    return list(dict.fromkeys(tab_name(tab, lang).lower() for lang in cb.LANGS))


def header_map(tab: str) -> dict[str, str]:
    """Any accepted header (key or label in any language, case-insensitive) → key."""
    return {name.strip().lower(): c.key for c in COLUMNS[tab]
            for name in (c.key, *(column_label(tab, c.key, lang) for lang in cb.LANGS))}
