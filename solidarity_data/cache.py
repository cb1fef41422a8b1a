"""A cache of validated country files, so that ``sd.load()`` stays fast.

Entries are JSON (data, never code: a planted entry cannot run anything), keyed on the hash of the
file's bytes and of the code that decides validity, and they hold only what may leave a country file:
confidential cases are left out and anonymised cases are stripped to what the release publishes.
Reading an entry rebuilds the models without re-validating them (that is the saving); an entry that
does not match its key is ignored.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import tempfile
from pathlib import Path

from .paths import CACHE_DIR, PACKAGE

ANONYMISED_KEEP = ("year", "reprisal_types", "target_type", "disclosure")


def code_fingerprint() -> bytes:
    """Hash of the modules that decide validity: a change to them invalidates every entry."""
    h = hashlib.sha256()
    for path in sorted((PACKAGE / "codebook").glob("*.py")) + [PACKAGE / n for n in
                                                               ("records.py", "rules.py", "validation.py",
                                                                "yamlio.py", "cache.py")]:
        h.update(path.read_bytes())
    return h.digest()


def key(raw: bytes, name: str, fingerprint: bytes) -> str:
    return hashlib.sha256(fingerprint + name.encode() + b"\0" + raw).hexdigest()


def _publishable(model) -> dict:
    data = model.model_dump(mode="json", exclude_defaults=False)
    cases = []
    for n, case in enumerate(data["cases"]):
        if case["disclosure"] == "confidential":
            continue
        if case["disclosure"] == "anonymised":
            case = {k: case[k] for k in ANONYMISED_KEEP} | {"id": f"anonymised-{n}"}
        cases.append(case)
    return data | {"cases": cases}


def publishable_model(model):
    """The model as the cache would give it back: what may leave the country file, nothing more."""
    return _rebuild(_publishable(model))


def store(entry_key: str, model) -> None:
    """Write an entry; a read-only or full home simply means no cache."""
    try:
        CACHE_DIR.mkdir(parents=True, exist_ok=True)
        text = json.dumps({"key": entry_key, "file": _publishable(model)}, ensure_ascii=False)
        with tempfile.NamedTemporaryFile("w", dir=CACHE_DIR, delete=False, suffix=".tmp", encoding="utf-8") as tmp:
            tmp.write(text)
        os.replace(tmp.name, CACHE_DIR / f"{entry_key}.json")
    except OSError:
        pass


def load(entry_key: str):
    """The cached model for ``entry_key``, or None (missing, unreadable or not matching its key)."""
    path = CACHE_DIR / f"{entry_key}.json"
    try:
        entry = json.loads(Path(path).read_text(encoding="utf-8"))
        if entry.get("key") != entry_key:
            return None
        return _rebuild(entry["file"])
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def _construct(cls, values: dict):
    """``cls.model_construct(**values)`` for a complete, already-validated dump, about three times faster.

    Why by hand: ``model_construct`` walks every field for defaults and aliases (about 10 µs an
    instrument); a load rebuilds some 10,000 objects, a third of ``sd.load()``. An entry holds every
    field (it is a ``model_dump``), so setting the instance state pydantic documents is enough;
    ``test_a_cached_load_equals_a_validated_one`` compares the two paths."""
    obj = cls.__new__(cls)
    object.__setattr__(obj, "__dict__", values)
    object.__setattr__(obj, "__pydantic_fields_set__", set(values))
    object.__setattr__(obj, "__pydantic_extra__", None)
    object.__setattr__(obj, "__pydantic_private__", None)
    return obj


def _rebuild(d: dict):
    """Models from already-validated JSON, without validating again."""
    from . import records as rec

    def source(s):
        return _construct(rec.Source, s)

    def date(v):
        return dt.date.fromisoformat(v) if v else None

    def instrument(i):
        return _construct(rec.Instrument, i | {"sources": [source(s) for s in i["sources"]],
                                               "amended": [_construct(rec.Amendment, a) for a in i["amended"]]})

    def case(c):
        sources = {"sources": [source(s) for s in c["sources"]]} if "sources" in c else {}  # anonymised: none kept
        return rec.Case.model_construct(**(c | sources))  # anonymised entries are partial: keep the defaults

    return _construct(rec.CountryFile, {
        "iso3": d["iso3"],
        "assessment": _construct(rec.Assessment,
                                 d["assessment"] | {"assessed_on": date(d["assessment"]["assessed_on"])}),
        "consulted": {k: source(s) for k, s in d["consulted"].items()},
        "checks": {k: _construct(rec.Check, c | {"checked_on": date(c["checked_on"])}) for k, c in d["checks"].items()},
        "instruments": [instrument(i) for i in d["instruments"]],
        "cases": [case(c) for c in d["cases"]],
    })
