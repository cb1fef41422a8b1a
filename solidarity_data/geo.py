"""World boundaries from the vendored Natural Earth files → GeoDataFrame keyed on iso3, and a light
GeoJSON for plotly. geopandas is imported only when a map is asked for."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from .paths import GEO_DIR

# Features of the atlas that are not jurisdictions of their own in the UN view, merged into the State
# they belong to: Ashmore and Cartier Islands and the Indian Ocean Territories (Australia), Somaliland
# (Somalia), northern Cyprus (Cyprus).
MERGE_INTO = {"ATC": "AUS", "IOA": "AUS", "SOL": "SOM", "CYN": "CYP"}
# Areas whose status is disputed and that no State is drawn as holding (drawn grey, without data).
DISPUTED = {"KAS": "Siachen Glacier"}
# States with no polygon at 50m (Vatican City): drawn as a marker at this point (lon, lat).
MISSING_POINTS = {"VAT": (12.4534, 41.9029)}
MICROSTATE_KM2 = 2_600  # below this area a State is hard to see on a world map: also drawn as a marker


@cache
def world(scale: str = "50m"):
    """One row per iso3 with a valid (multi)polygon or, where the scale has none, a point.

    Columns: iso3, geometry, area_km2, microstate, lon, lat (a representative point for markers).
    """
    import geopandas as gpd
    import pandas as pd
    from pyproj import Geod
    from shapely.geometry import Point

    raw = gpd.read_file(GEO_DIR / f"{scale}.json", layer="countries").set_crs(4326)
    raw["geometry"] = raw.geometry.map(_unwrap_antimeridian).make_valid()
    raw = raw[~raw["a3"].isin(DISPUTED)]
    raw["iso3"] = raw["a3"].replace(MERGE_INTO)
    gdf = raw[~raw.geometry.is_empty].dissolve(by="iso3", as_index=False)[["iso3", "geometry"]]
    points = [{"iso3": k, "geometry": Point(*xy)} for k, xy in MISSING_POINTS.items() if k not in set(gdf.iso3)]
    if points:
        gdf = pd.concat([gdf, gpd.GeoDataFrame(points, crs=4326)], ignore_index=True)
    geod = Geod(ellps="WGS84")  # geodesic: correct for the longitudes > 180 of unwrapped rings
    gdf["area_km2"] = [abs(geod.geometry_area_perimeter(g)[0]) / 1e6 for g in gdf.geometry]
    gdf["microstate"] = gdf["area_km2"] < MICROSTATE_KM2
    rep = gdf.geometry.representative_point()
    gdf["lon"], gdf["lat"] = rep.x.round(3), rep.y.round(3)
    return gdf.sort_values("iso3", ignore_index=True)


def _unwrap_antimeridian(geom):
    """Rings that cross the antimeridian (eastern Russia, a Fiji islet) jump from +180 to −180 in
    the atlas: fine on a sphere (d3), but planar shapely would make them span the globe. Shift their
    western longitudes by +360 so each ring is continuous (d3 and plotly accept longitudes > 180)."""
    import shapely
    from shapely.geometry import MultiPolygon

    parts = list(geom.geoms) if geom.geom_type == "MultiPolygon" else [geom]
    if not any(p.bounds[2] - p.bounds[0] > 180 for p in parts if not p.is_empty):
        return geom
    fixed = [shapely.transform(p, lambda xy: xy + [[360, 0]] * (xy[:, :1] < 0)) if p.bounds[2] - p.bounds[0] > 180
             else p for p in parts]
    return MultiPolygon(fixed)


def disputed_areas(scale: str = "50m"):
    """Disputed areas drawn without data (no State is shown holding them)."""
    import geopandas as gpd

    raw = gpd.read_file(GEO_DIR / f"{scale}.json", layer="countries").set_crs(4326)
    return raw[raw["a3"].isin(DISPUTED)].assign(name=lambda d: d["a3"].map(DISPUTED))[["a3", "name", "geometry"]]


@cache
def plotly_geojson(tolerance: float = 0.15, min_part_deg2: float = 0.2) -> dict:
    """Simplified GeoJSON FeatureCollection (feature id = iso3) light enough to embed in every map.

    Small islands are dropped from multi-part countries (the largest part always stays), shapes are
    simplified and coordinates rounded to 0.01°, which keeps a full world map near 200 kB.
    """
    import shapely
    from shapely.geometry import MultiPolygon, Polygon, mapping
    from shapely.geometry.polygon import orient

    def lighten(geom):
        if geom.geom_type == "Point":
            return geom
        parts = list(geom.geoms) if hasattr(geom, "geoms") else [geom]
        parts = [p for p in parts if isinstance(p, Polygon)]
        biggest = max(parts, key=lambda p: p.area)
        keep = [p for p in parts if p is biggest or p.area >= min_part_deg2]
        out = shapely.set_precision(MultiPolygon(keep).simplify(tolerance, preserve_topology=True), 0.01)
        out = out if not out.is_empty else shapely.set_precision(biggest, 0.01)
        # d3-geo (plotly.js) reads rings on the sphere: an exterior ring must run clockwise, or the
        # polygon is taken to be the rest of the globe. GeoJSON (RFC 7946) says the opposite.
        polys = list(out.geoms) if hasattr(out, "geoms") else [out]
        return MultiPolygon([orient(p, sign=-1.0) for p in polys if isinstance(p, Polygon)])

    features = []
    gdf = world("50m")
    for iso3, geom in zip(gdf["iso3"], gdf.geometry):
        if geom.geom_type == "Point" or iso3 == "ATA":
            continue  # points are drawn as markers; Antarctica is outside the maps' latitude range
        features.append({"type": "Feature", "id": iso3, "properties": {},
                         "geometry": json.loads(json.dumps(mapping(lighten(geom))))})
    return {"type": "FeatureCollection", "features": features}


def geojson_size(geojson: dict) -> int:
    """Bytes of the compact JSON of a GeoJSON object."""
    return len(json.dumps(geojson, separators=(",", ":")))


# Indicator columns joined to the boundaries (besides the country columns).
GEO_COLUMNS = ("restriction_index", "restriction_class", "facilitation_index", "facilitation_class", "balance",
               "restrictive_in_force", "facilitating_in_force")


def indicators(ds, year: int | None = None):
    """A GeoDataFrame: every jurisdiction of ``ds.countries`` (the same rows), its boundary (empty where
    the atlas has none) and its indicators in ``year`` (default: this year; empty where not assessed
    or not covered)."""
    import datetime as dt

    import geopandas as gpd

    year = year or dt.date.today().year
    cy = ds.country_year()
    cy = cy[cy.year == year].set_index("iso3")[list(GEO_COLUMNS)]
    base = ds.countries.merge(world("50m")[["iso3", "geometry"]], on="iso3", how="left")
    base = base.join(cy, on="iso3")
    base.insert(base.columns.get_loc("geometry"), "year", year)
    return gpd.GeoDataFrame(base, geometry="geometry", crs=4326)


def write_geopackage(ds, path: Path, year: int | None = None) -> Path:
    """The indicators × boundaries as a GeoPackage (one layer, the UN disclaimer in its metadata),
    written atomically."""
    import os

    import pyogrio

    from .labels import label

    gdf = indicators(ds, year)
    for col in gdf.columns:  # GeoPackage has no nullable integers: write them as floats
        if str(gdf[col].dtype) in ("Int64", "boolean"):
            gdf[col] = gdf[col].astype("float64" if str(gdf[col].dtype) == "Int64" else "object")
    notes = f"{label('figure.disclaimer', 'en')} {label('figure.kosovo_note', 'en')}"
    path = Path(path)
    tmp = path.with_name(f".{path.stem}.partial.gpkg")  # GDAL wants the .gpkg extension
    try:
        pyogrio.write_dataframe(gdf, tmp, layer="countries", driver="GPKG",
                                layer_metadata={"DESCRIPTION": f"solidarity-data {ds.release} indicators, "
                                                               f"{int(gdf.year.iloc[0])}. {notes}",
                                                "DISCLAIMER": notes, "VERSION": ds.version})
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    return path
