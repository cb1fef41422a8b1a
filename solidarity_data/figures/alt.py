"""Alt text: one sentence per figure stating what it shows, with numbers read from the figure itself
(the classes it draws, the bars and lines it plots), so that text and picture cannot disagree."""

from __future__ import annotations

from collections import Counter

from .. import codebook as cb
from ..labels import label, plural, quote
from .maps import classify


def _map(ds, spec, fig, lang: str) -> str:
    drawn = dict(zip(fig.data[0].locations, fig.data[0].z))  # jurisdiction → class drawn
    year = fig.layout.meta["year"]
    classes = classify(ds, year, lang, spec.kind, spec.kwargs.get("category"))
    counts = Counter(drawn.values())
    assessed, na = sum(n for k, n in counts.items() if k > 0), counts.get(0, 0)
    above = sum(n for k, n in counts.items() if k >= 2)  # classes after 'not assessed' and 'none found'
    if spec.kind == "restrictions":
        top = len(classes.legend) - 1
        what = label("alt.restrictions_map", lang, top=counts.get(top, 0),
                     top_label=quote(classes.legend[top][0], lang))
    elif spec.kind == "facilitation":
        what = label("alt.facilitation_map", lang)
    elif spec.kind == "balance":
        above = counts.get(1, 0) + counts.get(2, 0)  # the two classes below zero
        what = label("alt.balance_map", lang)
    elif spec.kind == "cases":
        what = label("alt.cases_map", lang, total=plural("count.public_case", len(ds.cases), lang))
    else:
        above = sum(n for k, n in counts.items() if k >= 3)  # after 'not checked' and 'checked, none'
        category = cb.label("category", spec.kwargs["category"], lang)
        what = label("alt.category_map", lang, category=quote(category, lang))
    return plural("alt.map", above, lang, year=year, assessed=assessed, what=what, na=na)


def _bars(fig) -> dict[str, float]:
    totals: dict[str, float] = {}
    for tr in fig.data:
        for y, x in zip(tr.y, tr.x):
            totals[y] = totals.get(y, 0) + x
    return totals


def alt_text(ds, spec, fig, lang: str = "en") -> str:
    """The alt text of a built figure of the figure set."""
    if spec.is_map:
        return _map(ds, spec, fig, lang)
    total = plural("count.public_case", len(ds.cases), lang)
    if spec.name == "reprisal_types":
        ranked = sorted(_bars(fig).items(), key=lambda kv: -kv[1]) + [("—", 0)] * 2
        return label("alt.reprisal_types", lang, total=total, first=ranked[0][0], n1=int(ranked[0][1]),
                     second=ranked[1][0], n2=int(ranked[1][1]))
    if spec.name == "reprisal_types_by_region":
        by = sorted(((tr.name, tr.meta[1]) for tr in fig.data), key=lambda kv: -kv[1])  # meta: region, cases
        return label("alt.reprisal_types_by_region", lang, total=total, first=by[0][0] if by[0][1] else "—",
                     n1=by[0][1])
    if spec.name == "reprisal_heatmap":
        heat = fig.data[0]  # meta: per row, the jurisdiction and its number of cases
        rows = sorted(zip(heat.y, (n for _, n in heat.meta)), key=lambda kv: -kv[1]) or [("—", 0)]
        return label("alt.reprisal_heatmap", lang, n=len(heat.y), first=rows[0][0],
                     count=plural("count.case", rows[0][1], lang))
    if spec.name == "adoption_timeline":
        leader = max(fig.data, key=lambda tr: tr.y[-1])
        return label("alt.adoption_timeline", lang, year=fig.data[0].x[-1], first=leader.name,
                     count=plural("count.instrument", int(leader.y[-1]), lang))
    if spec.name == "themes_by_type":
        heat = fig.data[0]  # meta: per row, its theme and how many cases it holds
        rows = [(y, theme, n) for y, (theme, n) in zip(heat.y, heat.meta)]
        first = max(((y, n) for y, theme, n in rows if theme != "not_coded" and n), key=lambda kv: kv[1],
                    default=("—", 0))
        not_coded = next((n for _, theme, n in rows if theme == "not_coded"), 0)
        return label("alt.themes_by_type", lang, total=total, first=first[0], n1=first[1],
                     not_coded=plural("count.case", not_coded, lang))
    heat = fig.data[0]
    return label("alt.category_region", lang, total=int(sum(sum(r) for r in heat.z)), year=fig.layout.meta["year"])
