"""The shapes of the vocabulary: a coded value (Term), an ordered list of them (Vocabulary), and a
law family (a Term with the categories it answers). Words come from the label catalogue.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from .. import labels

LANGS = labels.languages()


@dataclass(frozen=True)
class Term:
    """One coded value; its labels and definition are catalogue entries ``<vocabulary>.<value>``."""

    value: str
    side: str | None = None  # categories and families: "restricts" or "facilitates"
    question: str | None = None  # question of the call the value comes from
    vocabulary: str = ""  # set by the Vocabulary that holds the term

    def label(self, lang: str = "en") -> str:
        return labels.label(f"{self.vocabulary}.{self.value}", lang)

    def definition_in(self, lang: str = "en") -> str:
        return labels.label(f"{self.vocabulary}.{self.value}.definition", lang)

    @property
    def definition(self) -> str:
        return self.definition_in("en")


@dataclass(frozen=True)
class Family(Term):
    """A law family checked in every assessed jurisdiction, the instrument categories that answer it,
    and its written inclusion rule (catalogue entry ``family.<value>.rule``)."""

    categories: tuple[str, ...] = ()

    def __post_init__(self):
        object.__setattr__(self, "question", "Q5" if self.side == "restricts" else "Q4")

    def rule_in(self, lang: str = "en") -> str:
        return labels.label(f"family.{self.value}.rule", lang)

    @property
    def rule(self) -> str:
        return self.rule_in("en")


@dataclass(frozen=True)
class Vocabulary:
    """A named, ordered list of terms (order is the display order)."""

    name: str
    terms: tuple[Term, ...]
    by_value: dict = field(init=False, repr=False, compare=False)

    def __post_init__(self):
        object.__setattr__(self, "terms", tuple(replace(t, vocabulary=self.name) for t in self.terms))
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

    def title(self, lang: str = "en") -> str:
        return labels.label(f"vocab.{self.name}.title", lang)

    def description(self, lang: str = "en") -> str:
        return labels.label(f"vocab.{self.name}.description", lang)


def vocab(name: str, *terms) -> Vocabulary:
    """A Vocabulary from Terms, values, or (value, side[, question]) tuples."""
    return Vocabulary(name, tuple(t if isinstance(t, Term) else Term(*t) if isinstance(t, tuple) else Term(t)
                                  for t in terms))
