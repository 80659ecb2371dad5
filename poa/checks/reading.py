"""How hard the plan's prose is to read: its Coleman–Liau grade, from the `readability`
library, which works on text split into sentences and words by its caller.

The grade is worked out only when two cheap bounds say the prose might read above the limit,
so most cases never load the library at all."""

from __future__ import annotations

import re

from poa.case.model import Case
from poa.checks.text import compiled_when_used, fewest_sentences, runs, split_sentences

# A word as the grade counts it: letters and digits, with the apostrophes and hyphens inside
# it ("seller's", "re-listed"); punctuation and symbols are not part of any word. (On the {1},
# see SENTENCE_END in poa.checks.text.)
_WORD = re.compile(r"[^\W_]+(?:(?:['-]|’{1})[^\W_]+)*")
# A token of the text split at white space that holds no letter or digit, in text whose
# tokens are joined by single spaces and which starts and ends with one.
_NO_LETTER_TOKEN = re.compile(r" (?:[^\w\s]|_)+(?= )")
_NOT_COUNTED = compiled_when_used(r"[^\w'’-]|_")
# The ASCII characters deleted to leave letters, digits and white space (a deletion table is
# some thirty times faster than a regular expression's substitution).
_ASCII_NOT_LETTER = bytes(b for b in range(128) if not (chr(b).isalnum() or chr(b).isspace()))
# ASCII marked for counting: "x" for a letter or digit, a space for anything else.
_ASCII_ALNUM = bytes(120 if chr(b).isalnum() else 32 for b in range(256))
_RUN = re.compile(r"[^\W_]+")


def prose_parts(case: Case) -> list[str]:
    """The case's own prose as the letter prints it, part by part, each ending a sentence."""
    parts: list[str] = []
    for cause in case.root_causes:
        parts += [cause.summary, cause.detail or ""]
    parts += [a.action for a in case.corrective_actions]
    parts += [m.measure for m in case.preventive_measures]
    parts += [e.proves for e in case.evidence]
    return [p if p.endswith((".", "!", "?")) else p + "." for p in parts if p]


def prose_lines(text: str) -> list[list[str]]:
    """The words of each sentence of the text, as the readability library counts them."""
    lines = (_WORD.findall(text[start:end]) for start, end in split_sentences(text))
    return [line for line in lines if line]


def grade_above(text: str, limit: float, parts: list[str] | None = None) -> float | None:
    """The text's grade when it is above `limit`, else None. Cheap bounds come first, so the
    library is loaded only for prose they cannot clear. `parts` are the parts the text was
    joined from with single spaces, when it was: they give the fewest sentences it can hold
    without counting them."""
    if grade_ceiling(text) <= limit:
        return None
    if parts and grade_ceiling(text, fewest_sentences(parts)) <= limit:
        return None
    if grade_ceiling(text, sentence_count(text)) <= limit:
        return None
    grade = reading_grade(text)
    return grade if grade > limit else None


def sentence_count(text: str) -> int:
    """The sentences of the text that hold a word: the lines of `prose_lines`, counted without
    making them."""
    spans = split_sentences(text)
    if text.isascii():
        marks = text.encode("ascii").translate(_ASCII_ALNUM)
        return sum(1 for start, end in spans if marks.find(b"x", start, end) >= 0)
    return sum(1 for start, end in spans if _WORD.search(text, start, end))


def grade_ceiling(text: str, sentences: int = 1) -> float:
    """A number the text's grade cannot exceed, given no more than its number of sentences
    (each sentence holding a word), found without reading the text word by word.

    The Coleman–Liau index is 5.879851 × characters per word − 29.58728 × sentences per word
    − 15.800804. Every word lies inside one token of the text split at white space, so the
    tokens that hold a letter or digit are no more than the words; every word holds a run of
    letters and digits, so such runs are no fewer; and the letters, digits, apostrophes and
    hyphens are no fewer than the words' characters."""
    if text.isascii():
        raw = text.encode("ascii")
        # Letters, digits and white space: tokens with no letter or digit vanish altogether,
        # and each token left is one run of letters and digits.
        marks = raw.translate(_ASCII_ALNUM, _ASCII_NOT_LETTER)
        fewest = runs(marks)
        characters = marks.count(b"x") + raw.count(b"'") + raw.count(b"-")
        most = runs(raw.translate(_ASCII_ALNUM)) if sentences > 1 else 0
    else:
        spaced = " ".join(text.split())
        fewest = spaced.count(" ") + 1 - len(_NO_LETTER_TOKEN.findall(f" {spaced} "))
        characters = len(_NOT_COUNTED().sub("", spaced))
        most = len(_RUN.findall(text)) if sentences > 1 else 0
    if fewest <= 0 or characters <= 0:
        return 0.0
    # Without the runs counted, the sentence term (never positive) is left out.
    sentence_term = 29.58 * sentences / most if most else 0.0
    return max(0.0, 5.88 * characters / fewest - sentence_term - 15.8)


def reading_grade(text: str) -> float:
    """The Coleman–Liau grade of a text, by the readability library (0 for a text without
    words). The library leaves splitting the text to its caller: poa counts the words, their
    characters and the sentences, as the library's own `getmeasures` would count them in the
    text written a sentence a line, and the library turns the counts into the grade. The
    index needs no pronunciation dictionary, and skipping `getmeasures` skips its syllable
    counts and word tallies, which take a good millisecond a letter."""
    words = _WORD.findall(text)
    if not words:
        return 0.0
    sentences = sentence_count(text)
    import readability  # type: ignore[import-untyped]

    characters = sum(map(len, words))
    return max(0.0, float(readability.ColemanLiauIndex(characters, len(words), sentences)))
