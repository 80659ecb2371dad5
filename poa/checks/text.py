"""Reading a field's text the way the wording rules need it: quotations set aside, sentences
and clauses found, words listed once.

Quoted words are someone else's (a buyer's message, the notice, a claim that was removed), so
every rule reads `masked`, where each quoted span is blanked out but keeps its length.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache, cached_property
from itertools import islice


def compiled_when_used(source: str, flags: int = 0) -> Callable[[], re.Pattern[str]]:
    """A regular expression compiled the first time it is asked for. For the patterns only a
    rare text reaches: compiling every rule's patterns when poa starts is much of what
    `poa check` adds to `poa validate` on a small folder."""
    return cache(lambda: re.compile(source, flags))


_DOUBLE_QUOTES = re.compile(r'"[^"\n]*"|“[^”\n]*”|„[^“”\n]*[“”]|«[^»\n]*»')
# A single-quoted span opens after a space or bracket and closes before a space or punctuation,
# so the apostrophes of "buyer's" or "buyers' fault" do not open or close one; it may hold a
# bracket ('[size]'), quoted as an example rather than left in, and apostrophes inside words
# ('I'm sorry but...').
_SINGLE_QUOTES = compiled_when_used(
    r"(?<![\w'’])['‘](?=[\w\[{<])(?:[^'‘’\n]|(?<=\w)['’](?=\w)){1,300}?(?<=[\w.!?,\]}>])['’](?![\w])"
)
_WORD = re.compile(r"[a-z0-9]+(?:['’-][a-z0-9]+)*")
_PUNCTUATION = '!"#$%&()*+,./:;<=>?@[\\]^_`{|}~“”„«»‘…–—'
# ASCII control characters split words too (all but NUL, which joins fields), so that in ASCII
# text a word is a run of letters and digits between any other characters.
_CONTROLS = "".join(map(chr, [*range(1, 32), 127]))
_SPLIT_JOINED = str.maketrans(dict.fromkeys(_PUNCTUATION + _CONTROLS + "'’-", " "))
# The same for ASCII text as bytes: a byte table is several times faster than a str table.
_SPLIT_ASCII = bytes(32 if chr(b) in _PUNCTUATION + _CONTROLS + "'-" else b for b in range(256))


def word_set(text: str) -> frozenset[str]:
    """The words of a text, split on white space, as a set (for the rules' word lists)."""
    return frozenset(text.split())


# Each alternative opens with one literal character, so that the search skips straight to
# the next full stop, mark, line break or semicolon (an opening character class or repeat
# makes it try every position). Inside, a class of three or more runs of characters that mixes
# ASCII with curly quotes takes Python's compiler a good part of a millisecond to build (it maps
# all 65,536 characters), so each is written as an ASCII class or a class of the others, the
# second marked {1} so that the compiler does not merge the two back into one.
_END = r"[.!?]*(?:[\"')]|[”’]{1})*\s+(?=[A-Z0-9\"'(\[]|[“‘]{1})"
SENTENCE_END = re.compile(rf"\.{_END}|!{_END}|\?{_END}|\n\n*|;\s+")
_ABBREVIATIONS = word_set(
    "e.g i.e etc inc ltd co no nos vs approx mr mrs ms dr st fig p pp jan feb mar apr jun jul "
    "aug sep sept oct nov dec"
)
_CLAUSE_BREAK = re.compile(r"[,;:()\u2013\u2014]| - | and (?=(?:we|i|our|the|they)\b)")
SUBORDINATORS = word_set(
    "that which who whom whose where when whenever if unless until once whether because since "
    "so as before after while than though although said says stated states warned wrote told "
    "notes noted quoted ensure ensures ensured means meant guarantee guarantees"
)


def mask_quotes(text: str) -> str:
    """The text with every quoted span replaced by spaces of the same length."""
    if '"' in text or "“" in text or "„" in text or "«" in text:
        text = _DOUBLE_QUOTES.sub(blanked, text)
    if "‘" in text or " '" in text or "('" in text or text.startswith("'"):
        text = _SINGLE_QUOTES().sub(blanked, text)
    return text


def blanked(match: re.Match[str]) -> str:
    """The matched text as spaces of its length (positions in the text stay as they were)."""
    return " " * len(match.group(0))


# ASCII marked for counting: "x" for a character that is not white space, a space for one that
# is (str.split's white space).
_ASCII_NOT_SPACE = bytes(32 if chr(b).isspace() else 120 for b in range(256))


def runs(marks: bytes) -> int:
    """The number of runs of "x" in bytes of "x" and spaces."""
    return marks.count(b" x") + marks.startswith(b"x")


def count_words(text: str) -> int:
    """`len(text.split())`, without making the words when the text is ASCII (the word count of
    a whole letter would otherwise make some hundreds of strings only to count them)."""
    if text.isascii():
        return runs(text.encode("ascii").translate(_ASCII_NOT_SPACE))
    return len(text.split())


def word_pairs(rows: list[tuple[str, str]]) -> tuple[tuple[frozenset[str], frozenset[str]], ...]:
    """Pairs of word sets for a gate, each pair written as two strings of words."""
    return tuple((word_set(first), word_set(second)) for first, second in rows)


def words_of(lower: str) -> frozenset[str]:
    """The words of a lower-case text, split at apostrophes and hyphens too ("amazon's" gives
    "amazon" and "s"; "won't" gives "won" and "t")."""
    return frozenset(_spaced(lower).split())


def words_by_part(lower: str, separator: str) -> list[list[str]]:
    """The words `words_of` finds in each part of a text joined with `separator`, in one pass
    over it; as lists, since most parts are only looked through once (a set of each would cost
    more to build than it saves)."""
    return [part.split() for part in _spaced(lower).split(separator)]


def _spaced(lower: str) -> str:
    """The text with punctuation, apostrophes and hyphens turned into spaces. str.translate
    and str.split run in C, far faster than a regular expression; for ASCII text a byte table
    is several times faster again than a str table."""
    if lower.isascii():
        return lower.encode("ascii").translate(_SPLIT_ASCII).decode("ascii")
    return lower.translate(_SPLIT_JOINED)


class Analysed:
    """One field's text, analysed once and shared by every rule that reads it."""

    def __init__(self, raw: str, words: frozenset[str] | None = None) -> None:
        self.raw = raw
        self.masked = mask_quotes(raw)
        self.lower = self.masked.lower()
        if words is not None and self.masked is raw:
            # Words already read from the same text, with nothing quoted in it.
            self.__dict__["words"] = words

    @cached_property
    def words(self) -> frozenset[str]:
        """Every lower-case word outside quotations, split at apostrophes and hyphens."""
        return words_of(self.lower)

    def has(self, gate: frozenset[str]) -> bool:
        """Whether any of these words is in the text: a cheap test before a rule's patterns."""
        return not gate.isdisjoint(self.words)

    @cached_property
    def spans(self) -> list[tuple[int, str]]:
        """(position, word) of each lower-case word outside quotations, in order."""
        return [(m.start(), m.group(0)) for m in _WORD.finditer(self.lower)]

    @cached_property
    def tokens(self) -> list[str]:
        """The lower-case words outside quotations, in order."""
        return _WORD.findall(self.lower)

    def first_tokens(self, count: int) -> list[str]:
        """The first `count` of `tokens`, found without reading the rest of the text."""
        if "tokens" in self.__dict__:
            return self.tokens[:count]
        return [match.group(0) for match in islice(_WORD.finditer(self.lower), count)]

    def match_at(self, pattern: re.Pattern[str], starts: frozenset[str]) -> re.Match[str] | None:
        """The first match of `pattern` that begins at one of the words in `starts`. Anchoring
        at known words is much faster than a search through the whole text for a pattern with
        many alternatives."""
        present = starts.intersection(self.words)
        if not present:
            return None
        best: re.Match[str] | None = None
        lower = self.lower
        for word in present:
            pos = lower.find(word)
            while pos >= 0:
                if (pos == 0 or not lower[pos - 1].isalnum()) and (
                    match := pattern.match(lower, pos)
                ):
                    if best is None or match.start() < best.start():
                        best = match
                    break
                pos = lower.find(word, pos + 1)
        return best

    @cached_property
    def sentences(self) -> list[tuple[int, int]]:
        """(start, end) of each sentence of the masked text."""
        return split_sentences(self.masked)

    def sentence_at(self, pos: int) -> tuple[int, int]:
        """The (start, end) of the sentence holding a position."""
        for start, end in self.sentences:
            if start <= pos < end:
                return start, end
        return 0, len(self.masked)

    def excerpt(self, pos: int, limit: int = 70) -> str:
        """The original words of the sentence around a position, shortened to `limit`."""
        start, end = self.sentence_at(pos)
        return shorten(self.raw[start:end].strip(), pos - start, limit)

    def is_subordinate(self, pos: int) -> bool:
        """Whether the word at `pos` sits in a dependent clause (after "that", "if", "which",
        a reporting verb...) rather than in the clause that says what the writer did."""
        start, _ = self.sentence_at(pos)
        head = self.lower[start:pos]
        breaks = list(_CLAUSE_BREAK.finditer(head))
        if breaks:
            head = head[breaks[-1].end() :]
        return any(word in SUBORDINATORS for word in _WORD.findall(head))


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence; a full stop after a known abbreviation does not end one."""
    spans = []
    start = 0
    for match in SENTENCE_END.finditer(text):
        at = match.start()
        if text[at] == ".":
            # The word before the stop: twelve characters hold any abbreviation, and a word
            # cut by them is longer than all of them.
            before = text[max(start, at - 12) : at].rsplit(None, 1)
            if before and before[-1].lower().rstrip(".") in _ABBREVIATIONS:
                continue
        spans.append((start, match.end()))
        start = match.end()
    if start < len(text):
        spans.append((start, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()] or [(0, len(text))]


# What a part may open with for a full stop, exclamation or question mark and a space before
# it to end a sentence (see SENTENCE_END).
_OPENS_SENTENCE = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789\"'([“‘")


def fewest_sentences(parts: list[str]) -> int:
    """A number of sentences holding a word that `split_sentences` finds, at the least, in
    the parts joined by single spaces, counted part by part without reading the text: each
    part that ends in a letter or digit and one full stop, exclamation or question mark, where
    the next part opens a sentence and the last word is no abbreviation; and the last part."""
    count = 0
    last = len(parts) - 1
    for i, part in enumerate(parts):
        if len(part) < 2 or part[-1] not in ".!?" or not part[-2].isalnum():
            continue
        if i < last:
            if not parts[i + 1] or parts[i + 1][0] not in _OPENS_SENTENCE:
                continue
            if part[-1] == "." and part.rsplit(None, 1)[-1][:-1].lower() in _ABBREVIATIONS:
                continue
        count += 1
    return count


def shorten(text: str, focus: int = 0, limit: int = 70) -> str:
    """Text cut to about `limit` characters around `focus`, with "…" where it was cut."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    start = max(0, min(focus - limit // 3, len(text) - limit))
    cut = text[start : start + limit].strip()
    return ("…" if start else "") + cut + ("…" if start + limit < len(text) else "")


def first_match(pattern: re.Pattern[str], analysed: Analysed) -> re.Match[str] | None:
    """The first match of a pattern in the lower-case masked text."""
    return pattern.search(analysed.lower)


def main_clause_match(
    pattern: re.Pattern[str],
    analysed: Analysed,
    skip: Callable[[Analysed, re.Match[str]], bool] | None = None,
) -> re.Match[str] | None:
    """The first match that is not inside a dependent clause (nor one `skip` rules out)."""
    for match in pattern.finditer(analysed.lower):
        if skip is not None and skip(analysed, match):
            continue
        if not analysed.is_subordinate(match.start()):
            return match
    return None
