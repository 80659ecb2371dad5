"""Where a case's documents go and when poa may replace a file: names, sub-folders, and the
overwrite rule with its record in the manifest."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import poa
from poa import Case, OutputError, case_from_data, jobs_for, output_stem
from poa.outputs.atomic import PART_SUFFIX
from poa.outputs.files import WriteOutcome, output_names, write_output
from poa.outputs.manifest import MANIFEST, Manifest, digest

from .conftest import SAMPLES, TODAY, sample_data

SAFE_STEM = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
MAX_STEM = 120


def case_named(store_name: str, sample: str = "odr-negative-feedback-us.yaml") -> Case:
    data = sample_data(sample)
    data["seller"]["store_name"] = store_name
    return case_from_data(data, today=TODAY)


def as_plan_of_action(case: Case) -> Case:
    return case.model_copy(update={"kind": poa.Kind.PLAN_OF_ACTION})


# The file name


def test_the_stem_names_store_issue_date_and_kind() -> None:
    assert output_stem(case_named("Harbor & Pine")) == (
        "harbor-pine-order-defect-rate-2026-09-14-poa"
    )


@pytest.mark.parametrize(
    ("store", "start"),
    [
        ("Ça & Co", "ca-co-"),
        ("Müller Straße GmbH", "muller-strae-gmbh-"),
        ("../../etc/passwd", "etc-passwd-"),
        ("C:\\Users\\shop", "c-users-shop-"),
        ("CON", "con-"),
        ("Tab\tand\nnewline", "tab-and-newline-"),
    ],
)
def test_the_stem_is_ascii_lower_case_and_safe(store: str, start: str) -> None:
    stem = output_stem(case_named(store))
    assert SAFE_STEM.fullmatch(stem)
    assert stem == start + "order-defect-rate-2026-09-14-poa"


@pytest.mark.parametrize("store", ["東京ストア", "★★★", "—"])
def test_a_store_name_with_nothing_ascii_still_gives_a_name(store: str) -> None:
    assert output_stem(case_named(store)) == "order-defect-rate-2026-09-14-poa"


def test_improvement_plan_and_plan_of_action_get_different_names() -> None:
    pip = case_named("Thornbury Outdoor", "late-shipment-pip-uk.yaml")
    assert output_stem(pip) == "thornbury-outdoor-late-shipment-rate-2026-10-05-pip"
    assert output_stem(as_plan_of_action(pip)) == (
        "thornbury-outdoor-late-shipment-rate-2026-10-05-poa"
    )


def test_a_long_store_name_is_shortened_and_the_rest_kept() -> None:
    pip = case_named("Thornbury Outdoor and Mountain Equipment " * 7, "late-shipment-pip-uk.yaml")
    stems = {output_stem(pip), output_stem(as_plan_of_action(pip))}
    assert len(stems) == 2
    for stem in stems:
        assert len(stem) <= MAX_STEM
        assert SAFE_STEM.fullmatch(stem)
        assert stem.startswith("thornbury-outdoor-and-mountain-equipment-")
        assert re.search(r"-late-shipment-rate-2026-10-05-(pip|poa)$", stem)


def test_notices_of_one_store_on_different_days_get_different_names() -> None:
    first = case_named("Harbor & Pine Home Goods Limited Liability Company " * 5)
    second = first.model_copy(
        update={"notification": first.notification.model_copy(update={"received_on": TODAY})}
    )
    assert output_stem(first) != output_stem(second)


def test_even_a_very_long_issue_type_leaves_room_for_date_and_kind() -> None:
    case = case_named("Harbor & Pine")
    case = case.model_copy(
        update={"notification": case.notification.model_copy(update={"issue_type": "x" * 200})}
    )
    stem = output_stem(case)
    assert len(stem) == MAX_STEM
    assert stem.endswith("xxx-2026-09-14-poa")


BASE = case_from_data(sample_data(), today=TODAY)


@settings(max_examples=300, deadline=None)
@given(store=st.text(min_size=1, max_size=300), pip=st.booleans())
def test_any_store_name_gives_a_safe_bounded_distinct_stem(store: str, pip: bool) -> None:
    kind = poa.Kind.PERFORMANCE_IMPROVEMENT_PLAN if pip else poa.Kind.PLAN_OF_ACTION
    case = BASE.model_copy(
        update={"kind": kind, "seller": BASE.seller.model_copy(update={"store_name": store})}
    )
    stem = output_stem(case)
    assert SAFE_STEM.fullmatch(stem)
    assert len(stem) <= MAX_STEM
    assert f"-{stem}".endswith("-order-defect-rate-2026-09-14-" + ("pip" if pip else "poa"))


# Where each output goes


def test_output_names_one_per_format() -> None:
    assert output_names("", "stem", ["docx", "pdf", "txt", "md"]) == [
        "stem.docx",
        "stem.pdf",
        "stem.txt",
        "stem.md",
    ]


def test_output_names_in_a_sub_folder() -> None:
    assert output_names("clients/acme", "stem", ["pdf"]) == ["clients/acme/stem.pdf"]


def test_outputs_mirror_the_folders_the_cases_are_in(tmp_path: Path) -> None:
    cases = tmp_path / "cases"
    (cases / "clients" / "acme").mkdir(parents=True)
    shutil.copy(SAMPLES / "drop-shipping-us.yaml", cases / "clients" / "acme" / "a.yaml")
    shutil.copy(SAMPLES / "detail-page-uk.yaml", cases / "b.yml")
    single = tmp_path / "single.yaml"
    shutil.copy(SAMPLES / "detail-page-uk.yaml", single)
    jobs, errors = jobs_for([cases, single])
    assert errors == []
    folders = {job.path.relative_to(tmp_path).as_posix(): job.folder for job in jobs}
    assert folders == {
        "cases/b.yml": "",
        "cases/clients/acme/a.yaml": "clients/acme",
        "single.yaml": "",
    }
    names = [output_names(job.folder, "stem", ["md"])[0] for job in jobs]
    assert names == ["stem.md", "clients/acme/stem.md", "stem.md"]


# The overwrite rule


def test_a_new_file_is_written_and_recorded(tmp_path: Path) -> None:
    outcome = write_output(tmp_path, "sub/a.md", b"first", [])
    assert outcome is WriteOutcome.WROTE
    assert (tmp_path / "sub" / "a.md").read_bytes() == b"first"
    manifest = Manifest.load(tmp_path)
    assert manifest.files == {"sub/a.md": [digest(b"first")]}
    assert manifest.sizes == {"sub/a.md": 5}
    assert list(tmp_path.rglob(f"*{PART_SUFFIX}")) == []


def test_identical_bytes_are_left_alone(tmp_path: Path) -> None:
    write_output(tmp_path, "a.md", b"same", [])
    path = tmp_path / "a.md"
    before = path.stat()
    journal = (tmp_path / MANIFEST).read_bytes()
    assert write_output(tmp_path, "a.md", b"same", [digest(b"same")]) is WriteOutcome.UNCHANGED
    assert path.stat().st_ino == before.st_ino  # not replaced by a new file
    assert path.stat().st_mtime_ns == before.st_mtime_ns
    assert (tmp_path / MANIFEST).read_bytes() == journal  # nothing new to record


def test_identical_bytes_poa_had_no_record_of_are_adopted(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_bytes(b"same")
    assert write_output(tmp_path, "a.md", b"same", []) is WriteOutcome.UNCHANGED
    assert Manifest.load(tmp_path).files == {"a.md": [digest(b"same")]}
    # ...so a later version may replace it.
    known = Manifest.load(tmp_path).files["a.md"]
    assert write_output(tmp_path, "a.md", b"newer", known) is WriteOutcome.WROTE


def test_a_file_poa_wrote_is_replaced(tmp_path: Path) -> None:
    write_output(tmp_path, "a.md", b"first", [])
    known = Manifest.load(tmp_path).files["a.md"]
    assert write_output(tmp_path, "a.md", b"second", known) is WriteOutcome.WROTE
    assert (tmp_path / "a.md").read_bytes() == b"second"
    assert Manifest.load(tmp_path).files["a.md"] == [digest(b"first"), digest(b"second")]
    assert Manifest.load(tmp_path).sizes["a.md"] == 6


def test_an_earlier_version_poa_wrote_is_replaced(tmp_path: Path) -> None:
    for content in (b"v1", b"v2", b"v3"):
        known = Manifest.load(tmp_path).files.get("a.md", [])
        write_output(tmp_path, "a.md", content, known)
    (tmp_path / "a.md").write_bytes(b"v1")  # restored from a backup
    known = Manifest.load(tmp_path).files["a.md"]
    assert write_output(tmp_path, "a.md", b"v4", known) is WriteOutcome.WROTE


def test_a_file_poa_did_not_write_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_bytes(b"the seller's own notes")
    with pytest.raises(OutputError) as info:
        write_output(tmp_path, "a.md", b"rendered", [digest(b"something else")])
    assert info.value.message == (
        f"{path} exists and was not written by poa (or was edited since): move it away, "
        "choose another -o folder, or add --force to replace it"
    )
    assert info.value.exit_code == 1
    assert path.read_bytes() == b"the seller's own notes"
    assert not (tmp_path / MANIFEST).exists()  # nothing recorded for a write that did not happen


def test_a_file_edited_since_poa_wrote_it_is_refused(tmp_path: Path) -> None:
    write_output(tmp_path, "a.md", b"rendered", [])
    (tmp_path / "a.md").write_bytes(b"rendered, then edited by hand")
    known = Manifest.load(tmp_path).files["a.md"]
    with pytest.raises(OutputError, match="was not written by poa"):
        write_output(tmp_path, "a.md", b"rendered again", known)
    assert (tmp_path / "a.md").read_bytes() == b"rendered, then edited by hand"


def test_force_replaces_a_file_poa_did_not_write(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_bytes(b"the seller's own notes")
    outcome = write_output(tmp_path, "a.md", b"rendered", [], force=True)
    assert outcome is WriteOutcome.WROTE
    assert (tmp_path / "a.md").read_bytes() == b"rendered"
    assert Manifest.load(tmp_path).files == {"a.md": [digest(b"rendered")]}


def test_every_write_is_recorded_in_the_manifest(tmp_path: Path) -> None:
    write_output(tmp_path, "a.md", b"one", [])
    write_output(tmp_path, "b/c.pdf", b"two", [])
    write_output(tmp_path, "a.md", b"three", [digest(b"one")])
    write_output(tmp_path, "a.md", b"three", [digest(b"one"), digest(b"three")])
    manifest = Manifest.load(tmp_path)
    assert manifest.files == {
        "a.md": [digest(b"one"), digest(b"three")],
        "b/c.pdf": [digest(b"two")],
    }
    assert manifest.outputs_intact(["a.md", "b/c.pdf"])


def test_a_folder_where_the_file_should_be_is_an_output_error(tmp_path: Path) -> None:
    (tmp_path / "a.md").mkdir()
    with pytest.raises(OutputError) as info:
        write_output(tmp_path, "a.md", b"rendered", [], force=True)
    assert info.value.message.startswith(f"{tmp_path / 'a.md'} exists and is not a file")


def test_an_output_folder_that_is_a_file_is_an_output_error(tmp_path: Path) -> None:
    root = tmp_path / "out"
    root.write_bytes(b"not a folder")
    with pytest.raises(OutputError) as info:
        write_output(root, "a.md", b"rendered", [])
    # names the file standing where the folder goes, and what to do
    assert info.value.message == f"{root}: is a file, not a folder: choose another -o folder"
    assert root.read_bytes() == b"not a folder"
