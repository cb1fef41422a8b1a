"""Merging a filled sheet into the country files: validate every row, merge in memory, validate every
changed file, then write all of them together or none.

Nothing is overwritten silently: an instrument already coded (same id, or same title and year) gets
the submission as a further source, and any value that disagrees with the coded one is a conflict.
Conflicts stop the import unless they are accepted (the coded values are kept either way).
"""

from __future__ import annotations

import difflib
import io
from dataclasses import dataclass, field
from pathlib import Path

from .. import codebook as cb
from .. import records as rec
from .. import rules
from ..files import atomic_write_many
from ..problems import Problem
from ..validation import redact, validate_mapping
from ..yamlio import parse, writer
from . import splice
from .reading import Sheet, SheetError, read_sheet
from .rows import case_from_row, instrument_from_row

# Fields compared between a submitted instrument and the coded one (lists compare as sets; dates agree
# as far as both are precise, so 2017 agrees with 2017-06-13).
COMPARED = ("title", "title_en", "instrument_type", "direction", "categories", "targets", "severity", "adopted",
            "in_force", "repealed", "status", "summary")
_DATES = ("adopted", "in_force", "repealed")
_COLUMN_OF = {"id": "instrument_id", "sources": "source_url", "instrument_ids": "instrument_id",
              "question": "direction"}


@dataclass
class MergeResult:
    changed: dict[Path, tuple[str, str]] = field(default_factory=dict)  # path → (old text, new text)
    added: list[str] = field(default_factory=list)
    sourced: list[str] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)

    def diff(self) -> str:
        """Unified diff of every changed file, with confidential cases hidden on both sides."""
        out = []
        for path, (old, new) in self.changed.items():
            out += difflib.unified_diff(_redacted(old).splitlines(True), _redacted(new).splitlines(True),
                                        str(path), str(path))
        return "".join(out)


def _redacted(text: str) -> str:
    """The YAML text with every confidential case replaced by a placeholder (for what we print)."""
    if not text:
        return text
    y = writer()
    doc = y.load(text)
    cases = doc.get("cases") or []
    for i, case in enumerate(cases):
        if isinstance(case, dict) and case.get("disclosure") == "confidential":
            cases[i] = "<confidential case hidden>"
    buf = io.StringIO()
    y.dump(doc, buf)
    return buf.getvalue()


def _same(fld: str, a, b) -> bool:
    """Whether a submitted value agrees with the coded one: a list agrees when it adds nothing the coders
    did not code; a date agrees as far as both are precise."""
    if isinstance(a, list) or isinstance(b, list):
        as_set = lambda v: {str(x).strip().lower() for x in (v if isinstance(v, list) else [v])}  # noqa: E731
        return as_set(b) <= as_set(a)
    x, y = str(a).strip().lower(), str(b).strip().lower()
    if fld in _DATES:
        n = min(len(x), len(y))
        return x[:n] == y[:n]
    return x == y


def _find(existing: list, record: dict) -> int | None:
    year = str(record.get("adopted") or record.get("in_force") or "")[:4]
    titles = {str(record.get("title", "")).lower(), str(record.get("title_en", "")).lower()}
    for n, item in enumerate(existing):
        if not isinstance(item, dict):
            continue
        if item.get("id") == record["id"]:
            return n
        item_year = str(item.get("adopted") or item.get("in_force") or "")[:4]
        if year and year == item_year and titles & {str(item.get("title", "")).lower(),
                                                    str(item.get("title_en", "")).lower()}:
            return n
    return None


def validate_rows(sheet: Sheet) -> tuple[dict[str, dict[str, list]], list[Problem]]:
    """Every row as a record, by country and tab; every problem with its sheet position."""
    from pydantic import ValidationError

    from ..countries import known_iso3

    problems, known, by_country = [], known_iso3(), {}
    default_iso3 = sheet.submission["iso3"].strip().upper()
    if default_iso3 not in known:
        problems.append(Problem(*sheet.where("submission", 1, "iso3"),
                                f"{default_iso3!r} is not an ISO 3166-1 alpha-3 code", "unknown-iso3"))
    parts = {"instruments": (instrument_from_row, rec.Instrument, rules.INSTRUMENT_RULES),
             "cases": (case_from_row, rec.Case, rules.CASE_RULES)}
    for tab, (build, model, part_rules) in parts.items():
        for n, (row, values) in enumerate(sheet.rows[tab], 1):
            values = {**values, "iso3": (values.get("iso3") or default_iso3).strip().upper()}
            if values["iso3"] not in known:
                problems.append(Problem(*sheet.where(tab, row, "iso3"),
                                        f"{values['iso3']!r} is not an ISO 3166-1 alpha-3 code", "unknown-iso3"))
                continue
            record = build(sheet, values, n) if tab == "cases" else build(sheet, values)
            mine = [Problem(*sheet.where(tab, row, _COLUMN_OF.get(fld, fld)), msg, r.code)
                    for r in part_rules for fld, msg in r.check(record)]
            try:
                model.model_validate(record)
            except ValidationError as e:
                for err in e.errors(include_url=False):
                    fld = str(err["loc"][0]) if err["loc"] else "row"
                    if fld != "question":  # derived from direction, whose own error is reported
                        mine.append(Problem(*sheet.where(tab, row, _COLUMN_OF.get(fld, fld)),
                                            err["msg"].removeprefix("Value error, "), err["type"].replace("_", "-")))
            problems += redact(mine, record) if tab == "cases" and record.get("disclosure") != "public_record" else mine
            by_country.setdefault(values["iso3"], {"instruments": [], "cases": []})[tab].append(record)
    return by_country, problems


def _new_file(iso3: str, sheet: Sheet) -> str:
    buf = io.StringIO()
    writer().dump({"iso3": iso3, "assessment": {
        "status": "not_assessed",
        "scope_note": f"Created from submission {sheet.submission['reference']}; not yet assessed against "
                      "recognised sources."}}, buf)
    return buf.getvalue()


def _merge_country(iso3: str, new: dict[str, list], text: str, sheet: Sheet, result: MergeResult) -> str:
    """The country file's text with the sheet's records merged in (every other byte unchanged)."""
    data, _, _ = parse(text.encode("utf-8"), iso3)
    root, edits = splice.compose(text), splice.Edits(text)
    instruments = data.get("instruments") or []
    inst_nodes = dict(zip(range(len(instruments)), splice.entry(root, "instruments")[1].value)) if instruments else {}
    added = {"instruments": [], "cases": []}
    for record in new["instruments"]:
        n = _find(instruments, record)
        if n is None:
            added["instruments"].append(record)
            result.added.append(f"{iso3}: instrument {record['id']}")
            _mark_coded(edits, root, data, record, sheet, result)
            continue
        coded = instruments[n]
        for fld in COMPARED:
            if coded.get(fld) not in (None, "", []) and record.get(fld) not in (None, "", []) \
                    and not _same(fld, coded[fld], record[fld]):
                result.conflicts.append(f"{iso3}: {coded['id']}: {fld}: coded '{coded[fld]}', submission says "
                                        f"'{record[fld]}' (kept the coded value)")
        known = {(s.get("url"), s.get("title")) for s in coded.get("sources", []) if isinstance(s, dict)}
        fresh = [s for s in record["sources"] if (s.get("url"), s.get("title")) not in known]
        if fresh:
            splice.append_sources(edits, inst_nodes[n], fresh)
        result.sourced.append(f"{iso3}: {coded['id']} (already coded: submission added as a source)")
    case_ids = {c.get("id") for c in data.get("cases") or [] if isinstance(c, dict)}
    for record in new["cases"]:
        if record["id"] in case_ids:
            result.skipped.append(f"{iso3}: a case of this submission was imported before")
            continue
        added["cases"].append(record)
        hidden = record.get("disclosure") == "confidential"
        result.added.append(f"{iso3}: confidential case (details hidden)" if hidden else f"{iso3}: case {record['id']}")
    for part in ("instruments", "cases"):
        splice.append_items(edits, root, part, added[part])
    return edits.apply()


def _mark_coded(edits, root, data: dict, record: dict, sheet: Sheet, result: MergeResult) -> None:
    """A submitted instrument answers its law families: mark them coded in an assessed file's checklist,
    and report a family the coders had marked none_found (the submission found what they did not)."""
    import datetime as dt

    checks = data.get("checks")
    if not isinstance(checks, dict):
        return
    for family in dict.fromkeys(cb.CATEGORY_FAMILY[c] for c in record.get("categories", []) if c in cb.CATEGORY_FAMILY):
        before = (checks.get(family) or {}).get("status")
        if before == "coded":
            continue
        if before == "none_found":
            result.conflicts.append(f"{data['iso3']}: checks: {family}: coded 'none_found', the submission codes "
                                    f"{record['id']} (marked coded; check it against the family's rule)")
        checks[family] = {"status": "coded"}
        splice.set_entry(edits, root, "checks", family, {
            "status": "coded", "checked_on": dt.date.today().isoformat(),
            "note": f"Instrument {record['id']} from submission {sheet.submission['reference']}."})


def merge_sheet(sheet: Sheet, countries_dir: Path) -> MergeResult:
    """Validate every row, then merge into the country files in memory; raise SheetError on any problem."""
    by_country, problems = validate_rows(sheet)
    if problems:
        raise SheetError(problems)
    result = MergeResult()
    for iso3, new in sorted(by_country.items()):
        path = Path(countries_dir) / f"{iso3}.yaml"
        old = path.read_text(encoding="utf-8") if path.exists() else ""
        text = _merge_country(iso3, new, old or _new_file(iso3, sheet), sheet, result)
        label = f"{path} (after merge)"
        data, index, found = parse(text.encode("utf-8"), label)
        if not found:
            _, found = validate_mapping(data, index, label, iso3)
        problems += found
        if text != old:
            result.changed[path] = (old, text)
    if problems:
        raise SheetError(problems)
    return result


def import_sheet(path: Path, countries_dir: Path, dry_run: bool = False, accept_conflicts: bool = False) -> MergeResult:
    """Read, validate and merge a sheet; unless ``dry_run``, write every changed file together (all or none).
    Conflicts with coded values stop the import unless ``accept_conflicts`` (coded values are kept)."""
    result = merge_sheet(read_sheet(path), countries_dir)
    if result.conflicts and not accept_conflicts and not dry_run:
        raise SheetError([f"conflict: {c}" for c in result.conflicts] + [
            "the submission disagrees with coded values; nothing was written. Check them, then run again with "
            "--accept-conflicts to merge the rest (coded values are kept)"])
    if not dry_run:
        atomic_write_many({target: text for target, (_, text) in result.changed.items()})
    return result
