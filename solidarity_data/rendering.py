"""Built figures → files: standalone HTML (plotly.js beside it, no CDN), PNG, SVG and PDF at print size,
and ``figures.json`` (every file with its title and alt text). One headless browser stays alive for
the whole batch. ``figures.json`` is removed first and written last, so a folder without it is an
unfinished export."""

from __future__ import annotations

import contextlib
import html
import json
import os
from pathlib import Path

from .files import atomic_write
from .problems import UserError

IMAGE_FORMATS = ("png", "svg", "pdf")
FIGURE_FORMATS = ("html",) + IMAGE_FORMATS
MANIFEST = "figures.json"


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


def _pdf_titled(data: bytes, title: str) -> bytes:
    """The PDF with its document title set to the figure's title (kaleido writes its own name)."""
    import io

    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    writer.add_metadata({"/Title": title, "/Producer": "solidarity-data"})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


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
        """Write ``fig`` as it stands (``theme.for_print`` lays a figure out for its export width first)."""
        import kaleido

        from .figures.theme import FORMATS, TOPOJSON_STUB, print_width

        fmt = Path(path).suffix[1:]
        scale = FORMATS[fig.layout.meta.get("format", "report")].scale if fmt == "png" else 1
        opts = {"format": fmt, "width": print_width(fig), "height": fig.layout.height, "scale": scale}
        data = kaleido.calc_fig_sync(fig, opts=opts, topojson=TOPOJSON_STUB)
        if fmt == "pdf":
            data = _pdf_titled(data, fig.layout.meta.get("title", ""))
        return atomic_write(path, data)

    def __exit__(self, *exc):
        import kaleido

        kaleido.stop_sync_server(silence_warnings=True)


PAGE = """<!DOCTYPE html>
<html lang="{lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title><script src="plotly.min.js"></script>
<style>body{{margin:0;font-family:Arial,sans-serif}} .figure{{max-width:1100px;margin:auto}}</style></head>
<body><main class="figure" role="img" aria-label="{alt}">{div}</main></body></html>
"""


def write_figure_html(built, path: Path) -> Path:
    """A standalone page for one figure: its title and language set, plotly.js from a file beside it
    (written once per folder), no CDN."""
    import plotly

    from .figures.theme import PLOTLY_CONFIG

    target = Path(path).parent / "plotly.min.js"
    if not target.exists():
        atomic_write(target, (Path(plotly.__file__).parent / "package_data" / "plotly.min.js").read_bytes())
    div = built.interactive.to_html(full_html=False, include_plotlyjs=False, config=PLOTLY_CONFIG, validate=False,
                                    div_id=f"{built.spec.name}-{built.lang}")
    return atomic_write(path, PAGE.format(lang=built.lang, title=html.escape(built.title),
                                          alt=html.escape(built.alt, quote=True), div=div))


def write_figures(built: dict, out: Path, formats=FIGURE_FORMATS, version: str = "",
                  progress: bool = True) -> list[dict]:
    """Write DIR/<lang>/<figure>.<ext> for every built figure, then DIR/figures.json; return its entries."""
    from tqdm import tqdm

    from .figures.theme import for_print

    for bad in set(formats) - set(FIGURE_FORMATS):
        raise ExportError(f"unknown format {bad!r}; expected some of: {', '.join(FIGURE_FORMATS)}")
    out = Path(out)
    if out.exists() and not out.is_dir():
        raise ExportError(f"{out} exists and is not a folder; give a folder for the figures")
    with contextlib.suppress(FileNotFoundError):
        (out / MANIFEST).unlink()  # written last: its absence marks an unfinished export
    writer = ImageWriter() if set(formats) & set(IMAGE_FORMATS) else contextlib.nullcontext()
    manifest = []
    with writer, tqdm(total=len(built) * len(formats), desc="figures", unit="file", disable=not progress) as bar:
        for (name, lang), fig in built.items():
            entry = {"figure": name, "language": lang, "title": fig.title, "alt": fig.alt, "files": {}}
            printed = for_print(fig.static) if set(formats) & set(IMAGE_FORMATS) else None  # once per figure
            for fmt in formats:
                path = out / lang / f"{name}.{fmt}"
                if fmt == "html":
                    write_figure_html(fig, path)
                else:
                    writer.write(printed, path)
                entry["files"][fmt] = path.relative_to(out).as_posix()
                bar.update(1)
            manifest.append(entry)
    atomic_write(out / MANIFEST, json.dumps({"version": version, "figures": manifest}, indent=2,
                                            ensure_ascii=False) + "\n")
    return manifest
