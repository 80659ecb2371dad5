"""Whether the plan is working: each metric at the notice against the same metric now."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from poa.case.model import Case
from poa.catalog import Catalog
from poa.health.counts import read_counts
from poa.health.report import HealthReport, health_report


@dataclass(frozen=True)
class MetricChange:
    """One metric: its value at the notice, now, and whether that is the better way."""

    metric: str
    window_days: int | None
    at_notice: float
    now: float | None
    target: float | None
    better: str | None

    @property
    def verdict(self) -> str:
        """improving, worse, unchanged, or unknown (no value now)."""
        if self.now is None:
            return "unknown"
        if abs(self.now - self.at_notice) < 1e-9:
            return "unchanged"
        lower = self.better != "higher"
        return "improving" if (self.now < self.at_notice) == lower else "worse"

    @property
    def meets_target(self) -> bool | None:
        """Whether the value now meets the target (None when either is unknown)."""
        if self.now is None or self.target is None:
            return None
        return self.now < self.target if self.better != "higher" else self.now > self.target


@dataclass(frozen=True)
class MetricTracking:
    """The metric changes of one case against a health file."""

    file: Path
    health: Path
    as_of: date
    changes: tuple[MetricChange, ...]

    def lines(self) -> list[str]:
        """The tracking as lines for the terminal."""
        head = f"{self.file}: metrics at the notice and on {self.as_of} (from {self.health})"
        if not self.changes:
            return [head, "    the case gives no metrics to follow"]
        out = [head]
        for c in self.changes:
            window = f" ({c.window_days} days)" if c.window_days else ""
            now = "no value" if c.now is None else f"{c.now:.2f}%"
            target = "" if c.target is None else f" (target {c.target:g}%)"
            met = {True: ", target met", False: ", target not met yet", None: ""}[c.meets_target]
            out.append(
                f"    {c.metric}{window}: {c.at_notice:.2f}% at the notice, {now} now"
                f"{target}: {c.verdict}{met}"
            )
        return out

    def data(self) -> dict[str, Any]:
        """The tracking as plain data."""
        return {
            "health": str(self.health),
            "as_of": self.as_of.isoformat(),
            "metrics": [
                {
                    "metric": c.metric,
                    "window_days": c.window_days,
                    "at_notice": c.at_notice,
                    "now": c.now,
                    "target": c.target,
                    "verdict": c.verdict,
                    "meets_target": c.meets_target,
                }
                for c in self.changes
            ],
        }


def health_source(case_file: Path, case: Case, given: Path | None) -> Path | None:
    """The health file to compare against: the one given, or the case's own `health:` path
    (relative to the case file)."""
    if given is not None:
        return given
    return case_file.parent / case.health if case.health else None


def track_metrics(
    case_file: Path, case: Case, health: Path, catalog: Catalog, as_of: date | None = None
) -> MetricTracking:
    """Each metric of the case at the notice against its value in the health file (as of
    its last day, or `as_of`). Raises InputError if the health file cannot be read."""
    report = health_report(read_counts(health), as_of=as_of, catalog=catalog)
    changes = tuple(
        MetricChange(
            metric=m.metric,
            window_days=m.window_days,
            at_notice=m.value,
            now=_now(report, m.metric, m.window_days),
            target=m.target if m.target is not None else _threshold(catalog, m.metric),
            better=m.better or _better(catalog, m.metric),
        )
        for m in case.metrics
    )
    return MetricTracking(case_file, health, report.as_of, changes)


def _now(report: HealthReport, key: str, window: int | None) -> float | None:
    try:
        return report.get(key, window).value
    except KeyError:
        try:  # the case's window may not be one the counts give: take the metric's first
            return report.get(key).value
        except KeyError:
            return None


def _threshold(catalog: Catalog, key: str) -> float | None:
    spec = catalog.metrics.get(key)
    return spec.threshold if spec else None


def _better(catalog: Catalog, key: str) -> str | None:
    spec = catalog.metrics.get(key)
    return spec.better if spec else None
