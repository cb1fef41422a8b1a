"""One look for every figure: sizes for print and screen, fonts, fixed palettes, the foot of every figure
(source line, UN disclaimer, Kosovo footnote), the interactive toolbar and the offline topojson stub.
Importing this module makes plotly work with no network.

Print rule: a static figure pasted at 16 cm keeps every text at 7 pt or more. At the report format
(760 px wide) one pixel is 16/760 cm, so 12 px text prints at 7.2 pt; nothing here is smaller.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
import math
import textwrap
from dataclasses import dataclass

import plotly.io as pio

from ..labels import label

# plotly.js fetches cdn.plot.ly/un/world_110m.json for every geo subplot, even when the trace brings
# its own geojson; offline the map stays blank and kaleido fails ("Error 525"). An empty topology in
# a data: URL satisfies the fetch. The trailing '#' turns the '/world_110m.json' that plotly.js
# appends into a URL fragment, so the data URL stays intact.
_EMPTY = {"type": "GeometryCollection", "geometries": []}
_STUB = {"type": "Topology", "arcs": [],
         "objects": {k: _EMPTY for k in ("land", "ocean", "coastlines", "countries", "lakes", "rivers", "subunits")}}
TOPOJSON_STUB = "data:application/json;base64," + base64.b64encode(json.dumps(_STUB).encode()).decode() + "#"
# The toolbar keeps download (at print scale), zoom and reset; no cloud sharing, no select tools.
PLOTLY_CONFIG = {
    "topojsonURL": TOPOJSON_STUB, "displaylogo": False, "responsive": True, "showSendToCloud": False,
    "modeBarButtonsToRemove": ["select2d", "lasso2d", "sendDataToCloud", "editInChartStudio", "toggleSpikelines",
                               "hoverClosestCartesian", "hoverCompareCartesian", "hoverClosestGeo"],
    "toImageButtonOptions": {"format": "png", "scale": 3},
}


def install_offline_defaults() -> None:
    """Make every plotly output of this process draw maps offline (notebooks, HTML, static export)."""
    pio.defaults.topojson = TOPOJSON_STUB
    pio.defaults.mathjax = False  # kaleido would fetch MathJax from a CDN; we use no LaTeX
    for name in ("plotly_mimetype", "notebook", "notebook_connected", "jupyterlab", "vscode"):
        if name in pio.renderers:
            pio.renderers[name].config = {**pio.renderers[name].config, **PLOTLY_CONFIG}


install_offline_defaults()


@dataclass(frozen=True)
class Format:
    """A static size: width in px at which the fonts below print at the sizes stated, and a scale."""

    name: str
    width: int
    font: int  # body text: ticks, legend, hover
    note: int  # source, disclaimer and footnote lines
    title: int
    scale: int  # PNG pixels per layout pixel


REPORT = Format("report", 760, 13, 12, 18, 3)  # pasted at 16 cm: 7.7 pt body, 7.2 pt notes, 10.7 pt title
SLIDE = Format("slide", 1280, 20, 17, 30, 2)  # 16:9 slides
FORMATS = {f.name: f for f in (REPORT, SLIDE)}

# Fonts that carry French and Spanish accents on every platform (Chromium renders, PDF/SVG keep vectors).
FONT = "Arial, 'Liberation Sans', 'DejaVu Sans', Helvetica, sans-serif"
TEXT = "#222"
NOTE = "#444"
NO_DATA = "#c8c8c8"  # not assessed: neutral grey, its own class on every map
NONE_FOUND = "#efe8d2"  # assessed, nothing found: near-white, clearly not grey
NOT_CHECKED = "#e3e3e3"  # assessed, but this law family not searched: a lighter grey than "not assessed"
BORDER = "#8c8c8c"  # country borders: visible on white and in print, also around pale classes
# Colour-blind-safe classed palettes (ColorBrewer YlOrRd, PuBu, RdPu; a diverging PuOr whose middle is
# a visible warm grey rather than white).
RESTRICT_STEPS = ("#fed976", "#fd8d3c", "#e31a1c", "#800026")
FACILITATE_STEPS = ("#d0d1e6", "#74a9cf", "#2b8cbe", "#045a8d")
CASES_STEPS = ("#fcc5c0", "#f768a1", "#ae017e", "#49006a")
DIVERGING = ("#b35806", "#f1a340", "#d9d2c3", "#998ec3", "#542788")
# Okabe-Ito: colours fixed by position in the codebook's order, never by translated labels.
CATEGORICAL = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000")
# UN M49 regions in a fixed order, each with a fixed colour, in every language.
REGIONS = ("002", "019", "142", "150", "009")
REGION_COLOURS = dict(zip(REGIONS, CATEGORICAL))


def long_date(day: dt.date, lang: str) -> str:
    """A date as a reader writes it: 1 December 2026, 1er décembre 2026, 1 de diciembre de 2026."""
    return label("date.long", lang, day=label("date.first", lang) if day.day == 1 else day.day,
                 month=label(f"date.month.{day.month}", lang), year=day.year)


def source_line(ds, lang: str) -> str:
    """"Source: solidarity-data 0.2.0, data as of 1 December 2026. …" (a citable release, not a hash)."""
    return label("figure.source", lang, release=ds.release, date=long_date(ds.data_as_of, lang))


def notes(ds, lang: str, *, is_map: bool = False, kosovo: bool = False) -> list[str]:
    """The lines at the foot of a figure: source, and on maps the UN disclaimer; the Kosovo footnote
    wherever Kosovo is shown."""
    out = [source_line(ds, lang)]
    out += [label("figure.disclaimer", lang)] if is_map else []
    out += [label("figure.kosovo_note", lang)] if kosovo else []
    return out


def _wrap(lines: list[str], width_px: int, size: int) -> list[str]:
    per_line = max(30, int(width_px / (size * 0.53)))  # Arial averages about 0.53 em per character
    return [part for line in lines for part in textwrap.wrap(line, per_line)]


# Text is wrapped, and room is kept, for a 440 px container: a notebook's output beside JupyterLab's file
# browser in a 900 px window. Wider containers show the same lines with more air.
NARROWEST = 440


def title_lines(title: str, fmt: Format | None = None) -> list[str]:
    """A title wrapped to the narrowest container."""
    fmt = fmt or REPORT
    return _wrap([title], round(NARROWEST * fmt.width / REPORT.width) - 20, fmt.title)


def legend_below(fig, title: str | None = None) -> None:
    """Put the legend under the plot; ``finish`` keeps room for the rows it takes."""
    fig.update_layout(legend={"orientation": "h", "xref": "container", "x": 0.01, "xanchor": "left",
                              "yref": "container", "yanchor": "top", "traceorder": "normal", "itemclick": False,
                              "itemdoubleclick": False, "title": {"text": title or "", "side": "top"}})


def _legend_rows(fig, width: float, fmt: Format) -> int:
    """The rows a legend below the plot takes when the plot area is ``width`` px wide, estimated as
    plotly.js lays it out (it wraps horizontal legends at the plot area's width, whatever ``xref``):
    all items on one line if they fit, else in columns as wide as the widest item."""
    if fig.layout.legend.orientation != "h":
        return 0
    shown = [tr.name for tr in fig.data if tr.showlegend is not False and tr.name]
    if not shown:
        return 0
    items = [len(name) * fmt.font * 0.55 + 40 for name in shown]  # text, then 40 px of symbol and gaps
    rows = 1 if sum(items) <= width else math.ceil(len(items) / max(1, int(width // max(items))))
    return rows + (1 if fig.layout.legend.title.text else 0)


def finish(fig, title: str, ds, lang: str, *, is_map: bool = False, kosovo: bool | None = None, height: int = 480,
           left: int = 60, bottom: int = 50, fmt: Format = REPORT):
    """Apply the house style at a print format: title, fonts, margins, room for the legend (if
    ``legend_below`` placed one) in the narrowest container, and the foot: the source line, plus the UN
    disclaimer on maps and the Kosovo footnote where Kosovo is shown. On screen the figure fills its
    container; exported, it takes the format's width (``print_width``). ``height`` is the plot's height
    with its axes, and ``left`` and ``bottom`` the room its axes need, in px at the report format; title,
    legend and foot add their own room."""
    kosovo = is_map if kosovo is None else kosovo
    k = fmt.width / REPORT.width
    foot_lines = notes(ds, lang, is_map=is_map, kosovo=kosovo)
    foot = _wrap(foot_lines, round(NARROWEST * k) - 20, fmt.note)
    heading = title_lines(title, fmt)
    line, row = fmt.note * 1.3, round(fmt.font * 1.9)  # plotly sets lines of text 1.3 em apart
    left, bottom, right = round(left * k), round(bottom * k), round(16 * k)
    legend_rows = _legend_rows(fig, round(NARROWEST * k) - left - right, fmt)
    foot_h, legend_h = round(line * len(foot)) + 2 * fmt.note, row * legend_rows
    margin = {"l": left, "r": right, "t": round(fmt.title * (1.4 * len(heading) + 1.6)),
              "b": bottom + legend_h + foot_h}
    total = round(height * k) + margin["t"] + legend_h + foot_h
    fig.update_layout(
        title={"text": "<br>".join(heading), "x": 0, "xref": "container", "xanchor": "left", "pad": {"l": 10},
               "font": {"size": fmt.title}},
        font={"family": FONT, "size": fmt.font, "color": TEXT},
        paper_bgcolor="white", plot_bgcolor="white", width=None, autosize=True, height=total, margin=margin,
        hoverlabel={"font": {"size": fmt.font}},
    )
    if legend_rows:
        # anchored at the top of the room kept for it: a legend that wraps onto more rows grows downwards
        fig.update_layout(legend={"y": (foot_h + legend_h) / total, "font": {"size": fmt.font},
                                  "title": {"font": {"size": fmt.font}}})
    fig.add_annotation(text="<br>".join(foot), showarrow=False, xref="paper", yref="paper", x=0, y=0,
                       xanchor="left", yanchor="bottom", xshift=-left + 10, yshift=-margin["b"] + 4, align="left",
                       font={"size": fmt.note, "color": NOTE}, name="foot")
    fig.layout.meta = {"solidarity_data_version": ds.version, "lang": lang, "format": fmt.name, "title": title,
                       "room": {"foot": foot_lines, "line": line, "row": row,
                                "foot_h": foot_h, "legend_h": legend_h}}
    return fig


def print_width(fig) -> int:
    """The width a figure is exported at: its format's (on screen it fills its container)."""
    return FORMATS[fig.layout.meta.get("format", "report")].width


def for_print(fig):
    """A copy of the figure laid out at its export width: the legend's rows and the foot's lines are
    counted again at that width, and the room kept for the narrowest screen is given back."""
    import plotly.graph_objects as go

    meta = fig.layout.meta or {}
    room = meta.get("room")
    if not room:
        return fig
    fmt = FORMATS[meta["format"]]
    m = fig.layout.margin
    foot = _wrap(room["foot"], fmt.width - 20, fmt.note)
    foot_h = round(room["line"] * len(foot)) + 2 * fmt.note
    legend_h = room["row"] * _legend_rows(fig, fmt.width - m.l - m.r, fmt)
    cut = room["foot_h"] + room["legend_h"] - foot_h - legend_h
    out = go.Figure(fig)
    total, bottom = fig.layout.height - cut, m.b - cut
    out.update_layout(height=total, margin_b=bottom)
    if room["legend_h"]:
        out.update_layout(legend_y=(foot_h + legend_h) / total)
    out.update_annotations(selector={"name": "foot"}, text="<br>".join(foot), yshift=-bottom + 4)
    return out
