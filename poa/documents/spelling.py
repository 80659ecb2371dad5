"""The store's spelling for poa's own words: US English for Amazon.com and Amazon.ca, British
English elsewhere. Only template and catalog text goes through here, never the seller's text.

Templates are written in US spelling. `StoreSpelling` is a Jinja extension that rewrites the
literal text of every template at compile time into a choice between its US and British forms,
picked when the template renders for a store.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

import jinja2
from jinja2.ext import Extension
from jinja2.lexer import Token, TokenStream

# Stems whose whole family follows the -ize/-ise split: authorize, authorized, authorization...
_IZE_STEMS = (
    "apolog",
    "author",
    "categor",
    "central",
    "custom",
    "emphas",
    "final",
    "minim",
    "maxim",
    "optim",
    "organ",
    "priorit",
    "real",
    "recogn",
    "standard",
    "summar",
    "util",
    "item",
    "digit",
    "familiar",
    "special",
    "neutral",
    "capital",
)
_IZE_ENDINGS = (
    ("ize", "ise"),
    ("izes", "ises"),
    ("ized", "ised"),
    ("izing", "ising"),
    ("ization", "isation"),
    ("izations", "isations"),
)
_YZE_STEMS = ("anal", "paral")
# Whole words (each with its plural or inflected forms listed).
_WORDS = {
    "fulfill": "fulfil",
    "fulfills": "fulfils",
    "fulfillment": "fulfilment",
    "fulfillments": "fulfilments",
    "enroll": "enrol",
    "enrolls": "enrols",
    "enrollment": "enrolment",
    "installment": "instalment",
    "installments": "instalments",
    "center": "centre",
    "centers": "centres",
    "centered": "centred",
    "fiber": "fibre",
    "fibers": "fibres",
    "liter": "litre",
    "liters": "litres",
    "license": "licence",
    "licenses": "licences",
    "defense": "defence",
    "offense": "offence",
    "offenses": "offences",
    "catalog": "catalogue",
    "catalogs": "catalogues",
    "dialog": "dialogue",
    "color": "colour",
    "colors": "colours",
    "colored": "coloured",
    "behavior": "behaviour",
    "behaviors": "behaviours",
    "favor": "favour",
    "favorable": "favourable",
    "honor": "honour",
    "honored": "honoured",
    "labor": "labour",
    "neighbor": "neighbour",
    "neighboring": "neighbouring",
    "labeled": "labelled",
    "labeling": "labelling",
    "canceled": "cancelled",
    "canceling": "cancelling",
    "traveled": "travelled",
    "traveling": "travelling",
    "modeling": "modelling",
    "signaled": "signalled",
    "jewelry": "jewellery",
    "aluminum": "aluminium",
    "gray": "grey",
    "pediatric": "paediatric",
    "skeptical": "sceptical",
    "mold": "mould",
    "molds": "moulds",
    "moldy": "mouldy",
    "judgment": "judgement",
    "acknowledgment": "acknowledgement",
}


def _build_map() -> dict[str, str]:
    words = dict(_WORDS)
    for stem in _IZE_STEMS:
        for us, uk in _IZE_ENDINGS:
            words[stem + us] = stem + uk
    for stem in _YZE_STEMS:
        for us, uk in (("yze", "yse"), ("yzes", "yses"), ("yzed", "ysed"), ("yzing", "ysing")):
            words[stem + us] = stem + uk
    return words


US_TO_UK: dict[str, str] = _build_map()
UK_TO_US: dict[str, str] = {uk: us for us, uk in US_TO_UK.items()}


@lru_cache(maxsize=2)
def _pattern(table: tuple[str, ...]) -> re.Pattern[str]:
    words = sorted(table, key=len, reverse=True)
    return re.compile(r"\b(" + "|".join(words) + r")\b", re.IGNORECASE)


def _convert(text: str, table: dict[str, str]) -> str:
    def swap(match: re.Match[str]) -> str:
        found = match.group(0)
        replacement = table[found.lower()]
        if found.isupper() and len(found) > 1:
            return replacement.upper()
        if found[0].isupper():
            return replacement[0].upper() + replacement[1:]
        return replacement

    return _pattern(tuple(table)).sub(swap, text)


def to_uk(text: str) -> str:
    """US spelling turned British: fulfillment → fulfilment, authorized → authorised."""
    return _convert(text, US_TO_UK)


def to_us(text: str) -> str:
    """British spelling turned US: fulfilment → fulfillment, licence → license."""
    return _convert(text, UK_TO_US)


def for_store(text: str, us_spelling: bool) -> str:
    """Template or catalog text in the spelling a store's reviewers expect."""
    return to_us(text) if us_spelling else to_uk(text)


class StoreSpelling(Extension):
    """Jinja extension: a template's literal text follows the store's spelling.

    Each piece of literal text that spells differently in British English becomes a call that
    picks the US or British form from the `us_spelling` value of the render context (US when
    the context has none). The choice is made once per piece at compile time, not per render.
    """

    def __init__(self, environment: jinja2.Environment) -> None:
        super().__init__(environment)
        environment.globals["_store_words"] = _store_words

    def filter_stream(self, stream: TokenStream) -> Iterator[Token]:
        """Literal text with British variants becomes a call choosing between the two."""
        for token in stream:
            british = to_uk(token.value) if token.type == "data" else token.value
            if token.type != "data" or british == token.value:
                yield token
                continue
            line = token.lineno
            yield Token(line, "variable_begin", "{{")
            yield Token(line, "name", "_store_words")
            yield Token(line, "lparen", "(")
            yield Token(line, "string", token.value)
            yield Token(line, "comma", ",")
            yield Token(line, "string", british)
            yield Token(line, "rparen", ")")
            yield Token(line, "variable_end", "}}")


@jinja2.pass_context
def _store_words(context: jinja2.runtime.Context, us: str, british: str) -> Any:
    from poa.documents.library import Markdown  # the library imports this module

    return Markdown(us if context.get("us_spelling", True) else british)
