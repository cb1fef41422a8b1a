"""The derived country-year measures: column, en/fr/es label and the formula in words."""

from __future__ import annotations

from .indices import AIMED, GENERIC, RESTRICTION_BREAKS

PANEL_START = 1990

_BANDS = ", ".join(f"{name} from {low:g}" for name, low in RESTRICTION_BREAKS)

FORMULAS = (
    ("in_force", "In force", "En vigueur", "En vigor",
     "An instrument is in force in year Y when start ≤ Y and (end is empty or Y < end). Start is the year of "
     "`in_force` (or of `adopted` when `in_force` is empty); end is the earliest year of `repealed`, "
     "`superseded`, `struck_down` or `suspended`. Bills and pending instruments are never in force. An "
     "instrument repealed in 2021 leaves the panel in 2021. One function (`Instrument.in_force_in`) decides "
     "this; `instrument_years` lists its result and every table, figure and number reads it."),
    ("covered", "Covered by the assessment", "Couvert par l'évaluation", "Cubierto por la evaluación",
     "True when the year is at or after the assessment's `period_from` (default 1990). Measures of years "
     "before it are missing, not zero: their history was not reviewed."),
    ("restrictive_in_force", "Restrictive instruments in force", "Instruments restrictifs en vigueur",
     "Instrumentos restrictivos en vigor",
     "Number of instruments with direction `restricts` or `mixed` in force in the year."),
    ("facilitating_in_force", "Facilitating instruments in force", "Instruments facilitateurs en vigueur",
     "Instrumentos facilitadores en vigor",
     "Number of instruments with direction `facilitates` or `mixed` in force in the year."),
    ("max_severity", "Maximum severity", "Sévérité maximale", "Severidad máxima",
     "Highest severity (1–3) among restricting instruments in force; 0 when none is in force."),
    ("restrictive_categories", "Restricting categories in force", "Catégories restrictives en vigueur",
     "Categorías restrictivas en vigor",
     "Number of the 16 restricting categories with at least one instrument in force (0–16)."),
    ("facilitation_score", "Facilitating categories in force", "Catégories facilitatrices en vigueur",
     "Categorías facilitadoras en vigor",
     "Number of the 10 facilitating categories with at least one instrument in force (0–10)."),
    ("balance", "Balance", "Équilibre", "Equilibrio",
     "facilitation_score − restrictive_categories: positive where more facilitating than restricting "
     "categories are in force, negative where restrictions dominate, 0 where they are equal (or both absent)."),
    ("restriction_index", "Restriction index", "Indice de restriction", "Índice de restricción",
     f"0–100. Each of the 7 restriction dimensions scores the highest severity × weight among its "
     f"categories in force (weight {AIMED:g} for categories aimed at civil society or its foreign ties, "
     f"{GENERIC:g} for generic laws that can be applied to it); the index is the sum of the dimension "
     f"scores as a share of the highest reachable sum. Two laws doing the same thing count once."),
    ("restriction_class", "Restriction class", "Classe de restriction", "Clase de restricción",
     f"Map class of restriction_index: none_found at 0, then {_BANDS}."),
    ("facilitation_index", "Facilitation index", "Indice de facilitation", "Índice de facilitación",
     "0–100: the share of the 6 facilitation dimensions with at least one facilitating instrument in force."),
    ("facilitation_class", "Facilitation class", "Classe de facilitation", "Clase de facilitación",
     "Map class of facilitation_index: none_found at 0, then the number of dimensions (1, 2, 3, 4 or more)."),
    ("families_checked", "Law families checked", "Familles de lois vérifiées", "Familias de leyes verificadas",
     "Number of the 14 law families marked coded or none_found in the jurisdiction's checklist."),
    ("public_cases", "Public reprisal cases", "Cas de représailles publics", "Casos de represalias públicos",
     "Number of cases with disclosure `public_record` or `anonymised` dated in the year. "
     "Confidential cases are counted nowhere."),
)


def formula_label(column: str, lang: str = "en") -> str:
    """Label of a derived country-year column."""
    for name, en, fr, es, _ in FORMULAS:
        if name == column:
            return {"en": en, "fr": fr, "es": es}[lang]
    raise KeyError(column)
