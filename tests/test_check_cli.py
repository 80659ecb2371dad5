"""`poa check`: validation first, then the reviewer's checks; findings located, grouped by
case, as JSON for tools; exit statuses; rules switched off per case and per folder."""

from __future__ import annotations

import io
import json
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
import yaml

from poa.cli import main

from .conftest import SAMPLE_FILES, SAMPLES, TODAY, run, sample_data

PLAN = "We will add a second carrier next month."
UNCITED = "E9"


def check(*args: str) -> tuple[int, str, str]:
    return run("check", "--today", TODAY.isoformat(), *args)


def write(path: Path, data: dict[str, Any]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return path


def good() -> dict[str, Any]:
    """A sample case; it switches off the deadline rules, since its dates are fixed."""
    return sample_data()


def with_plan() -> dict[str, Any]:
    """A case whose first corrective action is a plan: an error."""
    data = good()
    data["corrective_actions"][0]["action"] = PLAN
    return data


def with_uncited_exhibit() -> dict[str, Any]:
    """A case with an exhibit nothing cites: a warning."""
    data = good()
    data["evidence"].append(
        {"id": UNCITED, "kind": "other", "file": "extra.pdf", "proves": "Spare copies."}
    )
    return data


def with_hard_prose() -> dict[str, Any]:
    """A case whose plan reads above the readability limit: a warning on the whole case."""
    data = good()
    hard = (
        "Comprehensive organisational restructuring necessitated extraordinarily "
        "sophisticated administrative reconfiguration of interdepartmental verification."
    )
    data["root_causes"][0]["detail"] = " ".join([hard] * 6)
    return data


def position(path: Path, text: str) -> tuple[int, int]:
    """The line and column of `text` in the file, as an editor numbers them."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if text in line:
            return number, line.index(text) + 1
    raise AssertionError(f"{text!r} not in {path}")


def test_samples_pass_without_errors() -> None:
    code, out, _ = check(str(SAMPLES))
    assert code == 0, out
    assert "0 errors" in out.splitlines()[-2]
    assert out.rstrip().endswith(f"0 of {len(SAMPLE_FILES)} cases held back by checks")


def test_a_finding_is_one_line_with_file_line_column_field_rule_and_advice(
    tmp_path: Path,
) -> None:
    path = write(tmp_path / "acme.yaml", with_plan())
    line, column = position(path, PLAN)
    code, out, _ = check(str(path))
    assert code == 1
    expected = (
        f'{path}:{line}:{column}: corrective_actions[0].action: [future-tense] "{PLAN}" '
        "is a plan, not an action taken: write what was done"
    )
    assert any(row.startswith(expected) for row in out.splitlines()), out
    assert 'e.g. "' in out
    assert out.splitlines()[0] == f"{path}: 1 error, 0 warnings, 0 advice"
    assert out.rstrip().endswith("1 of 1 case held back by checks")


def test_a_folder_with_one_bad_case_groups_findings_under_each_case(tmp_path: Path) -> None:
    write(tmp_path / "a-good.yaml", good())
    bad = write(tmp_path / "b-bad.yaml", with_plan())
    write(tmp_path / "c-good.yaml", good())
    code, out, _ = check(str(tmp_path))
    assert code == 1
    blocks = out.strip().split("\n\n")
    assert [b.splitlines()[0].split(":")[0] for b in blocks[:3]] == [
        str(tmp_path / "a-good.yaml"),
        str(bad),
        str(tmp_path / "c-good.yaml"),
    ]
    assert "[future-tense]" in blocks[1]
    assert "[future-tense]" not in blocks[0] + blocks[2]
    assert blocks[3].splitlines() == [
        "3 cases: 1 error, 0 warnings, 0 advice",
        "1 of 3 cases held back by checks",
    ]


def test_warnings_pass_unless_strict(tmp_path: Path) -> None:
    path = write(tmp_path / "case.yaml", with_uncited_exhibit())
    code, out, _ = check(str(path))
    assert code == 0
    assert f'[exhibit-not-cited] "{UNCITED}"' in out
    assert "0 errors, 1 warning" in out
    code, out, _ = check("--strict", str(path))
    assert code == 1
    assert "1 of 1 case held back by checks" in out


def test_json_has_a_record_for_a_path_that_holds_no_case(tmp_path: Path) -> None:
    good_case = write(tmp_path / "acme.yaml", good())
    code, out, err = check("--json", str(tmp_path / "nope.yaml"), str(good_case))
    assert code == 1
    [missing] = [r for r in json.loads(out) if r["case"] == str(tmp_path / "nope.yaml")]
    assert missing["rule"] == "invalid" and missing["severity"] == "error"
    assert missing["message"] == "no such file or folder: check the path"
    keys = next(r for r in json.loads(out) if r["case"] == str(good_case)).keys()
    assert list(missing) == list(keys)  # the same fields, in the same order
    assert "no such file or folder" in err


def test_json_has_one_record_per_finding_with_its_place(tmp_path: Path) -> None:
    path = write(tmp_path / "acme.yaml", with_plan())
    line, column = position(path, PLAN)
    code, out, _ = check("--json", str(path))
    assert code == 1
    records = json.loads(out)
    record = next(r for r in records if r["rule"] == "future-tense")
    assert set(record) == {
        "case",
        "file",
        "line",
        "column",
        "field",
        "rule",
        "severity",
        "message",
        "suggestion",
        "excerpt",
    }
    assert (record["case"], record["file"], record["line"], record["column"]) == (
        str(path),
        str(path),
        line,
        column,
    )
    assert (record["field"], record["severity"], record["excerpt"]) == (
        "corrective_actions[0].action",
        "error",
        PLAN,
    )


def test_a_case_switches_a_rule_off_with_its_reason(tmp_path: Path) -> None:
    data = with_plan()
    data["checks"]["disable"]["future-tense"] = "the notice asked for our plans too"
    path = write(tmp_path / "case.yaml", data)
    code, out, _ = check(str(path))
    assert code == 0
    assert "[future-tense]" not in out.replace("switched off: [future-tense]", "")
    assert "  switched off: [future-tense] the notice asked for our plans too" in out
    _, out, _ = check("--json", str(path))
    off = [r for r in json.loads(out) if r["rule"] == "future-tense"]
    line, column = position(path, "future-tense")
    assert off == [
        {
            "case": str(path),
            "file": str(path),
            "line": line,
            "column": column,
            "field": "",
            "rule": "future-tense",
            "severity": "off",
            "message": "switched off",
            "suggestion": "the notice asked for our plans too",
            "excerpt": "",
        }
    ]


def test_switching_off_an_unknown_rule_is_a_located_error(tmp_path: Path) -> None:
    data = good()
    data["checks"]["disable"]["future-tence"] = "typo"
    path = write(tmp_path / "case.yaml", data)
    line, column = position(path, "future-tence")
    code, out, _ = check(str(path))
    assert code == 1
    assert (
        f"{path}:{line}:{column}: checks.disable.future-tence: [invalid] cannot switch off "
        "'future-tence': no such rule; did you mean 'future-tense'?"
    ) in out


def test_a_switch_off_needs_a_reason(tmp_path: Path) -> None:
    data = good()
    data["checks"]["disable"]["future-tense"] = "  "
    path = write(tmp_path / "case.yaml", data)
    code, out, _ = check(str(path))
    assert code == 1
    assert "checks.disable.future-tense: [invalid]" in out


def test_a_folder_config_switches_rules_off_for_cases_below_it(tmp_path: Path) -> None:
    (tmp_path / ".poa-checks.yaml").write_text(
        "disable:\n  future-tense: this client's notices ask for plans\n", encoding="utf-8"
    )
    path = write(tmp_path / "clients" / "acme.yaml", with_plan())
    code, out, _ = check(str(tmp_path))
    assert code == 0, out
    assert "  switched off: [future-tense] this client's notices ask for plans" in out
    # The settings are looked for up to the folder named, not above it.
    code, out, _ = check(str(path.parent))
    assert code == 1
    assert "switched off: [future-tense]" not in out


def test_a_folder_config_may_end_in_yml_as_case_files_may(tmp_path: Path) -> None:
    (tmp_path / ".poa-checks.yml").write_text(
        "disable:\n  future-tense: this client's notices ask for plans\n", encoding="utf-8"
    )
    write(tmp_path / "acme.yml", with_plan())
    code, out, _ = check(str(tmp_path))
    assert code == 0, out
    assert "  switched off: [future-tense] this client's notices ask for plans" in out


def test_a_nearer_folder_config_adds_to_the_outer_one(tmp_path: Path) -> None:
    (tmp_path / ".poa-checks.yaml").write_text(
        "disable:\n  future-tense: outer reason\n", encoding="utf-8"
    )
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / ".poa-checks.yaml").write_text(
        "disable:\n  exhibit-not-cited: kept for the file\n  future-tense: inner reason\n",
        encoding="utf-8",
    )
    data = with_plan()
    data["evidence"] = with_uncited_exhibit()["evidence"]
    write(tmp_path / "sub" / "case.yaml", data)
    code, out, _ = check("--strict", str(tmp_path))
    assert code == 0, out
    assert "switched off: [future-tense] inner reason" in out
    assert "switched off: [exhibit-not-cited] kept for the file" in out
    # For tools, each switch points at the file and line that holds it: the nearer file's.
    _, out, _ = check("--json", str(tmp_path))
    off = {r["rule"]: (r["file"], r["line"], r["column"]) for r in json.loads(out)}
    inner = tmp_path / "sub" / ".poa-checks.yaml"
    assert off["future-tense"] == (str(inner), *position(inner, "future-tense"))
    assert off["exhibit-not-cited"] == (str(inner), *position(inner, "exhibit-not-cited"))


def test_a_broken_folder_config_is_an_error_for_its_cases(tmp_path: Path) -> None:
    (tmp_path / ".poa-checks.yaml").write_text("disable:\n  no-such-rule: why\n", "utf-8")
    write(tmp_path / "case.yaml", good())
    code, out, _ = check(str(tmp_path))
    assert code == 1
    assert f"{tmp_path / '.poa-checks.yaml'}:2:3: disable.no-such-rule: [invalid]" in out


def test_an_invalid_case_reports_validation_problems_and_is_not_checked(tmp_path: Path) -> None:
    data = with_plan()
    del data["seller"]
    path = write(tmp_path / "case.yaml", data)
    code, out, _ = check(str(path))
    _, validated, _ = run("validate", "--today", TODAY.isoformat(), str(path))
    assert code == 1
    assert "seller: [invalid] is required but missing" in out
    assert "[future-tense]" not in out
    assert "is required but missing" in validated


def test_validate_warnings_are_reported_as_warnings(tmp_path: Path) -> None:
    data = good()
    data["prepared_on"] = TODAY - timedelta(days=1)
    data["preventive_measures"][0]["started_on"] = TODAY
    path = write(tmp_path / "case.yaml", data)
    code, out, _ = check(str(path))
    assert code == 0, out
    assert "preventive_measures[0].started_on: [validate]" in out
    assert "is after the document's date" in out
    _, out, _ = check("--json", str(path))
    record = next(r for r in json.loads(out) if r["rule"] == "validate")
    assert record["severity"] == "warning"


def test_usage_errors_exit_2() -> None:
    assert check()[0] == 2
    assert check("--no-such-option", str(SAMPLES))[0] == 2


def test_a_missing_path_fails(tmp_path: Path) -> None:
    code, out, _ = check(str(tmp_path / "nope.yaml"))
    assert code == 1
    assert "nope.yaml" in out


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def colour_run(path: Path) -> str:
    out = Terminal()
    main(["check", "--today", TODAY.isoformat(), str(path)], stdout=out, stderr=io.StringIO())
    return out.getvalue()


def test_colour_in_a_terminal_only_and_never_with_no_color(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write(tmp_path / "case.yaml", with_plan())
    monkeypatch.delenv("NO_COLOR", raising=False)
    coloured = colour_run(path)
    assert "\033[31m" in coloured and "[future-tense]" in coloured
    assert "\033[" not in check(str(path))[1]
    monkeypatch.setenv("NO_COLOR", "1")
    assert "\033[" not in colour_run(path)


@pytest.mark.parametrize("command", ["check", "validate"])
def test_a_batch_sets_start_up_objects_aside_and_hands_them_back(
    command: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # While the cases are read, the objects made before them (modules, catalog, rules) are
    # kept out of the collector's passes; when the command ends nothing stays set aside, so
    # a program that calls `main` again and again keeps collecting its garbage.
    import gc

    import poa.case.files

    frozen: list[int] = []
    youngest: list[int] = []  # allocations between collections of the youngest objects
    validate = poa.case.files.check_text
    before = gc.get_threshold()

    def counting(*args: Any, **kwargs: Any) -> Any:
        frozen.append(gc.get_freeze_count())
        youngest.append(gc.get_threshold()[0])
        return validate(*args, **kwargs)

    monkeypatch.setattr(poa.case.files, "check_text", counting)
    monkeypatch.setattr("poa.checks.review.check_text", counting)
    code, _, _ = run(command, "--today", TODAY.isoformat(), str(SAMPLES))
    assert code == 0
    assert len(frozen) == len(SAMPLE_FILES)
    assert min(frozen) > 1000
    assert gc.get_freeze_count() == 0
    # Fewer collections while the cases are read, and the collector's settings back after.
    assert min(youngest) >= 5000 > before[0]
    assert gc.get_threshold() == before


def test_cases_are_checked_a_batch_at_a_time_with_the_findings_of_one_at_a_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A folder's cases are validated and checked as a whole a batch at a time, and then the
    # wording rules read the batch's fields (they run faster one case after another); what
    # each case gets, and the order of the cases, are those of checking one file at a time.
    import poa
    import poa.checks.review as review

    monkeypatch.setattr(review, "BATCH", 2)
    broken = tmp_path / "c.yaml"
    broken.write_text("kind: [unclosed\n", encoding="utf-8")
    paths = [
        write(tmp_path / "a.yaml", with_plan()),
        write(tmp_path / "b.yaml", good()),
        broken,
        write(tmp_path / "d.yaml", with_uncited_exhibit()),
        tmp_path / "gone.yaml",
        write(tmp_path / "f.yaml", with_hard_prose()),
    ]
    steps: list[str] = []
    validate, wording = review.check_text, review.finish

    def validating(*args: Any, **kwargs: Any) -> Any:
        steps.append("validate")
        return validate(*args, **kwargs)

    def reading(*args: Any, **kwargs: Any) -> Any:
        steps.append("wording")
        return wording(*args, **kwargs)

    monkeypatch.setattr(review, "check_text", validating)
    monkeypatch.setattr(review, "finish", reading)
    batched = list(poa.Reviewer(today=TODAY).files(paths, tmp_path))
    # Two cases validated, then both read; a broken file is validated but goes no further.
    validated, read = ["validate", "validate"], ["wording", "wording"]
    assert steps == [*validated, *read, *validated, "wording", "validate", "wording"]
    one_by_one = [poa.Reviewer(today=TODAY).file(path, tmp_path) for path in paths]
    assert [r.report for r in batched] == [r.report for r in one_by_one]
    assert [r.report.name for r in batched] == [str(path) for path in paths]
    rules = [{f.rule for f in r.report.findings} for r in batched]
    assert "future-tense" in rules[0] and "exhibit-not-cited" in rules[3]
    assert rules[2] == rules[4] == {"invalid"}
    assert "readability" in rules[5]
    # The wording rules' findings point at their field's line and column, as one at a time.
    plan = next(f for f in batched[0].report.findings if f.rule == "future-tense")
    assert (plan.line, plan.column) == position(paths[0], PLAN)
    # A batch keeps no parsed case; one file at a time, the review has it.
    assert all(r.case is None for r in batched) and one_by_one[0].case is not None
