"""The rules that read one field's text, which kinds of field each one reads, and the cheap
tests that let a whole case skip the rules none of its words could trigger."""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable, Sequence
from functools import lru_cache

from poa.checks import blame, content, history, oneoff, schedule, tone, wording
from poa.checks.findings import FieldKind
from poa.checks.rulebook import RULES, TEXT_RULE_IDS
from poa.checks.text import Analysed, words_by_part
from poa.yamlfile import Loc

TextRule = Callable[[Analysed], int | None]


class Gate:
    """What a text must hold for a rule to have any chance of firing: one of these words, a
    word of each set of one of the `pairs`, one of these marks, or a text that passes the
    test; and none of the `unless` words, whose presence settles that the rule cannot fire. A
    gate never decides; it only skips work. (A plain class: a dataclass's methods are written
    and compiled each time `poa check` starts.)"""

    def __init__(
        self,
        words: frozenset[str] = frozenset(),
        *,
        pairs: tuple[tuple[frozenset[str], frozenset[str]], ...] = (),
        marks: tuple[str, ...] = (),
        test: Callable[[str], bool] | None = None,
        always: bool = False,
        unless: frozenset[str] = frozenset(),
    ) -> None:
        self.words, self.pairs, self.marks, self.test = words, pairs, marks, test
        self.always, self.unless = always, unless
        # Each first word of a pair, with every word that completes it.
        partners: dict[str, frozenset[str]] = {}
        for firsts, seconds in pairs:
            for word in firsts:
                partners[word] = partners.get(word, frozenset()) | seconds
        self.partners = partners
        self.firsts = frozenset(partners)

    def paired(self, words: Collection[str]) -> bool:
        """Whether the words hold both halves of a pair."""
        partners = self.partners
        return any(not partners[word].isdisjoint(words) for word in self.firsts.intersection(words))

    def marked(self, text: str) -> bool:
        """Whether the text holds one of the marks or passes the test."""
        return has_mark(text, self.marks) or (self.test is not None and self.test(text))

    def may_open(self, every: frozenset[str], text: str) -> bool:
        """Whether a field of a case with these words and this text (every field's, joined)
        may open it."""
        if self.always or not self.words.isdisjoint(every):
            return True
        if self.pairs and self.paired(every):
            return True
        return bool(self.marks or self.test) and self.marked(text)

    def admits(self, words: Collection[str], text: str) -> bool:
        """Whether the rule has to read a text with these words."""
        if self.unless and not self.unless.isdisjoint(words) and not _QUOTES.search(text):
            # Quoted words do not count for the rules: only an unquoted text is settled.
            return False
        if self.always or not self.words.isdisjoint(words):
            return True
        if self.pairs and self.paired(words):
            return True
        return self.marked(text)


def has_mark(text: str, marks: tuple[str, ...]) -> bool:
    """Whether the text holds one of the marks. A mark's first character is looked for first:
    a search for one character is far faster than for several, and most marks start with a
    character prose seldom has (one pattern of all the marks tries each at every position)."""
    return any(mark[0] in text and (len(mark) == 1 or mark in text) for mark in marks)


ALWAYS = Gate(always=True)
_QUOTES = re.compile("[\"“”„«»'‘’]")
FUNCTIONS: dict[str, tuple[TextRule, Gate]] = {
    "future-tense": (
        wording.future_tense,
        Gate(wording.INTENTION_GATE, pairs=wording.INTENTION_PAIRS),
    ),
    "vague-action": (wording.vague_action, Gate(wording.VAGUE_ACTION_GATE)),
    "measure-hedge": (
        wording.measure_hedge,
        Gate(wording.HEDGE_WORDS, pairs=wording.HEDGE_PAIRS),
    ),
    "generic-measure": (
        wording.generic_measure,
        Gate(wording.GENERIC_WORDS, pairs=wording.GENERIC_PAIRS),
    ),
    "one-off-measure": (
        oneoff.one_off_measure,
        # The rule reads the first five words, cheaply; a sign of the present settles it.
        Gate(always=True, unless=oneoff.PRESENT_SIGNS),
    ),
    "vague-owner": (schedule.vague_owner, Gate(always=True, unless=schedule.ROLE_WORDS)),
    "vague-frequency": (
        schedule.vague_frequency,
        Gate(always=True, unless=schedule.SCHEDULE_WORDS),
    ),
    "blame": (
        blame.blame,
        Gate(
            blame.STRONG_GATE,
            pairs=(
                blame.WEAK_GATE,
                blame.ACCUSED_PAIR,
                blame.RIVAL_PAIR,
                blame.OTHER_SELLER_PAIR,
                *blame.DEFLECTION_PAIRS,
            ),
        ),
    ),
    "emotive": (tone.emotive, Gate(tone.EMOTIVE_WORDS, pairs=tone.EMOTIVE_PAIRS)),
    "apology": (tone.apology, Gate(tone.APOLOGY_GATE)),
    "exclamation": (tone.exclamation, Gate(marks=("!", "！"))),
    "shouting": (tone.shouting, Gate(test=tone.has_loud_word)),
    "vague-root-cause": (content.vague_root_cause, ALWAYS),
    "support-case": (
        content.support_case,
        Gate(content.SUPPORT_WORDS, pairs=content.SUPPORT_PAIRS),
    ),
    "question": (
        content.question,
        Gate(content.ASK_WORDS, pairs=content.ASK_PAIRS, marks=("?",)),
    ),
    "unrelated-history": (
        history.unrelated_history,
        Gate(history.HISTORY_WORDS, pairs=history.HISTORY_PAIRS),
    ),
    "placeholder": (
        content.placeholder,
        Gate(
            content.PLACEHOLDER_WORDS,
            pairs=content.PLACEHOLDER_PAIRS,
            marks=content.GATE_MARKS,
            test=content.capital_leftover,
        ),
    ),
    "absolute-claim": (
        tone.absolute_claim,
        Gate(tone.ABSOLUTE_WORDS, pairs=tone.ABSOLUTE_PAIRS),
    ),
}
# A gate's test of a field: its words (a list, or a set) and its text.
GateTest = Callable[[Collection[str], str], bool]


def _test(gate: Gate) -> GateTest:
    """`gate.admits` as a small function fitted to what the gate holds: a gate is tested some
    150 times a case, and a general method spends most of that time on what it does not use."""
    words, unless, marks = gate.words, gate.unless, gate.marks
    if unless:
        if gate.always:
            return lambda found, text: unless.isdisjoint(found) or bool(_QUOTES.search(text))
        return gate.admits
    if gate.always:
        return lambda found, text: True
    if gate.test is not None and not (words or marks or gate.pairs):
        test = gate.test
        return lambda found, text: test(text)
    if gate.test is not None or gate.pairs:
        # Pairs alone are opened by bits (see OPENS); with marks or a test, the general method.
        return gate.admits
    if len(marks) > 1:
        return lambda found, text: not words.isdisjoint(found) or has_mark(text, marks)
    if marks:
        (mark,) = marks
        return lambda found, text: not words.isdisjoint(found) or mark in text
    return lambda found, text: not words.isdisjoint(found)


# The gates that are words alone (a word, or both words of a pair), and the others, which may
# need the field's text.
WORD_GATES = tuple(
    (rid, gate)
    for rid, (_, gate) in FUNCTIONS.items()
    if (gate.words or gate.pairs) and not (gate.marks or gate.test or gate.always or gate.unless)
)
# A gate that is always open is left out: it never lets a case skip its rule.
OTHER_GATES = tuple(
    (rid, gate)
    for rid, (_, gate) in FUNCTIONS.items()
    if rid not in {rid for rid, _ in WORD_GATES} and not gate.always
)
# Each rule gated by words alone has a bit. Each of its words maps to the bits of the rules it
# opens, and each first word of a pair to the bits it opens with the words completing it: the
# gate words of a field then open all such rules in one pass, and each rule is a test of a bit.
BIT = {rid: 1 << n for n, (rid, _) in enumerate(WORD_GATES)}
OPENS: dict[str, int] = {}
PAIRED: dict[str, tuple[tuple[int, frozenset[str]], ...]] = {}
for _rid, _gate in WORD_GATES:
    for _word in _gate.words:
        OPENS[_word] = OPENS.get(_word, 0) | BIT[_rid]
    for _word, _seconds in _gate.partners.items():
        PAIRED[_word] = (*PAIRED.get(_word, ()), (BIT[_rid], _seconds))


# The words that open a rule gated by words alone, alone or as the first of a pair.
BIT_WORDS = frozenset(OPENS) | frozenset(PAIRED)
# Each of those words with the bits it opens alone and its pairs: one lookup a word.
GATE_WORDS = {word: (OPENS.get(word, 0), PAIRED.get(word, ())) for word in BIT_WORDS}
_OPENS_NOTHING: tuple[int, tuple[tuple[int, frozenset[str]], ...]] = (0, ())


@lru_cache(maxsize=256)
def _active_rules(skipped: frozenset[str]) -> dict[FieldKind, tuple[int, tuple[Entry, ...]]]:
    """Each kind's rules less those skipped, as the bits of its rules gated by words alone and
    the entries of its others: the same few sets of rules are skipped case after case, so each
    is worked out once."""
    active = {}
    for kind, entries in BY_KIND.items():
        kept = [entry for entry in entries if entry[1] not in skipped]
        bits = sum(entry[3] for entry in kept)
        active[kind] = (bits, tuple(entry for entry in kept if not entry[3]))
    return active


def opened_by(present: Iterable[str], words: Collection[str]) -> int:
    """The bits of the rules that the gate words `present`, among all the `words` of a text,
    open."""
    opens = 0
    for word in present:
        alone, pairs = GATE_WORDS.get(word, _OPENS_NOTHING)
        opens |= alone
        for bit, seconds in pairs:
            if not seconds.isdisjoint(words):
                opens |= bit
    return opens


# For each kind of field, the rules that read it, in report order: each with its bit when its
# gate is words alone, else with its gate test.
Entry = tuple[int, str, TextRule, int, GateTest]
BY_KIND: dict[FieldKind, tuple[Entry, ...]] = {
    kind: tuple(
        (order, rid, FUNCTIONS[rid][0], BIT.get(rid, 0), _test(FUNCTIONS[rid][1]))
        for order, rid in enumerate(TEXT_RULE_IDS)
        if kind in RULES[rid].kinds
    )
    for kind in FieldKind
}
# Each bit's rule, as its entry in BY_KIND reads it.
BY_BIT = {entry[3]: entry for entries in BY_KIND.values() for entry in entries if entry[3]}
Hit = tuple[Loc, FieldKind, str, Analysed, int]
Field = tuple[Loc, FieldKind, str]


def field_hits(fields: Sequence[Field], skip: Iterable[str] = ()) -> list[Hit]:
    """(location, kind, rule id, analysed text, position) for every rule a field breaks.

    The words of every field are read in one pass over the case's joined text, and a rule
    reads a field only when the field passes the rule's gate; most fields of a sound case are
    never analysed further."""
    texts = [text for _, _, text in fields]
    joined = "\x00".join(texts)
    words = words_by_part(joined.lower(), "\x00")
    # Every word of the case; it is not cut down to the gates' words first, as one more pass
    # of lookups in a large table costs more than the smaller set then saves.
    every = frozenset().union(*words)
    openers = every & BIT_WORDS
    skipped = _skipped(joined, every, skip)
    found: list[tuple[int, int, str, int]] = []
    analysed: dict[int, Analysed] = {}
    active = _active_rules(frozenset(skipped))
    for i, (_, kind, text) in enumerate(fields):
        if not text or text.isspace():
            continue
        here = words[i]
        bits, others = active[kind]
        present = openers.intersection(here) if bits else None
        opens = opened_by(present, here) & bits if present else 0
        run = [entry for entry in others if entry[4](here, text)]
        while opens:
            # Each rule the field's words open, by its bit.
            bit = opens & -opens
            opens ^= bit
            run.append(BY_BIT[bit])
        if run:
            read = analysed[i] = Analysed(text, frozenset(here))
            for order, rid, function, _, _ in run:
                if (pos := function(read)) is not None:
                    found.append((i, order, rid, pos))
    return [(fields[i][0], fields[i][1], rid, analysed[i], pos) for i, _, rid, pos in sorted(found)]


def _skipped(joined: str, every: frozenset[str], skip: Iterable[str]) -> set[str]:
    """The rules gated by marks or tests that none of the case's fields can open, with those
    switched off (a rule gated by words is decided field by field, by its bit). Gate marks and
    tests read every field's text, joined: a mark in a field of another kind only costs the
    rule a look at the fields it reads."""
    skipped = set(skip)
    skipped.update(rid for rid, gate in OTHER_GATES if not gate.may_open(every, joined))
    return skipped


def rules_broken(text: str, kind: FieldKind | str) -> set[str]:
    """The ids of the text rules a piece of text breaks in a field of this kind."""
    return {hit[2] for hit in field_hits([((), FieldKind(kind), text)])}
