from solidarity_data import countries


def test_all_iso_entries_plus_kosovo():
    t = countries.table()
    assert len(t) == 250 and t.iso3.is_unique
    assert t.un_member.sum() == 193
    assert set(t[t.un_observer].iso3) == {"VAT", "PSE"}


def test_un_short_names_in_three_languages():
    assert countries.name("DEU", "fr") == "Allemagne"
    assert countries.name("DEU", "es") == "Alemania"
    assert countries.name("TUR") == "Türkiye"
    assert countries.name("BOL") == "Bolivia (Plurinational State of)"
    assert countries.name("BOL", "fr") == "Bolivie (État plurinational de)"
    assert {countries.name("CIV", lang) for lang in ("en", "fr", "es")} == {"Côte d'Ivoire"}
    assert countries.name("GBR") == "United Kingdom of Great Britain and Northern Ireland"
    assert countries.name("XKX", "fr") == "Kosovo"


def test_every_un_member_has_an_m49_region():
    t = countries.table()
    assert t[t.un_member].region.notna().all()
    row = t.set_index("iso3").loc["MEX"]
    assert (row.region, row.subregion, row.intermediate_region) == (
        "Americas", "Latin America and the Caribbean", "Central America")
    assert t.set_index("iso3").at["CYP", "subregion"] == "Western Asia"
    assert t.set_index("iso3").at["KAZ", "subregion"] == "Central Asia"
    assert countries.region_label("202", "fr") == "Afrique subsaharienne"


def test_counts_by_region_match_m49():
    members = countries.table().query("un_member")
    assert members.region.value_counts().to_dict() == {
        "Africa": 54, "Asia": 47, "Europe": 43, "Americas": 35, "Oceania": 14}
