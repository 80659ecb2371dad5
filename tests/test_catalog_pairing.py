"""Catalog suggestions paired with the root cause they answer, and measures with an owner and
frequency, carried into the scaffold that `poa new` writes."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from poa import CatalogError, load_catalog
from poa.catalog import GROUPS
from poa.scaffold import scaffold_text

from .conftest import run

PAIRED_GROUPS = set(GROUPS)
PLAIN_ENTRY = """\
key: gift-wrap-complaints
title: Gift wrap complaints
group: customer-feedback
category: customer-feedback
summary: Buyers said the gift wrap arrived torn or was missing altogether.
focus: Show how wrapping is checked before each box is sealed.
root_causes: [Wrap torn in transit, Wrap skipped at packing, Wrong paper used, No check]
corrective_actions: [Rewrapped open orders, Refunded the wrap fee, Replaced the paper, Trained]
preventive_measures: [Wrap is checked, Paper is stocked, Packers sign off, Audits run]
evidence: [Packing checklist]
"""


def uncommented(text: str, section: str) -> list[dict[str, Any]]:
    """A scaffold section with its suggestions uncommented, as a user keeps them."""
    block = text.split(f"\n{section}:\n", 1)[1].split("\n\n", 1)[0]
    kept = "\n".join(re.sub(r"^  # ", "  ", line) for line in block.splitlines())
    items: list[dict[str, Any]] = yaml.safe_load(f"{section}:\n{kept}\n")[section]
    return items


def scaffold(key: str, catalog_dir: Path | None = None) -> str:
    argv = ["new", key, "-o", "-"] + (["--catalog", str(catalog_dir)] if catalog_dir else [])
    code, out, err = run(*argv)
    assert code == 0, err
    return out


def test_paired_entry_scaffold_links_each_suggestion_to_its_cause() -> None:
    issue = load_catalog().get("late-shipment-rate")
    text = scaffold("late-shipment-rate")
    actions = uncommented(text, "corrective_actions")
    measures = uncommented(text, "preventive_measures")
    assert [a["root_causes"] for a in actions] == [["RC2"], ["RC1"], ["RC3"], ["RC4"], ["RC5"]]
    assert [m["root_causes"] for m in measures] == [["RC2"], ["RC2"], ["RC3"], ["RC1"]]
    assert measures[3]["measure"].startswith("Handling time is reviewed before every peak")
    assert measures[3]["frequency"] == "before each peak season"
    assert measures[3]["owner"] == "Warehouse manager"
    assert measures[0]["frequency"] == "twice daily"
    assert measures[2]["frequency"] == "continuous, with alerts"
    assert len({m["owner"] for m in measures}) > 1
    assert [m["measure"] for m in measures] == issue.preventive_measures
    # Every id the links name is a root cause the scaffold offers.
    causes = {c["id"] for c in uncommented(text, "root_causes")}
    assert {r for item in [*actions, *measures] for r in item["root_causes"]} <= causes


def test_plain_string_user_catalog_scaffolds_with_the_defaults(tmp_path: Path) -> None:
    (tmp_path / "ours.yaml").write_text(PLAIN_ENTRY, encoding="utf-8")
    issue = load_catalog([tmp_path]).get("gift-wrap-complaints")
    assert issue.corrective_actions[0] == "Rewrapped open orders"
    text = scaffold("gift-wrap-complaints", tmp_path)
    assert scaffold_text(issue) == text
    actions = uncommented(text, "corrective_actions")
    measures = uncommented(text, "preventive_measures")
    assert {tuple(a["root_causes"]) for a in actions} == {("RC1",)}
    assert {(m["owner"], m["frequency"]) for m in measures} == {("Operations manager", "daily")}
    assert "  #   owner: Operations manager\n  #   frequency: daily\n" in text


def test_user_catalog_can_pair_items(tmp_path: Path) -> None:
    entry = PLAIN_ENTRY.replace(
        "preventive_measures: [Wrap is checked,",
        "preventive_measures: [{text: Wrap is checked, cause: 4, owner: Packing lead, "
        "frequency: per box},",
    )
    (tmp_path / "ours.yaml").write_text(entry, encoding="utf-8")
    text = scaffold("gift-wrap-complaints", tmp_path)
    first, second = uncommented(text, "preventive_measures")[:2]
    assert (first["root_causes"], first["owner"], first["frequency"]) == (
        ["RC4"],
        "Packing lead",
        "per box",
    )
    assert (second["root_causes"], second["owner"]) == (["RC1"], "Operations manager")


@pytest.mark.parametrize(
    ("item", "field", "message"),
    [
        ("{text: Rewrapped open orders, cause: 5}", "cause", "names root cause 5"),
        ("{text: Rewrapped open orders, owner: Packer}", "owner", "is not a field"),
    ],
)
def test_bad_pairing_is_a_located_load_error(
    tmp_path: Path, item: str, field: str, message: str
) -> None:
    entry = PLAIN_ENTRY.replace("[Rewrapped open orders,", f"[{item},")
    (tmp_path / "bad.yaml").write_text("- " + entry.replace("\n", "\n  ").rstrip() + "\n", "utf-8")
    with pytest.raises(CatalogError) as info:
        load_catalog([tmp_path])
    lines = info.value.lines()
    where = "bad.yaml:8:"
    assert any(
        where in ln and f"[0].corrective_actions[0].{field}" in ln and message in ln for ln in lines
    ), lines


def test_every_builtin_pairing_names_an_existing_cause() -> None:
    for issue in load_catalog():
        for item in [*issue.suggested_actions, *issue.suggested_measures]:
            assert 1 <= item.cause <= len(issue.root_causes), issue.key
        if issue.group in PAIRED_GROUPS:
            assert len(issue.action_links) == len(issue.corrective_actions), issue.key
            assert len(issue.measure_links) == len(issue.preventive_measures), issue.key
            assert all(link.cause for link in [*issue.action_links, *issue.measure_links])
            assert all(link.owner and link.frequency for link in issue.measure_links), issue.key


def test_catalog_json_keeps_plain_strings_and_adds_the_links() -> None:
    code, out, _ = run("catalog", "order-defect-rate", "--json")
    data = json.loads(out)
    assert code == 0
    assert all(isinstance(text, str) for text in data["preventive_measures"])
    assert data["measure_links"][0] == {
        "cause": 1,
        "owner": "Customer service lead",
        "frequency": "twice daily",
    }
    code, out, _ = run("catalog", "order-defect-rate")
    assert "  - Buyer messages are checked and answered twice a day" in out


def test_a_notice_about_two_issues_scaffolds_the_items_of_both() -> None:
    catalog = load_catalog()
    odr, lsr = catalog.get("order-defect-rate"), catalog.get("late-shipment-rate")
    text = scaffold_text(odr, others=[lsr])
    causes = uncommented(text, "root_causes")
    actions = uncommented(text, "corrective_actions")
    measures = uncommented(text, "preventive_measures")
    assert [c["summary"] for c in causes] == odr.root_causes + lsr.root_causes
    assert [c.get("issue_type") for c in causes] == [None] * len(odr.root_causes) + [
        "late-shipment-rate"
    ] * len(lsr.root_causes)
    ids = [c["id"] for c in causes]
    assert len(set(ids)) == len(ids) == len(causes)
    assert len({a["id"] for a in actions}) == len(odr.corrective_actions + lsr.corrective_actions)
    by_id = {c["id"]: c for c in causes}
    # Each suggestion still answers the cause its own issue pairs it with.
    for item, suggestion in zip(
        actions, odr.suggested_actions + lsr.suggested_actions, strict=True
    ):
        (cause,) = item["root_causes"]
        owner = odr if by_id[cause].get("issue_type") is None else lsr
        assert owner.root_causes[suggestion.cause - 1] == by_id[cause]["summary"]
    assert {r for m in measures for r in m["root_causes"]} <= set(ids)
