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


def test_a_broken_entry_of_a_list_file_is_located_at_its_own_line(tmp_path: Path) -> None:
    import yaml

    good = load_catalog().get("late-shipment-rate").model_dump(exclude_none=True)
    bad = dict(good, key="second-entry", title="", group="bogus")
    (tmp_path / "two.yaml").write_text(yaml.safe_dump([good, bad], sort_keys=False), "utf-8")
    lines = (tmp_path / "two.yaml").read_text("utf-8").splitlines()
    start = lines.index("- key: second-entry") + 1  # the second entry's first line, 1-based
    with pytest.raises(CatalogError) as info:
        load_catalog([tmp_path])
    found = {p.field: (p.line, p.column, p.message) for p in info.value.problems}
    assert found["[1].title"] == (start + 1, 10, "is empty: fill it in")
    assert found["[1].group"][:2] == (start + 2, 10)
    assert found["[1].group"][2].startswith("must be one of 'metrics'")


def test_catalog_lists_types_grouped() -> None:
    code, out, _ = run("catalog")
    assert code == 0
    assert out.startswith("Performance metrics:\n")
    assert "  order-defect-rate " in out
    assert "trademark-complaint" in out and "(answer: retraction)" in out
    assert "  [US only]  (answer: counter-notice)" in out
    assert "EPR registration numbers missing  [DE, FR only]" in out
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


OLD_STYLE_ENTRY = """\
key: gift-wrap-complaints
title: Gift wrap complaints
group: customer-feedback
category: customer-feedback
summary: Buyers complained that gift wrap was missing or torn on arrival.
focus: Show how gift orders are now wrapped and checked before dispatch.
root_causes: [one cause, two causes, three causes, four causes]
corrective_actions: [Fixed one, Fixed two, Fixed three, Fixed four]
preventive_measures: [Runs one, Runs two, Runs three, Runs four]
evidence: [Photos of the wrapping]
deadline_days: 17
"""


def test_user_entries_written_before_the_new_fields_still_load(tmp_path: Path) -> None:
    (tmp_path / "old.yaml").write_text(OLD_STYLE_ENTRY, encoding="utf-8")
    issue = load_catalog([tmp_path]).get("gift-wrap-complaints")
    assert issue.addressee == "Seller Performance Team"
    assert (issue.submit_via, issue.submit_to, issue.rule, issue.us_title) == (
        "appeal-form",
        None,
        None,
        None,
    )
    assert issue.required_evidence == [] and issue.marketplaces == []
    assert "Rule:" not in issue.describe()


@pytest.mark.parametrize(
    ("extra", "where"),
    [
        ("required_evidence: [invoice, bank-statement]\n", "required_evidence[1]: must be one of"),
        ("marketplaces: [US, XX]\n", "marketplaces[1]: 'XX' is not a marketplace"),
        ("submit_via: email\n", "submit_to is required when submit_via is email"),
        ("submit_via: fax\n", "submit_via:"),
    ],
)
def test_new_fields_are_checked_at_load(tmp_path: Path, extra: str, where: str) -> None:
    (tmp_path / "bad.yaml").write_text(OLD_STYLE_ENTRY + extra, encoding="utf-8")
    with pytest.raises(CatalogError) as info:
        load_catalog([tmp_path])
    text = "\n".join(info.value.lines())
    assert "bad.yaml:" in text and where in text, text


def test_evidence_kind_error_points_at_the_line(tmp_path: Path) -> None:
    (tmp_path / "bad.yaml").write_text(
        OLD_STYLE_ENTRY + "required_evidence: [invoice, bank-statement]\n", encoding="utf-8"
    )
    code, _, err = run("catalog", "--catalog", str(tmp_path))
    assert code == 1
    assert "bad.yaml:12:30: required_evidence[1]: must be one of 'invoice'" in err, err


def shown(key: str) -> str:
    """`poa catalog KEY` output with its line wrapping undone."""
    code, out, _ = run("catalog", key)
    assert code == 0
    return " ".join(out.split())


def test_catalog_key_shows_rule_stores_submission_and_policy() -> None:
    code, out, _ = run("catalog", "copyright-complaint")
    assert code == 0
    assert "stores: US only" in out
    assert "Amazon's policy: Intellectual Property Policy" in out
    assert "\nRule: Images, text and other content" in out
    assert "Answer: a counter-notice. The answer goes through the dispute option" in out
    assert "Addressed to: Copyright Agent." in out
    assert "Amazon.com calls it: Pre-fulfillment Cancel Rate" in shown(
        "pre-fulfillment-cancel-rate"
    )
    assert (
        "Nothing is submitted to Amazon; the work is done in the A-to-z Guarantee claims page"
        in (shown("a-to-z-claims"))
    )
    assert "Must include evidence of kind: registration" in shown("epr-registration")


def test_catalog_json_carries_the_new_fields() -> None:
    _, out, _ = run("catalog", "valid-tracking-rate", "--json")
    data = json.loads(out)
    assert data["submit_via"] == "email" and "@amazon.com" in data["submit_to"]
    assert data["metric"]["per_category"] is True
    assert data["rule"].startswith("Amazon expects at least 95%")


def test_scaffold_uses_the_types_store_deadline_and_required_evidence() -> None:
    _, out, _ = run("new", "epr-registration", "-o", "-")
    assert "  marketplace: DE\n" in out and "marketplaces: [DE]" in out
    assert "  deadline:          # the date the notice gives" in out
    assert "# An answer must include evidence of kind: registration." in out
    assert "#   kind: registration" in out
    assert "# Amazon's rule: Germany and France require producers" in out
    assert "# The answer goes through the compliance document upload in Seller Central" in out
    _, out, _ = run("new", "late-shipment-rate", "-o", "-")
    assert "  marketplace: US\n" in out and "# deadline:        # leave out" in out
    assert "NOTE: a Plan of Action" not in out
