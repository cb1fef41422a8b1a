"""Reading a filled coding sheet (.xlsx, or a folder of CSV files) into rows of text per tab.

The work is bounded whatever the file says: at most the template's columns (and a few more, to name
unknown ones) and ``MAX_ROWS`` filled rows per tab are read, and the real extent of each tab is read
rather than its declared dimension. Every problem is a ``Problem`` (path = sheet, line = row,
field = tab!column and key).
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

from ..problems import Problem, UserError
from .columns import COLUMNS, MAX_ROWS, REQUIRED, TABS, column_label, header_map, tab_names

MAX_SHEET_BYTES = 5_000_000
MAX_CELL = 32_000  # a country file's longest text; a spreadsheet cell holds 32,767 characters
EXTRA_COLUMNS = 10  # columns read beyond the template's, so that unknown headers can be named


class SheetError(UserError):
    """A sheet that cannot be read or does not validate; carries every problem found."""


@dataclass
class Sheet:
    """A filled sheet, as rows of key → text per tab, with where each row came from."""

    name: str
    submission: dict[str, str] = field(default_factory=dict)
    rows: dict[str, list[tuple[int, dict[str, str]]]] = field(default_factory=dict)
    letters: dict[str, dict[str, str]] = field(default_factory=dict)  # tab → key → column letter

    def where(self, tab: str, row: int, key: str | None = None) -> tuple[str, int, str]:
        """(path, line, field) of a cell, for a Problem."""
        if key is None:
            return self.name, row, tab
        letter = self.letters.get(tab, {}).get(key)
        return self.name, row, f"{tab}!{letter} {key}" if letter else f"{tab} {key}"


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if hasattr(value, "isoformat"):
        value = value.isoformat()[:10]
    return str(value).strip()


def _is_formula(value) -> bool:
    from openpyxl.worksheet.formula import ArrayFormula, DataTableFormula

    return isinstance(value, (ArrayFormula, DataTableFormula)) or (
        isinstance(value, str) and value.startswith("=") and len(value) > 1)


def _read_xlsx(path: Path) -> tuple[dict, set, list[Problem]]:
    from zipfile import BadZipFile

    from openpyxl import load_workbook

    if path.stat().st_size > MAX_SHEET_BYTES:
        return {}, set(), [Problem(path.name, 1, "file", f"{path.stat().st_size:,} bytes is larger than the "
                                                         f"{MAX_SHEET_BYTES:,}-byte limit", "too-large")]
    try:
        wb = load_workbook(path, read_only=True, data_only=False)
    except (BadZipFile, KeyError, ValueError, OSError, TypeError) as e:
        return {}, set(), [Problem(path.name, 1, "file", f"not a readable .xlsx workbook ({type(e).__name__})",
                                   "unreadable")]
    names = {n.strip().lower(): n for n in wb.sheetnames}
    tables, formulas, problems = {}, set(), []
    try:
        for tab in TABS:
            found = next((names[n] for n in tab_names(tab) if n in names), None)
            if found is None:
                continue
            ws = wb[found]
            ws.reset_dimensions()  # the declared dimension can hide rows, or claim a million of them
            rows, filled = [], 0
            for r, row in enumerate(ws.iter_rows(max_col=len(COLUMNS[tab]) + EXTRA_COLUMNS, values_only=True), 1):
                if all(v is None for v in row):
                    continue
                filled += 1
                if filled > MAX_ROWS + 1:
                    problems.append(Problem(path.name, r, tab, f"more than {MAX_ROWS:,} filled rows; split the "
                                                               "submission into several sheets", "too-many-rows"))
                    break
                formulas |= {(tab, r, c) for c, v in enumerate(row, 1) if _is_formula(v)}
                rows.append((r, [_cell_text(v) for v in row]))
            tables[tab] = rows
    finally:
        wb.close()
    return tables, formulas, problems


def _read_csv_folder(path: Path) -> tuple[dict, set, list[Problem]]:
    # The csv module's own field limit is process-wide (other libraries raise it); the file size bounds
    # the work, and long cells are refused below by MAX_CELL, the same for CSV and XLSX.
    limit = csv.field_size_limit(MAX_SHEET_BYTES)
    try:
        return _read_csv_tables(path)
    finally:
        csv.field_size_limit(limit)


def _read_csv_tables(path: Path) -> tuple[dict, set, list[Problem]]:
    tables, problems = {}, []
    for tab in TABS:
        f = path / f"{tab}.csv"
        if not f.is_file():
            continue
        if f.stat().st_size > MAX_SHEET_BYTES:
            problems.append(Problem(f.name, 1, "file", f"larger than the {MAX_SHEET_BYTES:,}-byte limit", "too-large"))
            continue
        try:
            reader = csv.reader(io.StringIO(f.read_text(encoding="utf-8-sig")))
            rows = []
            for r, row in enumerate(reader, 1):
                if any(v.strip() for v in row):
                    rows.append((r, [v.strip() for v in row[: len(COLUMNS[tab]) + EXTRA_COLUMNS]]))
                if len(rows) > MAX_ROWS + 1:
                    problems.append(Problem(f.name, r, tab, f"more than {MAX_ROWS:,} filled rows; split the "
                                                            "submission into several sheets", "too-many-rows"))
                    break
            tables[tab] = rows
        except UnicodeDecodeError:
            problems.append(Problem(f.name, 1, "file", "not UTF-8 text", "not-utf8"))
        except csv.Error as e:
            problems.append(Problem(f.name, reader.line_num, "file", f"not readable as CSV ({e})", "unreadable"))
    return tables, set(), problems


def read_sheet(path: Path) -> Sheet:
    """Read an .xlsx workbook or a folder of CSV files; raise SheetError naming every problem."""
    path = Path(path)
    if not path.exists():
        raise SheetError([Problem(str(path), 1, "file", "no such file or folder", "missing")])
    tables, formulas, problems = (_read_csv_folder if path.is_dir() else _read_xlsx)(path)
    problems += [Problem(path.name, r, f"{tab}!{c}", f"{len(v):,} characters is longer than the {MAX_CELL:,} a cell "
                                                       "may hold", "too-long")
                 for tab, rows in tables.items() for r, row in rows for c, v in enumerate(row, 1) if len(v) > MAX_CELL]
    if problems:
        raise SheetError(problems)
    return _parse(path.name, tables, formulas)


def _parse(name: str, tables: dict, formulas: set) -> Sheet:
    from openpyxl.utils import get_column_letter

    problems = [Problem(name, 1, tab, f"missing tab {tab!r} (or its name in another language: "
                                      f"{', '.join(repr(n) for n in tab_names(tab)[1:])})", "missing-tab")
                for tab in TABS if tab not in tables]
    if problems:
        raise SheetError(problems)
    sheet = Sheet(name)
    for r, row in tables["submission"]:
        key = header_map("submission").get(row[0].strip().lower()) if row and row[0].strip() else None
        if row and row[0].strip() and key is None:
            problems.append(Problem(name, r, "submission!A", f"unknown field {row[0]!r}", "unknown-column"))
        elif key:
            sheet.submission[key] = row[1] if len(row) > 1 else ""
            if ("submission", r, 2) in formulas:
                problems.append(Problem(name, r, f"submission!B {key}", "formulas are not accepted; type the value",
                                        "formula"))
    for tab in TABS[1:]:
        rows = tables[tab]
        header_row, header = rows[0] if rows else (1, [])
        lookup = header_map(tab)
        keys = [lookup.get(h.strip().lower()) for h in header]
        for c, (h, k) in enumerate(zip(header, keys), 1):
            if h.strip() and k is None:
                problems.append(Problem(name, header_row, f"{tab}!{get_column_letter(c)}", f"unknown column {h!r}",
                                        "unknown-column"))
        for k in REQUIRED[tab]:
            if k not in keys:
                problems.append(Problem(name, 1, tab, f"missing column {column_label(tab, k)!r} ({k})",
                                        "missing-column"))
        sheet.letters[tab] = {k: get_column_letter(c) for c, k in enumerate(keys, 1) if k}
        sheet.rows[tab] = []
        for r, row in rows[1:]:
            for c in range(len(row)):
                if (tab, r, c + 1) in formulas:
                    problems.append(Problem(name, r, f"{tab}!{get_column_letter(c + 1)}",
                                            "formulas are not accepted; type the value", "formula"))
            values = {k: (row[c] if c < len(row) else "") for c, k in enumerate(keys) if k}
            if any(values.values()):
                sheet.rows[tab].append((r, values))
    for k in REQUIRED["submission"]:
        if not sheet.submission.get(k):
            problems.append(Problem(name, 1, "submission", f"{column_label('submission', k)!r} ({k}) is required",
                                    "required"))
    if problems:
        raise SheetError(problems)
    return sheet
