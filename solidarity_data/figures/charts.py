"""Charts of instruments and public reprisal cases; labels from the codebook in the chosen language.

Order and colours never come from translated labels: regions follow the UN M49 order, categories,
types and themes the codebook's order, so the en/fr/es versions of a chart differ only in words.
Legends sit under the plot and wrap, so a chart reads at any width.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from .. import codebook as cb
from ..countries import region_label
from ..countries import table as country_table
from ..labels import label
from . import theme
from .maps import default_year


def _region_codes() -> pd.Series:
    return country_table().set_index("iso3")["region_code"]


def _colorbar(title: str) -> dict:
    """A slim vertical colour bar on the right, its title along it (never cut at narrow widths)."""
    return {"title": {"text": title, "side": "right"}, "thickness": 12, "len": 0.6, "outlinewidth": 0}


def _type_counts(ds) -> pd.Series:
    """Public cases per reprisal type, in codebook order."""
    counts = ds.case_types.groupby("reprisal_type")["case_id"].nunique()
    return counts.reindex(cb.REPRISAL_TYPE.values(), fill_value=0)


def _left(labels, fmt_font: int = theme.REPORT.font) -> int:
    """Left margin (px at the report format) for horizontal-bar labels, capped so the plot keeps room."""
    return min(300, 24 + int(max((len(s) for s in labels), default=10) * fmt_font * 0.55))


def reprisal_types_chart(ds, lang: str = "en") -> go.Figure:
    """Public reprisal cases by type (a case can have several), most frequent at the top."""
    counts = _type_counts(ds).sort_values(kind="stable")
    labels = [cb.label("reprisal_type", v, lang) for v in counts.index]
    fig = go.Figure(go.Bar(x=counts.values, y=labels, orientation="h", marker_color=theme.CATEGORICAL[0],
                           text=counts.values, textposition="outside", cliponaxis=False,
                           hovertemplate="%{y}: %{x}<extra></extra>"))
    fig.update_yaxes(ticksuffix=" ")
    fig.update_xaxes(title=label("figure.cases", lang), gridcolor="#eee", range=[0, max(counts.max(), 1) * 1.15])
    return theme.finish(fig, label("figure.reprisal_types_chart", lang), ds, lang, height=480, left=_left(labels))


def reprisal_types_by_region(ds, lang: str = "en") -> go.Figure:
    """Public reprisal cases by type, stacked by UN M49 region (regions in M49 order, fixed colours)."""
    ct = ds.case_types.assign(region=lambda d: d.iso3.map(_region_codes()))
    table = ct.groupby(["reprisal_type", "region"])["case_id"].nunique().unstack(fill_value=0)
    table = table.reindex(index=cb.REPRISAL_TYPE.values(), columns=list(theme.REGIONS), fill_value=0)
    order = table.sum(axis=1).sort_values(kind="stable").index
    labels = [cb.label("reprisal_type", v, lang) for v in order]
    cases = ct.groupby("region")["case_id"].nunique()
    fig = go.Figure()
    for code in theme.REGIONS:
        name = region_label(code, lang)
        fig.add_trace(go.Bar(y=labels, x=table.loc[order, code], name=name, orientation="h",
                             marker_color=theme.REGION_COLOURS[code], meta=[code, int(cases.get(code, 0))],
                             hovertemplate=f"{name}<br>%{{y}}: %{{x}}<extra></extra>"))
    fig.update_layout(barmode="stack")
    fig.update_xaxes(title=label("figure.cases", lang), gridcolor="#eee")
    fig.update_yaxes(ticksuffix=" ")
    theme.legend_below(fig, label("figure.region", lang))
    return theme.finish(fig, label("figure.reprisal_types_by_region", lang), ds, lang, height=500,
                        left=_left(labels), bottom=50)


def reprisal_heatmap(ds, lang: str = "en", top: int = 15) -> go.Figure:
    """Countries with most public cases × reprisal type."""
    names = country_table().set_index("iso3")[f"name_{lang}"]
    ct = ds.case_types
    counts = ds.cases.groupby("iso3")["case_id"].nunique()
    top_iso = counts.sort_values(ascending=False, kind="stable").head(top).index
    table = (ct[ct.iso3.isin(top_iso)].groupby(["iso3", "reprisal_type"])["case_id"].nunique()
             .unstack(fill_value=0).reindex(index=top_iso[::-1], columns=cb.REPRISAL_TYPE.values(), fill_value=0))
    rows = [names.get(i, i) for i in table.index]
    fig = go.Figure(go.Heatmap(
        z=table.values, x=[cb.label("reprisal_type", v, lang) for v in table.columns], y=rows,
        colorscale=[[0, "#f7f7f7"], [1, theme.CASES_STEPS[-2]]], text=table.values, texttemplate="%{text}",
        hovertemplate="%{y}<br>%{x}: %{z}<extra></extra>", meta=[[i, int(counts[i])] for i in table.index],
        colorbar=_colorbar(label("figure.cases", lang))))
    fig.update_xaxes(tickangle=-40)
    return theme.finish(fig, label("figure.reprisal_heatmap", lang, n=len(table)), ds, lang, height=640,
                        left=_left(rows), bottom=150, kosovo="XKX" in set(table.index))


def in_force_by_category(ds, side: str = "restricts", start: int = cb.PANEL_START) -> pd.DataFrame:
    """Instruments in force per category (rows, codebook order) and year (columns), assessed files only."""
    years = range(start, default_year() + 1)
    cyc = ds.country_year_category()
    cyc = cyc[(cyc.side == side) & (cyc.year >= start)]
    table = cyc.groupby(["category", "year"])["instruments_in_force"].sum().unstack(fill_value=0)
    values = [c for c in cb.CATEGORY.values() if cb.CATEGORY.by_value[c].side == side]
    return table.reindex(index=values, columns=years, fill_value=0).astype(int)


HIGHLIGHTED = 6  # the adoption timeline draws this many categories in colour, the rest in grey


def adoption_timeline(ds, lang: str = "en", start: int = cb.PANEL_START) -> go.Figure:
    """Restrictive instruments in force each year since ``start``, by category: the categories with the
    most instruments in force today in colour, every other one as a thin grey line (the one in-force
    rule: pending texts and bills never count; repealed and superseded laws leave in their end year)."""
    table = in_force_by_category(ds, "restricts", start)
    order = list(table.iloc[:, -1].sort_values(ascending=False, kind="stable").index)
    fig = go.Figure()
    for cat in order[HIGHLIGHTED:] + order[:HIGHLIGHTED][::-1]:  # the highlighted lines drawn last
        rank = order.index(cat)
        lit = rank < HIGHLIGHTED
        name = cb.label("category", cat, lang)
        fig.add_trace(go.Scatter(
            x=list(table.columns), y=table.loc[cat].values, mode="lines", name=name if lit else
            label("figure.other_categories", lang), legendgroup=None if lit else "other", meta=cat,
            showlegend=lit or rank == HIGHLIGHTED, legendrank=rank,
            line={"width": 3 if lit else 1, "color": theme.CATEGORICAL[rank] if lit else "#b0b0b0"},
            hovertemplate=f"{name}<br>%{{x}}: %{{y}}<extra></extra>"))
    fig.update_xaxes(title=label("figure.year", lang), gridcolor="#eee")
    fig.update_yaxes(title=label("figure.in_force_count", lang), gridcolor="#eee", rangemode="tozero")
    theme.legend_below(fig)
    return theme.finish(fig, label("figure.adoption_timeline", lang, start=start), ds, lang, height=440,
                        bottom=50)


def category_region_chart(ds, lang: str = "en", year: int | None = None) -> go.Figure:
    """Instruments in force by category (both sides, codebook order) and UN M49 region (M49 order)."""
    year = year or default_year()
    cyc = ds.country_year_category()
    cyc = cyc[cyc.year == year].assign(region=lambda d: d.iso3.map(_region_codes()))
    table = cyc.groupby(["category", "region"])["instruments_in_force"].sum().unstack(fill_value=0)
    table = table.reindex(index=cb.CATEGORY.values()[::-1], columns=list(theme.REGIONS), fill_value=0)
    rows = [cb.label("category", c, lang) for c in table.index]
    fig = go.Figure(go.Heatmap(
        z=table.values, x=[region_label(c, lang) for c in table.columns], y=rows, meta=list(table.columns),
        colorscale=[[0, "#f7f7f7"], [1, theme.CATEGORICAL[0]]], text=table.values, texttemplate="%{text}",
        hovertemplate="%{y}<br>%{x}: %{z}<extra></extra>",
        colorbar=_colorbar(label("figure.instruments", lang))))
    fig.update_xaxes(side="top")
    n_restricting = len(cb.RESTRICTING_CATEGORIES)  # a rule between the two sides of the codebook
    fig.add_hline(y=len(table.index) - n_restricting - 0.5, line={"color": theme.TEXT, "width": 1.5})
    fig = theme.finish(fig, label("figure.category_region_chart", lang, year=year), ds, lang, height=800,
                       left=_left(rows), bottom=20)
    fig.layout.meta = {**fig.layout.meta, "year": year}
    return fig


def themes_by_type(ds, lang: str = "en") -> go.Figure:
    """Public reprisal cases by solidarity theme (the call's seven expressions and general human-rights
    work, codebook order) and reprisal type; cases whose theme is not coded are kept in their own row."""
    cases = ds.cases[["case_id", "themes"]].fillna({"themes": ""})
    themed = cases.assign(theme=cases.themes.str.split(cb.LIST_SEP)).explode("theme")
    themed["theme"] = themed.theme.replace("", "not_coded")
    pairs = themed.merge(ds.case_types[["case_id", "reprisal_type"]], on="case_id")
    rows = cb.THEME.values() + ["not_coded"]
    table = (pairs.groupby(["theme", "reprisal_type"])["case_id"].nunique().unstack(fill_value=0)
             .reindex(index=rows[::-1], columns=cb.REPRISAL_TYPE.values(), fill_value=0))
    names = [label("figure.theme_not_coded", lang) if t == "not_coded" else cb.label("theme", t, lang)
             for t in table.index]
    cases_per_row = themed.groupby("theme")["case_id"].nunique().reindex(table.index, fill_value=0)
    fig = go.Figure(go.Heatmap(
        z=table.values, x=[cb.label("reprisal_type", v, lang) for v in table.columns], y=names,
        meta=[[t, int(n)] for t, n in cases_per_row.items()], colorscale=[[0, "#f7f7f7"], [1, theme.CASES_STEPS[-2]]],
        text=table.values,
        texttemplate="%{text}", hovertemplate="%{y}<br>%{x}: %{z}<extra></extra>",
        colorbar=_colorbar(label("figure.cases", lang))))
    fig.update_xaxes(tickangle=-40)
    return theme.finish(fig, label("figure.themes_by_type", lang), ds, lang, height=520, left=_left(names),
                        bottom=160)


def country_timeline(ds, iso3: str, lang: str = "en") -> go.Figure:
    """One bar per instrument of a jurisdiction, from its first to its last year in force (the one
    in-force rule: pending texts and bills are not drawn), coloured by direction with a legend."""
    from ..countries import name

    years = ds.instrument_years[ds.instrument_years.iso3 == iso3].groupby("instrument_id")["year"]
    span = pd.DataFrame({"start": years.min(), "stop": years.max() + 1})
    inst = ds.instruments.set_index("instrument_id").join(span, how="inner").reset_index()
    inst = inst.sort_values(["start", "instrument_id"], ascending=False)
    colours = {"restricts": theme.RESTRICT_STEPS[2], "facilitates": theme.FACILITATE_STEPS[2],
               "mixed": theme.CATEGORICAL[3]}
    titles = [f"{t[:55]}…" if len(t) > 56 else t for t in inst.title_en]
    fig = go.Figure()
    for direction in cb.DIRECTION.values():
        part = inst.direction == direction
        if part.any():
            fig.add_trace(go.Bar(
                y=[t for t, p in zip(titles, part) if p], x=(inst.stop - inst.start)[part].astype(float),
                base=inst.start[part].astype(float), orientation="h", name=cb.label("direction", direction, lang),
                marker_color=colours[direction], customdata=inst.loc[part, ["instrument_id"]].values, meta=direction,
                hovertemplate="%{y}<br>%{base}–%{x}<br>%{customdata[0]}<extra></extra>"))
    fig.update_layout(barmode="overlay", showlegend=True)  # the legend names the colours even for one direction
    fig.update_xaxes(title=label("figure.year", lang), range=[cb.PANEL_START - 1, default_year() + 1],
                     gridcolor="#eee")
    theme.legend_below(fig)
    return theme.finish(fig, name(iso3, lang), ds, lang, height=max(240, 60 + 24 * len(inst)), left=_left(titles),
                        bottom=50, kosovo=iso3 == "XKX")
