"""Rules on tone: blame, emotion, apologies, exclamation marks, capitals and claims no one
can prove. Each takes the analysed text and returns a position, or None."""

from __future__ import annotations

import re

from poa.checks.text import Analysed, blanked, compiled_when_used, word_pairs, word_set

_THIRD_WORDS = word_set(
    """amazon buyer buyers customer customers competitor competitors carrier carriers courier
    couriers usps ups fedex dhl royal hermes evri dpd gls supplier suppliers manufacturer
    manufacturers factory vendor vendors distributor distributors wholesaler wholesalers 3pl prep
    agency freelancer virtual rights brand seller algorithm bot complainant complainants rival
    rivals"""
)
_THIRD_WORDS |= frozenset(w + "'s" for w in _THIRD_WORDS)
_THIRD_PARTY = (
    r"(?:amazon|buyers?|customers?|competitors?|carriers?|couriers?|usps|ups|fedex|dhl"
    r"|royal\s+mail|hermes|evri|dpd|gls|suppliers?|manufacturers?|factory|vendors?|distributors?"
    r"|wholesalers?|3pl|prep\s+cent(?:er|re)|agency|freelancer|virtual\s+assistant|rights\s+owner"
    r"|brand\s+owner|seller\s+support|algorithm|bot|complainants?|rivals?(?:\s+sellers?)?)(?:'s|')?"
)
_STRONG_WORDS = word_set(
    """unfair unfairly unjust unjustly lied lying liar liars fraud fraudulent scam scammer
    scammers abused abuses abusing abusive malicious maliciously bogus frivolous negligent
    negligence incompetent wrongly wrongfully mistakenly blame blamed blaming sabotage sabotaged
    sabotaging jealous jealousy punish punished punishing punishment hijacked hijacker hijackers
    hijacking"""
)
_STRONG_PHRASE = re.compile(
    r"targeted\s+(?:us|our|by)\b|attack(?:ed|s)?\b|(?:false|fake)\s+(?:\w+\s+)?(?:complaints?|claims?"
    r"|reports?)\b|not\s+our\s+fault\b|no\s+fault\s+of\s+(?:our|ours)\b|(?:beyond|outside|out\s+of)"
    r"\s+our\s+control\b|out\s+of\s+our\s+hands\b|their\s+fault\b|to\s+blame\b"
    r"|want\s+free\s+products\b|the\s+complaint\s+is\s+wrong\b|abuse\b"
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
    r"|forgot|caused|did\s+not|didn't|never\s+(?:delivered|sent|shipped|scanned|responded|told)"
    r"|(?:sent|shipped|listed|gave|ordered|packed|delivered|used|put)\s+(?:us\s+)?(?:the\s+)?wrong"
    r"|made\s+(?:a|an|the)?\s*(?:mistake|error)s?|(?:is|was|are|were)\s+responsible"
    r"|made\s+the\s+\w+\s+changes|dropped\s+the\s+ball|sat\s+on|failure\s+to"
    r"|mis(?:read|interpreted|classified|took|handled))"
)
# A word every failure above has in it, so a text without any cannot match _ACTOR.
_FAILURE_KEYS = word_set(
    """failed fail fails lost loses delayed damaged broke mislabeled mislabelled mixed missed
    refused ignored forgot caused did didn never wrong mistake mistakes error errors responsible
    changes dropped sat failure misread misinterpreted misclassified mistook mishandled"""
)
_ACTOR = re.compile(
    rf"{_THIRD_PARTY}\s+(?:(?!that\b|which\b|who\b|at\b|in\b|on\b|with\b|for\b|from\b|of\b"
    r"|a\b|an\b|the\b|was\b|were\b|been\b|be\b|and\b|or\b|but\b)"
    rf"[a-z']+\s+){{0,3}}?{_FAILURE}\b"
)
_BY_THIRD = compiled_when_used(
    r"(?:(?:caused|delayed|damaged|lost|mishandled|swapped(?:\s+in)?|switched)\s+by"
    r"|due\s+to|down\s+to|because\s+of)\s+(?:the\s+|a\s+|an\s+|our\s+)?"
    + _THIRD_PARTY
    # A complaint filed by a buyer is a fact; filed by a rival, an accusation.
    + r"|filed\s+by\s+(?:a\s+|an\s+|the\s+)?(?:rival|competitor|competing)"
)
_BY_STARTS = word_set(
    "caused due because delayed damaged lost mishandled swapped switched filed down"
)
# "It was the courier who lost...": the cause put on someone else by the sentence's shape.
_CLEFT = compiled_when_used(
    r"\bit\s+was\s+(?:the\s+|a\s+|our\s+)?" + _THIRD_PARTY + r"\s+(?:who|that|which)\b"
)
# A field can break the blame rule only with a strong word or phrase, or with a third party
# beside a failure, a cause or "without".
STRONG_GATE = _STRONG_WORDS | _PHRASE_KEYS
WEAK_GATE = (_THIRD_WORDS, _FAILURE_KEYS | _BY_STARTS | {"without"})
_BEHIND_BACK = re.compile(
    r"without\s+(?:our|my)\s+(?:knowledge|approval|consent|permission)\b"
    r"|without\s+(?:telling|informing|notifying|asking)\s+us\b|without\s+notice\b"
)
_OWNERSHIP = compiled_when_used(
    r"\b(?:we|i)\s+(?:had\s+no|did\s+not|didn't|failed|never|relied|accepted|allowed|let|chose"
    r"|should\s+have|skipped|overlooked|lacked|missed|printed|bought|used)\b"
    r"|\bour\s+[a-z-]+(?:\s+[a-z-]+)?\s+(?:did\s+not|didn't|had\s+no|only|missed|counted|failed"
    r"|was\s+not|lacked|left)\b|\bwithout\s+(?:checking|verifying|inspecting|testing|opening"
    r"|a\s+test|any\s+check)\b|\bno\s+one\b|\bnobody\b|\bwe\s+had\s+no\b"
    r"|\b(?:caused\s+by|due\s+to|because\s+of)\s+our\b"
)
_NEGATED = re.compile(r"not\s+(?:the\s+|a\s+)?$")


def blame(t: Analysed) -> int | None:
    """The cause put on Amazon, buyers, competitors, carriers or suppliers instead of owned."""
    if not t.has(BLAME_GATE):
        return None
    strong = _strong_blame(t)
    if strong is not None or t.words.isdisjoint(_THIRD_WORDS):
        return strong
    if not t.words.isdisjoint(_FAULT_WORDS):
        for pos, word in t.spans:
            fault = word in _THIRD_WORDS and _FAULT_OF().match(t.lower, pos)
            if fault and not _NEGATED.search(t.lower, max(0, pos - 8), pos):
                return pos
    weak = t.match_at(_ACTOR, _THIRD_WORDS) if t.has(_FAILURE_KEYS) else None
    weak = weak or t.match_at(_BY_THIRD(), _BY_STARTS)
    if weak is None and "it was " in t.lower and t.has(_FAILURE_KEYS):
        weak = _CLEFT().search(t.lower)
    if weak is None and "without" in t.words and (behind := _BEHIND_BACK.search(t.lower)):
        weak = behind
    if weak and not _OWNERSHIP().search(t.lower):
        return weak.start()
    return None


def _strong_blame(t: Analysed) -> int | None:
    if not t.words.isdisjoint(_STRONG_WORDS):
        for pos, word in t.spans:
            if word in _STRONG_WORDS:
                return pos
    match = t.match_at(_STRONG_PHRASE, _STRONG_STARTS) if t.has(_PHRASE_KEYS) else None
    if match and not (match.group(0) == "abuse" and t.lower[: match.start()].endswith("review ")):
        return match.start()
    return None


_EMOTIVE = compiled_when_used(
    r"\bdevastat\w*|\bheart-?br\w*|\bbreaks?\s+our\s+hearts?\b|\bdesperat\w*|\bbeg\b|\bbegging\b"
    r"|\bplead\w*|\bimplore\w*|\bmercy\b|\bcompassion\w*|\bnightmare\w*"
    # Bankruptcy as what would befall us, not a fact about someone else (a supplier that
    # went bankrupt), nor a hospital as a place or a grade of product (hospital-grade).
    r"|\b(?:go|goes|going|gone|be|been|become|becoming|face|faces|facing|near|nearly"
    r"|brink\s+of|verge\s+of|edge\s+of)\s+(?:\w+\s+)?bankrupt\w*"
    r"|\bbankrupt(?:s|ed|ing)?\s+(?:us|me|our|my)\b|\b(?:our|my)\s+(?:\w+\s+)?bankruptcy\b"
    r"|\b(?:we|i)\s+(?:\w+\s+){0,3}?(?:file|filing)\s+for\s+bankruptcy\b"
    r"|\blife\s+savings\b|\blose\s+everything\b|\ball\s+we\s+have\b|\blivelihood\w*"
    r"|\b(?:our|my)\s+(?:family|children|kids)(?:'s)?\s+(?:depend\w*|only|incomes?)\b"
    r"|\bonly\s+income\b|\bfeed\s+(?:my|our)\s+famil(?:y|ies)\b|\bstruggling\s+to\s+survive\b"
    r"|\bsingle\s+(?:mother|father|parent)\b|\bhospitali[sz]\w*"
    r"|\b(?:in|to|from|into)\s+(?:the\s+|a\s+)?hospitals?\b|\bdivorce\w*|\billness\b"
    r"|\bcancer\b|\bfuneral\b|\bpassed\s+away\b|\bsurgery\b|\blose\s+their\s+jobs\b"
    r"|\b(?:one\s+more|second|last)\s+chance\b|\bplease,?\s+please\b|\bhumbly\b|\bpanick\w*"
    r"|\boverwhelmed\b|\bterrified\b|\bpainful\b|\bsuffer(?:ed|ing|s)?\b|\bcannot\s+afford\b"
    r"|\bfeel\s+(?:terrible|awful|horrible)\b|\bcannot\s+sleep\b|\bsleepless\b|\bstressed\b"
    r"|\btreated\s+like\s+(?:a\s+)?criminals?\b|\bin\s+tears\b|\bcrying\b|\bstressful\b"
    r"|\bfinancial\s+(?:strain|hardship|ruin)\b|\b(?:only|main|sole)\s+source\s+of\s+income\b"
    r"|\b(?:children|kids|mouths|family)\s+to\s+feed\b|\blay(?:ing)?\s+off\b|\blaid\s+off\b"
    r"|\blayoffs?\b|\b(?:night\s+and\s+day|day\s+and\s+night|around\s+the\s+clock)\b"
    r"|\bdestroy(?:s|ed)?\s+(?:us|me)\b|\bkindly,?\s+kindly\b"
)
_FEELING = compiled_when_used(
    r"\b(?:we|i)\s+(?:are|were|am|was|feel|felt|'re|'m)\s+(?:\w+\s+){0,2}?"
    r"(?:shocked|upset|angry|frustrated|worried|anxious|scared|afraid|sad|hurt|disappointed)\b"
)


# A word without which the patterns above cannot match, so a text without any of them is
# passed over fast. Where a pattern leaves a word's ending open (devastat-, heart-br-,
# plead-, bankrupt-...), every English form of it, so the word test never turns away a text
# the pattern would match. A word that is common in a sound plan ("have", "children",
# "passed") opens the rule only beside the other word its phrase needs ("all we have", "our
# children depend", "passed away"): the patterns are large, and those words alone opened the
# rule for a third of the samples' plans.
EMOTIVE_WORDS = word_set(
    """devastate devastates devastated devastating devastatingly devastation heartbreak
    heartbreaks heartbreaker heartbroken heartbreaking heartbreakingly hearts heart desperate
    desperately desperation desperateness beg begging plead pleads pleaded pleading pleadingly
    pleadings implore implores implored imploring imploringly mercy compassion compassionate
    compassionately nightmare nightmares nightmarish bankrupt bankrupts bankrupted bankrupting
    bankruptcy bankruptcies livelihood livelihoods hospital hospitals hospitalised hospitalized
    hospitalisation hospitalization divorce divorces divorced divorcing divorcee divorcees
    illness cancer funeral surgery please humbly panicked panicking panicky overwhelmed
    terrified painful suffer suffered suffering suffers sleepless stressed stressful crying
    layoff layoffs laid
    shocked upset
    angry frustrated worried anxious scared afraid sad hurt disappointed"""
)
EMOTIVE_PAIRS = word_pairs(
    [
        ("savings", "life"),
        ("everything", "lose"),
        ("have", "all"),
        (
            "family children kids",
            """depend depends depended depending dependent dependents dependant dependants
            dependence dependency dependencies dependable dependably dependability only income
            incomes""",
        ),
        ("income", "only main sole"),
        ("financial", "strain hardship ruin"),
        ("feed", "children kids mouths"),
        ("lay laying", "off"),
        ("night", "day"),
        ("clock", "around"),
        ("kindly", "kindly"),
        # Destroyed units are a fact; only "destroy us" is a plea.
        ("destroy destroys destroyed", "us me"),
        ("feed", "family families"),
        ("struggling", "survive"),
        ("single", "mother father parent"),
        ("passed", "away"),
        ("jobs", "lose"),
        ("chance", "more second last"),
        ("afford sleep", "cannot"),
        ("terrible awful horrible", "feel"),
        ("criminal criminals", "treated"),
        ("tears", "in"),
    ]
)
EMOTIVE_GATE = EMOTIVE_WORDS.union(*(a | b for a, b in EMOTIVE_PAIRS))


def emotive(t: Analysed) -> int | None:
    """Emotive or pleading language and hardship stories."""
    if not t.has(EMOTIVE_GATE):
        return None
    match = _EMOTIVE().search(t.lower) or _FEELING().search(t.lower)
    return match.start() if match else None


_APOLOGY = compiled_when_used(
    r"\bsorry\b|\b(?:we|i)\s+(?:\w+\s+){0,3}?(?:apologi[sz]e|apologi[sz]ing|regret)\b"
    r"|\b(?:our|my)\s+(?:\w+\s+){0,2}?(?:apolog(?:y|ies)|regrets)\b|(?:^|[.!?;]\s*)apologies\b"
    r"|\bregrettably\b|\bforgive\b|\bexcuse\s+(?:the|our|my|us)\b|\bpardon\b"
    r"|\bapologies\s+(?:that|for)\b|\b(?:sincere|deepest|sincerest)\s+apologies\b"
    r"|\bapologi[sz]e\s+to\b|\bregretful\b|\b(?:my|our)\s+excuses\b"
)


APOLOGY_GATE = word_set(
    """sorry apologise apologize apologising apologizing apology apologies regret regrets
    regrettably forgive excuse pardon regretful excuses"""
)


def apology(t: Analysed) -> int | None:
    """An apology made in the plan (not a report of apologies sent to buyers)."""
    if not t.has(APOLOGY_GATE):
        return None
    match = _APOLOGY().search(t.lower)
    return match.start() if match else None


def exclamation(t: Analysed) -> int | None:
    """An exclamation mark outside quotations (the full-width one of East Asian keyboards too)."""
    found = [pos for pos in (t.masked.find("!"), t.masked.find("！")) if pos >= 0]
    return min(found) if found else None


_CAPS_RUN = re.compile(r"\b[A-Z]{2,}\b(?:[\s,./&-]+\b[A-Z]{2,}\b)*")
_NAMED_BY = re.compile(r"\b(?:from|by)\s+$")
_MASK = re.compile(r"^(?:X+|Y{2,4}|MM|DD)$")
# Two or more capitals with no word character on either side (written to start with a letter
# class, which the search can skip to, rather than with a word boundary, which it cannot).
_CAPS_WORD = re.compile(r"[A-Z](?<!\w[A-Z])[A-Z]+\b")
_COMPANY = word_set("LTD LLC INC GMBH CO PLC SRL SARL BV AG SA LIMITED CORP LLP KG")
ACRONYMS = word_set(
    """ASIN ASINS FBA FBM UPC EAN GTIN SKU SKUS FNSKU ODR LSR VTR OTDR CPC CPSC CPSIA ASTM ISO IEC
    USPS UPS DHL GLS DPD GPSR EPR COA GMP LOA UK US USA EU SOP QC KPI PDF VAT ID CE FDA EPA FIFRA
    PIP POA AHR API CSV SLA FIFO FEFO USB LED DMCA BSA COO CEO CFO CTO SDS MSDS UKCA FCC USDA
    REACH WEEE ROHS HAZMAT ADEME UIN SGS TUV IP LLC PO RMA FAQ HR IT ETA GS LEGO LUCID COVID
    FTC USPTO EUIPO WIPO FSC CARB GCC ISBN CBP OEKO TEX NHTSA OSHA MHRA HSE TGA"""
)
_EMPHATIC = word_set(
    """NOT NO NEVER ALWAYS ALL EVERY EACH ONLY MUST WRONG REAL TRUE FAKE VERY PLEASE NOTE HELP
    STOP DID DO DOES WE OUR US THIS THAT WAS WERE ARE IS THE AND TOO FULL BY AN NEW ANY NONE SO
    SHORT HIGH LOW NOW SAFE SURE YES BUYER HUGE BIG BAD SAD"""
)


TWO_CAPS = re.compile(r"[A-Z][A-Z]")


# ASCII marked for finding words in capitals: "A" for a capital, "a" for any other character
# of a word (a small letter, a digit, "_"), a space for the rest.
_CAPITAL_MARKS = bytes(
    65 if 65 <= b <= 90 else 97 if chr(b).isalnum() or b == 95 else 32 for b in range(256)
)


def has_loud_word(text: str) -> bool:
    """Whether the text holds a word in capitals that is not a known acronym: without one,
    nothing in it can be shouting. For ASCII text the words in capitals are found by byte
    searches on a marked copy, some three times faster than the pattern's scan."""
    if not text.isascii():
        return TWO_CAPS.search(text) is not None and not ACRONYMS.issuperset(
            _CAPS_WORD.findall(text)
        )
    # A space before and after, so that marks[i] stands for text[i - 1].
    marks = b" " + text.encode("ascii").translate(_CAPITAL_MARKS) + b" "
    start = marks.find(b" AA")
    while start >= 0:
        end = marks.find(b" ", start + 1)
        if b"a" not in marks[start + 1 : end] and text[start : end - 1] not in ACRONYMS:
            return True
        start = marks.find(b" AA", end)
    return False


# A product code: capitals and digits joined by hyphens (SKU HOOD-XXL-BLK, MUG-SNS).
_CODE = compiled_when_used(r"\b[A-Z0-9]+(?:-[A-Z0-9]+)+\b")


def shouting(t: Analysed) -> int | None:
    """Words in capitals beyond acronyms, company names and product codes."""
    caps = set(_CAPS_WORD.findall(t.masked)) if TWO_CAPS.search(t.masked) else set()
    if caps <= ACRONYMS:
        return None
    text = _CODE().sub(blanked, t.masked) if "-" in t.masked else t.masked
    for run in _CAPS_RUN.finditer(text):
        words = [w for w in re.findall(r"[A-Z]{2,}", run.group(0)) if not _MASK.match(w)]
        if _COMPANY & set(words) or _NAMED_BY.search(text, max(0, run.start() - 6), run.start()):
            continue
        loud = [w for w in words if w not in ACRONYMS]
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
    r"|\b(?:not|never|n't|cannot|(?:won|can|couldn|wouldn|shouldn|don|doesn|didn|isn)'t)"
    r"\s+(?:happen|occur|recur)\s+again\b|\bcannot\s+happen\b"
    r"|\bfor\s+good\b(?!\s+measure)|\bonce\s+and\s+for\s+all\b|\bcan\s+no\s+longer\b"
    r"|\bhappen\s+(?:a\s+second\s+time|twice)\b|\bone\s+hundred\s+per\s?cent\b(?!\s+of)"
    r"|\balways\s+(?:original|genuine|authentic)\b|\bcannot\s+possibly\b"
    r"|\b(?:will\s+not|won't)\s+be\s+repeated\b"
    r"|\beliminat(?:e|es|ed)\s+(?:\w+\s+){0,3}?(?:completely|entirely|fully|totally)\b"
    r"|\bever\b[^.;]{0,40}\bagain\b|\bforever\b|\b(?:fixed|solved|resolved)\s+permanently\b"
    r"|\bguarantee(?:s|d)?\b"
)
_NOT_A_PROMISE = re.compile(
    r"a-to-z\s+guarantee|(?:manufacturer's|money-back|year|lifetime|product)\s+guarantee"
    r"|guarantee\s+claims?"
)
_ZERO = re.compile(r"\bzero\s+[a-z]+")
_FROM_NOW = compiled_when_used(
    r"\bwill\b|\bfrom\s+now\s+on\b|\bgoing\s+forward\b|\bpermanently\b|\bforever\b|\bin\s+future\b"
)


ABSOLUTE_GATE = word_set(
    """100 completely totally fully entirely absolutely perfectly error flawless risk perfect
    chance impossible eliminate eliminated eliminates ever never forever permanently guarantee
    guarantees guaranteed cannot won again zero"""
)


# "zero" is an absolute claim only with a promise about the future ("zero defects from now
# on"); every other alternative of the pattern holds one of the other words.
FROM_NOW_WORDS = word_set("will now forward permanently forever future")
ABSOLUTE_WORDS = ABSOLUTE_GATE - {"zero"}
# The phrases whose words are common alone ("for good", "can no longer") need both.
_PHRASE_PAIRS = word_pairs(
    [
        ("good", "for"),
        ("once", "all"),
        ("longer", "can"),
        ("happen", "second twice"),
        ("hundred", "percent cent"),
        ("always", "original genuine authentic"),
        ("repeated", "not won"),
    ]
)
ABSOLUTE_PAIRS = ((word_set("zero"), FROM_NOW_WORDS), *_PHRASE_PAIRS)


def absolute_claim(t: Analysed) -> int | None:
    """A claim no evidence can prove: 100% authentic, never again, guaranteed, zero defects."""
    text = t.lower
    if t.has(ABSOLUTE_WORDS) or any(t.has(one) and t.has(other) for one, other in _PHRASE_PAIRS):
        for match in _ABSOLUTE.finditer(text):
            if match.group(0).startswith("guarantee"):
                window = text[max(0, match.start() - 25) : match.end() + 8]
                if _NOT_A_PROMISE.search(window):
                    continue
            return match.start()
    if "zero" in t.words and t.has(FROM_NOW_WORDS):
        zero = _ZERO.search(text)
        if zero and _FROM_NOW().search(text):
            return zero.start()
    return None
