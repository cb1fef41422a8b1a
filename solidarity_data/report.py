"""The main job: data release + figure set + one self-contained report page per language."""

from __future__ import annotations

import datetime as dt
import html
import json
import time
from pathlib import Path

from . import codebook as cb
from .export import FIGURE_FORMATS, atomic_write, export_figures, write_release

ROOT = Path(__file__).resolve().parent.parent
PAGES = {"en": "index.html", "fr": "index.fr.html", "es": "index.es.html"}

UI = {
    "title": {"en": "Laws and reprisals affecting cross-border civil-society solidarity",
              "fr": "Lois et représailles touchant la solidarité transfrontalière de la société civile",
              "es": "Leyes y represalias que afectan a la solidaridad transfronteriza de la sociedad civil"},
    "lead": {"en": "A sourced, comparative dataset of national laws and policies that facilitate (question 4) or restrict (question 5) cross-border solidarity, and of documented reprisals.",
             "fr": "Un jeu de données comparatif et sourcé des lois et politiques nationales qui facilitent (question 4) ou restreignent (question 5) la solidarité transfrontalière, et des représailles documentées.",
             "es": "Un conjunto de datos comparativo y documentado de las leyes y políticas nacionales que facilitan (pregunta 4) o restringen (pregunta 5) la solidaridad transfronteriza, y de las represalias documentadas."},
    "headline": {"en": "Headline numbers", "fr": "Chiffres clés", "es": "Cifras clave"},
    "assessed": {"en": "jurisdictions assessed, of {total}", "fr": "juridictions évaluées, sur {total}",
                 "es": "jurisdicciones evaluadas, de {total}"},
    "in_force_by_direction": {"en": "Instruments in force in {year}", "fr": "Instruments en vigueur en {year}",
                              "es": "Instrumentos en vigor en {year}"},
    "cases_by_type": {"en": "Public reprisal cases by type", "fr": "Cas publics de représailles par type",
                      "es": "Casos públicos de represalias por tipo"},
    "maps": {"en": "Maps", "fr": "Cartes", "es": "Mapas"},
    "charts": {"en": "Charts", "fr": "Graphiques", "es": "Gráficos"},
    "table": {"en": "Instruments", "fr": "Instruments", "es": "Instrumentos"},
    "search": {"en": "Search instruments…", "fr": "Rechercher…", "es": "Buscar…"},
    "sort_hint": {"en": "Click a column heading to sort.", "fr": "Cliquez sur un en-tête pour trier.",
                  "es": "Haga clic en un encabezado para ordenar."},
    "sources": {"en": "Sources", "fr": "Sources", "es": "Fuentes"},
    "methodology": {"en": "Methodology", "fr": "Méthodologie", "es": "Metodología"},
    "method_note": {"en": "Definitions are given in English; labels in the page's language.",
                    "fr": "Les définitions sont données en anglais ; les libellés dans la langue de la page.",
                    "es": "Las definiciones se dan en inglés; las etiquetas en el idioma de la página."},
    "disclosure": {"en": "Only public-record and anonymised cases are shown; confidential cases are never published or counted. Case counts are a floor: many reprisals are never documented publicly.",
                   "fr": "Seuls les cas publics et anonymisés sont présentés ; les cas confidentiels ne sont jamais publiés ni comptés. Les chiffres sont un minimum : de nombreuses représailles ne sont jamais documentées publiquement.",
                   "es": "Solo se muestran los casos de registro público y anonimizados; los casos confidenciales nunca se publican ni se cuentan. Las cifras son un mínimo: muchas represalias nunca se documentan públicamente."},
    "cite": {"en": "How to cite", "fr": "Comment citer", "es": "Cómo citar"},
    "data": {"en": "Data release (CSV, XLSX, datapackage.json, codebook)",
             "fr": "Publication des données (CSV, XLSX, datapackage.json, livre de codes)",
             "es": "Publicación de datos (CSV, XLSX, datapackage.json, libro de códigos)"},
    "languages": {"en": "Languages", "fr": "Langues", "es": "Idiomas"},
}
COLUMNS = ("country", "title_en", "direction", "categories", "severity", "adopted_year", "status", "sources")
COLUMN_LABELS = {
    "country": {"en": "Country", "fr": "Pays", "es": "País"},
    "title_en": {"en": "Instrument", "fr": "Instrument", "es": "Instrumento"},
    "direction": {"en": "Direction", "fr": "Direction", "es": "Dirección"},
    "categories": {"en": "Categories", "fr": "Catégories", "es": "Categorías"},
    "severity": {"en": "Severity", "fr": "Sévérité", "es": "Severidad"},
    "adopted_year": {"en": "Adopted", "fr": "Adopté", "es": "Adoptado"},
    "status": {"en": "Status", "fr": "Statut", "es": "Estado"},
    "sources": {"en": "Sources", "fr": "Sources", "es": "Fuentes"},
}
E = html.escape

# A few lines of vanilla JavaScript for filtering and sorting the table: the page must work from
# file:// with no network, so no library is fetched, and none is worth vendoring for this.
TABLE_JS = """
document.querySelectorAll('table.instruments').forEach(function (table) {
  var input = document.getElementById(table.dataset.search);
  var rows = Array.prototype.slice.call(table.tBodies[0].rows);
  input.addEventListener('input', function () {
    var q = input.value.toLowerCase();
    rows.forEach(function (r) { r.style.display = r.textContent.toLowerCase().indexOf(q) >= 0 ? '' : 'none'; });
  });
  Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, i) {
    th.addEventListener('click', function () {
      var asc = th.dataset.sort !== 'asc';
      th.dataset.sort = asc ? 'asc' : 'desc';
      rows.sort(function (a, b) {
        var x = a.cells[i].dataset.key || a.cells[i].textContent, y = b.cells[i].dataset.key || b.cells[i].textContent;
        var nx = parseFloat(x), ny = parseFloat(y);
        var c = (!isNaN(nx) && !isNaN(ny)) ? nx - ny : x.localeCompare(y);
        return asc ? c : -c;
      });
      rows.forEach(function (r) { table.tBodies[0].appendChild(r); });
    });
  });
});
"""
CSS = """
body{font-family:Arial,Helvetica,sans-serif;margin:0 auto;max-width:1040px;padding:0 16px 40px;color:#222}
h1{font-size:26px;margin-top:28px}h2{margin-top:36px;border-bottom:1px solid #ddd;padding-bottom:4px}
.nums{display:flex;flex-wrap:wrap;gap:12px}.num{border:1px solid #ddd;border-radius:6px;padding:10px 14px;min-width:140px}
.num b{display:block;font-size:26px}.figure{margin:18px 0}.alt{color:#555;font-size:13px;margin:4px 0 0}
table{border-collapse:collapse;width:100%;font-size:13px}th,td{border-bottom:1px solid #eee;padding:4px 6px;text-align:left;vertical-align:top}
th{cursor:pointer;background:#f6f6f6;position:sticky;top:0}input.search{width:100%;padding:6px;margin:8px 0;font-size:14px}
.tablebox{max-height:600px;overflow:auto}.small{font-size:12px;color:#555}nav a{margin-right:10px}
"""


def _headline(ds, lang: str) -> str:
    from .figures.maps import default_year
    from .figures.theme import t

    year = default_year()
    countries = ds.countries
    n_assessed = int((countries.assessment_status == "assessed").sum())
    inst = ds.instruments
    now = ds.instrument_years[(ds.instrument_years.year == year) & ds.instrument_years.iso3.isin(ds.assessed())]
    in_force = inst[inst.instrument_id.isin(now.instrument_id)].direction.value_counts()
    in_force = in_force.reindex(cb.DIRECTION.values(), fill_value=0)
    types = ds.case_types.groupby("reprisal_type").case_id.nunique().reindex(cb.REPRISAL_TYPE.values(), fill_value=0)
    parts = [f'<div class="num"><b>{n_assessed}</b>{E(UI["assessed"][lang].format(total=len(countries)))}</div>',
             f'<div class="num"><b>{len(inst)}</b>{E(t("instruments", lang))}</div>',
             f'<div class="num"><b>{len(ds.cases)}</b>{E(t("cases", lang))}</div>']
    by_dir = "".join(f'<div class="num"><b>{n}</b>{E(cb.label("direction", d, lang))}</div>' for d, n in in_force.items())
    by_type = "".join(f'<div class="num"><b>{int(n)}</b>{E(cb.label("reprisal_type", k, lang))}</div>'
                      for k, n in types.items() if n)
    return (f'<div class="nums">{"".join(parts)}</div><h3>{E(UI["in_force_by_direction"][lang].format(year=year))}</h3>'
            f'<div class="nums">{by_dir}</div><h3>{E(UI["cases_by_type"][lang])}</h3><div class="nums">{by_type}</div>')


def _table(ds, lang: str) -> str:
    from .countries import name

    head = "".join(f"<th>{E(COLUMN_LABELS[c][lang])}</th>" for c in COLUMNS)
    rows = []
    for r in ds.instruments.itertuples(index=False):
        cats = "; ".join(cb.label("category", c, lang) for c in r.categories.split(";") if c)
        links = " ".join(f'<a href="{E(u, quote=True)}" rel="noopener">[{k}]</a>'
                         for k, u in enumerate(r.source_urls.split(";"), 1) if u)
        sev = "" if r.severity is None or str(r.severity) == "<NA>" else str(r.severity)
        year = "" if str(r.adopted_year) == "<NA>" else str(r.adopted_year)
        original = f'<br><span class="small">{E(r.title)}</span>' if r.title != r.title_en else ""
        cells = [E(name(r.iso3, lang)), f'<span title="{E(r.summary, quote=True)}">{E(r.title_en)}</span>{original}',
                 E(cb.label("direction", r.direction, lang)), E(cats), sev, year,
                 E(cb.label("instrument_status", r.status, lang)), links]
        rows.append("<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
    return (f'<input class="search" id="search-{lang}" placeholder="{E(UI["search"][lang], quote=True)}">'
            f'<p class="small">{E(UI["sort_hint"][lang])}</p><div class="tablebox">'
            f'<table class="instruments" data-search="search-{lang}"><thead><tr>{head}</tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table></div>')


def _methodology(lang: str) -> str:
    out = [f'<p class="small">{E(UI["method_note"][lang])}</p><p>{E(UI["disclosure"][lang])}</p><dl>']
    for name, en, fr, es, formula in cb.FORMULAS:
        out.append(f"<dt><b>{E({'en': en, 'fr': fr, 'es': es}[lang])}</b> (<code>{E(name)}</code>)</dt><dd>{E(formula)}</dd>")
    out.append("</dl><h3>" + E(cb.SEVERITY.title) + "</h3><ul>")
    out += [f"<li><b>{t.value} — {E(t.label(lang))}</b>: {E(t.definition)}</li>" for t in cb.SEVERITY]
    out.append("</ul><h3>" + E(cb.CATEGORY.title) + "</h3><ul>")
    out += [f"<li><b>{E(t.label(lang))}</b> ({E(cb.label('direction', t.side, lang))}): {E(t.definition)}</li>"
            for t in cb.CATEGORY]
    return "".join(out) + "</ul>"


def _figure_div(fig, div_id: str) -> str:
    from .figures.theme import PLOTLY_CONFIG

    return fig.to_html(full_html=False, include_plotlyjs=False, div_id=div_id, config=PLOTLY_CONFIG, validate=False)


def build_page(ds, lang: str, manifest: list[dict], interactive: dict | None = None) -> str:
    """One self-contained page: plotly.js inline once, every figure drawn from embedded data.
    ``interactive`` holds figures already built by the figure export (reused, not rebuilt)."""
    import plotly

    from . import figures
    from .figures.theme import t

    alts = {m["figure"]: m["alt"] for m in manifest if m["language"] == lang}
    maps, charts = [], []
    for name, (_, _, is_map) in figures.FIGURE_SET.items():
        fig = figures.interactive(ds, name, lang, interactive)
        block = (f'<div class="figure" id="fig-{name}">{_figure_div(fig, f"{name}-{lang}")}'
                 f'<p class="alt">{E(alts.get(name, ""))}</p></div>')
        (maps if is_map else charts).append(block)
    plotly_js = (Path(plotly.__file__).parent / "package_data" / "plotly.min.js").read_text(encoding="utf-8")
    langs = " ".join(f'<a href="{PAGES[l]}" lang="{l}">{l.upper()}</a>' for l in PAGES)
    cite = E(f"solidarity-data contributors ({dt.date.today().year}). {UI['title']['en']}. "
             f"Version {ds.version}. Licence CC BY 4.0.")
    return f"""<!DOCTYPE html>
<html lang="{lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{E(UI["title"][lang])}</title><style>{CSS}</style>
<script type="text/javascript">{plotly_js}</script></head><body>
<nav class="small">{E(UI["languages"][lang])}: {langs} · <a href="data/">{E(UI["data"][lang])}</a></nav>
<h1>{E(UI["title"][lang])}</h1><p>{E(UI["lead"][lang])}</p><p class="small">{E(t("source", lang, version=ds.version))}</p>
<h2>{E(UI["headline"][lang])}</h2>{_headline(ds, lang)}
<h2>{E(UI["maps"][lang])}</h2>{"".join(maps)}
<p class="small">{E(t("disclaimer", lang))}</p>
<h2>{E(UI["charts"][lang])}</h2>{"".join(charts)}
<h2>{E(UI["table"][lang])}</h2>{_table(ds, lang)}
<h2>{E(UI["methodology"][lang])}</h2>{_methodology(lang)}
<h2>{E(UI["cite"][lang])}</h2><p>{cite}</p>
<script>{TABLE_JS}</script></body></html>
"""


def build_report(ds, out: Path, log=print, figure_formats=FIGURE_FORMATS) -> dict:
    """Write DIR/data, DIR/figures and DIR/index*.html; return a summary."""
    from .codebook import to_markdown

    out = Path(out)
    start = time.perf_counter()
    log(f"[1/3] data release → {out / 'data'}")
    written = write_release(ds, out / "data")
    written.append(atomic_write(out / "data" / "codebook.md", to_markdown()))
    for src, dst in (("CITATION.cff", "CITATION.cff"), ("CHANGELOG.md", "CHANGELOG.md"),
                     ("LICENSE", "LICENSE-code.txt"), ("data/LICENSE", "LICENSE-data.txt")):
        written.append(atomic_write(out / "data" / dst, (ROOT / src).read_bytes()))
    log(f"[2/3] figures → {out / 'figures'}")
    interactive: dict = {}
    manifest = export_figures(ds, out / "figures", formats=figure_formats, interactive=interactive)
    log("[3/3] report pages")
    for lang, page in PAGES.items():
        written.append(atomic_write(out / page, build_page(ds, lang, manifest, interactive)))
        log(f"      {out / page}")
    summary = {"seconds": round(time.perf_counter() - start, 1), "data_files": len(written) - len(PAGES),
               "figure_files": sum(len(m["files"]) for m in manifest) + 1, "pages": list(PAGES.values()),
               "version": ds.version}
    atomic_write(out / "report.json", json.dumps(summary, indent=2) + "\n")
    return summary

