"""Read country files safely and report every problem at once as ``path:line: field: message``."""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from pydantic import ValidationError

from . import codebook as cb
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
    problems += _history_problems(data, index, label) + _check_problems(data, index, label)
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


def _mappings(data: dict, part: str) -> list[tuple[int, dict]]:
    items = data.get(part)
    return [(i, r) for i, r in enumerate(items) if isinstance(r, dict)] if isinstance(items, list) else []


def _id_list(value) -> list[str]:
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []


def _history_problems(data: dict, index: dict, label: str) -> list[Problem]:
    """`replaces` / `replaced_by` name instruments of this file and agree both ways; `amends` names one."""
    out = []
    inst = {r["id"]: (i, r) for i, r in _mappings(data, "instruments") if isinstance(r.get("id"), str)}
    for iid, (i, r) in inst.items():
        for fld, back in (("replaces", "replaced_by"), ("replaced_by", "replaces")):
            for j, ref in enumerate(_id_list(r.get(fld))):
                line = _line_for(index, ("instruments", i, fld, j))
                if ref == iid:
                    out.append(Problem(label, line, f"instruments.{i}.{fld}", "an instrument cannot replace itself"))
                elif ref not in inst:
                    out.append(Problem(label, line, f"instruments.{i}.{fld}",
                                       f"{ref!r} is not an instrument in this file"))
                elif iid not in _id_list(inst[ref][1].get(back)):
                    out.append(Problem(label, line, f"instruments.{i}.{fld}",
                                       f"{ref!r} does not list {iid!r} in its {back} (links go both ways)"))
        ref = r.get("amends")
        if isinstance(ref, str) and (ref == iid or ref not in inst):
            out.append(Problem(label, _line_for(index, ("instruments", i, "amends")), f"instruments.{i}.amends",
                               f"{ref!r} is not another instrument in this file"))
    return out


def _check_problems(data: dict, index: dict, label: str) -> list[Problem]:
    """The checklist agrees with the instruments: every family listed in an assessed file; `coded` has an
    instrument of the family; `none_found` and `not_checked` have none; consulted sources exist."""
    checks = data.get("checks")
    assessed = isinstance(data.get("assessment"), dict) and data["assessment"].get("status") == "assessed"
    if checks is None and assessed:
        return [Problem(label, _line_for(index, ("assessment",)), "checks",
                        "an assessed file needs a checklist: one entry per law family (see data/README.md)")]
    if not isinstance(checks, dict):
        return []  # absent, or the model reports the wrong shape
    consulted = data.get("consulted") if isinstance(data.get("consulted"), dict) else {}
    by_family: dict[str, list[str]] = {}
    for _, r in _mappings(data, "instruments"):
        for c in _id_list(r.get("categories")):
            if c in cb.CATEGORY_FAMILY and isinstance(r.get("id"), str):
                by_family.setdefault(cb.CATEGORY_FAMILY[c], []).append(r["id"])
    out = []
    if not assessed and checks:
        return [Problem(label, _line_for(index, ("checks",)), "checks", "only an assessed file has a checklist")]
    for family in cb.FAMILY.values():
        if assessed and family not in checks:
            out.append(Problem(label, _line_for(index, ("checks",)), "checks",
                               f"family {family!r} is missing (coded, none_found or not_checked)"))
    for family, check in checks.items():
        if not isinstance(check, dict) or family not in cb.FAMILY:
            continue  # the model reports it
        where, status, found = f"checks.{family}", check.get("status"), by_family.get(family, [])
        line = _line_for(index, ("checks", family, "status"))
        if status == "coded" and not found:
            cats = ", ".join(cb.FAMILY.by_value[family].categories)
            out.append(Problem(label, line, f"{where}.status", f"'coded' but no instrument has a category of the "
                                                               f"family ({cats})"))
        if status in ("none_found", "not_checked") and found:
            out.append(Problem(label, line, f"{where}.status",
                               f"{status!r} but {', '.join(found)} answers this family: mark it 'coded'"))
        if status in ("coded", "none_found") and check.get("checked_on") is None:
            out.append(Problem(label, line, f"{where}.checked_on", f"required when the status is {status!r}"))
        if status == "none_found" and not check.get("consulted"):
            out.append(Problem(label, line, f"{where}.consulted",
                               "'none_found' says what was searched: name at least one consulted source"))
        for j, key in enumerate(_id_list(check.get("consulted"))):
            if key not in consulted:
                out.append(Problem(label, _line_for(index, ("checks", family, "consulted", j)), f"{where}.consulted",
                                   f"{key!r} is not a key of the file's consulted sources"))
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
