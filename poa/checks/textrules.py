"""The rules that read one field's text, and which kinds of field each one reads."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from poa.checks import content, tone, wording
from poa.checks.findings import FieldKind
from poa.checks.rulebook import RULES, TEXT_RULE_IDS
from poa.checks.text import Analysed

TextRule = Callable[[Analysed], int | None]

FUNCTIONS: dict[str, TextRule] = {
    "future-tense": wording.future_tense,
    "vague-action": wording.vague_action,
    "measure-hedge": wording.measure_hedge,
    "generic-measure": wording.generic_measure,
    "one-off-measure": wording.one_off_measure,
    "vague-owner": content.vague_owner,
    "vague-frequency": content.vague_frequency,
    "blame": tone.blame,
    "emotive": tone.emotive,
    "apology": tone.apology,
    "exclamation": tone.exclamation,
    "shouting": tone.shouting,
    "vague-root-cause": content.vague_root_cause,
    "support-case": content.support_case,
    "question": content.question,
    "unrelated-history": content.unrelated_history,
    "placeholder": content.placeholder,
    "absolute-claim": tone.absolute_claim,
}

BY_KIND: dict[FieldKind, tuple[tuple[str, TextRule], ...]] = {
    kind: tuple((rid, FUNCTIONS[rid]) for rid in TEXT_RULE_IDS if kind in RULES[rid].kinds)
    for kind in FieldKind
}


def text_hits(
    text: str, kind: FieldKind | str, skip: Iterable[str] = ()
) -> list[tuple[str, Analysed, int]]:
    """(rule id, analysed text, position) for every text rule this field breaks."""
    rules = BY_KIND[FieldKind(kind)]
    if not rules or not text.strip():
        return []
    skipped = set(skip)
    analysed = Analysed(text)
    hits = []
    for rule_id, function in rules:
        if rule_id in skipped:
            continue
        pos = function(analysed)
        if pos is not None:
            hits.append((rule_id, analysed, pos))
    return hits


def rules_broken(text: str, kind: FieldKind | str) -> set[str]:
    """The ids of the text rules a piece of text breaks in a field of this kind."""
    return {rule_id for rule_id, _, _ in text_hits(text, kind)}
