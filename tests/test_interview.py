"""The guided interview, driven through its real prompts with pipe input and a captured screen."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pexpect
import pytest
import yaml
from docx import Document

from poa.catalog import load_catalog

from .conftest import SAMPLES, run
from .interview_helpers import (
    CLEAR,
    CTRL_C,
    DOWN,
    ENTER,
    SKIP,
    SPACE,
    Wait,
    field_pick,
    interview,
    review_pick,
    text,
    write,
)

TODAY = "2026-11-22"
SUBJECT = "Your Order Defect Rate is above target"
REWORDED = "The listing text is checked against the product before every change."
DETAIL = (
    "Between 1 and 20 October no one checked that our six pickups were collected; 14 orders "
    "shipped late and five buyers left negative feedback."
)

# A complete Plan of Action for a high Order Defect Rate, as (start of the prompt, keys).
POA: list[tuple[str, str]] = [
    ("Paste the notice", SKIP),
    ("What is the notice about", "defect" + ENTER),
    ("Which document", ENTER),
    ("When did the notice arrive", text("2026-11-20")),
    ("When is your answer due", ENTER),
    ("The notice's subject line", text(SUBJECT)),
    ("Reference or violation ID", text("ODR-55120")),
    ("Which store", ENTER),
    ("Severity", DOWN * 2 + ENTER),  # from "not shown" round to "high"
    ("Where does the account stand", DOWN + ENTER),
    ("When did the problem begin", text("2026-10-01")),
    ("The notice's text", ENTER),
    ("Business legal name", text("Harbor Lane Goods LLC")),
    ("Store name", text("Harbor Lane")),
    ("Merchant token", text("A2BCDEFGHIJK12")),
    ("Which stores do you sell in", ENTER),
    ("Contact email", text("ops@harborlane.example")),
    ("Who signs the plan", text("Dana Whitfield")),
    ("Their role", ENTER),
    ("What does the notice affect", DOWN + ENTER),
    ("ASINs named in the notice", text("B07XJ8C8F5, B08N5WRWNW")),
    ("Order IDs named in the notice", text("112-1234567-1234567")),
    ("Which causes apply", SPACE + ENTER),
    ("The cause in one sentence", ENTER),
    ("What happened", text(DETAIL)),
    ("When did it happen", text("2026-10-01")),
    ("How many", text("14")),
    ("ASINs it affected", text("B07XJ8C8F5")),
    ("What have you already done", SPACE + ENTER),
    ("When was it finished", text("2026-11-18")),
    ("What now runs", SPACE + ENTER),
    ("Owner (a role)", text("Operations manager")),
    ("How often", text("twice a day")),
    ("Start date", text("2026-11-18")),
    ("Which do you have", SPACE + ENTER),
    ("What kind of document", ENTER),
    ("File name as attached", text("defective-orders.xlsx")),
    ("Date printed on it", text("2026-11-19")),
    ("Its value now", text("1.8%")),
    ("How many orders counted", text("27 of 1,500")),
    ("Anything to change", ENTER),
    ("Which documents", DOWN + SPACE + ENTER),  # Word and text, not PDF
]


def keys(script: list[tuple[str, str]], start: str | None = None) -> list[str]:
    """The keystrokes of a script, from the prompt that starts with `start`."""
    first = [prompt for prompt, _ in script].index(start) if start else 0
    return [key for _, key in script[first:]]


@pytest.fixture(autouse=True)
def quiet_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test has its own profile file and a known terminal width, in a scratch folder."""
    monkeypatch.setenv("POA_PROFILE", str(tmp_path / "profile.yaml"))
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.chdir(tmp_path)


def args(case: Path, *more: str) -> list[str]:
    return ["-o", str(case), "--today", TODAY, "--out-dir", str(case.parent / "out"), *more]


def load(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def test_a_complete_plan_of_action_is_saved_checked_and_rendered(tmp_path: Path) -> None:
    case = tmp_path / "odr.yaml"
    session = interview(keys(POA), *args(case))
    assert session.code == 0, session.stdout + session.screen[-2000:]
    data = load(case)
    note = data["notification"]
    assert data["kind"] == "plan-of-action"
    assert note["issue_type"] == "order-defect-rate"
    assert note["deadline"].isoformat() == "2026-12-07"  # received + the usual 17 days
    assert (note["severity"], note["account_status"], note["scope"]) == (
        "high",
        "at-risk",
        "listing",
    )
    assert note["asins"] == ["B07XJ8C8F5", "B08N5WRWNW"]
    assert data["root_causes"][0]["detail"] == DETAIL
    assert data["root_causes"][0]["units"] == 14
    assert data["corrective_actions"][0]["root_causes"] == ["RC1"]
    assert data["preventive_measures"][0]["area"] == "Customer service"
    assert data["evidence"][0]["file"] == "defective-orders.xlsx"
    assert not case.read_text().startswith("# poa interview in progress")
    assert run("validate", str(case), "--today", TODAY)[0] == 0
    # What the screen told the seller on the way.
    assert "15 days left (due 2026-12-07)" in session.screen
    assert session.screen.isascii()
    # The documents, by what is in them.
    out = tmp_path / "out"
    assert sorted(p.suffix for p in out.glob("harbor-lane*")) == [".docx", ".txt"]
    words = "\n".join(p.text for p in Document(str(next(out.glob("*.docx")))).paragraphs)
    assert "Harbor Lane Goods LLC" in words and "14 orders shipped late" in words
    assert "Dana Whitfield" in next(out.glob("*.txt")).read_text(encoding="utf-8")
    assert str(out / "harbor-lane") in session.said  # says where everything is
    assert "The answer goes through the appeal form in Account Health" in session.said


PIP = [
    ("Paste the notice", SKIP),
    ("What is the notice about", "on-time" + ENTER),
    ("Write a plan anyway", "y"),  # advisory metric: Amazon asks for no plan
    ("Which document", ENTER),  # proposed: an improvement plan for this type
    ("When did the notice arrive", text("2026-11-16")),
    ("When is your answer due", text("2026-12-16")),  # no usual window for advisory metrics
    ("The notice's subject line", text("On-Time Delivery Rate below recommendation")),
    ("Reference or violation ID", ENTER),
    ("Which store", ENTER),
    ("Severity", ENTER),
    ("Where does the account stand", ENTER),
    ("When did the problem begin", ENTER),
    ("The notice's text", ENTER),
    ("Use your saved details", "y"),
    ("What does the notice affect", ENTER),
    ("ASINs named in the notice", ENTER),
    ("Order IDs named in the notice", ENTER),
    ("Which causes apply", SPACE + ENTER),
    ("The cause in one sentence", ENTER),
    ("What happened", ENTER),
    ("When did it happen", ENTER),
    ("How many", ENTER),
    ("ASINs it affected", ENTER),
    ("What have you already done", SPACE + ENTER),
    ("When was it finished", text("2026-11-17")),
    ("What now runs", SPACE + ENTER),
    ("Owner (a role)", text("Logistics lead")),
    ("How often", ENTER),
    ("Start date", ENTER),
    ("Which do you have", ENTER),
    ("Which metrics does the plan cover", ENTER),
    ("Its value now", text("91.5")),
    ("How many orders counted", ENTER),
    ("Window in days", ENTER),
    ("Your target", ENTER),
    ("On-Time Delivery Rate, milestone 1", ENTER),
    ("Value by then", ENTER),
    ("On-Time Delivery Rate, milestone 2", ENTER),
    ("Value by then", ENTER),
    ("How often is the plan reviewed", DOWN + ENTER),
    ("Anything to change", ENTER),
    ("Which documents", SPACE + DOWN + SPACE + DOWN + SPACE + DOWN + SPACE + ENTER),
]

PROFILE = {
    "seller": {
        "legal_name": "Northwind Outdoor Ltd",
        "store_name": "Northwind",
        "merchant_token": "A3NWOUTDOOR123",
        "marketplaces": ["US"],
        "email": "help@northwind.example",
        "signatory": {"name": "Sam Okafor", "role": "Director"},
    }
}


def test_a_performance_improvement_plan_with_saved_seller_details(tmp_path: Path) -> None:
    write(tmp_path / "profile.yaml", yaml.safe_dump(PROFILE))
    case = tmp_path / "otdr.yaml"
    session = interview(keys(PIP), *args(case))
    assert session.code == 0, session.stdout + session.screen[-2000:]
    data = load(case)
    assert data["kind"] == "performance-improvement-plan"
    assert data["seller"] == PROFILE["seller"]  # from the profile, not asked again
    assert "Business legal name" not in session.screen
    assert data["metrics"] == [
        {"metric": "on-time-delivery-rate", "value": 91.5, "window_days": 30, "target": 97.0}
    ]
    # Milestones proposed halfway and at the target, dated from the notice.
    assert [(m["due_on"].isoformat(), m["target"]) for m in data["milestones"]] == [
        ("2026-11-30", 94.25),
        ("2026-12-16", 97.0),
    ]
    assert data["review_cadence"] == "bi-weekly"
    assert "Amazon expects it above 97%" in session.screen  # as the letters word it
    assert run("validate", str(case), "--today", TODAY)[0] == 0
    (markdown,) = (tmp_path / "out").glob("*.md")
    body = markdown.read_text(encoding="utf-8")
    # The catalog answers this advisory metric with an internal note, but the seller chose
    # to write a plan anyway: the case says so, and the document is the plan.
    assert data["document"] == "plan-of-action"
    assert body.startswith("# Performance Improvement Plan")
    assert "On-Time Delivery Rate" in body and "94.25" in body


def test_a_type_answered_without_a_plan_says_what_to_do_instead(tmp_path: Path) -> None:
    case = tmp_path / "tm.yaml"
    session = interview([SKIP, "trademark" + ENTER, "n"], *args(case))
    assert session.code == 0
    assert "Amazon expects a retraction from the rights owner" in session.screen
    assert "Nothing more to write" in session.said
    assert load(case)["notification"]["issue_type"] == "trademark-complaint"
    # Going on anyway is allowed: the interview carries on with the next question.
    going_on = interview(
        [SKIP, "trademark" + ENTER, "y", ENTER, CTRL_C], *args(tmp_path / "tm2.yaml")
    )
    assert going_on.code == 130
    assert "When did the notice arrive" in going_on.screen


def validate_message(field: str, change: dict, tmp_path: Path) -> str:
    """The message `poa validate` gives for one bad value in a sample case."""
    data = load(SAMPLES / "odr-negative-feedback-us.yaml")
    for path, value in change.items():
        target = data
        *parents, last = path
        for key in parents:
            target = target[key]
        target[last] = value
    bad = write(tmp_path / "bad.yaml", yaml.safe_dump(data, sort_keys=False))
    code, out, _ = run("validate", str(bad), "--today", TODAY)
    assert code == 1
    (line,) = [line for line in out.splitlines() if f": {field}: " in line]
    return line.split(f": {field}: ", 1)[1]


def test_answers_are_checked_as_typed_with_the_messages_of_validate(tmp_path: Path) -> None:
    token_message = validate_message(
        "seller.merchant_token", {("seller", "merchant_token"): "A1F83G8C2ARO7P"}, tmp_path
    )
    date_message = validate_message(
        "corrective_actions[0].completed_on",
        {("corrective_actions", 0, "completed_on"): "2026-12-01"},
        tmp_path,
    )
    script: dict[str, list[str | Wait]] = {prompt: [key] for prompt, key in POA}
    wrong = {
        "Merchant token": ("A1F83G8C2ARO7P", token_message, "A2BCDEFGHIJK12"),
        "When did the notice arrive": (
            "2026-02-30",
            "is not a real date: check the month and the day (YYYY-MM-DD)",
            "2026-11-20",
        ),
        "Order IDs named in the notice": (
            "112-1234567-123",
            "item 1 (112-1234567-123): '112-1234567-123' is not an Amazon order ID",
            "112-1234567-1234567",
        ),
        "When was it finished": ("2026-12-01", date_message, "2026-11-18"),
    }
    for prompt, (bad, message, good) in wrong.items():
        script[prompt] = [text(bad), Wait(message[:40]), text(good)]
    case = tmp_path / "odr.yaml"
    typed = [key for keys_ in script.values() for key in keys_]
    session = interview(typed, *args(case), columns=400)
    assert session.code == 0, session.stdout + session.screen[-2000:]
    for _, message, _ in wrong.values():  # in full, wrapped to the terminal's width
        assert " ".join(message.split()) in session.said
    assert "The answer is not a real date" in session.said
    assert "marketplace ID of Amazon United Kingdom" in token_message
    assert "2026-12-01 is in the future" in date_message
    data = load(case)
    assert data["seller"]["merchant_token"] == "A2BCDEFGHIJK12"
    assert data["notification"]["received_on"].isoformat() == "2026-11-20"
    assert data["notification"]["order_ids"] == ["112-1234567-1234567"]
    assert data["corrective_actions"][0]["completed_on"].isoformat() == "2026-11-18"


def test_an_unfinished_action_becomes_a_preventive_measure(tmp_path: Path) -> None:
    script = dict(POA)
    del script["When was it finished"]
    actions = [
        SPACE + DOWN + SPACE + ENTER,  # two suggested actions
        text("2026-11-18"),  # the first is done
        CLEAR + ENTER + ENTER,  # the second is not (no date): keep it as a measure
    ]
    script["What have you already done"] = "".join(actions)
    # The carried measure comes ticked; its past-tense wording is asked again.
    script["What now runs"] = ENTER + text(REWORDED)
    case = tmp_path / "odr.yaml"
    session = interview(list(script.values()), *args(case))
    assert session.code == 0, session.stdout + session.screen[-2000:]
    assert "An action not yet done is not a corrective action" in session.screen
    data = load(case)
    assert len(data["corrective_actions"]) == 1
    assert data["preventive_measures"][0]["measure"] == REWORDED


def test_ctrl_c_keeps_the_answers_and_resume_goes_on_from_there(tmp_path: Path) -> None:
    case = tmp_path / "odr.yaml"
    first = interview([*keys(POA)[:6], CTRL_C], *args(case))
    assert first.code == 130
    assert f"poa interview --resume {case}" in first.said
    saved = case.read_text(encoding="utf-8")
    assert saved.startswith("# poa interview in progress, next step: notification")
    assert load(case)["notification"]["subject"] == SUBJECT

    second = interview(
        keys(POA, "Reference or violation ID"), "--resume", str(case), *args(case)[2:]
    )
    assert second.code == 0, second.stdout + second.screen[-2000:]
    assert "What is the notice about" not in second.screen  # nothing asked twice
    assert "subject line" not in second.screen
    assert load(case)["notification"]["subject"] == SUBJECT
    assert run("validate", str(case), "--today", TODAY)[0] == 0


def test_interrupt_in_a_later_step_resumes_at_that_step(tmp_path: Path) -> None:
    case = tmp_path / "odr.yaml"
    upto = [prompt for prompt, _ in POA].index("What have you already done")
    first = interview([*keys(POA)[:upto], CTRL_C], *args(case))
    assert first.code == 130
    assert "next step: corrective_actions" in case.read_text().splitlines()[0]
    second = interview(
        keys(POA, "What have you already done"), "--resume", str(case), *args(case)[2:]
    )
    assert second.code == 0, second.stdout + second.screen[-2000:]
    assert "Which causes apply" not in second.screen
    assert load(case)["root_causes"][0]["detail"] == DETAIL


def test_editing_at_review_asks_again_what_depends_on_the_change(tmp_path: Path) -> None:
    case = tmp_path / "odr.yaml"
    assert interview(keys(POA), *args(case)).code == 0
    edits = [
        review_pick(case, "Received"),
        text("2026-11-19"),
        ENTER,  # the deadline is asked again, proposing what it was
        review_pick(case, "RC1"),  # the cause, then its sentence alone
        field_pick("root_causes", "summary"),
        text("The carrier missed six pickups in October because no one confirmed them."),
        review_pick(case, "CA1 (for RC1)"),  # finished a day later than its measure began
        field_pick("corrective_actions", "completed_on"),
        text("2026-11-19"),
        text("2026-11-19"),  # so the measure's start is asked again
        ENTER,  # finish
        DOWN * 3 + SPACE + ENTER,  # Word, PDF, text and Markdown
    ]
    session = interview(edits, "--resume", str(case), *args(case)[2:], columns=100)
    assert session.code == 0, session.stdout + session.screen[-2000:]
    screen = " ".join(session.screen.split())
    assert "Due: this answer depends on the one you changed" in screen
    assert "PM1: it starts on 2026-11-18, before CA1 was finished (2026-11-19)" in screen
    assert screen.count("please check it again") == 2
    data = load(case)
    assert data["notification"]["received_on"].isoformat() == "2026-11-19"
    assert data["root_causes"][0]["summary"].startswith("The carrier missed six pickups")
    assert data["root_causes"][0]["detail"] == DETAIL  # kept, not lost
    assert data["corrective_actions"][0]["completed_on"].isoformat() == "2026-11-19"
    assert data["preventive_measures"][0]["started_on"].isoformat() == "2026-11-19"
    assert not list(tmp_path.glob("*.orig*"))  # the interview's own file needs no copy
    (markdown,) = (tmp_path / "out").glob("*.md")
    assert "no one confirmed them" in markdown.read_text(encoding="utf-8")


def test_editing_a_hand_written_case_keeps_a_copy_and_every_field(tmp_path: Path) -> None:
    original = (SAMPLES / "inauthentic-invoices-us.yaml").read_text(encoding="utf-8")
    case = write(tmp_path / "case.yaml", original)
    session = interview(
        [
            review_pick(case, "Subject"),
            text("Listings removed after an authenticity complaint"),
            ENTER,
            ENTER,
        ],
        "--resume",
        str(case),
        *args(case)[2:],
    )
    assert session.code == 0, session.stdout + session.screen[-2000:]
    assert (tmp_path / "case.yaml.orig").read_text(encoding="utf-8") == original
    before, after = yaml.safe_load(original), load(case)
    assert after["notification"]["subject"] == "Listings removed after an authenticity complaint"
    after["notification"]["subject"] = before["notification"]["subject"]
    assert after == before  # nothing else changed or dropped
    assert "Your file as it was is kept in" in session.screen


def test_finishing_an_unchanged_case_does_not_rewrite_it(tmp_path: Path) -> None:
    original = (SAMPLES / "late-shipment-pip-uk.yaml").read_text(encoding="utf-8")
    case = write(tmp_path / "case.yaml", original)
    session = interview([ENTER, ENTER], "--resume", str(case), *args(case)[2:])
    assert session.code == 0, session.stdout
    assert case.read_text(encoding="utf-8") == original
    assert not list(tmp_path.glob("*.orig*"))


def test_long_answers_can_be_written_in_the_editor(tmp_path: Path, monkeypatch) -> None:
    editor = write(
        tmp_path / "editor.py",
        "import sys\nopen(sys.argv[1], 'w').write('Six pickups were missed.\\n\\n"
        "Fourteen orders shipped late.\\n')\n",
    )
    monkeypatch.setenv("VISUAL", f"{sys.executable} {editor}")
    script = dict(POA)
    script["What happened"] = text(":e")
    case = tmp_path / "odr.yaml"
    session = interview(list(script.values()), *args(case))
    assert session.code == 0, session.stdout + session.screen[-2000:]
    assert load(case)["root_causes"][0]["detail"] == (
        "Six pickups were missed. Fourteen orders shipped late."
    )


def test_an_incomplete_case_is_not_finished(tmp_path: Path) -> None:
    data = load(SAMPLES / "odr-negative-feedback-us.yaml")
    data["preventive_measures"] = data["preventive_measures"][:0]
    case = write(tmp_path / "case.yaml", yaml.safe_dump(data, sort_keys=False))
    session = interview([ENTER, CTRL_C], "--resume", str(case), *args(case)[2:])
    assert session.code == 130
    assert "The case is not complete yet" in session.screen
    assert "preventive_measures" in session.screen


def test_terminal_width_and_no_colour_are_respected(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("COLUMNS", "50")
    monkeypatch.setenv("NO_COLOR", "1")
    case = write(tmp_path / "case.yaml", (SAMPLES / "drop-shipping-us.yaml").read_text())
    session = interview([CTRL_C], "--resume", str(case), *args(case)[2:], columns=50)
    summary = session.screen.split("Your answers", 1)[1].split("? Anything to change")[0]
    assert summary.count("\n") > 20
    assert max(len(line) for line in summary.splitlines()) <= 50
    styles = {n for sgr in re.findall(r"\x1b\[([0-9;]*)m", session.raw) for n in sgr.split(";")}
    assert "1" in styles  # bold stays
    assert not styles & {str(n) for n in [*range(30, 39), *range(40, 49), *range(90, 108)]}


def test_a_plain_terminal_gets_checklist_ticks_in_ascii(tmp_path: Path) -> None:
    upto = [prompt for prompt, _ in POA].index("Which stores do you sell in")
    ticking = [
        *keys(POA)[:upto],
        Wait("[x] US  United States"),  # the notice's store comes ticked
        SPACE,
        Wait("[ ] US  United States"),
        CTRL_C,
    ]
    session = interview(ticking, *args(tmp_path / "odr.yaml"))
    assert session.code == 130
    assert "[x] US  United States" in session.screen
    assert "[ ] US  United States" in session.screen
    assert "[ ] DE  Germany" in session.screen
    assert session.screen.isascii()


def test_messages_wrap_to_the_terminal_width_rather_than_being_cut(tmp_path: Path) -> None:
    advice = load_catalog().get("trademark-complaint").route_advice or ""
    keys_ = [SKIP, "trademark" + ENTER, Wait("Write a plan anyway"), "n"]
    session = interview(keys_, *args(tmp_path / "tm.yaml"), columns=50)
    assert session.code == 0
    told = session.screen.split("Amazon expects", 1)[1].split("? Write a plan anyway")[0]
    assert " ".join(advice.split()) in " ".join(told.split())  # every word, none cut off
    assert told.count("\n") > 3
    assert max(len(line) for line in told.splitlines()) <= 50


def test_a_refused_answers_message_wraps_in_full_under_the_prompt(tmp_path: Path) -> None:
    # prompt_toolkit gives the message one line; at 50 columns this one needs two, and the
    # part that says what to do comes last.
    message = "2099-01-01 is in the future: give the date the notice arrived"
    keys_ = [SKIP, "late ship" + ENTER, ENTER, "2099-01-01" + ENTER, Wait("notice arrived"), CTRL_C]
    session = interview(keys_, *args(tmp_path / "lsr.yaml"), columns=50)
    assert session.code == 130
    shown = session.screen.split("2099-01-01 is in the future", 1)[1]
    assert " ".join(("2099-01-01 is in the future" + shown).split()).startswith(message)
    lines = ("2099-01-01 is in the future" + shown).splitlines()
    assert len(lines[0]) <= 50 and lines[1].startswith("notice arrived")


def test_an_existing_file_is_never_overwritten_without_asking(tmp_path: Path) -> None:
    original = (SAMPLES / "drop-shipping-us.yaml").read_text(encoding="utf-8")
    case = write(tmp_path / "case.yaml", original)
    session = interview(["n"], *args(case))
    assert session.code != 0
    assert "choose another name with -o" in session.said
    assert case.read_text(encoding="utf-8") == original


def test_without_a_terminal_it_says_what_to_do_and_exits_2(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "poa", "interview"],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert "poa render CASE" in result.stderr
    assert "Traceback" not in result.stderr
    assert not list(tmp_path.glob("*.yaml"))


def test_the_installed_command_in_a_terminal_through_to_the_documents(tmp_path: Path) -> None:
    poa = shutil.which("poa", path=str(Path(sys.executable).parent))
    assert poa, "the poa command is installed beside the interpreter"
    env = {
        **os.environ,
        "POA_ASCII": "1",
        "PROMPT_TOOLKIT_NO_CPR": "1",  # pexpect does not answer cursor-position queries
        "NO_COLOR": "1",
        "TERM": "xterm",
        "POA_PROFILE": str(tmp_path / "profile.yaml"),
    }
    case = tmp_path / "odr.yaml"
    child = pexpect.spawn(
        poa,
        ["interview", *args(case)],
        cwd=str(tmp_path),
        env=env,
        encoding="utf-8",
        timeout=60,
        dimensions=(40, 100),
    )
    for prompt, answer in POA:
        # The question mark and the question, with the terminal's style codes between.
        child.expect(r"\?(\x1b\[[0-9;]*m)* " + re.escape(prompt))
        child.send(answer)
    child.expect_exact("Your documents are ready")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert run("validate", str(case), "--today", TODAY)[0] == 0
    (docx,) = (tmp_path / "out").glob("*.docx")
    words = "\n".join(p.text for p in Document(str(docx)).paragraphs)
    assert "Harbor Lane Goods LLC" in words and SUBJECT in words


def test_an_actions_causes_are_changed_from_a_checklist_of_the_causes(tmp_path: Path) -> None:
    original = (SAMPLES / "inauthentic-invoices-us.yaml").read_text(encoding="utf-8")
    case = write(tmp_path / "case.yaml", original)
    edits = [
        review_pick(case, "CA2 (for RC1, RC2)"),
        Wait("What to change in CA2"),
        field_pick("corrective_actions", "root_causes"),
        Wait("Which root causes does it answer"),
        SPACE + ENTER,  # RC1 unticked: CA1 and CA3 still answer it
        ENTER,  # finish
        SPACE + DOWN + SPACE + DOWN + SPACE + DOWN + SPACE + ENTER,  # Markdown only
    ]
    session = interview(edits, "--resume", str(case), *args(case)[2:])
    assert session.code == 0, session.stdout + session.screen[-2000:]
    screen = " ".join(session.screen.split())
    assert "Answers root causes: RC1, RC2" in screen  # the field menu, before the change
    assert "CA2 (for RC2):" in screen  # the summary after it
    assert "please check it again" not in screen
    before, after = yaml.safe_load(original), load(case)
    assert after["corrective_actions"][1]["root_causes"] == ["RC2"]
    after["corrective_actions"][1]["root_causes"] = ["RC1", "RC2"]
    assert after == before  # nothing else changed


def test_a_case_the_interview_cannot_read_gets_one_line_not_a_traceback(tmp_path: Path) -> None:
    broken = write(tmp_path / "broken.yaml", "kind: plan-of-action\nroot_causes:\n  - just text\n")
    session = interview([], "--resume", str(broken), "--today", TODAY)
    assert session.code == 1
    assert f"{broken}:3:5: root_causes[0]: is not what the interview expects" in session.said
    assert f"poa validate {broken}" in session.said
    assert "Traceback" not in session.said
    missing = interview([], "--resume", str(tmp_path / "nope.yaml"), "--today", TODAY)
    assert missing.code == 1
    assert "nope.yaml" in missing.said and "Traceback" not in missing.said


def test_an_unknown_issue_type_is_asked_for_before_it_is_needed(tmp_path: Path) -> None:
    data = load(SAMPLES / "odr-negative-feedback-us.yaml")
    data["notification"]["issue_type"] = "order-defect"
    case = write(tmp_path / "case.yaml", yaml.safe_dump(data, sort_keys=False))
    session = interview(
        [review_pick(case, "RC1"), field_pick("root_causes", "summary"), "defect" + ENTER, CTRL_C],
        "--resume",
        str(case),
        *args(case)[2:],
    )
    assert session.code == 130
    assert "'order-defect' is not an issue type poa knows: pick one." in session.screen
    assert load(case)["notification"]["issue_type"] == "order-defect-rate"


def test_a_wrong_theme_is_refused_before_the_first_question(tmp_path: Path) -> None:
    session = interview([], *args(tmp_path / "case.yaml", "--theme", str(tmp_path)))
    assert session.code == 2
    assert "not a theme folder (it needs a theme.css)" in session.said
    assert session.screen == "" and not (tmp_path / "case.yaml").exists()


def test_stopping_half_way_through_a_new_item_loses_none_of_it(tmp_path: Path) -> None:
    original = (SAMPLES / "inauthentic-invoices-us.yaml").read_text(encoding="utf-8")
    case = write(tmp_path / "case.yaml", original)
    edits = [
        review_pick(case, "Add a root cause"),
        text("No one checked the wholesaler was authorized before our first order."),
        CTRL_C,
    ]
    session = interview(edits, "--resume", str(case), *args(case)[2:])
    assert session.code == 130
    before, after = yaml.safe_load(original)["root_causes"], load(case)["root_causes"]
    assert after[:2] == before  # the causes there were, as they were
    assert after[2] == {
        "id": "RC3",
        "summary": "No one checked the wholesaler was authorized before our first order.",
    }
    assert (tmp_path / "case.yaml.orig").read_text(encoding="utf-8") == original


def test_ctrl_c_while_changing_a_field_leaves_the_file_as_it_was(tmp_path: Path) -> None:
    case = tmp_path / "odr.yaml"
    assert interview(keys(POA), *args(case)).code == 0
    finished = case.read_bytes()
    edits = [
        review_pick(case, "PM1 (for RC1)"),
        Wait("What to change in PM1"),
        field_pick("preventive_measures", "owner"),
        CLEAR + "Night shift",  # typed, never confirmed
        CTRL_C,
    ]
    session = interview(edits, "--resume", str(case), *args(case)[2:])
    assert session.code == 130
    assert "Owner: Operations manager" in session.screen  # the field menu showed it
    assert case.read_bytes() == finished
