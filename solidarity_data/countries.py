"""Jurisdictions: ISO 3166-1 (pycountry) plus Kosovo, UN-style names in en/fr/es, UN M49 regions.

Names come from pycountry's gettext catalogues (the Debian iso-codes translations), corrected to the
UN short form by one reviewed table (``data/names_override.csv``). Regions come from a curated UN M49
table shipped in the package (pycountry has none); their names are label-catalogue entries.
"""

from __future__ import annotations

import csv
import gettext
from functools import cache
from importlib.resources import files

from .codebook import LANGS
from .labels import label

UN_MEMBERS = frozenset("""
AFG ALB DZA AND AGO ATG ARG ARM AUS AUT AZE BHS BHR BGD BRB BLR BEL BLZ BEN BTN BOL BIH BWA BRA BRN BGR
BFA BDI CPV KHM CMR CAN CAF TCD CHL CHN COL COM COG CRI CIV HRV CUB CYP CZE PRK COD DNK DJI DMA DOM ECU
EGY SLV GNQ ERI EST SWZ ETH FJI FIN FRA GAB GMB GEO DEU GHA GRC GRD GTM GIN GNB GUY HTI HND HUN ISL IND
IDN IRN IRQ IRL ISR ITA JAM JPN JOR KAZ KEN KIR KWT KGZ LAO LVA LBN LSO LBR LBY LIE LTU LUX MDG MWI MYS
MDV MLI MLT MHL MRT MUS MEX FSM MCO MNG MNE MAR MOZ MMR NAM NRU NPL NLD NZL NIC NER NGA MKD NOR OMN PAK
PLW PAN PNG PRY PER PHL POL PRT QAT KOR MDA ROU RUS RWA KNA LCA VCT WSM SMR STP SAU SEN SRB SYC SLE SGP
SVK SVN SLB SOM ZAF SSD ESP LKA SDN SUR SWE CHE SYR TJK THA TLS TGO TON TTO TUN TUR TKM TUV UGA UKR ARE
GBR TZA USA URY UZB VUT VEN VNM YEM ZMB ZWE
""".split())
UN_OBSERVER_STATES = frozenset({"VAT", "PSE"})


def _csv(name: str) -> list[dict]:
    with files("solidarity_data").joinpath("data", name).open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


@cache
def _translators():
    import pycountry

    return {lang: gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang], fallback=True)
            for lang in LANGS}




@cache
def table():
    """One row per jurisdiction (249 ISO 3166-1 entries + Kosovo), keyed on iso3."""
    import pandas as pd
    import pycountry

    overrides = {r["iso3"]: r for r in _csv("names_override.csv")}
    m49 = {r["iso3"]: r for r in _csv("m49.csv")}
    tr = _translators()
    rows = []
    for c in pycountry.countries:
        names = {lang: tr[lang].gettext(c.name) for lang in LANGS}
        if c.alpha_3 in overrides:
            names = {lang: overrides[c.alpha_3].get(f"name_{lang}") or names[lang] for lang in LANGS}
        rows.append({"iso3": c.alpha_3, "iso2": c.alpha_2, "numeric": c.numeric,
                     **{f"name_{lang}": names[lang] for lang in LANGS}, **_codes(m49.get(c.alpha_3, {}))})
    for r in _csv("non_iso.csv"):
        rows.append({"iso3": r["iso3"], "iso2": r["iso2"], "numeric": r["numeric"] or None,
                     **{f"name_{lang}": r.get(f"name_{lang}") or r["name_en"] for lang in LANGS}, **_codes(r)})
    df = pd.DataFrame(rows)
    df["un_member"] = df["iso3"].isin(UN_MEMBERS)
    df["un_observer"] = df["iso3"].isin(UN_OBSERVER_STATES)
    for col in ("region", "subregion", "intermediate_region"):
        df[col] = df[f"{col}_code"].map(region_label, na_action="ignore")
    columns = (["iso3", "iso2", "numeric"] + [f"name_{lang}" for lang in LANGS]
               + ["un_member", "un_observer", "region", "subregion", "intermediate_region", "region_code",
                  "subregion_code", "intermediate_region_code"])
    return df[columns].sort_values("iso3", ignore_index=True)


def _codes(row: dict) -> dict:
    return {f"{k}_code": (row.get(f"{k}_code") or None) for k in ("region", "subregion", "intermediate_region")}


@cache
def known_iso3() -> frozenset[str]:
    """Every jurisdiction code, read from the small shipped tables (no pandas, no pycountry: fast)."""
    return frozenset(r["iso3"] for r in _csv("m49.csv") + _csv("non_iso.csv"))


@cache
def _names(lang: str) -> dict[str, str]:
    return dict(zip(table()["iso3"], table()[f"name_{lang}"]))


def name(iso3: str, lang: str = "en") -> str:
    """UN-style short name of a jurisdiction, e.g. name('DEU', 'fr') == 'Allemagne'."""
    try:
        return _names(lang)[iso3]
    except KeyError:
        raise KeyError(f"unknown jurisdiction {iso3!r}") from None


def region_label(code: str | None, lang: str = "en") -> str | None:
    """Name of an M49 region code in ``lang`` (catalogue entry ``region.<code>``)."""
    return label(f"region.{code}", lang) if code else None
