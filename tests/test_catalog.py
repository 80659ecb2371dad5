"""The issue catalog: complete, validated at load, extendable by users, shown by `poa catalog`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from poa import CatalogError, load_catalog
from poa.catalog import GROUPS

from .conftest import run


def test_catalog_covers_every_group_with_at_least_25_types() -> None:
    catalog = load_catalog()
    assert len(catalog) >= 25
    assert set(catalog.grouped()) == set(GROUPS)


def test_every_type_offers_four_causes_actions_and_measures_and_evidence() -> None:
    for issue in load_catalog():
        assert len(issue.root_causes) >= 4, issue.key
        assert len(issue.corrective_actions) >= 4, issue.key
        assert len(issue.preventive_measures) >= 4, issue.key
        assert issue.evidence, issue.key
        assert issue.route == "poa" or issue.route_advice, issue.key


def test_metric_types_carry_formula_window_and_threshold() -> None:
    catalog = load_catalog()
    odr = catalog.get("order-defect-rate").metric
    assert odr is not None
    assert (odr.threshold, odr.window_days, odr.better) == (1.0, 60, "lower")
    vtr = catalog.metrics["valid-tracking-rate"]
    assert vtr.meets(96.0) and not vtr.meets(94.0)
    assert {"late-shipment-rate", "pre-fulfillment-cancel-rate"} <= set(catalog.metrics)


def test_other_routes_are_present() -> None:
    routes = {t.route for t in load_catalog()}
    assert {"poa", "retraction", "counter-notice", "documents-only", "listing-edit"} <= routes


def test_user_folder_adds_and_overrides(tmp_path: Path) -> None:
    base = load_catalog().get("late-shipment-rate").model_dump()
    base["title"] = "Late Shipment Rate (our wording)"
    new = dict(base, key="gift-wrap-complaints", title="Gift wrap complaints", metric=None)
    import yaml

    (tmp_path / "ours.yaml").write_text(yaml.safe_dump([base, new]), encoding="utf-8")
    catalog = load_catalog([tmp_path])
    assert catalog.get("late-shipment-rate").title == "Late Shipment Rate (our wording)"
    assert "gift-wrap-complaints" in catalog
    assert len(catalog) == len(load_catalog()) + 1


def test_broken_user_entry_is_located(tmp_path: Path) -> None:
    (tmp_path / "bad.yaml").write_text(
        "key: thin\ntitle: Thin\ngroup: conduct\ncategory: policy-violation\n"
        "summary: A type with too little in it to help anyone.\n"
        "focus: Nothing much to focus on at all.\n"
        "root_causes: [one]\ncorrective_actions: [a, b, c, d]\n"
        "preventive_measures: [a, b, c, d]\nevidence: [x]\ndeadline_days: 3\n",
        encoding="utf-8",
    )
    with pytest.raises(CatalogError) as info:
        load_catalog([tmp_path])
    lines = info.value.lines()
    assert any(
        "bad.yaml:7:14: root_causes: must have at least one item" in ln
        or "bad.yaml:7:14: root_causes:" in ln
        for ln in lines
    ), lines
    code, _, err = run("catalog", "--catalog", str(tmp_path))
    assert code == 1
    assert "bad.yaml:7:14: root_causes" in err


def test_catalog_lists_types_grouped() -> None:
    code, out, _ = run("catalog")
    assert code == 0
    assert out.startswith("Performance metrics:\n")
    assert "  order-defect-rate " in out
    assert "trademark-complaint" in out and "(answer: retraction)" in out
    assert out.rstrip().endswith("`poa catalog KEY` shows one in full.")


def test_catalog_shows_one_type_in_full() -> None:
    code, out, _ = run("catalog", "late-shipment-rate")
    assert code == 0
    assert out.startswith("Late Shipment Rate above target  [late-shipment-rate]\n")
    assert "target < 4.0%" in out
    assert "Typical root causes:" in out and "Evidence:" in out


def test_catalog_json_for_all_and_one() -> None:
    code, out, _ = run("catalog", "--json")
    data = json.loads(out)
    assert code == 0 and len(data) >= 25
    assert {"key", "title", "group", "route", "root_causes", "metric"} <= set(data[0])
    code, out, _ = run("catalog", "copyright-complaint", "--json")
    assert json.loads(out)["route"] == "counter-notice"


def test_unknown_key_suggests() -> None:
    code, _, err = run("catalog", "late-shipment")
    assert code == 1
    assert "did you mean `late-shipment-rate`" in err
