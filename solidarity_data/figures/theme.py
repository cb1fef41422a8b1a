"""One look for every figure: fonts, palettes, UI text in en/fr/es, source and disclaimer lines, and the
offline topojson stub. Importing this module makes plotly work with no network."""

from __future__ import annotations

import base64
import json

import plotly.io as pio

# plotly.js fetches cdn.plot.ly/un/world_110m.json for every geo subplot, even when the trace brings
# its own geojson; offline the map stays blank and kaleido fails ("Error 525"). An empty topology in
# a data: URL satisfies the fetch. The trailing '#' turns the '/world_110m.json' that plotly.js
# appends into a URL fragment, so the data URL stays intact.
_EMPTY = {"type": "GeometryCollection", "geometries": []}
_STUB = {"type": "Topology", "arcs": [],
         "objects": {k: _EMPTY for k in ("land", "ocean", "coastlines", "countries", "lakes", "rivers", "subunits")}}
TOPOJSON_STUB = "data:application/json;base64," + base64.b64encode(json.dumps(_STUB).encode()).decode() + "#"
PLOTLY_CONFIG = {"topojsonURL": TOPOJSON_STUB, "displaylogo": False, "responsive": True}


def install_offline_defaults() -> None:
    """Make every plotly output of this process draw maps offline (notebooks, HTML, static export)."""
    pio.defaults.topojson = TOPOJSON_STUB
    pio.defaults.mathjax = False  # kaleido would fetch MathJax from a CDN; we use no LaTeX
    for name in ("plotly_mimetype", "notebook", "notebook_connected", "jupyterlab", "vscode"):
        if name in pio.renderers:
            pio.renderers[name].config = {**pio.renderers[name].config, **PLOTLY_CONFIG}


install_offline_defaults()

FONT = "Arial, Helvetica, sans-serif"
NO_DATA = "#c8c8c8"  # not assessed: neutral grey, its own class on every map
NONE_FOUND = "#efe8d2"  # assessed, nothing found: near-white, clearly not grey
NOT_CHECKED = "#e3e3e3"  # assessed, but this law family not searched: a lighter grey than "not assessed"
# Colour-blind-safe classed palettes (ColorBrewer YlOrRd and PuBu steps, PuOr diverging).
RESTRICT_STEPS = ("#fed976", "#fd8d3c", "#e31a1c", "#800026")
FACILITATE_STEPS = ("#d0d1e6", "#74a9cf", "#2b8cbe", "#045a8d")
CASES_STEPS = ("#fcc5c0", "#f768a1", "#ae017e", "#49006a")
DIVERGING = ("#b35806", "#f1a340", "#f7f7f7", "#998ec3", "#542788")
CATEGORICAL = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000")

TEXT = {
    "source": {
        "en": "Source: solidarity-data {version}, coded from official texts, UN documents and recognised monitors. CC BY 4.0.",
        "fr": "Source : solidarity-data {version}, codé à partir de textes officiels, de documents de l'ONU et d'observatoires reconnus. CC BY 4.0.",
        "es": "Fuente: solidarity-data {version}, codificado a partir de textos oficiales, documentos de la ONU y observatorios reconocidos. CC BY 4.0.",
    },
    "disclaimer": {
        "en": "The boundaries and names shown and the designations used on this map do not imply official endorsement or acceptance by the United Nations.",
        "fr": "Les frontières et les noms indiqués et les désignations employées sur cette carte n'impliquent pas reconnaissance ou acceptation officielle de la part de l'Organisation des Nations Unies.",
        "es": "Los límites y los nombres que figuran en este mapa y las denominaciones utilizadas en él no implican su apoyo o aceptación oficial por las Naciones Unidas.",
    },
    "not_assessed": {"en": "Not assessed", "fr": "Non évalué", "es": "No evaluado"},
    "none_found": {"en": "Assessed, none found", "fr": "Évalué, aucun trouvé", "es": "Evaluado, ninguno encontrado"},
    "none_in_force": {"en": "Assessed, none in force", "fr": "Évalué, aucun en vigueur", "es": "Evaluado, ninguno en vigor"},
    "not_checked": {"en": "Law family not checked", "fr": "Famille de lois non vérifiée",
                    "es": "Familia de leyes no verificada"},
    "checked_none": {"en": "Checked, none in force", "fr": "Vérifié, aucun en vigueur",
                     "es": "Verificado, ninguno en vigor"},
    "no_cases": {"en": "Assessed, no public case", "fr": "Évalué, aucun cas public", "es": "Evaluado, ningún caso público"},
    "in_force": {"en": "In force", "fr": "En vigueur", "es": "En vigor"},
    "year": {"en": "Year", "fr": "Année", "es": "Año"},
    "cases": {"en": "Public cases", "fr": "Cas publics", "es": "Casos públicos"},
    "instruments": {"en": "Instruments", "fr": "Instruments", "es": "Instrumentos"},
    "country": {"en": "Country", "fr": "Pays", "es": "País"},
    "region": {"en": "Region", "fr": "Région", "es": "Región"},
    "categories": {"en": "categories", "fr": "catégories", "es": "categorías"},
    "restrictions_map": {"en": "Restrictions on cross-border solidarity in force, {year}",
                         "fr": "Restrictions à la solidarité transfrontalière en vigueur, {year}",
                         "es": "Restricciones a la solidaridad transfronteriza en vigor, {year}"},
    "restrictions_legend": {"en": "Restriction index (0–100)", "fr": "Indice de restriction (0–100)",
                            "es": "Índice de restricción (0–100)"},
    "facilitation_map": {"en": "Laws and policies facilitating cross-border solidarity, {year}",
                         "fr": "Lois et politiques facilitant la solidarité transfrontalière, {year}",
                         "es": "Leyes y políticas que facilitan la solidaridad transfronteriza, {year}"},
    "facilitation_legend": {"en": "Facilitation dimensions in force", "fr": "Dimensions facilitatrices en vigueur",
                            "es": "Dimensiones facilitadoras en vigor"},
    "balance_map": {"en": "Balance of facilitation and restriction, {year}",
                    "fr": "Équilibre entre facilitation et restriction, {year}",
                    "es": "Equilibrio entre facilitación y restricción, {year}"},
    "balance_legend": {"en": "Facilitating minus restricting categories", "fr": "Catégories facilitatrices moins restrictives",
                       "es": "Categorías facilitadoras menos restrictivas"},
    "category_map": {"en": "{category}, {year}", "fr": "{category}, {year}", "es": "{category}, {year}"},
    "cases_map": {"en": "Public reprisal cases, {start}–{year}", "fr": "Cas publics de représailles, {start}–{year}",
                  "es": "Casos públicos de represalias, {start}–{year}"},
    "reprisal_types_chart": {"en": "Public reprisal cases by type", "fr": "Cas publics de représailles par type",
                             "es": "Casos públicos de represalias por tipo"},
    "reprisal_types_by_region": {"en": "Public reprisal cases by type and region",
                                 "fr": "Cas publics de représailles par type et par région",
                                 "es": "Casos públicos de represalias por tipo y región"},
    "reprisal_heatmap": {"en": "Reprisal types in the {n} countries with most public cases",
                         "fr": "Types de représailles dans les {n} pays comptant le plus de cas publics",
                         "es": "Tipos de represalias en los {n} países con más casos públicos"},
    "adoption_timeline": {"en": "Restrictive instruments in force since {start}, by category",
                          "fr": "Instruments restrictifs en vigueur depuis {start}, par catégorie",
                          "es": "Instrumentos restrictivos en vigor desde {start}, por categoría"},
    "category_region_chart": {"en": "Instruments in force by category and region, {year}",
                              "fr": "Instruments en vigueur par catégorie et par région, {year}",
                              "es": "Instrumentos en vigor por categoría y región, {year}"},
    "in_force_count": {"en": "Instruments in force", "fr": "Instruments en vigueur", "es": "Instrumentos en vigor"},
}


def t(key: str, lang: str, **kwargs) -> str:
    """UI text ``key`` in ``lang``, formatted with ``kwargs``."""
    return TEXT[key][lang].format(**kwargs)


def finish(fig, title: str, ds, lang: str, *, is_map: bool = False, height: int = 560, axis_room: int = 70):
    """Apply the house style: title, fonts, margins, and at the foot the source line with the data
    version (plus the UN boundaries disclaimer on maps)."""
    notes = [t("source", lang, version=ds.version)] + ([t("disclaimer", lang)] if is_map else [])
    top, bottom = 60, (12 if is_map else axis_room) + 16 * len(notes) + 8
    fig.update_layout(
        title={"text": title, "x": 0.01, "xanchor": "left", "font": {"size": 17}},
        font={"family": FONT, "size": 12, "color": "#222"},
        paper_bgcolor="white", plot_bgcolor="white", height=height, width=1000,
        margin={"l": 10 if is_map else 60, "r": 10, "t": top, "b": bottom},
    )
    plot_h = height - top - bottom
    for i, note in enumerate(reversed(notes)):  # pixels from the bottom edge → paper coordinates
        fig.add_annotation(text=note, showarrow=False, xref="paper", yref="paper", x=0, xanchor="left",
                           y=-(bottom - 8 - 16 * i) / plot_h, yanchor="bottom", align="left",
                           font={"size": 9, "color": "#555"})
    fig.layout.meta = {"solidarity_data_version": ds.version, "lang": lang}
    return fig
