"""Checking a case: every wording rule on every field, every case rule on the whole, findings
located in the file the case came from."""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from datetime import date
from typing import NamedTuple

from poa.case.model import Case
from poa.catalog import Catalog, IssueType, load_catalog
from poa.checks.case_rules import LENGTH_RULES, Context, Letter, length, letter, run_case_rules
from poa.checks.findings import FieldKind, Finding
from poa.checks.rulebook import RULES, Rule
from poa.checks.text import compiled_when_used
from poa.checks.textrules import field_hits
from poa.errors import UsageError
from poa.yamlfile import Document, Loc

_K = FieldKind
Field = tuple[Loc, FieldKind, str]


def check(
    case: Case,
    *,
    catalog: Catalog | None = None,
    today: date | None = None,
    source: Document | None = None,
    disabled: Mapping[str, str] | None = None,
) -> list[Finding]:
    """Every finding a reviewer's reading of the case gives, in document order.

    `source` is the parsed file the case came from, so findings carry file, line and column.
    `disabled` maps rule ids to the reason each is switched off; an unknown id or an empty
    reason is a UsageError.
    """
    return finish(start(case, catalog=catalog, today=today, source=source, disabled=disabled))


class Started(NamedTuple):
    """A case checked as far as the rules on the whole case, with what its wording and length
    rules need (the text of each field and where it is, and the letter's texts), but not the
    case itself: many of these can be held cheaply until those rules run one case after
    another (see `Reviewer.files`)."""

    fields: list[Field]
    places: list[tuple[int, int] | None]  # each field's line and column in `file`
    file: str | None
    issue: IssueType | None
    off: set[str]
    found: list[Finding]  # the case rules' findings, located
    letter: Letter | None  # what the length rules read, unless both are off
    whole: tuple[int, int] | None  # where the case starts in `file`


def start(
    case: Case,
    *,
    catalog: Catalog | None = None,
    today: date | None = None,
    source: Document | None = None,
    disabled: Mapping[str, str] | None = None,
) -> Started:
    """`check` as far as the rules on the whole case; `finish` runs the wording and length
    rules."""
    off = validate_disabled(disabled or {})
    catalog = catalog or load_catalog()
    issue = catalog.types.get(case.notification.issue_type)
    found = run_case_rules(Context(case, catalog, issue, today or date.today()), off)
    fields = case_fields(case)
    words = None if off >= LENGTH_RULES else letter(case, catalog)
    if source is None:
        return Started(fields, [], None, issue, off, found, words, None)
    found = [locate(finding, source) for finding in found]
    # A field's text is a value of the file, so its place is looked up directly.
    values = source.values
    places = [values.get(loc) or source.position(loc) for loc, _, _ in fields]
    return Started(fields, places, source.name, issue, off, found, words, source.position(()))


def finish(started: Started) -> list[Finding]:
    """The findings of a started check: the wording rules' on each field, then the case
    rules' (the length rules' last), each with its file, line and column when known."""
    findings = field_findings(started.fields, started.issue, started.off)
    file = started.file
    if findings and file is not None:
        places = zip(started.fields, started.places, strict=True)
        where = {field[0]: place for field, place in places}
        findings = [_placed(finding, file, where[finding.field_path]) for finding in findings]
    found = started.found
    if started.letter is not None:
        lengths = [f for f in length(started.letter) if f.rule not in started.off]
        if file is not None:
            lengths = [_placed(finding, file, started.whole) for finding in lengths]
        found = [*found, *lengths]
    return [*findings, *found]


def validate_disabled(disabled: Mapping[str, str]) -> set[str]:
    """The rule ids switched off, after checking each is known and has a reason."""
    for rule_id, reason in disabled.items():
        if rule_id not in RULES:
            raise UsageError(f"cannot switch off {rule_id!r}: {unknown_rule_hint(rule_id)}")
        if not isinstance(reason, str) or not reason.strip():
            raise UsageError(f"switching off {rule_id!r} needs a reason: say why it does not apply")
    return set(disabled)


def unknown_rule_hint(rule_id: str) -> str:
    """What to say about a rule id poa does not know."""
    close = difflib.get_close_matches(rule_id, list(RULES), n=1, cutoff=0.6)
    if close:
        return f"no such rule; did you mean {close[0]!r}?"
    return "no such rule; known rules: " + ", ".join(sorted(RULES))


def case_fields(case: Case) -> list[Field]:
    """Every field of the case a wording rule reads, with its kind and location."""
    fields: list[Field] = []
    add = fields.append
    for i, cause in enumerate(case.root_causes):
        add((("root_causes", i, "summary"), _K.ROOT_CAUSE, cause.summary))
        if cause.detail:
            add((("root_causes", i, "detail"), _K.ROOT_CAUSE_DETAIL, cause.detail))
    for i, action in enumerate(case.corrective_actions):
        add((("corrective_actions", i, "action"), _K.ACTION, action.action))
    for i, measure in enumerate(case.preventive_measures):
        add((("preventive_measures", i, "measure"), _K.MEASURE, measure.measure))
        add((("preventive_measures", i, "owner"), _K.OWNER, measure.owner))
        add((("preventive_measures", i, "frequency"), _K.FREQUENCY, measure.frequency))
        if measure.kpi:
            add((("preventive_measures", i, "kpi"), _K.OTHER, measure.kpi))
    for i, item in enumerate(case.evidence):
        add((("evidence", i, "proves"), _K.EVIDENCE, item.proves))
    for i, metric in enumerate(case.metrics):
        if metric.cause:
            add((("metrics", i, "cause"), _K.OTHER, metric.cause))
    for i, milestone in enumerate(case.milestones):
        if milestone.note:
            add((("milestones", i, "note"), _K.OTHER, milestone.note))
    for i, line in enumerate(case.review_checks):
        add((("review_checks", i), _K.OTHER, line))
    return fields


def field_findings(fields: list[Field], issue: IssueType | None, off: set[str]) -> list[Finding]:
    """The wording rules' findings on the fields of a case."""
    findings = []
    for loc, kind, rule_id, analysed, pos in field_hits(fields, off):
        rule = RULES[rule_id]
        short = kind in (_K.OWNER, _K.FREQUENCY)
        excerpt = " ".join(analysed.raw.split()) if short else analysed.excerpt(pos)
        findings.append(
            Finding(
                rule_id,
                rule.severity,
                loc,
                rule.message,
                suggestion(rule, issue, analysed.raw),
                excerpt,
            )
        )
    return findings


def check_text(kind: FieldKind, text: str, issue: IssueType | None = None) -> list[Finding]:
    """The wording rules' findings on one field's text, as it is typed (for the interview)."""
    findings = []
    for loc, _, rule_id, analysed, pos in field_hits([(("text",), kind, text)]):
        rule = RULES[rule_id]
        advice = suggestion(rule, issue, analysed.raw)
        findings.append(
            Finding(rule_id, rule.severity, loc, rule.message, advice, analysed.excerpt(pos))
        )
    return findings


_WORDS = compiled_when_used(r"[a-z]{4,}")


def suggestion(rule: Rule, issue: IssueType | None, text: str) -> str:
    """The rule's advice, with the catalog's closest good sentence as an example."""
    examples: list[str] = list(getattr(issue, rule.example, None) or []) if rule.example else []
    if not examples:
        return rule.advice
    find = _WORDS().findall
    words = set(find(text.lower()))
    best = max(examples, key=lambda s: len(words & set(find(s.lower()))))
    return f'{rule.advice}, e.g. "{best}"'


def locate(finding: Finding, source: Document) -> Finding:
    """The finding with the file, line and column of its field in the source document."""
    return _placed(finding, source.name, source.position(finding.field_path))


def _placed(finding: Finding, file: str, pos: tuple[int, int] | None) -> Finding:
    """The finding with its file, and its line and column when known."""
    line, column = pos if pos else (None, None)
    return Finding(
        finding.rule,
        finding.severity,
        finding.field_path,
        finding.message,
        finding.suggestion,
        finding.excerpt,
        file,
        line,
        column,
    )
