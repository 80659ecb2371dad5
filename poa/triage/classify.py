"""What a notice is about: its issue types (by the phrase table), the account status it
reports, whether it only informs, the metric values and the policies it names."""

from __future__ import annotations

import re
from dataclasses import dataclass

from poa.catalog import Catalog
from poa.triage.found import Found
from poa.triage.phrases import (
    HINT_WEIGHT,
    PHRASE_WEIGHT,
    STATUS_ORDER,
    Hit,
    PhraseTable,
    TriageStatus,
    TypePhrases,
    compiled,
    find_all,
    first_hit,
    phrase_regex,
)

_PERCENT = re.compile(r"(?<![0-9.,])([0-9]{1,3}(?:[.,][0-9]{1,2})?)\s?%")
_TARGET_WORDS = re.compile(
    r"\b(?:target|threshold|goal|below|under|above|over|than|least|most|exceeds?|exceeding"
    r"|recommend\w*|requires?|keep\w*)\b[\s:]*(?:of\s+|is\s+|at\s+)?$",
    re.IGNORECASE,
)
METRIC_WINDOW = 100


@dataclass(frozen=True)
class TypeMatch:
    """An issue type's matches in a notice and their score."""

    key: str
    hits: tuple[Hit, ...]
    score: int

    @property
    def deciding(self) -> Hit:
        """The earliest phrase that names the type (or the earliest hint)."""
        named = [h for h in self.hits if h.weight >= PHRASE_WEIGHT]
        return (named or list(self.hits))[0]


def type_matches(text: str, table: PhraseTable, catalog: Catalog) -> dict[str, TypeMatch]:
    """Every catalog type whose phrases score enough in the text."""
    matches = {}
    for key, entry in table.types.items():
        if key not in catalog:
            continue
        hits = _type_hits(text, entry)
        seen: dict[str, int] = {}
        for hit in hits:
            seen.setdefault(hit.text.lower(), hit.weight)
        score = sum(seen.values())
        if score >= PHRASE_WEIGHT:
            matches[key] = TypeMatch(key, tuple(hits), score)
    return matches


def _type_hits(text: str, entry: TypePhrases) -> list[Hit]:
    hits = find_all(text, entry.names, entry.patterns, PHRASE_WEIGHT)
    hits += find_all(text, entry.hints, [], HINT_WEIGHT)
    muted = [m.span() for p in entry.not_when for m in compiled(p, False).finditer(text)]
    kept = [h for h in hits if not any(a <= h.start and h.end <= b for a, b in muted)]
    return sorted(kept, key=lambda h: (h.start, -h.end))


def issue_types(
    text: str,
    table: PhraseTable,
    catalog: Catalog,
    store: str | None,
    status: TriageStatus | None,
) -> tuple[list[Found[str]], list[str]]:
    """The issue types a notice names, the one it names first leading, and notes on types
    left out because the catalog has them for other stores only."""
    matches = type_matches(text, table, catalog)
    notes = []
    if store:
        elsewhere = [k for k in matches if store not in (catalog.types[k].marketplaces or [store])]
        if elsewhere and len(elsewhere) < len(matches):
            for key in elsewhere:
                stores = ", ".join(catalog.types[key].marketplaces)
                notes.append(f"{key} left out: the catalog has it for {stores} only")
                del matches[key]
    kept = {
        key: match
        for key, match in matches.items()
        if not any(other in matches for other in table.types[key].yields_to)
    }
    if any(not table.types[key].alone for key in kept):
        kept = {key: m for key, m in kept.items() if not table.types[key].alone}
    ordered = sorted(kept.values(), key=lambda m: (m.deciding.start, -m.score, m.key))
    found = [_found(match) for match in ordered]
    if not found and status:
        found = [
            Found(key, "", 0, 0, f"assumed: the notice names no issue and reports {status}")
            for key, entry in table.types.items()
            if status in entry.assumed_for and key in catalog
        ][:1]
    return found, notes


def _found(match: TypeMatch) -> Found[str]:
    hit = match.deciding
    others = sorted({h.text for h in match.hits if h.text.lower() != hit.text.lower()})
    note = ""
    if others:
        shown = ", ".join(repr(" ".join(o.split())) for o in others[:3])
        more = f" and {len(others) - 3} more" if len(others) > 3 else ""
        note = f"also {shown}{more}"
    return Found(match.key, hit.text, hit.start, hit.end, note)


def account_status(text: str, table: PhraseTable) -> Found[TriageStatus] | None:
    """The gravest account status the notice reports, by the phrase that says it."""
    for status in STATUS_ORDER:
        phrases = table.statuses.get(status)
        hit = first_hit(text, phrases) if phrases else None
        if hit:
            return Found(status, hit.text, hit.start, hit.end)
    return None


def informational(
    text: str, table: PhraseTable, status: TriageStatus | None
) -> tuple[Found[str] | None, str]:
    """The phrase that makes the notice informational, or None and why not."""
    hit = first_hit(text, table.informational)
    if hit is None:
        return None, ""
    action = first_hit(text, table.action)
    if action:
        return None, f"it says {hit.text!r} but also asks for action ({action.text!r})"
    if status and status != "at-risk":
        return None, f"it says {hit.text!r} but reports the account status {status}"
    if status:
        return None, f"it says {hit.text!r} but says the account is at risk"
    return Found("informational", hit.text, hit.start, hit.end), ""


def metric_values(
    text: str, table: PhraseTable, catalog: Catalog, keys: list[str]
) -> list[Found[tuple[str, float]]]:
    """The values the notice gives for the metrics of the recognised issue types, read
    after the metric's name on the same line (targets and thresholds are skipped)."""
    named = {
        key: [h for h in _type_hits(text, table.types[key]) if h.weight >= PHRASE_WEIGHT]
        for key in keys
        if key in table.types
    }
    starts = sorted(h.start for hits in named.values() for h in hits)
    found = []
    for key, hits in named.items():
        spec = catalog.types[key].metric
        if spec is None:
            continue
        for hit in hits:
            value = _value_after(text, hit, starts, spec.threshold)
            if value:
                found.append(Found((key, value.value), value.phrase, value.start, value.end))
                break
    return found


def _value_after(text: str, hit: Hit, starts: list[int], threshold: float) -> Found[float] | None:
    line_end = text.find("\n", hit.end)
    stop = min(hit.end + METRIC_WINDOW, len(text) if line_end < 0 else line_end)
    stop = min([stop, *(s for s in starts if s >= hit.end)])
    for match in _PERCENT.finditer(text, hit.end, stop):
        prefix = text[hit.end : match.start()]
        if re.search(r"[.!?]\s", prefix) or _TARGET_WORDS.search(prefix):
            continue
        value = float(match.group(1).replace(",", "."))
        if value <= 100 and value != threshold:
            return Found(value, text[hit.start : match.end()], hit.start, match.end())
    return None


def policies(text: str, catalog: Catalog) -> list[Found[str]]:
    """The catalog's policy names the notice cites, in order of first mention."""
    names = sorted({t.policy for t in catalog.types.values() if t.policy})
    found = []
    for name in names:
        match = phrase_regex(name).search(text)
        if match:
            found.append(Found(name, match.group(0), match.start(), match.end()))
    return sorted(found, key=lambda f: f.start)
