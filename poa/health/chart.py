"""The health chart: each metric's rolling value per day against Amazon's threshold and the
seller's own target, with the days past the threshold marked; PNG or SVG by the file's suffix.

matplotlib is imported only inside `draw_chart`, so `import poa` and the other commands never
load it. The drawing uses a Figure of its own (no pyplot, no global backend) under matplotlib's
default style, DejaVu Sans (shipped with matplotlib) and fixed metadata, so the same counts
give the same bytes.
"""

from __future__ import annotations

import io
import math
from dataclasses import dataclass
from datetime import date
from fractions import Fraction
from pathlib import Path
from typing import TYPE_CHECKING, Any

from poa.errors import InputError, OutputError, UsageError
from poa.health.metrics import Reading, Series, meets
from poa.health.report import HealthReport, MetricHealth, Rows, health_report
from poa.outputs.atomic import write_atomic

if TYPE_CHECKING:
    from matplotlib.axes import Axes

CHART_MARK = "poa health chart"
FORMATS = {".png": "png", ".svg": "svg"}
METADATA: dict[str, dict[str, Any]] = {
    "png": {"Software": CHART_MARK},
    "svg": {"Creator": CHART_MARK, "Date": None, "Format": None, "Type": None},
}
LINE_COLOURS = ("#1f5f99", "#7a4fa3")
RED, GREEN = "#c0392b", "#2e7d32"
MARK_BYTES = 65536


@dataclass(frozen=True)
class Panel:
    """One metric's plot: its windows and the daily series behind them."""

    metrics: tuple[MetricHealth, ...]
    series: Series


def draw_chart(
    report_or_rows: HealthReport | Rows, path: str | Path, *, force: bool = False
) -> Path:
    """Draw every metric the counts allow as a PNG or SVG chart at `path`.

    An existing file is replaced only if poa drew it (or with `force`)."""
    report = (
        report_or_rows
        if isinstance(report_or_rows, HealthReport)
        else health_report(report_or_rows)
    )
    path = Path(path)
    kind = FORMATS.get(path.suffix.lower())
    if kind is None:
        raise UsageError(f"{path}: name the chart file .png or .svg, such as health.png")
    panels = chart_panels(report)
    if not panels:
        raise InputError(
            f"{report.counts.source}: no metric can be charted: the counts need at least "
            "orders or shipments and one of the columns counted against them"
        )
    _check_overwrite(path, force)
    data = _render(report, panels, kind)
    try:
        write_atomic(path, data)
    except OSError as exc:
        raise OutputError(f"{path}: cannot write ({exc.strerror})") from None
    return path


def chart_panels(report: HealthReport) -> list[Panel]:
    """The metrics a chart shows, grouped by metric, each with its daily series."""
    panels: list[Panel] = []
    for metric in report.metrics:
        if metric.reading is None:
            continue
        if panels and panels[-1].metrics[0].key == metric.key:
            last = panels[-1]
            panels[-1] = Panel((*last.metrics, metric), last.series)
        else:
            panels.append(Panel((metric,), Series(report.counts, metric.formula)))
    return panels


def _check_overwrite(path: Path, force: bool) -> None:
    if path.is_dir():
        raise OutputError(f"{path}: is a folder: name a .png or .svg file for the chart")
    if force or not path.exists():
        return
    try:
        with path.open("rb") as handle:
            head = handle.read(MARK_BYTES)
    except OSError as exc:
        raise OutputError(f"{path}: cannot be read ({exc.strerror})") from None
    if CHART_MARK.encode() not in head:
        raise OutputError(
            f"{path} exists and is not a chart poa drew: move it away, choose another file "
            "name, or add --force to replace it"
        )


def _render(report: HealthReport, panels: list[Panel], kind: str) -> bytes:
    from matplotlib import rc_context, style
    from matplotlib.figure import Figure

    # The default style, whatever the user's matplotlibrc says; fixed ids in SVG output.
    with (
        style.context("default"),
        rc_context(
            {
                "font.family": "sans-serif",
                "font.sans-serif": ["DejaVu Sans"],
                "svg.hashsalt": CHART_MARK,
                "svg.fonttype": "path",
            }
        ),
    ):
        figure = Figure(figsize=(10, 0.8 + 2.3 * len(panels)), dpi=100, layout="constrained")
        axes = figure.subplots(len(panels), 1, sharex=True, squeeze=False)[:, 0]
        for ax, panel in zip(axes, panels, strict=True):
            _draw_panel(ax, panel, report)
        counts = report.counts
        figure.suptitle(f"Account health, {counts.first} to {report.as_of}")
        buffer = io.BytesIO()
        figure.savefig(buffer, format=kind, metadata=METADATA[kind])
    return buffer.getvalue()


def _draw_panel(ax: Axes, panel: Panel, report: HealthReport) -> None:
    spec = panel.metrics[0].spec
    for metric, colour in zip(panel.metrics, LINE_COLOURS, strict=False):
        points = _full_windows(panel.series.rolling(report.as_of, metric.window_days), report)
        _draw_rate(ax, metric, points, colour)
    sign = "<" if spec.better == "lower" else ">"
    ax.axhline(
        spec.threshold,
        color=RED,
        linestyle="--",
        linewidth=1,
        gid=f"threshold-{spec.key}",
        label=f"Amazon's target ({sign} {spec.threshold:g}%)",
    )
    target = panel.metrics[0].target
    if target is not None:
        ax.axhline(
            target,
            color=GREEN,
            linestyle=":",
            linewidth=1.2,
            gid=f"target-{spec.key}",
            label=f"Your target ({sign} {target:g}%)",
        )
    _style(ax, panel.metrics[0])


def _draw_rate(
    ax: Axes, metric: MetricHealth, points: list[tuple[date, Reading]], colour: str
) -> None:
    spec = metric.spec
    threshold = Fraction(str(spec.threshold))
    gid = f"{spec.key}-{metric.window_days}"
    days: Any = [day for day, _ in points]
    values = [math.nan if r.value is None else r.value for _, r in points]
    ax.plot(
        days,
        values,
        color=colour,
        linewidth=1.4,
        gid=f"rate-{gid}",
        label=f"{metric.window_days}-day rate",
    )
    bad: Any = [
        (day, r.value)
        for day, r in points
        if r.rate is not None and not meets(r.rate, threshold, spec.better)
    ]
    if bad:
        past = "past Amazon's target" if spec.enforced else "missing the recommendation"
        ax.plot(
            [day for day, _ in bad],
            [value for _, value in bad],
            linestyle="none",
            marker="o",
            markersize=3.5,
            color=RED,
            gid=f"breaches-{gid}",
            label=f"{past} ({len(bad)} days)",
        )


def _style(ax: Axes, metric: MetricHealth) -> None:
    from matplotlib.dates import AutoDateLocator, ConciseDateFormatter
    from matplotlib.ticker import PercentFormatter

    spec = metric.spec
    advisory = "" if spec.enforced else " (advisory)"
    ax.set_title(f"{spec.name}{advisory}", loc="left", fontsize=11)
    if spec.better == "lower":
        ax.set_ylim(bottom=0)
    else:
        ax.set_ylim(top=100)
    ax.yaxis.set_major_formatter(PercentFormatter(xmax=100))
    locator = AutoDateLocator()  # type: ignore[no-untyped-call]
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(ConciseDateFormatter(locator))  # type: ignore[no-untyped-call]
    ax.grid(True, color="#dddddd", linewidth=0.6)
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=8, frameon=False)


def _full_windows(
    points: list[tuple[date, Reading]], report: HealthReport
) -> list[tuple[date, Reading]]:
    # A window that starts before the first row is only partly measured: leave it out,
    # unless the counts are too short for any full window.
    full = [(day, r) for day, r in points if r.first >= report.counts.first]
    return full or points
