"""The JSON Schema `poa schema` prints lets an editor flag as you type what `poa validate`
will refuse: identifiers, dates and choices, checked here with a real JSON Schema validator."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

import poa

from .conftest import SAMPLE_FILES, TODAY, run, sample_data


def schema() -> dict[str, Any]:
    code, out, _ = run("schema")
    assert code == 0
    data: dict[str, Any] = json.loads(out)
    return data


def as_editor_sees(data: Any) -> Any:
    """The YAML as a JSON Schema validator sees it: dates are text, as they are in the file."""
    return json.loads(json.dumps(data, default=str))


def errors(data: dict[str, Any]) -> list[str]:
    validator = jsonschema.Draft202012Validator(
        schema(), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    return [
        "/".join(map(str, e.absolute_path)) for e in validator.iter_errors(as_editor_sees(data))
    ]


@pytest.mark.parametrize("path", SAMPLE_FILES, ids=lambda p: p.name)
def test_every_sample_passes_the_schema(path: Path) -> None:
    assert errors(yaml.safe_load(path.read_text(encoding="utf-8"))) == []


def test_the_schema_is_a_valid_json_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(schema())


@pytest.mark.parametrize(
    ("where", "value", "flagged"),
    [
        (("notification", "order_ids"), ["123-45"], "notification/order_ids/0"),
        (("notification", "asins"), ["XYZ"], "notification/asins/0"),
        (("seller", "merchant_token"), "ATVP-DKIK", "seller/merchant_token"),
        (("notification", "marketplace"), "Atlantis", "notification/marketplace"),
        (("notification", "account_status"), "suspended-ish", "notification/account_status"),
        (("notification", "received_on"), "14/09/2026", "notification/received_on"),
        (("kind",), "appeal-letter", "kind"),
    ],
)
def test_the_schema_flags_what_validate_refuses(
    where: tuple[str, ...], value: Any, flagged: str
) -> None:
    data = sample_data()
    target = data
    for key in where[:-1]:
        target = target[key]
    target[where[-1]] = value
    found = errors(data)
    assert any(e.startswith(flagged) for e in found), found
    with pytest.raises(poa.CaseInvalidError):  # and validate refuses it too
        poa.case_from_data(data, today=TODAY)


def test_accepted_spellings_pass_the_schema_as_they_pass_validate() -> None:
    data = sample_data()
    data["notification"]["order_ids"] = ["11248392017730215"]  # without the dashes
    data["notification"]["asins"] = ["b08hpc4411"]  # lower case
    assert errors(data) == []
    poa.case_from_data(data, today=TODAY)  # validate accepts them too
