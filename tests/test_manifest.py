"""The output folder's manifest: a journal replayed on load, robust to a run killed mid-line,
compacted on save, and the record that lets poa replace only what it wrote."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path
from typing import Any

import pytest

from poa.outputs.atomic import PART_SUFFIX, STALE_PART_SECONDS, remove_stale_parts
from poa.outputs.manifest import KEEP_DIGESTS, MANIFEST, Manifest, digest


def record(name: str, content: bytes) -> dict[str, Any]:
    return {"file": name, "sha256": digest(content), "size": len(content)}


def journal_lines(root: Path) -> list[dict[str, Any]]:
    text = (root / MANIFEST).read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines()]


def state(manifest: Manifest) -> tuple[object, ...]:
    return manifest.files, manifest.sizes, manifest.cases


def test_digest_is_the_sha256_of_the_bytes() -> None:
    assert digest(b"") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
    assert digest(b"a") != digest(b"b")


def test_a_folder_without_a_manifest_loads_empty(tmp_path: Path) -> None:
    manifest = Manifest.load(tmp_path / "not-yet")
    assert state(manifest) == ({}, {}, {})
    assert not (tmp_path / "not-yet").exists()


def test_the_journal_is_replayed_in_order(tmp_path: Path) -> None:
    Manifest.journal(tmp_path, record("a.md", b"one"))
    Manifest.journal(tmp_path, record("sub/b.pdf", b"two!"))
    Manifest.journal(tmp_path, record("a.md", b"three"))
    Manifest.journal(tmp_path, {"case": "cases/a.yaml", "key": "k1", "outputs": ["a.md"]})
    manifest = Manifest.load(tmp_path)
    assert manifest.files == {
        "a.md": [digest(b"one"), digest(b"three")],
        "sub/b.pdf": [digest(b"two!")],
    }
    assert manifest.sizes == {"a.md": 5, "sub/b.pdf": 4}
    assert manifest.cases == {"cases/a.yaml": {"key": "k1", "outputs": ["a.md"]}}


def test_each_record_is_one_json_line_appended(tmp_path: Path) -> None:
    Manifest.journal(tmp_path, record("a.md", b"one"))
    Manifest.journal(tmp_path, record("a.md", b"two"))
    assert journal_lines(tmp_path) == [record("a.md", b"one"), record("a.md", b"two")]


def test_a_line_cut_short_by_a_kill_is_ignored(tmp_path: Path) -> None:
    Manifest.journal(tmp_path, record("a.md", b"one"))
    whole = json.dumps(record("b.md", b"two"), sort_keys=True)
    with (tmp_path / MANIFEST).open("a", encoding="utf-8") as stream:
        stream.write(whole[: len(whole) // 2])  # the run died mid-write
    manifest = Manifest.load(tmp_path)
    assert manifest.files == {"a.md": [digest(b"one")]}


def test_the_journal_goes_on_after_a_cut_line(tmp_path: Path) -> None:
    (tmp_path / MANIFEST).write_text('{"file": "a.md", "sha2', encoding="utf-8")
    # The next run appends after the broken line: it must not glue its record onto it.
    Manifest.journal(tmp_path, record("b.md", b"two"))
    assert Manifest.load(tmp_path).files == {"b.md": [digest(b"two")]}


@pytest.mark.parametrize(
    "garbage",
    [
        "not json at all",
        "[1, 2, 3]",
        "42",
        "null",
        '"a string"',
        '{"file": 3, "sha256": "x"}',
        '{"file": "a.md"}',
        '{"case": "x.yaml", "key": "k"}',
        '{"case": "x.yaml", "outputs": "a.md"}',
        "",
    ],
)
def test_garbage_lines_are_ignored(tmp_path: Path, garbage: str) -> None:
    Manifest.journal(tmp_path, record("a.md", b"one"))
    with (tmp_path / MANIFEST).open("a", encoding="utf-8") as stream:
        stream.write(garbage + "\n")
    Manifest.journal(tmp_path, {"case": "c.yaml", "key": "k", "outputs": ["a.md"]})
    manifest = Manifest.load(tmp_path)
    assert manifest.files == {"a.md": [digest(b"one")]}
    assert manifest.cases == {"c.yaml": {"key": "k", "outputs": ["a.md"]}}


def test_an_unreadable_manifest_counts_as_none(tmp_path: Path) -> None:
    (tmp_path / MANIFEST).write_bytes(b"\xff\xfe not utf-8\n")
    assert state(Manifest.load(tmp_path)) == ({}, {}, {})


def test_only_the_last_few_digests_of_a_file_are_kept(tmp_path: Path) -> None:
    versions = [f"version {i}".encode() for i in range(KEEP_DIGESTS + 2)]
    for content in versions:
        Manifest.journal(tmp_path, record("a.md", content))
    kept = Manifest.load(tmp_path).files["a.md"]
    assert KEEP_DIGESTS == 3
    assert kept == [digest(v) for v in versions[-KEEP_DIGESTS:]]


def test_a_digest_written_again_moves_to_the_end_once(tmp_path: Path) -> None:
    for content in (b"one", b"two", b"three", b"one"):
        Manifest.journal(tmp_path, record("a.md", content))
    kept = Manifest.load(tmp_path).files["a.md"]
    assert kept == [digest(b"two"), digest(b"three"), digest(b"one")]


def test_the_size_is_the_last_one_written(tmp_path: Path) -> None:
    Manifest.journal(tmp_path, record("a.md", b"long content"))
    Manifest.journal(tmp_path, record("a.md", b"short"))
    assert Manifest.load(tmp_path).sizes == {"a.md": 5}


def test_known_for_gives_the_digests_of_the_names_asked(tmp_path: Path) -> None:
    Manifest.journal(tmp_path, record("a.md", b"one"))
    Manifest.journal(tmp_path, record("b.md", b"two"))
    manifest = Manifest.load(tmp_path)
    assert manifest.known_for(["a.md", "c.md"]) == {"a.md": [digest(b"one")]}


# Whether a case's outputs are still as poa left them


def written(root: Path, name: str, content: bytes) -> None:
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    Manifest.journal(root, record(name, content))


def test_outputs_intact_when_every_file_has_its_size(tmp_path: Path) -> None:
    written(tmp_path, "a.md", b"one")
    written(tmp_path, "sub/a.pdf", b"%PDF-two")
    assert Manifest.load(tmp_path).outputs_intact(["a.md", "sub/a.pdf"])
    assert Manifest.load(tmp_path).outputs_intact([])


def test_outputs_not_intact_when_one_is_missing(tmp_path: Path) -> None:
    written(tmp_path, "a.md", b"one")
    written(tmp_path, "a.pdf", b"%PDF-two")
    (tmp_path / "a.pdf").unlink()
    assert not Manifest.load(tmp_path).outputs_intact(["a.md", "a.pdf"])


def test_outputs_not_intact_when_a_size_changed(tmp_path: Path) -> None:
    written(tmp_path, "a.md", b"one")
    (tmp_path / "a.md").write_bytes(b"one, edited")
    assert not Manifest.load(tmp_path).outputs_intact(["a.md"])


def test_outputs_not_intact_when_poa_never_recorded_them(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_bytes(b"one")
    assert not Manifest.load(tmp_path).outputs_intact(["a.md"])


def test_outputs_not_intact_when_a_folder_stands_in_the_way(tmp_path: Path) -> None:
    written(tmp_path, "a.md", b"one")
    (tmp_path / "a.md").unlink()
    (tmp_path / "a.md").mkdir()
    assert not Manifest.load(tmp_path).outputs_intact(["a.md"])


# Cases


def test_record_case_is_kept_now_and_after_reloading(tmp_path: Path) -> None:
    manifest = Manifest.load(tmp_path)
    manifest.record_case("cases/a.yaml", "key-1", ["a.md", "a.pdf"])
    expected = {"cases/a.yaml": {"key": "key-1", "outputs": ["a.md", "a.pdf"]}}
    assert manifest.cases == expected
    assert Manifest.load(tmp_path).cases == expected


def test_a_later_record_of_a_case_replaces_the_earlier(tmp_path: Path) -> None:
    manifest = Manifest.load(tmp_path)
    manifest.record_case("a.yaml", "key-1", ["old.md"])
    manifest.record_case("a.yaml", "key-2", ["new.md"])
    assert Manifest.load(tmp_path).cases == {"a.yaml": {"key": "key-2", "outputs": ["new.md"]}}


# Compaction


def test_save_compacts_the_journal_without_losing_anything(tmp_path: Path) -> None:
    for content in (b"1", b"2", b"1", b"3", b"4", b"4"):
        Manifest.journal(tmp_path, record("a.md", content))
    Manifest.journal(tmp_path, record("b.md", b"bee"))
    manifest = Manifest.load(tmp_path)
    for key in ("k1", "k2", "k3"):
        manifest.record_case("a.yaml", key, ["a.md"])
    manifest.record_case("b.yaml", "kb", ["b.md"])
    before = state(Manifest.load(tmp_path))

    manifest.save()

    assert state(Manifest.load(tmp_path)) == before
    lines = journal_lines(tmp_path)
    files = [(line["file"], line["sha256"]) for line in lines if "file" in line]
    cases = [line["case"] for line in lines if "case" in line]
    assert files == [
        ("a.md", digest(b"1")),
        ("a.md", digest(b"3")),
        ("a.md", digest(b"4")),
        ("b.md", digest(b"bee")),
    ]
    assert cases == ["a.yaml", "b.yaml"]
    assert len(lines) == len(files) + len(cases)


def test_save_twice_gives_the_same_bytes(tmp_path: Path) -> None:
    written(tmp_path, "a.md", b"one")
    manifest = Manifest.load(tmp_path)
    manifest.record_case("a.yaml", "k", ["a.md"])
    manifest.save()
    first = (tmp_path / MANIFEST).read_bytes()
    Manifest.load(tmp_path).save()
    assert (tmp_path / MANIFEST).read_bytes() == first


def test_save_keeps_records_other_processes_added_since_loading(tmp_path: Path) -> None:
    manifest = Manifest.load(tmp_path)
    manifest.record_case("a.yaml", "k", ["a.md"])
    Manifest.journal(tmp_path, record("a.md", b"written by a worker"))
    manifest.save()
    reloaded = Manifest.load(tmp_path)
    assert reloaded.files == {"a.md": [digest(b"written by a worker")]}
    assert reloaded.cases == {"a.yaml": {"key": "k", "outputs": ["a.md"]}}


def test_save_drops_broken_lines(tmp_path: Path) -> None:
    Manifest.journal(tmp_path, record("a.md", b"one"))
    with (tmp_path / MANIFEST).open("a", encoding="utf-8") as stream:
        stream.write('garbage\n{"file": "b.md", "sha')
    manifest = Manifest.load(tmp_path)
    Manifest.journal(tmp_path, record("c.md", b"three"))  # a run compacts what it added to
    manifest.save()
    assert journal_lines(tmp_path) == [record("a.md", b"one"), record("c.md", b"three")]


def test_save_without_a_journal_writes_nothing(tmp_path: Path) -> None:
    Manifest.load(tmp_path).save()
    assert list(tmp_path.iterdir()) == []


# Leftovers of a killed run


def test_stale_partial_files_removed_are_only_poa_temporaries(tmp_path: Path) -> None:
    leftovers = [
        tmp_path / f".a.pdf.x1y2z3{PART_SUFFIX}",
        tmp_path / "clients" / "acme" / f".b.docx.q9w8{PART_SUFFIX}",
    ]
    kept = [
        tmp_path / "a.pdf",
        tmp_path / f"notes{PART_SUFFIX}",  # not hidden: not one of poa's temporaries
        tmp_path / ".hidden.md",
        tmp_path / "clients" / "acme" / "b.docx",
    ]
    long_ago = time.time() - 2 * STALE_PART_SECONDS  # left by a run killed long ago
    for path in leftovers + kept:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"x")
        os.utime(path, (long_ago, long_ago))
    remove_stale_parts(tmp_path)
    assert [p for p in leftovers if p.exists()] == []
    assert [p for p in kept if not p.exists()] == []


def test_clean_partial_files_in_a_folder_not_yet_made(tmp_path: Path) -> None:
    remove_stale_parts(tmp_path / "new")
    assert not (tmp_path / "new").exists()


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs Linux's /proc")
def test_a_part_file_of_an_ended_writer_not_yet_collected_is_removed(tmp_path: Path) -> None:
    # A killed batch's workers end, but where nothing collects them they stay as zombies; the
    # next run must not take their temporary files for those of a live run.
    import subprocess
    import sys

    ended = subprocess.Popen([sys.executable, "-c", "pass"])
    running = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        deadline = time.monotonic() + 30
        stat = Path(f"/proc/{ended.pid}/stat")
        while stat.read_text().rpartition(")")[2].split()[0] != "Z":
            assert time.monotonic() < deadline, "the child did not end"
            time.sleep(0.02)
        left = tmp_path / f".a.pdf.pid{ended.pid}.x1y2{PART_SUFFIX}"
        live = tmp_path / f".b.pdf.pid{running.pid}.q9w8{PART_SUFFIX}"
        for path in (left, live):
            path.write_bytes(b"x")
        remove_stale_parts(tmp_path)
        assert not left.exists()
        assert live.exists()
    finally:
        running.kill()
        running.wait()
        ended.wait()
