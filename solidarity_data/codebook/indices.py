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

from .. import labels

AIMED, GENERIC = 1.0, 0.5  # weight of a category aimed at civil society / a generic law applied to it


@dataclass(frozen=True)
class Dimension:
    """One dimension of an index and the categories (with weights) that feed it; its label is the
    catalogue entry ``dimension_<index>.<value>``."""

    index: str
    value: str
    weights: dict[str, float]

    def label(self, lang: str = "en") -> str:
        return labels.label(f"dimension_{self.index}.{self.value}", lang)


def _restriction(value: str, **weights: float) -> Dimension:
    return Dimension("restriction", value, weights)


def _facilitation(value: str, *categories: str) -> Dimension:
    return Dimension("facilitation", value, dict.fromkeys(categories, 1.0))


RESTRICTION_DIMENSIONS = (
    _restriction("entry", registration_dissolution=AIMED),
    _restriction("funding", foreign_funding=AIMED, counter_terrorism_aml=GENERIC),
    _restriction("foreign_label", foreign_agent=AIMED, foreign_influence_registration=GENERIC),
    _restriction("operations", undesirable_organisations=AIMED, foreign_cooperation=AIMED, reporting_audit_burden=AIMED,
                 student_academic=AIMED, surveillance_powers=GENERIC, boycott_restrictions=GENERIC),
    _restriction("movement", travel_mobility=GENERIC),
    _restriction("criminalisation", criminalisation_of_solidarity=AIMED, national_security=GENERIC),
    _restriction("expression", online_expression=GENERIC, assembly=GENERIC),
)

FACILITATION_DIMENSIONS = (
    _facilitation("association", "enabling_association", "cross_border_association"),
    _facilitation("resources", "access_to_resources", "tax_incentives_giving"),
    _facilitation("protection", "defender_protection", "un_cooperation_protection", "anti_slapp"),
    _facilitation("treaties", "regional_treaty"),
    _facilitation("humanitarian", "humanitarian_exemption"),
    _facilitation("digital", "digital_access"),
)

# Map classes: (class, lower bound inclusive). Index 0 is "none_found"; the first band starts above 0.
RESTRICTION_BREAKS = (("low", 0.0), ("moderate", 15.0), ("high", 30.0), ("very_high", 45.0))
FACILITATION_BREAKS = (("one", 0.0), ("two", 25.0), ("three", 45.0), ("four_plus", 62.0))

SEVERITY_MAX = 3  # restricting instruments score their severity (1-3); facilitating ones score 1


def max_points(dimensions, scale: float) -> float:
    """The highest total an index's dimensions can reach (its 100)."""
    return sum(scale * max(d.weights.values()) for d in dimensions)
