"""The report's methodology section, in the page's language: the law families, their inclusion rules and
how many jurisdictions each was checked in, the indices (dimensions, weights, classes), how the index
ranks jurisdictions today and how that ranking moves under other choices (computed from the data, never
typed), the derived measures, the severity rubric and the categories."""

from __future__ import annotations

import html

from .. import codebook as cb
from ..countries import name
from ..labels import label

E = html.escape


def _families(ds, lang: str) -> str:
    checklist = ds.checklist()
    statuses = list(checklist.columns)
    rows = "".join(f"<tr><td><b>{E(f.label(lang))}</b></td><td>{E(cb.label('direction', f.side, lang))}</td>"
                   f"<td>{E(f.rule_in(lang))}</td>"
                   + "".join(f"<td>{checklist.at[f.value, s]}</td>" for s in statuses) + "</tr>"
                   for f in cb.FAMILY)
    return (f"<h3>{E(label('report.families', lang))}</h3><p>{E(cb.FAMILY.description(lang))}</p>"
            f"<table><thead><tr><th>{E(label('report.column.family', lang))}</th>"
            f"<th>{E(label('report.column.direction', lang))}</th><th>{E(label('report.column.rule', lang))}</th>"
            + "".join(f"<th>{E(cb.label('check_status', s, lang))}</th>" for s in statuses)
            + "</tr></thead><tbody>" + rows + "</tbody></table>")


def _dimensions(dims, lang: str) -> str:
    rows = "".join(f"<tr><td>{E(d.label(lang))}</td><td>"
                   + "; ".join(f"{E(cb.label('category', c, lang))} ({w:g})" for c, w in d.weights.items())
                   + "</td></tr>" for d in dims)
    return (f"<table><thead><tr><th>{E(label('report.column.dimension', lang))}</th>"
            f"<th>{E(label('report.column.weights', lang))}</th></tr></thead><tbody>{rows}</tbody></table>")


def _validity(ds, lang: str) -> str:
    from ..figures.maps import default_year
    from ..indicators import SENSITIVITY, classify, dimension_scores, sensitivity

    year = default_year()
    dims = dimension_scores(ds, year)
    sens = sensitivity(ds, year)
    ranked = sens.baseline.sort_values(ascending=False, kind="stable")
    labels = {d.value: d.label(lang) for d in cb.RESTRICTION_DIMENSIONS}

    def row(iso3):
        why = "; ".join(f"{E(labels[d])} {s:g}" for d, s in dims.loc[iso3].items() if s)
        return f"<tr><td>{E(name(iso3, lang))}</td><td>{ranked[iso3]:g}</td><td>{why}</td></tr>"

    head = (f"<thead><tr><th>{E(label('report.column.country', lang))}</th>"
            f"<th>{E(cb.formula_label('restriction_index', lang))}</th>"
            f"<th>{E(label('report.column.dimension_scores', lang))}</th></tr></thead>")
    top = "".join(row(i) for i in ranked.head(10).index)
    low = "".join(row(i) for i in ranked[ranked > 0].tail(5).index)
    base = classify(sens.baseline, cb.RESTRICTION_BREAKS)
    best = set(ranked.head(10).index)
    moves = "".join(
        f"<tr><td>{E(label(f'report.variant.{v}', lang))}</td>"
        f"<td>{sens.baseline.rank().corr(sens[v].rank()):.2f}</td>"
        f"<td>{(classify(sens[v], cb.RESTRICTION_BREAKS) != base).mean():.0%}</td>"
        f"<td>{len(best & set(sens[v].nlargest(10).index))}/10</td></tr>" for v in SENSITIVITY)
    return (f"<h3>{E(label('report.validity', lang, year=year))}</h3><p>{E(label('report.validity_intro', lang))}</p>"
            f"<h4>{E(label('report.highest', lang))}</h4><table>{head}<tbody>{top}</tbody></table>"
            f"<h4>{E(label('report.lowest', lang))}</h4><table>{head}<tbody>{low}</tbody></table>"
            f"<h4>{E(label('report.sensitivity', lang))}</h4><p>{E(label('report.sensitivity_intro', lang))}</p>"
            f"<table><thead><tr><th>{E(label('report.column.variant', lang))}</th>"
            f"<th>{E(label('report.column.rank_correlation', lang))}</th>"
            f"<th>{E(label('report.column.class_changes', lang))}</th>"
            f"<th>{E(label('report.column.top10_overlap', lang))}</th></tr></thead><tbody>{moves}</tbody></table>")


def section(ds, lang: str) -> str:
    measures = "".join(f"<dt><b>{E(cb.formula_label(n, lang))}</b> (<code>{E(n)}</code>)</dt>"
                       f"<dd>{E(cb.formula_text(n, lang))}</dd>" for n in cb.MEASURES)
    severity = "".join(f"<li><b>{t.value} — {E(t.label(lang))}</b>: {E(t.definition_in(lang))}</li>"
                       for t in cb.SEVERITY)
    categories = "".join(f"<li><b>{E(t.label(lang))}</b> ({E(cb.label('direction', t.side, lang))}): "
                         f"{E(t.definition_in(lang))}</li>" for t in cb.CATEGORY)
    return (f"<p>{E(label('report.method_intro', lang))}</p>" + _families(ds, lang)
            + f"<h3>{E(label('report.indices', lang))}</h3><p>{E(label('report.indices_intro', lang))}</p>"
            + f"<h4>{E(cb.formula_label('restriction_index', lang))}</h4>{_dimensions(cb.RESTRICTION_DIMENSIONS, lang)}"
            + f"<h4>{E(cb.formula_label('facilitation_index', lang))}</h4>"
            + _dimensions(cb.FACILITATION_DIMENSIONS, lang)
            + _validity(ds, lang)
            + f"<h3>{E(label('report.measures', lang))}</h3><dl>{measures}</dl>"
            + f"<h3>{E(cb.SEVERITY.title(lang))}</h3><ul>{severity}</ul>"
            + f"<h3>{E(cb.CATEGORY.title(lang))}</h3><ul>{categories}</ul>")
