from solidarity_data import countries, geo


def test_one_valid_geometry_per_code():
    w = geo.world()
    assert w.iso3.is_unique and w.geometry.is_valid.all() and not w.geometry.is_empty.any()
    assert w.crs.to_epsg() == 4326


def test_every_un_member_has_a_shape_or_a_point():
    t = countries.table()
    members = set(t[t.un_member | t.un_observer].iso3)
    w = geo.world().set_index("iso3")
    assert members <= set(w.index)
    assert w.loc["VAT"].geometry.geom_type == "Point"  # no polygon at 50m
    assert w.loc["SGP"].microstate and w.loc["MLT"].microstate and not w.loc["DEU"].microstate


def test_non_un_features_are_merged_as_the_un_views_them():
    codes = set(geo.world().iso3)
    assert not codes & {"ATC", "IOA", "SOL", "CYN", "KAS"}
    assert "XKX" in codes and "ESH" in codes


def test_plotly_geojson_is_light_and_keyed_on_iso3():
    gj = geo.plotly_geojson()
    ids = {f["id"] for f in gj["features"]}
    assert {"DEU", "IND", "SGP", "MLT", "BHR"} <= ids
    assert geo.geojson_size(gj) < 230_000
