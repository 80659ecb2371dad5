"""Health metrics against windows worked out by hand: values, counts, headroom, trend, status."""

from __future__ import annotations

import json
from datetime import date

import pytest

from poa import (
    HealthStatus,
    HealthTrend,
    UsageError,
    format_health,
    health_data,
    health_json,
    health_report,
    parse_counts,
    parse_targets,
)

from .health_helpers import HEADER, counts


def test_each_formula_over_its_window_ending_on_the_last_day() -> None:
    report = health_report(counts())
    assert report.as_of == date(2026, 3, 20)
    got = {
        (m.key, m.window_days): (m.reading.numerator, m.reading.denominator, m.reading.days)
        for m in report.metrics
        if m.reading
    }
    assert got == {
        # feedback on day 5 + claim on day 15, of 20 days x 100 orders (the 60 days reach back
        # before the first row: those days are missing, not zero)
        ("order-defect-rate", 60): (2, 2000, 20),
        ("late-shipment-rate", 10): (50, 1000, 10),  # days 11-20, 5 late a day
        ("late-shipment-rate", 30): (50, 2000, 20),
        ("pre-fulfillment-cancel-rate", 7): (3, 700, 7),  # days 14-20
        ("valid-tracking-rate", 30): (1920, 2000, 20),
        ("on-time-delivery-rate", 30): (1880, 1920, 20),
    }
    assert report.get("late-shipment-rate", 10).value == pytest.approx(5.0)
    assert report.get("valid-tracking-rate").value == pytest.approx(96.0)
    assert report.get("on-time-delivery-rate").value == pytest.approx(1880 / 1920 * 100)
    assert report.get("late-shipment-rate", 10).reading.first == date(2026, 3, 11)


def test_as_of_moves_every_window() -> None:
    report = health_report(counts(), as_of=date(2026, 3, 14))
    lsr = report.get("late-shipment-rate", 10)
    assert (lsr.reading.first, lsr.reading.numerator, lsr.reading.denominator) == (
        date(2026, 3, 5),
        20,  # days 11-14
        1000,
    )
    assert report.get("pre-fulfillment-cancel-rate").reading.numerator == 1
    with pytest.raises(UsageError, match="the counts start on 2026-03-01"):
        health_report(counts(), as_of=date(2026, 2, 1))


def test_headroom_counts_orders_in_both_directions() -> None:
    report = health_report(counts())
    # 50 late of 1,000 is 5%: it takes 251 more on-time shipments (50/1,251 < 4%; 50/1,250 is not)
    assert report.get("late-shipment-rate", 10).headroom.needed == 251
    assert str(report.get("late-shipment-rate", 10).headroom) == "needs 251 on-time shipments"
    # 50 of 2,000 is 2.5%: 29 more late ones still stay under 4% (79/2,000); the 30th reaches it
    assert report.get("late-shipment-rate", 30).headroom.allowed == 29
    assert report.get("pre-fulfillment-cancel-rate").headroom.allowed == 14  # 17/700 < 2.5%
    assert report.get("order-defect-rate").headroom.allowed == 17  # 19/2,000 < 1%
    # 80 untracked of 2,000: 19 more keep it over 95% (99 untracked is 95.05%)
    vtr = report.get("valid-tracking-rate").headroom
    assert (vtr.allowed, str(vtr)) == (19, "19 more untracked shipments")


def test_trend_against_the_window_before() -> None:
    report = health_report(counts())
    lsr = report.get("late-shipment-rate", 10)
    assert (lsr.previous_value, lsr.change, lsr.trend) == (0.0, 5.0, HealthTrend.WORSE)
    cancel = report.get("pre-fulfillment-cancel-rate")
    assert cancel.previous.numerator == 0 and cancel.trend is HealthTrend.WORSE
    # the 30 days before the last 30 hold no rows: nothing to compare with
    assert report.get("valid-tracking-rate").trend is HealthTrend.UNKNOWN
    early = health_report(counts(), as_of=date(2026, 3, 10))
    assert early.get("late-shipment-rate", 10).trend is HealthTrend.UNKNOWN
    mended = "\n".join(
        f"2026-03-{i + 1:02d},100,0,0,0,100,{5 if i < 10 else 1},0,100,100" for i in range(20)
    )
    lsr = health_report(parse_counts(HEADER + "\n" + mended, "b.csv")).get("late-shipment-rate", 10)
    assert (lsr.value, lsr.change, lsr.trend) == (1.0, -4.0, HealthTrend.BETTER)
    steady = parse_counts(HEADER + "\n" + _days(14, late=1), "s.csv")
    assert health_report(steady).get("pre-fulfillment-cancel-rate").trend is HealthTrend.STEADY


def _days(count: int, *, late: int = 0, orders: int = 100, shipments: int = 100) -> str:
    return "\n".join(
        f"2026-03-{i + 1:02d},{orders},0,0,0,{shipments},{late},0,{shipments},{shipments}"
        for i in range(count)
    )


def test_statuses() -> None:
    report = health_report(counts(), targets={"late-shipment-rate": 2.0})
    status = {(m.key, m.window_days): m.status for m in report.metrics}
    assert status == {
        ("order-defect-rate", 60): HealthStatus.OK,
        ("late-shipment-rate", 10): HealthStatus.BREACH,
        ("late-shipment-rate", 30): HealthStatus.AT_RISK,  # 2.5% is past the seller's 2%
        ("pre-fulfillment-cancel-rate", 7): HealthStatus.OK,
        ("valid-tracking-rate", 30): HealthStatus.AT_RISK,  # 96% is within the last quarter
        ("on-time-delivery-rate", 30): HealthStatus.OK,  # 97.9% clears 97.75%
    }
    assert report.breached
    assert report.get("late-shipment-rate", 30).reason == "past your target of 2%"
    assert report.get("valid-tracking-rate").reason == (
        "close to Amazon's target (at risk from 96.25%)"
    )
    assert health_report(counts()).get("late-shipment-rate", 30).status is HealthStatus.OK


def test_exactly_on_the_threshold_is_a_breach_and_advisory_misses_are_only_at_risk() -> None:
    on_line = parse_counts(HEADER + "\n" + _days(10, late=4), "l.csv")  # 40/1,000 = 4%
    report = health_report(on_line)
    assert report.get("late-shipment-rate", 10).status is HealthStatus.BREACH
    assert report.get("late-shipment-rate", 10).headroom.needed == 1
    late = "\n".join(f"2026-03-{i + 1:02d},10,0,0,0,10,0,0,10,9" for i in range(10))
    advisory = health_report(parse_counts(HEADER + "\n" + late, "a.csv"))
    otdr = advisory.get("on-time-delivery-rate")
    assert otdr.status is HealthStatus.AT_RISK and not advisory.breached
    assert otdr.reason == "misses Amazon's recommendation (advisory, not enforced)"


def test_missing_columns_leave_a_metric_unknown() -> None:
    text = "date,orders,cancellations\n2026-03-01,100,1\n2026-03-02,100,0\n"
    report = health_report(parse_counts(text, "m.csv"))
    assert report.get("pre-fulfillment-cancel-rate").value == pytest.approx(0.5)
    lsr = report.get("late-shipment-rate", 30)
    assert (lsr.status, lsr.value, lsr.headroom) == (HealthStatus.UNKNOWN, None, None)
    assert lsr.reason == "missing columns: late_shipments, shipments"
    odr = report.get("order-defect-rate")
    assert odr.missing == ("negative_feedback", "a_to_z_claims", "chargebacks")
    assert not report.breached
    record = {r["metric"]: r for r in health_data(report)["metrics"]}["valid-tracking-rate"]
    assert (record["value"], record["status"]) == (None, "unknown")


def test_a_window_with_no_orders_is_unknown() -> None:
    text = "date,orders,cancellations\n2026-03-01,0,0\n"
    metric = health_report(parse_counts(text, "z.csv")).get("pre-fulfillment-cancel-rate")
    assert (metric.status, metric.reason) == (HealthStatus.UNKNOWN, "no orders in the window")


def test_defect_rate_uses_defective_orders_or_an_upper_bound() -> None:
    summed = "date,orders,negative_feedback,a_to_z_claims,chargebacks\n2026-03-01,2,2,2,1\n"
    odr = health_report(parse_counts(summed, "u.csv")).get("order-defect-rate")
    assert (odr.reading.numerator, odr.value, odr.formula.upper_bound) == (2, 100.0, True)
    exact = (
        "date,orders,negative_feedback,a_to_z_claims,chargebacks,defective_orders\n"
        "2026-03-01,200,2,2,1,3\n"
    )
    odr = health_report(parse_counts(exact, "e.csv")).get("order-defect-rate")
    assert (odr.reading.numerator, odr.value, odr.formula.upper_bound) == (3, 1.5, False)


def test_gaps_shorten_the_window_and_show_in_the_report() -> None:
    text = HEADER + "\n2026-03-01,100,0,0,0,100,1,0,100,100\n2026-03-05,100,0,0,0,100,3,0,100,100\n"
    report = health_report(parse_counts(text, "g.csv"))
    lsr = report.get("late-shipment-rate", 10)
    assert (lsr.reading.numerator, lsr.reading.denominator, lsr.reading.days) == (4, 200, 2)
    assert "no rows for 2026-03-02 to 2026-03-04 (3 days)" in str(report.warnings[0])
    table = format_health(report)
    assert "Late Shipment Rate (10 days): 2 of 10 days have counts" in table
    assert "g.csv:3:1: date: no rows for 2026-03-02" in table
    later = health_report(parse_counts(text, "g.csv"), as_of=date(2026, 3, 9))
    assert "after the last row (2026-03-05)" in str(later.warnings[-1])


def test_targets_are_checked() -> None:
    assert parse_targets(["order-defect-rate=0.5", "valid-tracking-rate = 98%"]) == {
        "order-defect-rate": 0.5,
        "valid-tracking-rate": 98.0,
    }
    with pytest.raises(UsageError) as caught:
        parse_targets(["order-defect-rate"])
    assert caught.value.lines() == [
        "targets: order-defect-rate: write the target as METRIC=PERCENT, such as "
        "order-defect-rate=0.5"
    ]
    with pytest.raises(UsageError) as caught:
        health_report(
            counts(),
            targets={"order-defect-rat": 0.5, "late-shipment-rate": 5, "valid-tracking-rate": 101},
        )
    assert caught.value.lines() == [
        "targets: order-defect-rat: not a metric poa computes: did you mean order-defect-rate?",
        "targets: late-shipment-rate: 5% is looser than Amazon's 4%: an internal target sits "
        "below it",
        "targets: valid-tracking-rate: 101 is not a percentage",
    ]


def test_the_table_shows_every_figure() -> None:
    table = format_health(health_report(counts(), targets={"late-shipment-rate": 2.0}))
    lines = table.splitlines()
    assert lines[0] == "Account health as of 2026-03-20, from counts.csv (2026-03-01 to 2026-03-20)"
    row = next(line for line in lines if line.startswith("Late Shipment Rate (10 days)"))
    for cell in ("5.00%", "50 / 1,000", "< 4%", "< 2%", "needs 251 on-time shipments"):
        assert cell in row
    assert row.split()[-3:] == ["+5.00", "worse", "breach"]
    odr = next(line for line in lines if line.startswith("Order Defect Rate"))
    assert odr.startswith("Order Defect Rate (60 days) *") and "0.10%" in odr
    assert "> 97% (advisory)" in table
    assert "* upper bound: negative feedback, A-to-z claims and chargebacks" in table
    assert "Valid Tracking Rate (30 days): at-risk: close to Amazon's target" in table
    assert lines[-1] == "Past Amazon's target: Late Shipment Rate (10 days)."


def test_json_has_one_record_per_metric_and_window() -> None:
    data = json.loads(health_json(health_report(counts())))
    assert data["breached"] is True and data["as_of"] == "2026-03-20"
    first = data["metrics"][1]
    assert {k: first[k] for k in ("metric", "window_days", "value", "threshold", "status")} == {
        "metric": "late-shipment-rate",
        "window_days": 10,
        "value": 5.0,
        "threshold": 4.0,
        "status": "breach",
    }
    assert first["headroom"] == {
        "allowed": None,
        "needed": 251,
        "bad": "late shipments",
        "good": "on-time shipments",
    }
    assert [r["metric"] for r in data["metrics"]] == [
        "order-defect-rate",
        "late-shipment-rate",
        "late-shipment-rate",
        "pre-fulfillment-cancel-rate",
        "valid-tracking-rate",
        "on-time-delivery-rate",
    ]


def test_a_healthy_account_says_so() -> None:
    report = health_report(parse_counts(HEADER + "\n" + _days(30), "h.csv"))
    assert not report.breached
    assert format_health(report).splitlines()[-1] == (
        "Every metric the counts allow is within target."
    )
