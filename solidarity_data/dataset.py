"""Load and validate every country file → a Dataset of tidy pandas tables.

Disclosure is enforced here, at the lowest layer: confidential cases are dropped and anonymised cases
are stripped to country, year, types and target type, so nothing downstream can leak them.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

import pandas as pd

from . import codebook as cb
from .paths import DATA_DIR
from .problems import DataError, Problem

if TYPE_CHECKING:
    from .records import CountryFile

DEFAULT_DATA_DIR = DATA_DIR

LIST_SEP, URL_SEP = cb.LIST_SEP, cb.URL_SEP
_PANDAS_TYPES = {"integer": "Int64", "number": "float64", "boolean": "boolean", "string": "object", "date": "object"}


def country_files(paths: list[Path]) -> tuple[list[Path], list[Problem]]:
    """Every ``*.yaml`` under the given files and folders, sorted, and a problem for each path that
    does not exist or file that will not be read (``.yml``)."""
    out, problems = [], []
    for p in map(Path, paths):
        if p.is_dir() and not p.is_symlink():
            out += sorted(p.glob("*.yaml"))
            problems += [Problem(str(f), 1, "file", "country files end in .yaml; rename it to be read", "file-name")
                         for f in sorted(p.glob("*.yml"))]
        elif p.exists() or p.is_symlink():
            out.append(p)
        else:
            problems.append(Problem(str(p), 1, "file", "no such file or folder", "missing"))
    return out, problems


def _validated(path: Path, fingerprint: bytes) -> tuple[CountryFile | None, list[Problem], bytes]:
    """Validate one file, reusing a cached result keyed on the file's content (never on a clock).
    The model returned holds only what may leave the file (see ``cache``); the bytes are the file's
    name and content, for the data hash, so that a load reads each file once."""
    from . import cache, yamlio

    raw, problems = yamlio.read_bytes(path, str(path))
    if problems:
        return None, problems, b""
    named = path.name.encode() + b"\0" + raw
    entry = cache.key(raw, path.name, fingerprint)
    model = cache.load(entry)
    if model is not None:
        return model, [], named
    from .validation import validate_file  # only on a cache miss: keeps start-up light

    model, problems = validate_file(path)
    if model is None:
        return None, problems, named
    cache.store(entry, model)
    return cache.publishable_model(model), [], named


class Validation(NamedTuple):
    problems: list[Problem]
    n_files: int
    valid: dict[str, CountryFile]
    data_hash: str  # of the files' names and contents: the "+data." part of the version


def validate_paths(paths: list[Path]) -> Validation:
    """Validate files and folders."""
    from .cache import code_fingerprint
    from .countries import known_iso3

    files, problems = country_files(paths)
    known, fingerprint, valid, h = known_iso3(), code_fingerprint(), {}, hashlib.sha256()
    for f in files:
        if f.stem.isupper() and len(f.stem) == 3 and f.stem not in known:
            problems.append(Problem(str(f), 1, "iso3", f"{f.stem!r} is not an ISO 3166-1 alpha-3 code (nor XKX)",
                                    "unknown-iso3"))
            continue
        model, probs, named = _validated(f, fingerprint)
        h.update(named)
        problems += probs
        if model is not None:
            valid[model.iso3] = model
    return Validation(sorted(problems), len(files), valid, h.hexdigest()[:10])


def _join(values, sep: str = LIST_SEP) -> str:
    return sep.join(values)


def _urls(sources) -> str:
    return _join((s.url for s in sources if s.url), URL_SEP)


def conform(df: pd.DataFrame, table: str) -> pd.DataFrame:
    """``df`` with exactly the columns of release table ``table``, in order, typed from the codebook."""
    fields = cb.RESOURCES[table]["fields"]
    out = df.reindex(columns=fields)
    for name in fields:
        dtype = _PANDAS_TYPES.get(cb.FIELDS[name]["type"])
        if dtype:
            out[name] = out[name].astype(dtype)
    return out


@dataclass
class Dataset:
    """All validated country files as tidy tables. Build it with ``load()``."""

    files: dict[str, CountryFile]
    data_hash: str
    _cache: dict = field(default_factory=dict, repr=False)

    @property
    def version(self) -> str:
        """Package version and a hash of the data files, e.g. '0.1.0+data.3f2a9c1e0b'."""
        from . import __version__

        return f"{__version__}+data.{self.data_hash}"

    @property
    def release(self) -> str:
        """The release name a reader cites (the package version)."""
        from . import __version__

        return __version__

    @property
    def data_as_of(self) -> dt.date:
        """The date of the latest assessment: what 'data as of' means in every source line."""
        return max((f.assessment.assessed_on for f in self.files.values() if f.assessment.assessed_on),
                   default=dt.date.today())

    @cached_property
    def countries(self) -> pd.DataFrame:
        """Every jurisdiction (ISO 3166-1 + Kosovo) with its assessment status and counts."""
        from .countries import table

        df = table().copy()
        status = {k: f.assessment.status for k, f in self.files.items()}
        df["assessment_status"] = df["iso3"].map(status).fillna("not_assessed")
        df["assessed_on"] = df["iso3"].map({k: f.assessment.assessed_on for k, f in self.files.items()})
        assessed = {k: self.files[k] for k in self.assessed()}
        df["period_from"] = df["iso3"].map({k: f.assessment.covered_from for k, f in assessed.items()})
        checked = self.checks[self.checks.check_status != "not_checked"].groupby("iso3").size()
        df["families_checked"] = df["iso3"].map(checked).where(df["iso3"].isin(assessed), None)
        df.loc[df.iso3.isin(assessed) & df.families_checked.isna(), "families_checked"] = 0
        df["n_instruments"] = df["iso3"].map(self.instruments["iso3"].value_counts()).fillna(0).astype(int)
        df["n_public_cases"] = df["iso3"].map(self.cases["iso3"].value_counts()).fillna(0).astype(int)
        return conform(df, "countries")

    def _name(self, iso3: str) -> str:
        from .countries import name

        return name(iso3, "en")

    @cached_property
    def instruments(self) -> pd.DataFrame:
        """One row per instrument; list fields joined with ';' (addresses with a space)."""
        rows = []
        for iso3, f in sorted(self.files.items()):
            for i in f.instruments:
                dates = {k: getattr(i, k) for k in ("adopted", "in_force") + cb.END_STATUSES}
                rows.append({
                    "instrument_id": i.id, "iso3": iso3, "country": self._name(iso3),
                    "title": i.title, "title_en": i.title_en, "instrument_type": i.instrument_type,
                    "direction": i.direction, "question": i.question, "categories": _join(i.categories),
                    "families": _join(i.families), "targets": _join(i.targets), "severity": i.severity,
                    **dates, **{f"{k}_year": _year(v) for k, v in dates.items()},
                    "start_year": i.start_year, "end_year": i.end_year, "replaces": _join(i.replaces),
                    "replaced_by": _join(i.replaced_by), "amends": i.amends,
                    "amended": _join(f"{a.date}: {a.note}" for a in i.amended),
                    "status": i.status, "summary": i.summary, "themes": _join(i.themes),
                    "dimensions": _join(i.dimensions), "source_urls": _urls(i.sources),
                    "verification": i.verification,
                    "confidence": i.confidence, "notes": i.notes,
                })
        return conform(pd.DataFrame(rows), "instruments")

    @cached_property
    def instrument_years(self) -> pd.DataFrame:
        """One row per instrument and year in force, 1990 to this year (the one in-force rule)."""
        end = dt.date.today().year
        rows = [(i.id, iso3, y) for iso3, f in sorted(self.files.items()) for i in f.instruments
                for y in range(cb.PANEL_START, end + 1) if i.in_force_in(y)]
        return conform(pd.DataFrame(rows, columns=["instrument_id", "iso3", "year"]), "instrument_years")

    @cached_property
    def checks(self) -> pd.DataFrame:
        """The checklist: one row per assessed jurisdiction and law family."""
        rows = []
        for iso3 in self.assessed():
            f = self.files[iso3]
            for family in cb.FAMILY:
                check = f.checks.get(family.value)
                ids = [i.id for i in f.instruments if family.value in i.families]
                rows.append({"iso3": iso3, "family": family.value, "side": family.side,
                             "check_status": check.status if check else "not_checked",
                             "checked_on": check.checked_on if check else None, "instrument_ids": _join(ids),
                             "note": check.note if check else None,
                             "source_urls": _urls(f.consulted[k] for k in check.consulted) if check else ""})
        return conform(pd.DataFrame(rows), "checks")

    @cached_property
    def instrument_categories(self) -> pd.DataFrame:
        """Long table: one row per instrument and category, with the category's side."""
        rows = [{"instrument_id": i.id, "iso3": iso3, "category": c, "side": cb.CATEGORY.by_value[c].side}
                for iso3, f in sorted(self.files.items()) for i in f.instruments for c in i.categories]
        return conform(pd.DataFrame(rows), "instrument_categories")

    @cached_property
    def cases(self) -> pd.DataFrame:
        """Exportable cases only: public_record in full, anonymised stripped, confidential absent."""
        rows = []
        for iso3, f in sorted(self.files.items()):
            anon = 0
            for c in f.cases:
                if c.disclosure == "confidential":
                    continue
                row = {"case_id": c.id, "iso3": iso3, "country": self._name(iso3), "year": c.year,
                       "reprisal_types": _join(c.reprisal_types), "target_type": c.target_type,
                       "disclosure": c.disclosure}
                if c.disclosure == "public_record":
                    row |= {"date": c.date, "target_name": c.target_name, "themes": _join(c.themes),
                            "dimensions": _join(c.dimensions), "instrument_ids": _join(c.instrument_ids),
                            "summary": c.summary, "source_urls": _urls(c.sources),
                            "verification": c.verification, "confidence": c.confidence}
                else:  # the coded id may carry a name: publish a neutral one, which no coded id can
                    anon += 1  # equal (coded ids have no underscore), so ids stay unique by construction
                    row["case_id"] = f"{iso3}-{c.year}-anonymised_{anon}"
                rows.append(row)
        return conform(pd.DataFrame(rows), "cases")

    @cached_property
    def case_types(self) -> pd.DataFrame:
        """Long table: one row per exportable case and reprisal type."""
        c = self.cases[["case_id", "iso3", "year", "reprisal_types"]].copy()
        c["reprisal_type"] = c.pop("reprisal_types").str.split(LIST_SEP)
        return conform(c.explode("reprisal_type", ignore_index=True), "case_types")

    @cached_property
    def sources(self) -> pd.DataFrame:
        """One row per source of an instrument, a public-record case or a checklist entry."""
        rows = []
        for iso3, f in sorted(self.files.items()):
            records = [("instrument", i.id, i.sources) for i in f.instruments]
            records += [("case", c.id, c.sources) for c in f.cases if c.disclosure == "public_record"]
            records += [("check", f"{iso3}:{fam}", [f.consulted[k] for k in ch.consulted])
                        for fam, ch in f.checks.items()]
            for kind, rid, sources in records:
                for n, s in enumerate(sources, 1):
                    rows.append({"record_type": kind, "record_id": rid, "position": n, "iso3": iso3,
                                 "title": s.title, "publisher": s.publisher, "url": s.url, "date": s.date,
                                 "kind": s.kind})
        return conform(pd.DataFrame(rows), "sources")

    def country_year(self, start: int = cb.PANEL_START, end: int | None = None) -> pd.DataFrame:
        """Derived panel, one row per assessed jurisdiction and year (formulas in the codebook)."""
        return self._panel("country_year", start, end)

    def country_year_category(self, start: int = cb.PANEL_START, end: int | None = None) -> pd.DataFrame:
        """Long panel: instruments in force and maximum severity per jurisdiction, year and category."""
        return self._panel("country_year_category", start, end)

    def country_year_family(self, start: int = cb.PANEL_START, end: int | None = None) -> pd.DataFrame:
        """Long panel per jurisdiction, year and law family: the check status and the instruments in force
        (missing where the family was not checked or the year is before the assessment's period)."""
        return self._panel("country_year_family", start, end)

    def checklist(self) -> pd.DataFrame:
        """Assessed jurisdictions per law family and check status (coded, none_found, not_checked)."""
        from .indicators import checklist_table

        return checklist_table(self)

    def _panel(self, name: str, start: int, end: int | None) -> pd.DataFrame:
        from . import indicators

        key = (name, start, end or dt.date.today().year)
        if key not in self._cache:
            self._cache[key] = getattr(indicators, name)(self, start, key[2])
        return self._cache[key].copy()

    def geo(self, year: int | None = None):
        """The indicators of ``year`` joined to the world's boundaries: a GeoDataFrame with the rows of
        ``countries`` (needs geopandas; see ``solidarity_data.geo``)."""
        from .geo import indicators

        return indicators(self, year)

    def assessed(self) -> list[str]:
        return sorted(k for k, f in self.files.items() if f.assessment.status == "assessed")


def _year(value: str | None) -> int | None:
    return int(value[:4]) if value else None


def validate(*paths: str | Path) -> list[Problem]:
    """Problems in the given country files or folders (empty when all is valid)."""
    return validate_paths([Path(p) for p in paths] or [DEFAULT_DATA_DIR / "countries"]).problems


def load(data_dir: str | Path | None = None) -> Dataset:
    """Read and validate every country file; raise DataError listing every problem if any."""
    folder = Path(data_dir) if data_dir else DEFAULT_DATA_DIR
    countries_dir = folder / "countries" if (folder / "countries").is_dir() else folder
    checked = validate_paths([countries_dir])
    if checked.problems:
        raise DataError(checked.problems)
    return Dataset(files=checked.valid, data_hash=checked.data_hash)
