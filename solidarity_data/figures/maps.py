"""Choropleth maps over the vendored boundaries, classed, with a separate 'not assessed' class.

Each map is one choropleth trace (every country drawn from our geojson, so the geojson is embedded
once), a marker trace for microstates in the same classes, and a legend of one entry per class
(codebook order, the same in every language). Years before an assessment's period count as not
assessed: their history was not reviewed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from .. import codebook as cb
from ..countries import table as country_table
from ..labels import label
from . import theme


@dataclass(frozen=True)
class Classes:
    """Legend classes (label, colour) in order, and per country its class index (0 = not assessed)
    and hover line for one year."""

    legend: list[tuple[str, str]]
    index: pd.Series  # iso3 → int
    hover: pd.Series  # iso3 → str


def default_year() -> int:
    return dt.date.today().year


def _panel_year(ds, year: int) -> pd.DataFrame:
    cy = ds.country_year()
    cy = cy[(cy.year == year)].set_index("iso3")
    return cy[cy.covered.fillna(False).astype(bool)]


def _bin(values: pd.Series, edges: list[int]) -> pd.Series:
    """Class of each value: 1 + number of edges it reaches (edges ascending)."""
    return values.apply(lambda v: 1 + sum(v >= e for e in edges))


def _band_labels(vocab: str, breaks, lang: str) -> list[str]:
    """Legend labels of an index's bands with their ranges, e.g. 'Moderate (10–25)'."""
    nexts = [low for _, low in breaks[1:]] + [None]
    return [f"{cb.label(vocab, name, lang)} ({low:g}–{nxt:g})" if nxt is not None
            else f"{cb.label(vocab, name, lang)} (≥ {low:g})" for (name, low), nxt in zip(breaks, nexts)]


def _index(row: pd.DataFrame, lang: str, which: str, steps) -> tuple[list, pd.Series, pd.Series]:
    """Classes of one index ('restriction' or 'facilitation') for a panel year."""
    vocab = f"{which}_class"
    breaks = cb.RESTRICTION_BREAKS if which == "restriction" else cb.FACILITATION_BREAKS
    names = cb.vocabulary(vocab).values()
    bands = _band_labels(vocab, breaks, lang) if which == "restriction" else [cb.label(vocab, n, lang)
                                                                               for n, _ in breaks]
    legend = [(cb.label(vocab, "none_found", lang), theme.NONE_FOUND)] + list(zip(bands, steps))
    idx = row[vocab].map(lambda c: names.index(c) + 1)
    hover = row[f"{which}_index"].map(lambda v: f"{v:g}/100")
    return legend, idx, hover


def _balance(row: pd.DataFrame, lang: str):
    names = ("≤ −3", "−2 … −1", label("figure.balance_zero", lang), "+1 … +2", "≥ +3")
    hover = row.apply(lambda r: f"{r.balance:+d} ({r.facilitation_score} − {r.restrictive_categories})", axis=1)
    return list(zip(names, theme.DIVERGING)), _bin(row["balance"], [-2, 0, 1, 3]), hover


def _cases(ds, year: int, lang: str):
    cy = ds.country_year()
    total = cy[cy.year <= year].groupby("iso3")["public_cases"].sum().astype(int)
    legend = [(label("figure.no_cases", lang), theme.NONE_FOUND)] + list(zip(("1", "2–4", "5–9", "10+"),
                                                                            theme.CASES_STEPS))
    return legend, _bin(total, [1, 2, 5, 10]), total.map(str)


def _category(ds, row: pd.DataFrame, year: int, lang: str, category: str):
    """One category: 'family not checked' apart from 'checked, none in force', then severity or presence."""
    fam = ds.country_year_family()
    fam = fam[(fam.year == year) & (fam.family == cb.CATEGORY_FAMILY[category])].set_index("iso3")
    cyc = ds.country_year_category()
    cyc = cyc[(cyc.year == year) & (cyc.category == category)].set_index("iso3")
    n = cyc["instruments_in_force"].reindex(row.index, fill_value=0).astype(int)
    legend = [(label("figure.not_checked", lang), theme.NOT_CHECKED), (label("figure.checked_none", lang),
                                                                       theme.NONE_FOUND)]
    if cb.CATEGORY.by_value[category].side == "restricts":
        steps = (theme.RESTRICT_STEPS[0], theme.RESTRICT_STEPS[1], theme.RESTRICT_STEPS[3])
        legend += [(cb.label("severity", s, lang), c) for s, c in zip((1, 2, 3), steps)]
        level = cyc["max_severity"].reindex(row.index).fillna(0).astype(int)
    else:
        legend += [(label("figure.in_force", lang), theme.FACILITATE_STEPS[2])]
        level = (n > 0).astype(int)
    unchecked = fam["check_status"].reindex(row.index).eq("not_checked") & (n == 0)
    idx = (level + 2).where(~unchecked, 1)
    hover = pd.Series({i: f"{legend[idx[i] - 1][0]} · {k}" for i, k in n[n > 0].items()}, dtype="object")
    short = label("figure.not_checked_short", lang)  # repeated every slider year: kept short
    none = idx.index[(n == 0) & ~unchecked]
    hover = pd.concat([hover, pd.Series(short, index=idx.index[unchecked], dtype="object"),
                       pd.Series("0", index=none, dtype="object")])
    return legend, idx, hover


def classify(ds, year: int, lang: str, kind: str, category: str | None = None) -> Classes:
    """The classes of one map kind for one year."""
    row = _panel_year(ds, year)
    if kind in ("restrictions", "facilitation"):
        which = "restriction" if kind == "restrictions" else "facilitation"
        legend, idx, hover = _index(row, lang, which, theme.RESTRICT_STEPS if which == "restriction"
                                    else theme.FACILITATE_STEPS)
    elif kind == "balance":
        legend, idx, hover = _balance(row, lang)
    elif kind == "cases":
        legend, idx, hover = _cases(ds, year, lang)
    elif kind == "category":
        legend, idx, hover = _category(ds, row, year, lang, category)
    else:
        raise ValueError(f"unknown map kind {kind!r}")
    return Classes([(label("figure.not_assessed", lang), theme.NO_DATA)] + legend, idx.astype(int), hover)


def _values(classes: Classes, locations: list[str]) -> tuple[list[int], list[str]]:
    """Class index and hover text (class, then the number behind it) per location, kept short: every
    slider step repeats it. The country's name and its checklist are the trace's customdata, the same
    in every step."""
    idx = classes.index.reindex(locations).fillna(0).astype(int)
    text = [classes.hover[i] if k and i in classes.hover else classes.legend[k][0] for i, k in zip(locations, idx)]
    return idx.tolist(), text


def _hover(heading: str) -> str:
    return f"<b>%{{customdata[0]}}</b><br>{heading}: %{{text}}<br><i>%{{customdata[1]}}</i><extra></extra>"


def _customdata(ds, lang: str, locations) -> list[list[str]]:
    """[name, 'law families checked: k/14'] per location (empty for jurisdictions not assessed)."""
    names = country_table().set_index("iso3")[f"name_{lang}"]
    checked = ds.countries.set_index("iso3").families_checked
    what = cb.formula_label("families_checked", lang)
    return [[names.get(i, i), f"{what}: {checked[i]}/{len(cb.FAMILY)}" if pd.notna(checked.get(i)) else ""]
            for i in locations]


def _colorscale(legend) -> list:
    n = len(legend)
    return [stop for k, (_, colour) in enumerate(legend) for stop in ([k / n, colour], [(k + 1) / n, colour])]


def _map(ds, kind: str, year: int | None, lang: str, title: str, heading: str, *, category: str | None = None,
         slider: bool = False, highlight: str | None = None) -> go.Figure:
    from ..geo import plotly_geojson, world

    year = year or default_year()
    geojson = plotly_geojson()
    locations = [f["id"] for f in geojson["features"]]
    w = world()
    keep = set(country_table().query("un_member or un_observer").iso3) | set(ds.files)
    micro = w[w.microstate & w.iso3.isin(keep)]
    classes = classify(ds, year, lang, kind, category)
    z, text = _values(classes, locations)
    mz, mtext = _values(classes, micro.iso3.tolist())
    colours = [c for _, c in classes.legend]
    fig = go.Figure()
    fig.add_trace(go.Choropleth(
        geojson=geojson, featureidkey="id", locations=locations, z=z, text=text, hovertemplate=_hover(heading),
        customdata=_customdata(ds, lang, locations),
        colorscale=_colorscale(classes.legend), zmin=-0.5, zmax=len(colours) - 0.5, showscale=False, name="",
        marker={"line": {"color": theme.BORDER, "width": 0.3}}, showlegend=False))
    fig.add_trace(go.Scattergeo(
        lon=micro.lon, lat=micro.lat, text=mtext, hovertemplate=_hover(heading),
        customdata=_customdata(ds, lang, micro.iso3), mode="markers", showlegend=False, name="",
        marker={"size": 7, "color": [colours[k] for k in mz], "line": {"color": theme.BORDER, "width": 0.8}}))
    if highlight in locations:  # one jurisdiction outlined (a country profile)
        fig.add_trace(go.Choropleth(geojson=geojson, featureidkey="id", locations=[highlight], z=[0],
                                    colorscale=[[0, "rgba(0,0,0,0)"], [1, "rgba(0,0,0,0)"]], showscale=False,
                                    marker={"line": {"color": theme.TEXT, "width": 2.5}}, hoverinfo="skip",
                                    showlegend=False, name=""))
    for text_, colour in classes.legend:  # the legend: one entry per class, in codebook order
        fig.add_trace(go.Scattergeo(lon=[None], lat=[None], mode="markers", name=text_, hoverinfo="skip",
                                    marker={"size": 12, "symbol": "square", "color": colour,
                                            "line": {"color": theme.BORDER, "width": 0.8}}))
    fig.update_geos(projection_type="natural earth", showframe=False, showcoastlines=False, showland=False,
                    showcountries=False, showocean=False, showlakes=False, lataxis_range=[-58, 85],
                    bgcolor="white", domain={"x": [0, 1], "y": [0, 0.86 if slider else 1.0]})
    theme.legend_below(fig, heading)
    fig = theme.finish(fig, title.format(year=year), ds, lang, is_map=True, height=370 if not slider else 430,
                       left=10, bottom=4)
    # the room for slider, legend and foot is kept above; plotly's own push would move the foot up under the legend
    fig.update_layout(margin_autoexpand=False)
    fig.layout.meta = {**fig.layout.meta, "year": year}
    if slider:
        _add_year_slider(fig, ds, kind, lang, title, locations, micro.iso3.tolist(), category)
    return fig


def _add_year_slider(fig, ds, kind, lang, title, locations, micro, category):
    steps = []
    for y in range(cb.PANEL_START, default_year() + 1):
        classes = classify(ds, y, lang, kind, category)
        z, text = _values(classes, locations)
        mz, mtext = _values(classes, micro)
        colours = [classes.legend[k][1] for k in mz]
        steps.append({"label": str(y), "method": "update",
                      "args": [{"z": [z, None], "text": [text, mtext], "marker.color": [None, colours]},
                               {"title.text": "<br>".join(theme.title_lines(title.format(year=y)))}]})
    fig.update_layout(sliders=[{"active": len(steps) - 1, "steps": steps, "x": 0.02, "len": 0.96, "y": 1.0,
                                "yanchor": "top", "currentvalue": {"prefix": label("figure.year", lang) + ": "},
                                "pad": {"t": 0, "b": 0}, "font": {"size": theme.REPORT.font}}])


def restrictions_map(ds, year: int | None = None, lang: str = "en", slider: bool = False,
                     highlight: str | None = None) -> go.Figure:
    """Restriction index class per jurisdiction (not assessed · none found · four index bands);
    ``highlight`` outlines one jurisdiction."""
    return _map(ds, "restrictions", year, lang, label("figure.restrictions_map", lang, year="{year}"),
                label("figure.restrictions_legend", lang), slider=slider, highlight=highlight)


def facilitation_map(ds, year: int | None = None, lang: str = "en", slider: bool = False) -> go.Figure:
    """Facilitation index class per jurisdiction (dimensions with a facilitating instrument in force)."""
    return _map(ds, "facilitation", year, lang, label("figure.facilitation_map", lang, year="{year}"),
                label("figure.facilitation_legend", lang), slider=slider)


def balance_map(ds, year: int | None = None, lang: str = "en", slider: bool = False) -> go.Figure:
    """Facilitating minus restricting categories in force (diverging; 0 = as many of each)."""
    return _map(ds, "balance", year, lang, label("figure.balance_map", lang, year="{year}"),
                label("figure.balance_legend", lang), slider=slider)


def category_map(ds, category: str = "foreign_funding", year: int | None = None, lang: str = "en",
                 slider: bool = False) -> go.Figure:
    """Where instruments of one category are in force (severity for restricting categories), with
    jurisdictions whose law family was not checked kept apart from 'checked, none in force'."""
    if category not in cb.CATEGORY:
        raise ValueError(f"unknown category {category!r}; expected one of: {', '.join(cb.CATEGORY.values())}")
    name = cb.label("category", category, lang)
    return _map(ds, "category", year, lang, label("figure.category_map", lang, category=name, year="{year}"),
                name, category=category, slider=slider)


def cases_map(ds, year: int | None = None, lang: str = "en", slider: bool = False) -> go.Figure:
    """Public reprisal cases per jurisdiction, cumulative from 1990 to ``year``."""
    return _map(ds, "cases", year, lang, label("figure.cases_map", lang, start=cb.PANEL_START, year="{year}"),
                label("figure.cases", lang), slider=slider)
