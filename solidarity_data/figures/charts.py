"""Charts of instruments and public reprisal cases; labels from the codebook in the chosen language."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from .. import codebook as cb
from ..countries import region_label, table as country_table
from . import theme
from .maps import default_year
from .theme import t


def _region_of(lang: str) -> pd.Series:
    tab = country_table().set_index("iso3")
    return tab["region_code"].map(lambda c: region_label(c, lang) if isinstance(c, str) else "—")


def _type_counts(ds) -> pd.Series:
    """Public cases per reprisal type, in codebook order."""
    counts = ds.case_types.groupby("reprisal_type")["case_id"].nunique()
    return counts.reindex(cb.REPRISAL_TYPE.values(), fill_value=0)


def reprisal_types_chart(ds, lang: str = "en") -> go.Figure:
    """Public reprisal cases by type (a case can have several types)."""
    counts = _type_counts(ds).sort_values()
    labels = [cb.label("reprisal_type", v, lang) for v in counts.index]
    fig = go.Figure(go.Bar(x=counts.values, y=labels, orientation="h", marker_color=theme.CATEGORICAL[0],
                           text=counts.values, textposition="outside", hovertemplate="%{y}: %{x}<extra></extra>"))
    fig.update_xaxes(title=t("cases", lang), gridcolor="#eee")
    return theme.finish(fig, t("reprisal_types_chart", lang), ds, lang, height=560)


def reprisal_types_by_region(ds, lang: str = "en") -> go.Figure:
    """Public reprisal cases by type, stacked by UN M49 region."""
    ct = ds.case_types.assign(region=lambda d: d.iso3.map(_region_of(lang)))
    table = ct.groupby(["reprisal_type", "region"])["case_id"].nunique().unstack(fill_value=0)
    table = table.reindex(cb.REPRISAL_TYPE.values(), fill_value=0)
    order = table.sum(axis=1).sort_values().index
    fig = go.Figure()
    for i, region in enumerate(sorted(table.columns)):
        fig.add_trace(go.Bar(y=[cb.label("reprisal_type", v, lang) for v in order], x=table.loc[order, region],
                             name=region, orientation="h", marker_color=theme.CATEGORICAL[i % len(theme.CATEGORICAL)],
                             hovertemplate=f"{region}<br>%{{y}}: %{{x}}<extra></extra>"))
    fig.update_layout(barmode="stack", legend={"title": t("region", lang)})
    fig.update_xaxes(title=t("cases", lang), gridcolor="#eee")
    return theme.finish(fig, t("reprisal_types_by_region", lang), ds, lang, height=560)


def reprisal_heatmap(ds, lang: str = "en", top: int = 15) -> go.Figure:
    """Countries with most public cases × reprisal type."""
    names = country_table().set_index("iso3")[f"name_{lang}"]
    ct = ds.case_types
    top_iso = ds.cases.groupby("iso3")["case_id"].nunique().sort_values(ascending=False).head(top).index
    table = (ct[ct.iso3.isin(top_iso)].groupby(["iso3", "reprisal_type"])["case_id"].nunique()
             .unstack(fill_value=0).reindex(index=top_iso[::-1], columns=cb.REPRISAL_TYPE.values(), fill_value=0))
    fig = go.Figure(go.Heatmap(
        z=table.values, x=[cb.label("reprisal_type", v, lang) for v in table.columns],
        y=[names.get(i, i) for i in table.index], colorscale=[[0, "#f7f7f7"], [1, theme.CASES_STEPS[-2]]],
        text=table.values, texttemplate="%{text}", hovertemplate="%{y}<br>%{x}: %{z}<extra></extra>",
        colorbar={"title": {"text": t("cases", lang)}, "thickness": 12}))
    fig.update_xaxes(tickangle=-35)
    return theme.finish(fig, t("reprisal_heatmap", lang, n=len(table)), ds, lang, height=620, axis_room=110)


def in_force_by_category(ds, side: str = "restricts", start: int = cb.PANEL_START) -> pd.DataFrame:
    """Instruments in force per category (rows, codebook order) and year (columns), assessed files only."""
    years = range(start, default_year() + 1)
    cyc = ds.country_year_category()
    cyc = cyc[(cyc.side == side) & (cyc.year >= start)]
    table = cyc.groupby(["category", "year"])["instruments_in_force"].sum().unstack(fill_value=0)
    values = [c for c in cb.CATEGORY.values() if cb.CATEGORY.by_value[c].side == side]
    return table.reindex(index=values, columns=years, fill_value=0).astype(int)


def adoption_timeline(ds, lang: str = "en", start: int = cb.PANEL_START) -> go.Figure:
    """Restrictive instruments in force each year since ``start``, by category (the one in-force rule:
    pending texts and bills never count, repealed and superseded laws leave in their end year)."""
    table = in_force_by_category(ds, "restricts", start)
    order = table.iloc[:, -1].sort_values(ascending=False, kind="stable").index
    fig = go.Figure()
    for i, cat in enumerate(order):
        fig.add_trace(go.Scatter(
            x=list(table.columns), y=table.loc[cat].values, mode="lines", name=cb.label("category", cat, lang),
            line={"width": 2.5 if i < 6 else 1.2, "color": theme.CATEGORICAL[i % len(theme.CATEGORICAL)],
                  "dash": "solid" if i < len(theme.CATEGORICAL) else "dot"},
            visible=True if i < 8 else "legendonly",
            hovertemplate=f"{cb.label('category', cat, lang)}<br>%{{x}}: %{{y}}<extra></extra>"))
    fig.update_xaxes(title=t("year", lang), gridcolor="#eee")
    fig.update_yaxes(title=t("in_force_count", lang), gridcolor="#eee", rangemode="tozero")
    return theme.finish(fig, t("adoption_timeline", lang, start=start), ds, lang, height=560)


def category_region_chart(ds, lang: str = "en", year: int | None = None) -> go.Figure:
    """Instruments in force by category (both sides) and UN M49 region, as a heatmap."""
    year = year or default_year()
    cyc = ds.country_year_category()
    cyc = cyc[cyc.year == year].assign(region=lambda d: d.iso3.map(_region_of(lang)))
    table = cyc.groupby(["category", "region"])["instruments_in_force"].sum().unstack(fill_value=0)
    table = table.reindex(index=cb.CATEGORY.values()[::-1], fill_value=0)
    table = table.reindex(columns=sorted(table.columns), fill_value=0)
    fig = go.Figure(go.Heatmap(
        z=table.values, x=list(table.columns), y=[cb.label("category", c, lang) for c in table.index],
        colorscale=[[0, "#f7f7f7"], [1, theme.CATEGORICAL[0]]], text=table.values, texttemplate="%{text}",
        hovertemplate="%{y}<br>%{x}: %{z}<extra></extra>",
        colorbar={"title": {"text": t("instruments", lang)}, "thickness": 12}))
    fig.update_xaxes(side="top")
    return theme.finish(fig, t("category_region_chart", lang, year=year), ds, lang, height=820, axis_room=20)


def country_timeline(ds, iso3: str, lang: str = "en") -> go.Figure:
    """One bar per instrument of a jurisdiction, from its first to its last year in force (the one
    in-force rule: pending texts and bills are not drawn)."""
    from ..countries import name

    years = ds.instrument_years[ds.instrument_years.iso3 == iso3].groupby("instrument_id")["year"]
    span = pd.DataFrame({"start": years.min(), "stop": years.max() + 1})
    inst = ds.instruments.set_index("instrument_id").join(span, how="inner").reset_index()
    inst = inst.sort_values(["start", "instrument_id"], ascending=False)
    colours = {"restricts": theme.RESTRICT_STEPS[2], "facilitates": theme.FACILITATE_STEPS[2], "mixed": theme.CATEGORICAL[3]}
    fig = go.Figure()
    for direction in cb.DIRECTION.values():
        part = inst[inst.direction == direction]
        if part.empty:
            continue
        fig.add_trace(go.Bar(
            y=[f"{r.title_en[:60]}" + ("…" if len(r.title_en) > 60 else "") for r in part.itertuples()],
            x=(part.stop - part.start).astype(float), base=part.start.astype(float), orientation="h",
            name=cb.label("direction", direction, lang), marker_color=colours[direction],
            customdata=part[["instrument_id"]].values,
            hovertemplate="%{y}<br>%{base}–%{x}<br>%{customdata[0]}<extra></extra>"))
    fig.update_layout(barmode="overlay", legend={"orientation": "h", "y": 1.08})
    fig.update_xaxes(title=t("year", lang), range=[cb.PANEL_START - 1, default_year() + 1], gridcolor="#eee")
    fig.update_yaxes(automargin=True)
    height = max(320, 60 + 26 * len(inst))
    return theme.finish(fig, name(iso3, lang), ds, lang, height=height + 120)
