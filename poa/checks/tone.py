"""Rules on tone: emotion, apologies, exclamation marks, capitals and claims no one can prove
(blame has its own module). Each takes the analysed text and returns a position, or None."""

from __future__ import annotations

import re

from poa.checks.text import Analysed, blanked, compiled_when_used, word_pairs, word_set

_EMOTIVE = compiled_when_used(
    r"\b(?:devastat(?:e|es|ed|ing|ingly|ion)\b|heart-?br(?:eak|eaks|eaker|oken|eaking|eakingly)\b"
    r"|breaks?\s+our\s+hearts?\b|desperat(?:e|ely|ion|eness)\b|beg\b|begging\b"
    r"|plead(?:s|ed|ing|ingly|ings)?\b|implor(?:e|es|ed|ing|ingly)\b|mercy\b"
    r"|compassion(?:ate|ately)?\b|nightmar(?:e|es|ish)\b"
    # Bankruptcy as what would befall us, not a fact about someone else (a supplier that
    # went bankrupt), nor a hospital as a place or a grade of product (hospital-grade).
    r"|(?:go|goes|going|gone|be|been|become|becoming|face|faces|facing|near|nearly"
    r"|brink\s+of|verge\s+of|edge\s+of)\s+(?:\w+\s+)?bankrupt(?:s|ed|ing|cy|cies)?\b"
    r"|bankrupt(?:s|ed|ing)?\s+(?:us|me|our|my)\b|(?:our|my)\s+(?:\w+\s+)?bankruptcy\b"
    r"|(?:we|i)\s+(?:\w+\s+){0,3}?(?:file|filing)\s+for\s+bankruptcy\b"
    r"|life\s+savings\b|lose\s+everything\b|all\s+we\s+have\b|livelihoods?\b"
    r"|(?:our|my)\s+(?:family|children|kids)(?:'s)?\s+(?:depend(?:s|ed|ing|ents?|ants?|ence|ency|encies|able|ably"
    r"|ability)?|only|incomes?)\b"
    r"|only\s+income\b|feed\s+(?:my|our)\s+famil(?:y|ies)\b|struggling\s+to\s+survive\b"
    r"|single\s+(?:mother|father|parent)\b|hospitali[sz](?:ed|ation)\b"
    r"|(?:in|to|from|into)\s+(?:the\s+|a\s+)?hospitals?\b|divorc(?:e|es|ed|ing|ee|ees)\b"
    r"|illness\b"
    r"|cancer\b|funeral\b|passed\s+away\b|surgery\b|lose\s+their\s+jobs\b"
    r"|(?:one\s+more|second|last)\s+chance\b|please,?\s+please\b|humbly\b"
    r"|panick(?:ed|ing|y)\b"
    r"|overwhelmed\b|terrified\b|painful\b|suffer(?:ed|ing|s)?\b|cannot\s+afford\b"
    r"|feel\s+(?:terrible|awful|horrible)\b|cannot\s+sleep\b|sleepless\b|stressed\b"
    r"|treated\s+like\s+(?:a\s+)?criminals?\b|in\s+tears\b|crying\b|stressful\b"
    r"|financial\s+(?:strain|hardship|ruin)\b|(?:only|main|sole)\s+source\s+of\s+income\b"
    r"|(?:children|kids|mouths|family)\s+to\s+feed\b|lay(?:ing)?\s+off\b|laid\s+off\b"
    r"|layoffs?\b|(?:night\s+and\s+day|day\s+and\s+night|around\s+the\s+clock)\b"
    r"|destroy(?:s|ed)?\s+(?:us|me)\b|kindly,?\s+kindly\b"
    r"|(?:employees|staff|workers|people|families)\s+(?:\w+\s+)?depend(?:s|ed|ing)?\s+on\b"
    r"|los(?:e|ing)\s+(?:their|our|my)\s+(?:jobs?|homes?|business)\b"
    r"|(?:very|extremely|really|so)\s+(?:hard|difficult|tough)\s+(?:for|on)\s+(?:us|me)\b"
    r"|(?:hurts?|pains|saddens)\s+(?:us|me)\b"
    r"|kill(?:s|ing|ed)?\s+(?:our|my)\s+(?:business|company|shop|store|family)\b"
    r"|(?:we\s+are|we're|as)\s+(?:only\s+|just\s+)?(?:a\s+)?small\s+(?:family\s+)?(?:company"
    r"|business|seller|team|shop)\b|consider\s+our\s+(?:situation|circumstances)\b"
    r"|(?:cannot|can't|can\s+not|unable\s+to|could\s+not|couldn't)\s+(?:even\s+)?pay\s+"
    r"(?:our|my|the)\s+(?:staff|employees|workers|team|bills|rent|salaries|wages|suppliers|loans?"
    r"|mortgage)\b"
    r"|(?:put|puts|putting|placed)\s+(?:our|my)\s+(?:\w+\s+){0,2}?(?:business|company|family"
    r"|livelihood|future|store|shop)\s+at\s+risk\b"
    r"|(?:have\s+not|haven't|hardly|barely|not|cannot|can't|could\s+not|couldn't)\s+"
    r"(?:\w+\s+)?slept\b"
    r"|(?:we|i)\s+(?:are|'re|am|have\s+been|keep|were)\s+losing\s+(?:\w+\s+){0,2}?(?:money"
    r"|sales|revenue|income)\b)"
)
# The writer's own feelings (the team's too), not a buyer's reported as a fact.
_FEELING = compiled_when_used(
    r"\b(?:we|i|(?:our|the)\s+(?:whole\s+|entire\s+)?(?:team|staff|family|company))\s+"
    r"(?:are|is|were|am|was|feel|feels|felt|'re|'m)\s+(?:\w+\s+){0,2}?"
    r"(?:shocked|upset|angry|frustrated|worried|anxious|scared|afraid|sad|hurt|disappointed"
    r"|helpless|hopeless|ashamed|embarrassed)\b"
    r"|\b(?:we|i)\s+(?:feel|felt)\s+(?:\w+\s+){0,2}?(?:bad|guilty)\b"
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
    angry frustrated worried anxious scared afraid sad hurt hurts disappointed helpless hopeless
    ashamed embarrassed slept"""
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
        ("jobs job homes", "lose losing"),
        (
            "employees staff workers people families",
            "depend depends depended depending",
        ),
        ("hard difficult tough", "very extremely really so"),
        ("small", "company business seller team shop"),
        ("situation circumstances", "consider"),
        ("killing kills killed kill", "business company shop store family"),
        ("pains saddens", "us me"),
        ("chance", "more second last"),
        ("afford sleep", "cannot"),
        ("terrible awful horrible", "feel"),
        ("criminal criminals", "treated"),
        ("tears", "in"),
        ("pay", "cannot can unable could couldn"),
        ("risk", "put puts putting placed"),
        ("losing", "money sales revenue income"),
        ("bad guilty", "feel felt"),
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
    r"\b(?:sorry\b|(?:we|i)\s+(?:\w+\s+){0,3}?(?:apologi[sz]e|apologi[sz]ing|regret)\b"
    r"|(?:our|my)\s+(?:\w+\s+){0,2}?(?:apolog(?:y|ies)|regrets)\b)|(?:^|[.!?;]\s*)apologies\b"
    r"|\b(?:regrettably\b|forgive\b|excuse\s+(?:the|our|my|us)\b|pardon\b"
    r"|apologies\s+(?:that|for)\b|(?:sincere|deepest|sincerest)\s+apologies\b"
    r"|apologi[sz]e\s+to\b|regretful\b|(?:my|our)\s+excuses\b|mea\s+culpa\b)"
)


APOLOGY_GATE = word_set(
    """sorry apologise apologize apologising apologizing apology apologies regret regrets
    regrettably forgive excuse pardon regretful excuses culpa"""
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
    FTC USPTO EUIPO WIPO FSC CARB GCC ISBN CBP OEKO TEX NHTSA OSHA MHRA HSE TGA GSTIN GST EORI ABN
    NIF CIF RFC CUIT EIN ITIN HSN JAN FSSAI BIS HMRC IRS MRP BPA AQL QA NZ SA ZA
    XS XXS XL XXL XXXL XXXXL ES FR DE JP AU CA MX AE NL SE PL BE TR SG BR EG IE IN
    UKIPO JPO CNIPA KIPO INPI DPMA CIPO IPO"""
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


# A template's instruction in brackets: "(INSERT NAME)", "[ENTER DATE]".
_BRACKETED = re.compile(r"[(\[](?:INSERT|ENTER|ADD|ATTACH|YOUR)\b[^()\[\]\n]{0,40}[)\]]")
# A product code: capitals and digits joined by hyphens (SKU HOOD-XXL-BLK, MUG-SNS).
_CODE = compiled_when_used(r"\b[A-Z0-9]+(?:-[A-Z0-9]+)+\b")


def shouting(t: Analysed) -> int | None:
    """Words in capitals beyond acronyms, company names and product codes."""
    caps = set(_CAPS_WORD.findall(t.masked)) if TWO_CAPS.search(t.masked) else set()
    if caps <= ACRONYMS:
        return None
    text = _CODE().sub(blanked, t.masked) if "-" in t.masked else t.masked
    if "(" in text or "[" in text:
        text = _BRACKETED.sub(blanked, text)  # the placeholder rule's business
    for run in _CAPS_RUN.finditer(text):
        words = [w for w in re.findall(r"[A-Z]{2,}", run.group(0)) if not _MASK.match(w)]
        if _COMPANY & set(words) or _NAMED_BY.search(text, max(0, run.start() - 6), run.start()):
            continue
        loud = [w for w in words if w not in ACRONYMS]
        if any(w in _EMPHATIC or len(w) >= 5 for w in loud) or len(loud) >= 2:
            return run.start()
    return None


_ABSOLUTE = re.compile(
    r"\b(?:100\s?%\s+(?:authentic|genuine|original|legit\w*|real|safe|compliant|new|sure|certain"
    r"|customer\s+satisfaction|satisfaction)\b"
    r"|(?:completely|totally|fully|entirely|absolutely|perfectly)\s+(?:authentic|genuine|safe"
    r"|risk[- ]free|error[- ]free|compliant|eliminated|certain|sure)\b"
    r"|error[- ]free\b|flawless\b|risk[- ]free\b|(?:is|are|was|were)\s+(?:now\s+)?perfect\b"
    r"|no\s+chance\b|impossible\b|eliminat(?:e|ed|es)\s+(?:every|all|any)\b"
    r"|ever\s+(?:sold|sell|shipped|listed)\b|never\s+again\b|ever\s+again\b"
    r"|(?:will|would|can|could|shall)\s+never\b|won'?t\s+ever\b"
    r"|never\s+(?:happen|occur|recur|be\s+repeated)\b"
    r"|(?:not|never|n't|cannot|(?:won|can|couldn|wouldn|shouldn|don|doesn|didn|isn)'t)"
    r"\s+(?:happen|occur|recur)\s+again\b|cannot\s+happen\b"
    r"|for\s+good\b(?!\s+measure)|once\s+and\s+for\s+all\b|can\s+no\s+longer\b"
    r"|happen\s+(?:a\s+second\s+time|twice)\b|one\s+hundred\s+per\s?cent\b(?!\s+of)"
    r"|always\s+(?:original|genuine|authentic)\b|cannot\s+possibly\b"
    r"|(?:will\s+not|won't)\s+be\s+repeated\b"
    r"|eliminat(?:e|es|ed)\s+(?:\w+\s+){0,3}?(?:completely|entirely|fully|totally)\b"
    r"|ever\b[^.;]{0,40}\bagain\b|forever\b|(?:fixed|solved|resolved)\s+permanently\b"
    r"|guarantee(?:s|d)?\b"
    r"|(?:cannot|can't|can\s+not|will\s+not|won't|never)\s+(?:\w+\s+)?(?:happen|occur|recur)"
    r"\s+(?:anymore|any\s+more)\b|beyond\s+(?:any\s+|all\s+|a\s+)?(?:shadow\s+of\s+(?:a\s+)?)?doubt\b"
    r"|no\s+doubt\s+about\s+it\b|without\s+(?:a|any)\s+doubt\b|undoubtedly\b"
    r"|out\s+of\s+the\s+question\b|zero\s+(?:risk|chance|possibility)\b"
    r"|no\s+(?:\w+\s+){1,3}?will\s+ever\b|(?:we|i)\s+(?:promise|swear|assure\s+you)\b)"
)
_NOT_A_PROMISE = re.compile(
    r"a-to-z\s+guarantee|(?:manufacturer's|money-back|year|lifetime|product)\s+guarantee"
    r"|guarantee\s+claims?"
)
_ZERO = re.compile(r"\bzero\s+[a-z]+")
_FROM_NOW = compiled_when_used(
    r"\b(?:will\b|now\s+ensures?\b|from\s+now\s+on\b|going\s+forward\b|permanently\b|forever\b|in\s+future\b)"
)


ABSOLUTE_GATE = word_set(
    """100 completely totally fully entirely absolutely perfectly error flawless risk perfect
    chance impossible eliminate eliminated eliminates ever never forever permanently guarantee
    guarantees guaranteed cannot won again zero undoubtedly promise swear"""
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
        ("anymore more", "cannot can not never won"),
        ("doubt", "beyond about without"),
        ("question", "out"),
        ("assure", "you"),
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
