"""The blame rule: the cause put on Amazon, buyers, competitors, carriers or suppliers instead
of owned. A third party may be named as context; the cause must be the seller's missing
control. The rule takes the analysed text and returns a position, or None."""

from __future__ import annotations

import re

from poa.checks.text import Analysed, compiled_when_used, word_pairs, word_set

_THIRD_WORDS = word_set(
    """amazon buyer buyers customer customers competitor competitors carrier carriers courier
    couriers usps ups fedex dhl royal hermes evri dpd gls supplier suppliers manufacturer
    manufacturers factory vendor vendors distributor distributors wholesaler wholesalers 3pl prep
    agency freelancer virtual rights brand seller algorithm bot complainant complainants rival
    rivals poste correos colissimo chronopost purolator canpar yodel parcelforce ontrac lasership
    aramex bluedart delhivery sagawa yamato postnl bpost australia canada deutsche india japan
    delivery logistics partner partners fba fulfillment fulfilment"""
)
_THIRD_WORDS |= frozenset(w + "'s" for w in _THIRD_WORDS)
_THIRD_PARTY = (
    r"(?:amazon|buyers?|customers?|competitors?|carriers?|couriers?|usps|ups|fedex|dhl"
    r"|royal\s+mail|hermes|evri|dpd|gls|suppliers?|manufacturers?|factory|vendors?|distributors?"
    r"|wholesalers?|3pl|prep\s+cent(?:er|re)|agency|freelancer|virtual\s+assistant|rights\s+owner"
    r"|brand\s+owner|seller\s+support|algorithm|bot|complainants?|rivals?(?:\s+sellers?)?"
    r"|(?:australia|canada|deutsche|india|japan)\s+post|poste(?:\s+italiane)?|correos|colissimo|chronopost"
    r"|purolator|canpar|yodel|parcelforce|ontrac|lasership|aramex|bluedart|delhivery|sagawa"
    r"|yamato|postnl|bpost|(?:delivery|logistics|shipping|courier)\s+partners?|fba\s+(?:warehouse|cent(?:er|re))s?"
    r"|fulfil?ment\s+cent(?:er|re)s?"
    # Another seller on the listing, not the writer ("as the seller, we...").
    r"|(?<=\banother\s)sellers?|(?<=\bother\s)sellers?|(?<=\bdifferent\s)sellers?"
    r"|(?<=\brival\s)sellers?|(?<=\bcompeting\s)sellers?)(?:'s|')?"
)
_STRONG_WORDS = word_set(
    """unfair unfairly unjust unjustly lied lying liar liars fraud fraudulent scam scammer
    scammers abused abuses abusing abusive malicious maliciously bogus frivolous negligent
    negligence incompetent wrongly wrongfully mistakenly blame blamed blaming sabotage sabotaged
    sabotaging jealous jealousy punish punished punishing punishment hijacked hijacker hijackers
    hijacking baseless groundless unfounded"""
)
_STRONG_PHRASE = re.compile(
    r"targeted\s+(?:us|our|by)\b|attack(?:ed|s)?\b|(?:false|fake)\s+(?:\w+\s+)?(?:complaints?|claims?"
    r"|reports?)\b|not\s+our\s+fault\b|no\s+fault\s+of\s+(?:our|ours)\b|(?:beyond|outside|out\s+of)"
    r"\s+(?:of\s+)?our\s+control\b|out\s+of\s+our\s+hands\b|their\s+fault\b|to\s+blame\b"
    r"|want\s+free\s+products\b|the\s+complaint\s+is\s+wrong\b|abuse\b"
)
# Deflections whose words are common alone ("their side", "get us off", "they are
# responsible", "which the courier controls, not us"): read only beside a word of each set of
# one of the DEFLECTION_PAIRS.
_DEFLECTION = compiled_when_used(
    r"\b(?:(?:on|from)\s+their\s+(?:side|end)\b|to\s+(?:get|knock|kick|push|take)\s+us\s+(?:off|out)\b"
    r"|(?:they|it)\s+(?:are|were|is|was)\s+(?:fully\s+|solely\s+|entirely\s+)?(?:responsible"
    r"|at\s+fault)\b"
    r"|(?:controls?|controlled|handles?|handled|decides?|decided|manages?|managed|owns?),?\s+not"
    r"\s+(?:us|we|ours)\b)"
)
# The complainant accused of getting it wrong ("the agent reported us by mistake"): read only
# when one of the verbs and one of the ways are there (ACCUSED_PAIR), not anchored at the
# common words the phrases above start with.
_ACCUSED = compiled_when_used(
    r"\b(?:reported|flagged|accused)\s+us\s+(?:\w+\s+)?(?:by\s+mistake|in\s+error|falsely"
    r"|without\s+(?:any\s+)?(?:reason|grounds|cause))\b"
)
ACCUSED_PAIR = (
    word_set("reported flagged accused"),
    word_set("mistake error falsely reason grounds cause"),
)
_PHRASE_KEYS = word_set(
    "fault control hands free targeted attack attacked attacks false fake abuse wrong"
)
BLAME_GATE = _STRONG_WORDS | _PHRASE_KEYS | _THIRD_WORDS
_STRONG_STARTS = word_set(
    "targeted attack attacked attacks false fake not no beyond outside out their to want the abuse"
)
_FAULT_WORDS = word_set("fault faults mistake mistakes error errors")
_FAULT_OF = compiled_when_used(rf"{_THIRD_PARTY}\s+(?:fault|mistake|error)s?\b")
_FAILURE = (
    r"(?:failed|fails?|lost|loses|delayed|damaged|broke|mislabell?ed|mixed|missed|refused|ignored"
    # (Not receiving is what happened to buyers, not a failure of theirs.)
    r"|forgot|caused|(?:did\s+not|didn't)(?!\s+(?:receive|get)\b)"
    r"|never\s+(?:delivered|sent|shipped|scanned|responded|told)"
    r"|(?:sent|shipped|listed|gave|ordered|packed|delivered|used|put)\s+(?:us\s+)?(?:the\s+)?wrong"
    r"|made\s+(?:a|an|the)?\s*(?:mistake|error)s?|(?:is|was|are|were)\s+responsible"
    r"|made\s+the\s+\w+\s+changes|dropped\s+the\s+ball|sat\s+on|failure\s+to"
    r"|mis(?:read|interpreted|classified|took|handled|laid|placed|routed|delivered)|held"
    r"|marked\s+(?:\w+\s+){0,3}?as\s+delivered|resold|mixed\s+up"
    r"|(?:generated|issued|assigned|created|printed)\s+(?:\w+\s+)?(?:duplicate|wrong|invalid"
    r"|incorrect)|duplicated|crashed|malfunctioned|glitched|went\s+(?:down|offline)"
    # A complaint made without grounds: "filed the notice without ever test-buying".
    r"|(?:filed|reported|submitted|raised|issued|made|sent)\s+(?:\w+\s+){0,4}?without\s+"
    r"(?:ever\s+|any\s+|even\s+|first\s+)?(?:test[- ]?buy\w*|check\w*|verif\w*|evidence"
    r"|proof|investigat\w*|contact\w*|look\w*|reason|grounds|basis)"
    r"|(?:who|that)\s+(?:did\s+not|didn't|failed\s+to|never|could\s+not|couldn't)\s+(?:read"
    r"|follow|understand|check|use|install|assemble|measure|look|bother))"
)
# A word every failure above has in it, so a text without any cannot match _ACTOR.
_FAILURE_KEYS = word_set(
    """failed fail fails lost loses delayed damaged broke mislabeled mislabelled mixed missed
    refused ignored forgot caused did didn never wrong mistake mistakes error errors responsible
    changes dropped sat failure misread misinterpreted misclassified mistook mishandled mislaid
    misplaced misrouted misdelivered held duplicate invalid incorrect duplicated crashed
    malfunctioned glitched down offline without could couldn marked resold"""
)
_ACTOR = re.compile(
    rf"{_THIRD_PARTY}\s+(?:(?!that\b|which\b|who\b|at\b|in\b|on\b|with\b|for\b|from\b|of\b"
    r"|a\b|an\b|the\b|was\b|were\b|been\b|be\b|and\b|or\b|but\b)"
    rf"[a-z0-9']+\s+){{0,3}}?{_FAILURE}\b"
)
_BY_THIRD = compiled_when_used(
    r"(?:(?:caused|delayed|damaged|lost|mishandled|swapped(?:\s+in)?|switched)\s+by"
    r"|due\s+to|down\s+to|because\s+of"
    # Anchored at the verb, which is rare, rather than at "issue" or "delays", which are not.
    r"|(?:(?<=delays\s)|(?<=delay\s)|(?<=damage\s)|(?<=problems\s)|(?<=problem\s)"
    r"|(?<=issues\s)|(?<=issue\s)|(?<=errors\s)|(?<=error\s))(?:came|comes|stemmed|stems"
    r"|originated|arose)\s+(?:\w+ly\s+)?from)\s+(?:the\s+|a\s+|an\s+|our\s+)?"
    + _THIRD_PARTY
    # A complaint filed by a buyer is a fact; filed by a rival, an accusation.
    + r"|filed\s+by\s+(?:a\s+|an\s+|the\s+)?(?:rival|competitor|competing)"
)
_BY_STARTS = word_set(
    "caused due because delayed damaged lost mishandled swapped switched filed down came comes"
    " stemmed stems originated arose"
)
# Another seller's edit of a listing the writer shares ("another seller on the same ASIN
# edited the title"): a pattern of its own, since the words between may be a place.
_OTHER_SELLER = compiled_when_used(
    r"\b(?:another|other|different|rival|competing)\s+sellers?\s+(?:[a-z0-9'-]+\s+){0,5}?"
    r"(?:edited|altered|modified|hijacked|changed|added|uploaded|replaced|removed)\b"
)
_EDITS = word_set("edited altered modified hijacked changed added uploaded replaced removed")
_OTHERS = word_set("another other different rival competing")
# A rival named as the one who complained: "placed by a competitor", "a rival seller who
# reported us". Read only beside a word of each set (RIVAL_PAIR).
_RIVAL = compiled_when_used(
    r"\b(?:competitors?|rivals?|competing\s+sellers?)\s+(?:(?:who|that)\s+)?"
    r"(?:[a-z0-9'-]+\s+){0,6}?(?:report(?:ed|s|ing)?|flag(?:ged|s|ging)?|complain(?:ed|s|ing|ts?)?"
    r"|filed|lodged)\b"
    r"|\b(?:placed|filed|lodged|made|submitted|raised|posted|left|written|sent)\s+by\s+"
    r"(?:a\s+|an\s+|the\s+|one\s+of\s+our\s+)?(?:rival|competitor|competing)"
)
RIVAL_PAIR = (
    word_set("competitor competitors rival rivals competing"),
    word_set(
        """report reported reports reporting flag flagged flags flagging complain complained
        complains complaining placed filed lodged made submitted raised posted left written
        sent complaint complaints"""
    ),
)
# A root cause that is only a third party's trouble ("Carrier delays.", "Australia Post
# delays."): the cause is put on them, with no control of the seller's named.
_THEIR_TROUBLE = compiled_when_used(
    _THIRD_PARTY + r"\s+(?:delays?|strikes?|backlogs?|errors?|mistakes?|failures?|negligence)"
)
_TROUBLE_WORDS = word_set(
    "delay delays strike strikes backlog backlogs error errors mistake mistakes failure failures"
)
# "It was the courier who lost...": the cause put on someone else by the sentence's shape.
_CLEFT = compiled_when_used(
    r"\bit\s+was\s+(?:the\s+|a\s+|our\s+)?" + _THIRD_PARTY + r"\s+(?:who|that|which)\b"
)
# A field can break the blame rule only with a strong word or phrase, or with a third party
# beside a failure, a cause or "without".
STRONG_GATE = _STRONG_WORDS | _PHRASE_KEYS
DEFLECTION_PAIRS = word_pairs(
    [
        ("their", "side end"),
        ("off out", "us"),
        ("responsible fault", "they it"),
        ("controls controlled handles handled decides decided manages managed owns", "us ours we"),
    ]
)
WEAK_GATE = (_THIRD_WORDS, _FAILURE_KEYS | _BY_STARTS | _TROUBLE_WORDS | {"without", "despite"})
# Another seller's edit opens the rule by a pair of its own: the edits are common words.
OTHER_SELLER_PAIR = (_OTHERS, _EDITS)
_BEHIND_BACK = re.compile(
    r"without\s+(?:our|my)\s+(?:knowledge|approval|consent|permission)\b"
    r"|without\s+(?:telling|informing|notifying|asking)\s+us\b|without\s+notice\b"
)
_OWNERSHIP = compiled_when_used(
    r"\b(?:(?:we|i)\s+(?:had\s+no|did\s+not|didn't|failed|never|relied|accepted|allowed|let|chose"
    r"|should\s+have|skipped|overlooked|lacked|missed|printed|bought|used)\b"
    r"|our\s+[a-z-]+(?:\s+[a-z-]+)?\s+(?:did\s+not|didn't|had\s+no|only(?!\s+to\b)|missed|counted"
    r"|failed|was\s+not|lacked|left|put|hid|buried|showed|gave|used|printed|omitted)\b"
    r"|without\s+(?:checking|verifying|inspecting|testing|opening|a\s+test|any\s+check)\b"
    r"|no\s+one\b|nobody\b|we\s+had\s+no\b"
    r"|(?:caused\s+by|due\s+to|because\s+of|because)\s+our\b"
    # The complaint granted: "that was our error", "the review was right".
    r"|(?:was|is)\s+(?:our|my)\s+(?:own\s+)?(?:error|mistake|fault|oversight)\b"
    r"|(?:review|complaint|report|claim|notice)\s+was\s+(?:right|correct|justified|valid|fair)\b"
    r"|which\s+was\s+(?:reasonable|fair|right|justified)\b)"
)
# A third party inside a clause that describes a noun ("the parcels the carrier mislaid"):
# context for what the seller did, not the cause put on them.
_RELATIVE = re.compile(r"\b[a-z]{3,}s\s+(?:that\s+|which\s+)?(?:the\s+|a\s+|an\s+|our\s+)?$")
# "whether a competing seller has edited...": a check that runs, not an accusation.
_CONDITION = re.compile(r"\b(?:whether|if|when|whenever)\s+(?:a\s+|an\s+|any\s+)?$")
# "...despite our clear instructions": the third party went against what it was told.
_DESPITE = compiled_when_used(
    r"\bdespite\s+(?:our|my)\s+(?:\w+\s+){0,2}?(?:instructions?|requests?|reminders?|warnings?)\b"
)
_NEGATED = re.compile(r"not\s+(?:the\s+|a\s+)?$")


def blame(t: Analysed) -> int | None:
    """The cause put on Amazon, buyers, competitors, carriers or suppliers instead of owned."""
    found = accuses(t)
    short = len(t.words) <= 5 and t.has(_TROUBLE_WORDS) and len(t.tokens) <= 5
    if found is None and short and t.has(_THIRD_WORDS):
        found = 0 if _THEIR_TROUBLE().fullmatch(t.lower.strip(" .;:!\n\t")) else None
    return found


def accuses(t: Analysed) -> int | None:
    """Where the text accuses a third party, or puts the cause on one; a bare "<third party>
    delays" is left to `blame`, since it is also a restated symptom."""
    if not t.has(BLAME_GATE) and not _deflects(t):
        return None
    strong = _strong_blame(t)
    if strong is None and t.has(ACCUSED_PAIR[0]) and t.has(ACCUSED_PAIR[1]):
        accused = _ACCUSED().search(t.lower)
        strong = accused.start() if accused else None
    if strong is not None or t.words.isdisjoint(_THIRD_WORDS):
        return strong
    if not t.words.isdisjoint(_FAULT_WORDS):
        for pos, word in t.spans:
            fault = word in _THIRD_WORDS and _FAULT_OF().match(t.lower, pos)
            if fault and not _NEGATED.search(t.lower, max(0, pos - 8), pos):
                return pos
    weak = t.match_at(_ACTOR, _THIRD_WORDS) if t.has(_FAILURE_KEYS) else None
    if weak and _RELATIVE.search(t.lower, max(0, weak.start() - 40), weak.start()):
        weak = None
    weak = weak or t.match_at(_BY_THIRD(), _BY_STARTS)
    if weak is None and "it was " in t.lower and t.has(_FAILURE_KEYS):
        weak = _CLEFT().search(t.lower)
    if weak is None and "without" in t.words and (behind := _BEHIND_BACK.search(t.lower)):
        weak = behind
    weak = weak or _named_others(t)
    if weak and not _OWNERSHIP().search(t.lower):
        return weak.start()
    return None


def _named_others(t: Analysed) -> re.Match[str] | None:
    """A rival named as the complainant, another seller's edit, or a third party that went
    against the seller's instructions."""
    found = None
    if t.has(RIVAL_PAIR[0]) and t.has(RIVAL_PAIR[1]):
        found = _RIVAL().search(t.lower)
    if found is None and t.has(_EDITS) and t.has(_OTHERS):
        found = _OTHER_SELLER().search(t.lower)
        if found and _CONDITION.search(t.lower, max(0, found.start() - 20), found.start()):
            found = None
    if found is None and "despite" in t.words:
        found = _DESPITE().search(t.lower)
    return found


def _deflects(t: Analysed) -> bool:
    """Whether the text holds both words of one of the DEFLECTION_PAIRS."""
    return any(t.has(first) and t.has(second) for first, second in DEFLECTION_PAIRS)


# Words that accuse only when said of someone else: after one of these they own the failure
# ("employee negligence", "we mistakenly listed"), which is no blame.
_SELF_WORDS = word_set("negligence negligent incompetent mistakenly wrongly")
# Of those, the ones that name a fault with no one to bear it ("Negligence.").
_FAULT_NOUNS = word_set("negligence negligent incompetent")
_OWN_SIDE = word_set(
    """our my we i employee employees employee's staff internal warehouse team packer packers
    picker pickers worker workers operator operators human own"""
)


def _strong_blame(t: Analysed) -> int | None:
    if not t.words.isdisjoint(_STRONG_WORDS):
        before = ""
        for pos, word in t.spans:
            # "Negligence" alone, or "employee negligence", is the seller's own.
            alone = word in _FAULT_NOUNS and t.words.isdisjoint(_THIRD_WORDS)
            own = before in _OWN_SIDE or alone
            if word in _STRONG_WORDS and not (word in _SELF_WORDS and own):
                return pos
            before = word
    match = t.match_at(_STRONG_PHRASE, _STRONG_STARTS) if t.has(_PHRASE_KEYS) else None
    if match is None and _deflects(t):
        match = _DEFLECTION().search(t.lower)
    if match and not (match.group(0) == "abuse" and t.lower[: match.start()].endswith("review ")):
        return match.start()
    return None
