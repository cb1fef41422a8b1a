"""Cross-field and cross-record rules of a country file: each a small function with a stable code.

A rule reads the raw parsed mapping, so that one bad field never hides another problem, and must
survive any shape of input (a list where a string belongs, a missing section). Record rules take the
record and yield ``(field, message)``; file rules take the file and ``line`` (key path → line number)
and yield ``(key path, message)``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from . import codebook as cb
from .records import END_STATUSES, INSTRUMENT_ID_RE, parse_partial_date


@dataclass(frozen=True)
class Rule:
    code: str
    check: Callable


INSTRUMENT_RULES: list[Rule] = []
CASE_RULES: list[Rule] = []
FILE_RULES: list[Rule] = []


def rule(code: str, registry: list[Rule]):
    def register(func):
        registry.append(Rule(code, func))
        return func

    return register


def _str(value) -> str | None:
    return value if isinstance(value, str) else None


def _strs(value) -> list[str]:
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []


def _maps(data: dict, part: str) -> list[tuple[int, dict]]:
    items = data.get(part)
    return [(i, r) for i, r in enumerate(items) if isinstance(r, dict)] if isinstance(items, list) else []


def _date(raw: dict, key: str) -> str | None:
    try:
        return parse_partial_date(raw[key]) if raw.get(key) is not None else None
    except ValueError:
        return None  # the model reports the bad date itself


# ------------------------------------------------------------------ instruments

@rule("severity-required", INSTRUMENT_RULES)
def _severity_required(raw: dict) -> Iterator[tuple[str, str]]:
    direction = _str(raw.get("direction"))
    if direction in ("restricts", "mixed") and raw.get("severity") is None:
        yield "severity", f"required when direction is {direction!r} (1 burden, 2 control, 3 prohibition)"


@rule("severity-not-allowed", INSTRUMENT_RULES)
def _severity_not_allowed(raw: dict):
    if raw.get("direction") == "facilitates" and raw.get("severity") is not None:
        yield "severity", "must be empty when direction is 'facilitates'"


@rule("category-side", INSTRUMENT_RULES)
def _category_side(raw: dict):
    direction = _str(raw.get("direction"))
    wrong = [c for c in _strs(raw.get("categories")) if c in cb.CATEGORY and cb.CATEGORY.by_value[c].side != direction]
    if direction in ("restricts", "facilitates") and wrong:
        yield "categories", f"{', '.join(wrong)} belong to the other side; use direction 'mixed' or drop them"


@rule("question-direction", INSTRUMENT_RULES)
def _question_direction(raw: dict):
    expected = {"restricts": "Q5", "facilitates": "Q4", "mixed": "both"}.get(_str(raw.get("direction")))
    question = _str(raw.get("question"))
    if expected and question in cb.QUESTION and question != expected:
        yield "question", f"direction {raw['direction']!r} answers {expected!r}, not {question!r}"


@rule("adoption-required", INSTRUMENT_RULES)
def _adoption_required(raw: dict):
    if raw.get("adopted") is None and raw.get("in_force") is None and raw.get("instrument_type") != "bill":
        yield "adopted", "at least the year of adoption (or entry into force) is required"


@rule("date-order", INSTRUMENT_RULES)
def _date_order(raw: dict):
    dates = {k: _date(raw, k) for k in ("adopted", "in_force") + END_STATUSES}
    for first, then in [("adopted", "in_force")] + [(a, e) for e in END_STATUSES for a in ("in_force", "adopted")]:
        a, b = dates[first], dates[then]
        if a and b and b[: len(a)] < a[: len(b)]:
            yield then, f"{b} is before {first} {a}"


@rule("end-date-required", INSTRUMENT_RULES)
def _end_date_required(raw: dict):
    status = _str(raw.get("status"))
    if status in END_STATUSES and raw.get(status) is None:
        yield status, f"status is {status!r} but no {status} date is given"


@rule("status-end-date", INSTRUMENT_RULES)
def _status_end_date(raw: dict):
    status = _str(raw.get("status"))
    ended = [k for k in END_STATUSES if _date(raw, k)]
    if status in ("in_force", "partly_suspended", "pending") and ended:
        yield "status", f"status is {status!r} but an end date is given ({', '.join(ended)})"


@rule("superseded-successor", INSTRUMENT_RULES)
def _superseded_successor(raw: dict):
    if raw.get("status") == "superseded" and not raw.get("replaced_by"):
        yield "replaced_by", "a superseded instrument names the instrument that replaced it"


@rule("bill-pending", INSTRUMENT_RULES)
def _bill_pending(raw: dict):
    if raw.get("instrument_type") == "bill" and raw.get("status") != "pending":
        yield "status", "a bill must have status 'pending'"


@rule("id-year", INSTRUMENT_RULES)
def _id_year(raw: dict):
    iid, adopted = _str(raw.get("id")), _date(raw, "adopted") or _date(raw, "in_force")
    if iid and adopted and re.match(INSTRUMENT_ID_RE, iid) and iid[4:8] != adopted[:4]:
        yield "id", f"the year in {iid!r} should be the adoption year {adopted[:4]}"


def _source_url(raw: dict):
    sources = [s for s in raw["sources"] if isinstance(s, dict)] if isinstance(raw.get("sources"), list) else []
    if sources and not any(s.get("url") for s in sources):
        yield "sources", "at least one source needs a URL (a submission alone is not enough)"


INSTRUMENT_RULES.append(Rule("source-url-required", _source_url))


# ------------------------------------------------------------------ cases

@rule("name-public-only", CASE_RULES)
def _name_public_only(raw: dict):
    if raw.get("target_name") and raw.get("disclosure") != "public_record":
        yield "target_name", "a target may be named only in a 'public_record' case"


@rule("public-record-source", CASE_RULES)
def _public_record_source(raw: dict):
    if raw.get("disclosure") == "public_record":
        sources = raw.get("sources") if isinstance(raw.get("sources"), list) else []
        kinds = {_str(s.get("kind")) for s in sources if isinstance(s, dict)}
        if not kinds & set(cb.PUBLIC_RECORD_SOURCE_KINDS):
            yield "sources", "a 'public_record' case needs a UN document or recognised-monitor source"


@rule("date-in-year", CASE_RULES)
def _date_in_year(raw: dict):
    date, year = _date(raw, "date"), raw.get("year")
    if date and isinstance(year, int) and not isinstance(year, bool) and int(date[:4]) != year:
        yield "date", f"{date} is not in year {year}"


@rule("source-url-required", CASE_RULES)
def _case_source_url(raw: dict):
    # A case reported only in a questionnaire submission is documented by that submission; it is
    # never public_record, which needs a UN or monitor source with an address.
    if raw.get("disclosure") not in ("confidential", "anonymised"):
        yield from _source_url(raw)


# ------------------------------------------------------------------ whole file

@rule("id-prefix", FILE_RULES)
def _id_prefix(data: dict, line):
    iso3 = _str(data.get("iso3"))
    for part in ("instruments", "cases"):
        for i, raw in _maps(data, part):
            rid = _str(raw.get("id"))
            if iso3 and rid and re.match(INSTRUMENT_ID_RE, rid) and not rid.startswith(iso3 + "-"):
                yield (part, i, "id"), f"{rid!r} should start with {iso3}-"


@rule("duplicate-id", FILE_RULES)
def _duplicate_id(data: dict, line):
    seen: dict[str, tuple] = {}
    for part in ("instruments", "cases"):
        for i, raw in _maps(data, part):
            rid = _str(raw.get("id"))
            if rid is None:
                continue
            if rid in seen:
                yield (part, i, "id"), f"duplicate id {rid!r} (first at line {line(seen[rid])})"
            else:
                seen[rid] = (part, i, "id")


def _instrument_ids(data: dict) -> dict[str, tuple[int, dict]]:
    return {r["id"]: (i, r) for i, r in _maps(data, "instruments") if isinstance(r.get("id"), str)}


@rule("case-instrument", FILE_RULES)
def _case_instrument(data: dict, line):
    known = _instrument_ids(data)
    for i, raw in _maps(data, "cases"):
        for j, ref in enumerate(_strs(raw.get("instrument_ids"))):
            if ref not in known:
                yield ("cases", i, "instrument_ids", j), f"{ref!r} is not an instrument in this file"


@rule("history-link", FILE_RULES)
def _history_link(data: dict, line):
    inst = _instrument_ids(data)
    for iid, (i, r) in inst.items():
        for fld, back in (("replaces", "replaced_by"), ("replaced_by", "replaces")):
            for j, ref in enumerate(_strs(r.get(fld))):
                where = ("instruments", i, fld, j)
                if ref == iid:
                    yield where, "an instrument cannot replace itself"
                elif ref not in inst:
                    yield where, f"{ref!r} is not an instrument in this file"
                elif iid not in _strs(inst[ref][1].get(back)):
                    yield where, f"{ref!r} does not list {iid!r} in its {back} (links go both ways)"


@rule("amends-link", FILE_RULES)
def _amends_link(data: dict, line):
    inst = _instrument_ids(data)
    for iid, (i, r) in inst.items():
        ref = _str(r.get("amends"))
        if ref is not None and (ref == iid or ref not in inst):
            yield ("instruments", i, "amends"), f"{ref!r} is not another instrument in this file"


def _assessed(data: dict) -> bool:
    return isinstance(data.get("assessment"), dict) and data["assessment"].get("status") == "assessed"


@rule("checklist", FILE_RULES)
def _checklist(data: dict, line):
    checks = data.get("checks")
    if checks is None and _assessed(data):
        yield ("assessment",), "an assessed file needs a checklist: one entry per law family (see data/README.md)"
    elif isinstance(checks, dict) and checks and not _assessed(data):
        yield ("checks",), "only an assessed file has a checklist"
    elif isinstance(checks, dict):
        for family in cb.FAMILY.values():
            if family not in checks:
                yield ("checks",), f"family {family!r} is missing (coded, none_found or not_checked)"


def _families_coded(data: dict) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for _, r in _maps(data, "instruments"):
        cats = [c for c in _strs(r.get("categories")) if c in cb.CATEGORY_FAMILY]
        for family in dict.fromkeys(cb.CATEGORY_FAMILY[c] for c in cats):
            if isinstance(r.get("id"), str):
                out.setdefault(family, []).append(r["id"])
    return out


@rule("check-status", FILE_RULES)
def _check_status(data: dict, line):
    checks = data.get("checks") if isinstance(data.get("checks"), dict) and _assessed(data) else {}
    coded = _families_coded(data)
    for family, check in checks.items():
        if not isinstance(check, dict) or family not in cb.FAMILY:
            continue  # the model reports it
        status, found, where = check.get("status"), coded.get(family, []), ("checks", family, "status")
        if status == "coded" and not found:
            cats = ", ".join(cb.FAMILY.by_value[family].categories)
            yield where, f"'coded' but no instrument has a category of the family ({cats})"
        if status in ("none_found", "not_checked") and found:
            yield where, f"{status!r} but {', '.join(found)} answers this family: mark it 'coded'"
        if status in ("coded", "none_found") and check.get("checked_on") is None:
            yield ("checks", family, "checked_on"), f"required when the status is {status!r}"
        if status == "none_found" and not check.get("consulted"):
            yield ("checks", family, "consulted"), ("'none_found' says what was searched: name at least one "
                                                    "consulted source")


@rule("consulted-key", FILE_RULES)
def _consulted_key(data: dict, line):
    checks = data.get("checks") if isinstance(data.get("checks"), dict) else {}
    consulted = data.get("consulted") if isinstance(data.get("consulted"), dict) else {}
    for family, check in checks.items():
        if isinstance(check, dict):
            for j, key in enumerate(_strs(check.get("consulted"))):
                if key not in consulted:
                    yield ("checks", family, "consulted", j), f"{key!r} is not a key of the file's consulted sources"
