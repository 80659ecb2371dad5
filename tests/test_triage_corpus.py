"""Triage against the labelled notice corpus (tests/corpus/notices): every notice of both
sets, the tuning one and the held-out one, must come out right in every labelled field.
Run with -s to see the figures (or run tests/triage_scores.py)."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from poa import case_from_data
from poa.catalog import load_catalog

from .conftest import sample_data
from .triage_scores import FIELDS, SETS, TODAY, label, notices, report, score
from .triage_scores import triage_notice as triage

ALL = [path for which in SETS for path in notices(which)]


def test_the_corpus_is_large_and_spans_every_catalog_group() -> None:
    catalog = load_catalog()
    labels = [label(path) for path in ALL]
    groups = {catalog.types[key].group for data in labels for key in data["issue_types"]}
    assert len(ALL) >= 30 and len(notices("held-out")) == 10
    assert groups == {issue.group for issue in catalog}
    assert any(len(data["issue_types"]) == 2 for data in labels)
    assert any(data["informational"] for data in labels)
    assert {"UK", "DE"} <= {data["marketplace"] for data in labels}
    for path in ALL:
        assert set(label(path)) == set(FIELDS), path.name


@pytest.mark.parametrize("path", ALL, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_each_notice_is_triaged_as_labelled(path: Path) -> None:
    result = score(path)
    assert result.wrong == []


def test_figures_per_set(capsys: pytest.CaptureFixture[str]) -> None:
    figures = {which: report(which) for which in SETS}
    with capsys.disabled():
        for _, _, lines in figures.values():
            print("\n" + "\n".join(lines))
    for right, total, lines in figures.values():
        assert right == total, lines


def _answer(notice: dict[str, Any]) -> dict[str, Any]:
    """A sample's seller and answer around the triaged notification."""
    data = sample_data()
    notification = dict(notice["notification"])
    notification.setdefault("issue_type", "suspension-reason-unstated")
    notification.setdefault("received_on", TODAY)
    notification.setdefault("subject", "Notice")
    notification.setdefault("marketplace", "US")
    data["seller"]["marketplaces"] = [notification["marketplace"]]
    for key in notification.get("other_issue_types", []):  # each issue named is explained
        data["root_causes"].append(dict(data["root_causes"][0], id=f"RC-{key}", issue_type=key))
        for section in ("corrective_actions", "preventive_measures"):
            data[section][0]["root_causes"].append(f"RC-{key}")
    data["kind"] = notice["kind"]
    data["notification"] = notification
    data["metrics"] = notice.get("metrics", [])
    data["milestones"] = []
    if notice["kind"] == "performance-improvement-plan":
        due = notification["received_on"] + timedelta(days=30)
        data["milestones"] = [
            {"due_on": due, "metric": m["metric"], "target": m["value"]} for m in data["metrics"]
        ]
        data["review_cadence"] = "weekly"
    return data


@pytest.mark.parametrize("path", ALL, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_case_data_of_each_notice_validates_as_a_case(path: Path) -> None:
    result = triage(path.read_text(encoding="utf-8"), today=TODAY)
    data = result.case_data()
    case = case_from_data(_answer(data), today=TODAY)
    assert case.notification.text == result.text.strip()
    assert case.notification.issue_type == (result.issue_type or "suspension-reason-unstated")
    assert [m.metric for m in case.metrics] == [m.value[0] for m in result.metrics]
