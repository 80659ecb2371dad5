"""Within a batch: formats fail on their own, skipping never bypasses validation, and no case
is lost because another one failed."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import poa

from .conftest import SAMPLES, TODAY, run
from .test_reliability_inputs import CASE_FILES

GOOD = SAMPLES / "drop-shipping-us.yaml"
STEM = "ridgeback-pet-supply-drop-shipping-2026-11-06-poa"


def render(*args: str) -> tuple[int, str, str]:
    return run("render", *args)


def block_docx(out: Path) -> Path:
    """A folder where the Word file should go (a user's mistake): only that format fails."""
    blocker = out / f"{STEM}.docx"
    blocker.mkdir(parents=True)
    return blocker


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_failing_format_does_not_stop_the_others_and_is_named(tmp_path: Path, jobs: str) -> None:
    out = tmp_path / "out"
    blocker = block_docx(out)
    code, text, _ = render(
        "--today", TODAY.isoformat(), str(GOOD), "-o", str(out), "-f", "docx,pdf,md",
        "-j", jobs,
    )  # fmt: skip
    assert code == 1
    assert f"{GOOD}: docx: " in text
    assert f"wrote {out / STEM}.pdf" in text and f"wrote {out / STEM}.md" in text
    assert (out / f"{STEM}.pdf").read_bytes().startswith(b"%PDF")
    assert (out / f"{STEM}.md").read_text(encoding="utf-8").startswith("# Plan of Action")
    assert (out / f"{STEM}.docx").is_dir()  # what was in the way is left as it was
    assert text.strip().endswith("0 of 1 case rendered, 1 failed")
    # The case is not recorded as done: once the way is clear, it renders again.
    blocker.rmdir()
    code, text, _ = render(
        "--today", TODAY.isoformat(), str(GOOD), "-o", str(out), "-f", "docx,pdf,md",
    )  # fmt: skip
    assert code == 0
    assert f"wrote {out / STEM}.docx" in text and f"unchanged {out / STEM}.pdf" in text


def test_a_failing_format_is_named_in_json_too(tmp_path: Path) -> None:
    block_docx(tmp_path / "out")
    code, text, _ = render(
        "--today", TODAY.isoformat(), str(GOOD), "-o", str(tmp_path / "out"), "-f", "docx,md",
        "--json",
    )  # fmt: skip
    assert code == 1
    assert '"status": "failed"' in text and f"{GOOD}: docx: " in text
    assert f'"written": ["{STEM}.md"]' in text


def test_skipping_an_unchanged_case_never_skips_its_validation(tmp_path: Path) -> None:
    out = tmp_path / "out"
    code, _, _ = render("--today", TODAY.isoformat(), str(GOOD), "-o", str(out), "-f", "md")
    assert code == 0
    code, text, _ = render("--today", TODAY.isoformat(), str(GOOD), "-o", str(out), "-f", "md")
    assert text.strip() == "0 of 1 case rendered, 1 skipped (unchanged)"
    # On a day before the notice arrived the same case is invalid: render says so, as validate.
    before = "2026-01-01"
    code, validated, _ = run("validate", "--today", before, str(GOOD))
    assert code == 1
    code, rendered, _ = render("--today", before, str(GOOD), "-o", str(out), "-f", "md")
    assert code == 1
    problems = [line for line in validated.splitlines() if line.startswith(str(GOOD))]
    assert problems and all(line in rendered for line in problems)
    assert "skipped" not in rendered


def test_no_case_is_lost_to_another_cases_failure(tmp_path: Path) -> None:
    """Every corpus file beside good cases, in the pool: every good case is rendered."""
    cases = tmp_path / "cases"
    cases.mkdir()
    for item in CASE_FILES:
        shutil.copy(item.path, cases / f"{item.path.parent.name}-{item.path.name}")
    goods = []
    for i, sample in enumerate(sorted(SAMPLES.glob("*.yaml"))):
        text = sample.read_text(encoding="utf-8").replace("store_name: ", f"store_name: G{i} ", 1)
        (cases / f"zz-good-{i}.yaml").write_text(text, encoding="utf-8")
        goods.append(cases / f"zz-good-{i}.yaml")
    out = tmp_path / "out"
    results = list(
        poa.render_batch(
            poa.jobs_for([cases])[0],
            poa.Options(output=out, formats=(poa.Format.MD, poa.Format.TXT), today=TODAY),
            workers=2,
        )
    )
    by_case = {r.case: r for r in results}
    assert len(results) == len(CASE_FILES) + len(goods)
    for good in goods:
        assert by_case[str(good)].status is poa.Status.RENDERED, by_case[str(good)].problems
    failed = [r for r in results if r.status is poa.Status.FAILED]
    assert all(r.problems and r.problems[0].startswith(r.case) for r in failed)
    invalid = sum(e.outcome == "invalid" for e in CASE_FILES)
    assert invalid <= len(failed) <= invalid + 1  # the 'either' file may be refused


def test_render_batch_raises_only_poa_errors_for_an_output_it_cannot_create(
    tmp_path: Path,
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x\n", encoding="utf-8")
    options = poa.Options(output=blocker / "out", formats=(poa.Format.MD,), today=TODAY)
    with pytest.raises(poa.OutputError, match="cannot create the output folder"):
        list(poa.render_batch([poa.Job(GOOD)], options))
