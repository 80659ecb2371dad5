"""The health report: every metric over its windows, as of one day, against the targets."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from fractions import Fraction

from poa.catalog import Catalog, MetricSpec, load_catalog
from poa.errors import Problem, UsageError
from poa.health.counts import DailyCounts, counts_from_records
from poa.health.metrics import (
    FORMULAS,
    Formula,
    Headroom,
    HealthStatus,
    HealthTrend,
    Reading,
    Series,
    formula_for,
    headroom,
    judge,
    meets,
    trend,
    windows_of,
)

Rows = DailyCounts | Iterable[Mapping[str, object]]


@dataclass(frozen=True)
class MetricHealth:
    """One metric over one window: value, counts, targets, headroom, trend and status."""

    spec: MetricSpec
    formula: Formula
    window_days: int
    reading: Reading | None
    previous: Reading | None
    target: float | None
    headroom: Headroom | None
    status: HealthStatus
    trend: HealthTrend
    reason: str
    missing: tuple[str, ...] = ()

    @property
    def key(self) -> str:
        """The metric's catalog key."""
        return self.spec.key

    @property
    def value(self) -> float | None:
        """The value in percent over the window ending on the report's day."""
        return self.reading.value if self.reading else None

    @property
    def previous_value(self) -> float | None:
        """The value in percent over the window of the same length just before."""
        return self.previous.value if self.previous else None

    @property
    def change(self) -> float | None:
        """The change against the window before, in percentage points."""
        now, before = self.value, self.previous_value
        return None if now is None or before is None else now - before

    @property
    def label(self) -> str:
        """The metric's name and window, such as "Late Shipment Rate (10 days)"."""
        return f"{self.spec.name} ({self.window_days} days)"


@dataclass(frozen=True)
class HealthReport:
    """Every metric the daily counts allow, as of one day."""

    counts: DailyCounts
    as_of: date
    metrics: tuple[MetricHealth, ...]
    targets: Mapping[str, float] = field(default_factory=dict)
    warnings: tuple[Problem, ...] = ()

    @property
    def breached(self) -> bool:
        """Whether any enforced metric is past Amazon's target."""
        return any(m.status is HealthStatus.BREACH for m in self.metrics)

    @property
    def at_risk(self) -> bool:
        """Whether any metric is at risk (and none breached)."""
        return not self.breached and any(m.status is HealthStatus.AT_RISK for m in self.metrics)

    def get(self, key: str, window_days: int | None = None) -> MetricHealth:
        """The metric with this key (and window, when it has several); KeyError if absent."""
        for metric in self.metrics:
            if metric.key == key and window_days in (None, metric.window_days):
                return metric
        raise KeyError(key if window_days is None else f"{key} over {window_days} days")


def health_report(
    rows: Rows,
    *,
    as_of: date | None = None,
    targets: Mapping[str, float] | None = None,
    catalog: Catalog | None = None,
) -> HealthReport:
    """Amazon's account-health metrics from daily counts, each over its windows ending on
    `as_of` (default: the last day in the counts).

    `rows` is what `read_counts` returns, or mappings from column name to value. `targets`
    maps metric keys to the seller's own targets in percent, stricter than Amazon's."""
    counts = rows if isinstance(rows, DailyCounts) else counts_from_records(rows)
    catalog = catalog or load_catalog()
    goals = check_targets(targets or {}, catalog)
    day = as_of or counts.last
    if day < counts.first:
        raise UsageError(f"as of {day}: the counts start on {counts.first}; pick a later day")
    results: list[MetricHealth] = []
    for base in FORMULAS:
        spec = catalog.metrics.get(base.key)
        if spec is None:
            continue
        formula = formula_for(base, counts.columns)
        missing = tuple(c for c in formula.columns if c not in counts.columns)
        series = None if missing else Series(counts, formula)
        for window in windows_of(formula, spec):
            results.append(
                _measure(spec, formula, series, day, window, goals.get(spec.key), missing)
            )
    warnings = list(counts.warnings)
    if day > counts.last:
        warnings.append(
            Problem(
                counts.source,
                None,
                None,
                "",
                f"the report is as of {day}, after the last "
                f"row ({counts.last}): the days between count as missing data",
            )
        )
    return HealthReport(counts, day, tuple(results), goals, tuple(warnings))


def _measure(
    spec: MetricSpec,
    formula: Formula,
    series: Series | None,
    day: date,
    window: int,
    goal: float | None,
    missing: tuple[str, ...],
) -> MetricHealth:
    if series is None:
        reason = "missing column" + ("s: " if len(missing) > 1 else ": ") + ", ".join(missing)
        if formula.upper_bound:
            reason += " (or count defective_orders)"
        return MetricHealth(
            spec,
            formula,
            window,
            None,
            None,
            goal,
            None,
            HealthStatus.UNKNOWN,
            HealthTrend.UNKNOWN,
            reason,
            missing,
        )
    now = series.reading(day, window)
    before = series.reading(now.first - timedelta(days=1), window)
    target = None if goal is None else Fraction(str(goal))
    status, reason = judge(now.rate, spec, target)
    if status is HealthStatus.UNKNOWN:
        reason = f"no {formula.denominator.replace('_', ' ')} in the window"
    return MetricHealth(
        spec,
        formula,
        window,
        now,
        before,
        goal,
        headroom(now, spec, formula),
        status,
        trend(now, before, spec.better),
        reason,
    )


def check_targets(targets: Mapping[str, float], catalog: Catalog) -> dict[str, float]:
    """The seller's targets, checked: known metrics, in percent, on the safe side of Amazon's."""
    known = [f.key for f in FORMULAS if f.key in catalog.metrics]
    problems: list[Problem] = []
    for key, value in targets.items():
        spec = catalog.metrics.get(key)
        if key not in known or spec is None:
            close = difflib.get_close_matches(key, known, n=1, cutoff=0.5)
            hint = f"did you mean {close[0]}?" if close else "use one of " + ", ".join(known)
            problems.append(
                Problem("targets", None, None, key, f"not a metric poa computes: {hint}")
            )
        elif not 0 <= value <= 100:
            problems.append(Problem("targets", None, None, key, f"{value:g} is not a percentage"))
        elif value != spec.threshold and not meets(
            Fraction(str(value)), Fraction(str(spec.threshold)), spec.better
        ):
            side = "below" if spec.better == "lower" else "above"
            problems.append(
                Problem(
                    "targets",
                    None,
                    None,
                    key,
                    f"{value:g}% is looser than Amazon's "
                    f"{spec.threshold:g}%: an internal target sits {side} it",
                )
            )
    if problems:
        raise UsageError("invalid targets", problems)
    return {key: float(value) for key, value in targets.items()}


def parse_targets(items: Sequence[str]) -> dict[str, float]:
    """Targets written as KEY=PERCENT (such as order-defect-rate=0.5), for the command line."""
    targets: dict[str, float] = {}
    problems: list[Problem] = []
    for item in items:
        key, sep, text = item.partition("=")
        try:
            targets[key.strip()] = float(text.strip().removesuffix("%"))
        except ValueError:
            problems.append(
                Problem(
                    "targets",
                    None,
                    None,
                    key.strip() if sep else item,
                    "write the target as METRIC=PERCENT, such as order-defect-rate=0.5",
                )
            )
    if problems:
        raise UsageError("invalid targets", problems)
    return targets
