"""Derived country-year measures: counts in force, the restriction and facilitation indices and their
map classes, per-family panels. Formulas and weights are in the codebook; every measure reads the one
in-force table (``Dataset.instrument_years``).
"""

from __future__ import annotations

import pandas as pd

from . import codebook as cb

BY = ["iso3", "year"]


def _span(ds, start: int, end: int) -> pd.DataFrame:
    """(iso3, year, instrument, category, side, severity) for every instrument-year in force, assessed only."""
    years = ds.instrument_years
    years = years[years.iso3.isin(ds.assessed()) & years.year.between(start, end)]
    cats = ds.instrument_categories[["instrument_id", "category", "side"]]
    sev = ds.instruments[["instrument_id", "severity"]]
    span = years.merge(cats, on="instrument_id").merge(sev, on="instrument_id")
    span.loc[span.side != "restricts", "severity"] = pd.NA
    return span


def _covered(ds, grid: pd.DataFrame) -> pd.Series:
    period = {k: ds.files[k].assessment.covered_from for k in ds.assessed()}
    return grid.year >= grid.iso3.map(period)


def _weights(dimensions, scale: int, generic: float | None) -> dict[str, float]:
    """Category → weight; ``generic`` overrides the weight of generic categories (a sensitivity variant)."""
    return {c: (generic if generic is not None and w == cb.GENERIC and scale > 1 else w)
            for d in dimensions for c, w in d.weights.items()}


def _dimension_points(span: pd.DataFrame, dimensions, scale: int, generic: float | None = None) -> pd.Series:
    """The strongest weighted score per (iso3, year, dimension) among the instruments in force."""
    weights = _weights(dimensions, scale, generic)
    dim_of = {c: d.value for d in dimensions for c in d.weights}
    part = span[span.category.isin(dim_of)].copy()
    points = part.severity.astype("float64") if scale > 1 else pd.Series(1.0, index=part.index)
    part["score"] = points * part.category.map(weights)
    part["dimension"] = part.category.map(dim_of)
    return part.groupby(BY + ["dimension"])["score"].max()


def index_scores(span: pd.DataFrame, dimensions, scale: int, generic: float | None = None) -> pd.Series:
    """Index (0–100) per (iso3, year) with any instrument in force: the dimension scores summed, as a
    share of the highest reachable sum."""
    weights = _weights(dimensions, scale, generic)
    top = sum(scale * max(weights[c] for c in d.weights) for d in dimensions)
    per_dim = _dimension_points(span, dimensions, scale, generic)
    return (per_dim.groupby(BY).sum() / top * 100).round(1)


def classify(index: pd.Series, breaks) -> pd.Series:
    """Map class of each index value: none_found at 0, else the band whose lower bound it exceeds."""
    def one(v):
        if pd.isna(v):
            return pd.NA
        if v == 0:
            return "none_found"
        return [name for name, low in breaks if v >= low][-1]

    return index.map(one).astype("object")


def country_year(ds, start: int, end: int) -> pd.DataFrame:
    """The country-year panel (release table ``country_year``)."""
    from .dataset import conform

    grid = pd.MultiIndex.from_product([ds.assessed(), range(start, end + 1)], names=BY).to_frame(index=False)
    span = _span(ds, start, end)
    restr, facil = span[span.side == "restricts"], span[span.side == "facilitates"]
    out = grid.set_index(BY)
    out["restrictive_in_force"] = restr.groupby(BY)["instrument_id"].nunique()
    out["facilitating_in_force"] = facil.groupby(BY)["instrument_id"].nunique()
    out["max_severity"] = restr.groupby(BY)["severity"].max()
    out["restrictive_categories"] = restr.groupby(BY)["category"].nunique()
    out["facilitation_score"] = facil.groupby(BY)["category"].nunique()
    out["restriction_index"] = index_scores(span, cb.RESTRICTION_DIMENSIONS, cb.SEVERITY_MAX)
    out["facilitation_index"] = index_scores(span, cb.FACILITATION_DIMENSIONS, 1)
    law = list(out.columns)
    out = out.fillna(0)
    out["balance"] = out["facilitation_score"] - out["restrictive_categories"]
    out["restriction_class"] = classify(out["restriction_index"], cb.RESTRICTION_BREAKS)
    out["facilitation_class"] = classify(out["facilitation_index"], cb.FACILITATION_BREAKS)
    checked = ds.checks[ds.checks.check_status != "not_checked"].groupby("iso3").size()
    out = out.reset_index()
    out["families_checked"] = out.iso3.map(checked).fillna(0)
    out["covered"] = _covered(ds, out)
    law += ["balance", "restriction_class", "facilitation_class", "families_checked"]
    out.loc[~out.covered, law] = pd.NA  # before the reviewed period: missing, not zero
    out = out.merge(_case_counts(ds, start, end), on=BY, how="left")
    return conform(out.fillna({c: 0 for c in out.columns if c.startswith(("public_cases", "cases_"))}),
                   "country_year")


def _case_counts(ds, start: int, end: int) -> pd.DataFrame:
    cases = ds.cases[ds.cases.iso3.isin(ds.assessed()) & ds.cases.year.between(start, end)]
    types = ds.case_types[ds.case_types.case_id.isin(cases.case_id)]
    out = pd.DataFrame({"public_cases": cases.groupby(BY)["case_id"].nunique()})
    for t in cb.REPRISAL_TYPE.values():
        out[f"cases_{t}"] = types[types.reprisal_type == t].groupby(BY)["case_id"].nunique()
    return out.reset_index()


def country_year_category(ds, start: int, end: int) -> pd.DataFrame:
    """Instruments in force and maximum severity per jurisdiction, year and category (rows in force only)."""
    span = _span(ds, start, end)
    out = span.groupby(BY + ["category", "side"], as_index=False).agg(
        instruments_in_force=("instrument_id", "nunique"), max_severity=("severity", "max"))
    return out.astype({"max_severity": "Int64", "instruments_in_force": "Int64"})


def country_year_family(ds, start: int, end: int) -> pd.DataFrame:
    """Check status and instruments in force per jurisdiction, year and law family. Counts are missing
    where the family was not checked or the year is before the assessment's period."""
    span = _span(ds, start, end)
    span["family"] = span.category.map(cb.CATEGORY_FAMILY)
    agg = span.dropna(subset=["family"]).groupby(BY + ["family"]).agg(
        instruments_in_force=("instrument_id", "nunique"), max_severity=("severity", "max"))
    checks = ds.checks[["iso3", "family", "side", "check_status"]]
    grid = checks.merge(pd.DataFrame({"year": range(start, end + 1)}), how="cross")
    out = grid.merge(agg.reset_index(), on=BY + ["family"], how="left")
    out["instruments_in_force"] = out.instruments_in_force.fillna(0).astype("Int64")
    out["max_severity"] = out.max_severity.astype("Int64")
    unknown = (out.check_status == "not_checked") | ~_covered(ds, out)
    out.loc[unknown, ["instruments_in_force", "max_severity"]] = pd.NA
    return out[BY + ["family", "side", "check_status", "instruments_in_force", "max_severity"]]


def checklist_table(ds) -> pd.DataFrame:
    """Assessed jurisdictions per law family (rows, codebook order) and check status (columns): how far
    each family's "none found" can be compared between countries."""
    counts = ds.checks.groupby(["family", "check_status"]).size().unstack(fill_value=0)
    return counts.reindex(index=cb.FAMILY.values(), columns=cb.CHECK_STATUS.values(), fill_value=0)


def dimension_scores(ds, year: int) -> pd.DataFrame:
    """Restriction dimension scores (severity × weight, 0–3) per assessed jurisdiction in ``year``: the
    reasons behind each index value."""
    points = _dimension_points(_span(ds, year, year), cb.RESTRICTION_DIMENSIONS, cb.SEVERITY_MAX)
    table = points.droplevel("year").unstack(fill_value=0.0)
    return table.reindex(index=ds.assessed(), columns=[d.value for d in cb.RESTRICTION_DIMENSIONS], fill_value=0.0)


# Sensitivity variants of the restriction index: name → (description, how the span or weights change).
SENSITIVITY = {
    "no_aim_weighting": "generic laws weigh as much as laws aimed at civil society (weight 1 instead of 0.5)",
    "generic_quarter": "generic laws weigh 0.25 instead of 0.5",
    "presence_only": "severity ignored: every restricting instrument in force scores 3",
    "without_expression": "the expression-and-assembly dimension left out",
}


def sensitivity(ds, year: int) -> pd.DataFrame:
    """The restriction index of every assessed jurisdiction in ``year`` under the baseline and each variant."""
    span = _span(ds, year, year)
    dims, sev = cb.RESTRICTION_DIMENSIONS, cb.SEVERITY_MAX
    variants = {
        "baseline": index_scores(span, dims, sev),
        "no_aim_weighting": index_scores(span, dims, sev, generic=1.0),
        "generic_quarter": index_scores(span, dims, sev, generic=0.25),
        "presence_only": index_scores(span.assign(severity=sev), dims, sev),
        "without_expression": index_scores(span, [d for d in dims if d.value != "expression"], sev),
    }
    out = pd.DataFrame({k: v.droplevel("year") for k, v in variants.items()})
    return out.reindex(ds.assessed()).fillna(0.0)


def summary(ds, year: int) -> str:
    """Text report: class distributions, highest and lowest ranked jurisdictions with the dimensions
    behind them, the checklist per law family, and how the ranking moves under the sensitivity variants."""
    from .countries import name

    cy = ds.country_year()
    row = cy[(cy.year == year) & cy.covered.fillna(False)].set_index("iso3")
    n = len(row)
    lines = [f"Assessed jurisdictions covered in {year}: {n}", ""]
    for which in ("restriction", "facilitation"):
        counts = row[f"{which}_class"].value_counts().reindex(cb.vocabulary(f"{which}_class").values(), fill_value=0)
        lines.append(f"{which}_class distribution:")
        lines += [f"  {k:<12} {v:>4}  {v / n:6.1%}" for k, v in counts.items()]
        lines.append("")
    dims = dimension_scores(ds, year)
    ranked = row.restriction_index.sort_values(ascending=False, kind="stable")
    for title, part in (("Highest restriction index", ranked.head(10)), ("Lowest above 0", ranked[ranked > 0].tail(5))):
        lines.append(f"{title}:")
        for iso3, value in part.items():
            why = ", ".join(f"{d} {s:g}" for d, s in dims.loc[iso3].items() if s)
            lines.append(f"  {iso3} {name(iso3):<32} {value:5.1f}  ({why})")
        lines.append("")
    checklist = ds.checklist()
    lines.append("Checklist (assessed jurisdictions per law family): " + ", ".join(checklist.columns))
    lines += [f"  {family:<30} " + " ".join(f"{v:>5}" for v in counts) for family, counts in checklist.iterrows()]
    lines.append("")
    lines.append("Sensitivity (restriction index; Spearman rank correlation with the baseline, share of "
                 "jurisdictions changing class, overlap of the top 10):")
    sens = sensitivity(ds, year)
    base_class = classify(sens.baseline, cb.RESTRICTION_BREAKS)
    top = set(sens.baseline.nlargest(10).index)
    for variant, description in SENSITIVITY.items():
        rho = sens.baseline.rank().corr(sens[variant].rank())  # Spearman, without scipy
        moved = (classify(sens[variant], cb.RESTRICTION_BREAKS) != base_class).mean()
        overlap = len(top & set(sens[variant].nlargest(10).index))
        lines.append(f"  {variant:<20} rho {rho:.3f}  class changes {moved:6.1%}  top-10 overlap {overlap}/10"
                     f"  ({description})")
    return "\n".join(lines) + "\n"
