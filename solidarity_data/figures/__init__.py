"""Figures: functions returning plotly Figures, each taking ``lang`` (any language of the catalogue).

    sd.figures.restrictions_map(ds, year=2024, lang="fr")

Importing this package sets plotly's offline defaults (see theme.py). ``FIGURE_SET`` is the report's
figure set; ``build_figures`` builds it once (static print version, interactive screen version and
alt text of every figure in every language) for the exported files and the report pages to read.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import plotly.graph_objects as go

from .. import codebook as cb
from . import theme
from .alt import alt_text
from .charts import (
    adoption_timeline,
    category_region_chart,
    country_timeline,
    in_force_by_category,
    reprisal_heatmap,
    reprisal_types_by_region,
    reprisal_types_chart,
    themes_by_type,
)
from .maps import balance_map, cases_map, category_map, default_year, facilitation_map, restrictions_map

__all__ = [
    "restrictions_map", "facilitation_map", "balance_map", "category_map", "cases_map", "reprisal_types_chart",
    "reprisal_types_by_region", "reprisal_heatmap", "adoption_timeline", "category_region_chart", "themes_by_type",
    "country_timeline", "in_force_by_category", "default_year", "FIGURE_SET", "FigureSpec", "BuiltFigure",
    "build_figures", "alt_text", "use_renderer",
]


def use_renderer(name: str | None) -> None:
    """Set plotly's renderer for this kernel (e.g. 'plotly_mimetype+notebook' for nbconvert HTML that
    draws offline); None keeps the default, which writes no random ids (stable under nbval)."""
    import plotly.io as pio

    if name:
        pio.renderers.default = name
        theme.install_offline_defaults()


@dataclass(frozen=True)
class FigureSpec:
    """One figure of the report's set: the function that draws it, its arguments, and whether it is a
    map (maps get a year slider on screen)."""

    name: str
    draw: object
    kwargs: dict = field(default_factory=dict)
    kind: str | None = None  # map kind (restrictions, facilitation, balance, category, cases)

    @property
    def is_map(self) -> bool:
        return self.kind is not None

    def build(self, ds, lang: str, slider: bool = False) -> go.Figure:
        if self.is_map:
            return self.draw(ds, lang=lang, slider=slider, **self.kwargs)
        return self.draw(ds, lang=lang, **self.kwargs)


FIGURE_SET = {spec.name: spec for spec in (
    FigureSpec("restrictions_map", restrictions_map, kind="restrictions"),
    FigureSpec("facilitation_map", facilitation_map, kind="facilitation"),
    FigureSpec("balance_map", balance_map, kind="balance"),
    FigureSpec("foreign_funding_map", category_map, {"category": "foreign_funding"}, kind="category"),
    FigureSpec("foreign_agent_map", category_map, {"category": "foreign_agent"}, kind="category"),
    FigureSpec("cases_map", cases_map, kind="cases"),
    FigureSpec("reprisal_types", reprisal_types_chart),
    FigureSpec("reprisal_types_by_region", reprisal_types_by_region),
    FigureSpec("reprisal_heatmap", reprisal_heatmap),
    FigureSpec("themes_by_type", themes_by_type),
    FigureSpec("adoption_timeline", adoption_timeline),
    FigureSpec("category_region", category_region_chart),
)}


@dataclass(frozen=True)
class BuiltFigure:
    """A figure of the set in one language: the figure as exported (at its format's print width), the
    screen version (maps with their year slider; both fill their container on screen) and alt text."""

    spec: FigureSpec
    lang: str
    static: go.Figure
    interactive: go.Figure
    alt: str

    @property
    def title(self) -> str:
        return self.static.layout.meta["title"]


def build_figures(ds, langs=None, only=None) -> dict[tuple[str, str], BuiltFigure]:
    """Every figure of the set (or ``only`` those) in every language: (name, lang) → BuiltFigure."""
    names = list(only or FIGURE_SET)
    unknown = [n for n in names if n not in FIGURE_SET]
    if unknown:
        raise KeyError(f"unknown figure {unknown[0]!r}; known: {', '.join(FIGURE_SET)}")
    out = {}
    for lang in langs or cb.LANGS:
        for name in names:
            spec = FIGURE_SET[name]
            static = spec.build(ds, lang)
            screen = spec.build(ds, lang, slider=True) if spec.is_map else static
            out[(name, lang)] = BuiltFigure(spec, lang, static, screen, alt_text(ds, spec, static, lang))
    return out
