"""Rules on a preventive measure's owner and frequency: an owner that names no one in
particular, and a frequency that is no schedule. Each takes the analysed text and returns a
position, or None."""

from __future__ import annotations

import re

from poa.checks.text import Analysed, compiled_when_used, word_set

ROLE_WORDS = word_set(
    """lead leader manager head officer supervisor director coordinator owner founder ceo coo
    cfo cto specialist analyst controller planner buyer administrator admin engineer accountant
    auditor clerk assistant executive partner president proprietor inspector agent chief"""
)
_ROLE = compiled_when_used(
    r"\b(?:lead|leader|manager|head|officer|supervisor|director|coordinator|owner|founder|ceo"
    r"|coo|cfo|cto|specialist|analyst|controller|planner|buyer|administrator|admin|engineer"
    r"|accountant|auditor|clerk|assistant|executive|partner|president|proprietor|inspector"
    r"|agent|chief|in\s+charge)\b"
)
# Words an owner made only of is no one in particular: a pronoun, a group or a department.
_NO_ONE = word_set(
    """we us me i you everyone everybody all staff team teams employees people management
    company business someone somebody anyone anybody whoever various multiple seller packers
    workers personnel members member available involved customer service support warehouse
    operations compliance sales purchasing listings quality logistics shipping fulfilment
    fulfillment inventory marketing finance returns department departments dept division ops
    staffs leadership responsible designated dedicated assigned nominated person persons
    individual individuals employee staffer staffers colleague colleagues crew whichever packer
    picker they them free
    senior relevant appropriate respective concerned shift duty on in of the our my and or is
    tbd n a na none"""
)


def vague_owner(t: Analysed) -> int | None:
    """An owner that is no one in particular: we, the team, all staff, a department."""
    if not t.words.isdisjoint(ROLE_WORDS) or _ROLE().search(t.lower) or not t.tokens:
        return None
    words = re.findall(r"[a-z]+", t.lower)
    return 0 if all(w in _NO_ONE for w in words) else None


_VAGUE_FREQUENCY = compiled_when_used(
    r"\b(?:regular(?:ly)?|ongoing|as\s+(?:needed|required|often\s+as\s+possible)"
    r"|when(?:ever)?\s+(?:needed|necessary|required|possible)|continu(?:ous|ously|ally)"
    r"|periodic(?:ally)?|from\s+time\s+to\s+time|often|frequently|constantly|always|routinely"
    r"|occasionally|sometimes|every\s+so\s+often|when(?:ever)?\s+we\s+have\s+time|all\s+the\s+time"
    r"|at\s+our\s+discretion|now\s+and\s+then|consistently|permanently|tbd|n/a|routine(?:ly)?"
    r"|on\s+an?\s+(?:\w+\s+)?basis|at\s+all\s+times|time\s+to\s+time|going\s+forward"
    r"|moving\s+forward|from\s+now\s+on|henceforth|hereafter|in\s+(?:the\s+)?future)\b"
)
# "once" is not among them: alone it is no schedule ("once a week" is, by the pattern below);
# nor "every", for "every now and then".
SCHEDULE_WORDS = word_set(
    """daily weekly monthly hourly nightly quarterly yearly annually fortnightly twice
    each per before after monday tuesday wednesday thursday friday saturday sunday automated
    automatic"""
)
# A frequency that says the measure ran one time: a step taken, not a control that runs.
_ONCE = compiled_when_used(
    r"(?:just |only )?(?:once|one[ -]time|one[ -]off|a single time)(?: only)?"
)
_EVERY_NOW_AND_THEN = compiled_when_used(
    r"\bevery\s+(?:now\s+and\s+then|so\s+often|once\s+in\s+a\s+while)\b"
)
_SCHEDULE = compiled_when_used(
    r"\d|\b(?:(?:daily|weekly|monthly|hourly|nightly|quarterly|yearly|annually|fortnightly|twice"
    r"|once|every|each|per|before|after|monday|tuesday|wednesday|thursday|friday"
    r"|saturday|sunday|automated|automatic|real[- ]time)\b|when\s+(?:a|an|the|each|every)\b)"
)


VAGUE_FREQUENCY_GATE = word_set(
    """regular regularly ongoing as when whenever continuous continuously continually periodic
    periodically from often frequently constantly always routinely occasionally sometimes every
    all at now consistently permanently tbd n routine basis time going moving henceforth
    hereafter future"""
)


def vague_frequency(t: Analysed) -> int | None:
    """A frequency that is no schedule: regularly, ongoing, as needed, once."""
    if _ONCE().fullmatch(" ".join(t.lower.split()).strip(" .")):
        return 0
    if not t.words.isdisjoint(SCHEDULE_WORDS):
        return None
    if "every" in t.words and (odd := _EVERY_NOW_AND_THEN().search(t.lower)):
        return odd.start()
    if _SCHEDULE().search(t.lower):
        return None
    match = _VAGUE_FREQUENCY().search(t.lower)
    return match.start() if match else None
