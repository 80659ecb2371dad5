"""The phrase table: the words that tell triage which issue, store and status a notice names.

It is data (``templates/triage/phrases.yaml``), validated here, so that the rules can grow
without code. Plain phrases match as whole words, in any letter case (short all-capital
acronyms such as ODR match in capitals only), with any run of spaces between words and a
hyphen optional; ``patterns`` are regular expressions for what plain words cannot say.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError, model_validator

from poa import yamlfile
from poa.case.marketplaces import normalize_marketplace
from poa.errors import CatalogError, InputError
from poa.resources import builtin_dir

TriageStatus = Literal["deactivated", "funds-held", "listings-removed", "at-risk"]
# The order statuses outrank each other in when a notice names several.
STATUS_ORDER: tuple[TriageStatus, ...] = (
    "deactivated",
    "funds-held",
    "listings-removed",
    "at-risk",
)
ACRONYM_MAX = 6
PHRASE_WEIGHT = 2  # a name or pattern alone recognises an issue type
HINT_WEIGHT = 1  # two different hints are needed


def _compiles(value: str) -> str:
    try:
        re.compile(value)
    except re.error as exc:
        raise ValueError(f"is not a valid regular expression ({exc}): fix or quote it") from None
    return value


def _has_words(value: str) -> str:
    if not re.search(r"\w", value):
        raise ValueError("holds no word to look for: write the phrase as it appears in notices")
    return value.strip()


Phrase = Annotated[str, Field(min_length=2, max_length=200), AfterValidator(_has_words)]
Pattern = Annotated[str, Field(min_length=2, max_length=400), AfterValidator(_compiles)]
Key = Annotated[str, Field(pattern=r"^[a-z][a-z0-9-]*$")]


class TableModel(BaseModel):
    """Base for the phrase table's parts: unknown fields are errors."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class PhraseSet(TableModel):
    """Plain phrases and regular expressions that mean one thing."""

    phrases: list[Phrase] = Field(default_factory=list)
    patterns: list[Pattern] = Field(default_factory=list)


class TypePhrases(TableModel):
    """How a notice names one issue type (a catalog key)."""

    names: list[Phrase] = Field(
        default_factory=list, description="Phrases that name the issue: one is enough."
    )
    patterns: list[Pattern] = Field(
        default_factory=list, description="Regular expressions that name the issue."
    )
    hints: list[Phrase] = Field(
        default_factory=list, description="Words that point at the issue: two are needed."
    )
    not_when: list[Pattern] = Field(
        default_factory=list,
        description="Regular expressions around a mere mention that does not count, such as "
        "'counts toward your Order Defect Rate' in a feedback notice.",
    )
    yields_to: list[Key] = Field(
        default_factory=list,
        description="More specific issue types that replace this one when also recognised.",
    )
    alone: bool = Field(
        default=False, description="Recognised only when no other issue type is recognised."
    )
    assumed_for: list[TriageStatus] = Field(
        default_factory=list,
        description="Account statuses for which this issue type is assumed when the notice "
        "names no issue at all.",
    )

    @model_validator(mode="after")
    def _something_to_find(self) -> TypePhrases:
        if not (self.names or self.patterns or self.hints or self.assumed_for):
            raise ValueError("give at least one of names, patterns, hints or assumed_for")
        return self


class StoreNames(TableModel):
    """How a notice names one Amazon store."""

    domains: list[str] = Field(default_factory=list, description="Such as amazon.co.uk.")
    names: list[Phrase] = Field(default_factory=list, description="Such as 'UK marketplace'.")


def _codes(value: dict[str, StoreNames]) -> dict[str, StoreNames]:
    return {normalize_marketplace(code): names for code, names in value.items()}


class PhraseTable(TableModel):
    """Everything triage looks for in a notice, beyond dates and identifiers."""

    types: dict[Key, TypePhrases]
    statuses: dict[TriageStatus, PhraseSet]
    informational: PhraseSet = Field(description="Phrases of a notice that needs no action.")
    action: PhraseSet = Field(description="Phrases that ask for action: not informational then.")
    stores: Annotated[dict[str, StoreNames], AfterValidator(_codes)]
    reference_labels: list[Phrase] = Field(description="Labels a reference ID follows.")
    date_labels: list[Phrase] = Field(description="Labels the notice's own date follows.")
    deadline_verbs: list[Phrase] = Field(
        description="Verbs that make a time limit in the same sentence the answer's deadline."
    )
    not_deadline: list[Pattern] = Field(
        description="Regular expressions before a time limit that is not the seller's deadline, "
        "such as 'we typically complete these reviews'."
    )

    @model_validator(mode="after")
    def _known_yields(self) -> PhraseTable:
        for key, entry in self.types.items():
            unknown = [k for k in entry.yields_to if k not in self.types]
            if unknown:
                raise ValueError(f"types.{key}.yields_to names unknown types {unknown}")
        return self


@dataclass(frozen=True)
class Hit:
    """One place a phrase matched: the span of the notice and the phrase's weight."""

    start: int
    end: int
    text: str
    weight: int = PHRASE_WEIGHT


def phrase_regex(phrase: str) -> re.Pattern[str]:
    """A plain phrase as a regular expression: whole words, flexible spaces and hyphens."""
    words = phrase.split()
    body = r"\s+".join(re.escape(word).replace(r"\-", r"[-\s]?") for word in words)
    start = r"\b" if re.match(r"\w", words[0]) else ""
    end = r"\b" if re.search(r"\w$", words[-1]) else ""
    acronym = phrase.isupper() and len(phrase) <= ACRONYM_MAX
    return re.compile(start + body + end, 0 if acronym else re.IGNORECASE)


@lru_cache(maxsize=4096)
def compiled(expression: str, plain: bool) -> re.Pattern[str]:
    """A phrase or pattern compiled once (patterns ignore letter case)."""
    return phrase_regex(expression) if plain else re.compile(expression, re.IGNORECASE)


def find_all(text: str, phrases: list[str], patterns: list[str], weight: int) -> list[Hit]:
    """Every match of the phrases and patterns in the text, in order of position."""
    hits = []
    for expression, plain in [(p, True) for p in phrases] + [(p, False) for p in patterns]:
        for match in compiled(expression, plain).finditer(text):
            if match.end() > match.start():
                hits.append(Hit(match.start(), match.end(), match.group(0), weight))
    return sorted(hits, key=lambda h: (h.start, -h.end))


def first_hit(text: str, phrase_set: PhraseSet) -> Hit | None:
    """The earliest match of a phrase set, or None."""
    hits = find_all(text, phrase_set.phrases, phrase_set.patterns, PHRASE_WEIGHT)
    return hits[0] if hits else None


def phrases_path() -> Path:
    """The built-in phrase table."""
    return builtin_dir() / "triage" / "phrases.yaml"


@lru_cache(maxsize=4)
def load_phrases(path: Path | None = None) -> PhraseTable:
    """The phrase table from a YAML file (the built-in one by default), validated; a broken
    file raises CatalogError with a FILE:LINE:COL line per problem."""
    where = path or phrases_path()
    try:
        doc = yamlfile.parse(yamlfile.read_text(where), str(where))
    except InputError as exc:
        raise CatalogError(exc.message, exc.problems) from None
    try:
        return PhraseTable.model_validate(doc.data)
    except ValidationError as exc:
        problems = yamlfile.validation_problems(exc, doc, PhraseTable)
        raise CatalogError(f"{where}: invalid phrase table", problems) from None
