"""The review changes one field of one item and asks again only what then no longer holds;
driven by the scripted stand-in for the terminal."""

from __future__ import annotations

import copy
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from poa.case.files import load_case
from poa.catalog import load_catalog
from poa.interview.flow import Interview
from poa.interview.review import Act, Add, Pick
from poa.interview.summary import cut

from .conftest import SAMPLES, TODAY
from .interview_fake import CTRL_C, ENTER, FakePrompter

CATALOG = load_catalog()
FINISH = ("Anything to change", "No, save and render")
AGAIN = "please check it again"
Script = list[tuple[str, Any]]


def sample(tmp_path: Path, name: str = "odr-negative-feedback-us.yaml") -> Path:
    case = tmp_path / "case.yaml"
    case.write_text((SAMPLES / name).read_text(encoding="utf-8"), encoding="utf-8")
    return case


def review(case: Path, script: Script, **fake: Any) -> tuple[bool, FakePrompter]:
    prompter = FakePrompter(script, **fake)
    interview = Interview.resume(case, CATALOG, prompter, TODAY, case.parent / "profile.yaml")
    finished = interview.run()
    assert prompter.script == [], prompter.script  # every scripted question was asked
    return finished, prompter


def load(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return data


def between_menus(prompter: FakePrompter) -> list[str]:
    """The questions asked after the first review menu and before the next one."""
    menus = [n for n, q in enumerate(prompter.questions) if q == "Anything to change?"]
    return prompter.questions[menus[0] + 1 : menus[1]]


def test_changing_one_measures_area_asks_that_alone(tmp_path: Path) -> None:
    case = sample(tmp_path)
    before = load(case)
    finished, prompter = review(
        case,
        [
            ("Anything to change", Pick("preventive_measures", 1)),
            ("What to change in PM2", "area"),
            ("Which part of the business", "Customer service"),
            FINISH,
        ],
    )
    assert finished
    assert between_menus(prompter) == ["What to change in PM2?", "Which part of the business?"]
    assert len(prompter.asked) == 4  # menu, field, the area, menu
    after = load(case)
    assert after["preventive_measures"][1]["area"] == "Customer service"
    after["preventive_measures"][1]["area"] = before["preventive_measures"][1]["area"]
    assert after == before  # nothing else changed
    load_case(case, catalog=CATALOG, today=TODAY)


def test_an_area_of_ones_own_is_typed(tmp_path: Path) -> None:
    case = sample(tmp_path)
    review(
        case,
        [
            ("Anything to change", Pick("preventive_measures", 2)),
            ("What to change in PM3", "area"),
            ("Which part of the business", "My own (type it)"),
            ("The part of the business", "Packing line"),
            FINISH,
        ],
    )
    assert load(case)["preventive_measures"][2]["area"] == "Packing line"


def test_a_later_completion_asks_again_the_start_of_that_measure_only(tmp_path: Path) -> None:
    case = sample(tmp_path)
    # CA1 answers RC1, whose measures PM1 and PM2 start on 16 and 19 September.
    finished, prompter = review(
        case,
        [
            ("Anything to change", Pick("corrective_actions", 0)),
            ("What to change in CA1", "completed_on"),
            ("When was it finished", "2026-09-17"),
            ("Start date", "2026-09-17"),
            FINISH,
        ],
    )
    assert finished
    assert between_menus(prompter) == [
        "What to change in CA1?",
        "When was it finished? (YYYY-MM-DD)",
        "Start date (YYYY-MM-DD)",
    ]
    assert "PM1: it starts on 2026-09-16, before CA1 was finished (2026-09-17)" in prompter.told
    assert prompter.told.count(AGAIN) == 1  # not PM2 (starts later), not PM3 (another cause)
    data = load(case)
    assert data["corrective_actions"][0]["completed_on"] == date(2026, 9, 17)
    assert [m["started_on"] for m in data["preventive_measures"]] == [
        date(2026, 9, 17),
        date(2026, 9, 19),
        date(2026, 9, 18),
    ]


def test_an_earlier_completion_asks_nothing_more(tmp_path: Path) -> None:
    case = sample(tmp_path)
    _, prompter = review(
        case,
        [
            ("Anything to change", Pick("corrective_actions", 0)),
            ("What to change in CA1", "completed_on"),
            ("When was it finished", "2026-09-15"),
            FINISH,
        ],
    )
    assert len(between_menus(prompter)) == 2
    assert AGAIN not in prompter.told


def test_a_completion_is_checked_as_when_first_asked(tmp_path: Path) -> None:
    case = sample(tmp_path)
    _, prompter = review(
        case,
        [
            ("Anything to change", Pick("corrective_actions", 2)),
            ("What to change in CA3", "completed_on"),
            ("When was it finished", "2026-12-01"),  # after today
            ("When was it finished", "2026-07-01"),  # before the problem began
            ("When was it finished", "2026-09-20"),
            FINISH,
        ],
    )
    assert [answer for _, answer, _ in prompter.rejected] == ["2026-12-01", "2026-07-01"]
    assert "is in the future" in prompter.rejected[0][2]
    assert "before the problem began (2026-07-10)" in prompter.rejected[1][2]
    assert load(case)["corrective_actions"][2]["completed_on"] == date(2026, 9, 20)


def with_exhibit_of_rc1_alone(case: Path) -> dict[str, Any]:
    data = load(case)
    data["evidence"].append(
        {"id": "E3", "kind": "report", "file": "inbox-rota.pdf", "proves": "The inbox rota."}
    )
    data["root_causes"][0]["evidence"] = ["E3"]
    case.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return data


def test_removing_a_cause_asks_to_link_again_what_answered_it_alone(tmp_path: Path) -> None:
    case = sample(tmp_path)
    with_exhibit_of_rc1_alone(case)
    finished, prompter = review(
        case,
        [
            ("Anything to change", Pick("root_causes", 0)),
            ("What to change in RC1", Act.REMOVE),
            ("Remove RC1", True),
            ("CA1 answered RC1 alone", ["RC2"]),
            ("PM1 answered RC1 alone", []),  # nothing: it goes with the cause
            ("PM2 answered RC1 alone", ["RC2"]),
            ("E3 showed RC1 alone", ["RC2"]),
            FINISH,
        ],
    )
    assert finished
    (relink,) = [a for a in prompter.asked if a.message.startswith("CA1 answered")]
    assert [o.value for o in relink.options] == ["RC2"]  # the causes that stay
    data = load(case)
    assert [c["id"] for c in data["root_causes"]] == ["RC2"]
    assert data["root_causes"][0]["evidence"] == ["E3"]
    assert [(a["id"], a["root_causes"]) for a in data["corrective_actions"]] == [
        ("CA1", ["RC2"]),
        ("CA2", ["RC2"]),
        ("CA3", ["RC2"]),
    ]
    assert [(m["id"], m["root_causes"]) for m in data["preventive_measures"]] == [
        ("PM2", ["RC2"]),
        ("PM3", ["RC2"]),
    ]
    load_case(case, catalog=CATALOG, today=TODAY)


def test_ctrl_c_while_linking_again_removes_nothing(tmp_path: Path) -> None:
    case = sample(tmp_path)
    original = case.read_bytes()
    with pytest.raises(KeyboardInterrupt):
        review(
            case,
            [
                ("Anything to change", Pick("root_causes", 0)),
                ("What to change in RC1", Act.REMOVE),
                ("Remove RC1", True),
                ("CA1 answered RC1 alone", ["RC2"]),
                ("PM1 answered RC1 alone", CTRL_C),
            ],
        )
    assert case.read_bytes() == original


@pytest.mark.parametrize(
    ("section", "field", "question", "typed"),
    [
        ("preventive_measures", "measure", "What runs now", "Half a sentence"),
        ("root_causes", "detail", "What happened", "Something else"),
        ("corrective_actions", "completed_on", "When was it finished", "2026-09-20"),
    ],
)
def test_ctrl_c_during_a_field_change_keeps_the_file_as_it_was(
    tmp_path: Path, section: str, field: str, question: str, typed: str
) -> None:
    case = sample(tmp_path)
    original = case.read_bytes()
    with pytest.raises(KeyboardInterrupt):
        review(
            case,
            [
                ("Anything to change", Pick(section, 0)),
                ("What to change", field),
                (question, CTRL_C),
            ],
        )
    assert case.read_bytes() == original
    assert not list(tmp_path.glob("*.orig*"))


def test_the_last_cause_cannot_be_removed(tmp_path: Path) -> None:
    case = sample(tmp_path, "odr-late-shipment-us.yaml")
    data = load(case)
    data["root_causes"] = data["root_causes"][:1]
    for section in ("corrective_actions", "preventive_measures"):
        data[section] = [
            {**i, "root_causes": [data["root_causes"][0]["id"]]} for i in data[section]
        ]
    case.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    _, prompter = review(
        case,
        [
            ("Anything to change", Pick("root_causes", 0)),
            ("What to change in", Act.REMOVE),
            ("Anything to change", "Save and stop here"),
        ],
    )
    assert "A complete case needs a root cause: add another first." in prompter.told
    assert load(case) == data


def test_adding_a_measure_asks_its_fields_and_proposes_its_start(tmp_path: Path) -> None:
    case = sample(tmp_path)
    text = "Every glass order is photographed packed before the carrier collects it."
    finished, prompter = review(
        case,
        [
            ("Anything to change", Add("preventive_measures")),
            ("Which root causes does it answer", ["RC2"]),
            ("What runs now", text),
            ("Which part of the business", "Fulfillment"),
            ("Owner (a role)", "Warehouse lead"),
            ("How often", "every shipment"),
            ("Start date", ENTER),
            FINISH,
        ],
    )
    assert finished
    (start,) = [a for a in prompter.asked if a.message.startswith("Start date")]
    assert start.default == "2026-09-19"  # the last action on RC2 was finished then
    assert load(case)["preventive_measures"][-1] == {
        "id": "PM4",
        "root_causes": ["RC2"],
        "measure": text,
        "area": "Fulfillment",
        "owner": "Warehouse lead",
        "frequency": "every shipment",
        "started_on": date(2026, 9, 19),
    }
    load_case(case, catalog=CATALOG, today=TODAY)


def test_a_new_cause_gets_an_action_and_a_measure(tmp_path: Path) -> None:
    case = sample(tmp_path)
    cause = "Our packing standard was never written down for new staff."
    finished, _ = review(
        case,
        [
            ("Anything to change", Add("root_causes")),
            ("The cause in one sentence", cause),
            ("What happened", ENTER),
            ("When did it happen", ENTER),
            ("How many", ENTER),
            ("ASINs it affected", ENTER),
            ("No corrective action answers RC3", [1]),  # CA2, by its place in the list
            ("No preventive measure answers RC3", ["A new preventive measure"]),
            ("What runs now", "New packers are trained on the written standard on day one."),
            ("Which part of the business", "Training"),
            ("Owner (a role)", "Warehouse lead"),
            ("How often", "for every new packer"),
            ("Start date", "2026-09-18"),
            FINISH,
        ],
    )
    assert finished
    data = load(case)
    assert data["root_causes"][-1] == {"id": "RC3", "summary": cause}
    assert data["corrective_actions"][1]["root_causes"] == ["RC2", "RC3"]
    assert data["preventive_measures"][-1]["id"] == "PM4"
    assert data["preventive_measures"][-1]["root_causes"] == ["RC3"]
    load_case(case, catalog=CATALOG, today=TODAY)


def test_a_metrics_new_value_asks_its_counts_again_only_when_they_no_longer_fit(
    tmp_path: Path,
) -> None:
    case = sample(tmp_path)  # 23 of 1,440 orders: 1.6%
    _, prompter = review(
        case,
        [
            ("Anything to change", Pick("metrics", 0)),
            ("What to change in order-defect-rate", "value"),
            ("Its value now", "1.60"),
            ("Anything to change", Pick("metrics", 0)),
            ("What to change in order-defect-rate", "value"),
            ("Its value now", "2.0"),
            ("How many orders counted", ENTER),  # the old counts give 1.6%: refused
            ("How many orders counted", "23 of 1150"),
            FINISH,
        ],
    )
    assert prompter.told.count(AGAIN) == 1
    assert "its counts no longer fit: 23 of 1,440 is 1.60%, not 2.0%" in prompter.told
    assert [answer for _, answer, _ in prompter.rejected] == ["23 of 1440"]
    metric = load(case)["metrics"][0]
    assert (metric["value"], metric["count"], metric["total"]) == (2.0, 23, 1150)
    load_case(case, catalog=CATALOG, today=TODAY)


def test_removing_an_exhibit_takes_it_out_of_every_link(tmp_path: Path) -> None:
    case = sample(tmp_path)
    _, prompter = review(
        case,
        [
            ("Anything to change", Pick("evidence", 0)),
            ("What to change in E1", Act.REMOVE),
            ("Remove E1", True),
            FINISH,
        ],
    )
    data = load(case)
    assert [e["id"] for e in data["evidence"]] == ["E2"]
    assert [a.get("evidence") for a in data["corrective_actions"]] == [None, ["E2"], None]
    assert "CA1 no longer cites E1." in prompter.told
    load_case(case, catalog=CATALOG, today=TODAY)


def test_the_summary_shows_every_field_in_full_with_links_and_dates(tmp_path: Path) -> None:
    case = sample(tmp_path)
    data = load(case)
    _, prompter = review(case, [("Anything to change", "Save and stop here")], width=60)
    summary = prompter.told.split("Your answers", 1)[1]
    assert "..." not in summary
    for section in ("root_causes", "corrective_actions", "preventive_measures", "evidence"):
        for item in data[section]:
            for key, value in item.items():
                values = value if isinstance(value, list) else [value]
                for one in values:
                    assert str(one) in summary, (section, key, one)
    assert "PM3 (for RC2): Every glass item is packed to a written standard" in summary
    assert "[2026-09-18, Packing, Warehouse lead, every shipment]" in summary
    assert "What happened: From July 28 to August 9, 2026 no one else covered" in summary
    assert "Shown by evidence: E1" in summary
    assert "Defects by kind: negative_feedback: 9, a_to_z_claims: 14" in summary


def test_the_field_menu_shows_each_field_and_the_item_in_full(tmp_path: Path) -> None:
    case = sample(tmp_path)
    _, prompter = review(
        case,
        [
            ("Anything to change", Pick("root_causes", 0)),
            ("What to change in RC1", Act.BACK),
            ("Anything to change", "Save and stop here"),
        ],
        width=60,
    )
    (menu,) = [a for a in prompter.asked if a.message == "What to change in RC1?"]
    assert [t.split(":")[0] for t in menu.titles] == [
        *("Cause", "What happened", "Happened on", "Affected", "Counted in", "ASINs"),
        *("Order IDs", "Shown by evidence", "Remove this item", "Back to the summary"),
    ]
    assert all(len(title) <= 52 for title in menu.titles)  # cut to the menu's width
    shown = prompter.told.split("Your answers")[2]  # after the first summary: the item
    detail = load(case)["root_causes"][0]["detail"]
    assert " ".join(detail.split()) in shown


def test_opening_a_case_and_changing_nothing_does_not_rewrite_it(tmp_path: Path) -> None:
    case = sample(tmp_path)
    original = case.read_bytes()
    review(
        case,
        [
            ("Anything to change", Pick("preventive_measures", 0)),
            ("What to change in PM1", Act.BACK),
            ("Anything to change", "Save and stop here"),
        ],
    )
    assert case.read_bytes() == original


def test_a_changed_notice_date_asks_again_an_invoice_it_makes_too_old(tmp_path: Path) -> None:
    case = sample(tmp_path)
    data = load(case)
    invoice = {"id": "E3", "kind": "invoice", "file": "inv.pdf", "proves": "The purchase."}
    data["evidence"].append({**invoice, "issued_on": date(2025, 10, 1)})
    case.write_text(yaml.safe_dump(copy.deepcopy(data), sort_keys=False), encoding="utf-8")
    _, prompter = review(
        case,
        [
            ("Anything to change", "Received"),
            ("When did the notice arrive", "2026-11-20"),
            ("When is your answer due", ENTER),
            ("Date printed on it", "2026-08-01"),
            FINISH,
        ],
    )
    assert "E3: its date 2025-10-01 is more than 365 days before the notice" in prompter.told
    assert sum(q.startswith("Date printed on it") for q in prompter.questions) == 1  # E3 only
    assert load(case)["evidence"][-1]["issued_on"] == date(2026, 8, 1)


def test_removing_a_causes_only_action_asks_what_answers_it_now(tmp_path: Path) -> None:
    case = sample(tmp_path)  # CA1 alone answers RC1
    _, prompter = review(
        case,
        [
            ("Anything to change", Pick("corrective_actions", 0)),
            ("What to change in CA1", Act.REMOVE),
            ("Remove CA1", True),
            ("No corrective action answers RC1 now", []),  # one at least
            ("No corrective action answers RC1 now", [1]),  # CA3, now second in the list
            FINISH,
        ],
    )
    assert "Every root cause needs at least one corrective action." in prompter.told
    data = load(case)
    assert [(a["id"], a["root_causes"]) for a in data["corrective_actions"]] == [
        ("CA2", ["RC2"]),
        ("CA3", ["RC2", "RC1"]),
    ]
    load_case(case, catalog=CATALOG, today=TODAY)


def test_new_counts_ask_again_the_defects_by_kind_when_they_no_longer_add_up(
    tmp_path: Path,
) -> None:
    case = sample(tmp_path)  # 23 defective orders: 9 with feedback, 14 with a claim
    _, prompter = review(
        case,
        [
            ("Anything to change", Pick("metrics", 0)),
            ("What to change in order-defect-rate", "counts"),
            ("How many orders counted", "25 of 1560"),
            ("Orders with one- or two-star feedback", ENTER),
            ("Orders with an A-to-z claim", ENTER),
            ("Orders with a service chargeback", ENTER),  # still 23 of 25: refused
            ("Orders with one- or two-star feedback", "11"),
            ("Orders with an A-to-z claim", ENTER),
            ("Orders with a service chargeback", ENTER),
            FINISH,
        ],
    )
    assert "its defects by kind no longer fit: they add up to 23, fewer than the 25" in (
        prompter.told
    )
    metric = load(case)["metrics"][0]
    assert (metric["count"], metric["total"]) == (25, 1560)
    assert metric["breakdown"] == {"negative_feedback": 11, "a_to_z_claims": 14}
    load_case(case, catalog=CATALOG, today=TODAY)


def test_moving_an_action_to_another_cause_asks_what_answers_the_first(tmp_path: Path) -> None:
    case = sample(tmp_path)  # CA1 alone answers RC1
    _, prompter = review(
        case,
        [
            ("Anything to change", Pick("corrective_actions", 0)),
            ("What to change in CA1", "root_causes"),
            ("Which root causes does it answer", ["RC2"]),
            ("No corrective action answers RC1 now", ["A new corrective action"]),
            ("What was done", "Set up a shared rota so the inbox is covered on every day off."),
            ("When was it finished", "2026-09-10"),
            FINISH,
        ],
    )
    (checklist,) = [a for a in prompter.asked if a.message.startswith("Which root causes")]
    assert [(o.value, o.checked) for o in checklist.options] == [("RC1", True), ("RC2", False)]
    data = load(case)
    assert data["corrective_actions"][0]["root_causes"] == ["RC2"]
    assert data["corrective_actions"][-1]["id"] == "CA4"
    assert data["corrective_actions"][-1]["root_causes"] == ["RC1"]
    assert data["corrective_actions"][-1]["completed_on"] == date(2026, 9, 10)
    load_case(case, catalog=CATALOG, today=TODAY)


def test_a_document_that_becomes_an_invoice_has_its_date_checked_again(tmp_path: Path) -> None:
    case = sample(tmp_path)
    data = load(case)
    data["evidence"][1]["issued_on"] = date(2025, 8, 1)  # over a year before the notice
    case.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    _, prompter = review(
        case,
        [
            ("Anything to change", Pick("evidence", 1)),
            ("What to change in E2", "kind"),
            ("What kind of document", "invoice"),
            ("Date printed on it", "2026-09-01"),
            FINISH,
        ],
    )
    assert "E2: its date 2025-08-01 is more than 365 days before the notice" in prompter.told
    assert load(case)["evidence"][1]["issued_on"] == date(2026, 9, 1)


def test_a_later_problem_start_asks_again_the_actions_finished_before_it(tmp_path: Path) -> None:
    case = sample(tmp_path)
    data = load(case)
    data["corrective_actions"][0]["completed_on"] = date(2026, 8, 1)  # others: 18, 19 September
    data["preventive_measures"][0]["started_on"] = date(2026, 8, 1)
    case.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    _, prompter = review(
        case,
        [
            ("Anything to change", "Problem began"),
            ("When did the problem begin", "2026-08-10"),
            ("When was it finished", "2026-08-10"),  # CA1 alone
            ("Start date", "2026-08-10"),  # and then PM1, which began before it
            FINISH,
        ],
    )
    assert "CA1: its date 2026-08-01 is before the problem began (2026-08-10)" in prompter.told
    assert prompter.told.count(AGAIN) == 2
    data = load(case)
    assert [a["completed_on"] for a in data["corrective_actions"]] == [
        date(2026, 8, 10),
        date(2026, 9, 18),
        date(2026, 9, 19),
    ]
    assert data["preventive_measures"][0]["started_on"] == date(2026, 8, 10)
    load_case(case, catalog=CATALOG, today=TODAY)


def test_a_causes_issue_can_be_changed_but_an_issue_keeps_a_cause(tmp_path: Path) -> None:
    case = sample(tmp_path, "odr-late-shipment-us.yaml")  # RC3 alone explains the late shipments
    finished, prompter = review(
        case,
        [
            ("Anything to change", Pick("root_causes", 2)),
            ("What to change in RC3", "issue_type"),
            ("Which of the notice's issues", "order-defect-rate"),
            ("Anything to change", Pick("root_causes", 1)),
            ("What to change in RC2", "issue_type"),
            ("Which of the notice's issues", "late-shipment-rate"),
            FINISH,
        ],
    )
    assert finished
    assert "the only cause explaining late-shipment-rate" in prompter.told
    causes = load(case)["root_causes"]
    assert [c.get("issue_type") for c in causes] == [
        None,
        "late-shipment-rate",
        "late-shipment-rate",
    ]
    load_case(case, catalog=CATALOG, today=TODAY)


def test_an_answer_too_long_for_its_review_line_is_cut_between_words_when_little_is_lost() -> None:
    assert cut("PM3 (for RC3): The carrier cut-off moved", 32) == "PM3 (for RC3): The carrier..."
    # A break between words that would lose more than a short word cuts within one instead.
    assert cut("Legal name: Bluestem Outfitters LLC", 32) == "Legal name: Bluestem Outfitte..."
    assert cut("Store name: Bluestem", 32) == "Store name: Bluestem"


def test_a_number_written_bare_reads_at_the_review_as_it_was_written(tmp_path: Path) -> None:
    # YAML reads `reference: 0123` as the octal 83; the seller wrote 0123, and sees 0123.
    case = sample(tmp_path)
    text = case.read_text(encoding="utf-8").replace("reference: ODR-US-5582914", "reference: 0123")
    case.write_text(text, encoding="utf-8")
    finished, prompter = review(case, [FINISH])
    assert finished
    menu = next(asked for asked in prompter.asked if asked.message == "Anything to change?")
    assert "Reference: 0123" in [option.title for option in menu.options]
    assert "reference: 0123\n" in case.read_text(encoding="utf-8")  # written back as it was
