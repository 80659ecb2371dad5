"""A demanding seller at the interview: answers kept as they were, odd input, changes that
remove or add items at the edges; nothing typed is lost, asked twice or saved invalid."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest
import questionary
import yaml
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.keys import Keys
from prompt_toolkit.output import DummyOutput

from poa.case.files import load_case
from poa.catalog import load_catalog
from poa.interview.drawing import ignore_mouse_reports, refusal
from poa.interview.flow import Interview
from poa.interview.notice import PASTE
from poa.interview.review import Act, Add, Pick

from .conftest import TODAY
from .interview_fake import CTRL_C, ENTER, FakePrompter
from .interview_helpers import CTRL_C as CTRL_C_KEY
from .interview_helpers import SKIP, Wait, interview
from .test_interview_review import FINISH, load, review, sample

CATALOG = load_catalog()


def test_keeping_the_document_kind_asks_no_metrics_of_a_policy_plan(tmp_path: Path) -> None:
    case = sample(tmp_path, "buyer-messaging-misuse-uk.yaml")
    before = load(case)
    finished, prompter = review(
        case, [("Anything to change", "kind"), ("Which document", ENTER), FINISH]
    )
    assert finished
    menu = "Anything to change?"
    assert prompter.questions == [menu, "Which document do you need?", menu]
    assert "check it again" not in prompter.told
    assert load(case) == before
    load_case(case, catalog=CATALOG, today=TODAY)


def test_removing_an_exhibit_asks_again_the_text_that_points_at_it(tmp_path: Path) -> None:
    case = sample(tmp_path, "odr-late-shipment-us.yaml")
    detail = load(case)["root_causes"][1]["detail"]
    assert "{E1}" in detail
    finished, prompter = review(
        case,
        [
            ("Anything to change", Pick("evidence", 0)),
            ("What to change in E1", Act.REMOVE),
            ("Remove E1", True),
            ("What happened", detail.replace(" (all listed in {E1})", "")),
            FINISH,
        ],
    )
    assert finished  # the finish was not refused for a dangling {E1}
    assert "RC2: its text points at {E1}, which is gone; please check it again." in prompter.told
    assert "not complete" not in prompter.told
    assert "{E1}" not in load(case)["root_causes"][1]["detail"]
    load_case(case, catalog=CATALOG, today=TODAY)


def test_removing_a_cause_asks_again_the_text_that_points_at_it(tmp_path: Path) -> None:
    case = sample(tmp_path, "odr-late-shipment-us.yaml")
    data = load(case)
    data["corrective_actions"][0]["action"] += " This answers {RC2} as well."
    case.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    action = data["corrective_actions"][0]["action"]
    finished, prompter = review(
        case,
        [
            ("Anything to change", Pick("root_causes", 1)),
            ("What to change in RC2", Act.REMOVE),
            ("Remove RC2", True),
            ("What was done", action.replace(" This answers {RC2} as well.", "")),
            FINISH,
        ],
        standing={"No ": [], "CA": [], "PM": []},
    )
    assert finished
    assert "CA1: its text points at {RC2}, which is gone" in prompter.told
    load_case(case, catalog=CATALOG, today=TODAY)


def test_the_only_cause_of_an_issue_the_notice_cites_is_not_removed(tmp_path: Path) -> None:
    case = sample(tmp_path, "odr-late-shipment-us.yaml")
    before = load(case)
    assert before["root_causes"][2]["issue_type"] == "late-shipment-rate"
    finished, prompter = review(
        case,
        [
            ("Anything to change", Pick("root_causes", 2)),
            ("What to change in RC3", Act.REMOVE),
            FINISH,
        ],
    )
    assert finished  # no dead end: the review could not have made the case whole again
    assert "RC3 is the only cause of late-shipment-rate, which the notice names" in prompter.told
    assert "Remove RC3?" not in prompter.questions
    assert load(case) == before


def test_the_signers_name_survives_ctrl_c_at_their_role(tmp_path: Path) -> None:
    from .test_first_hour import SCRIPT

    case, profile = tmp_path / "case.yaml", tmp_path / "profile.yaml"
    upto = [q for q, _ in SCRIPT].index("Their role")
    prompter = FakePrompter([*SCRIPT[:upto], ("Their role", CTRL_C)])
    with pytest.raises(KeyboardInterrupt):
        Interview.start(case, CATALOG, prompter, TODAY, profile=profile).run()
    assert load(case)["seller"]["signatory"] == {"name": "Jordan Ellis"}  # no role made up
    again = FakePrompter(
        [("Who signs the plan", ENTER), ("Their role", "Owner"), ("Which", CTRL_C)]
    )
    with pytest.raises(KeyboardInterrupt):
        Interview.resume(case, CATALOG, again, TODAY, profile).run()
    assert again.asked[0].default == "Jordan Ellis"  # proposed as typed, not asked afresh
    assert load(case)["seller"]["signatory"] == {"name": "Jordan Ellis", "role": "Owner"}


def test_an_item_half_added_before_ctrl_c_is_finished_at_the_review(tmp_path: Path) -> None:
    case = sample(tmp_path, "cancel-rate-pip-us.yaml")
    first = FakePrompter(
        [("Anything to change", Add("milestones")), ("Which metric", ENTER), ("Milestone", CTRL_C)]
    )
    with pytest.raises(KeyboardInterrupt):
        Interview.resume(case, CATALOG, first, TODAY, tmp_path / "profile.yaml").run()
    assert load(case)["milestones"][-1] == {"metric": "pre-fulfillment-cancel-rate"}
    finished, prompter = review(
        case,
        [FINISH, ("Milestone date", "2026-12-20"), ("Value by then", "1.5"), FINISH],
    )
    assert finished
    assert "pre-fulfillment-cancel-rate: Due on is still to fill in." in prompter.told
    assert load(case)["milestones"][-1]["target"] == 1.5
    load_case(case, catalog=CATALOG, today=TODAY)


def test_keeping_the_issue_type_does_not_ask_again_to_write_a_plan_anyway(tmp_path: Path) -> None:
    case = sample(tmp_path, "epr-registration-de.yaml")
    before = load(case)
    assert before["document"] == "plan-of-action"  # chosen over the notice's usual answer
    finished, prompter = review(
        case, [("Anything to change", "issue_type"), ("What is the notice about", ENTER), FINISH]
    )
    assert finished
    assert "Write a plan anyway?" not in prompter.questions
    assert load(case) == before


def test_a_signer_written_as_a_plain_name_is_proposed_not_a_traceback(tmp_path: Path) -> None:
    case = sample(tmp_path, "odr-negative-feedback-us.yaml")
    data = load(case)
    data["seller"]["signatory"] = "Dana Whitfield"  # hand-written without name: and role:
    case.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    finished, prompter = review(
        case,
        [
            ("Anything to change", "signatory"),
            ("Who signs the plan", ENTER),
            ("Their role", "Owner"),
            FINISH,
        ],
    )
    assert finished
    assert prompter.asked[1].default == "Dana Whitfield"
    assert load(case)["seller"]["signatory"] == {"name": "Dana Whitfield", "role": "Owner"}


@pytest.mark.parametrize("written", ["B0BLS40077", 1234567890, True])
def test_a_single_identifier_written_without_a_list_is_proposed_whole(
    tmp_path: Path, written: object
) -> None:
    case = sample(tmp_path, "odr-late-shipment-us.yaml")
    data = load(case)
    data["notification"]["asins"] = written  # `asins: B0BLS40077`, no brackets
    data["seller"]["marketplaces"] = "US"
    case.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    finished, prompter = review(
        case,
        [
            ("Anything to change", "asins"),
            ("ASINs named in the notice", "B0BLS40077"),
            ("Anything to change", "marketplaces"),
            ("Which stores", ENTER),
            FINISH,
        ],
    )
    assert finished
    assert prompter.asked[1].default == str(written)
    assert [o.value for o in prompter.asked[3].options if o.checked] == ["US"]
    assert load(case)["seller"]["marketplaces"] == ["US"]


def test_a_cause_added_then_cut_short_is_answered_at_the_finish(tmp_path: Path) -> None:
    case = sample(tmp_path, "odr-negative-feedback-us.yaml")
    first = FakePrompter(
        [
            ("Anything to change", Add("root_causes")),
            ("The cause in one sentence", "Our packing table had no checklist for fragile items."),
            ("What happened", ENTER),
            ("When did it happen", ENTER),
            ("How many", ENTER),
            ("ASINs", ENTER),
            ("No corrective action answers RC3", CTRL_C),
        ]
    )
    with pytest.raises(KeyboardInterrupt):
        Interview.resume(case, CATALOG, first, TODAY, tmp_path / "profile.yaml").run()
    finished, _ = review(
        case,
        [
            FINISH,
            ("No corrective action answers RC3", [0]),
            ("No preventive measure answers RC3", [0]),
            FINISH,
        ],
    )
    assert finished
    data = load(case)
    assert "RC3" in data["corrective_actions"][0]["root_causes"]
    assert "RC3" in data["preventive_measures"][0]["root_causes"]
    load_case(case, catalog=CATALOG, today=TODAY)


def test_options_wider_than_a_narrow_terminal_wrap_rather_than_being_cut(tmp_path: Path) -> None:
    keys = [SKIP, "late ship", Wait("above target"), CTRL_C_KEY]
    session = interview(keys, "-o", str(tmp_path / "c.yaml"), columns=40)
    assert session.code == 130
    shown = session.screen.split("? What is the notice about", 1)[1]
    assert "LateShipmentRateabovetarget(late-shipment-rate)" in "".join(shown.split())


def test_questions_wider_than_a_narrow_terminal_wrap_between_words(tmp_path: Path) -> None:
    # The terminal breaks a prompt line wherever its edge falls; poa breaks it between words.
    keys = [Wait("skip)"), SKIP, Wait("filter)"), CTRL_C_KEY]
    session = interview(keys, "-o", str(tmp_path / "c.yaml"), columns=40)
    assert session.code == 130
    paste = f"? {PASTE} (paste it, or type a file's path; Enter to skip)"
    menu = "? What is the notice about? (Use arrow keys, type to filter)"
    option = "   Late Shipment Rate above target (late-shipment-rate)"  # after the pointer's column
    for question in (paste, menu, option):
        lines = _drawn(session.screen, question[:16], question[-7:])
        assert max(map(len, lines)) < 40
        assert " ".join(lines).split() == question.split(), lines


def test_a_picked_entry_shows_under_the_question_wrapped_between_words(tmp_path: Path) -> None:
    path = tmp_path / "c.yaml"
    keys = [SKIP, Wait("filter)"), "late ship", Wait("(late-shipment-rate)"), "\r"]
    session = interview([*keys, Wait("Which document"), CTRL_C_KEY], "-o", str(path), columns=40)
    assert session.code == 130
    # The question's last drawing, once answered (the screen's text runs it on from the list).
    shown = session.screen[session.screen.rfind("? What is the notice about?") :]
    assert shown.startswith(
        "? What is the notice about?\n  Late Shipment Rate above target\n  (late-shipment-rate)\n"
    )
    # The command to go on stands on a line of its own, whole.
    assert f"Continue with:\n  poa interview --resume {path}\n" in session.stdout


def test_a_short_hint_stays_on_the_last_line_of_a_wrapped_question(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # the question names the file as given: its wrapping is fixed
    name = "a-case-file-with-a-long-name.yaml"
    (tmp_path / name).write_text("kind: plan-of-action\n", encoding="utf-8")
    session = interview([Wait("(Y/n)"), CTRL_C_KEY], "-o", name, columns=40)
    assert session.code == 130
    first = next(line for line in session.screen.splitlines() if "(Y/n)" in line)
    assert first.startswith("  it? (Y/n)")  # not on a line of its own


def _drawn(screen: str, first: str, last: str) -> list[str]:
    """The lines the terminal first showed from one that starts with `first` to `last` (the
    screen's text without its control sequences runs a redrawing on from there)."""
    lines = [line.rstrip() for line in screen.replace("\r", "\n").split("\n")]
    start = next(i for i, line in enumerate(lines) if line.startswith(first))
    end = next(i for i in range(start, len(lines)) if last in lines[i])
    return [*lines[start:end], lines[end][: lines[end].index(last) + len(last)]]


def test_enter_on_a_search_that_matches_nothing_asks_again(tmp_path: Path) -> None:
    keys = [SKIP, "zzzz", Wait("zzzz"), "\r", Wait("Nothing matches"), CTRL_C_KEY]
    session = interview(keys, "-o", str(tmp_path / "c.yaml"), columns=60)
    assert session.code == 130  # the seller's own Ctrl-C, not an unknown issue type
    assert "unknown issue type" not in session.said
    assert "Nothing matches" in session.said


def test_a_colour_code_typed_without_bracketed_paste_is_no_traceback() -> None:
    # \x1b[31m reads to prompt_toolkit as a mouse report, and its own handler then fails
    # with a traceback and "Press ENTER to continue"; the interview uses no mouse.
    with create_pipe_input() as pipe:
        question = questionary.text("Subject", input=pipe, output=DummyOutput())
        ignore_mouse_reports(question)
        bindings = question.application.key_bindings
        assert bindings is not None
        handler = bindings.get_bindings_for_keys((Keys.Vt100MouseEvent,))[-1].handler
        assert handler(SimpleNamespace(data="\x1b[31m")) is None


@pytest.mark.parametrize("other", [5, "late-shipment-rate", [7, None], {"a": 1}])
def test_other_issue_types_written_oddly_by_hand_give_no_traceback(
    tmp_path: Path, other: object
) -> None:
    case = sample(tmp_path, "odr-late-shipment-us.yaml")
    data = load(case)
    data["notification"]["other_issue_types"] = other
    case.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    finished, prompter = review(
        case,
        [
            ("Anything to change", Pick("root_causes", 0)),
            ("What to change in RC1", Act.BACK),
            ("Anything to change", "Save and stop here"),
        ],
    )
    assert not finished
    assert "Anything to change?" in prompter.questions


@pytest.mark.parametrize(
    ("problem", "shown"),
    [
        (
            "is empty: write the actual text, or remove the field if it is optional",
            "The answer is empty: write the actual text",
        ),
        ("should be a number, such as 1.8", "The answer should be a number, such as 1.8"),
        ("2026-12-01 is in the future: give the day it was done", None),
        ("item 1 (112-1): '112-1' is not an Amazon order ID", None),
    ],
)
def test_a_refused_answer_is_the_subject_of_its_message(problem: str, shown: str | None) -> None:
    # Under a question, "is empty" says nothing of what is empty, and an answer cannot be
    # removed the way a field of a file can; messages with their own subject stay as they are.
    assert refusal(problem) == (shown or problem)
