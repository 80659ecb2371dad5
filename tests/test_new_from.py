"""`poa new --from-health` and `poa new --from-notice`: case files started from what is known."""

from __future__ import annotations

import io
import re
from pathlib import Path

import yaml

from poa.cli import main

from .conftest import ROOT, run

SAMPLE = ROOT / "samples" / "health" / "daily-counts-us.csv"
NOTICE = ROOT / "tests" / "corpus" / "notices" / "tuning" / "odr-and-lsr-us.txt"
TODAY = "2026-10-20"
# What only the seller knows, by the key of the line that holds the placeholder.
ANSWERS = {
    "legal_name": "Thornbury Outdoor Ltd",
    "store_name": "Thornbury Outdoor",
    "merchant_token": "A3TBOUK92KDL5Q",
    "email": "ops@thornbury-outdoor.example",
    "name": "Dana Whitfield",
    "role": "Owner",
    "marketplace": "US",
    "subject": "Your Late Shipment Rate is above Amazon's target",
    "summary": "Orders were confirmed only once a day, after the carrier's last pickup.",
    "action": "Confirmed the 36 late orders and moved confirmation to each pickup.",
    "measure": "Orders are confirmed at every carrier pickup, checked at 4 pm daily.",
    "owner": "Warehouse lead",
    "frequency": "daily",
}
PLACEHOLDER = re.compile(r"^(\s*)(- )?(?:(\w+): )?'\[insert(?:[^']|'')*\]'$")


def fill_in(text: str) -> str:
    """The seller's answers in place of every [insert ...] placeholder, comments kept."""

    def answer(match: re.Match[str]) -> str:
        indent, item, key = match.groups()
        if item and not key:
            return f"{indent}- US"  # the only list of placeholders: the seller's stores
        return f"{indent}{item or ''}{key}: {ANSWERS[key]!r}"

    return "\n".join(PLACEHOLDER.sub(answer, line) for line in text.splitlines()) + "\n"


def run_with_stdin(text: str, *argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err, stdin=io.StringIO(text))
    return code, out.getvalue(), err.getvalue()


def test_from_health_writes_a_plan_that_validates_once_the_seller_fields_are_filled(
    tmp_path: Path,
) -> None:
    target = tmp_path / "plan.yaml"
    code, out, err = run("new", "--from-health", str(SAMPLE), "-o", str(target), "--today", TODAY)
    assert code == 0, err
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=poa-case.schema.json\n")
    data = yaml.safe_load(text)
    assert data["kind"] == "performance-improvement-plan"
    assert data["notification"]["issue_type"] == "late-shipment-rate"
    lsr = data["metrics"][0]
    assert (lsr["metric"], lsr["value"], lsr["count"], lsr["total"]) == (
        "late-shipment-rate",
        6.98,
        36,
        516,
    )
    assert lsr["target"] < 4  # stricter than Amazon's
    assert [m["due_on"].isoformat() for m in data["milestones"][:2]] == ["2026-10-27"] * 2
    assert "seller.legal_name" in out and "root_causes[0].summary" in out
    assert "# The documents you attach." in text  # the rest stays the commented scaffold
    code, out, _ = run("validate", "--today", TODAY, str(target))
    assert code == 1 and "seller.legal_name" in out
    target.write_text(fill_in(text), encoding="utf-8")
    code, out, _ = run("validate", "--today", TODAY, str(target))
    assert code == 0, out


def test_from_health_never_overwrites_without_force(tmp_path: Path) -> None:
    target = tmp_path / "plan.yaml"
    target.write_text("kind: my own notes\n", encoding="utf-8")
    code, _, err = run("new", "--from-health", str(SAMPLE), "-o", str(target))
    assert code == 1 and "--force" in err
    assert target.read_text(encoding="utf-8") == "kind: my own notes\n"
    code, _, _ = run("new", "--from-health", str(SAMPLE), "-o", str(target), "--force")
    assert code == 0 and "late-shipment-rate" in target.read_text(encoding="utf-8")


def test_from_notice_prints_the_assessment_first_and_prefills_the_case(tmp_path: Path) -> None:
    target = tmp_path / "odr.yaml"
    code, out, err = run("new", "--from-notice", str(NOTICE), "-o", str(target), "--today", TODAY)
    assert code == 0, err
    assert out.index("Nature:") < out.index("Severity:") < out.index("Time left:")
    assert out.index("Time left:") < out.index("Recognised:") < out.index("Not found")
    assert "from 'Order Defect Rate: 1.4%'" in out
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=poa-case.schema.json\n")
    notification = yaml.safe_load(text)["notification"]
    assert notification["issue_type"] == "order-defect-rate"
    assert notification["other_issue_types"] == ["late-shipment-rate"]
    assert notification["marketplace"] == "US"
    assert notification["deadline"].isoformat() == "2026-10-29"
    assert notification["account_status"] == "at-risk"
    assert notification["text"] == NOTICE.read_text(encoding="utf-8").strip()
    assert "  # - id: RC1\n" in text  # the scaffold's suggestions stay as comments


def test_the_notice_text_is_a_literal_block(tmp_path: Path) -> None:
    target = tmp_path / "odr.yaml"
    run("new", "--from-notice", str(NOTICE), "-o", str(target))
    text = target.read_text(encoding="utf-8")
    assert "  text: |-\n    Subject: Action required:" in text
    assert "\n    Hello,\n\n    We are contacting you" in text
    assert "\\n" not in text


def test_from_notice_reads_standard_input_and_keeps_stdout_for_the_case() -> None:
    notice = NOTICE.read_text(encoding="utf-8")
    code, out, err = run_with_stdin(notice, "new", "--from-notice", "-", "-o", "-")
    assert code == 0, err
    assert err.startswith("Nature:")
    assert out.startswith("# yaml-language-server: $schema=")
    assert yaml.safe_load(out)["notification"]["issue_type"] == "order-defect-rate"


def test_the_seller_can_override_the_issue_type(tmp_path: Path) -> None:
    target = tmp_path / "lsr.yaml"
    code, _, err = run("new", "late-shipment-rate", "--from-notice", str(NOTICE), "-o", str(target))
    assert code == 0, err
    notification = yaml.safe_load(target.read_text(encoding="utf-8"))["notification"]
    assert notification["issue_type"] == "late-shipment-rate"
    assert notification["other_issue_types"] == ["order-defect-rate"]
    code, _, err = run("new", "late-shipment-rat", "--from-notice", str(NOTICE), "-o", "-")
    assert code != 0 and "late-shipment-rate" in err  # a close match is suggested


def test_a_notice_of_no_known_type_asks_for_the_key(tmp_path: Path) -> None:
    notice = "Hello,\n\nThank you for your message about the office party.\n"
    target = tmp_path / "case.yaml"
    code, out, err = run_with_stdin(notice, "new", "--from-notice", "-", "-o", str(target))
    assert code == 2
    assert "Not found in the notice:" in out
    assert "poa new KEY --from-notice FILE" in err
    assert not target.exists()


def test_from_notice_never_overwrites_without_force(tmp_path: Path) -> None:
    target = tmp_path / "odr.yaml"
    target.write_text("my notes\n", encoding="utf-8")
    code, _, err = run("new", "--from-notice", str(NOTICE), "-o", str(target))
    assert code == 1 and "--force" in err
    assert target.read_text(encoding="utf-8") == "my notes\n"


def test_unreadable_or_empty_notices_are_errors_without_traceback(tmp_path: Path) -> None:
    code, _, err = run("new", "--from-notice", str(tmp_path / "missing.txt"))
    assert code == 1 and "no such file" in err and "Traceback" not in err
    code, _, err = run_with_stdin("  \n", "new", "--from-notice", "-")
    assert code == 1 and "the notice is empty" in err
    code, _, err = run("new", "--from-notice", str(NOTICE), "--from-health", str(SAMPLE))
    assert code == 2 and "not allowed with" in err
    code, _, err = run("new")
    assert code == 2 and "--from-notice" in err


def test_the_notice_store_is_also_the_sellers_store() -> None:
    notice = ROOT / "tests" / "corpus" / "notices" / "tuning" / "buyer-messaging-uk.txt"
    code, out, _ = run("new", "--from-notice", str(notice), "-o", "-")
    assert code == 0
    data = yaml.safe_load(out)
    assert data["notification"]["marketplace"] == "UK"
    assert data["seller"]["marketplaces"] == ["UK"]
