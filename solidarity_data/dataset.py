"""Load and validate every country file → a Dataset of tidy pandas tables."""

from __future__ import annotations

import os
from pathlib import Path

from .validation import DataError, Problem, validate_file

DEFAULT_DATA_DIR = Path(os.environ.get("SOLIDARITY_DATA_DIR", Path(__file__).resolve().parent.parent / "data"))


def country_files(paths: list[Path]) -> list[Path]:
    out = []
    for p in paths:
        out += sorted(p.glob("*.yaml")) if p.is_dir() else [p]
    return out


def validate_paths(paths: list[Path]):
    """Validate files/folders → (problems, number of files)."""
    from .countries import known_iso3

    files = country_files(paths)
    problems: list[Problem] = []
    known = known_iso3()
    for f in files:
        if f.stem not in known and len(f.stem) == 3 and f.stem.isupper():
            problems.append(Problem(str(f), 1, "iso3", f"{f.stem!r} is not an ISO 3166-1 alpha-3 code (nor XKX)"))
            continue
        _, probs = validate_file(f)
        problems += probs
    return sorted(problems), len(files)


class Dataset:  # filled in below
    pass


def load():
    raise NotImplementedError
