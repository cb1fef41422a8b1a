"""pydantic models of one country file (``data/countries/<ISO3>.yaml``): fields, types, vocabularies.

Rules that relate several fields or records (date order, severity by direction, history links, the
checklist) live in ``rules.py``. Each field error carries a stable code (its pydantic type), e.g.
``unknown-value`` for a value outside its vocabulary.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, model_validator
from pydantic_core import PydanticCustomError

from . import codebook as cb

CURRENT_YEAR = dt.date.today().year
MIN_YEAR = 1800
MAX_TEXT = 32_000  # a spreadsheet cell holds 32,767 characters: every text must fit the XLSX release
MAX_ID = 120
_DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
# http(s) only; no whitespace, quotes or angle brackets anywhere (they would end an HTML attribute).
_URL_RE = re.compile(r"^https?://[A-Za-z0-9.-]+\.[A-Za-z]{2,}(?::\d+)?(?:[/?#][^\s\"'<>`]*)?$")
ISO3_RE = r"^(?:[A-Z]{3})$"
INSTRUMENT_ID_RE = r"^[A-Z]{3}-\d{4}-[a-z0-9]+(?:-[a-z0-9]+)*$"
SOURCE_KEY_RE = r"^[a-z0-9][a-z0-9_-]*$"
END_STATUSES = cb.END_STATUSES


def _error(code: str, message: str):
    return PydanticCustomError(code.replace("-", "_"), message)


def parse_partial_date(value: Any) -> str:
    """Normalise a year, year-month or full date (YAML int, date or string) to 'YYYY[-MM[-DD]]'."""
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        text = value.isoformat()
    elif isinstance(value, int) and not isinstance(value, bool) and abs(value) < 10**6:
        text = f"{value:04d}"
    elif isinstance(value, str) and len(value) <= 40:
        text = value.strip()
    else:
        raise _error("bad-date", "expected a date as YYYY, YYYY-MM or YYYY-MM-DD")
    m = _DATE_RE.match(text)
    if not m:
        raise _error("bad-date", f"expected a date as YYYY, YYYY-MM or YYYY-MM-DD, got {text!r}")
    year, month, day = int(m[1]), m[2], m[3]
    if not MIN_YEAR <= year <= CURRENT_YEAR + 1:
        raise _error("bad-date", f"year {year} out of range {MIN_YEAR}–{CURRENT_YEAR + 1}")
    try:
        dt.date(year, int(month or 1), int(day or 1))
    except ValueError:
        raise _error("bad-date", f"{text!r} is not a calendar date") from None
    return text


def date_year(value: str | None) -> int | None:
    return int(value[:4]) if value else None


def _in(vocab_name: str):
    vocab = cb.vocabulary(vocab_name)

    def check(value):
        if value not in vocab:
            expected = ", ".join(vocab.values())
            raise _error("unknown-value", f"unknown {vocab_name} {value!r}; expected one of: {expected}")
        return value

    return AfterValidator(check)


# A proxy or mirror that wraps another site's address (".../https://host/…", "?q=https%3A%2F%2Fhost…") is
# not the source: readers get the original address. Web archives stay: they keep dead pages citable.
_WRAPPED_RE = re.compile(r"^https?://([^/:?#]+).*?(?:/https?:/+|/https?/|=https?%3A%2F%2F)([^/%?#:]+)", re.IGNORECASE)
WEB_ARCHIVES = ("web.archive.org", "archive.org", "archive.ph", "archive.today", "webarchive.archive.unhcr.org",
                "webarchive.nationalarchives.gov.uk", "webarchive.nla.gov.au")


def _url(value: str) -> str:
    if not _URL_RE.match(value):
        raise _error("bad-url", f"expected a well-formed http(s) URL, got {value!r}")
    if value.endswith(("...", "…")):
        raise _error("truncated-url", f"{value!r} ends in '...': copy the whole address, not its shortened display")
    wrapped = _WRAPPED_RE.match(value)
    if wrapped and wrapped[1].lower() != wrapped[2].lower() and wrapped[1].lower() not in WEB_ARCHIVES:
        raise _error("proxied-url", f"{value!r} reaches {wrapped[2]} through {wrapped[1]}: cite the original address")
    return value


def _no_dupes(values: list) -> list:
    seen, dupes = set(), set()
    for v in values:
        (dupes if v in seen else seen).add(v)
    if dupes:
        raise _error("listed-twice", f"listed twice: {', '.join(sorted(dupes))}")
    return values


PartialDate = Annotated[str, BeforeValidator(parse_partial_date)]
Text = Annotated[str, Field(min_length=1, max_length=MAX_TEXT)]
Note = Annotated[str, Field(max_length=MAX_TEXT)]
InstrumentId = Annotated[str, Field(pattern=INSTRUMENT_ID_RE, max_length=MAX_ID)]
SourceKeys = Annotated[list[Annotated[str, Field(pattern=SOURCE_KEY_RE, max_length=MAX_ID)]], AfterValidator(_no_dupes)]


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
    url: Annotated[str, Field(max_length=2000), AfterValidator(_url)] | None = None
    date: PartialDate | None = None
    kind: Coded("source_kind")

    @model_validator(mode="after")
    def _url_unless_submission(self):
        if self.url is None and self.kind != "submission":
            raise _error("url-required", "url is required unless kind is 'submission'")
        return self


class Amendment(Record):
    date: PartialDate
    note: Text


class Assessment(Record):
    status: Coded("assessment_status")
    assessed_on: dt.date | None = None
    # First year whose law was reviewed; panel years before it are missing, not zero.
    period_from: Annotated[int, Field(ge=cb.PANEL_START, le=CURRENT_YEAR)] | None = None
    coder: Note | None = None
    scope_note: Note | None = None

    @property
    def covered_from(self) -> int:
        return self.period_from or cb.PANEL_START


class Check(Record):
    """One law family of the checklist: searched or not, and in which sources (keys of `consulted`)."""

    status: Coded("check_status")
    checked_on: dt.date | None = None
    consulted: SourceKeys = []
    note: Note | None = None


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
    verification_note: Note | None = None
    confidence: Coded("confidence")
    notes: Note | None = None

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

    id: InstrumentId
    year: Annotated[int, Field(ge=1990, le=CURRENT_YEAR)]
    date: PartialDate | None = None
    reprisal_types: CodedList("reprisal_type", 1)
    target_type: Coded("target_type")
    target_name: Annotated[str, Field(max_length=500)] | None = None
    themes: CodedList("theme") = []
    dimensions: CodedList("dimension") = []
    instrument_ids: list[InstrumentId] = []
    disclosure: Coded("disclosure")
    summary: Text
    sources: Annotated[list[Source], Field(min_length=1)]
    verification: Coded("verification")
    verification_note: Note | None = None
    confidence: Coded("confidence")
    notes: Note | None = None


class CountryFile(Record):
    """A whole country file, once every part has validated."""

    iso3: Annotated[str, Field(pattern=ISO3_RE, max_length=3)]
    assessment: Assessment
    consulted: dict[Annotated[str, Field(pattern=SOURCE_KEY_RE, max_length=MAX_ID)], Source] = {}
    checks: dict[Coded("family"), Check] = {}
    instruments: list[Instrument] = []
    cases: list[Case] = []
