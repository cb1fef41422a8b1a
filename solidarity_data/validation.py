"""Validate country files and report every problem at once as ``path:line: field: message``.

Reading (``yamlio``) refuses unsafe or malformed files; the models (``records``) check each field; the
rules (``rules``) check what relates fields and records. Messages about a case that is not public
never repeat the case's own values (a confidential name must not reach a terminal or a log).
"""

from __future__ import annotations

import re
from pathlib import Path

from pydantic import ValidationError

from . import codebook as cb
from . import records as rec
from . import rules, yamlio
from .problems import Problem

MAX_PROBLEMS_PER_FILE = 200  # a file with more is reported in part; the count says how many more

_PYDANTIC = {  # pydantic error type → (code, message); None keeps pydantic's message
    "missing": ("required", "required field is missing"),
    "too_short": ("empty-list", "at least one item is required"),
    "extra_forbidden": ("unknown-field", "unknown field (typo?)"),
    "string_pattern_mismatch": ("pattern", None),
    "string_too_long": ("too-long", None),
}


def _line_for(index: dict, loc: tuple) -> int:
    loc = tuple(loc)
    while loc:
        if loc in index:
            return index[loc]
        loc = loc[:-1]
    return 1


def _pydantic_problems(err: ValidationError, prefix: tuple, index: dict, label: str) -> list[Problem]:
    out = []
    for e in err.errors(include_url=False):
        loc = prefix + tuple(e["loc"])
        code, msg = _PYDANTIC.get(e["type"], (e["type"].replace("_", "-"), None))
        if msg is None:
            msg = e["msg"].removeprefix("Value error, ")
        if e["type"] == "string_pattern_mismatch":
            msg = f"{e['input']!r} does not match the pattern {e['ctx']['pattern']}"
        out.append(Problem(label, _line_for(index, loc), yamlio.dotted(loc), msg, code))
    return out


def redact(problems: list[Problem], raw: dict) -> list[Problem]:
    """Problems of a non-public case without any of the case's own text in their messages."""
    values = sorted({v for v in _leaves(raw) if len(v) >= 3}, key=len, reverse=True)
    if not values:
        return problems
    pattern = re.compile("|".join(re.escape(v) for v in values))
    return [Problem(p.path, p.line, p.field, pattern.sub("(hidden: case not public)", p.message), p.code)
            for p in problems]


def _leaves(node) -> list[str]:
    """The values (not the keys) of a raw record, leaving out codebook values, which name nobody."""
    if isinstance(node, dict):
        return [x for v in node.values() for x in _leaves(v)]
    if isinstance(node, list):
        return [x for v in node for x in _leaves(v)]
    if isinstance(node, (str, int, float)) and not isinstance(node, bool) and str(node) not in _CODED:
        return [str(node)]
    return []


_CODED = frozenset(v for vocab in cb.VOCABULARIES.values() for v in vocab.values())


_PARTS = {"instruments": (rec.Instrument, rules.INSTRUMENT_RULES), "cases": (rec.Case, rules.CASE_RULES)}


def _part_problems(data: dict, part: str, index: dict, label: str) -> tuple[list, list[Problem]]:
    model, part_rules = _PARTS[part]
    items = data.get(part) or []
    if not isinstance(items, list):
        return [], [Problem(label, _line_for(index, (part,)), part, "expected a list", "not-a-list")]
    valid, problems = [], []
    for i, raw in enumerate(items):
        if not isinstance(raw, dict):
            problems.append(Problem(label, _line_for(index, (part, i)), f"{part}.{i}", "expected a mapping",
                                    "not-a-mapping"))
            continue
        mine = [Problem(label, _line_for(index, (part, i, fld)), f"{part}.{i}.{fld}", msg, r.code)
                for r in part_rules for fld, msg in r.check(raw)]
        try:
            valid.append(model.model_validate(raw))
        except ValidationError as e:
            mine += _pydantic_problems(e, (part, i), index, label)
        problems += redact(mine, raw) if part == "cases" and raw.get("disclosure") != "public_record" else mine
    return valid, problems


def validate_mapping(data, index: dict, label: str,
                     expected_iso3: str | None) -> tuple[rec.CountryFile | None, list[Problem]]:
    """Validate one parsed country file; each instrument and case is checked on its own so every
    problem in the file is reported in one pass."""
    if not isinstance(data, dict):
        return None, [Problem(label, 1, "file", "expected a mapping with iso3, assessment, instruments, cases",
                              "not-a-mapping")]
    problems: list[Problem] = []
    iso3 = data.get("iso3")
    if expected_iso3 and iso3 != expected_iso3:
        shown = iso3 if isinstance(iso3, str) and len(iso3) < 10 else "…"
        problems.append(Problem(label, _line_for(index, ("iso3",)), "iso3",
                                f"{shown!r} does not match the file name {expected_iso3}.yaml", "iso3-file-name"))
    header = {k: v for k, v in data.items() if k not in _PARTS}
    try:
        rec.CountryFile.model_validate(header)
    except ValidationError as e:
        problems += _pydantic_problems(e, (), index, label)
    parts = {}
    for part in _PARTS:
        parts[part], found = _part_problems(data, part, index, label)
        problems += found
    line = lambda loc: _line_for(index, loc)  # noqa: E731
    for r in rules.FILE_RULES:
        for loc, msg in r.check(data, line):
            found = [Problem(label, line(loc), yamlio.dotted(loc), msg, r.code)]
            case = data["cases"][loc[1]] if loc[0] == "cases" else None
            problems += redact(found, case) if case and case.get("disclosure") != "public_record" else found
    if problems:
        return None, problems
    model = rec.CountryFile.model_validate(header)
    model.instruments, model.cases = parts["instruments"], parts["cases"]
    return model, []


def validate_file(path: Path, label: str | None = None) -> tuple[rec.CountryFile | None, list[Problem]]:
    """Read and validate one country file; the file name must be the ISO3 code."""
    path = Path(path)
    label = label or str(path)
    if not re.fullmatch(r"[A-Z]{3}", path.stem) or path.suffix != ".yaml":
        return None, [Problem(label, 1, "file", f"file name {path.name!r} should be <ISO3>.yaml, e.g. DEU.yaml",
                              "file-name")]
    data, index, problems = yamlio.read(path, label)
    if problems:
        return None, problems
    model, problems = validate_mapping(data, index, label, path.stem)
    if len(problems) > MAX_PROBLEMS_PER_FILE:
        more = len(problems) - MAX_PROBLEMS_PER_FILE
        problems = sorted(problems)[:MAX_PROBLEMS_PER_FILE] + [
            Problem(label, 1, "file", f"{more} more problem(s) not shown; fix these first", "too-many-problems")]
    return model, problems
