"""Read country files safely and report every problem at once as ``path:line: field: message``."""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from pydantic import ValidationError

from . import records as rec
from .problems import Problem

MAX_FILE_BYTES = 2_000_000  # the largest real file is ~40 kB; anything bigger is a mistake or an attack


class _NoAliasLoader(yaml.SafeLoader):
    """SafeLoader that refuses anchors and aliases: country files never need them, and an
    alias bomb would otherwise expand exponentially during validation."""

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise yaml.composer.ComposerError(None, None, "YAML aliases (*name) are not allowed", event.start_mark)
        node = super().compose_node(parent, index)
        if getattr(node, "anchor", None):
            raise yaml.composer.ComposerError(None, None, "YAML anchors (&name) are not allowed", node.start_mark)
        return node


# Dates stay strings (records.parse_partial_date reads them): PyYAML's timestamp resolver would
# raise a bare ValueError on an impossible date such as 2017-13-40.
_NoAliasLoader.yaml_implicit_resolvers = {
    ch: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for ch, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _line_index(node, path=(), index=None) -> dict:
    """Map each key path (('instruments', 0, 'title')) to its 1-based line in the file."""
    index = {} if index is None else index
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            p = path + (key.value,)
            index[p] = key.start_mark.line + 1
            _line_index(value, p, index)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            index[path + (i,)] = item.start_mark.line + 1
            _line_index(item, path + (i,), index)
    return index


def read_yaml(path: Path, label: str | None = None) -> tuple[object, dict, list[Problem]]:
    """Parse one YAML file → (data, line index, problems). Never raises for bad content."""
    label = label or str(path)
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        return None, {}, [Problem(label, 1, "file", f"{size:,} bytes is larger than the {MAX_FILE_BYTES:,}-byte limit")]
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        line = raw[: e.start].count(b"\n") + 1
        return None, {}, [Problem(label, line, "file", f"not UTF-8 text (byte 0x{raw[e.start]:02x} at offset {e.start})")]
    try:
        loader = _NoAliasLoader(text)
        try:
            node = loader.get_single_node()
            data = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except (yaml.YAMLError, ValueError, TypeError) as e:
        mark = getattr(e, "problem_mark", None)
        line = mark.line + 1 if mark else 1
        msg = " ".join(str(x) for x in (getattr(e, "context", None), getattr(e, "problem", None)) if x) or str(e)
        return None, {}, [Problem(label, line, "yaml", f"malformed YAML: {msg}")]
    return data, (_line_index(node) if node is not None else {}), []


def _field_name(loc: tuple) -> str:
    return ".".join(str(p) for p in loc) or "file"


def _line_for(index: dict, loc: tuple) -> int:
    loc = tuple(loc)
    while loc:
        if loc in index:
            return index[loc]
        loc = loc[:-1]
    return 1


def _pydantic_problems(err: ValidationError, prefix: tuple, index: dict, label: str) -> list[Problem]:
    out = []
    for e in err.errors():
        loc = prefix + tuple(e["loc"])
        msg = e["msg"].removeprefix("Value error, ")
        if e["type"] == "missing":
            msg = "required field is missing"
        elif e["type"] == "too_short":
            msg = "at least one item is required"
        elif e["type"] == "extra_forbidden":
            msg = "unknown field (typo?)"
        elif e["type"] == "string_pattern_mismatch":
            msg = f"{e['input']!r} does not match the pattern {e['ctx']['pattern']}"
        out.append(Problem(label, _line_for(index, loc), _field_name(loc), msg))
    return out


_PARTS = {"instruments": (rec.Instrument, rec.instrument_rules), "cases": (rec.Case, rec.case_rules)}


def validate_mapping(data, index: dict, label: str, expected_iso3: str | None) -> tuple[rec.CountryFile | None, list[Problem]]:
    """Validate one parsed country file; each instrument and case is checked on its own so every
    problem in the file is reported in one pass."""
    if not isinstance(data, dict):
        return None, [Problem(label, 1, "file", "expected a mapping with iso3, assessment, instruments, cases")]
    problems: list[Problem] = []
    iso3 = data.get("iso3")
    if expected_iso3 and iso3 != expected_iso3:
        problems.append(Problem(label, _line_for(index, ("iso3",)), "iso3",
                                f"{iso3!r} does not match the file name {expected_iso3}.yaml"))
    header = {k: v for k, v in data.items() if k not in _PARTS}
    try:
        rec.CountryFile.model_validate(header)
    except ValidationError as e:
        problems += _pydantic_problems(e, (), index, label)
    parts = {}
    for part, (model, rules) in _PARTS.items():
        items = data.get(part) or []
        if not isinstance(items, list):
            problems.append(Problem(label, _line_for(index, (part,)), part, "expected a list"))
            continue
        parts[part] = []
        for i, raw in enumerate(items):
            if not isinstance(raw, dict):
                problems.append(Problem(label, _line_for(index, (part, i)), f"{part}.{i}", "expected a mapping"))
                continue
            where = f"{part}.{i}"
            for fld, msg in rules(raw):
                problems.append(Problem(label, _line_for(index, (part, i, fld)), f"{where}.{fld}", msg))
            rid = raw.get("id")
            if isinstance(iso3, str) and isinstance(rid, str) and re.match(rec.INSTRUMENT_ID_RE, rid) \
                    and not rid.startswith(iso3 + "-"):
                problems.append(Problem(label, _line_for(index, (part, i, "id")), f"{where}.id",
                                        f"{raw['id']!r} should start with {iso3}-"))
            try:
                parts[part].append(model.model_validate(raw))
            except ValidationError as e:
                problems += _pydantic_problems(e, (part, i), index, label)
    problems += _id_problems(data, index, label)
    if problems:
        return None, problems
    model = rec.CountryFile.model_validate(header)
    model.instruments, model.cases = parts["instruments"], parts["cases"]
    return model, []


def _id_problems(data: dict, index: dict, label: str) -> list[Problem]:
    """Ids unique within the file; a case's instrument_ids name instruments of the same file."""
    out, seen = [], {}
    for part in ("instruments", "cases"):
        for i, raw in enumerate(data.get(part) or []):
            rid = raw.get("id") if isinstance(raw, dict) else None
            if not isinstance(rid, str):
                continue
            if rid in seen:
                out.append(Problem(label, _line_for(index, (part, i, "id")), f"{part}.{i}.id",
                                   f"duplicate id {rid!r} (first at line {seen[rid]})"))
            else:
                seen[rid] = _line_for(index, (part, i, "id"))
    instrument_ids = {r.get("id") for r in data.get("instruments") or [] if isinstance(r, dict)}
    for i, raw in enumerate(data.get("cases") or []):
        if not isinstance(raw, dict):
            continue
        for j, ref in enumerate(raw.get("instrument_ids") or []):
            if ref not in instrument_ids:
                out.append(Problem(label, _line_for(index, ("cases", i, "instrument_ids", j)),
                                   f"cases.{i}.instrument_ids", f"{ref!r} is not an instrument in this file"))
    return out


def validate_file(path: Path, label: str | None = None) -> tuple[rec.CountryFile | None, list[Problem]]:
    """Read and validate one country file; the file name must be the ISO3 code."""
    label = label or str(path)
    data, index, problems = read_yaml(path, label)
    if problems:
        return None, problems
    stem = path.stem
    expected = stem if re.fullmatch(r"[A-Z]{3}", stem) else None
    if expected is None:
        return None, [Problem(label, 1, "file", f"file name {path.name!r} should be <ISO3>.yaml, e.g. DEU.yaml")]
    return validate_mapping(data, index, label, expected)
