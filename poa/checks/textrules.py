"""The rules that read one field's text, which kinds of field each one reads, and the cheap
tests that let a whole case skip the rules none of its words could trigger."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from itertools import accumulate

from poa.checks import content, tone, wording
from poa.checks.findings import FieldKind
from poa.checks.rulebook import RULES, TEXT_RULE_IDS
from poa.checks.text import Analysed
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

    def opens(self, analysed: Analysed) -> bool:
        """Whether the rule has to read this text."""
        return (
            self.always
            or analysed.has(self.words)
            or any(mark in analysed.masked for mark in self.marks)
            or bool(self.pattern and self.pattern.search(analysed.masked))
        )


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

    The case's text is read once as a whole: a rule runs only on the fields of its kinds that
    hold one of its gate words or marks, so most fields of a sound case are never analysed."""
    skipped = set(skip)
    joined = "\n".join(text for _, _, text in fields)
    whole = Analysed(joined)
    starts = list(accumulate((len(text) + 1 for _, _, text in fields), initial=0))
    found: dict[tuple[int, str], int] = {}
    analysed: dict[int, Analysed] = {}
    for rid, (function, gate) in FUNCTIONS.items():
        if rid in skipped or not gate.opens(whole):
            continue
        kinds = RULES[rid].kinds
        for i in sorted(_candidates(gate, whole, starts)):
            _, kind, text = fields[i]
            if kind not in kinds or not text.strip():
                continue
            field = analysed.get(i) or analysed.setdefault(i, Analysed(text))
            pos = function(field)
            if pos is not None:
                found[(i, rid)] = pos
    order = {rid: n for n, rid in enumerate(TEXT_RULE_IDS)}
    return [
        (fields[i][0], fields[i][1], rid, analysed[i], pos)
        for (i, rid), pos in sorted(found.items(), key=lambda item: (item[0][0], order[item[0][1]]))
    ]


def _candidates(gate: Gate, whole: Analysed, starts: list[int]) -> set[int]:
    """The indexes of the fields that hold something the gate looks for."""
    if gate.always:
        return set(range(len(starts) - 1))
    positions: list[int] = []
    lower, masked = whole.lower, whole.masked
    for word in gate.words.intersection(whole.words):
        pos = lower.find(word)
        while pos >= 0:
            if pos == 0 or not lower[pos - 1].isalnum():
                positions.append(pos)
            pos = lower.find(word, pos + 1)
    for mark in gate.marks:
        pos = masked.find(mark)
        while pos >= 0:
            positions.append(pos)
            pos = masked.find(mark, pos + 1)
    if gate.pattern is not None:
        positions += [m.start() for m in gate.pattern.finditer(masked)]
    return {bisect_right(starts, pos) - 1 for pos in positions}


def rules_broken(text: str, kind: FieldKind | str) -> set[str]:
    """The ids of the text rules a piece of text breaks in a field of this kind."""
    return {hit[2] for hit in field_hits([((), FieldKind(kind), text)])}
