"""The rules that read one field's text, which kinds of field each one reads, and the cheap
tests that let a whole case skip the rules none of its words could trigger."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from poa.checks import content, tone, wording
from poa.checks.findings import FieldKind
from poa.checks.rulebook import RULES, TEXT_RULE_IDS
from poa.checks.text import Analysed, words_by_part
from poa.yamlfile import Loc

TextRule = Callable[[Analysed], int | None]


@dataclass(frozen=True)
class Gate:
    """What a text must hold for a rule to have any chance of firing: one of these words, one
    of these marks, or a match of this pattern. A gate never decides; it only skips work."""

    words: frozenset[str] = frozenset()
    marks: tuple[str, ...] = ()
    pattern: re.Pattern[str] | None = None
    always: bool = False

    def for_case(self, words: frozenset[str], joined: str) -> FieldGate | None:
        """The test for the fields of a case with these words and this joined text, or None
        when no field of it can open the gate."""
        if self.always:
            return FieldGate(always=True)
        marks = tuple(mark for mark in self.marks if mark in joined)
        pattern = self.pattern if self.pattern and self.pattern.search(joined) else None
        has_words = not self.words.isdisjoint(words)
        if not (marks or pattern or has_words):
            return None
        return FieldGate(self.words if has_words else frozenset(), marks, pattern)


@dataclass(frozen=True)
class FieldGate:
    """A gate narrowed to what one case holds, tested field by field."""

    words: frozenset[str] = frozenset()
    marks: tuple[str, ...] = ()
    pattern: re.Pattern[str] | None = None
    always: bool = False

    def opens(self, words: frozenset[str], text: str) -> bool:
        """Whether the rule has to read a field with these words and this text."""
        if self.always or not self.words.isdisjoint(words):
            return True
        if self.marks and any(mark in text for mark in self.marks):
            return True
        return self.pattern is not None and self.pattern.search(text) is not None


ALWAYS = Gate(always=True)
FUNCTIONS: dict[str, tuple[TextRule, Gate]] = {
    "future-tense": (wording.future_tense, Gate(wording.INTENTION_GATE)),
    "vague-action": (wording.vague_action, Gate(wording.VAGUE_ACTION_GATE)),
    "measure-hedge": (wording.measure_hedge, Gate(wording.HEDGE_GATE)),
    "generic-measure": (wording.generic_measure, Gate(wording.GENERIC_GATE)),
    "one-off-measure": (wording.one_off_measure, Gate(pattern=wording.PAST_LEAD)),
    "vague-owner": (content.vague_owner, ALWAYS),
    "vague-frequency": (content.vague_frequency, ALWAYS),
    "blame": (tone.blame, Gate(tone.BLAME_GATE)),
    "emotive": (tone.emotive, Gate(tone.EMOTIVE_GATE)),
    "apology": (tone.apology, Gate(tone.APOLOGY_GATE)),
    "exclamation": (tone.exclamation, Gate(marks=("!",))),
    "shouting": (tone.shouting, Gate(pattern=tone.TWO_CAPS)),
    "vague-root-cause": (content.vague_root_cause, ALWAYS),
    "support-case": (content.support_case, Gate(content.SUPPORT_GATE)),
    "question": (content.question, Gate(content.ASK_GATE, marks=("?",))),
    "unrelated-history": (content.unrelated_history, Gate(content.HISTORY_GATE)),
    "placeholder": (
        content.placeholder,
        Gate(content.PLACEHOLDER_GATE, marks=content.PLACEHOLDER_MARKS),
    ),
    "absolute-claim": (tone.absolute_claim, Gate(tone.ABSOLUTE_GATE)),
}

BY_KIND: dict[FieldKind, tuple[str, ...]] = {
    kind: tuple(rid for rid in TEXT_RULE_IDS if kind in RULES[rid].kinds) for kind in FieldKind
}
Hit = tuple[Loc, FieldKind, str, Analysed, int]
Field = tuple[Loc, FieldKind, str]


def field_hits(fields: Sequence[Field], skip: Iterable[str] = ()) -> list[Hit]:
    """(location, kind, rule id, analysed text, position) for every rule a field breaks.

    The words of every field are read in one pass over the case's joined text; a rule runs
    only on the fields of its kinds that pass its gate, so most fields of a sound case are
    never analysed further."""
    skipped = set(skip)
    texts = [text for _, _, text in fields]
    # A line break after each separator lets patterns anchored at a line's start (^) find
    # the start of every field in the joined text.
    joined = "\x00\n".join(texts)
    words = words_by_part(joined.lower(), "\x00")
    every = frozenset().union(*words)
    by_kind: dict[FieldKind, list[int]] = {}
    for i, (_, kind, _) in enumerate(fields):
        by_kind.setdefault(kind, []).append(i)
    found: list[tuple[int, int, str, int]] = []
    analysed: dict[int, Analysed] = {}
    for order, (rid, (function, gate)) in enumerate(FUNCTIONS.items()):
        narrowed = None if rid in skipped else gate.for_case(every, joined)
        if narrowed is None:
            continue
        indexes = [i for kind in RULES[rid].kinds for i in by_kind.get(kind, ())]
        for i in indexes:
            text = texts[i]
            if not narrowed.opens(words[i], text) or not text.strip():
                continue
            field = analysed.get(i)
            if field is None:
                field = analysed[i] = Analysed(text, words[i])
            pos = function(field)
            if pos is not None:
                found.append((i, order, rid, pos))
    return [(fields[i][0], fields[i][1], rid, analysed[i], pos) for i, _, rid, pos in sorted(found)]


def rules_broken(text: str, kind: FieldKind | str) -> set[str]:
    """The ids of the text rules a piece of text breaks in a field of this kind."""
    return {hit[2] for hit in field_hits([((), FieldKind(kind), text)])}
