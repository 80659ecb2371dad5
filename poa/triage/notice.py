"""Triage of a pasted notice: the one entry point that runs every rule over the text."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from poa.case.marketplaces import MARKETPLACES
from poa.catalog import Catalog, load_catalog
from poa.errors import InputError
from poa.textfile import read_bytes, utf8_text
from poa.triage import classify, scan, when
from poa.triage.assess import assess, case_kind
from poa.triage.phrases import PhraseTable, load_phrases
from poa.triage.result import NoticeTriage

READ_LIMIT = 200_000  # bytes: a notice with its email headers is far shorter


def triage_notice(
    text: str,
    *,
    catalog: Catalog | None = None,
    today: date | None = None,
    phrases: PhraseTable | None = None,
) -> NoticeTriage:
    """Recognise what an Amazon notice says, from its text as pasted from the email or
    Seller Central: issue types, store, dates, deadline, account status, identifiers and
    metric values, each with the phrase that decided it, and an assessment (nature,
    severity, time left from ``today``, which defaults to the clock's date).

    Deterministic rules over the catalog and the phrase table: the same text and day give
    the same result. Raises InputError for an empty or over-long text.
    """
    cleaned, notes = scan.clean(text)
    if not cleaned.strip():
        raise InputError("the notice is empty: paste the notice's text, from its subject on")
    if len(cleaned) > scan.MAX_CHARS:
        raise InputError(
            f"the notice is {len(cleaned):,} characters long; a case keeps at most "
            f"{scan.MAX_CHARS:,}: paste the notice alone, without earlier messages"
        )
    catalog = catalog or load_catalog()
    table = phrases or load_phrases()
    today = today or date.today()
    return _triage(cleaned, notes, catalog, table, today)


def read_notice(path: str | Path) -> str:
    """The text of a notice saved in a file (UTF-8, as editors save it), or InputError
    saying what is wrong with the file and what to do."""
    name = str(path)
    unfit = (
        "is not a notice's text (too large, or not text): save the notice as plain text, "
        "or paste it with `-`"
    )
    raw = read_bytes(Path(path), READ_LIMIT, unfit)
    if b"\x00" in raw:
        raise InputError(f"{name}: {unfit}")
    return utf8_text(raw, name, "is not UTF-8 text: save it again as UTF-8 in your editor")


def _triage(
    text: str, notes: list[str], catalog: Catalog, table: PhraseTable, today: date
) -> NoticeTriage:
    stores = scan.stores(text, table)
    store = stores[0].value if stores else None
    dates, date_notes = when.find_dates(text, MARKETPLACES[store].date_order if store else None)
    received = when.received_date(text, dates, table)
    status = classify.account_status(text, table)
    found_types, type_notes = classify.issue_types(
        text, table, catalog, store, status.value if status else None
    )
    types = [item.value for item in found_types]
    info, info_note = classify.informational(text, table, status.value if status else None)
    base = (received.value, "the notice's date") if received else (today, "today")
    due = when.deadline(text, dates, table, *base)
    metrics = classify.metric_values(text, table, catalog, types)
    references = scan.references(text, table)
    triage = NoticeTriage(
        assessment=assess(
            catalog=catalog,
            types=types,
            status=status,
            info=info,
            deadline=due,
            metrics=metrics,
            base=base,
            today=today,
        ),
        issue_types=found_types,
        kind=case_kind(catalog, types, status.value if status else None, text),
        subject=scan.subject(text),
        received_on=received,
        marketplace=stores[0] if stores else None,
        other_marketplaces=stores[1:],
        account_status=status,
        informational=info,
        deadline=due,
        reference=references[0] if references else None,
        asins=scan.asins(text, references),
        order_ids=scan.order_ids(text),
        metrics=metrics,
        policies=classify.policies(text, catalog),
        text=text,
        notes=[*notes, *date_notes, *type_notes, *([info_note] if info_note else [])],
    )
    return replace(triage, missing=_missing(triage, catalog))


def _missing(triage: NoticeTriage, catalog: Catalog) -> list[str]:
    """What the notice did not give (or triage could not read), in words."""
    missing = []
    if not triage.issue_types:
        missing.append("the issue type: no phrase of the phrase table matched")
    checks: list[tuple[object, str]] = [
        (triage.subject, "a subject line"),
        (triage.received_on, "the notice's date (today is used to count the deadline)"),
        (triage.marketplace, "the store (such as Amazon.com or Amazon.co.uk)"),
        (triage.reference, "a reference, violation or complaint ID"),
        (triage.asins, "ASINs"),
        (triage.order_ids, "order IDs"),
    ]
    missing += [what for value, what in checks if not value]
    if not triage.deadline and not triage.informational:
        missing.append("a deadline in the text")
    with_value = {item.value[0] for item in triage.metrics}
    for found in triage.issue_types:
        spec = catalog.types[found.value].metric
        if spec and found.value not in with_value:
            missing.append(f"a value for the {spec.name}")
    return missing
