"""Reading and writing country files in one YAML dialect: the YAML 1.2 core schema.

Why by hand around PyYAML and ruamel.yaml: PyYAML reads YAML 1.1 (``No`` is false, ``12:30`` is a
sexagesimal number) while ruamel.yaml writes YAML 1.2, so a value written by the coding-sheet import
could read back differently. The reader below keeps PyYAML's node tree (for line numbers) with the
1.2 core resolvers; the writer is ruamel's round-trip mode, which keeps a file's layout. The reader
also refuses what a country file never needs and an attacker could use: aliases, anchors, tags,
duplicate keys, deep nesting and control characters. Ground floor: imports only ``problems``.
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

import yaml

from .problems import Problem

MAX_FILE_BYTES = 2_000_000  # the largest real file is ~40 kB; anything bigger is a mistake or an attack
MAX_DEPTH = 40  # a country file nests about 6 deep
# Characters a spreadsheet or XML cannot hold: C0 controls except tab, newline, carriage return; DEL; C1.
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")

_CORE = [  # YAML 1.2 core schema (https://yaml.org/spec/1.2.2/#1032-tag-resolution); dates stay strings
    ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    ("tag:yaml.org,2002:int", r"^(?:[-+]?[0-9]{1,18}|0o[0-7]{1,18}|0x[0-9a-fA-F]{1,16})$", "-+0123456789"),
    ("tag:yaml.org,2002:float",
     r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
     "-+.0123456789"),
    ("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
]


class Loader(yaml.SafeLoader):
    """SafeLoader with YAML 1.2 core resolvers, no aliases or anchors, and a nesting limit."""

    yaml_implicit_resolvers: dict = {}

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise yaml.composer.ComposerError(None, None, "YAML aliases (*name) are not allowed", event.start_mark)
        self._depth = getattr(self, "_depth", 0) + 1
        try:
            if self._depth > MAX_DEPTH:
                raise yaml.composer.ComposerError(None, None, f"nested deeper than {MAX_DEPTH} levels",
                                                  self.peek_event().start_mark)
            node = super().compose_node(parent, index)
        finally:
            self._depth -= 1
        if getattr(node, "anchor", None):
            raise yaml.composer.ComposerError(None, None, "YAML anchors (&name) are not allowed", node.start_mark)
        return node

    def construct_yaml_int(self, node):
        text = self.construct_scalar(node)
        return int(text, 0) if text[:2] in ("0o", "0x") else int(text, 10)


for _tag, _rx, _first in _CORE:
    Loader.add_implicit_resolver(_tag, re.compile(_rx), list(_first))
Loader.add_constructor("tag:yaml.org,2002:int", Loader.construct_yaml_int)


def _duplicates(node, path=()) -> list[tuple[tuple, int]]:
    """(key path, line) of every key that repeats an earlier key of the same mapping."""
    out = []
    if isinstance(node, yaml.MappingNode):
        seen = set()
        for key, value in node.value:
            k = key.value if isinstance(key, yaml.ScalarNode) else repr(key)
            if k in seen:
                out.append((path + (k,), key.start_mark.line + 1))
            seen.add(k)
            out += _duplicates(value, path + (k,))
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            out += _duplicates(item, path + (i,))
    return out


def line_index(node, path=(), index=None) -> dict:
    """Map each key path (('instruments', 0, 'title')) to its 1-based line in the file."""
    index = {} if index is None else index
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            p = path + (key.value,)
            index.setdefault(p, key.start_mark.line + 1)
            line_index(value, p, index)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            index[path + (i,)] = item.start_mark.line + 1
            line_index(item, path + (i,), index)
    return index


def dotted(path: tuple) -> str:
    return ".".join(str(p) for p in path) or "file"


def control_characters(data, index: dict, label: str, path=()) -> list[Problem]:
    """A problem for every string (key or value) holding a control character."""
    out = []
    if isinstance(data, dict):
        for k, v in data.items():
            out += control_characters(k, index, label, path + (k,)) if isinstance(k, str) else []
            out += control_characters(v, index, label, path + (k,))
    elif isinstance(data, list):
        for i, v in enumerate(data):
            out += control_characters(v, index, label, path + (i,))
    elif isinstance(data, str) and (m := CONTROL.search(data)):
        line = next((index[path[:n]] for n in range(len(path), 0, -1) if path[:n] in index), 1)
        out.append(Problem(label, line, dotted(path), f"control character U+{ord(m[0]):04X} is not allowed",
                           "control-character"))
    return out


def read_bytes(path: Path, label: str) -> tuple[bytes | None, list[Problem]]:
    """The file's bytes, refusing symlinks, folders, devices and FIFOs, and reading at most the limit."""
    try:
        st = os.lstat(path)
    except OSError as e:
        return None, [Problem(label, 1, "file", f"cannot read: {e.strerror}", "unreadable")]
    if stat.S_ISLNK(st.st_mode):
        return None, [Problem(label, 1, "file", "is a symbolic link; country files must be regular files",
                              "not-a-file")]
    if not stat.S_ISREG(st.st_mode):
        return None, [Problem(label, 1, "file", "is not a regular file", "not-a-file")]
    if st.st_size > MAX_FILE_BYTES:
        return None, [Problem(label, 1, "file", f"{st.st_size:,} bytes is larger than the {MAX_FILE_BYTES:,}-byte "
                                                "limit", "too-large")]
    with open(path, "rb") as f:
        raw = f.read(MAX_FILE_BYTES + 1)
    if len(raw) > MAX_FILE_BYTES:
        return None, [Problem(label, 1, "file", f"larger than the {MAX_FILE_BYTES:,}-byte limit", "too-large")]
    return raw, []


def parse(raw: bytes, label: str) -> tuple[object, dict, list[Problem]]:
    """Parse a country file's bytes → (data, line index, problems). Never raises for bad content, and
    never echoes the file's content in a message."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        line = raw[: e.start].count(b"\n") + 1
        return None, {}, [Problem(label, line, "file", f"not UTF-8 text (byte 0x{raw[e.start]:02x} at offset "
                                                       f"{e.start})", "not-utf8")]
    try:
        loader = Loader(text)
        try:
            node = loader.get_single_node()
            dupes = _duplicates(node)
            if dupes:
                return None, {}, [Problem(label, line, dotted(p), "duplicate key", "duplicate-key")
                                  for p, line in dupes]
            data = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except (yaml.YAMLError, ValueError, TypeError) as e:
        mark = getattr(e, "problem_mark", None)
        line = mark.line + 1 if mark else 1
        msg = " ".join(str(x) for x in (getattr(e, "context", None), getattr(e, "problem", None)) if x)
        return None, {}, [Problem(label, line, "yaml", f"malformed YAML: {msg or 'cannot be parsed'}", "yaml")]
    except RecursionError:
        return None, {}, [Problem(label, 1, "yaml", f"malformed YAML: nested deeper than {MAX_DEPTH} levels", "yaml")]
    index = line_index(node) if node is not None else {}
    return data, index, control_characters(data, index, label)


def read(path: Path, label: str | None = None) -> tuple[object, dict, list[Problem]]:
    """Read and parse one country file."""
    label = label or str(path)
    raw, problems = read_bytes(Path(path), label)
    return (None, {}, problems) if problems else parse(raw, label)


def writer():
    """ruamel.yaml in round-trip mode, set up to keep a country file's layout (long lines unwrapped,
    quotes kept, list indentation as in the files)."""
    from ruamel.yaml import YAML

    y = YAML()  # round-trip, YAML 1.2
    y.width = 4096
    y.preserve_quotes = True
    y.indent(mapping=2, sequence=4, offset=2)
    return y
