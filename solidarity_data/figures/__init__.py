"""Figures: functions returning plotly Figures, each taking ``lang`` ("en", "fr", "es").

    sd.figures.restrictions_map(ds, year=2024, lang="fr")

Importing this package sets plotly's offline defaults (see theme.py). ``FIGURE_SET`` is the report's
figure set; ``alt_text`` describes a figure of it in a sentence with its main numbers.
"""

from __future__ import annotations

from .. import codebook as cb
from . import theme
from .charts import (adoption_timeline, category_region_chart, country_timeline, in_force_by_category,
                     reprisal_heatmap, reprisal_types_by_region, reprisal_types_chart)
from .maps import balance_map, cases_map, category_map, default_year, facilitation_map, restrictions_map

__all__ = [
    "restrictions_map", "facilitation_map", "balance_map", "category_map", "cases_map", "reprisal_types_chart",
    "reprisal_types_by_region", "reprisal_heatmap", "adoption_timeline", "category_region_chart", "country_timeline",
    "FIGURE_SET", "make", "interactive", "alt_text", "use_renderer",
]


def use_renderer(name: str | None) -> None:
    """Set plotly's renderer for this kernel (e.g. 'plotly_mimetype+notebook' for nbconvert HTML that
    draws offline); None keeps the default, which writes no random ids (stable under nbval)."""
    import plotly.io as pio

    if name:
        pio.renderers.default = name
        theme.install_offline_defaults()

# name → (function, keyword arguments, is_map). Maps get a year slider in their HTML variant.
FIGURE_SET = {
    "restrictions_map": (restrictions_map, {}, True),
    "facilitation_map": (facilitation_map, {}, True),
    "balance_map": (balance_map, {}, True),
    "foreign_funding_map": (category_map, {"category": "foreign_funding"}, True),
    "foreign_agent_map": (category_map, {"category": "foreign_agent"}, True),
    "cases_map": (cases_map, {}, True),
    "reprisal_types": (reprisal_types_chart, {}, False),
    "reprisal_types_by_region": (reprisal_types_by_region, {}, False),
    "reprisal_heatmap": (reprisal_heatmap, {}, False),
    "adoption_timeline": (adoption_timeline, {}, False),
    "category_region": (category_region_chart, {}, False),
}


def make(ds, name: str, lang: str = "en", slider: bool = False):
    """Build figure ``name`` of the figure set."""
    if name not in FIGURE_SET:
        raise KeyError(f"unknown figure {name!r}; known: {', '.join(FIGURE_SET)}")
    func, kwargs, is_map = FIGURE_SET[name]
    return func(ds, lang=lang, slider=slider, **kwargs) if is_map else func(ds, lang=lang, **kwargs)


def interactive(ds, name: str, lang: str = "en", built: dict | None = None, static=None):
    """The interactive variant of figure ``name`` (maps with a year slider; charts as they are).

    ``built`` memoises (name, lang) → figure across callers (the report reuses what the figure
    export built); ``static`` is the already-built static figure, reused for charts."""
    if built is not None and (name, lang) in built:
        return built[(name, lang)]
    if FIGURE_SET[name][2]:
        fig = make(ds, name, lang, slider=True)
    else:
        fig = static if static is not None else make(ds, name, lang)
    if built is not None:
        built[(name, lang)] = fig
    return fig


_ALT = {
    "map": {
        "en": "World map, {year}: of {assessed} assessed jurisdictions, {with_} have {what}; {na} jurisdictions are not assessed (grey).",
        "fr": "Carte du monde, {year} : sur {assessed} juridictions évaluées, {with_} ont {what} ; {na} juridictions ne sont pas évaluées (gris).",
        "es": "Mapa mundial, {year}: de {assessed} jurisdicciones evaluadas, {with_} tienen {what}; {na} jurisdicciones no están evaluadas (gris).",
    },
    "restrictions_map": {"en": "a restriction index above 0 ({top} in the highest class, '{top_label}')",
                         "fr": "un indice de restriction supérieur à 0 ({top} dans la classe la plus élevée, « {top_label} »)",
                         "es": "un índice de restricción superior a 0 ({top} en la clase más alta, «{top_label}»)"},
    "facilitation_map": {"en": "at least one facilitating instrument in force", "fr": "au moins un instrument facilitateur en vigueur",
                         "es": "al menos un instrumento facilitador en vigor"},
    "balance_map": {"en": "more restricting than facilitating categories in force",
                    "fr": "plus de catégories restrictives que facilitatrices en vigueur",
                    "es": "más categorías restrictivas que facilitadoras en vigor"},
    "category_map": {"en": "an instrument of the category '{category}' in force", "fr": "un instrument de la catégorie « {category} » en vigueur",
                     "es": "un instrumento de la categoría «{category}» en vigor"},
    "cases_map": {"en": "at least one public reprisal case since 1990 ({total} cases in all)",
                  "fr": "au moins un cas public de représailles depuis 1990 ({total} cas au total)",
                  "es": "al menos un caso público de represalias desde 1990 ({total} casos en total)"},
    "reprisal_types": {"en": "Bar chart of {total} public reprisal cases by type; most frequent: {first} ({n1}), then {second} ({n2}).",
                       "fr": "Diagramme en barres de {total} cas publics de représailles par type ; le plus fréquent : {first} ({n1}), puis {second} ({n2}).",
                       "es": "Gráfico de barras de {total} casos públicos de represalias por tipo; el más frecuente: {first} ({n1}), luego {second} ({n2})."},
    "reprisal_types_by_region": {"en": "Stacked bars of {total} public reprisal cases by type and region; the region with most cases is {first} ({n1}).",
                                 "fr": "Barres empilées de {total} cas publics de représailles par type et par région ; la région qui en compte le plus est : {first} ({n1}).",
                                 "es": "Barras apiladas de {total} casos públicos de represalias por tipo y región; la región con más casos es {first} ({n1})."},
    "reprisal_heatmap": {"en": "Heat map of reprisal types in the countries with most public cases; first is {first} with {n1} cases.",
                         "fr": "Carte de chaleur des types de représailles dans les pays comptant le plus de cas publics ; en tête : {first} avec {n1} cas.",
                         "es": "Mapa de calor de los tipos de represalias en los países con más casos públicos; primero: {first} con {n1} casos."},
    "adoption_timeline": {"en": "Lines of restrictive instruments in force each year since 1990, by category; in {year} {first} leads with {n1} instruments.",
                          "fr": "Courbes des instruments restrictifs en vigueur chaque année depuis 1990, par catégorie ; en {year}, en tête : {first} avec {n1} instruments.",
                          "es": "Líneas de instrumentos restrictivos en vigor cada año desde 1990, por categoría; en {year} encabeza {first} con {n1} instrumentos."},
    "category_region": {"en": "Heat map of {total} category entries of instruments in force in {year}, by category and region.",
                        "fr": "Carte de chaleur de {total} entrées de catégorie d'instruments en vigueur en {year}, par catégorie et par région.",
                        "es": "Mapa de calor de {total} entradas de categoría de instrumentos en vigor en {year}, por categoría y región."},
}


def alt_text(ds, name: str, lang: str = "en") -> str:
    """One sentence stating what figure ``name`` shows, with its main numbers."""
    from ..countries import name as country_name, region_label, table

    year = default_year()
    assessed = ds.assessed()
    cy = ds.country_year()
    cy = cy[cy.year == year].set_index("iso3")
    na = int((ds.countries.assessment_status == "not_assessed").sum())
    _, kwargs, is_map = FIGURE_SET[name]
    if is_map:
        if name == "restrictions_map":
            top = cb.RESTRICTION_BREAKS[-1][0]
            with_ = int((cy.restriction_index > 0).sum())
            what = _ALT[name][lang].format(top=int((cy.restriction_class == top).sum()),
                                           top_label=cb.label("restriction_class", top, lang))
        elif name == "facilitation_map":
            with_, what = int((cy.facilitation_index > 0).sum()), _ALT[name][lang]
        elif name == "balance_map":
            with_, what = int((cy.balance < 0).sum()), _ALT[name][lang]
        elif name == "cases_map":
            total = ds.country_year().groupby("iso3").public_cases.sum()
            with_, what = int((total > 0).sum()), _ALT[name][lang].format(total=int(total.sum()))
        else:
            cat = kwargs["category"]
            cyc = ds.country_year_category()
            with_ = int(cyc[(cyc.year == year) & (cyc.category == cat)].iso3.nunique())
            what = _ALT["category_map"][lang].format(category=cb.label("category", cat, lang))
        return _ALT["map"][lang].format(year=year, assessed=len(assessed), with_=with_, what=what, na=na)
    if name == "reprisal_types":
        counts = ds.case_types.groupby("reprisal_type").case_id.nunique().sort_values(ascending=False)
        top = list(counts.items())[:2] + [("", 0)] * 2
        return _ALT[name][lang].format(total=len(ds.cases), first=_lbl("reprisal_type", top[0][0], lang), n1=top[0][1],
                                       second=_lbl("reprisal_type", top[1][0], lang), n2=top[1][1])
    if name == "reprisal_types_by_region":
        regions = table().set_index("iso3").region_code
        by = ds.cases.iso3.map(regions).value_counts()
        first = region_label(by.index[0], lang) if len(by) else "—"
        return _ALT[name][lang].format(total=len(ds.cases), first=first, n1=int(by.iloc[0]) if len(by) else 0)
    if name == "reprisal_heatmap":
        by = ds.cases.iso3.value_counts()
        first = country_name(by.index[0], lang) if len(by) else "—"
        return _ALT[name][lang].format(first=first, n1=int(by.iloc[0]) if len(by) else 0)
    if name == "adoption_timeline":
        last = in_force_by_category(ds, "restricts").iloc[:, -1].sort_values(ascending=False, kind="stable")
        return _ALT[name][lang].format(year=year, first=cb.label("category", last.index[0], lang),
                                       n1=int(last.iloc[0]))
    cyc = ds.country_year_category()
    return _ALT[name][lang].format(total=int(cyc[cyc.year == year].instruments_in_force.sum()), year=year)


def _lbl(vocab: str, value: str, lang: str) -> str:
    return cb.label(vocab, value, lang) if value else "—"
