"""Load and validate every country file → a Dataset of tidy pandas tables.

Disclosure is enforced here, at the lowest layer: confidential cases are dropped and anonymised cases
are stripped to country, year, types and target type, so nothing downstream can leak them.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import pickle
import tempfile
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from . import codebook as cb

from .problems import DataError, Problem

if TYPE_CHECKING:
    from .records import CountryFile

DEFAULT_DATA_DIR = Path(os.environ.get("SOLIDARITY_DATA_DIR", Path(__file__).resolve().parent.parent / "data"))
CACHE_DIR = Path(os.environ.get("SOLIDARITY_DATA_CACHE", Path.home() / ".cache" / "solidarity-data"))

LIST_SEP = ";"


def country_files(paths: list[Path]) -> list[Path]:
    """Every ``*.yaml`` under the given files and folders, sorted."""
    out = []
    for p in paths:
        if p.is_dir():
            out += sorted(p.glob("*.yaml"))
        elif p.exists():
            out.append(p)
        else:
            raise FileNotFoundError(f"{p}: no such file or folder")
    return out


def _code_fingerprint() -> bytes:
    """Hash of the modules that decide validity: a change to them invalidates the cache."""
    here = Path(__file__).resolve().parent
    h = hashlib.sha256()
    for name in ("codebook.py", "records.py", "validation.py"):
        h.update((here / name).read_bytes())
    return h.digest()


def _validated(path: Path, fingerprint: bytes) -> tuple[CountryFile | None, list[Problem]]:
    """Validate one file, reusing a cached result keyed on the file's content (never on a clock)."""
    raw = path.read_bytes()
    key = hashlib.sha256(fingerprint + path.name.encode() + raw).hexdigest()
    cached = CACHE_DIR / f"{key}.pkl"
    if cached.exists():
        try:
            return pickle.loads(cached.read_bytes()), []
        except Exception:  # a corrupt or incompatible cache entry is simply rebuilt
            pass
    from .validation import validate_file  # only on a cache miss: keeps start-up light

    model, problems = validate_file(path)
    if model is not None:
        try:
            CACHE_DIR.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile(dir=CACHE_DIR, delete=False) as tmp:
                tmp.write(pickle.dumps(model))
            os.replace(tmp.name, cached)
        except OSError:
            pass  # a read-only home is fine: we just do not cache
    return model, problems


def validate_paths(paths: list[Path]) -> tuple[list[Problem], int, dict[str, CountryFile]]:
    """Validate files and folders → (problems, number of files, valid files by iso3)."""
    from .countries import known_iso3

    files = country_files(paths)
    problems: list[Problem] = []
    known, fingerprint, valid = known_iso3(), _code_fingerprint(), {}
    for f in files:
        if f.stem.isupper() and len(f.stem) == 3 and f.stem not in known:
            problems.append(Problem(str(f), 1, "iso3", f"{f.stem!r} is not an ISO 3166-1 alpha-3 code (nor XKX)"))
            continue
        model, probs = _validated(f, fingerprint)
        problems += probs
        if model is not None:
            valid[model.iso3] = model
    return sorted(problems), len(files), valid


def _join(values) -> str:
    return LIST_SEP.join(values)


def _data_hash(files: list[Path]) -> str:
    h = hashlib.sha256()
    for f in files:
        h.update(f.name.encode() + b"\0" + f.read_bytes())
    return h.hexdigest()[:10]


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

    @cached_property
    def countries(self) -> pd.DataFrame:
        """Every jurisdiction (ISO 3166-1 + Kosovo) with its assessment status and counts."""
        from .countries import table

        df = table().copy()
        status = {k: f.assessment.status for k, f in self.files.items()}
        df["assessment_status"] = df["iso3"].map(status).fillna("not_assessed")
        df["assessed_on"] = df["iso3"].map({k: f.assessment.assessed_on for k, f in self.files.items()})
        df["n_instruments"] = df["iso3"].map(self.instruments["iso3"].value_counts()).fillna(0).astype(int)
        df["n_public_cases"] = df["iso3"].map(self.cases["iso3"].value_counts()).fillna(0).astype(int)
        return df

    def _name(self, iso3: str) -> str:
        from .countries import name

        return name(iso3, "en")

    @cached_property
    def instruments(self) -> pd.DataFrame:
        """One row per instrument; list fields joined with ';'."""
        rows = []
        for iso3, f in sorted(self.files.items()):
            for i in f.instruments:
                rows.append({
                    "instrument_id": i.id, "iso3": iso3, "country": self._name(iso3),
                    "title": i.title, "title_en": i.title_en, "instrument_type": i.instrument_type,
                    "direction": i.direction, "question": i.question, "categories": _join(i.categories),
                    "targets": _join(i.targets), "severity": i.severity,
                    "adopted": i.adopted, "adopted_year": _year(i.adopted),
                    "in_force": i.in_force, "in_force_year": _year(i.in_force),
                    "repealed": i.repealed, "repealed_year": _year(i.repealed),
                    "struck_down": i.struck_down, "struck_down_year": _year(i.struck_down),
                    "amended": _join(f"{a.date}: {a.note}" for a in i.amended),
                    "status": i.status, "summary": i.summary, "themes": _join(i.themes),
                    "dimensions": _join(i.dimensions), "source_urls": _join(s.url for s in i.sources if s.url),
                    "verification": i.verification, "verification_note": i.verification_note,
                    "confidence": i.confidence, "notes": i.notes,
                })
        df = pd.DataFrame(rows, columns=INSTRUMENT_COLUMNS)
        for col in ("severity", "adopted_year", "in_force_year", "repealed_year", "struck_down_year"):
            df[col] = df[col].astype("Int64")
        return df

    @cached_property
    def instrument_categories(self) -> pd.DataFrame:
        """Long table: one row per instrument and category, with the category's side."""
        rows = [{"instrument_id": i.id, "iso3": iso3, "category": c, "side": cb.CATEGORY.by_value[c].side}
                for iso3, f in sorted(self.files.items()) for i in f.instruments for c in i.categories]
        return pd.DataFrame(rows, columns=["instrument_id", "iso3", "category", "side"])

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
                            "summary": c.summary, "source_urls": _join(s.url for s in c.sources if s.url),
                            "verification": c.verification, "confidence": c.confidence}
                else:  # the coded id may carry a name: publish a neutral one
                    anon += 1
                    row["case_id"] = f"{iso3}-{c.year}-anonymised-{anon}"
                rows.append(row)
        return pd.DataFrame(rows, columns=CASE_COLUMNS).astype({"year": "Int64"})

    @cached_property
    def case_types(self) -> pd.DataFrame:
        """Long table: one row per exportable case and reprisal type."""
        c = self.cases[["case_id", "iso3", "year", "reprisal_types"]].copy()
        c["reprisal_type"] = c.pop("reprisal_types").str.split(LIST_SEP)
        return c.explode("reprisal_type", ignore_index=True)[["case_id", "iso3", "year", "reprisal_type"]]

    @cached_property
    def sources(self) -> pd.DataFrame:
        """One row per source of an instrument or of a public-record case."""
        rows = []
        for iso3, f in sorted(self.files.items()):
            records = [("instrument", i) for i in f.instruments]
            records += [("case", c) for c in f.cases if c.disclosure == "public_record"]
            for kind, r in records:
                for n, s in enumerate(r.sources, 1):
                    rows.append({"record_type": kind, "record_id": r.id, "position": n, "iso3": iso3,
                                 "title": s.title, "publisher": s.publisher, "url": s.url, "date": s.date,
                                 "kind": s.kind})
        return pd.DataFrame(rows, columns=SOURCE_COLUMNS)

    def country_year(self, start: int = cb.PANEL_START, end: int | None = None) -> pd.DataFrame:
        """Derived panel, one row per assessed jurisdiction and year (formulas in the codebook)."""
        end = end or dt.date.today().year
        key = ("country_year", start, end)
        if key not in self._cache:
            self._cache[key] = _panel(self, start, end)
        return self._cache[key].copy()

    def country_year_category(self, start: int = cb.PANEL_START, end: int | None = None) -> pd.DataFrame:
        """Long panel: instruments in force and maximum severity per jurisdiction, year and category."""
        end = end or dt.date.today().year
        key = ("country_year_category", start, end)
        if key not in self._cache:
            span = _in_force_long(self, start, end)
            out = span.groupby(["iso3", "year", "category", "side"], as_index=False).agg(
                instruments_in_force=("instrument_id", "nunique"), max_severity=("severity", "max"))
            self._cache[key] = out.astype({"max_severity": "Int64"})
        return self._cache[key].copy()

    def assessed(self) -> list[str]:
        return sorted(k for k, f in self.files.items() if f.assessment.status == "assessed")


def _year(value: str | None) -> int | None:
    return int(value[:4]) if value else None


INSTRUMENT_COLUMNS = [
    "instrument_id", "iso3", "country", "title", "title_en", "instrument_type", "direction", "question",
    "categories", "targets", "severity", "adopted", "adopted_year", "in_force", "in_force_year", "repealed",
    "repealed_year", "struck_down", "struck_down_year", "amended", "status", "summary", "themes", "dimensions",
    "source_urls", "verification", "verification_note", "confidence", "notes",
]
CASE_COLUMNS = [
    "case_id", "iso3", "country", "year", "date", "reprisal_types", "target_type", "target_name", "themes",
    "dimensions", "instrument_ids", "disclosure", "summary", "source_urls", "verification", "confidence",
]
SOURCE_COLUMNS = ["record_type", "record_id", "position", "iso3", "title", "publisher", "url", "date", "kind"]
PANEL_COLUMNS = ["iso3", "year", "restrictive_in_force", "facilitating_in_force", "max_severity",
                 "restriction_score", "facilitation_score", "public_cases"]


def _in_force_long(ds: Dataset, start: int, end: int) -> pd.DataFrame:
    """(instrument, category, year) for every year an instrument is in force, assessed files only."""
    rows = []
    for iso3 in ds.assessed():
        for i in ds.files[iso3].instruments:
            years = [y for y in range(start, end + 1) if i.in_force_in(y)]
            for c in i.categories:
                side = cb.CATEGORY.by_value[c].side
                sev = i.severity if side == "restricts" else None
                rows += [(iso3, y, i.id, i.direction, c, side, sev) for y in years]
    return pd.DataFrame(rows, columns=["iso3", "year", "instrument_id", "direction", "category", "side", "severity"])


def _panel(ds: Dataset, start: int, end: int) -> pd.DataFrame:
    grid = pd.MultiIndex.from_product([ds.assessed(), range(start, end + 1)], names=["iso3", "year"])
    span = _in_force_long(ds, start, end)
    by = ["iso3", "year"]
    restr, facil = span[span.side == "restricts"], span[span.side == "facilitates"]
    out = pd.DataFrame(index=grid)
    out["restrictive_in_force"] = restr.groupby(by)["instrument_id"].nunique()
    out["facilitating_in_force"] = facil.groupby(by)["instrument_id"].nunique()
    out["max_severity"] = restr.groupby(by)["severity"].max()
    out["restriction_score"] = restr.groupby(by + ["category"])["severity"].max().groupby(by).sum()
    out["facilitation_score"] = facil.groupby(by)["category"].nunique()
    out["restrictive_categories"] = restr.groupby(by)["category"].nunique()
    types = ds.case_types[ds.case_types.iso3.isin(ds.assessed())]
    out["public_cases"] = ds.cases.groupby(by)["case_id"].nunique()
    for t in cb.REPRISAL_TYPE.values():
        out[f"cases_{t}"] = types[types.reprisal_type == t].groupby(by)["case_id"].nunique()
    out = out.fillna(0).astype(int)
    out.insert(out.columns.get_loc("restrictive_categories") + 1, "balance",
               out["facilitation_score"] - out["restrictive_categories"])
    return out.reset_index()


def validate(*paths: str | Path) -> list[Problem]:
    """Problems in the given country files or folders (empty when all is valid)."""
    problems, _, _ = validate_paths([Path(p) for p in paths] or [DEFAULT_DATA_DIR / "countries"])
    return problems


def load(data_dir: str | Path | None = None) -> Dataset:
    """Read and validate every country file; raise DataError listing every problem if any."""
    folder = Path(data_dir) if data_dir else DEFAULT_DATA_DIR
    countries_dir = folder / "countries" if (folder / "countries").is_dir() else folder
    files = country_files([countries_dir])
    problems, _, valid = validate_paths([countries_dir])
    if problems:
        raise DataError(problems)
    return Dataset(files=valid, data_hash=_data_hash(files))
