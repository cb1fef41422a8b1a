"""Tables and the derived panel, on the synthetic fixtures."""

import pandas as pd
import pytest

import solidarity_data as sd
from solidarity_data.problems import DataError
from tests.conftest import FIXTURES


def panel_row(ds, iso3, year):
    cy = ds.country_year()
    return cy[(cy.iso3 == iso3) & (cy.year == year)].iloc[0]


def test_law_repealed_in_2021_leaves_the_panel_in_2021(fixture_ds):
    assert panel_row(fixture_ds, "HUN", 2020).restrictive_in_force == 2
    assert panel_row(fixture_ds, "HUN", 2021).restrictive_in_force == 1
    assert panel_row(fixture_ds, "HUN", 2016).restrictive_in_force == 0


def test_restriction_index_takes_the_strongest_instrument_per_dimension(fixture_ds):
    # 2018: the 2017 law (severity 2: foreign_funding, foreign_agent, reporting) and the 2018 tax
    # (severity 3: criminalisation, foreign_funding) → funding counts once, at 3; all four categories
    # are aimed at civil society (weight 1): funding 3 + labelling 2 + operations 2 + criminalisation 3
    # of a reachable 18.
    row = panel_row(fixture_ds, "HUN", 2018)
    assert row.restriction_index == round(100 * 10 / 18, 1) and row.restriction_class == "very_high"
    assert row.max_severity == 3
    row = panel_row(fixture_ds, "HUN", 2021)  # the 2017 law was repealed: funding 3 + criminalisation 3
    assert row.restriction_index == round(100 * 6 / 18, 1) and row.restriction_class == "high"


def test_a_generic_law_weighs_half_a_law_aimed_at_civil_society():
    from solidarity_data import codebook as cb
    from solidarity_data.indicators import index_scores

    span = pd.DataFrame({"iso3": ["AAA", "BBB"], "year": [2020, 2020], "instrument_id": ["a", "b"],
                         "category": ["counter_terrorism_aml", "foreign_funding"], "side": ["restricts"] * 2,
                         "severity": [3, 3]})
    scores = index_scores(span, cb.RESTRICTION_DIMENSIONS, cb.SEVERITY_MAX).droplevel("year")
    assert scores["AAA"] * 2 == pytest.approx(scores["BBB"], abs=0.1)


def test_one_criminal_provision_ranks_below_restrictions_of_several_kinds():
    from solidarity_data import codebook as cb
    from solidarity_data.indicators import index_scores

    one = [("AAA", "x", "national_security", 3)]
    several = [("BBB", "y", "foreign_agent", 2), ("BBB", "y", "foreign_funding", 2),
               ("BBB", "z", "registration_dissolution", 1)]
    span = pd.DataFrame([(i, 2020, x, c, "restricts", s) for i, x, c, s in one + several],
                        columns=["iso3", "year", "instrument_id", "category", "side", "severity"])
    scores = index_scores(span, cb.RESTRICTION_DIMENSIONS, cb.SEVERITY_MAX).droplevel("year")
    assert scores["AAA"] < scores["BBB"]


def test_facilitation_counts_categories_in_force(fixture_ds):
    assert panel_row(fixture_ds, "HUN", 2000).facilitation_score == 0
    assert panel_row(fixture_ds, "HUN", 2001).facilitation_score == 1


def test_not_assessed_and_assessed_none_found_stay_different(fixture_ds):
    status = fixture_ds.countries.set_index("iso3")["assessment_status"]
    assert status["DEU"] == "assessed" and status["MEX"] == "not_assessed" and status["FRA"] == "not_assessed"
    cy = fixture_ds.country_year()
    assert set(cy.iso3) == {"HUN", "DEU"}  # not-assessed jurisdictions have no panel rows at all
    deu = cy[cy.iso3 == "DEU"]
    assert (deu.restriction_index == 0).all() and (deu.restriction_class == "none_found").all()


def test_confidential_case_is_counted_nowhere(fixture_ds):
    assert "HUN-2021-secret" not in set(fixture_ds.cases.case_id)
    assert panel_row(fixture_ds, "HUN", 2021).public_cases == 0
    for table in (fixture_ds.cases, fixture_ds.case_types, fixture_ds.sources, fixture_ds.instruments):
        assert not table.astype(str).apply(lambda c: c.str.contains("CONFIDENTIAL-CANARY")).any().any()


def test_anonymised_case_keeps_only_country_year_types_and_target(fixture_ds):
    anon = fixture_ds.cases[fixture_ds.cases.disclosure == "anonymised"].iloc[0]
    assert anon.case_id == "HUN-2020-anonymised_1" and anon.reprisal_types == "surveillance"
    assert anon[["summary", "target_name", "source_urls", "instrument_ids"]].isna().all()
    assert "ANON-CANARY" not in fixture_ds.cases.to_csv()
    assert "https://example.org/hun/anon" not in set(fixture_ds.sources.url)
    assert panel_row(fixture_ds, "HUN", 2020).public_cases == 1


def test_long_tables(fixture_ds):
    cats = fixture_ds.instrument_categories
    assert set(cats[cats.instrument_id == "HUN-2018-special-tax"].category) == {
        "criminalisation_of_solidarity", "foreign_funding"}
    assert set(fixture_ds.case_types.reprisal_type) == {"intimidation", "sanctions", "surveillance"}
    cyc = fixture_ds.country_year_category()
    ff = cyc[(cyc.iso3 == "HUN") & (cyc.year == 2019) & (cyc.category == "foreign_funding")].iloc[0]
    assert ff.instruments_in_force == 2 and ff.max_severity == 3


def test_version_is_keyed_on_content(fixture_ds):
    assert fixture_ds.version.startswith(sd.__version__ + "+data.")
    assert sd.load(FIXTURES).version == fixture_ds.version


def test_load_raises_with_every_problem(tmp_path):
    (tmp_path / "HUN.yaml").write_text((FIXTURES / "bad" / "dates-out-of-order" / "HUN.yaml").read_text())
    (tmp_path / "DEU.yaml").write_text((FIXTURES / "bad" / "unknown-enum" / "HUN.yaml").read_text())
    with pytest.raises(DataError) as e:
        sd.load(tmp_path)
    assert len(e.value.problems) == 3  # DEU.yaml: iso3 mismatch and enum; HUN.yaml: dates


def test_a_cached_load_equals_a_validated_one():
    """The cache rebuilds models without validating them again: on every real country file the rebuilt
    model dumps back to exactly the entry it came from, and behaves like a validated one."""
    from solidarity_data import cache
    from solidarity_data.dataset import DEFAULT_DATA_DIR
    from solidarity_data.validation import validate_file

    for path in sorted((DEFAULT_DATA_DIR / "countries").glob("*.yaml")):
        model, problems = validate_file(path)
        assert model is not None, problems
        entry = cache._publishable(model)
        rebuilt = cache._rebuild(entry)
        assert cache._publishable(rebuilt) == entry, path.name
        assert [i.start_year for i in rebuilt.instruments] == [i.start_year for i in model.instruments], path.name
