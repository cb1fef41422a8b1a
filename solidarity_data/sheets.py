"""Coding sheets for questionnaire submissions: a template built from the codebook, and a validated,
conflict-aware merge of a filled sheet into the country files.

Safety rules: cases from a submission are `confidential` unless the sheet says the sender allowed
publication; the sender's name is written only when publication is allowed; nothing is overwritten
silently; every file is validated before it is written, atomically; `--dry-run` writes nothing.
"""

from __future__ import annotations

import csv
import datetime as dt
import difflib
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from . import codebook as cb
from .export import atomic_write
from .problems import UserError

MAX_SHEET_BYTES = 5_000_000
TABS = ("submission", "instruments", "cases")

# Sheet columns: key → (vocabulary for a drop-down or None, multi-valued, en, fr, es labels)
_SOURCE_COLUMNS = {
    "source_title": (None, False, "Source title", "Titre de la source", "Título de la fuente"),
    "source_publisher": (None, False, "Source publisher", "Éditeur de la source", "Editor de la fuente"),
    "source_url": (None, False, "Source URL", "URL de la source", "URL de la fuente"),
    "source_date": (None, False, "Source date", "Date de la source", "Fecha de la fuente"),
    "source_kind": ("source_kind", False, "Source kind", "Type de source", "Tipo de fuente"),
}
COLUMNS = {
    "submission": {
        "reference": (None, False, "Submission reference", "Référence de la contribution", "Referencia de la contribución"),
        "sender": (None, False, "Sender", "Expéditeur", "Remitente"),
        "iso3": (None, False, "Country (ISO3)", "Pays (ISO3)", "País (ISO3)"),
        "language": (None, False, "Language", "Langue", "Idioma"),
        "date": (None, False, "Date received", "Date de réception", "Fecha de recepción"),
        "publication_allowed": (None, False, "Publication allowed (yes/no)", "Publication autorisée (oui/non)",
                                "Publicación autorizada (sí/no)"),
    },
    "instruments": {
        "iso3": (None, False, "Country (ISO3)", "Pays (ISO3)", "País (ISO3)"),
        "instrument_id": (None, False, "Instrument id (if known)", "Identifiant (si connu)", "Identificador (si se conoce)"),
        "title": (None, False, "Title (original)", "Titre (original)", "Título (original)"),
        "title_en": (None, False, "Title (English)", "Titre (anglais)", "Título (inglés)"),
        "instrument_type": ("instrument_type", False, "Instrument type", "Type d'instrument", "Tipo de instrumento"),
        "direction": ("direction", False, "Direction", "Direction", "Dirección"),
        "categories": ("category", True, "Categories", "Catégories", "Categorías"),
        "targets": ("target_type", True, "Targets", "Cibles", "Destinatarios"),
        "severity": ("severity", False, "Severity (1-3)", "Sévérité (1-3)", "Severidad (1-3)"),
        "adopted": (None, False, "Adopted", "Adopté", "Adoptado"),
        "in_force": (None, False, "In force from", "En vigueur depuis", "En vigor desde"),
        "repealed": (None, False, "Repealed", "Abrogé", "Derogado"),
        "status": ("instrument_status", False, "Status", "Statut", "Estado"),
        "summary": (None, False, "Summary", "Résumé", "Resumen"),
        "themes": ("theme", True, "Themes", "Thèmes", "Temas"),
        "dimensions": ("dimension", True, "Dimensions (Q3, Q7, Q8)", "Dimensions (Q3, Q7, Q8)", "Dimensiones (P3, P7, P8)"),
        **_SOURCE_COLUMNS,
        "notes": (None, False, "Notes", "Notes", "Notas"),
    },
    "cases": {
        "iso3": (None, False, "Country (ISO3)", "Pays (ISO3)", "País (ISO3)"),
        "year": (None, False, "Year", "Année", "Año"),
        "date": (None, False, "Date", "Date", "Fecha"),
        "reprisal_types": ("reprisal_type", True, "Reprisal types", "Types de représailles", "Tipos de represalias"),
        "target_type": ("target_type", False, "Target type", "Type de cible", "Tipo de destinatario"),
        "themes": ("theme", True, "Themes", "Thèmes", "Temas"),
        "dimensions": ("dimension", True, "Dimensions (Q3, Q7, Q8)", "Dimensions (Q3, Q7, Q8)", "Dimensiones (P3, P7, P8)"),
        "instrument_id": (None, False, "Law applied (instrument id)", "Loi appliquée (identifiant)", "Ley aplicada (identificador)"),
        "disclosure": ("disclosure", False, "Disclosure", "Divulgation", "Divulgación"),
        "summary": (None, False, "Summary", "Résumé", "Resumen"),
        **_SOURCE_COLUMNS,
        "notes": (None, False, "Notes", "Notas", "Notas"),
    },
}
TAB_LABELS = {"submission": ("submission", "contribution", "contribución"),
              "instruments": ("instruments", "instruments", "instrumentos"),
              "cases": ("cases", "cas", "casos")}
YES = {"yes", "y", "oui", "o", "sí", "si", "s", "true", "1"}
NO = {"no", "n", "non", "false", "0", ""}
REQUIRED = {"submission": ("reference", "iso3", "publication_allowed"),
            "instruments": ("iso3", "title", "direction", "categories", "status", "summary", "source_url"),
            "cases": ("iso3", "year", "reprisal_types", "target_type", "summary")}


class SheetError(UserError):
    """A sheet that cannot be read or does not validate; carries every problem found."""


def _label(tab: str, key: str, lang: str) -> str:
    return COLUMNS[tab][key][2 + cb.LANGS.index(lang)]


def _header_map(tab: str) -> dict[str, str]:
    """Any accepted header (key or label in any language, case-insensitive) → key."""
    out = {}
    for key, spec in COLUMNS[tab].items():
        for name in (key, *spec[2:]):
            out[name.strip().lower()] = key
    return out


# ---------------------------------------------------------------- template

def template_xlsx(lang: str = "en") -> bytes:
    """Coding workbook: submission, instruments, cases tabs; drop-downs from the codebook."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.worksheet.datavalidation import DataValidation

    wb = Workbook()
    wb.remove(wb.active)
    lists = wb.create_sheet("lists")
    vocabs = sorted({spec[0] for tab in COLUMNS.values() for spec in tab.values() if spec[0]})
    ranges = {}
    for col, name in enumerate(vocabs, 1):
        values = cb.vocabulary(name).values()
        letter = lists.cell(row=1, column=col).column_letter
        lists.cell(row=1, column=col, value=name)
        for row, v in enumerate(values, 2):
            lists.cell(row=row, column=col, value=v)
        ranges[name] = f"lists!${letter}$2:${letter}${len(values) + 1}"
    lists.sheet_state = "hidden"
    for tab in TABS:
        ws = wb.create_sheet(TAB_LABELS[tab][cb.LANGS.index(lang)])
        if tab == "submission":
            for row, key in enumerate(COLUMNS[tab], 1):
                ws.cell(row=row, column=1, value=_label(tab, key, lang)).font = Font(bold=True)
            ws.column_dimensions["A"].width = 36
            ws.column_dimensions["B"].width = 40
            continue
        for col, (key, (vocab, multi, *_)) in enumerate(COLUMNS[tab].items(), 1):
            cell = ws.cell(row=1, column=col, value=_label(tab, key, lang))
            cell.font = Font(bold=True)
            ws.column_dimensions[cell.column_letter].width = 22
            if vocab and not multi:
                dv = DataValidation(type="list", formula1=ranges[vocab], allow_blank=True)
                dv.add(f"{cell.column_letter}2:{cell.column_letter}1000")
                ws.add_data_validation(dv)
        ws.freeze_panes = "A2"
    ref = wb.create_sheet("codebook")
    ref.append(["vocabulary", "value", _label_word(lang), "definition"])
    for name in vocabs:
        for term in cb.vocabulary(name):
            ref.append([name, term.value, term.label(lang), term.definition])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _label_word(lang: str) -> str:
    return {"en": "label", "fr": "libellé", "es": "etiqueta"}[lang]


def template_csv(lang: str = "en") -> dict[str, str]:
    """CSV variant: one file per tab (submission as field,value rows)."""
    out = {}
    for tab in TABS:
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        if tab == "submission":
            w.writerows([[_label(tab, k, lang), ""] for k in COLUMNS[tab]])
        else:
            w.writerow([_label(tab, k, lang) for k in COLUMNS[tab]])
        out[f"{tab}.csv"] = buf.getvalue()
    return out


def write_template(out: Path, lang: str = "en") -> list[Path]:
    """`.xlsx` → a workbook; anything else → a folder of CSV files."""
    if lang not in cb.LANGS:
        raise SheetError([f"unknown language {lang!r}; expected one of {', '.join(cb.LANGS)}"])
    out = Path(out)
    if out.suffix.lower() == ".xlsx":
        return [atomic_write(out, template_xlsx(lang))]
    return [atomic_write(out / name, text) for name, text in template_csv(lang).items()]


# ---------------------------------------------------------------- reading

@dataclass
class Sheet:
    """A filled sheet, as rows of key → text per tab, with where each row came from."""

    name: str
    submission: dict[str, str] = field(default_factory=dict)
    rows: dict[str, list[tuple[int, dict[str, str]]]] = field(default_factory=dict)
    letters: dict[str, dict[str, str]] = field(default_factory=dict)  # tab → key → column letter


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if hasattr(value, "isoformat"):
        value = value.isoformat()[:10]
    return str(value).strip()


def read_sheet(path: Path) -> Sheet:
    """Read an .xlsx workbook or a folder of CSV files; raise SheetError naming every problem."""
    path = Path(path)
    if not path.exists():
        raise SheetError([f"{path}: no such file or folder"])
    if path.is_dir():
        tables = {}
        for tab in TABS:
            f = path / f"{tab}.csv"
            if not f.exists():
                continue
            try:
                tables[tab] = list(csv.reader(io.StringIO(f.read_text(encoding="utf-8-sig"))))
            except UnicodeDecodeError:
                raise SheetError([f"{f}: not UTF-8 text"]) from None
        return _parse(path.name, tables, formulas=set())
    if path.stat().st_size > MAX_SHEET_BYTES:
        raise SheetError([f"{path}: {path.stat().st_size:,} bytes is larger than the {MAX_SHEET_BYTES:,}-byte limit"])
    from zipfile import BadZipFile

    from openpyxl import load_workbook

    try:
        wb = load_workbook(path, read_only=True, data_only=False)
    except (BadZipFile, KeyError, ValueError, OSError) as e:
        raise SheetError([f"{path}: not a readable .xlsx workbook ({type(e).__name__})"]) from None
    names = {n.strip().lower(): n for n in wb.sheetnames}
    tables, formulas = {}, set()
    for tab in TABS:
        found = next((names[l] for l in TAB_LABELS[tab] if l in names), None)
        if found is None:
            continue
        rows = []
        for r, row in enumerate(wb[found].iter_rows(values_only=True), 1):
            texts = []
            for c, v in enumerate(row, 1):
                if isinstance(v, str) and v.startswith("=") and len(v) > 1:
                    formulas.add((tab, r, c))  # stored as a formula, not text: refuse it
                texts.append(_cell_text(v))
            rows.append(texts)
        tables[tab] = rows
    wb.close()
    return _parse(path.name, tables, formulas)


def _parse(name: str, tables: dict, formulas: set) -> Sheet:
    problems = [f"{name}: missing tab {tab!r} (or its French/Spanish name {TAB_LABELS[tab][1]!r}/{TAB_LABELS[tab][2]!r})"
                for tab in TABS if tab not in tables]
    if problems:
        raise SheetError(problems)
    from openpyxl.utils import get_column_letter

    sheet = Sheet(name)
    for tab in TABS:
        rows = tables[tab]
        if tab == "submission":
            lookup = _header_map(tab)
            for r, row in enumerate(rows, 1):
                if row and row[0].strip():
                    key = lookup.get(row[0].strip().lower())
                    if key is None:
                        problems.append(f"{name}: {tab}!A{r}: unknown field {row[0]!r}")
                    else:
                        sheet.submission[key] = row[1] if len(row) > 1 else ""
                        if (tab, r, 2) in formulas:
                            problems.append(f"{name}: {tab}!B{r}: {key}: formulas are not accepted; type the value")
            continue
        header = rows[0] if rows else []
        lookup = _header_map(tab)
        keys = [lookup.get(h.strip().lower()) for h in header]
        for c, (h, k) in enumerate(zip(header, keys), 1):
            if h.strip() and k is None:
                problems.append(f"{name}: {tab}!{get_column_letter(c)}1: unknown column {h!r}")
        missing = [k for k in REQUIRED[tab] if k not in keys]
        for k in missing:
            problems.append(f"{name}: {tab}: missing column {_label(tab, k, 'en')!r} ({k})")
        sheet.letters[tab] = {k: get_column_letter(c) for c, k in enumerate(keys, 1) if k}
        sheet.rows[tab] = []
        for r, row in enumerate(rows[1:], 2):
            values = {k: (row[c] if c < len(row) else "") for c, k in enumerate(keys) if k}
            for c in range(len(row)):
                if (tab, r, c + 1) in formulas:
                    problems.append(f"{name}: {tab}!{get_column_letter(c + 1)}{r}: formulas are not accepted; type the value")
            if any(v for v in values.values()):
                sheet.rows[tab].append((r, values))
    missing = [k for k in REQUIRED["submission"] if not sheet.submission.get(k)]
    problems += [f"{name}: submission: {_label('submission', k, 'en')!r} ({k}) is required" for k in missing]
    if problems:
        raise SheetError(problems)
    return sheet


# ---------------------------------------------------------------- rows → records

def _split(value: str) -> list[str]:
    return [v.strip() for v in re.split(r"[;,]", value) if v.strip()]


def _slug(text: str, words: int = 6) -> str:
    import unicodedata

    ascii_ = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return "-".join(re.findall(r"[a-z0-9]+", ascii_)[:words]) or "untitled"


def _submission_source(sheet: Sheet) -> dict:
    sub = sheet.submission
    allowed = sub["publication_allowed"].strip().lower() in YES
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
           "kind": values.get("source_kind") or "ngo_report"}
    if values.get("source_date"):
        src["date"] = values["source_date"]
    return {k: v for k, v in src.items() if v is not None}


def _maybe_int(value: str):
    return int(value) if re.fullmatch(r"\d+", value or "") else (value or None)


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
    return {k: v for k, v in record.items() if v not in (None, [], "")}


def case_from_row(sheet: Sheet, values: dict, n: int) -> dict:
    allowed = sheet.submission["publication_allowed"].strip().lower() in YES
    disclosure = (values.get("disclosure") or "anonymised") if allowed else "confidential"
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
    return {k: v for k, v in record.items() if v not in (None, [], "")}


# ---------------------------------------------------------------- merge

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
    yaml = _yaml()
    doc = yaml.load(text)
    cases = doc.get("cases") or []
    for i, case in enumerate(cases):
        if isinstance(case, dict) and case.get("disclosure") == "confidential":
            cases[i] = "<confidential case hidden>"
    buf = io.StringIO()
    yaml.dump(doc, buf)
    return buf.getvalue()


def _yaml():
    from ruamel.yaml import YAML

    yaml = YAML()
    yaml.width = 110
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


_COMPARED = ("title", "title_en", "instrument_type", "direction", "severity", "adopted", "in_force", "repealed", "status")


_DATES = ("adopted", "in_force", "repealed")


def _same(fld: str, a, b) -> bool:
    """Equal values; for dates, agreeing as far as both are precise (2017 agrees with 2017-06-13)."""
    x = a.isoformat() if hasattr(a, "isoformat") else str(a).strip().lower()
    y = b.isoformat() if hasattr(b, "isoformat") else str(b).strip().lower()
    if fld in _DATES:
        n = min(len(x), len(y))
        return x[:n] == y[:n]
    return x == y


def _find(existing: list, record: dict):
    for item in existing:
        if item.get("id") == record["id"]:
            return item
        year = str(record.get("adopted") or record.get("in_force") or "")[:4]
        item_year = str(item.get("adopted") or item.get("in_force") or "")[:4]
        titles = {str(item.get("title", "")).lower(), str(item.get("title_en", "")).lower()}
        if year and year == item_year and {record.get("title", "").lower(), record.get("title_en", "").lower()} & titles:
            return item
    return None


def merge_sheet(sheet: Sheet, countries_dir: Path) -> MergeResult:
    """Validate every row, then merge into the country files in memory; raise SheetError on any problem."""
    from pydantic import ValidationError
    from ruamel.yaml.comments import CommentedMap

    from . import records as rec
    from .countries import known_iso3
    from .validation import read_yaml, validate_mapping

    problems, result = [], MergeResult()
    known = known_iso3()
    default_iso3 = sheet.submission["iso3"].strip().upper()
    if default_iso3 not in known:
        problems.append(f"{sheet.name}: submission: iso3: {default_iso3!r} is not an ISO 3166-1 alpha-3 code")
    parts = {"instruments": (instrument_from_row, rec.Instrument, rec.instrument_rules),
             "cases": (case_from_row, rec.Case, rec.case_rules)}
    by_country: dict[str, dict[str, list]] = {}
    for tab, (build, model, rules) in parts.items():
        for n, (row, values) in enumerate(sheet.rows[tab], 1):
            values = {**values, "iso3": (values.get("iso3") or default_iso3).strip().upper()}
            where = f"{sheet.name}: {tab}!row {row}"
            if values["iso3"] not in known:
                problems.append(f"{where}: iso3: {values['iso3']!r} is not an ISO 3166-1 alpha-3 code")
                continue
            record = build(sheet, values, n) if tab == "cases" else build(sheet, values)
            for fld, msg in rules(record):
                problems.append(f"{where}: {_column(sheet, tab, fld)}: {msg}")
            try:
                model.model_validate(record)
            except ValidationError as e:
                for err in e.errors():
                    fld = str(err["loc"][0]) if err["loc"] else "row"
                    if fld == "question":
                        continue  # derived from direction, whose own error is reported
                    problems.append(f"{where}: {_column(sheet, tab, fld)}: {err['msg'].removeprefix('Value error, ')}")
            by_country.setdefault(values["iso3"], {"instruments": [], "cases": []})[tab].append(record)
    if problems:
        raise SheetError(problems)

    yaml = _yaml()
    for iso3, new in sorted(by_country.items()):
        path = Path(countries_dir) / f"{iso3}.yaml"
        old = path.read_text(encoding="utf-8") if path.exists() else ""
        doc = yaml.load(old) if old else CommentedMap(
            [("iso3", iso3), ("assessment", CommentedMap([
                ("status", "not_assessed"),
                ("scope_note", f"Created from submission {sheet.submission['reference']}; not yet assessed "
                               "against recognised sources.")]))])
        for tab in ("instruments", "cases"):
            if not new[tab]:
                continue
            items = doc.setdefault(tab, [])
            for record in new[tab]:
                if tab == "cases" and any(c.get("id") == record["id"] for c in items if isinstance(c, dict)):
                    result.skipped.append(f"{iso3}: a case of this submission was imported before")
                    continue
                match = _find(items, record) if tab == "instruments" else None
                if match is None:
                    items.append(record)
                    if tab == "instruments":
                        _mark_coded(doc, record, sheet, result)
                    hidden = record.get("disclosure") == "confidential"
                    result.added.append(f"{iso3}: confidential case (details hidden)" if hidden
                                        else f"{iso3}: {tab[:-1]} {record['id']}")
                    continue
                for fld in _COMPARED:
                    if match.get(fld) not in (None, "") and record.get(fld) not in (None, "") \
                            and not _same(fld, match[fld], record[fld]):
                        result.conflicts.append(f"{iso3}: {match['id']}: {fld}: coded '{match[fld]}', "
                                                f"submission says '{record[fld]}' (kept the coded value)")
                known_sources = {(s.get("url"), s.get("title")) for s in match.get("sources", [])}
                for src in record["sources"]:
                    if (src.get("url"), src.get("title")) not in known_sources:
                        match.setdefault("sources", []).append(src)
                result.sourced.append(f"{iso3}: {match['id']} (already coded: submission added as a source)")
        buf = io.StringIO()
        yaml.dump(doc, buf)
        text = buf.getvalue()
        _validate_text(text, path, read_yaml, validate_mapping, problems)
        result.changed[path] = (old, text)
    if problems:
        raise SheetError(problems)
    return result


def _mark_coded(doc, record: dict, sheet: Sheet, result: MergeResult) -> None:
    """A submitted instrument answers its law families: mark them coded in an assessed file's checklist,
    and report a family the coders had marked none_found (the submission found what they did not)."""
    from ruamel.yaml.comments import CommentedMap

    checks = doc.get("checks")
    if not isinstance(checks, dict):
        return
    for family in {cb.CATEGORY_FAMILY[c] for c in record.get("categories", []) if c in cb.CATEGORY_FAMILY}:
        before = (checks.get(family) or {}).get("status")
        if before == "coded":
            continue
        if before == "none_found":
            result.conflicts.append(f"{doc['iso3']}: checks: {family}: coded 'none_found', the submission codes "
                                    f"{record['id']} (marked coded; check it against the family's rule)")
        checks[family] = CommentedMap([("status", "coded"), ("checked_on", dt.date.today().isoformat()),
                                       ("note", f"Instrument {record['id']} from submission "
                                                f"{sheet.submission['reference']}.")])


def _validate_text(text: str, path: Path, read_yaml, validate_mapping, problems: list) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        probe = Path(tmp) / path.name
        probe.write_text(text, encoding="utf-8")
        data, index, probs = read_yaml(probe, str(path))
        if not probs:
            _, probs = validate_mapping(data, index, f"{path} (after merge)", path.stem)
    problems += [str(p) for p in probs]


def _column(sheet: Sheet, tab: str, fld: str) -> str:
    key = {"id": "instrument_id", "adopted": "adopted", "sources": "source_url", "instrument_ids": "instrument_id"}.get(fld, fld)
    letter = sheet.letters.get(tab, {}).get(key)
    label = _label(tab, key, "en") if key in COLUMNS[tab] else fld
    return f"column {letter} '{label}'" if letter else f"'{label}'"


def import_sheet(path: Path, countries_dir: Path, dry_run: bool = False) -> MergeResult:
    """Read, validate and merge a sheet; write the changed country files atomically unless dry_run."""
    result = merge_sheet(read_sheet(path), countries_dir)
    if not dry_run:
        for target, (_, text) in result.changed.items():
            atomic_write(target, text)
    return result
