"""The health chart, tested by what it holds: lines, breach markers, titles, size, same bytes."""

from __future__ import annotations

import re
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from poa import InputError, OutputError, UsageError, draw_chart, health_report, parse_counts

from .health_helpers import counts

SVG = "{http://www.w3.org/2000/svg}"


def _groups(path: Path) -> dict[str, ET.Element]:
    root = ET.parse(path).getroot()
    return {g.attrib["id"]: g for g in root.iter(f"{SVG}g") if "id" in g.attrib}


def test_svg_holds_thresholds_targets_and_the_breach_days(tmp_path: Path) -> None:
    report = health_report(counts(), targets={"order-defect-rate": 0.5})
    path = draw_chart(report, tmp_path / "health.svg")
    groups = _groups(path)
    for key in (
        "order-defect-rate",
        "late-shipment-rate",
        "pre-fulfillment-cancel-rate",
        "valid-tracking-rate",
        "on-time-delivery-rate",
    ):
        line = groups[f"threshold-{key}"].find(f"{SVG}path")
        assert line is not None and "stroke-dasharray" in line.attrib["style"]
    assert "target-order-defect-rate" in groups
    assert "target-late-shipment-rate" not in groups
    assert {"rate-late-shipment-rate-10", "rate-late-shipment-rate-30"} <= groups.keys()
    # The 10-day rate reaches 4% on 18 March (40 of 1,000) and stays over it to the 20th.
    breaches = [g for g in groups if g.startswith("breaches-")]
    assert breaches == ["breaches-late-shipment-rate-10"]
    markers = groups["breaches-late-shipment-rate-10"].iter(f"{SVG}use")
    assert len(list(markers)) == 3
    text = path.read_text(encoding="utf-8")
    for title in (
        "Account health, 2026-03-01 to 2026-03-20",
        "Order Defect Rate",
        "Late Shipment Rate",
        "On-Time Delivery Rate (advisory)",
        "past Amazon's target (3 days)",
        "Amazon's target (&lt; 4%)",
        "Your target (&lt; 0.5%)",
    ):
        assert f"<!-- {title} -->" in text
    assert "<dc:date>" not in text


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_png_has_one_panel_per_metric_and_the_same_bytes_every_time(tmp_path: Path) -> None:
    first = draw_chart(counts(), tmp_path / "a.png").read_bytes()
    second = draw_chart(counts(), tmp_path / "b.png").read_bytes()
    assert first == second
    assert _png_size(first) == (1000, 1230)  # five metrics, 230 pixels each, plus the title
    assert b"poa health chart" in first
    svg = [draw_chart(counts(), tmp_path / f"{n}.svg").read_bytes() for n in ("a", "b")]
    assert svg[0] == svg[1]
    few = "date,orders,cancellations\n2026-03-01,100,1\n"
    assert _png_size(draw_chart(parse_counts(few), tmp_path / "c.png").read_bytes()) == (
        1000,
        310,
    )


def test_files_poa_did_not_draw_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "mine.png"
    path.write_bytes(b"a picture of my own")
    with pytest.raises(OutputError, match="exists and is not a chart poa drew"):
        draw_chart(counts(), path)
    assert path.read_bytes() == b"a picture of my own"
    draw_chart(counts(), path, force=True)
    assert path.read_bytes().startswith(b"\x89PNG")
    draw_chart(counts(), path)  # poa's own chart is replaced without asking
    assert not list(tmp_path.glob("*.poa-part"))


def test_bad_chart_requests(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match=re.escape("name the chart file .png or .svg")):
        draw_chart(counts(), tmp_path / "health.pdf")
    (tmp_path / "d.svg").mkdir()
    with pytest.raises(OutputError, match="is a folder"):
        draw_chart(counts(), tmp_path / "d.svg")
    only_orders = parse_counts("date,orders\n2026-03-01,5\n", "o.csv")
    with pytest.raises(InputError, match=re.escape("o.csv: no metric can be charted")):
        draw_chart(only_orders, tmp_path / "x.svg")


def test_nothing_but_the_chart_loads_matplotlib(tmp_path: Path) -> None:
    code = (
        "import sys, poa\n"
        "from tests.health_helpers import counts\n"
        "report = poa.health_report(counts())\n"
        "poa.format_health(report); poa.health_json(report)\n"
        "poa.case_from_health(report)\n"
        "assert not [m for m in sys.modules if m.startswith('matplotlib')], 'loaded'\n"
        f"poa.draw_chart(report, {str(tmp_path / 'c.svg')!r})\n"
        "assert 'matplotlib' in sys.modules\n"
    )
    root = Path(__file__).resolve().parent.parent
    subprocess.run([sys.executable, "-c", code], check=True, cwd=root)
    # another process drew the same bytes
    here = draw_chart(health_report(counts()), tmp_path / "here.svg")
    assert here.read_bytes() == (tmp_path / "c.svg").read_bytes()
