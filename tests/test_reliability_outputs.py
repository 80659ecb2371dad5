"""The output folder: nothing written outside it, its record never blocks a run, files get the
user's permissions, one run at a time, and a full or read-only disk is reported, not crashed."""

from __future__ import annotations

import errno
import json
import os
import shutil
import stat
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import poa
from poa.outputs import atomic
from poa.outputs.atomic import PART_SUFFIX, remove_stale_parts, write_atomic
from poa.outputs.lock import LOCK_FILE, FolderLock
from poa.outputs.manifest import MANIFEST

from .conftest import ROOT, SAMPLES, TODAY, run
from .test_reliability_inputs import CORPUS, EXPECTED

GOOD = SAMPLES / "drop-shipping-us.yaml"
OTHER = SAMPLES / "detail-page-uk.yaml"
STEM = "ridgeback-pet-supply-drop-shipping-2026-11-06-poa"


def render(*args: str) -> tuple[int, str, str]:
    return run("render", "--today", TODAY.isoformat(), *args)


def everything_under(folder: Path) -> set[Path]:
    return {p for p in folder.rglob("*")} if folder.exists() else set()


# Symbolic links.


def test_a_sub_folder_linked_outside_is_never_written_through(tmp_path: Path) -> None:
    cases, out, outside = tmp_path / "cases", tmp_path / "out", tmp_path / "outside"
    (cases / "clients").mkdir(parents=True)
    shutil.copy(GOOD, cases / "clients" / "a.yaml")
    shutil.copy(OTHER, cases / "b.yaml")
    outside.mkdir()
    out.mkdir()
    (out / "clients").symlink_to(outside)
    code, text, _ = render(str(cases), "-o", str(out), "-f", "md")
    assert code == 1
    assert f"{out / 'clients'} is a symbolic link to {outside}, outside the output folder" in text
    assert list(outside.iterdir()) == []
    assert text.strip().endswith("1 of 2 cases rendered, 1 failed")  # the other case went on


def test_a_manifest_linked_outside_is_never_written_through(tmp_path: Path) -> None:
    out, outside = tmp_path / "out", tmp_path / "elsewhere.jsonl"
    out.mkdir()
    outside.write_text("", encoding="utf-8")
    (out / MANIFEST).symlink_to(outside)
    code, text, err = render(str(GOOD), "-o", str(out), "-f", "md")
    assert code == 1
    assert "is a symbolic link" in text + err
    assert outside.read_text(encoding="utf-8") == ""


def test_an_output_file_linked_outside_is_refused_even_with_force(tmp_path: Path) -> None:
    out, outside = tmp_path / "out", tmp_path / "precious.md"
    out.mkdir()
    outside.write_text("mine\n", encoding="utf-8")
    (out / f"{STEM}.md").symlink_to(outside)
    code, text, _ = render(str(GOOD), "-o", str(out), "-f", "md", "--force")
    assert code == 1
    assert "outside the output folder" in text
    assert outside.read_text(encoding="utf-8") == "mine\n"


def test_the_lock_file_is_not_followed_either(tmp_path: Path) -> None:
    out, outside = tmp_path / "out", tmp_path / "lock-target"
    out.mkdir()
    (out / LOCK_FILE).symlink_to(outside)
    code, _, err = render(str(GOOD), "-o", str(out), "-f", "md")
    assert code == 1
    assert "is a symbolic link" in err
    assert not outside.exists()


@pytest.mark.parametrize("target_exists", [False, True])
def test_poa_new_does_not_write_through_a_link(tmp_path: Path, target_exists: bool) -> None:
    target = tmp_path / "somewhere-else.yaml"
    if target_exists:
        target.write_text("keep\n", encoding="utf-8")
    link = tmp_path / "case.yaml"
    link.symlink_to(target)
    code, _, err = run("new", "order-defect-rate", "-o", str(link), "--force")
    assert code == 1
    assert f"{link} is a symbolic link" in err
    assert link.is_symlink()
    assert target.read_text(encoding="utf-8") == "keep\n" if target_exists else not target.exists()


# The manifest.


MANIFESTS = [e.path for e in EXPECTED if e.outcome == "ignored"]


@pytest.mark.parametrize("manifest", MANIFESTS, ids=[p.name for p in MANIFESTS])
def test_a_damaged_manifest_is_warned_about_once_and_never_blocks(
    tmp_path: Path, manifest: Path
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    shutil.copy(manifest, out / MANIFEST)
    code, text, err = render(str(GOOD), "-o", str(out), "-f", "md")
    assert code == 0, text + err
    assert text.count("could not be read and were ignored") == 1
    assert (out / f"{STEM}.md").read_text(encoding="utf-8").startswith("# Plan of Action")
    code, text, _ = render(str(GOOD), "-o", str(out), "-f", "md")
    assert (code, text.strip()) == (0, "0 of 1 case rendered, 1 skipped (unchanged)")
    for line in (out / MANIFEST).read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        assert not str(record.get("file", "")).startswith(("/", ".."))


def test_corpus_manifests_are_listed() -> None:
    assert len(MANIFESTS) >= 5
    assert all(p.parent == CORPUS / "manifests" for p in MANIFESTS)


def test_a_pipe_or_folder_in_the_manifests_place_is_a_clear_error(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    os.mkfifo(out / MANIFEST)
    code, _, err = render(str(GOOD), "-o", str(out), "-f", "md")
    assert code == 1
    assert f"{out / MANIFEST}: is not a file" in err


# Permissions.


@pytest.mark.parametrize("mask", [0o022, 0o077, 0o002])
def test_new_files_get_the_permissions_the_umask_gives(tmp_path: Path, mask: int) -> None:
    old = os.umask(mask)
    try:
        assert atomic.current_umask() == mask
        code, _, _ = render(str(GOOD), "-o", str(tmp_path / "out"), "-f", "md,txt")
        write_atomic(tmp_path / "case.yaml", b"kind: x\n")  # as the interview saves a case
    finally:
        os.umask(old)
    assert code == 0
    for path in [*(tmp_path / "out").glob(f"{STEM}.*"), tmp_path / "case.yaml"]:
        assert stat.S_IMODE(path.stat().st_mode) == 0o666 & ~mask, path


def test_a_rewritten_file_keeps_its_mode(tmp_path: Path) -> None:
    path = tmp_path / "case.yaml"
    path.write_bytes(b"old\n")
    path.chmod(0o640)
    write_atomic(path, b"new\n")
    assert path.read_bytes() == b"new\n"
    assert stat.S_IMODE(path.stat().st_mode) == 0o640


def test_umask_is_read_without_changing_it_on_linux(monkeypatch: pytest.MonkeyPatch) -> None:
    if not Path("/proc/self/status").is_file():
        pytest.skip("no /proc on this system: the os.umask round-trip is used instead")
    calls: list[int] = []
    monkeypatch.setattr(os, "umask", lambda m: calls.append(m) or 0o022)
    atomic.current_umask()
    assert calls == []


# Runs that meet in one folder.


def test_a_second_run_waits_for_the_folder_or_says_who_holds_it(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    options = poa.Options(output=out, formats=(poa.Format.MD,), today=TODAY, lock_wait=0.3)
    with FolderLock(out, wait=0):
        started = time.monotonic()
        with pytest.raises(poa.OutputError) as caught:
            list(poa.render_batch([poa.Job(GOOD)], options))
        assert 0.3 <= time.monotonic() - started < 5
    assert f"{out} is in use by another poa run (pid {os.getpid()})" in caught.value.message
    assert not (out / f"{STEM}.md").exists()
    results = list(poa.render_batch([poa.Job(GOOD)], options))  # released: it goes on
    assert [r.status for r in results] == [poa.Status.RENDERED]


def test_a_case_may_not_take_over_a_file_another_case_rendered_before(tmp_path: Path) -> None:
    cases = tmp_path / "cases"
    cases.mkdir()
    shutil.copy(GOOD, cases / "a.yaml")
    shutil.copy(GOOD, cases / "b.yaml")
    out = tmp_path / "out"
    assert render(str(cases / "a.yaml"), "-o", str(out), "-f", "md")[0] == 0
    (cases / "b.yaml").write_text(
        GOOD.read_text(encoding="utf-8").replace("legal_name:", "legal_name: Other", 1),
        encoding="utf-8",
    )
    code, text, _ = render(str(cases / "b.yaml"), "-o", str(out), "-f", "md")
    assert code == 1
    assert f"{out / (STEM + '.md')} belongs to {cases / 'a.yaml'}" in text
    assert "Other" not in (out / f"{STEM}.md").read_text(encoding="utf-8")
    code, _, _ = render(str(cases / "b.yaml"), "-o", str(out), "-f", "md", "--force")
    assert code == 0
    assert "Other" in (out / f"{STEM}.md").read_text(encoding="utf-8")
    (cases / "a.yaml").unlink()  # a case that is gone owns nothing any more
    code, text, _ = render(str(cases / "b.yaml"), "-o", str(out), "-f", "md")
    assert code == 0, text


# Temporary files.


def sleeper() -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])


def test_start_up_cleanup_spares_a_live_writers_temporary_files(tmp_path: Path) -> None:
    live = sleeper()
    dead = sleeper()
    dead.kill()
    dead.wait()
    try:
        (tmp_path / "sub").mkdir()
        alive_part = tmp_path / "sub" / f".a.pdf.pid{live.pid}.x1{PART_SUFFIX}"
        dead_part = tmp_path / f".b.pdf.pid{dead.pid}.x2{PART_SUFFIX}"
        anonymous = tmp_path / f".c.pdf.x3{PART_SUFFIX}"
        ancient = tmp_path / f".d.pdf.pid{live.pid}.x4{PART_SUFFIX}"
        for path in (alive_part, dead_part, anonymous, ancient):
            path.write_bytes(b"part")
        hour_ago = time.time() - atomic.STALE_PART_SECONDS - 5
        os.utime(ancient, (hour_ago, hour_ago))
        remove_stale_parts(tmp_path)
        assert alive_part.exists() and anonymous.exists()
        assert not dead_part.exists() and not ancient.exists()
    finally:
        live.kill()
        live.wait()


def test_a_temporary_files_name_carries_its_writer(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[str] = []
    real_replace = os.replace

    def replace(src: Any, dst: Any) -> None:
        seen.append(Path(src).name)
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    write_atomic(tmp_path / "x.pdf", b"%PDF")
    assert atomic.part_writer(seen[0]) == os.getpid()


# Full and read-only disks.


def failing_write(code: int) -> Any:
    """A writer that fails as the disk does, naming its temporary file as the system would."""

    def write(path: Path, data: bytes) -> None:
        temp = path.parent / f".{path.name}.pid1.x{PART_SUFFIX}"
        raise OSError(code, os.strerror(code), str(temp))

    return write


def test_a_full_disk_names_the_file_prints_the_summary_and_exits_1(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("poa.outputs.files.write_atomic", failing_write(errno.ENOSPC))
    cases = tmp_path / "cases"
    cases.mkdir()
    shutil.copy(GOOD, cases / "a.yaml")
    shutil.copy(OTHER, cases / "b.yaml")
    code, text, err = render(str(cases), "-o", str(tmp_path / "out"), "-f", "md,txt", "-j", "1")
    assert code == 1
    assert f"{tmp_path / 'out' / STEM}.md: cannot write (No space left on device)" in text
    assert PART_SUFFIX not in text + err
    assert text.strip().endswith("0 of 2 cases rendered, 2 failed")


@pytest.fixture
def tmpfs(tmp_path: Path) -> Iterator[Path]:
    """A 40 KB file system of its own, where the system allows mounting one."""
    mount = tmp_path / "disk"
    mount.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=40k", "tmpfs", str(mount)],
        capture_output=True,
        check=False,
    )
    if done.returncode != 0:
        pytest.skip("cannot mount a tmpfs here; the injected full-disk test above covers it")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


@pytest.mark.slow
def test_a_real_full_disk_is_reported_per_file_with_the_summary(tmpfs: Path) -> None:
    cases = tmpfs.parent / "cases"
    cases.mkdir()
    for i in range(4):
        text = GOOD.read_text(encoding="utf-8").replace("store_name: ", f"store_name: S{i} ", 1)
        (cases / f"c{i}.yaml").write_text(text, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "poa", "render", str(cases), "-o", str(tmpfs), "-f", "pdf"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert done.returncode == 1
    assert "No space left on device" in done.stdout
    assert "poa: : " not in done.stdout + done.stderr and "Traceback" not in done.stderr
    assert PART_SUFFIX not in done.stdout + done.stderr
    last = done.stdout.strip().splitlines()[-1]
    assert " of 4 cases rendered" in last and last.endswith(" failed")
    assert not list(tmpfs.rglob(f"*{PART_SUFFIX}"))


def read_only(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Make creating or changing anything under `folder` fail as a read-only folder does."""
    real_open = os.open
    writing = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_APPEND

    def guarded(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        if flags & writing and Path(os.fsdecode(path)).is_relative_to(folder):
            raise PermissionError(errno.EACCES, "Permission denied", os.fsdecode(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", guarded)


def test_a_read_only_folder_that_is_up_to_date_exits_0(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    assert render(str(GOOD), "-o", str(out), "-f", "md,txt")[0] == 0
    (out / LOCK_FILE).unlink()  # as if the folder was copied read-only without it
    before = {p: p.read_bytes() for p in out.iterdir()}
    read_only(out, monkeypatch)
    code, text, err = render(str(GOOD), "-o", str(out), "-f", "md,txt")
    assert (code, text.strip(), err) == (0, "0 of 1 case rendered, 1 skipped (unchanged)", "")
    assert {p: p.read_bytes() for p in out.iterdir()} == before
    code, text, _ = render(str(OTHER), "-o", str(out), "-f", "md")  # a new case cannot be written
    assert code == 1
    assert "Permission denied" in text and PART_SUFFIX not in text


@pytest.fixture
def read_only_mount(tmpfs: Path) -> Iterator[Path]:
    assert render(str(GOOD), "-o", str(tmpfs), "-f", "md,txt")[0] == 0
    remount = ["mount", "-o", "remount,ro", str(tmpfs)]
    if subprocess.run(remount, capture_output=True, check=False).returncode != 0:
        pytest.skip("cannot remount read-only here")
    yield tmpfs


@pytest.mark.slow
def test_a_real_read_only_file_system_that_is_up_to_date_exits_0(read_only_mount: Path) -> None:
    code, text, err = render(str(GOOD), "-o", str(read_only_mount), "-f", "md,txt")
    assert (code, text.strip(), err) == (0, "0 of 1 case rendered, 1 skipped (unchanged)", "")


def test_an_error_never_names_a_temporary_file(tmp_path: Path) -> None:
    (tmp_path / "out").mkdir()
    blocker = tmp_path / "out" / "sub"
    blocker.write_text("a file where a folder should be\n", encoding="utf-8")
    with pytest.raises(OSError) as caught:
        write_atomic(blocker / "x.md", b"x")
    assert caught.value.filename == str(blocker / "x.md")
    assert not list((tmp_path / "out").rglob(f"*{PART_SUFFIX}"))


def test_nothing_is_written_outside_the_output_folder_by_the_corpus(tmp_path: Path) -> None:
    """The corpus rendered into a folder beside an untouched sibling: nothing lands outside."""
    sibling = tmp_path / "sibling"
    sibling.mkdir()
    cases = tmp_path / "cases"
    cases.mkdir()
    for item in EXPECTED:
        if item.path.suffix == ".yaml":
            shutil.copy(item.path, cases / item.path.name)
    before = everything_under(tmp_path) - everything_under(tmp_path / "out")
    render(str(cases), "-o", str(tmp_path / "out"), "-f", "md,txt")
    after = everything_under(tmp_path) - everything_under(tmp_path / "out") - {tmp_path / "out"}
    assert after == before


def test_records_that_name_a_case_as_it_was_given_still_belong_to_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Manifests written before cases were kept by their real path name them as typed."""
    monkeypatch.chdir(tmp_path)
    Path("cases").mkdir()
    shutil.copy(GOOD, "cases/a.yaml")
    assert render("cases/a.yaml", "-o", "out", "-f", "md")[0] == 0
    manifest = Path("out") / MANIFEST
    lines = []
    for line in manifest.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        if "case" in record:
            record["case"] = "cases/a.yaml"
        lines.append(json.dumps(record))
    manifest.write_text("\n".join(lines) + "\n", encoding="utf-8")
    Path("cases/a.yaml").write_text(
        GOOD.read_text(encoding="utf-8").replace("legal_name:", "legal_name: New", 1),
        encoding="utf-8",
    )
    code, text, _ = render("cases/a.yaml", "-o", "out", "-f", "md")
    assert code == 0, text
    assert f"wrote {Path('out') / STEM}.md" in text
