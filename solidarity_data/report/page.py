"""One report page per language: self-contained (plotly.js inline once, the world's geometry once,
every figure from embedded data), printable, translated from the label catalogue."""

from __future__ import annotations

import html
import json
from pathlib import Path

from .. import codebook as cb
from ..labels import label
from ..paths import PACKAGE_DATA
from . import methodology
from .tables import cases_table, instruments_table

E = html.escape
PAGES = {"en": "index.html", "fr": "index.fr.html", "es": "index.es.html"}
GEOJSON = "__geojson__"  # stands for the shared geometry in each map's embedded data


def page_name(lang: str) -> str:
    return PAGES.get(lang, f"index.{lang}.html")


def _json(obj) -> str:
    from plotly.utils import PlotlyJSONEncoder

    # "</" could close the <script> element holding the JSON; "<\/" is the same JSON string.
    return json.dumps(obj, cls=PlotlyJSONEncoder, separators=(",", ":"), ensure_ascii=False).replace("</", "<\\/")


def _figure_json(fig, filename: str) -> str:
    """A screen figure as the JSON the page's script draws, its geometry replaced by the shared one."""
    from ..figures.theme import PLOTLY_CONFIG

    spec = fig.to_plotly_json()
    for trace in spec["data"]:
        if "geojson" in trace:
            trace["geojson"] = GEOJSON
    config = {**PLOTLY_CONFIG, "toImageButtonOptions": {**PLOTLY_CONFIG["toImageButtonOptions"], "filename": filename}}
    return _json({"data": spec["data"], "layout": spec["layout"], "config": config})


def _figure(fig, lang: str) -> str:
    name, target = fig.spec.name, f"plot-{fig.spec.name}"
    exports = " ".join(f'<a href="figures/{lang}/{name}.{fmt}" download>{fmt.upper()}</a>'
                       for fmt in ("png", "svg", "pdf"))
    return (f'<figure class="plot" id="fig-{name}"><div id="{target}" class="plotly-graph-div"></div>'
            f'<script type="application/json" class="sd-figure" data-target="{target}">'
            f'{_figure_json(fig.interactive, f"{name}-{lang}")}</script>'
            f'<figcaption>{E(fig.alt)}</figcaption>'
            f'<p class="exports">{E(label("report.exports", lang))} {exports}</p></figure>')


def _headline(ds, lang: str) -> str:
    from ..figures.maps import default_year

    year = default_year()
    countries = ds.countries
    n_assessed = int((countries.assessment_status == "assessed").sum())
    now = ds.instrument_years[(ds.instrument_years.year == year) & ds.instrument_years.iso3.isin(ds.assessed())]
    in_force = ds.instruments[ds.instruments.instrument_id.isin(now.instrument_id)].direction.value_counts()
    in_force = in_force.reindex(cb.DIRECTION.values(), fill_value=0)
    types = ds.case_types.groupby("reprisal_type").case_id.nunique()
    types = types.reindex(cb.REPRISAL_TYPE.values(), fill_value=0).sort_values(ascending=False, kind="stable")

    def box(n, words):
        return f'<div class="num"><b>{int(n)}</b>{E(words)}</div>'

    top = (box(n_assessed, label("report.assessed", lang, total=len(countries)))
           + box(len(ds.instruments), label("figure.instruments", lang))
           + box(len(ds.cases), label("figure.cases", lang)))
    by_dir = "".join(box(n, cb.label("direction", d, lang)) for d, n in in_force.items())
    by_type = "".join(box(n, cb.label("reprisal_type", k, lang)) for k, n in types.items() if n)
    return (f'<div class="nums">{top}</div><h3>{E(label("report.in_force_by_direction", lang, year=year))}</h3>'
            f'<div class="nums">{by_dir}</div><h3>{E(label("report.cases_by_type", lang))}</h3>'
            f'<div class="nums">{by_type}</div>')


def build_page(ds, lang: str, built: dict) -> str:
    """The page in ``lang``, from the figures built once for the whole report."""
    import plotly

    from .. import figures
    from ..figures.theme import source_line
    from ..geo import plotly_geojson

    maps = [_figure(built[(n, lang)], lang) for n, s in figures.FIGURE_SET.items() if s.is_map and (n, lang) in built]
    charts = [_figure(built[(n, lang)], lang) for n, s in figures.FIGURE_SET.items()
              if not s.is_map and (n, lang) in built]
    plotly_js = (Path(plotly.__file__).parent / "package_data" / "plotly.min.js").read_text(encoding="utf-8")
    css = (PACKAGE_DATA / "report.css").read_text(encoding="utf-8")
    js = (PACKAGE_DATA / "report.js").read_text(encoding="utf-8")
    langs = " ".join(f'<a href="{page_name(code)}" lang="{code}" hreflang="{code}">{code.upper()}</a>'
                     for code in cb.LANGS)
    cite = E(label("report.citation", lang, year=ds.data_as_of.year, title=label("report.title", lang),
                   release=ds.release))
    return f"""<!DOCTYPE html>
<html lang="{lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{E(label("report.title", lang))}</title><style>{css}</style>
<script>{plotly_js}</script></head><body>
<a class="skip" href="#main">{E(label("report.skip", lang))}</a>
<nav class="small" aria-label="{E(label("report.languages", lang), quote=True)}">
{E(label("report.languages", lang))}: {langs} · <a href="data/">{E(label("report.data", lang))}</a>
· <a href="figures/{lang}/">{E(label("report.figure_files", lang))}</a></nav>
<main id="main">
<h1>{E(label("report.title", lang))}</h1><p>{E(label("report.lead", lang))}</p>
<p class="small">{E(source_line(ds, lang))}</p>
<h2>{E(label("report.headline", lang))}</h2>{_headline(ds, lang)}
<h2>{E(label("report.maps", lang))}</h2>{"".join(maps)}
<h2>{E(label("report.charts", lang))}</h2>{"".join(charts)}
<h2>{E(label("report.table", lang))}</h2>{instruments_table(ds, lang)}
<h2>{E(label("report.cases_table", lang))}</h2>
<p class="note">{E(label("report.disclosure", lang))}</p>{cases_table(ds, lang)}
<p class="note">{E(label("figure.kosovo_note", lang))}</p>
<h2>{E(label("report.methodology", lang))}</h2>{methodology.section(ds, lang)}
<h2>{E(label("report.cite", lang))}</h2><p>{cite}</p>
</main>
<script type="application/json" id="sd-geojson">{_json(plotly_geojson())}</script>
<script>{js}</script></body></html>
"""
