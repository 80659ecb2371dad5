"""`poa render` runs the reviewer's checks first: warnings printed, cases with errors held
back and counted, --no-check and --strict, findings in the JSON records and after a skip."""

from __future__ import annotations

import json
from pathlib import Path

from .conftest import TODAY, run
from .test_check_cli import PLAN, UNCITED, good, with_plan, with_uncited_exhibit, write


def render(out: Path, *args: str) -> tuple[int, str, str]:
    return run("render", "--today", TODAY.isoformat(), "-o", str(out), "-f", "md", "-j", "1", *args)


def test_a_case_with_errors_is_held_back_and_counted(tmp_path: Path) -> None:
    cases = tmp_path / "cases"
    write(cases / "a.yaml", good())
    bad = write(cases / "b.yaml", with_plan())
    data = with_plan()
    data["seller"]["store_name"] = "Other Store"
    write(cases / "c.yaml", data)
    code, out, _ = render(tmp_path / "out", str(cases))
    assert code == 1
    assert out.rstrip().splitlines()[-1] == "1 of 3 cases rendered, 2 held back by checks"
    assert f"{bad}:" in out and f'[future-tense] "{PLAN}"' in out
    assert f"{bad}: held back by checks" in out
    assert len(list((tmp_path / "out").glob("*.md"))) == 1


def test_no_check_renders_a_case_with_errors(tmp_path: Path) -> None:
    path = write(tmp_path / "case.yaml", with_plan())
    code, out, _ = render(tmp_path / "out", str(path), "--no-check")
    assert code == 0
    assert "[future-tense]" not in out
    md = next((tmp_path / "out").glob("*.md")).read_text(encoding="utf-8")
    assert "second carrier" in md


def test_warnings_are_printed_and_held_back_only_when_strict(tmp_path: Path) -> None:
    path = write(tmp_path / "case.yaml", with_uncited_exhibit())
    code, out, _ = render(tmp_path / "out", str(path), "--strict")
    assert code == 1
    assert out.rstrip().endswith("0 of 1 case rendered, 1 held back by checks")
    code, out, _ = render(tmp_path / "out", str(path))
    assert code == 0
    assert f'[exhibit-not-cited] "{UNCITED}"' in out
    assert out.rstrip().endswith("1 of 1 case rendered")


def test_an_unchanged_case_still_shows_its_findings(tmp_path: Path) -> None:
    path = write(tmp_path / "case.yaml", with_uncited_exhibit())
    render(tmp_path / "out", str(path))
    code, out, _ = render(tmp_path / "out", str(path))
    assert code == 0
    assert "1 skipped (unchanged)" in out
    assert f'[exhibit-not-cited] "{UNCITED}"' in out
    # Checks are not part of what is skipped: a stricter run holds the unchanged case back.
    code, out, _ = render(tmp_path / "out", str(path), "--strict")
    assert code == 1
    assert "1 held back by checks" in out


def test_json_records_carry_the_findings(tmp_path: Path) -> None:
    write(tmp_path / "cases" / "a.yaml", with_uncited_exhibit())
    write(tmp_path / "cases" / "b.yaml", with_plan())
    code, out, _ = render(tmp_path / "out", str(tmp_path / "cases"), "--json")
    assert code == 1
    records = {Path(r["case"]).name: r for r in map(json.loads, out.splitlines())}
    assert records["a.yaml"]["status"] == "rendered"
    assert [f["rule"] for f in records["a.yaml"]["findings"]] == ["exhibit-not-cited"]
    assert records["b.yaml"]["status"] == "held"
    finding = next(f for f in records["b.yaml"]["findings"] if f["rule"] == "future-tense")
    assert (finding["severity"], finding["field"]) == ("error", "corrective_actions[0].action")


def test_a_folder_config_applies_to_render_too(tmp_path: Path) -> None:
    cases = tmp_path / "cases"
    (cases / "acme").mkdir(parents=True)
    (cases / ".poa-checks.yaml").write_text(
        "disable:\n  future-tense: the notice asked for plans\n", encoding="utf-8"
    )
    write(cases / "acme" / "case.yaml", with_plan())
    code, out, _ = render(tmp_path / "out", str(cases))
    assert code == 0, out
    assert out.rstrip().endswith("1 of 1 case rendered")
