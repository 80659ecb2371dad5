"""The rules that read one field's text, which kinds of field each one reads, and the cheap
tests that let a whole case skip the rules none of its words could trigger."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from poa.checks import content, tone, wording
from poa.checks.findings import FieldKind
from poa.checks.rulebook import RULES, TEXT_RULE_IDS
from poa.checks.text import Analysed, words_by_part
from poa.yamlfile import Loc

TextRule = Callable[[Analysed], int | None]


@dataclass(frozen=True)
class Gate:
    """What a text must hold for a rule to have any chance of firing: one of these words, one
    of these marks, or a match of this pattern; and none of the `unless` words, whose presence
    settles that the rule cannot fire. A gate never decides; it only skips work. A gate whose
    rule reads one or two fields of a case (`narrow`) tests those fields alone."""

    words: frozenset[str] = frozenset()
    marks: tuple[str, ...] = ()
    pattern: re.Pattern[str] | None = None
    always: bool = False
    unless: frozenset[str] = frozenset()
    narrow: bool = False

    patterns: tuple[re.Pattern[str], ...] = field(init=False)

    def __post_init__(self) -> None:
        # The marks as one pattern, beside the gate's own pattern.
        marks = [re.compile("|".join(map(re.escape, self.marks)))] if self.marks else []
        object.__setattr__(self, "patterns", (*marks, *([self.pattern] if self.pattern else [])))

    def opens_somewhere(self, every: frozenset[str], joined: str) -> bool:
        """Whether any field of a case with these words and this joined text may open it."""
        if self.always or self.narrow or not self.words.isdisjoint(every):
            return True
        return any(pattern.search(joined) for pattern in self.patterns)

    def fields(
        self, indexes: list[int], words: list[frozenset[str]], texts: list[str]
    ) -> list[int]:
        """Those of the fields (by index) the rule has to read: the gate opens on them."""
        if self.unless:
            # Words inside quotes do not count for the rules, so only an unquoted text is
            # settled by its words.
            unless = self.unless
            indexes = [
                i for i in indexes if unless.isdisjoint(words[i]) or _QUOTES.search(texts[i])
            ]
        if self.always:
            return indexes
        gate = self.words
        chosen = [i for i in indexes if not gate.isdisjoint(words[i])]
        for pattern in self.patterns:
            chosen += [i for i in indexes if pattern.search(texts[i])]
        return sorted(set(chosen)) if self.patterns else chosen


ALWAYS = Gate(always=True)
_QUOTES = re.compile("[\"“”„«»'‘’]")
FUNCTIONS: dict[str, tuple[TextRule, Gate]] = {
    "future-tense": (wording.future_tense, Gate(wording.INTENTION_GATE)),
    "vague-action": (wording.vague_action, Gate(wording.VAGUE_ACTION_GATE)),
    "measure-hedge": (wording.measure_hedge, Gate(wording.HEDGE_GATE)),
    "generic-measure": (wording.generic_measure, Gate(wording.GENERIC_GATE)),
    "one-off-measure": (wording.one_off_measure, Gate(pattern=wording.PAST_LEAD, narrow=True)),
    "vague-owner": (content.vague_owner, Gate(always=True, unless=content.ROLE_WORDS)),
    "vague-frequency": (
        content.vague_frequency,
        Gate(always=True, unless=content.SCHEDULE_WORDS),
    ),
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
    for i, (_, kind, text) in enumerate(fields):
        if text.strip():
            by_kind.setdefault(kind, []).append(i)
    of_kinds: dict[frozenset[FieldKind], list[int]] = {}
    found: list[tuple[int, int, str, int]] = []
    analysed: dict[int, Analysed] = {}
    for order, (rid, (function, gate)) in enumerate(FUNCTIONS.items()):
        if rid in skipped or not gate.opens_somewhere(every, joined):
            continue
        kinds = RULES[rid].kinds
        indexes = of_kinds.get(kinds)
        if indexes is None:
            indexes = of_kinds[kinds] = sorted(i for kind in kinds for i in by_kind.get(kind, ()))
        for i in gate.fields(indexes, words, texts):
            read = analysed.get(i)
            if read is None:
                read = analysed[i] = Analysed(texts[i], words[i])
            pos = function(read)
            if pos is not None:
                found.append((i, order, rid, pos))
    return [(fields[i][0], fields[i][1], rid, analysed[i], pos) for i, _, rid, pos in sorted(found)]


def rules_broken(text: str, kind: FieldKind | str) -> set[str]:
    """The ids of the text rules a piece of text breaks in a field of this kind."""
    return {hit[2] for hit in field_hits([((), FieldKind(kind), text)])}
