"""The restriction and facilitation indices: dimensions, category weights and map-class breaks, with
their en/fr/es labels. The computation lives in ``solidarity_data.indicators``; the formulas here are
what the codebook, the report's methodology and the tests read.

Why dimensions: the most severe provision alone puts a country with one criminal counter-terrorism
offence in the same class as one with foreign-agent labels, funding bans and bans on foreign
organisations; a plain sum over categories rewards documentation (more coded kinds of law, higher
score). Taking the strongest instrument per dimension, and weighing laws aimed at civil society or
its foreign ties above generic laws that can merely be applied to it, separates those cases.
"""

from __future__ import annotations

from dataclasses import dataclass

AIMED, GENERIC = 1.0, 0.5  # weight of a category aimed at civil society / a generic law applied to it


@dataclass(frozen=True)
class Dimension:
    """One dimension of an index: its labels and the categories (with weights) that feed it."""

    value: str
    en: str
    fr: str
    es: str
    weights: dict[str, float]

    def label(self, lang: str = "en") -> str:
        return getattr(self, lang)


RESTRICTION_DIMENSIONS = (
    Dimension("entry", "Entry and registration", "Création et enregistrement", "Constitución y registro",
              {"registration_dissolution": AIMED}),
    Dimension("funding", "Funding", "Financement", "Financiación",
              {"foreign_funding": AIMED, "counter_terrorism_aml": GENERIC}),
    Dimension("foreign_label", "Labelling and registration as foreign", "Étiquetage et enregistrement comme étranger",
              "Etiquetado y registro como extranjero",
              {"foreign_agent": AIMED, "foreign_influence_registration": GENERIC}),
    Dimension("operations", "Operations and foreign cooperation", "Fonctionnement et coopération avec l'étranger",
              "Funcionamiento y cooperación con el extranjero",
              {"undesirable_organisations": AIMED, "foreign_cooperation": AIMED, "reporting_audit_burden": AIMED,
               "student_academic": AIMED, "surveillance_powers": GENERIC, "boycott_restrictions": GENERIC}),
    Dimension("movement", "Movement of people", "Circulation des personnes", "Circulación de personas",
              {"travel_mobility": GENERIC}),
    Dimension("criminalisation", "Criminalisation", "Criminalisation", "Criminalización",
              {"criminalisation_of_solidarity": AIMED, "national_security": GENERIC}),
    Dimension("expression", "Expression and assembly", "Expression et réunion", "Expresión y reunión",
              {"online_expression": GENERIC, "assembly": GENERIC}),
)

FACILITATION_DIMENSIONS = (
    Dimension("association", "Freedom of association", "Liberté d'association", "Libertad de asociación",
              {"enabling_association": 1.0, "cross_border_association": 1.0}),
    Dimension("resources", "Access to resources", "Accès aux ressources", "Acceso a recursos",
              {"access_to_resources": 1.0, "tax_incentives_giving": 1.0}),
    Dimension("protection", "Protection of defenders", "Protection des défenseurs", "Protección de defensores",
              {"defender_protection": 1.0, "un_cooperation_protection": 1.0, "anti_slapp": 1.0}),
    Dimension("treaties", "Regional commitments", "Engagements régionaux", "Compromisos regionales",
              {"regional_treaty": 1.0}),
    Dimension("humanitarian", "Humanitarian space", "Espace humanitaire", "Espacio humanitario",
              {"humanitarian_exemption": 1.0}),
    Dimension("digital", "Digital access", "Accès numérique", "Acceso digital", {"digital_access": 1.0}),
)

# Map classes: (class, lower bound inclusive). Index 0 is "none_found"; the first band starts above 0.
RESTRICTION_BREAKS = (("low", 0.0), ("moderate", 10.0), ("high", 25.0), ("very_high", 45.0))
FACILITATION_BREAKS = (("one", 0.0), ("two", 25.0), ("three", 45.0), ("four_plus", 62.0))

SEVERITY_MAX = 3  # restricting instruments score their severity (1-3); facilitating ones score 1


def max_points(dimensions, scale: float) -> float:
    """The highest total an index's dimensions can reach (its 100)."""
    return sum(scale * max(d.weights.values()) for d in dimensions)
