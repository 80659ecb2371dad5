"""`poa health`: the table, exit statuses for cron, JSON for scripts, the chart on request."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

from .conftest import ROOT, run
from .health_helpers import HEADER, write_counts

SAMPLE = ROOT / "samples" / "health" / "daily-counts-us.csv"


def healthy_days(folder: Path) -> Path:
    """30 quiet days: 100 orders and shipments a day, nothing late, lost or cancelled."""
    first = date(2026, 3, 1)
    rows = [f"{first + timedelta(days=i)},100,0,0,0,100,0,0,100,100" for i in range(60)]
    return write_counts(folder, "\n".join([HEADER, *rows]) + "\n", "healthy.csv")


def test_the_sample_table_shows_each_metric_and_a_breach_exits_1() -> None:
    code, out, err = run("health", str(SAMPLE))
    assert code == 1, err
    lines = out.splitlines()
    assert lines[0].startswith("Account health as of 2026-10-31, from ")
    header = next(line for line in lines if line.startswith("Metric"))
    for column in ("Value", "Counts", "Amazon", "Yours", "Headroom", "Trend", "Status"):
        assert column in header
    lsr = next(line for line in lines if line.startswith("Late Shipment Rate (10 days)"))
    assert lsr.split()[5:9] == ["6.98%", "36", "/", "516"]
    assert "< 4%" in lsr and "worse" in lsr and lsr.endswith("breach")
    cancel = next(line for line in lines if line.startswith("Pre-fulfillment Cancel Rate"))
    assert "5 / 360" in cancel and cancel.endswith("ok")
    assert lines[-1] == "Past Amazon's target: Late Shipment Rate (10 days)."
    assert err == ""


def test_every_metric_within_target_exits_0(tmp_path: Path) -> None:
    code, out, _ = run("health", str(healthy_days(tmp_path)))
    assert code == 0
    assert out.splitlines()[-1] == "Every metric the counts allow is within target."


def test_an_earlier_day_and_an_internal_target_change_the_table() -> None:
    code, out, _ = run(
        "health", str(SAMPLE), "--as-of", "2026-06-30", "--target", "order-defect-rate=0.5"
    )
    assert code == 0  # missing one's own target is a risk, not a breach
    assert out.startswith("Account health as of 2026-06-30")
    assert out.splitlines()[-1] == "Within Amazon's targets; at risk: Order Defect Rate (60 days)."
    odr = next(line for line in out.splitlines() if line.startswith("Order Defect Rate"))
    assert "< 1%" in odr and "< 0.5%" in odr


def test_json_has_one_record_per_metric_with_value_threshold_and_status() -> None:
    code, out, err = run("health", str(SAMPLE), "--json")
    assert code == 1 and err == ""
    data = json.loads(out)
    records = {(m["metric"], m["window_days"]): m for m in data["metrics"]}
    for record in data["metrics"]:
        assert {"metric", "value", "threshold", "status"} <= set(record)
    lsr = records[("late-shipment-rate", 10)]
    assert (lsr["value"], lsr["threshold"], lsr["status"]) == (6.9767, 4.0, "breach")
    assert (lsr["numerator"], lsr["denominator"]) == (36, 516)
    assert records[("late-shipment-rate", 30)]["status"] == "at-risk"


def test_a_bad_row_is_located_by_file_line_and_column(tmp_path: Path) -> None:
    path = write_counts(tmp_path, f"{HEADER}\n2026-03-01,100,0,0,0,100,lots,0,100,100\n")
    code, out, err = run("health", str(path))
    assert code == 1 and out == ""
    assert err.startswith(f"{path}:2:7: late_shipments: 'lots' is not a whole number")
    assert "Traceback" not in err


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    code, _, err = run("health", str(SAMPLE), "--target", "order-defect-rate=5")
    assert code == 2 and "looser than Amazon's" in err
    code, _, err = run("health", str(SAMPLE), "--as-of", "31/10/2026")
    assert code == 2 and "is not a date" in err
    code, _, err = run("health", str(SAMPLE), "--chart", str(tmp_path / "chart.pdf"))
    assert code == 2 and ".png or .svg" in err
    assert not (tmp_path / "chart.pdf").exists()


def test_the_chart_is_drawn_on_request_and_nothing_is_overwritten_without_force(
    tmp_path: Path,
) -> None:
    chart = tmp_path / "health.png"
    code, out, _ = run("health", str(SAMPLE), "--chart", str(chart))
    assert code == 1  # the breach still decides the status
    assert chart.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
    assert f"wrote {chart}" in out
    mine = tmp_path / "mine.svg"
    mine.write_text("<svg>my own drawing</svg>", encoding="utf-8")
    code, out, err = run("health", str(SAMPLE), "--chart", str(mine))
    assert code == 1 and out == "" and "--force" in err
    assert mine.read_text(encoding="utf-8") == "<svg>my own drawing</svg>"
    code, out, err = run("health", str(SAMPLE), "--chart", str(mine), "--force", "--json")
    assert code == 1
    assert "Late Shipment Rate" in mine.read_text(encoding="utf-8")
    assert json.loads(out)["breached"] is True  # the note about the chart stays off stdout
    assert f"wrote {mine}" in err


PROBE = """
import io, sys
from poa.cli import main
main(["health", {path!r}], stdout=io.StringIO(), stderr=io.StringIO())
print("matplotlib" in sys.modules)
"""


def test_the_table_alone_does_not_import_matplotlib() -> None:
    proc = subprocess.run(
        [sys.executable, "-c", PROBE.format(path=str(SAMPLE))],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
    )
    assert proc.stdout.strip() == "False"


def test_help_shows_examples_and_exit_statuses() -> None:
    code, out, _ = run("health", "--help")
    assert code == 0
    assert "poa health daily-counts.csv --chart health.png" in out
    assert "exit status: 0 every metric within Amazon's targets, 1 a metric past one" in out
