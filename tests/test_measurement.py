"""The measurement rules: one in-force rule read by every output, history before the assessed period
missing, the checklist keeping 'none found' apart from 'not checked', and an index that separates."""

import datetime as dt

import pandas as pd
import pytest

import solidarity_data as sd
from solidarity_data import codebook as cb
from solidarity_data import figures
from tests.conftest import FIXTURES

THIS_YEAR = dt.date.today().year


@pytest.fixture(scope="module")
def history():
    """EGY: laws of 2002 → 2017 → 2019 linked as superseded, a struck-down decree, a repealed order, a
    suspended rule, an adopted act awaiting entry into force and a bill; history reviewed from 2000."""
    return sd.load(FIXTURES / "history")


def years_of(ds, instrument_id):
    y = ds.instrument_years
    return list(y[y.instrument_id == instrument_id].year)


def test_the_in_force_rule(history):
    assert years_of(history, "EGY-2002-ngo-law") == list(range(2002, 2017))  # superseded in 2017
    assert years_of(history, "EGY-2017-ngo-law") == [2017, 2018]
    assert years_of(history, "EGY-2019-ngo-law") == list(range(2019, THIS_YEAR + 1))
    assert years_of(history, "EGY-2015-cooperation-decree") == [2015]  # struck down in 2016
    assert years_of(history, "EGY-2011-travel-order") == [2011, 2012]  # repealed in 2013
    assert years_of(history, "EGY-2022-permit-rule") == [2022]  # suspended in 2023
    assert years_of(history, "EGY-2024-awaiting-entry") == []  # pending: never in force
    assert years_of(history, "EGY-2025-foreign-agents-bill") == []


def test_instruments_carry_their_start_and_end_years(history):
    inst = history.instruments.set_index("instrument_id")
    assert inst.loc["EGY-2002-ngo-law", ["start_year", "end_year"]].tolist() == [2002, 2017]
    assert inst.loc["EGY-2002-ngo-law", "replaced_by"] == "EGY-2017-ngo-law"
    assert inst.loc["EGY-2021-ngo-amendment", "amends"] == "EGY-2019-ngo-law"
    assert pd.isna(inst.loc["EGY-2024-awaiting-entry", "start_year"])


def test_years_before_the_reviewed_period_are_missing_not_zero(history):
    cy = history.country_year().set_index("year")
    assert not cy.loc[1995, "covered"] and pd.isna(cy.loc[1995, "restrictive_in_force"])
    assert pd.isna(cy.loc[1995, "restriction_index"]) and pd.isna(cy.loc[1995, "restriction_class"])
    assert cy.loc[2000, "covered"] and cy.loc[2000, "restrictive_in_force"] == 0
    assert cy.loc[2000, "restriction_class"] == "none_found"
    fam = history.country_year_family()
    assert fam[fam.year == 1995].instruments_in_force.isna().all()


def test_every_output_agrees_with_the_in_force_table(history):
    cy = history.country_year().set_index("year")
    in_force = history.instrument_years.groupby("year").instrument_id.nunique()
    for year in (2012, 2015, 2016, 2017, 2022, 2023, THIS_YEAR):
        assert cy.loc[year, "restrictive_in_force"] == in_force.get(year, 0), year
    # the country timeline draws exactly the years in force, and no pending text
    tl = figures.country_timeline(history, "EGY")
    bars = {i[0]: (b, b + x) for tr in tl.data for i, b, x in zip(tr.customdata, tr.base, tr.x)}
    assert set(bars) == set(history.instrument_years.instrument_id)
    assert bars["EGY-2017-ngo-law"] == (2017, 2019)
    # the map's year slider classes every year as the panel does
    fig = figures.restrictions_map(history, year=THIS_YEAR, slider=True)
    egy = list(fig.data[0].locations).index("EGY")
    classes = [None, "none_found"] + [name for name, _ in cb.RESTRICTION_BREAKS]
    for step in fig.layout.sliders[0].steps:
        year = int(step.label)
        expected = cy.loc[year, "restriction_class"] if cy.loc[year, "covered"] else None
        assert classes[step.args[0]["z"][0][egy]] == expected, year
    # the report's headline numbers and the figures' alt texts read the same table
    from solidarity_data.report.page import _headline

    now = history.instrument_years[history.instrument_years.year == THIS_YEAR].instrument_id.nunique()
    assert f"<b>{now}</b>" in _headline(history, "en")
    built = figures.build_figures(history, ["en"], only=["adoption_timeline"])[("adoption_timeline", "en")]
    leader = max(built.static.data, key=lambda tr: tr.y[-1])
    assert f"{leader.name} leads with {leader.y[-1]} instrument" in built.alt


def test_the_checklist_keeps_none_found_apart_from_not_checked(fixture_ds):
    checks = fixture_ds.checks.set_index(["iso3", "family"])
    assert checks.loc[("HUN", "foreign_organisations"), "check_status"] == "none_found"
    assert checks.loc[("HUN", "security_offences"), "check_status"] == "not_checked"
    assert checks.loc[("HUN", "foreign_funding"), "instrument_ids"] == "HUN-2017-foreign-funded;HUN-2018-special-tax"
    assert checks.loc[("HUN", "foreign_organisations"), "source_urls"] == (
        "https://example.org/hun/monitor https://example.org/hun/gazette")
    assert "MEX" not in set(fixture_ds.checks.iso3)  # not assessed: no checklist at all
    fam = fixture_ds.country_year_family().set_index(["iso3", "family", "year"])
    assert fam.loc[("HUN", "foreign_organisations", 2020), "instruments_in_force"] == 0
    assert pd.isna(fam.loc[("HUN", "security_offences", 2020), "instruments_in_force"])


def test_the_checklist_table_counts_each_family_once_per_assessed_jurisdiction(fixture_ds):
    table = fixture_ds.checklist()
    assert list(table.index) == cb.FAMILY.values() and list(table.columns) == cb.CHECK_STATUS.values()
    assert (table.sum(axis=1) == len(fixture_ds.assessed())).all()
    assert table.at["security_offences", "not_checked"] >= 1 and table.at["foreign_organisations", "none_found"] >= 1


def test_category_maps_show_families_not_checked(fixture_ds):
    fig = figures.category_map(fixture_ds, "national_security", year=2020)
    z = dict(zip(fig.data[0].locations, fig.data[0].z))
    legend = [tr.name for tr in fig.data[2:]]
    assert legend[z["HUN"]] == "Law family not checked" and legend[z["DEU"]] == "Checked, none in force"
    assert legend[z["MEX"]] == "Not assessed"


def test_on_the_real_data_no_index_class_holds_more_than_35_percent(real_ds):
    cy = real_ds.country_year()
    latest = cy[(cy.year == THIS_YEAR) & cy.covered]
    share = latest.restriction_class.value_counts(normalize=True)
    assert share.max() <= 0.35, share
    assert len(share) >= 5  # none found and at least four index classes


def test_summary_prints_distribution_ranks_and_sensitivity(real_ds, capsys):
    from solidarity_data.cli import main

    assert main(["summary"]) == 0
    out = capsys.readouterr().out
    assert "restriction_class distribution:" in out and "Highest restriction index:" in out
    assert all(variant in out for variant in ("no_aim_weighting", "presence_only", "without_expression"))
    assert "Checklist (assessed jurisdictions per law family)" in out
