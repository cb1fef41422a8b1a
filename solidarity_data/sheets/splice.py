"""Edits to a country file's text that leave every other byte of it as it was.

Why by hand: a YAML library that loads and dumps a whole file (ruamel.yaml's round trip included)
re-wraps long lines, re-folds folded scalars and re-indents lists, so a one-line addition rewrote
nearly every hand-written file. Here the parsed node tree (PyYAML keeps each node's character
offsets) says where a list ends or an entry sits, and only the new text is inserted there; the new
text is written by ruamel.yaml in YAML 1.2 and read back by the same reader as every country file.
"""

from __future__ import annotations

import io

import yaml

from ..yamlio import Loader, writer


def compose(text: str):
    """The node tree of a country file (``yamlio.Loader``: YAML 1.2, no aliases)."""
    return yaml.compose(text, Loader=Loader)


def entry(mapping, key: str):
    """(key node, value node) of ``key`` in a mapping node, or (None, None)."""
    for k, v in mapping.value:
        if isinstance(k, yaml.ScalarNode) and k.value == key:
            return k, v
    return None, None


def _render(value: dict, column: int) -> str:
    """``value`` as one block-YAML list item whose dash is at ``column``."""
    y = writer()
    y.indent(mapping=2, sequence=2, offset=0)
    buf = io.StringIO()
    y.dump([value], buf)
    return "".join(" " * column + line if line.strip() else line for line in buf.getvalue().splitlines(True))


def _last_end(node) -> int:
    """Where the text of a node ends: the end of its last scalar (a block collection's own end mark can
    already point into the next line's indentation)."""
    while isinstance(node, (yaml.MappingNode, yaml.SequenceNode)) and node.value and not node.flow_style:
        node = node.value[-1][1] if isinstance(node, yaml.MappingNode) else node.value[-1]
    return node.end_mark.index


def _line_end(text: str, index: int) -> int:
    """The start of the line after the one ``index`` is on (or the end of the text)."""
    if index > 0 and text[index - 1] == "\n":
        return index
    nl = text.find("\n", index)
    return len(text) if nl < 0 else nl + 1


class Edits:
    """Insertions and replacements at character offsets of one text, applied together."""

    def __init__(self, text: str):
        self.text = text
        self._edits: list[tuple[int, int, str]] = []

    def replace(self, start: int, end: int, new: str) -> None:
        self._edits.append((start, end, new))

    def insert(self, at: int, new: str) -> None:
        self._edits.append((at, at, new))

    def apply(self) -> str:
        text = self.text
        for start, end, new in sorted(self._edits, key=lambda e: (e[0], e[1]), reverse=True):
            text = text[:start] + new + text[end:]
        return text


def append_items(edits: Edits, root, key: str, items: list[dict]) -> None:
    """Append records to the top-level list ``key`` (``instruments`` or ``cases``), creating it if needed."""
    if not items:
        return
    k, seq = entry(root, key)
    text = edits.text
    if isinstance(seq, yaml.SequenceNode) and seq.value and not seq.flow_style:
        column = seq.value[0].start_mark.column - 2  # the dash sits two columns before the item
        at = _line_end(text, _last_end(seq.value[-1]))
        edits.insert(at, "".join(_render(i, column) for i in items))
    elif k is not None:  # an empty list (`key: []`, or nothing): replace the value
        edits.replace(k.start_mark.index, _line_end(text, _last_end(seq) if seq is not None else k.end_mark.index),
                      f"{key}:\n" + "".join(_render(i, 2) for i in items))
    else:
        edits.insert(len(text), ("" if text.endswith("\n") or not text else "\n")
                     + f"{key}:\n" + "".join(_render(i, 2) for i in items))


def append_sources(edits: Edits, record_node, sources: list[dict]) -> None:
    """Append sources to one instrument's ``sources`` list (block or flow style)."""
    _, seq = entry(record_node, "sources")
    if not sources or not isinstance(seq, yaml.SequenceNode) or not seq.value:
        raise ValueError("an instrument with no sources list cannot take more sources")
    if seq.flow_style:  # [ {...}, {...} ]: add before the closing bracket
        close = edits.text.rindex("]", 0, seq.end_mark.index)
        edits.insert(close, ", " + _flow(sources)[1:-1])
        return
    column = seq.value[0].start_mark.column - 2
    edits.insert(_line_end(edits.text, _last_end(seq.value[-1])),
                 "".join(_render(s, column) for s in sources))


def _flow(value) -> str:
    """``value`` in YAML flow style on one line: ``{a: 1, b: x}`` or ``[{…}, {…}]``."""
    y = writer()
    y.default_flow_style = True
    buf = io.StringIO()
    y.dump(value, buf)
    return buf.getvalue().strip()


def set_entry(edits: Edits, root, section: str, key: str, value: dict) -> None:
    """Set ``section.key`` (e.g. ``checks.security_offences``) to a one-line flow mapping."""
    _, mapping = entry(root, section)
    k, v = entry(mapping, key) if isinstance(mapping, yaml.MappingNode) else (None, None)
    line = f"{key}: {_flow(value)}"
    if k is not None:
        edits.replace(k.start_mark.index, _line_end(edits.text, _last_end(v)),
                      line + "\n")
    elif isinstance(mapping, yaml.MappingNode) and mapping.value:
        first = mapping.value[0][0]
        edits.insert(_line_end(edits.text, _last_end(mapping.value[-1][1])),
                     " " * first.start_mark.column + line + "\n")
    else:
        raise ValueError(f"no {section} section to add {key} to")

