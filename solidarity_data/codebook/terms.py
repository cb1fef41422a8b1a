"""The shapes of the vocabulary: a coded value (Term), an ordered list of them (Vocabulary), and a
law family (a Term with the categories it covers and its written inclusion rule).

Ground floor of the codebook: imports nothing from the package.
"""

from __future__ import annotations

from dataclasses import dataclass, field

LANGS = ("en", "fr", "es")


@dataclass(frozen=True)
class Term:
    """One coded value: its labels in three languages and a one-line definition."""

    value: str
    en: str
    fr: str
    es: str
    definition: str
    side: str | None = None  # categories and families: "restricts" or "facilitates"
    question: str | None = None  # question of the call the value comes from

    def label(self, lang: str = "en") -> str:
        if lang not in LANGS:
            raise ValueError(f"unknown language {lang!r}; expected one of {', '.join(LANGS)}")
        return getattr(self, lang)


@dataclass(frozen=True)
class Family(Term):
    """A law family checked in every assessed jurisdiction: the instrument categories that answer
    it and the written rule that decides whether a law of the country counts."""

    categories: tuple[str, ...] = ()
    rule: str = ""


@dataclass(frozen=True)
class Vocabulary:
    """A named, ordered list of terms (order is the display order)."""

    name: str
    title: str
    description: str
    terms: tuple[Term, ...]
    by_value: dict = field(init=False, repr=False, compare=False)

    def __post_init__(self):
        object.__setattr__(self, "by_value", {t.value: t for t in self.terms})

    def __contains__(self, value) -> bool:
        return isinstance(value, str) and value in self.by_value

    def __iter__(self):
        return iter(self.terms)

    def __len__(self) -> int:
        return len(self.terms)

    def values(self) -> list[str]:
        return [t.value for t in self.terms]

    def label(self, value, lang: str = "en") -> str:
        return self.by_value[value].label(lang)


def vocab(name, title, description, *terms) -> Vocabulary:
    """A Vocabulary from Terms or from (value, en, fr, es, definition[, side, question]) tuples."""
    return Vocabulary(name, title, description, tuple(Term(*t) if isinstance(t, tuple) else t for t in terms))
