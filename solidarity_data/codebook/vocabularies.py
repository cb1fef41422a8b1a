"""The coded values of the dataset, in display order. Their words (labels in every language,
definitions, inclusion rules) are in the label catalogue (``labels.csv``, keys ``<vocabulary>.<value>``
and ``<vocabulary>.<value>.definition``)."""

from __future__ import annotations

from .terms import Family, Vocabulary, vocab

R, F = "restricts", "facilitates"

ASSESSMENT_STATUS = vocab("assessment_status", "assessed", "not_assessed")

DIRECTION = vocab("direction", "restricts", "facilitates", "mixed")

QUESTION = vocab("question", "Q4", "Q5", "both")

INSTRUMENT_TYPE = vocab(
    "instrument_type", "constitution", "statute", "decree", "regulation", "policy", "court_decision",
    "treaty_ratification", "bill",
)

INSTRUMENT_STATUS = vocab(
    "instrument_status", "in_force", "partly_suspended", "pending", "suspended", "superseded", "repealed",
    "struck_down",
)

SEVERITY = vocab("severity", "1", "2", "3")

CATEGORY = vocab(
    "category",
    ("foreign_funding", R, "Q5"),
    ("foreign_agent", R, "Q5"),
    ("foreign_influence_registration", R, "Q5"),
    ("registration_dissolution", R, "Q5"),
    ("undesirable_organisations", R, "Q5"),
    ("foreign_cooperation", R, "Q5"),
    ("counter_terrorism_aml", R, "Q5"),
    ("national_security", R, "Q5"),
    ("travel_mobility", R, "Q5"),
    ("online_expression", R, "Q5"),
    ("assembly", R, "Q5"),
    ("criminalisation_of_solidarity", R, "Q5"),
    ("boycott_restrictions", R, "Q5"),
    ("surveillance_powers", R, "Q5"),
    ("student_academic", R, "Q5"),
    ("reporting_audit_burden", R, "Q5"),
    ("defender_protection", F, "Q4"),
    ("enabling_association", F, "Q4"),
    ("access_to_resources", F, "Q4"),
    ("cross_border_association", F, "Q4"),
    ("tax_incentives_giving", F, "Q4"),
    ("anti_slapp", F, "Q4"),
    ("regional_treaty", F, "Q4"),
    ("humanitarian_exemption", F, "Q4"),
    ("un_cooperation_protection", F, "Q4"),
    ("digital_access", F, "Q4"),
)

FAMILY = vocab(
    "family",
    Family("association_law", R, categories=("registration_dissolution", "reporting_audit_burden")),
    Family("foreign_funding", R, categories=("foreign_funding",)),
    Family("foreign_agent_influence", R, categories=("foreign_agent", "foreign_influence_registration")),
    Family("foreign_organisations", R, categories=("undesirable_organisations", "foreign_cooperation")),
    Family("counter_terrorism_aml", R, categories=("counter_terrorism_aml",)),
    Family("security_offences", R, categories=("national_security",)),
    Family("travel_mobility", R, categories=("travel_mobility",)),
    Family("criminalisation_of_solidarity", R, categories=("criminalisation_of_solidarity",)),
    Family("enabling_association", F, categories=("enabling_association", "cross_border_association")),
    Family("access_to_resources", F, categories=("access_to_resources",)),
    Family("cross_border_giving_tax", F, categories=("tax_incentives_giving",)),
    Family("defender_protection", F, categories=("defender_protection", "un_cooperation_protection", "anti_slapp")),
    Family("regional_treaties", F, categories=("regional_treaty",)),
    Family("humanitarian_exemptions", F, categories=("humanitarian_exemption",)),
)

CHECK_STATUS = vocab("check_status", "coded", "none_found", "not_checked")

RESTRICTION_CLASS = vocab("restriction_class", "none_found", "low", "moderate", "high", "very_high")

FACILITATION_CLASS = vocab("facilitation_class", "none_found", "one", "two", "three", "four_plus")

REPRISAL_TYPE = vocab(
    "reprisal_type",
    ("surveillance", None, "Q5"),
    ("denial_of_funding", None, "Q5"),
    ("intimidation", None, "Q5"),
    ("retaliation", None, "Q5"),
    ("closure", None, "Q5"),
    ("prosecution", None, "Q5"),
    ("sanctions", None, "Q5"),
    ("exit_restriction", None, "Q5"),
    ("entry_restriction", None, "Q5"),
    ("attack", None, "Q5"),
    ("detention", None, "Q5"),
    ("deportation", None, "Q5"),
    ("asset_freeze", None, "Q5"),
)

TARGET_TYPE = vocab(
    "target_type", "domestic_cso", "foreign_ngo", "network", "defender", "journalist_media", "lawyer",
    "student_academic", "trade_union", "community", "donor", "any_person",
)

THEME = vocab(
    "theme", "womens_rights", "climate_disasters", "peace_civilians", "workers_rights", "indigenous_land",
    "health_access", "migrants_minorities", "general_human_rights",
)

DIMENSION = vocab(
    "dimension",
    ("platform_access", None, "Q3"),
    ("discrimination", None, "Q7"),
    ("student_groups", None, "Q8"),
)

DISCLOSURE = vocab("disclosure", "public_record", "anonymised", "confidential")

SOURCE_KIND = vocab(
    "source_kind", "official", "un_document", "monitor", "ngo_report", "academic", "professional", "news",
    "submission",
)

VERIFICATION = vocab(
    "verification", "official_text", "un_document", "monitor_report", "multiple_sources",
    "secondary_only", "submission",
)

CONFIDENCE = vocab("confidence", "high", "medium", "low")

VOCABULARIES: dict[str, Vocabulary] = {
    v.name: v
    for v in (
        ASSESSMENT_STATUS, DIRECTION, QUESTION, INSTRUMENT_TYPE, INSTRUMENT_STATUS, SEVERITY, CATEGORY, FAMILY,
        CHECK_STATUS, RESTRICTION_CLASS, FACILITATION_CLASS, REPRISAL_TYPE, TARGET_TYPE, THEME, DIMENSION,
        DISCLOSURE, SOURCE_KIND, VERIFICATION, CONFIDENCE,
    )
}

RESTRICTING_CATEGORIES = tuple(t.value for t in CATEGORY if t.side == R)
FACILITATING_CATEGORIES = tuple(t.value for t in CATEGORY if t.side == F)
# Statuses that end an instrument; each has a date field of the same name.
END_STATUSES = ("repealed", "superseded", "struck_down", "suspended")
# category → the family it answers (a category belongs to at most one family)
CATEGORY_FAMILY = {c: f.value for f in FAMILY for c in f.categories}
