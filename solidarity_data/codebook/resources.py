"""The release tables, each declared once: its fields (names from ``FIELDS``), primary key, foreign
keys and a description. The Dataset's frames are conformed to these declarations, and the
datapackage, ``docs/codebook.md`` and the coding sheets are generated from them."""

from __future__ import annotations

from .vocabularies import REPRISAL_TYPE


def _fk(fields, resource, reference=None) -> dict:
    return {"fields": fields, "reference": {"resource": resource, "fields": reference or fields}}


_PANEL_MEASURES = [
    "covered", "restrictive_in_force", "facilitating_in_force", "max_severity", "restrictive_categories",
    "facilitation_score", "balance", "restriction_index", "restriction_class", "facilitation_index",
    "facilitation_class", "families_checked", "public_cases",
] + [f"cases_{t.value}" for t in REPRISAL_TYPE]

RESOURCES: dict[str, dict] = {
    "countries": {
        "description": "Every jurisdiction (ISO 3166-1 and Kosovo) with its UN names, M49 regions and assessment.",
        "fields": ["iso3", "iso2", "numeric", "name_en", "name_fr", "name_es", "un_member", "un_observer",
                   "region", "subregion", "intermediate_region", "region_code", "subregion_code",
                   "intermediate_region_code", "assessment_status", "assessed_on", "period_from", "families_checked",
                   "n_instruments", "n_public_cases"],
        "primary_key": ["iso3"],
        "foreign_keys": [],
    },
    "instruments": {
        "description": "One row per law, policy, ruling or ratification that restricts or facilitates solidarity.",
        "fields": ["instrument_id", "iso3", "country", "title", "title_en", "instrument_type", "direction",
                   "question", "categories", "families", "targets", "severity", "adopted", "adopted_year",
                   "in_force", "in_force_year", "repealed", "repealed_year", "superseded", "superseded_year",
                   "struck_down", "struck_down_year", "suspended", "suspended_year", "start_year", "end_year",
                   "replaces", "replaced_by", "amends", "amended", "status", "summary", "themes", "dimensions",
                   "source_urls", "verification", "confidence", "notes"],
        "primary_key": ["instrument_id"],
        "foreign_keys": [_fk(["iso3"], "countries")],
    },
    "instrument_categories": {
        "description": "One row per instrument and category, with the category's side.",
        "fields": ["instrument_id", "iso3", "category", "side"],
        "primary_key": ["instrument_id", "category"],
        "foreign_keys": [_fk(["instrument_id"], "instruments")],
    },
    "instrument_years": {
        "description": "One row per instrument and year in which it is in force (the one in-force rule).",
        "fields": ["instrument_id", "iso3", "year"],
        "primary_key": ["instrument_id", "year"],
        "foreign_keys": [_fk(["instrument_id"], "instruments")],
    },
    "checks": {
        "description": "The checklist: for every assessed jurisdiction and law family, whether it was searched "
                       "and what was found (coded, none_found or not_checked).",
        "fields": ["iso3", "family", "side", "check_status", "checked_on", "instrument_ids", "note", "source_urls"],
        "primary_key": ["iso3", "family"],
        "foreign_keys": [_fk(["iso3"], "countries")],
    },
    "cases": {
        "description": "Exportable reprisal cases: public-record in full, anonymised stripped, confidential absent.",
        "fields": ["case_id", "iso3", "country", "year", "date", "reprisal_types", "target_type", "target_name",
                   "themes", "dimensions", "instrument_ids", "disclosure", "summary", "source_urls",
                   "verification", "confidence"],
        "primary_key": ["case_id"],
        "foreign_keys": [_fk(["iso3"], "countries")],
    },
    "case_types": {
        "description": "One row per exportable case and reprisal type.",
        "fields": ["case_id", "iso3", "year", "reprisal_type"],
        "primary_key": ["case_id", "reprisal_type"],
        "foreign_keys": [_fk(["case_id"], "cases")],
    },
    "country_year": {
        "description": "Derived panel: one row per assessed jurisdiction and year (formulas in the codebook).",
        "fields": ["iso3", "year"] + _PANEL_MEASURES,
        "primary_key": ["iso3", "year"],
        "foreign_keys": [_fk(["iso3"], "countries")],
    },
    "sources": {
        "description": "One row per source of an instrument, a public-record case or a checklist entry.",
        "fields": ["record_type", "record_id", "position", "iso3", "title", "publisher", "url", "date", "kind"],
        "primary_key": ["record_type", "record_id", "position"],
        "foreign_keys": [_fk(["iso3"], "countries")],
    },
}
