"""The register of cases: one row per case file, with its deadline and where it stands."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Literal

import yaml

from poa.case import dates
from poa.case.files import case_from_data, find_case_files, load_case
from poa.case.model import Case
from poa.catalog import Catalog
from poa.errors import InputError, PoaError
from poa.textfile import read_text

Status = Literal[
    "draft", "ready", "submitted", "more-information-requested", "rejected", "accepted"
]
SortKey = Literal["deadline", "date", "status", "store"]
LOG_STATUSES: tuple[Status, ...] = (
    "draft",
    "ready",
    "more-information-requested",
    "rejected",
    "submitted",
    "accepted",
)
LOG_SORT_KEYS: tuple[SortKey, ...] = ("deadline", "date", "status", "store")
# The answer is still to be sent (or sent again): a near deadline matters only then.
OPEN_STATUSES = frozenset({"draft", "ready", "more-information-requested", "rejected"})
URGENT_DAYS = 3
SUBMISSIONS_SUFFIX = ".submissions"


class _FastLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """PyYAML's C-accelerated safe loader (several times faster than poa's locating reader),
    refusing what that reader refuses and PyYAML would take: a field given twice, '<<'."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        keys = [k.value for k, _ in node.value if isinstance(k, yaml.ScalarNode)]
        if len(keys) != len(set(keys)) or any(k.tag.endswith(":merge") for k, _ in node.value):
            raise ValueError("a field given twice, or a merge key")
        mapping: dict[Any, Any] = super().construct_mapping(node, deep=deep)
        return mapping


_FastLoader.add_constructor("tag:yaml.org,2002:map", _FastLoader.construct_mapping)
LOADER: Any = _FastLoader


@dataclass(frozen=True)
class LogRow:
    """One case in the register."""

    file: Path
    received_on: date | None
    issue_type: str
    title: str
    store: str
    marketplace: str
    severity: str
    deadline: date | None
    days_left: int | None
    status: Status
    submissions: int
    last_outcome: str | None
    problem: str | None = None
    case: Case | None = None

    @property
    def urgent(self) -> bool:
        """Whether the deadline is three days off or fewer, or passed, while the answer is
        still to be sent."""
        return (
            self.days_left is not None
            and self.days_left <= URGENT_DAYS
            and self.status in OPEN_STATUSES
        )


def case_status(case: Case | None) -> Status:
    """Where a case stands: draft (does not validate), ready (never sent), or the last
    submission's outcome (pending reads as submitted)."""
    if case is None:
        return "draft"
    if not case.submissions:
        return "ready"
    outcome = case.submissions[-1].outcome
    return "submitted" if outcome == "pending" else outcome


def read_log(
    paths: Iterable[str | Path], catalog: Catalog, today: date
) -> tuple[list[LogRow], list[InputError]]:
    """A row for every case file under the paths (copies kept in submission folders are
    left out), and an error for each path that cannot be searched. A case that cannot be
    read or does not validate is still a row: a draft, with its first problem."""
    files, errors = find_case_files(paths)
    kept = [f for f in files if not any(p.endswith(SUBMISSIONS_SUFFIX) for p in f.parts[:-1])]
    return [read_log_row(f, catalog, today) for f in kept], errors


def read_log_row(path: Path, catalog: Catalog, today: date) -> LogRow:
    """The register's row for one case file; never raises for what the file holds."""
    try:
        data = yaml.load(read_text(path), Loader=LOADER)
    except (PoaError, yaml.YAMLError, ValueError, TypeError, RecursionError):
        data = None
    case: Case | None = None
    problem: str | None = None
    if isinstance(data, dict):
        try:
            case = case_from_data(data, catalog=catalog, today=today, name=str(path))
        except PoaError:
            case = None
    if case is None:
        problem = _first_problem(path, catalog, today)
    return _row(path, data if isinstance(data, dict) else {}, case, problem, catalog, today)


def _first_problem(path: Path, catalog: Catalog, today: date) -> str:
    """The located first problem, from the slower reader that knows lines and columns."""
    try:
        load_case(path, catalog=catalog, today=today)
    except PoaError as exc:
        first = exc.lines()[0] if exc.lines() else exc.message
        return first if first.startswith(str(path)) else f"{path}: {first}"
    return f"{path}: could not be read"


def _row(
    path: Path,
    data: dict[Any, Any],
    case: Case | None,
    problem: str | None,
    catalog: Catalog,
    today: date,
) -> LogRow:
    if case is not None:
        note = case.notification
        received: date | None = note.received_on
        key, market = note.issue_type, note.marketplace
        store, severity = case.seller.store_name, str(note.severity or "")
        deadline = dates.deadline(case, catalog)
        subs: list[str] = [s.outcome for s in case.submissions]
    else:
        raw = _mapping(data.get("notification"))
        received = _date(raw.get("received_on"))
        key, market = _text(raw.get("issue_type")), _text(raw.get("marketplace"))
        store = _text(_mapping(data.get("seller")).get("store_name"))
        severity, deadline = _text(raw.get("severity")), _date(raw.get("deadline"))
        listed = data.get("submissions")
        subs = (
            [_text(_mapping(s).get("outcome")) or "pending" for s in listed or []]
            if (isinstance(listed, list))
            else []
        )
    issue = catalog.types.get(key)
    return LogRow(
        file=path,
        received_on=received,
        issue_type=key,
        title=issue.title if issue else key,
        store=store,
        marketplace=market,
        severity=severity,
        deadline=deadline,
        days_left=(deadline - today).days if deadline else None,
        status=case_status(case),
        submissions=len(subs),
        last_outcome=subs[-1] if subs else None,
        problem=problem,
        case=case,
    )


def _mapping(value: object) -> dict[Any, Any]:
    return value if isinstance(value, dict) else {}


def _text(value: object) -> str:
    return str(value) if isinstance(value, str | int | float) and value is not None else ""


def _date(value: object) -> date | None:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


def sort_log(rows: Sequence[LogRow], key: SortKey = "deadline") -> list[LogRow]:
    """The rows in the order asked for; the file name settles ties, so the order is stable."""
    far = date.max

    def order(row: LogRow) -> tuple[Any, ...]:
        if key == "deadline":
            return (row.deadline or far, str(row.file))
        if key == "date":
            return (row.received_on or far, str(row.file))
        if key == "status":
            return (LOG_STATUSES.index(row.status), row.deadline or far, str(row.file))
        return (row.store.casefold(), row.marketplace, row.deadline or far, str(row.file))

    return sorted(rows, key=order)


def filter_log(
    rows: Iterable[LogRow],
    *,
    statuses: Iterable[str] = (),
    store: str | None = None,
    due_within: int | None = None,
) -> list[LogRow]:
    """The rows with one of these statuses, in this store (name or marketplace code, in any
    case), and due within this many days (passed deadlines included)."""
    wanted = set(statuses)
    needle = store.casefold() if store else None
    kept = []
    for row in rows:
        if wanted and row.status not in wanted:
            continue
        if needle and needle not in (row.store.casefold(), row.marketplace.casefold()):
            continue
        if due_within is not None and (row.days_left is None or row.days_left > due_within):
            continue
        kept.append(row)
    return kept
