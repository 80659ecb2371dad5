"""Rules on what actions and measures say: done or only planned, specific or generic (a
control that runs, or a step taken once, has a module of its own).

Each rule takes the analysed text and returns the position of what it found, or None.
"""

from __future__ import annotations

import re

from poa.checks.text import Analysed, compiled_when_used, main_clause_match, word_pairs, word_set

_BUSY_VERBS = (
    "updating|preparing|reviewing|looking|planning|setting|investigating|arranging|waiting|"
    "contacting|trying|considering|developing|implementing|finali[sz]ing|drafting|discussing|"
    "evaluating|assessing|negotiating|exploring|organi[sz]ing|building|creating|gathering|"
    "collecting|processing|working|moving|replacing|removing|changing|switching|testing|"
    "auditing|checking|training|rewriting|issuing|refunding|fixing|sorting"
)
# Words that make a sentence about the future or about work still under way.
_INTENTION = compiled_when_used(
    r"\b(?:will|shall|won't|wo n't)\b(?!\s+(?:have|had)\s+been)"
    r"|\b(?:i|we|you|they|he|she|it)'ll\b"
    r"|\b(?:am|is|are|'re|'m)\s+going\s+to\s+(?!the\b|a\b|an\b|our\b|their\b|each\b|every\b)"
    r"|\bgonna\b|\bunder\s?way\b|\bin\s+progress\b|\b(?:our\s+)?(?:intention|plan)\s+is\s+to\b"
    r"|\bin\s+(?:the\s+)?process\s+of\b|\bcurrently\s+(?:re-)?[a-z]+ing\b|\bpending\s*:"
    r"|\bscheduled\s+for\b|\bexpected\s+(?:by|on|in|within)\b"
    r"|\b(?:plan|plans|planning|planing|intend|intends|intending|hope|hopes|hoping|aim|aims|aiming"
    r"|expect|expects|expecting|want|wants|wish|wishes)\s+to\b"
    r"|\bwould\s+like\s+to\b|\bworking\s+on\b|\bin\s+the\s+process\s+of\b"
    r"|\b(?:is|are)\s+being\s+[a-z]+\b|\bscheduled\s+to\b"
    rf"|\b(?:am|is|are|'re|'m)\s+(?:currently\s+|still\s+|now\s+)?(?:re-?)?(?:{_BUSY_VERBS})\b"
    # "Going to contact the buyers." and "Next step: apply for...", with no subject.
    # (Written with a look behind rather than "^|[.;:!]": an alternative that opens with a
    # choice of anchors makes every search of the pattern several times slower.)
    r"|\b(?<![a-z0-9,']\s)going\s+to\s+(?!the\b|a\b|an\b|our\b|their\b|each\b|every\b)"
    r"|\bnext\s+steps?\s*(?::|-|is\b|are\b|will\b)"
    # A step left to later ("labels to be reprinted then") or promised by someone else.
    # (Not a parcel "to be delivered by Friday": the carrier's step after the seller's.)
    r"|\bto\s+be\s+(?!delivered\b|received\b|collected\b)(?:re-?)?[a-z]+(?:ed|en)\s+(?:then|tomorrow"
    r"|next|later|soon|shortly|by\s+\w+"
    r"|this\s+week|on\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday))\b"
    r"|\b(?:has|have)\s+(?:agreed|promised|committed|offered)\s+to\b"
)
_SOON = re.compile(
    r"\b(?:(?:soon|shortly|asap|tomorrow)\b(?<!as soon)"
    r"|next\s+(?:week|month|quarter|year|monday|tuesday|wednesday|thursday|friday)\b"
    r"|in\s+the\s+coming\s+(?:days|weeks|months)\b|by\s+the\s+end\s+of\s+(?:the|this)\b)"
)


INTENTION_GATE = (
    word_set(
        """will shall won wo ll going plan plans planning intend intends intending hope hopes
    hoping aim aims aiming expect expects expecting want wants wish wishes would working process
    being scheduled soon shortly asap next coming end gonna planing underway under progress
    intention expected currently pending tomorrow"""
    )
    | frozenset(_BUSY_VERBS.replace("[sz]", "s").split("|"))
    | frozenset(_BUSY_VERBS.replace("[sz]", "z").split("|"))
)


# Common words that make a plan only together: "to be reprinted then", "has agreed to".
INTENTION_PAIRS = word_pairs(
    [
        ("be", "then later by this on monday tuesday wednesday thursday friday saturday sunday"),
        ("agreed promised committed offered", "has have"),
    ]
)


def future_tense(t: Analysed) -> int | None:
    """An action written as an intention or as work still under way."""
    if not t.has(INTENTION_GATE) and not any(t.has(a) and t.has(b) for a, b in INTENTION_PAIRS):
        return None
    match = main_clause_match(_INTENTION(), t, skip=_named_will)
    if match is None:
        match = _SOON.search(t.lower)
        if match and t.lower[max(0, match.start() - 3) : match.start()] == "as ":
            match = None
    return match.start() if match else None


def _named_will(t: Analysed, match: re.Match[str]) -> bool:
    """Whether the "will" matched is someone's name ("Will Harper re-inspected...")."""
    return _NAME().match(t.raw, match.start()) is not None


_NAME = compiled_when_used(r"Will\s+[A-Z][a-z]+\b(?!\s+(?:be|have|now|also|not)\b)")


_GENERIC_ACTION_WORDS = word_set(
    """fixed fix fixes resolved resolve addressed address handled handle corrected correct
    rectified rectify sorted sort dealt deal took take taken taking care made make implemented
    implement improved improve updated update reviewed changed everything it this that these
    things all issue issues problem problems matter matters situation concern concerns complaint
    complaints error errors mistake mistakes necessary appropriate needed required relevant
    corrective steps step measures measure action actions changes change adjustments
    improvements updates processes process systems system root cause causes raised outstanding
    identified immediately promptly quickly thoroughly fully properly completely permanently
    now working work several various every each any some with out to and the a an of in on for
    across against so does not recur our we us i have has had been was were is are be it's
    will shall sure compliant notice
    team staff listings listing account catalog catalogue supplier buyers buyer buyers' policy
    how there done looked into investigated examined affected asin asins your notification
    notifications email right after got received asap soon possible points point operations
    operation where corrections correction side out concerned people solved solve relevant
    mentioned flagged highlighted cited stated noted needful as per amazon guidelines guideline
    requirements rules that caused defects defect store stores shop customers customer orders
    order pending inventory stock shipping settings setting content details information data
    records accordingly brought bring line cleaned clean up did do"""
)
_CHANGE_PHRASE = re.compile(
    r"\b(?:made|implemented|took|taken|introduced)\s+(?:\w+\s+){0,2}?"
    r"(?:changes|adjustments|improvements|updates|steps|measures|action|actions|corrections"
    r"|fixes|amendments)\b"
    # A generic verb whose object is only "the issue": "Rectified the issues with our shipments".
    r"|^(?:rectified|fixed|resolved|addressed|handled|sorted(?:\s+out)?|corrected|dealt\s+with)\s+"
    r"(?:the|all|any|our|these|those|this|that)?\s*(?:\w+\s+){0,2}?(?:issues?|problems?|matters?|errors?"
    r"|mistakes?|concerns?)\b"
)
_SPECIFIC = compiled_when_used(r"\d|:|\bfrom\b.+\bto\b|\bso\s+that\b|\bby\s+\w+ing\b|\bnamely\b")


def vague_action(t: Analysed) -> int | None:
    """An action that does not say what was changed: only generic verbs and objects."""
    words = t.tokens
    if not words:
        return None
    if all(w in _GENERIC_ACTION_WORDS for w in words) and any(w in _GENERIC_VERBS for w in words):
        return 0
    match = _CHANGE_PHRASE.search(t.lower) if t.has(_CHANGE_GATE) else None
    if match and not _SPECIFIC().search(t.lower) and len(words) <= 10:
        return match.start()
    return None


_CHANGE_GATE = word_set(
    "made implemented took taken introduced rectified fixed resolved addressed handled sorted"
    " corrected dealt"
)
_GENERIC_VERBS = word_set(
    """fixed fix resolved resolve addressed address handled handle corrected correct rectified
    sorted dealt took take taken made make implemented improved updated reviewed looked
    investigated examined done did cleaned brought compliant"""
)
VAGUE_ACTION_GATE = _GENERIC_VERBS | _CHANGE_GATE

_HEDGE = compiled_when_used(
    r"\b(?:tr(?:y|ies|ying)\s+to\b|(?:do(?:es)?|tr(?:y|ies|ying))\s+(?:our|their|my|his|her)\s+best\b"
    # "aims at answering" is a hedge; "the rate aims at under 1%" is a target.
    r"|aim(?:s|ing)?\s+(?:to|at(?!\s+(?:under|below|over|above|less|fewer|more|no|\d)))\b"
    r"|hopefully\b|hop(?:e|es|ing)\s+to\b"
    r"|(?:if|when|whenever|as)\s+time\s+(?:allows|permits)\b"
    r"|shoul?d\b|might\b|ideally\b|may\s+(?!only\b|not\b)(?:be\s+)?\w+|ought\s+to\b"
    r"|looking\s+to\b|once\s+we\s+(?:hire|recruit|find|get|receive|have)\b"
    r"|plan(?:s|ning)?\s+to\b|intend(?:s|ing)?\s+to\b|(?:am|is|are|'re)\s+going\s+to\b"
    r"|(?:where(?:ver)?|if|when(?:ever)?)\s+(?:possible|feasible)\b"
    # Planned to start, or for a later date: not running yet ("are planned with stock
    # confirmed beforehand" is how a running control works).
    r"|(?:is|are)\s+planned\s+(?:to\s+(?:start|begin|launch|go\s+live)|for\s+(?:next|later"
    r"|the\s+coming|january|february|march|april|may|june|july|august|september|october"
    r"|november|december|q[1-4])\b)"
    r"|as\s+(?:far|much|often)\s+as\s+(?:is\s+)?(?:possible|practicable|practical|we\s+can)\b"
    r"|as\s+many\s+\w+(?:\s+\w+)?"
    r"\s+as\s+we\s+can\b|attempt(?:s|ing)?\s+to\b|strive\b|endeavou?r\b"
    r"|encouraged\s+to\b|when\s+(?:they|we|staff)\s+have\s+time\b"
    r"|our\s+(?:goal|aim|intention|objective|wish|hope)\s+is\b"
    r"|will\s+(?:start|begin|introduce|implement|set\s+up|create|develop|roll\s+out|put\s+in"
    r"\s+place|look\s+into|consider|explore|add)\b"
    r"|will\s+be\s+(?:introduced|implemented|set\s+up|created|developed|rolled\s+out)\b"
    r"|working\s+on\b|in\s+the\s+process\s+of\b|would\s+like\s+to\b"
    r"|in\s+the\s+coming\s+(?:weeks|months)\b|as\s+soon\s+as\s+possible\b"
    r"|from\s+next\s+(?:week|month|year)\b"
    r"|(?:make|makes|making)\s+(?:(?:all|every|our|their|its)\s+)?(?:best\s+)?efforts?\s+to\b"
    r"|best\s+efforts?\b|every\s+effort\b)"
)
# A noun and the clause that describes it, with no "that": "the defects we should test for".
_REDUCED_RELATIVE = re.compile(r"\b[a-z]{3,}s\s+(?:we|they|you|staff)\s+$")
_GATED = compiled_when_used(r"(?:\s+\w+)?\s+only\s+(?:after|when|once|if)\b")
_MONTH_DAY = re.compile(r"\d\s+may\b|\bmay\s+\d")
_INVERTED = compiled_when_used(
    r"\s+(?:a|an|the|any|this|that|these|those|it|they|we|one|there|our|their)\s+\w+"
)


HEDGE_GATE = word_set(
    """try tries trying best aim aims aiming hopefully hope hopes hoping should might ideally may
    plan plans planning intend intends intending going possible far much often many attempt
    attempts attempting strive endeavour endeavor encouraged time goal will working process
    would coming next feasible planned shoud ought looking once efforts effort intention objective
    wish whenever"""
)


# The hedges that are one word, and the words that hedge only with another ("working" with
# "on", "next" with "week").
HEDGE_WORDS = word_set(
    """try tries trying aim aims aiming hopefully hope hopes hoping should might ideally may plan
    plans planning intend intends intending possible feasible attempt attempts attempting strive
    shoud ought
    endeavour endeavor encouraged will"""
)
HEDGE_PAIRS = word_pairs(
    [
        ("best", "do does"),
        ("going", "am is are re"),
        ("far much often many", "can practicable practical"),
        ("time", "when if whenever as"),
        ("goal intention objective wish", "our"),
        ("working", "on"),
        ("process", "of"),
        ("would", "like"),
        ("coming", "weeks months"),
        ("next", "week month year"),
        ("planned", "is are"),
        ("looking", "to"),
        ("once", "we"),
        ("efforts effort", "best make makes making every"),
    ]
)


def measure_hedge(t: Analysed) -> int | None:
    """A measure that is hedged, or that does not run yet."""
    if not t.has(HEDGE_GATE):
        return None
    for match in _HEDGE().finditer(t.lower):
        word = match.group(0)
        if word.startswith("may") and _MONTH_DAY.search(
            t.lower, max(0, match.start() - 3), match.end()
        ):
            continue
        if word.split()[0] in ("should", "might", "may") and (
            t.is_subordinate(match.start())
            or _REDUCED_RELATIVE.search(t.lower, max(0, match.start() - 30), match.start())
        ):
            continue  # "defects we should test for" describes the defects
        if word == "should" and _INVERTED().match(t.lower, match.end()):
            continue  # "Should a buyer report damage, ..." is a condition, not a hedge
        if word.startswith("will") and _GATED().match(t.lower, match.end()):
            continue  # "will start selling only after ... signs" is a gate that runs
        return match.start()
    return None


_GENERIC_CUES = compiled_when_used(
    r"\b(?:careful(?:ly)?\b|attention\b|vigilan(?:t|ce)\b|diligen(?:t|ce)\b|closely\b"
    r"|seriously\b|(?:stricter|strictly|tighter|better|enhanced|improved|higher|closer|"
    r"stronger)\b|aware(?:ness)?\b|importance\b|priority\b|harder\b|recurrence\b"
    r"|compl(?:y|ies|ied)\b|compliance\s+with\b|(?:full|total|strict)\s+compliance\b|follow(?:s|ing)?\s+(?:all\s+)?(?:the\s+)?(?:amazon'?s?\s+)?"
    r"(?:rules|guidelines|policies|policy|standards)\b|close\s+eye\b|learn(?:ed|t)?\s+from\b"
    r"|double[- ]checks?\s+everything\b|happen(?:s|ing)?\s+again\b|our\s+processes\b"
    r"|up\s+to\s+date\s+with\s+(?:\w+\s+)?(?:rules|policies|guidelines|requirements)\b"
    r"|(?:stricter|tighter|better|improved|enhanced|closer)\s+quality\s+control\b"
    r"|(?:extra|greater|more|additional|increased|special)\s+care\b|committed\s+to\b"
    r"|commitment\s+to\b|careful\w*|(?:is|are)\s+(?:perfect|flawless)\b"
    r"|(?:heightened|increased|greater|more)\s+focus\b|double\s+(?:our|the)\s+efforts?\b"
    r"|understand\w*\s+(?:how\s+important|the\s+importance)\b"
    r"|meet(?:s|ing)?\s+(?:all\s+)?(?:of\s+)?(?:amazon'?s?\s+|the\s+|our\s+)?(?:standards|requirements"
    r"|policies|guidelines|rules)\b|more\s+(?:thorough|rigorous|detailed|frequent)\b)"
)
_CONCRETE = compiled_when_used(
    r"\d|\b(?:(?:daily|weekly|monthly|hourly|nightly|quarterly|yearly|annually|twice|morning|"
    r"afternoon|evening|monday|tuesday|wednesday|thursday|friday|saturday|sunday|hours?|days?)\b"
    r"|(?:checklist|report|alert|log|audit|dashboard|sample|sampled|test|tested|photo|photos|scan|"
    r"scanned|template|procedure|sop|software|list|form|spreadsheet|scanner|label|labels|"
    r"invoice|invoices|opened|inspected|approval|approves|signs|rule|tool|blocks|lookup|registry|"
    # A role and a step it takes: "the receiving clerk opens every carton".
    r"clerk|packer|packers|picker|pickers|opens|weighs|matches|compares|counts|scans|inspects"
    r"|verifies|photographs|records|scale|scales|bench|camera|barcode|weighs|weighed|weight)\b"
    r"|by\s+\w+ing\b|before\s+(?:the|each|every|any)\b)"
)


GENERIC_GATE = word_set(
    """careful carefully attention vigilant vigilance diligent diligence closely seriously
    stricter strictly tighter better enhanced improved higher closer stronger aware awareness
    importance priority harder recurrence comply complies complied compliance follow follows
    following eye learn learned learnt check happen happens happening processes care
    committed commitment understand understands understood carefull focus efforts checks date
    meet meets meeting thorough rigorous detailed frequent perfect flawless"""
)


GENERIC_WORDS = word_set(
    """careful carefully attention vigilant vigilance diligent diligence closely seriously
    stricter strictly tighter better enhanced improved higher closer stronger aware awareness
    importance priority harder recurrence comply complies complied committed commitment
    carefull"""
)
GENERIC_PAIRS = word_pairs(
    [
        ("compliance", "with full total strict"),
        ("follow follows following", "rules guidelines policies policy standards"),
        ("eye", "close"),
        ("learn learned learnt", "from"),
        ("check checks", "everything"),
        ("date", "rules policies guidelines requirements"),
        ("happen happens happening", "again"),
        ("processes", "our"),
        ("care", "extra greater more additional increased special"),
        ("perfect flawless", "is are"),
        ("focus", "heightened increased greater more"),
        ("efforts effort", "double"),
        ("understand understands understood", "important importance"),
        ("meet meets meeting", "standards requirements policies guidelines rules"),
        ("thorough rigorous detailed frequent", "more"),
    ]
)


def generic_measure(t: Analysed) -> int | None:
    """A measure that promises care or compliance but names no control."""
    if not t.has(GENERIC_GATE):
        return None
    match = _GENERIC_CUES().search(t.lower)
    if match is None or _CONCRETE().search(t.lower):
        return None
    return match.start()
