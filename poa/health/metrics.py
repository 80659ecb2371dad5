"""Amazon's metric formulas over daily counts: window sums, headroom, status and trend.

Rates are kept as exact fractions of a percent, so a value that sits exactly on Amazon's
threshold is judged the way Amazon states the rule (under 1% meets; 1% does not).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from fractions import Fraction
from itertools import accumulate

from poa.catalog import MetricSpec
from poa.health.counts import DailyCounts

# A metric counts as at risk once it has used this share of the distance from the perfect
# value (0% or 100%) to Amazon's threshold: from 0.75% for a 1% ceiling, 96.25% for 95%.
AT_RISK_SHARE = Fraction(3, 4)
DEFAULT_WINDOW = 30


class HealthStatus(StrEnum):
    """Where a metric stands against Amazon's target and the seller's own."""

    OK = "ok"
    AT_RISK = "at-risk"
    BREACH = "breach"
    UNKNOWN = "unknown"


class HealthTrend(StrEnum):
    """How a metric moved against the window before."""

    BETTER = "better"
    WORSE = "worse"
    STEADY = "steady"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class Formula:
    """How one catalog metric is computed from the daily columns."""

    key: str
    numerator: tuple[str, ...]
    denominator: str
    bad: str
    good: str
    extra_windows: tuple[int, ...] = ()
    upper_bound: bool = False

    @property
    def columns(self) -> tuple[str, ...]:
        """Every column the formula reads."""
        return (*self.numerator, self.denominator)


ODR_EXACT = Formula(
    "order-defect-rate", ("defective_orders",), "orders", "defective orders", "clean orders"
)
ODR_SUMMED = Formula(
    "order-defect-rate",
    ("negative_feedback", "a_to_z_claims", "chargebacks"),
    "orders",
    "defective orders",
    "clean orders",
    upper_bound=True,
)
FORMULAS: tuple[Formula, ...] = (
    ODR_EXACT,
    Formula(
        "late-shipment-rate",
        ("late_shipments",),
        "shipments",
        "late shipments",
        "on-time shipments",
        extra_windows=(10,),
    ),
    Formula(
        "pre-fulfillment-cancel-rate",
        ("cancellations",),
        "orders",
        "cancellations",
        "uncancelled orders",
    ),
    Formula(
        "valid-tracking-rate",
        ("tracked_shipments",),
        "shipments",
        "untracked shipments",
        "tracked shipments",
    ),
    Formula(
        "on-time-delivery-rate",
        ("on_time_deliveries",),
        "tracked_shipments",
        "late deliveries",
        "on-time deliveries",
    ),
)


def formula_for(formula: Formula, columns: tuple[str, ...]) -> Formula:
    """The formula to use with these columns: the defect rate falls back to summed counts."""
    if formula is ODR_EXACT and "defective_orders" not in columns:
        return ODR_SUMMED
    return formula


def windows_of(formula: Formula, spec: MetricSpec) -> list[int]:
    """The windows a metric is reported over: the catalog's, plus Amazon's shorter ones."""
    return sorted({spec.window_days or DEFAULT_WINDOW, *formula.extra_windows})


@dataclass(frozen=True)
class Reading:
    """One window's counts for one metric."""

    first: date
    last: date
    numerator: int
    denominator: int
    days: int

    @property
    def rate(self) -> Fraction | None:
        """The value in percent, exactly; None when the window holds nothing to divide by."""
        if self.denominator == 0:
            return None
        return Fraction(100 * self.numerator, self.denominator)

    @property
    def value(self) -> float | None:
        """The value in percent."""
        rate = self.rate
        return None if rate is None else float(rate)

    @property
    def length(self) -> int:
        """The window's length in days."""
        return (self.last - self.first).days + 1


class Series:
    """One formula's numerator and denominator per calendar day, summed over any window."""

    def __init__(self, counts: DailyCounts, formula: Formula) -> None:
        self.formula = formula
        self.start = counts.first
        span = (counts.last - self.start).days + 1
        num, den, seen = [0] * span, [0] * span, [0] * span
        for day in counts.days:
            values = [day.get(column) for column in formula.columns]
            if any(v is None for v in values):
                continue
            index = (day.day - self.start).days
            num[index] = sum(v or 0 for v in values[:-1])
            den[index] = values[-1] or 0
            seen[index] = 1
        self._num = [0, *accumulate(num)]
        self._den = [0, *accumulate(den)]
        self._seen = [0, *accumulate(seen)]

    def reading(self, last: date, window: int) -> Reading:
        """The counts of the `window` days ending on `last` (days outside the data count as
        missing)."""
        first = last - timedelta(days=window - 1)
        size = len(self._num) - 1
        lo = min(max((first - self.start).days, 0), size)
        hi = min(max((last - self.start).days + 1, 0), size)
        num = self._num[hi] - self._num[lo]
        den = self._den[hi] - self._den[lo]
        if self.formula.upper_bound:
            num = min(num, den)
        return Reading(first, last, num, den, self._seen[hi] - self._seen[lo])

    def rolling(self, last: date, window: int) -> list[tuple[date, Reading]]:
        """The window ending on each day from the first day of the data to `last`."""
        days = (last - self.start).days + 1
        return [
            (day, self.reading(day, window))
            for day in (self.start + timedelta(days=i) for i in range(days))
        ]


def _threshold(spec: MetricSpec) -> Fraction:
    return Fraction(str(spec.threshold))


def meets(rate: Fraction, goal: Fraction, better: str) -> bool:
    """Whether a rate meets a goal, strictly, as Amazon states its targets."""
    return rate < goal if better == "lower" else rate > goal


def at_risk_from(spec: MetricSpec) -> Fraction:
    """The value from which a metric that still meets Amazon's target counts as at risk."""
    threshold = _threshold(spec)
    if spec.better == "lower":
        return threshold * AT_RISK_SHARE
    return threshold + (100 - threshold) * (1 - AT_RISK_SHARE)


def judge(
    rate: Fraction | None, spec: MetricSpec, target: Fraction | None
) -> tuple[HealthStatus, str]:
    """A metric's status and the reason for it."""
    if rate is None:
        return HealthStatus.UNKNOWN, "nothing to divide by in the window"
    if not meets(rate, _threshold(spec), spec.better):
        if spec.enforced:
            return HealthStatus.BREACH, "past Amazon's target"
        return HealthStatus.AT_RISK, "misses Amazon's recommendation (advisory, not enforced)"
    if target is not None and not meets(rate, target, spec.better):
        return HealthStatus.AT_RISK, f"past your target of {float(target):g}%"
    edge = at_risk_from(spec)
    if (rate >= edge) if spec.better == "lower" else (rate <= edge):
        return HealthStatus.AT_RISK, f"close to Amazon's target (at risk from {float(edge):g}%)"
    return HealthStatus.OK, "within target"


def trend(now: Reading | None, before: Reading | None, better: str) -> HealthTrend:
    """How the value moved against the window before, to a hundredth of a point."""
    if now is None or before is None or now.rate is None or before.rate is None:
        return HealthTrend.UNKNOWN
    change = round(float(now.rate - before.rate), 2)
    if change == 0:
        return HealthTrend.STEADY
    improving = change < 0 if better == "lower" else change > 0
    return HealthTrend.BETTER if improving else HealthTrend.WORSE


@dataclass(frozen=True)
class Headroom:
    """How far a metric is from Amazon's threshold, counted in orders or shipments.

    `allowed`: while the metric meets the target, how many more of the window's orders (or
    shipments) may still turn bad without crossing it. `needed`: once past it, how many more
    good ones the window needs to meet it again. Days leaving the window are not counted."""

    allowed: int | None
    needed: int | None
    bad: str
    good: str

    def __str__(self) -> str:
        if self.allowed is not None:
            return f"{self.allowed:,} more {self.bad}"
        if self.needed is not None:
            return f"needs {self.needed:,} {self.good}"
        return "cannot be met"


def headroom(reading: Reading, spec: MetricSpec, formula: Formula) -> Headroom | None:
    """The headroom of one window's counts, or None when the window is empty."""
    total = reading.denominator
    if total == 0:
        return None
    threshold = _threshold(spec) / 100
    bad = reading.numerator if spec.better == "lower" else total - reading.numerator
    limit = threshold if spec.better == "lower" else 1 - threshold  # bad share must stay under
    if bad < limit * total:
        allowed = min(math.ceil(limit * total - bad) - 1, total - bad)
        return Headroom(allowed, None, formula.bad, formula.good)
    if limit == 0:
        return Headroom(None, None, formula.bad, formula.good)
    needed = math.floor(bad / limit - total) + 1
    return Headroom(None, needed, formula.bad, formula.good)
