"""Rules on tone: blame, emotion, apologies, exclamation marks, capitals and claims no one
can prove. Each takes the analysed text and returns a position, or None."""

from __future__ import annotations

import re

from poa.checks.text import Analysed

_THIRD_PARTY = (
    r"(?:amazon(?:'s)?|buyers?(?:'s|')?|customers?(?:'s|')?|competitors?(?:'s|')?|carriers?(?:'s)?"
    r"|couriers?(?:'s)?|usps|ups|fedex|dhl|royal\s+mail|hermes|evri|dpd|gls|suppliers?(?:'s)?"
    r"|manufacturers?(?:'s)?|factory|vendors?|distributors?|wholesalers?|3pl|prep\s+cent(?:er|re)"
    r"|agency|freelancer|virtual\s+assistant|rights\s+owner|brand\s+owner(?:'s)?|seller\s+support"
    r"|algorithm|bot|complainants?)"
)
_STRONG = re.compile(
    r"\bunfair(?:ly)?\b|\bunjust(?:ly)?\b|\blied\b|\blying\b|\bliars?\b|\bfraud(?:ulent)?\b"
    r"|\bscam(?:mers?)?\b|(?<!review\s)\babus(?:e|ed|es|ing|ive)\b|\bmalicious(?:ly)?\b"
    r"|\bsabotag\w*|\bjealous\w*|\btargeted\s+(?:us|our)\b|\btargeted\s+by\b|\battack(?:ed|s)?\b"
    r"|\bbogus\b|\bfrivolous\b|\b(?:false|fake)\s+(?:complaints?|claims?|reports?)\b"
    r"|\bnegligen(?:t|ce)\b|\bincompetent\b|\bwrong(?:ly|fully)\b|\bmistakenly\b"
    r"|\bnot\s+our\s+fault\b|\bno\s+fault\s+of\s+(?:our|ours)\b|\b(?:beyond|outside|out\s+of)\s+our"
    r"\s+control\b|\bout\s+of\s+our\s+hands\b|\btheir\s+fault\b|\bto\s+blame\b|\bblam(?:e|ed|ing)\b"
    r"|\bpunish\w*|\bwant\s+free\s+products\b|\bthe\s+complaint\s+is\s+wrong\b"
)
_FAULT_OF = re.compile(rf"\b(?P<not>not\s+(?:the\s+|a\s+)?)?{_THIRD_PARTY}\s+(?:fault|mistake|error)s?\b")
_FAILURE = (
    r"(?:failed|fails?|lost|loses|delayed|damaged|broke|mislabell?ed|mixed|missed|refused|ignored"
    r"|forgot|caused|did\s+not|didn't|never\s+(?:delivered|sent|shipped|scanned|responded|told)"
    r"|(?:sent|shipped|listed|gave|ordered|packed|delivered|used|put)\s+(?:us\s+)?(?:the\s+)?wrong"
    r"|made\s+(?:a|an|the)?\s*(?:mistake|error)s?|(?:is|was|are|were)\s+responsible"
    r"|made\s+the\s+\w+\s+changes)"
)
_ACTOR = re.compile(
    rf"\b{_THIRD_PARTY}\s+(?:(?!that\b|which\b|who\b|at\b|in\b|on\b|with\b|for\b|from\b|of\b"
    r"|a\b|an\b|the\b|was\b|were\b|been\b|be\b)"
    rf"[a-z']+\s+){{0,3}}?{_FAILURE}\b"
)
_BY_THIRD = re.compile(
    rf"\b(?:caused\s+by|due\s+to|because\s+of|delayed\s+by)\s+(?:the\s+|a\s+|our\s+)?{_THIRD_PARTY}"
)
_BEHIND_BACK = re.compile(
    r"\bwithout\s+(?:our|my)\s+(?:knowledge|approval|consent|permission)\b"
    r"|\bwithout\s+(?:telling|informing|notifying|asking)\s+us\b|\bwithout\s+notice\b"
)
_OWNERSHIP = re.compile(
    r"\b(?:we|i)\s+(?:had\s+no|did\s+not|didn't|failed|never|relied|accepted|allowed|let|chose"
    r"|should\s+have|skipped|overlooked|lacked|missed|printed|bought|used)\b"
    r"|\bour\s+[a-z-]+(?:\s+[a-z-]+)?\s+(?:did\s+not|didn't|had\s+no|only|missed|counted|failed"
    r"|was\s+not|lacked|left)\b|\bwithout\s+(?:checking|verifying|inspecting|testing|opening"
    r"|a\s+test|any\s+check)\b|\bno\s+one\b|\bnobody\b|\bwe\s+had\s+no\b"
    r"|\b(?:caused\s+by|due\s+to|because\s+of)\s+our\b"
)
_THIRD_WORDS = re.compile(rf"\b{_THIRD_PARTY}\b")


_BLAME_GATE = frozenset(
    """unfair unfairly unjust unjustly lied lying liar liars fraud fraudulent scam scammer
    scammers abuse abused abuses abusing abusive malicious maliciously sabotage sabotaged
    jealous jealousy targeted attack attacked attacks bogus frivolous false fake negligent
    negligence incompetent wrongly wrongfully mistakenly fault control hands blame blamed blaming
    punish punished punishing free wrong amazon buyer buyers customer customers competitor
    competitors carrier carriers courier couriers usps ups fedex dhl royal hermes evri dpd gls
    supplier suppliers manufacturer manufacturers factory vendor vendors distributor distributors
    wholesaler wholesalers 3pl prep agency freelancer virtual rights brand seller algorithm bot
    complainant complainants""".split()
)


def blame(t: Analysed) -> int | None:
    """The cause put on Amazon, buyers, competitors, carriers or suppliers instead of owned."""
    if not t.has(_BLAME_GATE):
        return None
    text = t.lower
    if match := _STRONG.search(text):
        return match.start()
    for fault in _FAULT_OF.finditer(text):
        if not fault.group("not"):
            return fault.start()
    weak = _ACTOR.search(text) or _BY_THIRD.search(text)
    if weak is None and _BEHIND_BACK.search(text) and _THIRD_WORDS.search(text):
        weak = _BEHIND_BACK.search(text)
    if weak and not _OWNERSHIP.search(text):
        return weak.start()
    return None


_EMOTIVE = re.compile(
    r"\bdevastat\w*|\bheart-?br\w*|\bbreaks?\s+our\s+hearts?\b|\bdesperat\w*|\bbeg\b|\bbegging\b"
    r"|\bplead\w*|\bimplore\w*|\bmercy\b|\bcompassion\w*|\bnightmare\w*|\bbankrupt\w*"
    r"|\blife\s+savings\b|\blose\s+everything\b|\ball\s+we\s+have\b|\blivelihood\w*"
    r"|\b(?:our|my)\s+(?:family|children|kids)(?:'s)?\s+(?:depend|only|income)\w*"
    r"|\bonly\s+income\b|\bfeed\s+(?:my|our)\s+famil\w+|\bstruggling\s+to\s+survive\b"
    r"|\bsingle\s+(?:mother|father|parent)\b|\bhospital\w*|\bdivorce\w*|\billness\b|\bcancer\b"
    r"|\bfuneral\b|\bpassed\s+away\b|\bsurgery\b|\blose\s+their\s+jobs\b"
    r"|\b(?:one\s+more|second|last)\s+chance\b|\bplease,?\s+please\b|\bhumbly\b|\bpanick\w*"
    r"|\boverwhelmed\b|\bterrified\b|\bpainful\b|\bsuffer(?:ed|ing|s)?\b|\bcannot\s+afford\b"
    r"|\bfeel\s+(?:terrible|awful|horrible)\b|\bcannot\s+sleep\b|\bsleepless\b|\bstressed\b"
    r"|\btreated\s+like\s+(?:a\s+)?criminals?\b|\bin\s+tears\b|\bcrying\b"
)
_FEELING = re.compile(
    r"\b(?:we|i)\s+(?:are|were|am|was|feel|felt|'re|'m)\s+(?:\w+\s+){0,2}?"
    r"(?:shocked|upset|angry|frustrated|worried|anxious|scared|afraid|sad|hurt|disappointed)\b"
)


_EMOTIVE_PREFIXES = tuple(
    (
        "devastat heart break desperat beg plead implor mercy compassion nightmare bankrupt savings "
    "everything all livelihood famil children kids income survive single hospital divorce "
    "illness cancer funeral passed surgery jobs chance please humbly panick overwhelmed terrified "
    "painful suffer afford feel sleep stressed criminal tears crying shocked upset angry "
    "frustrated worried anxious scared afraid sad hurt disappointed"
    ).split()
)


def emotive(t: Analysed) -> int | None:
    """Emotive or pleading language and hardship stories."""
    if not any(w.startswith(_EMOTIVE_PREFIXES) for w in t.words):
        return None
    match = _EMOTIVE.search(t.lower) or _FEELING.search(t.lower)
    return match.start() if match else None


_APOLOGY = re.compile(
    r"\bsorry\b|\b(?:we|i)\s+(?:\w+\s+){0,3}?(?:apologi[sz]e|apologi[sz]ing|regret)\b"
    r"|\b(?:our|my)\s+(?:\w+\s+){0,2}?(?:apolog(?:y|ies)|regrets)\b|(?:^|[.!?;]\s*)apologies\b"
    r"|\bregrettably\b|\bforgive\b|\bexcuse\s+(?:the|our|my|us)\b|\bpardon\b"
)


_APOLOGY_GATE = frozenset(
    """sorry apologise apologize apologising apologizing apology apologies regret regrets
    regrettably forgive excuse pardon""".split()
)


def apology(t: Analysed) -> int | None:
    """An apology made in the plan (not a report of apologies sent to buyers)."""
    if not t.has(_APOLOGY_GATE):
        return None
    match = _APOLOGY.search(t.lower)
    return match.start() if match else None


def exclamation(t: Analysed) -> int | None:
    """An exclamation mark outside quotations."""
    pos = t.masked.find("!")
    return pos if pos >= 0 else None


_CAPS_RUN = re.compile(r"\b[A-Z]{2,}\b(?:[\s,./&-]+\b[A-Z]{2,}\b)*")
_NAMED_BY = re.compile(r"\b(?:from|by)\s+$")
_MASK = re.compile(r"^(?:X+|Y{2,4}|MM|DD)$")
_COMPANY = frozenset("LTD LLC INC GMBH CO PLC SRL SARL BV AG SA LIMITED CORP LLP KG".split())
_ACRONYMS = frozenset(
    """ASIN ASINS FBA FBM UPC EAN GTIN SKU SKUS FNSKU ODR LSR VTR OTDR CPC CPSC CPSIA ASTM ISO IEC
    USPS UPS DHL GLS DPD GPSR EPR COA GMP LOA UK US USA EU SOP QC KPI PDF VAT ID CE FDA EPA FIFRA
    PIP POA AHR API CSV SLA FIFO FEFO USB LED DMCA BSA COO CEO CFO CTO SDS MSDS UKCA FCC USDA
    REACH WEEE ROHS HAZMAT ADEME UIN SGS TUV IP LLC PO RMA FAQ HR IT ETA GS LEGO""".split()
)
_EMPHATIC = frozenset(
    """NOT NO NEVER ALWAYS ALL EVERY EACH ONLY MUST WRONG REAL TRUE FAKE VERY PLEASE NOTE HELP
    STOP DID DO DOES WE OUR US THIS THAT WAS WERE ARE IS THE AND TOO FULL BY AN NEW ANY NONE
    SHORT HIGH LOW NOW SAFE SURE YES BUYER""".split()
)


_TWO_CAPS = re.compile(r"[A-Z][A-Z]")


def shouting(t: Analysed) -> int | None:
    """Words in capitals beyond acronyms, company names and product codes."""
    if not _TWO_CAPS.search(t.masked):
        return None
    for run in _CAPS_RUN.finditer(t.masked):
        words = [w for w in re.findall(r"[A-Z]{2,}", run.group(0)) if not _MASK.match(w)]
        if _COMPANY & set(words) or _NAMED_BY.search(t.masked, max(0, run.start() - 6), run.start()):
            continue
        loud = [w for w in words if w not in _ACRONYMS]
        if any(w in _EMPHATIC or len(w) >= 5 for w in loud) or len(loud) >= 2:
            return run.start()
    return None


_ABSOLUTE = re.compile(
    r"\b100\s?%\s+(?:authentic|genuine|original|legit\w*|real|safe|compliant|new|sure|certain"
    r"|customer\s+satisfaction|satisfaction)\b"
    r"|\b(?:completely|totally|fully|entirely|absolutely|perfectly)\s+(?:authentic|genuine|safe"
    r"|risk[- ]free|error[- ]free|compliant|eliminated|certain|sure)\b"
    r"|\berror[- ]free\b|\bflawless\b|\brisk[- ]free\b|\b(?:is|are|was|were)\s+(?:now\s+)?perfect\b"
    r"|\bno\s+chance\b|\bimpossible\b|\beliminat(?:e|ed|es)\s+(?:every|all|any)\b"
    r"|\bever\s+(?:sold|sell|shipped|listed)\b|\bnever\s+again\b|\bever\s+again\b"
    r"|\b(?:will|would|can|could|shall)\s+never\b|\bwon'?t\s+ever\b"
    r"|\bnever\s+(?:happen|occur|recur|be\s+repeated)\b"
    r"|\b(?:not|never|n't|cannot)\s+(?:happen|occur|recur)\s+again\b|\bcannot\s+happen\b"
    r"|\bever\b[^.;]{0,40}\bagain\b|\bforever\b|\b(?:fixed|solved|resolved)\s+permanently\b"
    r"|\bguarantee(?:s|d)?\b"
)
_NOT_A_PROMISE = re.compile(
    r"a-to-z\s+guarantee|(?:manufacturer's|money-back|year|lifetime|product)\s+guarantee"
    r"|guarantee\s+claims?"
)
_ZERO = re.compile(r"\bzero\s+[a-z]+")
_FROM_NOW = re.compile(
    r"\bwill\b|\bfrom\s+now\s+on\b|\bgoing\s+forward\b|\bpermanently\b|\bforever\b|\bin\s+future\b"
)


_ABSOLUTE_GATE = frozenset(
    """100 completely totally fully entirely absolutely perfectly error flawless risk perfect
    chance impossible eliminate eliminated eliminates ever never forever permanently guarantee
    guarantees guaranteed cannot won't again zero""".split()
)


def absolute_claim(t: Analysed) -> int | None:
    """A claim no evidence can prove: 100% authentic, never again, guaranteed, zero defects."""
    if not t.has(_ABSOLUTE_GATE):
        return None
    text = t.lower
    for match in _ABSOLUTE.finditer(text):
        if match.group(0).startswith("guarantee"):
            window = text[max(0, match.start() - 25) : match.end() + 8]
            if _NOT_A_PROMISE.search(window):
                continue
        return match.start()
    zero = _ZERO.search(text)
    if zero and _FROM_NOW.search(text):
        return zero.start()
    return None
