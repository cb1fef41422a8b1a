"""Published files: tables → CSV, XLSX and a Frictionless datapackage.json; every write is atomic."""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import json
import os
import tempfile
from pathlib import Path

import pandas as pd

from . import codebook as cb
from .problems import UserError

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# Fixed timestamp for reproducible XLSX metadata (two builds of the same data are identical).
_EPOCH = dt.datetime(2024, 1, 1)


@contextlib.contextmanager
def atomic_path(path: Path):
    """Yield a temporary path beside ``path``; rename it into place only if the block succeeds."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    os.close(fd)
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(tmp, 0o666 & ~umask)  # mkstemp creates 0600; published files are readable like any other
    try:
        yield Path(tmp)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def atomic_write(path: Path, data: str | bytes) -> Path:
    """Write text or bytes to ``path`` atomically."""
    with atomic_path(path) as tmp:
        tmp.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return Path(path)


def neutralise_formula(value):
    """Prefix text that a spreadsheet would run as a formula with an apostrophe (OWASP CSV injection)."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def release_tables(ds) -> dict[str, pd.DataFrame]:
    """The tables of a data release, in the codebook's release order."""
    tables = {name: getattr(ds, name) for name in cb.RESOURCES if name != "country_year"}
    tables["country_year"] = ds.country_year()
    return {name: tables[name] for name in cb.RESOURCES}


def to_csv_text(df: pd.DataFrame) -> str:
    safe = df.copy()
    for col in safe.columns:
        if safe[col].dtype == object or pd.api.types.is_string_dtype(safe[col]):
            safe[col] = safe[col].map(neutralise_formula)
    return safe.to_csv(index=False, lineterminator="\n")


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
    return buf.getvalue()


def _cell(value):
    if value is None or value is pd.NA or (isinstance(value, float) and pd.isna(value)):
        return None
    if hasattr(value, "item"):  # numpy scalar
        return value.item()
    return value


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
                          "profile": "tabular-data-resource",
                          "format": "csv", "mediatype": "text/csv", "encoding": "utf-8", "schema": schema})
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


def write_release(ds, out: Path) -> list[Path]:
    """Write the CSV tables, the workbook and datapackage.json into ``out``; return the paths."""
    out = Path(out)
    tables = release_tables(ds)
    written = [atomic_write(out / f"{name}.csv", to_csv_text(df)) for name, df in tables.items()]
    written.append(atomic_write(out / "solidarity_data.xlsx", to_xlsx_bytes(tables)))
    written.append(atomic_write(out / "datapackage.json",
                                json.dumps(datapackage(tables, ds.version), indent=2, ensure_ascii=False) + "\n"))
    return written


IMAGE_FORMATS = ("png", "svg", "pdf")
FIGURE_FORMATS = ("html",) + IMAGE_FORMATS
LANGS = cb.LANGS


class ExportError(UserError):
    """A figure export that cannot run here (e.g. no browser); the message says what to do."""


NO_BROWSER = ("Static export (png/svg/pdf) needs Chrome or Chromium and none was found. Install one "
              "(Debian/Ubuntu: `apt-get install chromium`; or `make browser`), point BROWSER_PATH at it, or "
              "run `plotly_get_chrome` where the internet is reachable. HTML export works without it.")


def find_browser() -> str | None:
    """Path of a Chrome/Chromium for kaleido: BROWSER_PATH, then PATH, then /usr/bin/chromium."""
    import shutil

    candidates = [os.environ.get("BROWSER_PATH")] + [shutil.which(n) for n in
                                                     ("chromium", "chromium-browser", "google-chrome", "chrome")]
    for c in candidates + ["/usr/bin/chromium"]:
        if c and os.path.isfile(c) and os.access(c, os.X_OK):
            return c
    return None


class ImageWriter:
    """Keeps one headless browser alive for a batch of static images (~0.3 s each instead of ~3 s)."""

    def __enter__(self):
        import kaleido

        from .figures import theme  # noqa: F401  (installs the offline topojson stub and no MathJax)

        browser = find_browser()
        if browser is None:
            raise ExportError(NO_BROWSER)
        os.environ.setdefault("BROWSER_PATH", browser)
        kaleido.start_sync_server(n=1, timeout=120, mathjax=False, silence_warnings=True)
        return self

    def write(self, fig, path: Path) -> Path:
        import kaleido

        from .figures.theme import TOPOJSON_STUB

        opts = {"format": Path(path).suffix[1:], "width": fig.layout.width, "height": fig.layout.height}
        data = kaleido.calc_fig_sync(fig, opts=opts, topojson=TOPOJSON_STUB)
        return atomic_write(path, data)

    def __exit__(self, *exc):
        import kaleido

        kaleido.stop_sync_server(silence_warnings=True)


def write_figure_html(fig, path: Path, plotlyjs: str = "directory") -> Path:
    """Standalone HTML; plotly.js from a file beside it ('directory') or embedded (True). No CDN."""
    from .figures.theme import PLOTLY_CONFIG

    html = fig.to_html(include_plotlyjs=plotlyjs, full_html=True, config=PLOTLY_CONFIG, validate=False)
    if plotlyjs == "directory":
        import plotly

        js = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
        target = Path(path).parent / "plotly.min.js"
        if not target.exists():
            atomic_write(target, js.read_bytes())
    return atomic_write(path, html)


def export_figures(ds, out: Path, langs=LANGS, formats=FIGURE_FORMATS, only=None, progress: bool = True,
                   interactive: dict | None = None) -> list[dict]:
    """Write DIR/<lang>/<figure>.<ext> and DIR/figures.json; return the manifest entries.

    ``interactive``, if given, receives each (figure, lang) → the interactive figure (maps with their
    year slider), so that a caller such as the report reuses them instead of building them again."""
    from tqdm import tqdm

    from . import figures

    names = list(only or figures.FIGURE_SET)
    for bad in set(names) - set(figures.FIGURE_SET):
        raise ExportError(f"unknown figure {bad!r}; known: {', '.join(figures.FIGURE_SET)}")
    for bad in set(formats) - set(FIGURE_FORMATS):
        raise ExportError(f"unknown format {bad!r}; expected some of: {', '.join(FIGURE_FORMATS)}")
    for bad in set(langs) - set(LANGS):
        raise ExportError(f"unknown language {bad!r}; expected some of: {', '.join(LANGS)}")
    out = Path(out)
    images = [f for f in formats if f in IMAGE_FORMATS]
    manifest = []
    jobs = [(n, lang) for lang in langs for n in names]
    writer = ImageWriter() if images else contextlib.nullcontext()
    with writer, tqdm(total=len(jobs) * len(formats), desc="figures", unit="file", disable=not progress) as bar:
        for name, lang in jobs:
            fig = figures.make(ds, name, lang)
            entry = {"figure": name, "language": lang, "title": fig.layout.title.text,
                     "alt": figures.alt_text(ds, name, lang), "files": {}}
            for fmt in formats:
                path = out / lang / f"{name}.{fmt}"
                if fmt == "html":
                    write_figure_html(figures.interactive(ds, name, lang, interactive, static=fig), path)
                else:
                    writer.write(fig, path)
                entry["files"][fmt] = path.relative_to(out).as_posix()
                bar.update(1)
            manifest.append(entry)
    atomic_write(out / "figures.json", json.dumps({"version": ds.version, "figures": manifest},
                                                  indent=2, ensure_ascii=False) + "\n")
    return manifest
