"""A country profile as a document: one translated, self-contained page per jurisdiction and language
(no code shown, labels instead of codes, every source a link, the country outlined on the map, a
legend on the timeline), and a PDF of it when a browser is at hand — all offline."""

from __future__ import annotations

import html
import subprocess
from pathlib import Path

from .. import codebook as cb
from ..countries import name
from ..files import atomic_write
from ..labels import label
from ..paths import PACKAGE_DATA
from ..problems import UserError
from .page import _figure_json, _json
from .tables import cases_table, checks_table, instruments_table

E = html.escape


def profile_page(ds, iso3: str, lang: str) -> str:
    """The profile of ``iso3`` in ``lang``."""
    import plotly

    from ..countries import region_label
    from ..figures import country_timeline, restrictions_map
    from ..figures.theme import long_date, source_line
    from ..geo import plotly_geojson

    country = name(iso3, lang)
    row = ds.countries.set_index("iso3").loc[iso3]
    figs = [("map", restrictions_map(ds, lang=lang, highlight=iso3)), ("timeline", country_timeline(ds, iso3, lang))]
    blocks = "".join(f'<figure class="plot"><div id="plot-{key}"></div><script type="application/json" '
                     f'class="sd-figure" data-target="plot-{key}">{_figure_json(fig, f"{iso3}-{key}-{lang}")}</script>'
                     f"</figure>" for key, fig in figs)
    facts = label("profile.facts", lang, region=region_label(row.region_code, lang) or "—",
                  status=cb.label("assessment_status", row.assessment_status, lang),
                  date=long_date(row.assessed_on, lang), period=row.period_from)
    plotly_js = (Path(plotly.__file__).parent / "package_data" / "plotly.min.js").read_text(encoding="utf-8")
    css = (PACKAGE_DATA / "report.css").read_text(encoding="utf-8")
    js = (PACKAGE_DATA / "report.js").read_text(encoding="utf-8")
    kosovo = f'<p class="note">{E(label("figure.kosovo_note", lang))}</p>' if iso3 == "XKX" else ""
    title = label("profile.title", lang, country=country)
    return f"""<!DOCTYPE html>
<html lang="{lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{E(title)}</title><style>{css}</style><script>{plotly_js}</script></head><body><main id="main">
<h1>{E(title)}</h1><p>{E(facts)}</p><p class="small">{E(source_line(ds, lang))}</p>
<h2>{E(label("profile.map", lang))}</h2>{blocks}
<h2>{E(label("profile.checklist", lang))}</h2>{checks_table(ds, lang, iso3)}
<h2>{E(label("report.table", lang))}</h2>{instruments_table(ds, lang, iso3)}
<h2>{E(label("report.cases_table", lang))}</h2><p class="note">{E(label("report.disclosure", lang))}</p>
{cases_table(ds, lang, iso3)}{kosovo}
</main><script type="application/json" id="sd-geojson">{_json(plotly_geojson())}</script>
<script>{js}</script></body></html>
"""


def write_profile(ds, iso3: str, lang: str, out_dir: Path) -> list[Path]:
    """Write profile-<ISO3>-<lang>.html (and .pdf when a browser is found) into ``out_dir``."""
    from ..rendering import find_browser

    if lang not in cb.LANGS:
        raise UserError(f"unknown language {lang!r}; expected one of {', '.join(cb.LANGS)}")
    if iso3 not in ds.assessed():
        raise UserError(f"{iso3!r} is not an assessed jurisdiction; assessed: {', '.join(ds.assessed())}")
    page = atomic_write(Path(out_dir) / f"profile-{iso3}-{lang}.html", profile_page(ds, iso3, lang))
    browser = find_browser()
    if browser is None:
        return [page]
    pdf = page.with_suffix(".pdf")
    tmp = pdf.with_name(f".{pdf.name}.tmp")
    subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--host-resolver-rules=MAP * ~NOTFOUND", "--allow-file-access-from-files",
                    "--virtual-time-budget=20000", "--no-pdf-header-footer", f"--print-to-pdf={tmp}", page.as_uri()],
                   capture_output=True, timeout=180)
    if tmp.exists() and tmp.stat().st_size > 1000:
        tmp.replace(pdf)
        return [page, pdf]
    tmp.unlink(missing_ok=True)
    return [page]
