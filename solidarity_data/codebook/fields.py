"""The data dictionary: every column of the release tables, declared once by name.

``FIELDS[name] = {"type", "vocabulary", "list", "description"}``: the Frictionless type, the
vocabulary its values come from (or None), whether it holds several values, and a description.
The tables (``resources.py``), the datapackage schema and ``docs/codebook.md`` read it.
"""

from __future__ import annotations

from .formulas import MEASURES, formula_text
from .vocabularies import END_STATUSES, REPRISAL_TYPE

LIST_SEP = ";"  # between several coded values in one cell
URL_SEP = " "  # between several addresses in one cell: a validated URL never holds whitespace
_PDATE = "Date as YYYY, YYYY-MM or YYYY-MM-DD (as precise as is known)."
# An instrument's dated events, each released as the date and its year: what the date marks, what the year says.
_DATES = {
    "adopted": ("Adoption.", "Year of adoption."),
    "in_force": ("Entry into force.", "Year of entry into force."),
    "repealed": ("Repeal (no successor).", "Year of repeal."),
    "superseded": ("Taken over by the instrument in replaced_by.", "Year the instrument was superseded."),
    "struck_down": ("Annulment by a court.", "Year of annulment."),
    "suspended": ("Suspension of the whole instrument.", "Year of suspension."),
}


def _f(type_: str, description: str, vocabulary: str | None = None, *, many: bool = False,
       sep: str = LIST_SEP) -> dict:
    if many:
        description += " Several values are separated by " + ("a space." if sep == URL_SEP else f"'{sep}'.")
    return {"type": type_, "vocabulary": vocabulary, "list": many, "sep": sep if many else None,
            "description": description}


FIELDS: dict[str, dict] = {
    # countries
    "iso3": _f("string", "ISO 3166-1 alpha-3 code (XKX for Kosovo)."),
    "iso2": _f("string", "ISO 3166-1 alpha-2 code."),
    "numeric": _f("string", "ISO 3166-1 numeric code (also the UN M49 code), zero-padded."),
    "country": _f("string", "UN-style short name in English."),
    "name_en": _f("string", "UN-style short name in English."),
    "name_fr": _f("string", "UN-style short name in French."),
    "name_es": _f("string", "UN-style short name in Spanish."),
    "un_member": _f("boolean", "Member State of the United Nations."),
    "un_observer": _f("boolean", "Non-member observer State (Holy See, State of Palestine)."),
    "region": _f("string", "UN M49 region."),
    "subregion": _f("string", "UN M49 sub-region."),
    "intermediate_region": _f("string", "UN M49 intermediate region, where there is one."),
    "region_code": _f("string", "UN M49 region code."),
    "subregion_code": _f("string", "UN M49 sub-region code."),
    "intermediate_region_code": _f("string", "UN M49 intermediate region code."),
    "assessment_status": _f("string", "Whether the jurisdiction has been assessed.", "assessment_status"),
    "assessed_on": _f("date", "When the jurisdiction was last assessed."),
    "period_from": _f("integer", "First year whose law the assessment reviewed (history before it is missing)."),
    "n_instruments": _f("integer", "Number of coded instruments."),
    "n_public_cases": _f("integer", "Number of exportable (public-record or anonymised) cases."),
    # instruments
    "instrument_id": _f("string", "Identifier: ISO3-adoption year-slug."),
    "title": _f("string", "Title in the original language."),
    "title_en": _f("string", "Title in English."),
    "instrument_type": _f("string", "Legal form.", "instrument_type"),
    "direction": _f("string", "Restricts, facilitates or mixed.", "direction"),
    "question": _f("string", "Question of the call answered.", "question"),
    "categories": _f("string", "What the instrument regulates.", "category", many=True),
    "families": _f("string", "Law families the instrument answers (from its categories).", "family", many=True),
    "targets": _f("string", "Who the instrument applies to.", "target_type", many=True),
    "severity": _f("integer", "Severity rubric 1–3 (restricting instruments only).", "severity"),
    **{name: field for event, (what, year) in _DATES.items()
       for name, field in ((event, _f("string", f"{what} {_PDATE}")), (f"{event}_year", _f("integer", year)))},
    "start_year": _f("integer", "First year in force (in_force, else adopted); empty for bills and pending texts."),
    "end_year": _f("integer", f"First year no longer in force (earliest of {', '.join(END_STATUSES)}); "
                              "empty while in force."),
    "replaces": _f("string", "Earlier instruments of the same country this one took over from.", many=True),
    "replaced_by": _f("string", "Later instruments of the same country that took over from this one.", many=True),
    "amends": _f("string", "The instrument this one amends (a major amendment is its own instrument)."),
    "amended": _f("string", "Dated amendments as 'date: note'.", many=True),
    "status": _f("string", "Status on the assessment date.", "instrument_status"),
    "summary": _f("string", "Neutral summary of what the row does to cross-border solidarity."),
    "themes": _f("string", "Solidarity themes of the call (empty: not coded).", "theme", many=True),
    "dimensions": _f("string", "Questions 3, 7 or 8 the row bears on.", "dimension", many=True),
    "source_urls": _f("string", "Addresses of the sources (full records in sources.csv).", many=True,
                      sep=URL_SEP),
    "verification": _f("string", "How the row was checked.", "verification"),
    "confidence": _f("string", "How sure the coder is.", "confidence"),
    "notes": _f("string", "What is uncertain or left out."),
    "category": _f("string", "One category of the instrument.", "category"),
    "side": _f("string", "Side: restricts or facilitates."),
    # checks
    "family": _f("string", "One law family of the checklist.", "family"),
    "check_status": _f("string", "What the checklist says about the family.", "check_status"),
    "checked_on": _f("date", "When the family was searched."),
    "note": _f("string", "What was searched and found, or why the family could not be checked."),
    # cases
    "case_id": _f("string", "Identifier: ISO3-year-slug (anonymised cases get a neutral id)."),
    "year": _f("integer", "Year."),
    "date": _f("string", _PDATE),
    "reprisal_types": _f("string", "Reprisal types of question 5.", "reprisal_type", many=True),
    "reprisal_type": _f("string", "One reprisal type of the case.", "reprisal_type"),
    "target_type": _f("string", "Who was targeted.", "target_type"),
    "target_name": _f("string", "Name as published by the UN or a recognised monitor (public-record cases only)."),
    "instrument_ids": _f("string", "Instruments applied in the case, or that answer the family (checks).", many=True),
    "disclosure": _f("string", "Disclosure level (confidential cases are never exported).", "disclosure"),
    # sources
    "record_type": _f("string", "instrument, case or check."),
    "record_id": _f("string", "The instrument_id or case_id the source belongs to; ISO3:family for a check."),
    "position": _f("integer", "Order of the source within its record."),
    "publisher": _f("string", "Publisher of the source."),
    "url": _f("string", "Address of the source."),
    "kind": _f("string", "Kind of source.", "source_kind"),
    # long panels
    "instruments_in_force": _f("integer", "Instruments of the category or family in force in the year."),
}
_TYPES = {"covered": "boolean", "restriction_index": "number", "facilitation_index": "number",
          "restriction_class": "string", "facilitation_class": "string"}
_VOCABS = {"restriction_class": "restriction_class", "facilitation_class": "facilitation_class"}
for _name in MEASURES:
    if _name != "in_force":
        FIELDS[_name] = _f(_TYPES.get(_name, "integer"), formula_text(_name), _VOCABS.get(_name))
for _t in REPRISAL_TYPE:
    FIELDS[f"cases_{_t.value}"] = _f("integer", f"Exportable cases in the year with reprisal type '{_t.value}'.")
