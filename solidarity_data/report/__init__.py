"""The main job: data release + figure set + one report page per language, built into a new folder
that replaces the old one only when everything is written (a failed or killed run leaves the previous
report whole)."""

from __future__ import annotations

import json
import time
from pathlib import Path

from ..files import atomic_folder, atomic_write
from ..paths import ROOT
from ..release import write_release
from ..rendering import FIGURE_FORMATS, write_figures
from .page import PAGES, build_page, page_name

__all__ = ["PAGES", "build_page", "build_report", "page_name"]


def build_report(ds, out: Path, log=print, figure_formats=FIGURE_FORMATS) -> dict:
    """Write DIR/data, DIR/figures and DIR/index*.html; return a summary (also written as report.json)."""
    from .. import codebook as cb
    from .. import figures
    from ..codebook import to_markdown
    from ..geo import write_geopackage

    out = Path(out)
    start = time.perf_counter()
    with atomic_folder(out, ds.version) as tmp:
        log(f"[1/3] data release → {out / 'data'}")
        written = write_release(ds, tmp / "data")
        written.append(atomic_write(tmp / "data" / "codebook.md", to_markdown()))
        written.append(write_geopackage(ds, tmp / "data" / "solidarity_data.gpkg"))
        for src, dst in (("CITATION.cff", "CITATION.cff"), ("CHANGELOG.md", "CHANGELOG.md"),
                         ("LICENSE", "LICENSE-code.txt"), ("data/LICENSE", "LICENSE-data.txt")):
            written.append(atomic_write(tmp / "data" / dst, (ROOT / src).read_bytes()))
        log(f"[2/3] figures → {out / 'figures'}")
        built = figures.build_figures(ds)
        manifest = write_figures(built, tmp / "figures", formats=figure_formats, version=ds.version)
        log("[3/3] report pages")
        pages = []
        for lang in cb.LANGS:
            pages.append(atomic_write(tmp / page_name(lang), build_page(ds, lang, built)))
            log(f"      {out / page_name(lang)}  ({pages[-1].stat().st_size / 1e6:.1f} MB)")
        summary = {"seconds": round(time.perf_counter() - start, 1), "data_files": len(written),
                   "figure_files": sum(len(m["files"]) for m in manifest) + 1,
                   "pages": {p.name: p.stat().st_size for p in pages}, "version": ds.version}
        atomic_write(tmp / "report.json", json.dumps(summary, indent=2) + "\n")
    return summary
