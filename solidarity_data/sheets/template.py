"""The coding sheet template: an .xlsx workbook with drop-downs from the codebook, or CSV files."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from .. import codebook as cb
from ..files import atomic_write
from ..labels import label
from .columns import COLUMNS, MAX_ROWS, TABS, column_label, tab_name
from .reading import SheetError


def template_xlsx(lang: str = "en") -> bytes:
    """Coding workbook: submission, instruments, cases tabs; drop-downs from the codebook."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.worksheet.datavalidation import DataValidation

    wb = Workbook()
    wb.remove(wb.active)
    lists = wb.create_sheet("lists")
    vocabs = sorted({c.vocabulary for tab in COLUMNS.values() for c in tab if c.vocabulary})
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
        ws = wb.create_sheet(tab_name(tab, lang))
        if tab == "submission":
            for row, c in enumerate(COLUMNS[tab], 1):
                ws.cell(row=row, column=1, value=column_label(tab, c.key, lang)).font = Font(bold=True)
            ws.column_dimensions["A"].width = 36
            ws.column_dimensions["B"].width = 40
            continue
        for col, c in enumerate(COLUMNS[tab], 1):
            cell = ws.cell(row=1, column=col, value=column_label(tab, c.key, lang))
            cell.font = Font(bold=True)
            ws.column_dimensions[cell.column_letter].width = 22
            if c.vocabulary and not c.multi:
                dv = DataValidation(type="list", formula1=ranges[c.vocabulary], allow_blank=True)
                dv.add(f"{cell.column_letter}2:{cell.column_letter}{MAX_ROWS + 1}")
                ws.add_data_validation(dv)
        ws.freeze_panes = "A2"
    ref = wb.create_sheet("codebook")
    ref.append(["vocabulary", "value", label("sheet.label_word", lang), "definition"])
    for name in vocabs:
        for term in cb.vocabulary(name):
            ref.append([name, term.value, term.label(lang), term.definition_in(lang)])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def template_csv(lang: str = "en") -> dict[str, str]:
    """CSV variant: one file per tab (submission as field,value rows)."""
    out = {}
    for tab in TABS:
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        if tab == "submission":
            w.writerows([[column_label(tab, c.key, lang), ""] for c in COLUMNS[tab]])
        else:
            w.writerow([column_label(tab, c.key, lang) for c in COLUMNS[tab]])
        out[f"{tab}.csv"] = buf.getvalue()
    return out


def write_template(out: Path, lang: str = "en") -> list[Path]:
    """`.xlsx` → a workbook; anything else → a folder of CSV files."""
    if lang not in cb.LANGS:
        raise SheetError([f"unknown language {lang!r}; expected one of {', '.join(cb.LANGS)}"])
    out = Path(out)
    if out.suffix.lower() == ".xlsx":
        return [atomic_write(out, template_xlsx(lang))]
    if out.exists() and not out.is_dir():
        raise SheetError([f"{out} exists and is not a folder; give FILE.xlsx or a folder for the CSV files"])
    return [atomic_write(out / name, text) for name, text in template_csv(lang).items()]
