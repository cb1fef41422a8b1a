"""Tests on the real data under data/countries (the code tests use tests/fixtures)."""

import pytest

from solidarity_data import countries

FOUNDATION = ["RUS", "HUN", "IND", "ETH", "MEX", "DEU"]
# issue scope → (minimum instruments, minimum exportable cases)
REGIONS = {
    "Europe, Northern America, Central Asia, Oceania": (300, 35),
    "Asia (Eastern, South-eastern, Southern, Western)": (85, 45),
    "Africa": (75, 30),
    "Latin America and the Caribbean": (55, 25),
}


def scope(row) -> str | None:
    if row.subregion == "Central Asia" or row.region in ("Europe", "Oceania") or row.subregion == "Northern America":
        return "Europe, Northern America, Central Asia, Oceania"
    if row.region == "Asia" or row.iso3 == "TWN":
        return "Asia (Eastern, South-eastern, Southern, Western)"
    if row.region == "Africa":
        return "Africa"
    if row.subregion == "Latin America and the Caribbean":
        return "Latin America and the Caribbean"
    return None


def test_every_un_state_and_the_named_territories_have_an_explicit_assessment(real_ds):
    t = countries.table()
    expected = set(t[t.un_member | t.un_observer].iso3) | {"XKX", "TWN", "HKG", "ESH"}
    assert expected - set(real_ds.files) == set()


def test_foundation_jurisdictions_are_fully_coded(real_ds):
    for iso3 in FOUNDATION:
        f = real_ds.files[iso3]
        assert f.assessment.status == "assessed", iso3
        assert len(f.instruments) >= 5, iso3
        directions = {i.direction for i in f.instruments}
        assert directions & {"restricts", "mixed"} and directions & {"facilitates", "mixed"}, iso3


def test_hungarys_2017_law_is_superseded_in_2021_and_leaves_the_panel_in_2021(real_ds):
    law = next(i for i in real_ds.files["HUN"].instruments if i.id == "HUN-2017-foreign-supported-organisations-act")
    assert law.status == "superseded" and law.end_year == 2021 and law.replaced_by
    cyc = real_ds.country_year_category()
    hun = cyc[(cyc.iso3 == "HUN") & (cyc.category == "foreign_agent")].set_index("year")
    assert law.in_force_in(2020) and not law.in_force_in(2021)
    assert hun.loc[2020, "instruments_in_force"] >= 1


def test_russias_foreign_agent_regime_is_in_force_throughout_since_2012(real_ds):
    cyc = real_ds.country_year_category()
    years = set(cyc[(cyc.iso3 == "RUS") & (cyc.category == "foreign_agent")].year)
    assert set(range(2012, 2026)) <= years


def test_every_row_has_a_source_with_an_address(real_ds):
    inst = real_ds.instruments
    assert (inst.source_urls.str.len() > 0).all()
    public = real_ds.cases[real_ds.cases.disclosure == "public_record"]
    assert (public.source_urls.str.len() > 0).all()


def test_names_appear_only_in_public_record_cases(real_ds):
    named = real_ds.cases[real_ds.cases.target_name.notna()]
    assert (named.disclosure == "public_record").all()


def test_reader_facing_notes_carry_no_working_log(real_ds):
    # how coders date their look-ups, and the coding process's own bookkeeping
    log = r"search \((?:pages|docs|code|issues)[^)]*\) ?\d{4}-\d{2}-\d{2}|search budget|gap-pass round"
    for table, column in (("instruments", "notes"), ("instruments", "summary"), ("cases", "summary"),
                          ("checks", "note")):
        text = getattr(real_ds, table)[column].fillna("")
        assert not text.str.contains(log).any(), text[text.str.contains(log)].head(3).tolist()


def test_none_found_rests_on_a_search_not_on_memory_or_a_partial_read(real_ds):
    """'None found' claims the family was searched under its rule in the sources named. A note that says the
    deciding text was not read, or that the finding is the coder's own knowledge, marks a family not checked."""
    gap = (r"coder knowledge|coder's knowledge|own knowledge|recollection|cannot be excluded"
           r"|could not be (?:verified|established|checked|read|reached|confirmed)"
           r"|not (?:been )?(?:read|reviewed|checked|verified|opened|reached)\b|search budget|for this release")
    none_found = real_ds.checks[real_ds.checks.check_status == "none_found"]
    weak = none_found[none_found.note.fillna("").str.contains(gap, case=False)]
    assert weak.empty, weak[["iso3", "family", "note"]].head(5).to_string()


def test_details_from_the_coders_memory_never_carry_high_confidence(real_ds):
    inst = real_ds.instruments
    memory = (inst.notes.fillna("") + " " + inst.summary.fillna("")).str.contains(
        r"coder knowledge|coder's knowledge|own knowledge|recollection|from memory", case=False)
    assert not (memory & (inst.confidence == "high")).any(), inst[memory & (inst.confidence == "high")].instrument_id


@pytest.mark.parametrize("region", list(REGIONS))
def test_regional_coverage_meets_the_coding_targets(real_ds, region):
    in_scope = {row.iso3 for row in countries.table().itertuples() if scope(row) == region}
    inst = real_ds.instruments[real_ds.instruments.iso3.isin(in_scope)]
    cases = real_ds.cases[real_ds.cases.iso3.isin(in_scope)]
    n_inst, n_cases = REGIONS[region]
    assert len(inst) >= n_inst and len(cases) >= n_cases, (len(inst), len(cases))
    checks = real_ds.checks[real_ds.checks.iso3.isin(in_scope)]
    unchecked = (checks.check_status == "not_checked").groupby(checks.side).mean()
    assert unchecked["facilitates"] <= unchecked["restricts"] + 0.1, "the facilitating side is searched as carefully"


@pytest.mark.parametrize("region", list(REGIONS))
def test_regional_history_checklist_and_themes(real_ds, region):
    """The regional coding issues: every family checked or a reason given, predecessor laws coded since
    1990, at least 95% of cases with a theme."""
    in_scope = {row.iso3 for row in countries.table().itertuples() if scope(row) == region}
    assessed = [i for i in real_ds.assessed() if i in in_scope]
    for iso3 in assessed:
        for family, check in real_ds.files[iso3].checks.items():
            assert check.status != "not_checked" or check.note, f"{iso3}: {family} not checked, no reason given"
    inst = real_ds.instruments[real_ds.instruments.iso3.isin(in_scope)]
    assert (inst.status == "superseded").sum() >= 5, "predecessor laws are coded"
    assert inst.start_year.min() <= 1990
    cases = real_ds.cases[real_ds.cases.iso3.isin(in_scope) & (real_ds.cases.disclosure == "public_record")]
    assert (cases.themes.fillna("") != "").mean() >= 0.95
