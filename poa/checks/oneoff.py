"""The one-off-measure rule: a preventive measure written in the past tense that describes a
step taken once ("Booked a second carrier pickup"), not a control that runs. The rule takes
the analysed text and returns a position, or None."""

from __future__ import annotations

from poa.checks.schedule import ROLE_WORDS
from poa.checks.text import Analysed, compiled_when_used, word_set

_PAST_IRREGULAR = word_set(
    """bought built sent set made took wrote rewrote gave paid put ran began held kept got found
    told met cut shut sold brought taught chose drew had did won spent left led lost split
    hired written rewritten taken given done redone shown chosen drawn"""
)
PRESENT_SIGNS = frozenset(
    [
        "is",
        "are",
        "am",
        "must",
        "can",
        "cannot",
        "will",
        "now",
        "runs",
        "daily",
        "weekly",
        "monthly",
        "hourly",
        "nightly",
        "quarterly",
        "yearly",
        "annually",
        "whenever",
        "always",
        "since",
        "routinely",
        "continuously",
        "ongoing",
        "twice",
    ]
)
_ONGOING = compiled_when_used(
    r"\b(?:(?:that|which|who)\s+(?:now\s+|also\s+|then\s+)?[a-z]+[^s\s]s\b"
    r"|(?:at|on|for|before|after|with)\s+(?:every|each)\b"
    r"|(?:every|each|per)\s+(?:day|week|month|morning|evening|night|weekday|hour|quarter|year|"
    r"shift|run|time|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b"
    r"|on\s+(?:mondays|tuesdays|wednesdays|thursdays|fridays|saturdays|sundays|weekdays)\b"
    r"|(?:sends|sets|checks|runs|holds|blocks|alerts|flags|pauses|stops|emails|notifies|compares"
    r"|reviews|reads|uploads|writes|updates|lists|counts|opens|logs|approves|signs|tests|grades"
    r"|keeps|goes|pulls|calls|answers|confirms|matches|covers|requires|prevents|recalculates"
    r"|lowers|raises|collects|prints|scans)\b"
    r"|once\s+a\b|\d{1,2}:\d{2}\b)|;\s*(?:the|a|an|each|every)\s+\w+(?:\s+\w+)?\s+[a-z]+[^s\s]s\b"
)
# Words a measure's opening may hold before its verb: a subject, and the auxiliaries of a
# verb in the past ("All staff were trained", "Staff have been retrained").
_SUBJECT_WORDS = word_set(
    "we i our the a an my all owner team staff lead manager was were have has been re packers"
    " pickers employees workers operators agents everyone"
)
# Verbs in the past that say what someone came to know, not a step taken ("We have learned").
_NOT_STEPS = word_set("learned learnt realised realized understood recognised recognized")


# "Increased attention", "Improved communication": a participle before a noun of care names a
# state of things (vague, perhaps, which generic-measure judges), not a step taken once.
_RAISED = word_set(
    "increased improved enhanced heightened strengthened tightened intensified reinforced"
)
_CARE_NOUNS = word_set(
    """attention focus vigilance monitoring communication oversight awareness care scrutiny
    coordination supervision control controls checks checking diligence alertness"""
)


def one_off_measure(t: Analysed) -> int | None:
    """A measure in the past tense that describes a step taken once, not a control that runs."""
    if t.has(PRESENT_SIGNS):
        return None
    tokens = t.first_tokens(5)
    if len(tokens) > 1 and tokens[0] in _RAISED and tokens[1] in _CARE_NOUNS:
        return None
    # A subject that names a role ("The Warehouse lead", "Operations manager"): the verb
    # comes after the role.
    role = next((i for i, token in enumerate(tokens[:4]) if token in ROLE_WORDS), None)
    if role is not None and role + 1 < len(tokens) and _is_past(tokens[role + 1]):
        return None if _ONGOING().search(t.lower) else 0
    for token in tokens:
        if _is_past(token):
            return None if _ONGOING().search(t.lower) else 0
        if token not in _SUBJECT_WORDS:
            break
    # "A one-time reconciliation was carried out": a step in the passive, done once.
    done = _CARRIED_OUT().search(t.lower) if t.has(_WAS) else None
    return done.start() if done and not _ONGOING().search(t.lower) else None


_WAS = word_set("was were")
_CARRIED_OUT = compiled_when_used(
    r"\b(?:was|were)\s+(?:\w+ly\s+)?(?:carried\s+out|done|completed|performed|conducted|held"
    r"|organi[sz]ed|arranged|undertaken)\b"
)


def _is_past(word: str) -> bool:
    if word in _NOT_STEPS:
        return False
    return word in _PAST_IRREGULAR or (
        len(word) > 4 and word.endswith("ed") and word not in ("need", "based", "speed")
    )
