"""The unrelated-history rule: business history, reputation or praise the notice did not ask
about (years of trading, happy customers, press coverage, a clean record), told apart from
dates and figures that explain the issue. The rule takes the analysed text and returns a
position, or None."""

from __future__ import annotations

from poa.checks.text import Analysed, compiled_when_used, word_pairs, word_set

# "since we started selling in 2019, ...": a date for what the sentence explains.
_SINCE = compiled_when_used(r"\b(?:since|when|after|until|before)\s+(?:we|i)\s+$")

_HISTORY = compiled_when_used(
    r"(?:selling|sold|sell|trading|operating|seller|business|been)\s+(?:on\s+amazon\s+)?"
    r"(?:since|for)\s+(?:\d{4}|\w+\s+years|many\s+years|over|more\s+than|decades)\b"
    r"|(?:founded|established)\b|started\s+(?:our|the)\s+(?:business|company|shop)\b"
    r"|open(?:ed)?\s+since\s+(?:19|20)\d\d\b|years\s+of\s+trading\b"
    r"|(?:thousands|millions|hundreds)\s+of\s+(?:happy\s+|satisfied\s+|loyal\s+)?(?:customers|buyers)\b"
    r"|(?:happy|satisfied|loyal)\s+(?:customers|buyers|clients)\b|five-star\s+ratings\b"
    r"|top[- ]rated\b|(?:spotless|perfect|excellent|clean|flawless|impeccable)\s+(?:record"
    r"|track\s+record|history|account\s+health|reputation)\b"
    r"|never\s+(?:had|received|got|faced)\s+(?:a|any|such\s+a|one)\s+(?:single\s+)?"
    r"(?:complaint|problem|issue|violation|claim|warning)s?\b"
    r"|not\s+once\s+(?:received|had|got|faced|seen)\b"
    # Praise from others, and growth: "recommended by dermatologists", "featured in Vogue".
    r"|recommended\s+by\s+(?:many\s+|leading\s+|top\s+)?(?:dermatologists|doctors|experts"
    r"|professionals|pharmacists|vets|veterinarians|dentists|chefs|influencers|celebrities)\b"
    r"|(?<=\bas\s)seen\s+(?:in|on)\b"
    r"|(?:steady|consistent|continuous|strong)\s+growth\b|grown\s+(?:every|each)\s+year\b"
    # Few complaints as a boast ("with very few complaints", "we get hardly any returns"), not
    # as a count that points at the cause ("Hardly any returns mention size").
    r"|(?:(?<=\bwith\svery\s)|(?<=\bwith\s)|(?<=\bhave\svery\s)|(?<=\bhad\svery\s)|(?<=\bget\svery\s)"
    r"|(?<=\bwith\srelatively\s))few\s+(?:complaints|problems|issues|returns|claims)\b"
    r"|(?:(?<=\bwith\s)|(?<=\bhave\s)|(?<=\bhad\s)|(?<=\bget\s)|(?<=\bgot\s)"
    r"|(?<=\breceived\s))(?:hardly"
    r"|barely)\s+any\s+(?:complaints|problems|issues|returns|claims)\b"
    r"|never\s+before\b"
    r"|without\s+(?:a\s+single\s+problem|issues|any\s+(?:problems|issues|complaints))\b"
    r"|proud\b|pride\b"
    r"|(?:(?<=\bwe\sare\sa\s)|(?<=\bwe're\sa\s)|(?<=\bas\sa\s))family[- ](?:owned|run)\b"
    r"|generations\b|mission\b"
    r"|passionate\b|well[- ]known\b|reputable\b|trusted\s+(?:seller|by|brand|company)\b"
    r"|long[- ]standing\b|leading\s+(?:department\s+stores|retailers|brands?|companies)\b"
    r"|awards?\b|voted\s+best\b|employ\s+\d+\s+people\b|charit(?:y|ies)\b"
    r"|long\s+history\b|(?:(?<=\bwe\shave\s)|(?<=\bi\shave\s))always\b|(?<=\bwe\s)always\s+do\b"
    # A metric that "was always below" the target: a record, not the cause.
    r"|(?:(?<=\bwas\s)|(?<=\bwere\s)|(?<=\bhas\s)|(?<=\bhave\s))always\s+(?:been\s+)?(?:below|under"
    r"|within|well\s+(?:below|under|within))\b"
    # ...unless the sentence goes on to when it changed: that dates the cause.
    r"(?![^;\n]{0,80}?\b(?:until|till|before|up\s+to)\b)"
    r"|track\s+record\b|(?:(?<=\d-)|(?<=\d\s)|(?<=\bseven-)|(?<=\beight-))figure\b"
    r"|started\s+(?:selling|trading)\s+(?:on\s+amazon\s+)?in\s+(?:19|20)\d\d\b"
    # Anchored at the verb, which is rare, rather than at "customers", which is not.
    r"|(?:(?<=\bbuyers\s)|(?<=\bcustomers\s)|(?<=\bclients\s))(?:love|adore|praise)\b"
    r"|(?:(?<=\bin\sour\s)|(?<=\bin\sour\swhole\s)|(?<=\bin\sour\sentire\s))history\b"
    r"|first\s+(?:issue|problem|complaint|claim|violation|warning|notice)\s+(?:we\s+)?(?:have\s+)?"
    r"(?:ever\s+)?(?:had|received|got|faced)\b|repeat\s+(?:customers|buyers|clients)\b"
    r"|(?:(?<=\bcustomers\swho\s)|(?<=\bbuyers\swho\s))(?:love|adore|praise)\b"
    r"|first\s+time\s+(?:in\s+our|that\s+we|we\s+(?:have\s+)?(?:ever\s+)?(?:got|received|had|faced)"
    r"|(?:\w+\s+){0,3}?(?:came\s+up|has\s+happened|happened|has\s+occurred|occurred))\b"
    r"|years\s+in\s+(?:the\s+)?(?:trade|business|industry|market)\b"
    r"|without\s+(?:a\s+single|any)\s+(?:\w+\s+)?(?:complaints?|problems?|issues?|warnings?"
    r"|violations?|claims?|defects?)\b"
)
_HISTORY_STARTS = word_set(
    """selling sold sell trading operating seller business been founded established started open
    opened years thousands millions hundreds happy satisfied loyal five top
    spotless perfect excellent clean flawless impeccable never without proud pride family
    generations mission passionate well reputable trusted long leading award awards voted employ
    charity charities always track figure love adore praise history first not recommended
    seen steady consistent continuous strong grown few hardly barely repeat"""
)
_HISTORY_NUMBERS = compiled_when_used(
    r"\b(?:(?:\d+|[a-z]+)\s+seasons\s+of\s+(?:trading|selling)\b"
    r"|\d+\+?\s+years(?:'|’)?\s+(?:(?:of\s+)?(?:experience|expertise)|of\s+(?:trading|selling)"
    r"|in\s+(?:the\s+)?business|on\s+amazon|as\s+an?\s+(?:amazon\s+)?seller|selling)\b"
    # Years of experience in words, claimed for the business ("our founder has over twenty").
    r"|(?:we|i|our\s+(?:founders?|owners?|ceo|company|family|business|brand))\s+(?:have|has"
    r"|had|bring|brings)\s+(?:over\s+|more\s+than\s+|nearly\s+|almost\s+)?[a-z]+\s+years(?:'|’)?"
    r"\s+(?:of\s+)?(?:experience|expertise)\b"
    r"|for\s+\d+\s+years\b|\d+(?:\.\d+)?%\s+positive\b)"
)
# Press coverage: "featured in Vogue Italia", "featured on the BBC", a name in capitals (not
# "featured in the notice", nor "in the manufacturer's catalogue").
_FEATURED = compiled_when_used(r"\b[Ff]eatured\s+(?:in|on|by)\s+(?:the\s+)?[A-Z]")
_SUPPLY = compiled_when_used(
    r"\b(?:suppliers?|manufacturers?|factory|factories|vendors?|carriers?|couriers?|3pl|partners?"
    r"|them|it)\b[^.;]{0,30}$"
)
# "98% positive" is praise beside one of these words (the gate's pair); alone it may be anything.
_RATED = word_set("feedback rating ratings reviews score")
# A store's rating is praise ("4.9 stars"); a threshold ("below 4.5 stars") is not, nor
# the end of a longer number.
_RATING = compiled_when_used(r"\b(?:4\.\d|5(?:\.0)?)\s*(?:out\s+of\s+5\s+)?stars?\b")
_THRESHOLD = compiled_when_used(r"(?:(?:below|under|than|above)\s|[\d.])$")
# What each alternative of the two patterns needs: one of these words alone, or a word of each
# set of a pair ("seller" opens nothing without "since" or "for").
HISTORY_WORDS = word_set(
    "founded established proud pride generations mission passionate reputable award awards "
    "charity charities figure stars star"
)
HISTORY_PAIRS = word_pairs(
    [
        ("selling sold sell trading operating seller business been", "since for"),
        ("started", "business company shop selling trading"),
        ("track", "record"),
        ("open opened", "since"),
        (
            "years",
            "trading experience expertise business amazon selling for trade industry market seller",
        ),
        ("thousands millions hundreds", "customers buyers"),
        ("happy satisfied loyal", "customers buyers clients"),
        ("top", "rated"),
        (
            "spotless perfect excellent clean flawless impeccable",
            "record history account reputation",
        ),
        (
            "never",
            """complaint complaints problem problems issue issues violation violations claim
            claims warning warnings before""",
        ),
        (
            "without",
            """problem problems issue issues complaint complaints warning warnings violation
            violations claim claims defect defects""",
        ),
        ("love adore praise", "buyers customers clients"),
        ("history", "our"),
        ("first", "time issue problem complaint claim violation warning notice"),
        ("repeat", "customers buyers clients"),
        ("seasons", "trading selling"),
        ("family", "owned run"),
        ("well", "known"),
        ("trusted", "seller by brand company"),
        ("long", "standing history"),
        ("leading", "department retailers brand brands companies"),
        ("voted", "best"),
        ("employ", "people"),
        ("always", "have do was were has"),
        ("once", "not"),
        (
            "recommended",
            "dermatologists doctors experts professionals pharmacists vets"
            " veterinarians dentists chefs influencers celebrities",
        ),
        ("featured", "in on by"),
        ("seen", "as"),
        ("growth", "steady consistent continuous strong"),
        ("grown", "every each"),
        ("few hardly barely", "complaints problems issues returns claims"),
        ("positive", "feedback rating ratings reviews score"),
    ]
)


def unrelated_history(t: Analysed) -> int | None:
    """Business history, reputation or praise the notice did not ask about."""
    match = t.match_at(_HISTORY(), _HISTORY_STARTS)
    if (
        match
        and match.group(0).startswith("started")
        and _SINCE().search(t.lower, 0, match.start())
    ):
        match = None  # "since we started selling in 2019, ..." dates what it explains
    words = t.words
    counted = "years" in words or "seasons" in words
    if match is None and (counted or ("positive" in words and t.has(_RATED))):
        match = _HISTORY_NUMBERS().search(t.lower)
        if (
            match
            and match.group(0).startswith("for ")
            and _SUPPLY().search(t.lower, max(0, match.start() - 40), match.start())
        ):
            match = None  # "used this supplier for 3 years" dates a supply, not the business
    if match is None and "featured" in t.words:
        match = _FEATURED().search(t.masked)
    if match is None and not t.words.isdisjoint(("stars", "star")):
        for rating in _RATING().finditer(t.lower):
            if not _THRESHOLD().search(t.lower, max(0, rating.start() - 6), rating.start()):
                return rating.start()
    return match.start() if match else None
