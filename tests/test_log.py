"""`poa log`: the register's rows, order, filters, exports and the days-left marker."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
import yaml

from poa.cli import main

from .conftest import run
from .log_helpers import TODAY, case, register_folder, write

DAY = TODAY.isoformat()


def _json(*argv: str) -> list[dict[str, object]]:
    code, out, err = run("log", *argv, "--today", DAY, "--json")
    assert code == 0, err
    records: list[dict[str, object]] = json.loads(out)
    return records


def _names(records: list[dict[str, object]]) -> list[str]:
    return [Path(str(r["file"])).stem for r in records]


def test_register_rows_statuses_and_days_left(tmp_path: Path) -> None:
    register_folder(tmp_path)
    records = {Path(str(r["file"])).stem: r for r in _json(str(tmp_path))}
    assert {k: r["status"] for k, r in records.items()} == {
        "a-ready": "ready",
        "b-invalid": "draft",
        "c-submitted": "submitted",
        "d-rejected": "rejected",
        "e-passed": "ready",
        "f-broken": "draft",
    }
    assert records["e-passed"]["days_left"] == -2
    assert records["c-submitted"]["deadline"] == "2026-11-24"
    assert records["d-rejected"]["submissions"] == 2
    assert records["d-rejected"]["last_outcome"] == "rejected"
    assert records["a-ready"]["issue_type"] == "order-defect-rate"
    assert "root_causes" in str(records["b-invalid"]["problem"])
    assert str(records["f-broken"]["problem"]).startswith(str(tmp_path / "f-broken.yaml"))


def test_default_order_is_by_deadline_and_other_sorts(tmp_path: Path) -> None:
    register_folder(tmp_path)
    by_deadline = _names(_json(str(tmp_path)))
    assert by_deadline == [
        "e-passed",
        "c-submitted",
        "d-rejected",
        "b-invalid",
        "a-ready",
        "f-broken",
    ]
    by_status = _names(_json(str(tmp_path), "--sort", "status"))
    assert by_status == [
        "b-invalid",
        "f-broken",
        "e-passed",
        "a-ready",
        "d-rejected",
        "c-submitted",
    ]
    by_store = _names(_json(str(tmp_path), "--sort", "store"))
    assert by_store[:2] == ["f-broken", "e-passed"]  # no store first, then Harbor & Pine
    assert by_store[-1] == "d-rejected"  # Other Shop


def test_filters(tmp_path: Path) -> None:
    register_folder(tmp_path)
    assert _names(_json(str(tmp_path), "--status", "draft,rejected")) == [
        "d-rejected",
        "b-invalid",
        "f-broken",
    ]
    assert _names(_json(str(tmp_path), "--store", "other shop")) == ["d-rejected"]
    assert _names(_json(str(tmp_path), "--due-within", "3")) == ["e-passed", "c-submitted"]


def test_table_marks_days_left_when_three_or_fewer_or_passed(tmp_path: Path) -> None:
    register_folder(tmp_path)
    write(tmp_path, "g-soon.yaml", case("2026-11-25"))
    code, out, _ = run("log", str(tmp_path), "--today", DAY)
    assert code == 0
    lines = out.splitlines()
    # Each case's row is followed by its file's path on a line of its own.
    row_of = {
        Path(lines[i + 1].strip()).stem: lines[i]
        for i in range(1, len(lines) - 1)
        if lines[i + 1].startswith("    ") and lines[i + 1].strip().endswith(".yaml")
    }
    assert " -2!" in row_of["e-passed"]
    assert " 3!" in row_of["g-soon"]
    assert " 18 " in row_of["a-ready"] and "!" not in row_of["a-ready"]
    # Already sent: a near deadline is no longer the seller's to meet.
    assert " 2 " in row_of["c-submitted"] and "!" not in row_of["c-submitted"]
    assert "\x1b[" not in out


def test_csv_export(tmp_path: Path) -> None:
    register_folder(tmp_path)
    code, out, _ = run("log", str(tmp_path), "--today", DAY, "--csv")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    first = rows[0]
    assert Path(first["file"]).stem == "e-passed"
    assert first["deadline"] == "2026-11-20"
    assert (first["days_left"], first["status"]) == ("-2", "ready")
    assert first["store"] == "Harbor & Pine" and first["marketplace"] == "US"


def test_broken_and_unreadable_cases_are_listed_without_traceback(tmp_path: Path) -> None:
    write(tmp_path, "list.yaml", "- just\n- a list\n")
    write(tmp_path, "binary.yaml", "\x00\x01 not text")
    (tmp_path / "latin.yaml").write_bytes(b"kind: \xff\xfe\n")
    write(tmp_path, "dates.yaml", "notification: {received_on: 2026-99-01, deadline: soon}\n")
    code, out, err = run("log", str(tmp_path), "--today", DAY)
    assert code == 0, err
    assert "Traceback" not in out + err
    assert out.count(" draft ") == 4


def test_case_that_validate_refuses_for_its_yaml_is_a_draft_here_too(tmp_path: Path) -> None:
    text = yaml.safe_dump(case("2026-12-10"), sort_keys=False)
    write(tmp_path, "twice.yaml", text + "kind: plan-of-action\n")
    (record,) = _json(str(tmp_path))
    assert record["status"] == "draft"
    assert "appears twice" in str(record["problem"])


def test_missing_path_is_reported_and_exit_status_is_one(tmp_path: Path) -> None:
    write(tmp_path, "a.yaml", case("2026-12-10"))
    code, out, err = run("log", str(tmp_path), str(tmp_path / "nope"), "--today", DAY)
    assert code == 1
    assert "no such file or folder" in err
    assert "a.yaml" in out


@pytest.mark.parametrize(
    ("option", "value"), [("--sort", "size"), ("--status", "lost"), ("--due-within", "x")]
)
def test_bad_options_are_usage_errors(tmp_path: Path, option: str, value: str) -> None:
    code, _, err = run("log", str(tmp_path), option, value)
    assert code == 2
    assert value in err


def test_submission_copies_are_not_listed_as_cases(tmp_path: Path) -> None:
    write(tmp_path, "a.yaml", case("2026-12-10"))
    kept = tmp_path / "a.submissions" / "1" / "documents"
    kept.mkdir(parents=True)
    write(kept, "copy.yaml", case("2026-12-10"))
    assert _names(_json(str(tmp_path))) == ["a"]


class Terminal(io.StringIO):
    """Standard output as a terminal would be."""

    def isatty(self) -> bool:
        return True


def _terminal_output(folder: Path) -> str:
    out = Terminal()
    assert main(["log", str(folder), "--today", DAY], stdout=out, stderr=io.StringIO()) == 0
    return out.getvalue()


def test_colour_in_a_terminal_and_never_with_no_color(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path, "passed.yaml", case("2026-11-20"))
    monkeypatch.delenv("NO_COLOR", raising=False)
    coloured = _terminal_output(tmp_path)
    assert "\x1b[31;1m-2" in coloured and "-2!" not in coloured
    monkeypatch.setenv("NO_COLOR", "1")
    plain = _terminal_output(tmp_path)
    assert "\x1b[" not in plain and "-2!" in plain
