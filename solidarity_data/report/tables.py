"""The report page's tables of instruments and of public cases: labels instead of codes, sorted by the
country's name in the page's language, every source a link (http and https only, from the sources
table, never re-split from joined text)."""

from __future__ import annotations

import html
import re
import unicodedata

import pandas as pd

from .. import codebook as cb
from ..countries import name
from ..labels import label

E = html.escape
_SAFE_URL = re.compile(r"^https?://[^\s\"'<>`]+$")


def href(url) -> str | None:
    """The URL if it is an http(s) link that is safe in an attribute, else None."""
    return url if isinstance(url, str) and _SAFE_URL.match(url) else None


def _sort_key(text: str) -> str:
    """A key that sorts names as a reader expects (Égypte with E), in any language."""
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().casefold()


def _links(sources: pd.DataFrame) -> str:
    """Numbered links to a record's sources (their titles are in the release's sources table; repeating
    them here would double the page's weight)."""
    out = []
    for n, s in enumerate(sources.itertuples(index=False), 1):
        url = href(s.url)
        out.append(f'<a href="{E(url, quote=True)}" rel="noopener">[{n}]</a>' if url else f"[{n}]")
    return " ".join(out)


def _labels(vocab: str, joined, lang: str) -> str:
    values = [v for v in str(joined or "").split(cb.LIST_SEP) if v and v != "nan"]
    return "; ".join(cb.label(vocab, v, lang) for v in values)


def _cell(value) -> str:
    return "" if value is None or (not isinstance(value, str) and pd.isna(value)) else str(value)


def _table(key: str, lang: str, columns: list[str], rows: list[list[str]], keys: list[list[str]]) -> str:
    head = "".join(f'<th scope="col"><button type="button">{E(label(f"report.column.{c}", lang))}</button></th>'
                   for c in columns)
    body = "".join("<tr>" + "".join(f'<td data-key="{E(k, quote=True)}">{c}</td>' if k else f"<td>{c}</td>"
                                    for c, k in zip(row, key_row)) + "</tr>" for row, key_row in zip(rows, keys))
    search = f"search-{key}-{lang}"
    return (f'<div class="controls"><label for="{search}">{E(label(f"report.search_{key}", lang))}</label>'
            f'<input id="{search}" type="search" autocomplete="off"><span class="small">'
            f'{E(label("report.sort_hint", lang))}</span></div><div class="tablebox">'
            f'<table class="data" data-search="{search}"><thead><tr>{head}</tr></thead>'
            f'<tbody>{body}</tbody></table></div>')


def instruments_table(ds, lang: str, iso3: str | None = None) -> str:
    inst = ds.instruments if iso3 is None else ds.instruments[ds.instruments.iso3 == iso3]
    inst = inst.assign(name=lambda d: d.iso3.map(lambda i: name(i, lang)))
    inst = inst.sort_values(["name", "adopted_year", "instrument_id"], kind="stable",
                            key=lambda c: c.map(_sort_key) if c.name == "name" else c)
    sources = ds.sources[ds.sources.record_type == "instrument"].groupby("record_id")
    rows, keys = [], []
    for r in inst.itertuples(index=False):
        original = f'<br><span class="small">{E(r.title)}</span>' if r.title != r.title_en else ""
        links = _links(sources.get_group(r.instrument_id)) if r.instrument_id in sources.groups else ""
        rows.append([E(r.name), f'<span title="{E(r.summary, quote=True)}">{E(r.title_en)}</span>{original}',
                     E(cb.label("direction", r.direction, lang)), E(_labels("category", r.categories, lang)),
                     _cell(r.severity), _cell(r.adopted_year), E(cb.label("instrument_status", r.status, lang)), links])
        keys.append([_sort_key(r.name)] + [""] * 7)
    return _table("instruments", lang, ["country", "title_en", "direction", "categories", "severity", "adopted_year",
                                        "status", "sources"], rows, keys)


def cases_table(ds, lang: str, iso3: str | None = None) -> str:
    cases = ds.cases if iso3 is None else ds.cases[ds.cases.iso3 == iso3]
    cases = cases.assign(name=lambda d: d.iso3.map(lambda i: name(i, lang)))
    cases = cases.sort_values(["name", "year", "case_id"], key=lambda c: c.map(_sort_key) if c.name == "name" else c,
                              kind="stable")
    sources = ds.sources[ds.sources.record_type == "case"].groupby("record_id")
    rows, keys = [], []
    for r in cases.itertuples(index=False):
        links = _links(sources.get_group(r.case_id)) if r.case_id in sources.groups else ""
        rows.append([E(r.name), _cell(r.year), E(_labels("reprisal_type", r.reprisal_types, lang)),
                     E(cb.label("target_type", r.target_type, lang)), E(_cell(r.target_name)),
                     E(_labels("theme", r.themes, lang)), E(_cell(r.summary)),
                     E(cb.label("disclosure", r.disclosure, lang)), links])
        keys.append([_sort_key(r.name)] + [""] * 8)
    return _table("cases", lang, ["country", "year", "reprisal_types", "target_type", "target_name", "themes",
                                  "summary", "disclosure", "sources"], rows, keys)



def checks_table(ds, lang: str, iso3: str) -> str:
    """One jurisdiction's checklist: every law family, what was found, when, and in which sources."""
    checks = ds.checks[ds.checks.iso3 == iso3]
    sources = ds.sources[ds.sources.record_type == "check"].groupby("record_id")
    rows, keys = [], []
    for r in checks.itertuples(index=False):
        rid = f"{iso3}:{r.family}"
        links = _links(sources.get_group(rid)) if rid in sources.groups else ""
        rows.append([E(cb.label("family", r.family, lang)), E(cb.label("check_status", r.check_status, lang)),
                     _cell(r.checked_on), E(_cell(r.note)), links])
        keys.append([""] * 5)
    return _table("checks", lang, ["family", "check_status", "checked_on", "note", "sources"], rows, keys)
