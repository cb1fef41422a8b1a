"""pydantic models of one country file (``data/countries/<ISO3>.yaml``) and its cross-field rules.

Field-level checks (types, vocabularies, formats) live in the models; rules that relate several
fields (date order, severity by direction…) live in ``rule_problems`` and work on the raw mapping, so
that one bad field never hides another problem in the same record.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, model_validator

from . import codebook as cb

CURRENT_YEAR = dt.date.today().year
MIN_YEAR = 1800
_DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_URL_RE = re.compile(r"^https?://[A-Za-z0-9.-]+\.[A-Za-z]{2,}(?::\d+)?(?:[/?#][^\s]*)?$")
ISO3_RE = r"^(?:[A-Z]{3})$"
INSTRUMENT_ID_RE = r"^[A-Z]{3}-\d{4}-[a-z0-9]+(?:-[a-z0-9]+)*$"
SOURCE_KEY_RE = r"^[a-z0-9][a-z0-9_-]*$"
END_STATUSES = cb.END_STATUSES


def parse_partial_date(value: Any) -> str:
    """Normalise a year, year-month or full date (YAML int, date or string) to 'YYYY[-MM[-DD]]'."""
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        text = value.isoformat()
    elif isinstance(value, int) and not isinstance(value, bool):
        text = f"{value:04d}"
    elif isinstance(value, str):
        text = value.strip()
    else:
        raise ValueError(f"expected a date as YYYY, YYYY-MM or YYYY-MM-DD, got {value!r}")
    m = _DATE_RE.match(text)
    if not m:
        raise ValueError(f"expected a date as YYYY, YYYY-MM or YYYY-MM-DD, got {text!r}")
    year, month, day = int(m[1]), m[2], m[3]
    if not MIN_YEAR <= year <= CURRENT_YEAR + 1:
        raise ValueError(f"year {year} out of range {MIN_YEAR}–{CURRENT_YEAR + 1}")
    try:
        dt.date(year, int(month or 1), int(day or 1))
    except ValueError:
        raise ValueError(f"{text!r} is not a calendar date") from None
    return text


def date_year(value: str | None) -> int | None:
    return int(value[:4]) if value else None


def _in(vocab_name: str):
    vocab = cb.vocabulary(vocab_name)

    def check(value):
        if value not in vocab:
            raise ValueError(f"unknown {vocab_name} {value!r}; expected one of: {', '.join(vocab.values())}")
        return value

    return AfterValidator(check)


def _url(value: str) -> str:
    if not _URL_RE.match(value):
        raise ValueError(f"expected a well-formed http(s) URL, got {value!r}")
    return value


def _no_dupes(values: list) -> list:
    dupes = sorted({v for v in values if values.count(v) > 1})
    if dupes:
        raise ValueError(f"listed twice: {', '.join(dupes)}")
    return values


PartialDate = Annotated[str, BeforeValidator(parse_partial_date)]
Text = Annotated[str, Field(min_length=1)]
InstrumentId = Annotated[str, Field(pattern=INSTRUMENT_ID_RE)]
SourceKeys = Annotated[list[Annotated[str, Field(pattern=SOURCE_KEY_RE)]], AfterValidator(_no_dupes)]


def Coded(vocab_name: str):
    return Annotated[str, _in(vocab_name)]


def CodedList(vocab_name: str, min_length: int = 0):
    return Annotated[list[Coded(vocab_name)], Field(min_length=min_length), AfterValidator(_no_dupes)]


class Record(BaseModel):
    # defer_build: schemas are built on first validation, not at import, so loading cached
    # (already validated) files stays fast.
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, defer_build=True)


class Source(Record):
    """Where a fact comes from. Only a questionnaire submission may lack a URL."""

    title: Text
    publisher: Text
    url: Annotated[str, AfterValidator(_url)] | None = None
    date: PartialDate | None = None
    kind: Coded("source_kind")

    @model_validator(mode="after")
    def _url_unless_submission(self):
        if self.url is None and self.kind != "submission":
            raise ValueError("url is required unless kind is 'submission'")
        return self


class Amendment(Record):
    date: PartialDate
    note: Text


class Assessment(Record):
    status: Coded("assessment_status")
    assessed_on: dt.date | None = None
    # First year whose law was reviewed; panel years before it are missing, not zero.
    period_from: Annotated[int, Field(ge=cb.PANEL_START, le=CURRENT_YEAR)] | None = None
    coder: str | None = None
    scope_note: str | None = None

    @property
    def covered_from(self) -> int:
        return self.period_from or cb.PANEL_START


class Check(Record):
    """One law family of the checklist: searched or not, and in which sources (keys of `consulted`)."""

    status: Coded("check_status")
    checked_on: dt.date | None = None
    consulted: SourceKeys = []
    note: str | None = None


class Instrument(Record):
    """One law, policy, ruling or ratification that restricts or facilitates cross-border solidarity."""

    id: InstrumentId
    title: Text
    title_en: Text
    instrument_type: Coded("instrument_type")
    direction: Coded("direction")
    question: Coded("question")
    categories: CodedList("category", 1)
    targets: CodedList("target_type")
    severity: Annotated[int, Field(ge=1, le=3)] | None = None
    adopted: PartialDate | None = None
    in_force: PartialDate | None = None
    amended: list[Amendment] = []
    repealed: PartialDate | None = None
    superseded: PartialDate | None = None
    struck_down: PartialDate | None = None
    suspended: PartialDate | None = None
    status: Coded("instrument_status")
    replaces: Annotated[list[InstrumentId], AfterValidator(_no_dupes)] = []
    replaced_by: Annotated[list[InstrumentId], AfterValidator(_no_dupes)] = []
    amends: InstrumentId | None = None
    summary: Text
    themes: CodedList("theme") = []
    dimensions: CodedList("dimension") = []
    sources: Annotated[list[Source], Field(min_length=1)]
    verification: Coded("verification")
    verification_note: str | None = None
    confidence: Coded("confidence")
    notes: str | None = None

    @property
    def start_year(self) -> int | None:
        """First year in force; None for bills and pending texts, which are never in force."""
        if self.status == "pending" or self.instrument_type == "bill":
            return None
        return date_year(self.in_force or self.adopted)

    @property
    def end_year(self) -> int | None:
        """First year no longer in force: the earliest of the end dates."""
        ends = [date_year(getattr(self, k)) for k in END_STATUSES if getattr(self, k)]
        return min(ends) if ends else None

    @property
    def families(self) -> list[str]:
        """The law families this instrument answers, through its categories (codebook order)."""
        mine = {cb.CATEGORY_FAMILY.get(c) for c in self.categories}
        return [f for f in cb.FAMILY.values() if f in mine]

    def in_force_in(self, year: int) -> bool:
        """The one in-force rule (formula `in_force` in the codebook): start ≤ year < end."""
        start, end = self.start_year, self.end_year
        return start is not None and start <= year and (end is None or year < end)


class Case(Record):
    """One documented reprisal against people or organisations for cross-border solidarity."""

    id: Annotated[str, Field(pattern=INSTRUMENT_ID_RE)]
    year: Annotated[int, Field(ge=1990, le=CURRENT_YEAR)]
    date: PartialDate | None = None
    reprisal_types: CodedList("reprisal_type", 1)
    target_type: Coded("target_type")
    target_name: str | None = None
    themes: CodedList("theme") = []
    dimensions: CodedList("dimension") = []
    instrument_ids: list[str] = []
    disclosure: Coded("disclosure")
    summary: Text
    sources: Annotated[list[Source], Field(min_length=1)]
    verification: Coded("verification")
    verification_note: str | None = None
    confidence: Coded("confidence")
    notes: str | None = None


class CountryFile(Record):
    """A whole country file, once every part has validated."""

    iso3: Annotated[str, Field(pattern=ISO3_RE)]
    assessment: Assessment
    consulted: dict[Annotated[str, Field(pattern=SOURCE_KEY_RE)], Source] = {}
    checks: dict[Coded("family"), Check] = {}
    instruments: list[Instrument] = []
    cases: list[Case] = []


def _safe_date(raw: dict, key: str):
    try:
        return parse_partial_date(raw[key]) if raw.get(key) is not None else None
    except ValueError:
        return None  # the model reports the bad date itself


def instrument_rules(raw: dict) -> list[tuple[str, str]]:
    """Cross-field problems of a raw instrument mapping, as (field, message)."""
    out = []
    direction, severity, status = raw.get("direction"), raw.get("severity"), raw.get("status")
    if direction in ("restricts", "mixed") and severity is None:
        out.append(("severity", f"required when direction is {direction!r} (1 burden, 2 control, 3 prohibition)"))
    if direction == "facilitates" and severity is not None:
        out.append(("severity", "must be empty when direction is 'facilitates'"))
    cats = raw.get("categories") if isinstance(raw.get("categories"), list) else []
    sides = {cb.CATEGORY.by_value[c].side for c in cats if c in cb.CATEGORY}
    if direction in ("restricts", "facilitates") and sides - {direction}:
        wrong = [c for c in cats if c in cb.CATEGORY and cb.CATEGORY.by_value[c].side != direction]
        out.append(("categories", f"{', '.join(wrong)} belong to the other side; use direction 'mixed' or drop them"))
    expected_q = {"restricts": "Q5", "facilitates": "Q4", "mixed": "both"}.get(direction)
    if expected_q and raw.get("question") not in (None, expected_q) and raw.get("question") in cb.QUESTION:
        out.append(("question", f"direction {direction!r} answers {expected_q!r}, not {raw.get('question')!r}"))
    dates = {k: _safe_date(raw, k) for k in ("adopted", "in_force") + END_STATUSES}
    if raw.get("adopted") is None and raw.get("in_force") is None and raw.get("instrument_type") != "bill":
        out.append(("adopted", "at least the year of adoption (or entry into force) is required"))
    order = [("adopted", "in_force")] + [(a, e) for e in END_STATUSES for a in ("in_force", "adopted")]
    for first, then in order:
        a, b = dates[first], dates[then]
        if a and b and b[: len(a)] < a[: len(b)]:
            out.append((then, f"{b} is before {first} {a}"))
    if status in END_STATUSES and raw.get(status) is None:
        out.append((status, f"status is {status!r} but no {status} date is given"))
    ended = [k for k in END_STATUSES if dates[k]]
    if status in ("in_force", "partly_suspended", "pending") and ended:
        out.append(("status", f"status is {status!r} but an end date is given ({', '.join(ended)})"))
    if status == "superseded" and not raw.get("replaced_by"):
        out.append(("replaced_by", "a superseded instrument names the instrument that replaced it"))
    if raw.get("instrument_type") == "bill" and status != "pending":
        out.append(("status", "a bill must have status 'pending'"))
    iid, adopted = raw.get("id"), dates["adopted"] or dates["in_force"]
    if isinstance(iid, str) and adopted and re.match(INSTRUMENT_ID_RE, iid) and iid[4:8] != adopted[:4]:
        out.append(("id", f"the year in {iid!r} should be the adoption year {adopted[:4]}"))
    return out + _source_rules(raw)


def _source_rules(raw: dict) -> list[tuple[str, str]]:
    sources = [s for s in raw.get("sources") or [] if isinstance(s, dict)]
    if sources and not any(s.get("url") for s in sources):
        return [("sources", "at least one source needs a URL (a submission alone is not enough)")]
    return []


def case_rules(raw: dict) -> list[tuple[str, str]]:
    """Cross-field problems of a raw case mapping, as (field, message)."""
    out = []
    disclosure = raw.get("disclosure")
    if raw.get("target_name") and disclosure != "public_record":
        out.append(("target_name", "a target may be named only in a 'public_record' case"))
    if disclosure == "public_record":
        kinds = {s.get("kind") for s in raw.get("sources") or [] if isinstance(s, dict)}
        if not kinds & set(cb.PUBLIC_RECORD_SOURCE_KINDS):
            out.append(("sources", "a 'public_record' case needs a UN document or recognised-monitor source"))
    date = _safe_date(raw, "date")
    if date and isinstance(raw.get("year"), int) and int(date[:4]) != raw["year"]:
        out.append(("date", f"{date} is not in year {raw['year']}"))
    # A case reported only in a questionnaire submission is documented by that submission (it is
    # never public_record, which needs a UN or monitor source with an address).
    return out + ([] if disclosure in ("confidential", "anonymised") else _source_rules(raw))
