"""Daily counts in: every bad row answered with file, line, CSV column and field, all at once."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from poa import InputError, counts_from_records, parse_counts, read_counts

from .health_helpers import HEADER, write_counts


def problems(text: str, name: str = "c.csv") -> list[str]:
    with pytest.raises(InputError) as caught:
        parse_counts(text, name)
    return caught.value.lines()


def test_every_bad_row_is_reported_at_once_with_its_location() -> None:
    text = "\n".join(
        [
            "date,orders,shipments,late_shipments,cancelations",
            "2026-03-01,10,10,2,1",
            "2026-03-02,-1,10,2,0",
            "2026-03-03,3.5,10,2,0",
            "03/04/2026,10,10,2,0",
            "2026-03-01,10,10,2,0",
            "2026-03-06,10,3,5,0",
            "2026-02-30,10,10,1,0",
            "2026-03-08,10,10",
            ",10,10,1,0",
        ]
    )
    assert problems(text) == [
        "c.csv:1:5: cancelations: unknown column 'cancelations': did you mean cancellations?",
        "c.csv:3:2: orders: is negative (-1): a count is 0 or more",
        "c.csv:4:2: orders: '3.5' is not a whole number: write the count as digits only, "
        "such as 12",
        "c.csv:5:1: date: '03/04/2026' is not a date: write it as YYYY-MM-DD, such as 2026-03-14",
        "c.csv:6:1: date: 2026-03-01 is already on line 2: keep one row per day, with the "
        "counts added together",
        "c.csv:7:4: late_shipments: late_shipments (5) is more than shipments (3): late "
        "shipments are some of the day's shipments",
        "c.csv:8:1: date: '2026-02-30' is not a day of the calendar: check the month and day",
        "c.csv:9:4: has 3 fields but the first line names 5 columns: give every day a value "
        "(or an empty cell) for each column, no more",
        "c.csv:10:1: date: is empty: every row needs its day, as YYYY-MM-DD",
    ]


@pytest.mark.parametrize(
    ("part", "whole", "why"),
    [
        ("tracked_shipments", "shipments", "tracked shipments are some of the day's shipments"),
        (
            "on_time_deliveries",
            "tracked_shipments",
            "count on-time deliveries among the day's tracked shipments",
        ),
        ("cancellations", "orders", "count cancellations on the day the order was placed"),
        ("defective_orders", "orders", "count each defective order once, on the day it was placed"),
    ],
)
def test_a_part_cannot_exceed_its_whole(part: str, whole: str, why: str) -> None:
    text = f"date,{whole},{part}\n2026-03-01,3,4\n"
    assert problems(text) == [f"c.csv:2:3: {part}: {part} (4) is more than {whole} (3): {why}"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", "c.csv:1:1: file is empty: the first line names the columns"),
        ("\n  \n", "c.csv:1:1: file is empty"),
        (HEADER + "\n", "c.csv:1:1: has the column names but no rows: add one row per day"),
        ("orders,shipments\n3,3\n", "c.csv:1:1: date: no date column: name the columns"),
        ("date,orders,Orders\n2026-03-01,1,1\n", "c.csv:1:3: Orders: column orders appears twice"),
        ("date,,orders\n2026-03-01,,1\n", "c.csv:1:2: column 2 has no name"),
        ("date,ordres\n2026-03-01,1\n", "c.csv:1:2: ordres: unknown column 'ordres': did you mean"),
        (
            "date,zzz\n2026-03-01,1\n",
            "c.csv:1:2: zzz: unknown column 'zzz': poa reads date, orders, negative_feedback",
        ),
        (
            'date,orders\n2026-03-01,"1\n',
            "c.csv:2:1: is not valid CSV (unexpected end of data): check the quotes",
        ),
        ("date,orders\n2026-03-01,1,234\n", "c.csv:2:3: has 3 fields but the first line names 2"),
        ('date,orders\n2026-03-01,"1,234"\n', "c.csv:2:2: orders: '1,234' is not a whole number"),
        (
            "date,orders\n20260301,1\n",
            "c.csv:2:1: date: '20260301' is not a date: write it as YYYY-MM-DD",
        ),
    ],
)
def test_bad_files_get_one_line_per_problem(text: str, expected: str) -> None:
    lines = problems(text)
    assert len(lines) == 1
    assert lines[0].startswith(expected)


def test_gaps_are_warnings_and_count_as_missing_days() -> None:
    text = (
        HEADER
        + "\n"
        + "\n".join(
            [
                "2026-03-01,10,0,0,0,10,0,0,10,10",
                "2026-03-03,10,0,0,0,10,0,0,10,10",
                "2026-03-07,10,0,0,0,10,0,0,10,10",
            ]
        )
    )
    counts = parse_counts(text, "c.csv")
    assert [str(w) for w in counts.warnings] == [
        "c.csv:3:1: date: no row for 2026-03-02 before this day: counted as missing data (left "
        "out of every window), not as zero; add the rows, with zeros for quiet days",
        "c.csv:4:1: date: no rows for 2026-03-04 to 2026-03-06 (3 days) before this day: "
        "counted as missing data (left out of every window), not as zero; add the rows, with "
        "zeros for quiet days",
    ]
    assert [d.day.day for d in counts.days] == [1, 3, 7]


def test_what_spreadsheets_write_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    body = "Date;Orders;Late Shipments;Shipments\r\n\r\n2026-03-02;4;1;4\r\n2026-03-01;3;;3\r\n"
    path.write_bytes("\ufeff".encode() + body.encode())
    counts = read_counts(path)
    assert counts.columns == ("orders", "shipments", "late_shipments")
    assert [d.day for d in counts.days] == [date(2026, 3, 1), date(2026, 3, 2)]
    assert counts.days[0].get("late_shipments") is None  # an empty cell is not known
    assert counts.days[1].get("late_shipments") == 1
    assert counts.days[1].line == 3


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"PK\x03\x04\x00\x00", "is a binary file, not CSV text: save the sheet as CSV"),
        ("date,orders\n2026-03-01,1\nSociété\n".encode("latin-1"), ":3:1: file is not UTF-8"),
    ],
)
def test_unreadable_files(tmp_path: Path, content: bytes, expected: str) -> None:
    path = tmp_path / "c.csv"
    path.write_bytes(content)
    with pytest.raises(InputError, match=expected):
        read_counts(path)


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file: check the path"):
        read_counts(tmp_path / "nope.csv")
    with pytest.raises(InputError, match="is a folder, not a file"):
        read_counts(tmp_path)


def test_records_are_checked_by_the_same_rules() -> None:
    with pytest.raises(InputError) as caught:
        counts_from_records(
            [
                {"date": date(2026, 3, 1), "orders": 3, "cancellations": 1},
                {"date": "2026-03-02", "orders": 2.5},
                {"date": "2026-03-03", "orders": None, "cancellations": 4},
            ]
        )
    assert caught.value.lines() == [
        "<rows>:2:2: orders: '2.5' is not a whole number: write the count as digits only, "
        "such as 12",
    ]
    counts = counts_from_records([{"date": date(2026, 3, 1), "orders": 3.0, "shipments": None}])
    assert counts.days[0].get("orders") == 3
    assert counts.columns == ("orders", "shipments")


def test_the_sample_reads_cleanly() -> None:
    root = Path(__file__).resolve().parent.parent
    counts = read_counts(root / "samples" / "health" / "daily-counts-us.csv")
    assert counts.warnings == ()
    assert len(counts.days) == 184
    assert "defective_orders" not in counts.columns


def test_a_written_file_round_trips(tmp_path: Path) -> None:
    counts = read_counts(write_counts(tmp_path))
    assert counts.first == date(2026, 3, 1) and counts.last == date(2026, 3, 20)
    assert counts.source.endswith("counts.csv")
