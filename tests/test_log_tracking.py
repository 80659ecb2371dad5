"""`poa log --health`: each metric at the notice against its value now, from daily counts."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import yaml

import poa

from .conftest import SAMPLES, run

COUNTS = SAMPLES / "health" / "daily-counts-us.csv"
CASE = "odr-late-shipment-us.yaml"


def _expected() -> dict[str, float | None]:
    report = poa.health_report(poa.read_counts(COUNTS))
    return {
        "order-defect-rate": report.get("order-defect-rate", 60).value,
        "late-shipment-rate": report.get("late-shipment-rate", 30).value,
    }


def test_health_option_shows_values_at_notice_and_now() -> None:
    code, out, err = run(
        "log", str(SAMPLES / CASE), "--health", str(COUNTS), "--today", "2026-11-22", "--json"
    )
    assert code == 0, err
    (record,) = json.loads(out)
    metrics = {m["metric"]: m for m in record["tracking"]["metrics"]}
    expected = _expected()
    assert metrics["order-defect-rate"]["at_notice"] == 1.9
    assert metrics["late-shipment-rate"]["at_notice"] == 6.4
    for key, value in expected.items():
        assert metrics[key]["now"] == value
        assert value is not None
        assert metrics[key]["verdict"] == (
            "improving" if value < metrics[key]["at_notice"] else "worse"
        )


def test_health_field_in_case_is_read_relative_to_the_case(tmp_path: Path) -> None:
    data = yaml.safe_load((SAMPLES / CASE).read_text(encoding="utf-8"))
    data["health"] = "counts.csv"
    shutil.copy(COUNTS, tmp_path / "counts.csv")
    (tmp_path / "case.yaml").write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    code, out, err = run("log", str(tmp_path), "--today", "2026-11-22")
    assert code == 0, err
    ldr = _expected()["late-shipment-rate"]
    assert f"late-shipment-rate (30 days): 6.40% at the notice, {ldr:.2f}% now" in out


def test_unreadable_health_file_is_reported_not_raised(tmp_path: Path) -> None:
    bad = tmp_path / "counts.csv"
    bad.write_text("not,a,counts,file\n1,2,3,4\n", encoding="utf-8")
    code, out, err = run("log", str(SAMPLES / CASE), "--health", str(bad), "--today", "2026-11-22")
    assert code == 1
    assert "Traceback" not in err
    assert f"{SAMPLES / CASE}: health:" in err
    assert "Order Defect Rate" in out
