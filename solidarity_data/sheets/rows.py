"""A sheet's rows as country-file records: instruments and cases, with the submission as a source.

Cases from a submission are `confidential` unless the sheet says the sender allowed publication; the
sender is named only then."""

from __future__ import annotations

import re
import unicodedata

from .reading import Sheet

YES = {"yes", "y", "oui", "o", "sí", "si", "s", "true", "1"}
NO = {"no", "n", "non", "false", "0", ""}


def _split(value: str) -> list[str]:
    return [v.strip() for v in re.split(r"[;,]", value) if v.strip()]


def _slug(text: str, words: int = 6) -> str:
    ascii_ = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return "-".join(re.findall(r"[a-z0-9]+", ascii_)[:words]) or "untitled"


def _maybe_int(value: str):
    return int(value) if re.fullmatch(r"\d{1,6}", value or "") else (value or None)


def publication_allowed(sheet: Sheet) -> bool:
    return sheet.submission["publication_allowed"].strip().lower() in YES


def _submission_source(sheet: Sheet) -> dict:
    sub = sheet.submission
    allowed = publication_allowed(sheet)
    who = f" from {sub['sender']}" if allowed and sub.get("sender") else ""
    src = {"title": f"Submission {sub['reference']}{who} to the call for input on international solidarity",
           "publisher": sub["sender"] if allowed and sub.get("sender") else "Submission to the call for input",
           "kind": "submission"}
    if sub.get("date"):
        src["date"] = sub["date"]
    return src


def _row_source(values: dict) -> dict | None:
    if not values.get("source_url") and not values.get("source_title"):
        return None
    src = {"title": values.get("source_title") or values.get("source_url"),
           "publisher": values.get("source_publisher") or "unknown", "url": values.get("source_url") or None,
           "kind": values.get("source_kind") or "ngo_report", "date": values.get("source_date") or None}
    return {k: v for k, v in src.items() if v is not None}


def _clean(record: dict) -> dict:
    return {k: v for k, v in record.items() if v not in (None, [], "")}


def instrument_from_row(sheet: Sheet, values: dict) -> dict:
    direction = values.get("direction", "")
    record = {
        "id": values.get("instrument_id") or None,
        "title": values.get("title"), "title_en": values.get("title_en") or values.get("title"),
        "instrument_type": values.get("instrument_type") or "statute", "direction": direction,
        "question": {"restricts": "Q5", "facilitates": "Q4", "mixed": "both"}.get(direction, direction),
        "categories": _split(values.get("categories", "")), "targets": _split(values.get("targets", "")),
        "severity": _maybe_int(values.get("severity", "")),
        "adopted": _maybe_int(values.get("adopted", "")), "in_force": _maybe_int(values.get("in_force", "")),
        "repealed": _maybe_int(values.get("repealed", "")), "status": values.get("status"),
        "summary": values.get("summary"), "themes": _split(values.get("themes", "")),
        "dimensions": _split(values.get("dimensions", "")),
        "sources": [s for s in (_row_source(values), _submission_source(sheet)) if s],
        "verification": "submission", "confidence": "low",
        "notes": values.get("notes") or None,
    }
    if not record["id"]:
        year = str(record["adopted"] or record["in_force"] or "0000")[:4]
        record["id"] = f"{values.get('iso3', '').upper()}-{year}-{_slug(record['title_en'] or '')}"
    return _clean(record)


def case_from_row(sheet: Sheet, values: dict, n: int) -> dict:
    disclosure = (values.get("disclosure") or "anonymised") if publication_allowed(sheet) else "confidential"
    year = _maybe_int(values.get("year", ""))
    record = {
        "id": f"{values.get('iso3', '').upper()}-{year}-submission-{_slug(sheet.submission['reference'], 4)}-{n}",
        "year": year, "date": _maybe_int(values.get("date", "")),
        "reprisal_types": _split(values.get("reprisal_types", "")), "target_type": values.get("target_type"),
        "themes": _split(values.get("themes", "")), "dimensions": _split(values.get("dimensions", "")),
        "instrument_ids": _split(values.get("instrument_id", "")), "disclosure": disclosure,
        "summary": values.get("summary"),
        "sources": [s for s in (_row_source(values), _submission_source(sheet)) if s],
        "verification": "submission", "confidence": "low", "notes": values.get("notes") or None,
    }
    return _clean(record)
