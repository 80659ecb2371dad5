"""Rules on content: root causes that restate the symptom, support cases, questions and
template leftovers (owners and frequencies, and business history, have modules of their
own)."""

from __future__ import annotations

import re

from poa.checks import blame
from poa.checks.text import Analysed, compiled_when_used, word_pairs, word_set

_SYMPTOM = re.compile(
    r"\b(?:complain(?:ed|ts?|ing)?\b|negative\s+(?:feedbacks?|reviews?)\b|bad\s+reviews?\b"
    r"|one-star\b|(?:made|make|makes)\s+(?:a\s+|an\s+|some\s+)?(?:mistake|error)s?\b"
    r"|mistakes\s+were\s+made\b|human\s+error\b|oversight\b|misunderstanding\b"
    r"|(?:supplier|carrier|shipping|technical|system|delivery|stock)\s+(?:issues?|problems?"
    r"|errors?|glitch(?:es)?|delays?)\b|glitch\w*|late\s+(?:shipments?|deliver(?:y|ies))\b"
    r"|(?:shipped|delivered|arrived|dispatched)\s+late\b"
    r"|(?:order\s+defect\s+rate|odr|cancel(?:l?ation)?\s+rate|late\s+shipment\s+rate|metrics?"
    r"|account\s+health|rate)\s+(?:went|rose|dropped|increased|exceeded|fell|(?:was|were|is)\s+"
    r"(?:too|above|below|over|high|low|poor))\b"
    r"|(?:account|listings?|products?|asins?)\s+(?:was\s+|were\s+)?(?:flagged|suspended"
    r"|deactivated|removed)\b|violat(?:ed|ion|ions)\b|unhappy\b|dissatisf\w*|unforeseen\b"
    r"|(?:not|un)\s?aware\b|(?:did|do|does)\s+not\s+know\b|(?:didn|don|doesn)'t\s+know\b"
    r"|lack\s+of\b|(?:buyers?|customers?)\s+(?:had\s+)?received\b"
    r"|(?:buyers?|customers?)\s+(?:did\s+not|didn't|never)\s+(?:receive|get)\b"
    r"|(?:mistakes?|errors?|issues?|problems?)\s+(?:happened|occurred|arose|were\s+made)\b"
    r"|(?:did\s+not|didn't|failed\s+to)\s+comply\b|non-?complian(?:t|ce)\b"
    r"|not\s+(?:in\s+new\s+condition|as\s+described)\b"
    r"|(?:items?|products?|orders?|parcels?|units?)\s+(?:arrived|were|was)\s+(?:damaged|late"
    r"|defective|broken)\b|did\s+not\s+match\b|received\s+(?:the\s+)?(?:wrong|used|damaged"
    r"|defective|broken|opened)\b|problem\s+with\b|issue\s+with\b|employee\s+made\b"
    # A mistake owned but not explained: "our mistake", "staff negligence". (Not written with
    # a look behind before the noun: the pattern is also searched, and an alternative that
    # opens with a look behind makes every search of it much slower.)
    r"|delayed\s+(?:dispatch|dispatches|shipping|shipments?|deliver(?:y|ies)|handovers?)\b"
    r"|(?:product\s+)?quality\s+(?:issues?|problems?)\b"
    r"|not\s+(?:knowing|familiar\s+with)\b|unfamiliar\s+with\b"
    # Circumstances, not a process: "Busy Diwali season and high volume", "Being a new seller".
    r"|(?:busy|peak|holiday|festive)\s+(?:\w+\s+)?(?:season|period|volumes?|demand)\b)"
    r"|(?<=\bhigh\s)(?:order\s+|sales\s+)?(?:volumes?|demand)\b"
    r"|\bsudden\s+(?:spike|surge|increase|rise)\b"
    r"|(?:(?<=\bbeing\sa\snew\s)|(?<=\bas\sa\snew\s)|(?<=\bbeing\snew\s))sellers?\b"
    r"|\b(?:confus(?:ed|ion)\s+(?:by|about|over|with|around)\s+(?:the\s+|all\s+the\s+)?(?:rules|policy"
    r"|policies|requirements|guidelines)\b"
    r"|(?:items?|products?|units?)\s+(?:were|was)\s+(?:sold|listed|shipped)\s+as\s+new\b"
    r"|not\s+(?:dispatched|shipped|delivered|sent)\s+(?:on|in)\s+time\b"
    # A mistake put on a person, with no process named ("by our own repricer rule" names one).
    r"|(?:mistakes?|errors?)\s+(?:was\s+|were\s+)?(?:made|committed)\s+by\s+(?:a\s+|an\s+|one\s+"
    r"|the\s+|our\s+)?(?:\w+\s+)?(?:staff|employees?|members?|colleagues?|workers?|packers?"
    r"|pickers?|person|team|interns?|temps?|operators?|clerks?|shift)\b"
    r"|wrong\s+(?:items?|products?|units?|sizes?|colou?rs?|parcels?|orders?|variants?)\s+"
    r"(?:was|were)\s+(?:sent|shipped|delivered|dispatched|packed|picked)\b"
    r"|(?:sent|shipped|delivered|dispatched|packed|picked)\s+(?:out\s+)?(?:the\s+|a\s+)?wrong\s+"
    r"(?:items?|products?|units?|sizes?|colou?rs?|parcels?|orders?|variants?)\b"
    r"|(?:our|my|staff|employee|clerical|internal|simple|honest)\s+(?:mistakes?|errors?"
    r"|oversights?|negligence|carelessness)\b|negligence\b|carelessness\b)"
)
_EXPLAINS = re.compile(
    r"(?:\b(?:because|since|so|after|while|without|when"
    r"|as(?!\s+(?:described|advertised|listed|(?:a\s+|an\s+)?(?:new|first-time|small|inexperienced"
    r"|young)\b))"
    r"|caused\s+by|due\s+to|came\s+from"
    r"|resulted\s+from|led\s+to)\b|[:;](?=\s))(?P<tail>.*)"
)
_OWNED_FAILURE = re.compile(
    r"\b(?:(?:we|i|our\s+[a-z-]+(?:\s+[a-z-]+)?|staff|the\s+team|no\s+one|nobody)\s+(?:did\s+not"
    r"|didn't|never|had\s+never|had\s+not|hadn't|failed\s+to|forgot\s+to|had\s+no|skipped|only"
    r"|relied|copied|reused)\s+"
    r"(?!know\b|realise\b|realize\b|understand\b|notice\b|expect\b|mean\b)"
    r"|no\s+one\b|nobody\b|no\s+(?:second|other)\s+(?:person|check)\b"
    r"|without\s+(?:checking|verifying|a\s+))"
)


_SYMPTOM_STARTS = word_set(
    """complain complained complaints complaint complaining negative bad one made make makes
    mistakes human oversight misunderstanding supplier carrier shipping technical system delivery
    stock glitch glitches glitchy late shipped delivered arrived dispatched order odr cancel
    cancellation cancelation metric metrics account rate listing listings product products asin
    asins violated violation violations unhappy dissatisfied dissatisfaction unforeseen not
    unaware did didn do does don doesn lack items item orders order parcels parcel units unit
    received problem issue employee buyer buyers customer customers mistake error errors issues
    problems failed non noncompliance noncompliant our my staff clerical internal simple honest
    negligence carelessness delayed quality unfamiliar wrong sent packed picked busy peak
    holiday festive sudden confused confusion volume volumes demand seller sellers"""
)


def vague_root_cause(t: Analysed) -> int | None:
    """A root cause that restates the symptom instead of naming the process that failed."""
    symptom = t.match_at(_SYMPTOM, _SYMPTOM_STARTS)
    # More than four different words means more than four words, without listing them.
    if symptom is None and (len(t.words) > 4 or len(t.tokens) > 4):
        return None
    if _OWNED_FAILURE.search(t.lower) or blame.accuses(t) is not None:
        return None
    if symptom and t.tokens[0] in ("we", "our") and t.is_subordinate(symptom.start()):
        return None  # what we did, and the symptom only as its consequence
    for match in _EXPLAINS.finditer(t.lower):
        if not _SYMPTOM.search(match.group("tail")):
            return None
    return symptom.start() if symptom else 0


_SUPPORT = compiled_when_used(
    r"\b(?:seller\s+(?:central\s+)?supp?ort\b|support\s+(?:case|ticket)s?\b|your\s+colleague"
    r"|case\s*(?:id|#|no\.?|number)\b|case\s+#?\d{5,}|ticket\s*(?:id|#|no\.?|number)"
    r"|ticket\s+#?\d+|(?:a|another|our)\s+ticket\b|sps\b|case\s+(?:numbers|ids)\b"
    r"|(?:opened|raised|filed|logged|submitted|escalated|reopen(?:ed)?)\s+(?:a\s+|an\s+|another"
    r"\s+|our\s+|the\s+|several\s+|multiple\s+)?(?:\w+\s+)?(?:case|ticket)s?\b"
    r"|(?:previous|earlier|open|pending|existing|several|three|two)\s+(?:support\s+)?(?:case|ticket)s?\b"
    r"|account\s+health\s+(?:support|specialist|team|rep|representative)\b"
    r"|call\s+with\s+account\s+health\b|amazon\s+account\s+(?:manager|rep|representative)\b"
    r"|amazon\s+(?:chat|live\s+chat)\b|amazon\s+(?:agent|rep|representative|associate"
    r"|support|employee)\b|account\s+manager\s+at\s+amazon\b|told\s+(?:us\s+)?by\s+amazon\b)"
)


SUPPORT_GATE = word_set(
    """support case cases ticket tickets health rep representative agent associate employee
    manager told specialist suport colleague colleagues colleague's sps chat"""
)


# The pattern's alternatives need "support", "case" or "ticket", or "health" or "amazon" with a
# word naming who was spoken to.
SUPPORT_WORDS = word_set("support suport case cases ticket tickets colleague colleagues sps")
SUPPORT_PAIRS = word_pairs(
    [
        ("health", "specialist team rep representative call"),
        ("amazon", "agent rep representative associate employee manager told chat"),
    ]
)


def support_case(t: Analysed) -> int | None:
    """A reference to a support case or to what Amazon staff said."""
    if not t.has(SUPPORT_GATE):
        return None
    for match in _SUPPORT().finditer(t.lower):
        # The case number of a buyer's claim (an A-to-z claim, a chargeback) is a fact of
        # the case, not a support ticket.
        if match.group(0).startswith("case") and _CLAIM().search(
            t.lower, max(0, match.start() - 30), match.start()
        ):
            continue
        return match.start()
    return None


_CLAIM = compiled_when_used(r"claim|a-to-z|chargeback")


_ASKS = compiled_when_used(
    r"\b(?:please\s+(?:let\s+us\s+know|advise|clarify|explain|confirm|tell\s+us|revert|reply|respond"
    r"|share|send\s+us|provide\s+us|guide)\b|let\s+us\s+know\b)"
    r"|(?:could|can|would|will)\s+you\b|\b(?:we\s+would\s+(?:like\s+to\s+know|appreciate)\b"
    r"|kindly\s+(?:confirm|advise|let|tell|clarify|explain|guide|share|revert|inform)\b"
    r"|request\s+guidance\b"
    r"|pls\s+(?:advise|confirm|let|tell|clarify|explain)\b|may\s+we\s+(?:have|get|know|ask)\b)"
    r"|^(?:do|does|did)\s+(?:you|amazon)\b|^(?:is|are)\s+there\s+any(?:thing)?\b"
    r"|\b(?:(?:request|ask)\s+(?:you|amazon)\s+to\s+(?:share|provide|send|confirm|tell|clarify|explain"
    r"|advise|let|give|reconsider|review)\b|requesting\s+(?:you|amazon)\s+to\b"
    r"|(?:should|shall|must|do|can|could)\s+we\s+(?:also\s+)?(?:submit|send|provide|upload|share"
    r"|attach|include|resubmit)\b)"
)


# The words the patterns above need: "kindly" alone, the common ones ("can", "will",
# "would", "let", "please", "request") only beside the word that makes them a request.
ASK_WORDS = word_set("kindly")
ASK_PAIRS = word_pairs(
    [
        ("please", "advise clarify explain confirm tell let revert reply respond share send guide"),
        ("let", "know"),
        ("could can would will", "you"),
        ("would", "know appreciate"),
        ("request", "guidance"),
        ("pls", "advise confirm let tell clarify explain"),
        ("may", "we"),
        ("do does did", "you amazon"),
        ("anything any", "there"),
        ("request ask requesting", "you amazon"),
        (
            "should shall must do can could",
            "submit send provide upload share attach include resubmit",
        ),
    ]
)
_ASK_STARTS = word_set(
    "please let could can would will kindly request we pls may do does did is are ask requesting"
    " should shall must"
)


_QUESTION_MARKS = re.compile(r"\?+")


def question(t: Analysed) -> int | None:
    """A question or a request for information addressed to Amazon."""
    if "?" in t.masked:
        # A run of question marks ("test report no. ???") is a blank, not a question.
        for mark in _QUESTION_MARKS.finditer(t.masked):
            if len(mark.group(0)) == 1:
                return mark.start()
    match = t.match_at(_ASKS(), _ASK_STARTS)
    return match.start() if match else None


_BRACKET = re.compile(r"\[([^\]\n]{1,60})\]|\{\{?[^}\n]{1,60}\}\}?|<([^<>@\n]{1,40})>")
# A pointer to an exhibit or root cause, such as {E1} or {RC2}: an id with a digit in it.
_REFERENCE = re.compile(r"\{\s*[A-Z][A-Za-z_.-]*\d[A-Za-z0-9_.-]*\s*\}")
_BRACKET_OK = compiled_when_used(
    r"\b(?:sic|redacted|emphasis|translated|translation|exhibit\s+\w+)\b|^\s*\d+\s*$", re.I
)
_BRACKET_WORDS = compiled_when_used(
    r"\b(?:asin|date|name|brand|company|your|insert|number|lab|frequency|explain|describe"
    r"|merchant|token|seller|store|product|supplier|order|amount|quantity|role|here|x+)\b",
    re.I,
)
_LEFTOVER = compiled_when_used(
    r"(?<![\w-])(?:[A-Za-z0-9]+-)*(?:[A-Z0-9]*X{4,}[A-Z0-9]*|XXX)(?![\w-])"
    r"|\b(?:(?:TBD|TBC|TODO|FIXME)\b|0{3}-0{7}-0{7}\b"
    r"|(?:MM|DD)[/.-](?:DD|MM)[/.-](?:YYYY|YY)\b|YYYY-MM-DD\b)|_{3,}"
    r"|\b(?:Company|Seller|Your|Store)\s+Name\b|(?:^|\s)(?:\.\.\.|…)(?=\s|$)|\?{2,}"
)
_LEFTOVER_LOWER = compiled_when_used(
    r"\b(?:lorem\b|(?:insert|describe|add|enter|write)\b[^.]{0,40}\bhere\b"
    r"|(?:name|date|asin|sku|company|address|number)\s+here\b)"
    r"|\((?:insert|attach|enter)\b[^)\n]{0,40}\)"
    r"|\breplace\s+this\s+text\b|^\s*example:"
)


# Every alternative of the two patterns above needs one of these in the text: tested first,
# they spare most texts the patterns' scan, which is slow for their leading alternatives.
_LEFTOVER_MARKS = (
    "XXX",
    "TBD",
    "TBC",
    "TODO",
    "FIXME",
    "000-",
    "MM",
    "DD",
    "___",
    "Name",
    "...",
    "??",
)
_LEFTOVER_WORDS = word_set("lorem here replace example")
# The gate finds TBD, TBC, TODO, FIXME and 000- among the words of the text, which it has
# anyway, rather than by a search each: in ASCII text such a leftover, standing as a word
# (the patterns read it between word boundaries), is always one of the words. Other text is
# searched for them (see `capital_leftover`).
_CAPITAL_MARKS = ("TBD", "TBC", "TODO", "FIXME", "000-")
GATE_MARKS = ("[", "{", "<", "__", "…", "...", "XXX", "??")
# An instruction in brackets: "(insert photo)" (inserts alone are common words). The pattern
# opens with a bracket, so a search skips from one bracket to the next.
_INSTRUCTION = re.compile(r"\((?:insert|attach|enter)\b", re.IGNORECASE)
PLACEHOLDER_MARKS = (*GATE_MARKS, *_CAPITAL_MARKS)
PLACEHOLDER_GATE = word_set("lorem here replace example name mm dd yyyy")
# "Name" is a leftover only after "Company", "Seller", "Your" or "Store".
PLACEHOLDER_WORDS = (PLACEHOLDER_GATE - {"name"}) | {
    mark.rstrip("-").lower() for mark in _CAPITAL_MARKS
}
PLACEHOLDER_PAIRS = word_pairs([("name", "company seller your store")])


def capital_leftover(text: str) -> bool:
    """Whether a text holds an instruction in brackets, or, when it is not ASCII, TBD, TBC,
    TODO, FIXME or 000- (in ASCII text the gate's words find them)."""
    if "(" in text and _INSTRUCTION.search(text):
        return True
    return not text.isascii() and any(mark in text for mark in _CAPITAL_MARKS)


def placeholder(t: Analysed) -> int | None:
    """Template text left in: bracketed instructions, TBD, XXX, lorem ipsum, date masks."""
    marked = any(m in t.masked for m in PLACEHOLDER_MARKS) or t.has(PLACEHOLDER_GATE)
    if not marked and not ("(" in t.masked and _INSTRUCTION.search(t.masked)):
        return None
    for match in _BRACKET.finditer(t.masked):
        if _REFERENCE.fullmatch(match.group(0)):
            continue  # {E1} points at an exhibit; validation checks it resolves
        inner = match.group(1) or match.group(2)
        if inner is None or (not _BRACKET_OK().search(inner) and _is_blank_word(inner)):
            return match.start()
    leftover = None
    if "…" in t.masked or any(mark in t.masked for mark in _LEFTOVER_MARKS):
        leftover = _LEFTOVER().search(t.masked)
    if leftover is None and (t.has(_LEFTOVER_WORDS) or _INSTRUCTION.search(t.masked)):
        leftover = _LEFTOVER_LOWER().search(t.lower)
    return leftover.start() if leftover else None


def _is_blank_word(inner: str) -> bool:
    return bool(_BRACKET_WORDS().search(inner)) or inner.strip().islower()
