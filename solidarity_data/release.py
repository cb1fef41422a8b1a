"""The data release: the Dataset's tables → CSV, one XLSX workbook and a Frictionless datapackage.json,
validated with frictionless before the build counts as done. Two builds of the same data give the
same bytes. Text that a spreadsheet would run as a formula is neutralised."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import zipfile
from pathlib import Path

import pandas as pd

from . import codebook as cb
from .files import atomic_write
from .problems import UserError

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# French and Spanish Excel split an unquoted CSV line on ";": every ";"-part that would start a formula
# is neutralised too, so that no cell starts with = + - @ under either separator.
_PART_START = re.compile(r"(;\s*)([=+\-@])")
_EPOCH = dt.datetime(2024, 1, 1)  # fixed timestamps: two builds of the same data are byte-identical
_ZIP_TIME = (2024, 1, 1, 0, 0, 0)


class ReleaseError(UserError):
    """The release does not validate as a data package (a bug, never the user's data)."""


def neutralise_formula(value):
    """Prefix text that a spreadsheet would run as a formula with an apostrophe (OWASP CSV injection),
    at the start of the cell and of every ";"-separated part."""
    if not isinstance(value, str):
        return value
    value = _PART_START.sub(r"\1'\2", value)
    return "'" + value if value.startswith(_FORMULA_START) else value


def release_tables(ds) -> dict[str, pd.DataFrame]:
    """The tables of a data release, in the codebook's release order."""
    return {name: ds.country_year() if name == "country_year" else getattr(ds, name) for name in cb.RESOURCES}


def to_csv_text(df: pd.DataFrame) -> str:
    safe = df.copy()
    for col in safe.columns:
        if safe[col].dtype == object or pd.api.types.is_string_dtype(safe[col]):
            safe[col] = safe[col].map(neutralise_formula)
    return safe.to_csv(index=False, lineterminator="\n")


def _cell(value):
    if value is None or value is pd.NA or (isinstance(value, float) and pd.isna(value)):
        return None
    if hasattr(value, "item"):  # numpy scalar
        return value.item()
    return value


def _reproducible(xlsx: bytes) -> bytes:
    """The workbook's zip with fixed member times and a fixed modification date in its metadata
    (openpyxl stamps both with the current time)."""
    src, out = zipfile.ZipFile(io.BytesIO(xlsx)), io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*", rb"\g<1>2024-01-01T00:00:00Z", data)
            dst.writestr(zipfile.ZipInfo(info.filename, _ZIP_TIME), data, zipfile.ZIP_DEFLATED)
    return out.getvalue()


def to_xlsx_bytes(tables: dict[str, pd.DataFrame]) -> bytes:
    """One sheet per table. Text is stored as text, never as a formula."""
    from openpyxl import Workbook

    wb = Workbook()
    wb.remove(wb.active)
    for name, df in tables.items():
        ws = wb.create_sheet(name[:31])
        ws.append(list(df.columns))
        for row in df.itertuples(index=False):
            ws.append([_cell(v) for v in row])
        for row in ws.iter_rows(min_row=2):
            for cell in row:
                if isinstance(cell.value, str):
                    cell.data_type = "s"  # openpyxl would otherwise store '=…' as a formula
        ws.freeze_panes = "A2"
    wb.properties.created = wb.properties.modified = _EPOCH
    wb.properties.creator = "solidarity-data"
    buf = io.BytesIO()
    wb.save(buf)
    return _reproducible(buf.getvalue())


def field_schema(column: str) -> dict:
    """Frictionless field descriptor of a release column, from the codebook's data dictionary."""
    f = cb.FIELDS[column]
    field = {"name": column, "type": f["type"], "description": f["description"]}
    if f["vocabulary"] and not f["list"]:
        values = cb.vocabulary(f["vocabulary"]).values()
        field["constraints"] = {"enum": [int(v) for v in values] if f["type"] == "integer" else values}
    return field


def datapackage(tables: dict[str, pd.DataFrame], version: str) -> dict:
    """A Frictionless Data Package descriptor with typed, described fields and keys."""
    resources = []
    for name, df in tables.items():
        declared = cb.RESOURCES[name]
        schema = {"fields": [field_schema(c) for c in df.columns], "primaryKey": declared["primary_key"]}
        if declared["foreign_keys"]:
            schema["foreignKeys"] = declared["foreign_keys"]
        resources.append({"name": name, "description": declared["description"], "path": f"{name}.csv",
                          "profile": "tabular-data-resource", "format": "csv", "mediatype": "text/csv",
                          "encoding": "utf-8", "schema": schema})
    return {
        "profile": "tabular-data-package",
        "name": "solidarity-data",
        "title": "Laws and reprisals affecting cross-border civil-society solidarity",
        "description": "National laws and policies that facilitate (question 4) or restrict (question 5) "
                       "cross-border civil-society solidarity, and documented reprisals, coded from "
                       "official texts, UN documents and recognised monitors.",
        "version": version,
        "licenses": [{"name": "CC-BY-4.0", "title": "Creative Commons Attribution 4.0",
                      "path": "https://creativecommons.org/licenses/by/4.0/"}],
        "contributors": [{"title": "solidarity-data contributors", "role": "author"}],
        "resources": resources,
    }


def check_datapackage(descriptor: Path) -> None:
    """Validate the written package with frictionless (types, keys, foreign keys); raise on any error."""
    from frictionless import Package

    report = Package(str(descriptor)).validate()
    if not report.valid:
        errors = report.flatten(["resourceName", "rowNumber", "fieldName", "type", "note"])
        raise ReleaseError([f"{descriptor}: {r}:{n}: {f}: {t}: {note}" for r, n, f, t, note in errors[:50]])


def write_release(ds, out: Path, validate: bool = True) -> list[Path]:
    """Write the CSV tables, the workbook and datapackage.json into the folder ``out``."""
    out = Path(out)
    tables = release_tables(ds)
    written = [atomic_write(out / f"{name}.csv", to_csv_text(df)) for name, df in tables.items()]
    written.append(atomic_write(out / "solidarity_data.xlsx", to_xlsx_bytes(tables)))
    descriptor = atomic_write(out / "datapackage.json",
                              json.dumps(datapackage(tables, ds.version), indent=2, ensure_ascii=False) + "\n")
    if validate:
        check_datapackage(descriptor)
    return written + [descriptor]
