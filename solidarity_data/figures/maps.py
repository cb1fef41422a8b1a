"""Choropleth maps over the vendored boundaries, classed, with a separate 'not assessed' class.

Each map is one choropleth trace (every country drawn from our geojson, so the geojson is embedded
once) plus a marker trace for microstates, with a stepped colour bar as the legend.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from .. import codebook as cb
from ..countries import table as country_table
from . import theme
from .theme import t


@dataclass(frozen=True)
class Classes:
    """Per-country class index (0 = not assessed) and hover line for one year."""

    index: pd.Series  # iso3 → int
    hover: pd.Series  # iso3 → str


def default_year() -> int:
    return dt.date.today().year


def _names(lang: str) -> pd.Series:
    return country_table().set_index("iso3")[f"name_{lang}"]


def _assessed(ds) -> set[str]:
    return set(ds.assessed())


def _panel_year(ds, year: int) -> pd.DataFrame:
    cy = ds.country_year()
    return cy[cy.year == year].set_index("iso3")


def _bin(values: pd.Series, edges: list[int]) -> pd.Series:
    """Class of each value: 1 + number of edges it reaches (edges ascending)."""
    return values.apply(lambda v: 1 + sum(v >= e for e in edges))


def _band_labels(vocab: str, breaks, lang: str) -> list[str]:
    """Legend labels of an index's bands with their ranges, e.g. 'Moderate (10–25)'."""
    nexts = [low for _, low in breaks[1:]] + [None]
    return [f"{cb.label(vocab, name, lang)} ({low:g}–{nxt:g})" if nxt is not None
            else f"{cb.label(vocab, name, lang)} (≥ {low:g})" for (name, low), nxt in zip(breaks, nexts)]


def _index_classes(row: pd.DataFrame, lang: str, which: str, steps) -> tuple[list, pd.Series, pd.Series]:
    """Labels and per-country class of one index ('restriction' or 'facilitation') for a panel year."""
    vocab = f"{which}_class"
    breaks = cb.RESTRICTION_BREAKS if which == "restriction" else cb.FACILITATION_BREAKS
    names = [t.value for t in cb.vocabulary(vocab)]
    bands = _band_labels(vocab, breaks, lang) if which == "restriction" else [cb.label(vocab, n, lang)
                                                                               for n, _ in breaks]
    labels = [(cb.label(vocab, "none_found", lang), theme.NONE_FOUND)] + list(zip(bands, steps))
    covered = row[row.covered.fillna(False).astype(bool)]
    idx = covered[vocab].map(lambda c: names.index(c) + 1)
    index_label = cb.formula_label(f"{which}_index", lang)
    hover = covered.apply(lambda r: f"{index_label}: {r[f'{which}_index']:g}/100"
                                    f"<br>{cb.formula_label('families_checked', lang)}: "
                                    f"{r.families_checked}/{len(cb.FAMILY)}", axis=1)
    return labels, idx, hover


def _classify(ds, year: int, lang: str, kind: str, category: str | None = None) -> tuple[list[tuple[str, str]], Classes]:
    """Class labels/colours and the per-country classes for one map kind and year. Class 0 is 'not
    assessed' (also for years before an assessment's period, whose history was not reviewed)."""
    row = _panel_year(ds, year)
    na = (t("not_assessed", lang), theme.NO_DATA)
    if kind in ("restrictions", "facilitation"):
        which = "restriction" if kind == "restrictions" else "facilitation"
        steps = theme.RESTRICT_STEPS if kind == "restrictions" else theme.FACILITATE_STEPS
        labels, idx, hover = _index_classes(row, lang, which, steps)
        labels = [na] + labels
    elif kind == "balance":
        row = row[row.covered.fillna(False).astype(bool)]
        labels = [na] + list(zip(("≤ −3", "−2 … −1", "0", "+1 … +2", "≥ +3"), theme.DIVERGING))
        idx = _bin(row["balance"], [-2, 0, 1, 3])
        hover = row.apply(lambda r: f"{cb.formula_label('balance', lang)}: {r.balance:+d} "
                                    f"({r.facilitation_score} − {r.restrictive_categories})", axis=1)
    elif kind == "cases":
        cy = ds.country_year()
        total = cy[cy.year <= year].groupby("iso3")["public_cases"].sum()
        labels = [na, (t("no_cases", lang), theme.NONE_FOUND)] + list(zip(("1", "2–4", "5–9", "10+"), theme.CASES_STEPS))
        idx = _bin(total, [1, 2, 5, 10])
        hover = total.map(lambda n: f"{t('cases', lang)}: {n}")
    elif kind == "category":
        labels, idx, hover = _category_classes(ds, year, lang, category)
        labels = [na] + labels
    else:
        raise ValueError(f"unknown map kind {kind!r}")
    return labels, Classes(idx.astype(int), hover)


def _category_classes(ds, year: int, lang: str, category: str):
    """One category: 'family not checked' apart from 'checked, none in force', then severity or presence."""
    term = cb.CATEGORY.by_value[category]
    fam = ds.country_year_family()
    fam = fam[(fam.year == year) & (fam.family == cb.CATEGORY_FAMILY[category])].set_index("iso3")
    cyc = ds.country_year_category()
    cyc = cyc[(cyc.year == year) & (cyc.category == category)].set_index("iso3")
    row = _panel_year(ds, year)
    covered = row.index[row.covered.fillna(False).astype(bool)]
    n = cyc["instruments_in_force"].reindex(covered, fill_value=0).astype(int)
    labels = [(t("not_checked", lang), theme.NOT_CHECKED), (t("checked_none", lang), theme.NONE_FOUND)]
    if term.side == "restricts":
        steps = (theme.RESTRICT_STEPS[0], theme.RESTRICT_STEPS[1], theme.RESTRICT_STEPS[3])
        labels += [(cb.label("severity", s, lang), c) for s, c in zip((1, 2, 3), steps)]
        level = cyc["max_severity"].reindex(covered).fillna(0).astype(int)
    else:
        labels += [(t("in_force", lang), theme.FACILITATE_STEPS[2])]
        level = (n > 0).astype(int)
    unchecked = fam["check_status"].reindex(covered).eq("not_checked") & (n == 0)
    idx = (level + 2).where(~unchecked, 1)
    hover = n.map(lambda k: f"{t('instruments', lang)} ({t('in_force', lang).lower()}): {k}")
    hover[unchecked] = t("not_checked", lang)
    return labels, idx, hover


def _trace_values(ds, classes: Classes, labels, lang: str, locations: list[str]):
    names = _names(lang)
    idx = classes.index.reindex(locations).fillna(0).astype(int)
    text = [f"<b>{names.get(i, i)}</b><br>{labels[k][0]}" + (f"<br>{classes.hover[i]}" if k and i in classes.hover else "")
            for i, k in zip(locations, idx)]
    return idx.tolist(), text


def _colorscale(labels) -> list:
    n = len(labels)
    scale = []
    for k, (_, colour) in enumerate(labels):
        scale += [[k / n, colour], [(k + 1) / n, colour]]
    return scale


def _map(ds, kind: str, year: int | None, lang: str, title: str, legend: str, *, category: str | None = None,
         slider: bool = False, years: range | None = None) -> go.Figure:
    from ..geo import plotly_geojson, world

    year = year or default_year()
    geojson = plotly_geojson()
    locations = [f["id"] for f in geojson["features"]]
    w = world()
    keep = set(country_table().query("un_member or un_observer").iso3) | set(ds.files)
    micro = w[w.microstate & w.iso3.isin(keep)]
    labels, classes = _classify(ds, year, lang, kind, category)
    z, text = _trace_values(ds, classes, labels, lang, locations)
    mz, mtext = _trace_values(ds, classes, labels, lang, micro.iso3.tolist())
    n = len(labels)
    colours = [c for _, c in labels]
    fig = go.Figure()
    fig.add_trace(go.Choropleth(
        geojson=geojson, featureidkey="id", locations=locations, z=z, text=text, hoverinfo="text",
        colorscale=_colorscale(labels), zmin=-0.5, zmax=n - 0.5, marker={"line": {"color": "white", "width": 0.4}},
        colorbar={"title": {"text": legend, "side": "top"}, "tickvals": list(range(n)), "ticktext": [l for l, _ in labels],
                  "orientation": "h", "x": 0.5, "xanchor": "center", "y": 0.1, "yanchor": "top",
                  "thickness": 12, "len": 0.9, "outlinewidth": 0},
        name="", showscale=True))
    fig.add_trace(go.Scattergeo(
        lon=micro.lon, lat=micro.lat, text=mtext, hoverinfo="text", mode="markers", showlegend=False, name="",
        marker={"size": 6, "color": [colours[k] for k in mz], "line": {"color": "#444", "width": 0.6}}))
    fig.update_geos(projection_type="natural earth", showframe=False, showcoastlines=False, showland=False,
                    showcountries=False, showocean=False, showlakes=False, lataxis_range=[-58, 85],
                    bgcolor="white", domain={"x": [0, 1], "y": [0.14, 1]})
    fig = theme.finish(fig, title.format(year=year), ds, lang, is_map=True, height=620)
    if slider:
        _add_year_slider(fig, ds, kind, lang, title, locations, micro.iso3.tolist(), category, years or
                         range(cb.PANEL_START, year + 1))
    return fig


def _add_year_slider(fig, ds, kind, lang, title, locations, micro, category, years):
    steps = []
    for y in years:
        labels, classes = _classify(ds, y, lang, kind, category)
        z, text = _trace_values(ds, classes, labels, lang, locations)
        mz, mtext = _trace_values(ds, classes, labels, lang, micro)
        colours = [labels[k][1] for k in mz]
        steps.append({"label": str(y), "method": "update",
                      "args": [{"z": [z, None], "text": [text, mtext], "marker.color": [None, colours]},
                               {"title.text": title.format(year=y)}]})
    fig.update_geos(domain={"x": [0, 1], "y": [0.14, 0.86]})  # room for the slider under the title
    fig.update_layout(sliders=[{"active": len(steps) - 1, "steps": steps, "x": 0.05, "len": 0.9, "y": 1.0,
                                "yanchor": "top", "currentvalue": {"prefix": t("year", lang) + ": "},
                                "pad": {"t": 0, "b": 0}}])


def restrictions_map(ds, year: int | None = None, lang: str = "en", slider: bool = False) -> go.Figure:
    """Restriction index class per jurisdiction (not assessed · none found · four index bands)."""
    return _map(ds, "restrictions", year, lang, t("restrictions_map", lang, year="{year}"),
                t("restrictions_legend", lang), slider=slider)


def facilitation_map(ds, year: int | None = None, lang: str = "en", slider: bool = False) -> go.Figure:
    """Facilitation index class per jurisdiction (dimensions with a facilitating instrument in force)."""
    return _map(ds, "facilitation", year, lang, t("facilitation_map", lang, year="{year}"),
                t("facilitation_legend", lang), slider=slider)


def balance_map(ds, year: int | None = None, lang: str = "en", slider: bool = False) -> go.Figure:
    """Facilitating minus restricting categories in force (diverging)."""
    return _map(ds, "balance", year, lang, t("balance_map", lang, year="{year}"), t("balance_legend", lang),
                slider=slider)


def category_map(ds, category: str = "foreign_funding", year: int | None = None, lang: str = "en",
                 slider: bool = False) -> go.Figure:
    """Where instruments of one category are in force (with severity for restricting categories)."""
    if category not in cb.CATEGORY:
        raise ValueError(f"unknown category {category!r}; expected one of: {', '.join(cb.CATEGORY.values())}")
    label = cb.label("category", category, lang)
    return _map(ds, "category", year, lang, t("category_map", lang, category=label, year="{year}"),
                label, category=category, slider=slider)


def cases_map(ds, year: int | None = None, lang: str = "en", slider: bool = False) -> go.Figure:
    """Public reprisal cases per jurisdiction, cumulative from 1990 to ``year``."""
    return _map(ds, "cases", year, lang, t("cases_map", lang, start=cb.PANEL_START, year="{year}"),
                t("cases", lang), slider=slider)
