"""`poa submit` and `poa outcome`: the record in the case file, the copies, the comparison."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
import yaml

import poa

from .conftest import run
from .log_helpers import TODAY, case, write

COMMENTED = "# Acme's ODR case: keep this note\n"


def _case(tmp_path: Path) -> Path:
    text = yaml.safe_dump(case("2026-12-10"), sort_keys=False)
    # A comment at the top and one inside, as a seller writes them.
    text = COMMENTED + text.replace("root_causes:\n", "root_causes:  # why it happened\n", 1)
    return write(tmp_path, "acme.yaml", text)


def _documents(tmp_path: Path, letter: str = "Plan of action v1") -> Path:
    folder = tmp_path / "sent"
    folder.mkdir(exist_ok=True)
    (folder / "letter.txt").write_text(letter, encoding="utf-8")
    (folder / "invoice.pdf").write_bytes(b"%PDF-1.4 invoice")
    return folder


def _record(path: Path) -> list[dict[str, object]]:
    subs: list[dict[str, object]] = yaml.safe_load(path.read_text(encoding="utf-8"))["submissions"]
    return subs


def test_submit_records_date_channel_documents_and_hashes(tmp_path: Path) -> None:
    path, sent = _case(tmp_path), _documents(tmp_path)
    code, out, err = run("submit", str(path), "--date", "2026-11-20", "--documents", str(sent))
    assert code == 0, err
    (record,) = _record(path)
    assert str(record["submitted_on"]) == "2026-11-20"
    assert record["outcome"] == "pending"
    assert record["channel"] == "appeal-form"  # the catalog's way for this issue type
    kept = tmp_path / "acme.submissions" / "1"
    assert record["folder"] == "acme.submissions/1"
    hashes = {d["file"]: d["sha256"] for d in record["documents"]}  # type: ignore[attr-defined]
    for name in ("letter.txt", "invoice.pdf"):
        copy = kept / "documents" / name
        assert copy.read_bytes() == (sent / name).read_bytes()
        assert hashes[name] == hashlib.sha256((sent / name).read_bytes()).hexdigest()
    assert "recorded submission 1" in out


def test_a_folder_of_documents_leaves_out_its_hidden_files(tmp_path: Path) -> None:
    # A render's output folder holds poa's own lock and manifest: they were not sent to Amazon.
    path, sent = _case(tmp_path), _documents(tmp_path)
    (sent / ".poa-manifest.jsonl").write_text("{}\n", encoding="utf-8")
    (sent / ".poa-lock").write_text("", encoding="utf-8")
    (sent / ".cache").mkdir()
    (sent / ".cache" / "page.png").write_bytes(b"png")
    code, _, err = run("submit", str(path), "--date", "2026-11-20", "--documents", str(sent))
    assert code == 0, err
    (record,) = _record(path)
    files = sorted(d["file"] for d in record["documents"])  # type: ignore[attr-defined]
    assert files == ["invoice.pdf", "letter.txt"]


def test_submit_keeps_comments_and_the_rest_of_the_file(tmp_path: Path) -> None:
    path = _case(tmp_path)
    before = path.read_text(encoding="utf-8")
    code, _, err = run("submit", str(path), "--date", "2026-11-20", "--channel", "email")
    assert code == 0, err
    after = path.read_text(encoding="utf-8")
    assert after.startswith(before)  # added at the end, nothing else touched
    assert COMMENTED in after and "# why it happened" in after
    assert not (tmp_path / "acme.yaml.orig").exists()
    assert _record(path)[0]["channel"] == "email"
    code, out, _ = run("validate", str(path), "--today", "2026-11-22")
    assert code == 0, out


def test_outcome_records_the_answer_and_reply(tmp_path: Path) -> None:
    path = _case(tmp_path)
    run("submit", str(path), "--date", "2026-11-20")
    reply = write(tmp_path, "reply.txt", "We need more detail on the carrier.\n")
    code, out, err = run(
        "outcome",
        str(path),
        "more-information-requested",
        "--reply",
        str(reply),
        "--date",
        "2026-11-21",
    )
    assert code == 0, err
    (record,) = _record(path)
    assert record["outcome"] == "more-information-requested"
    assert str(record["answered_on"]) == "2026-11-21"
    assert record["reply"] == "We need more detail on the carrier."
    assert path.read_text(encoding="utf-8").startswith(COMMENTED)
    code, out, _ = run("log", str(path), "--today", "2026-11-22", "--json")
    assert '"status": "more-information-requested"' in out


def test_outcome_without_a_submission_is_refused(tmp_path: Path) -> None:
    path = _case(tmp_path)
    before = path.read_text(encoding="utf-8")
    code, _, err = run("outcome", str(path), "accepted")
    assert code == 2
    assert "poa submit" in err
    assert path.read_text(encoding="utf-8") == before


def test_unchanged_resubmission_after_rejection_is_refused_unless_forced(tmp_path: Path) -> None:
    path, sent = _case(tmp_path), _documents(tmp_path)
    run("submit", str(path), "--date", "2026-11-10", "--documents", str(sent))
    run("outcome", str(path), "rejected", "--date", "2026-11-12")
    before = path.read_text(encoding="utf-8")
    code, _, err = run("submit", str(path), "--date", "2026-11-13", "--documents", str(sent))
    assert code == 2
    assert "were rejected on 2026-11-12" in err and "--force" in err
    assert path.read_text(encoding="utf-8") == before
    assert not (tmp_path / "acme.submissions" / "2").exists()
    code, out, err = run(
        "submit", str(path), "--date", "2026-11-13", "--documents", str(sent), "--force"
    )
    assert code == 0, err
    assert "the same documents and case as last time" in out
    assert len(_record(path)) == 2


def test_resubmission_reports_changes_and_contradictions(tmp_path: Path) -> None:
    path, sent = _case(tmp_path), _documents(tmp_path)
    run("submit", str(path), "--date", "2026-11-10", "--documents", str(sent))
    run("outcome", str(path), "rejected", "--date", "2026-11-12")
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    dropped = data["root_causes"].pop()
    data["corrective_actions"] = [
        a for a in data["corrective_actions"] if dropped["id"] not in a["root_causes"]
    ]
    data["preventive_measures"] = [
        m for m in data["preventive_measures"] if dropped["id"] not in m["root_causes"]
    ]
    moved = data["corrective_actions"][0]
    moved["completed_on"] = moved["completed_on"].replace(day=1)
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    _documents(tmp_path, letter="Plan of action v2")
    (sent / "invoice.pdf").unlink()
    (sent / "carrier.pdf").write_bytes(b"%PDF carrier")
    code, out, err = run("submit", str(path), "--date", "2026-11-13", "--documents", str(sent))
    assert code == 0, err
    assert f"root cause {dropped['id']}" in out and "was dropped" in out
    assert f"corrective action {moved['id']}: completed_on moved from" in out
    assert "letter.txt has changed" in out
    assert "carrier.pdf is new" in out and "invoice.pdf is no longer sent" in out
    assert (tmp_path / "acme.submissions" / "1" / "case-as-sent.yaml.txt").is_file()


def test_invalid_case_is_not_recorded_unless_forced(tmp_path: Path) -> None:
    data = case("2026-12-10")
    del data["root_causes"]
    path = write(tmp_path, "draft.yaml", data)
    code, _, err = run("submit", str(path))
    assert code == 1
    assert "root_causes" in err and "--force" in err
    assert "submissions" not in path.read_text(encoding="utf-8")
    code, out, err = run("submit", str(path), "--force", "--date", "2026-11-20")
    assert code == 0, err
    assert "warning:" in out
    assert len(_record(path)) == 1


def test_flow_style_list_is_rewritten_after_keeping_the_original(tmp_path: Path) -> None:
    text = COMMENTED + yaml.safe_dump(case("2026-12-10"), sort_keys=False) + "submissions: [ ]\n"
    path = write(tmp_path, "flow.yaml", text)
    code, out, err = run("submit", str(path), "--date", "2026-11-20")
    assert code == 0, err
    assert (tmp_path / "flow.yaml.orig").read_text(encoding="utf-8") == text
    assert "flow.yaml.orig" in out
    assert len(_record(path)) == 1


def test_broken_case_file_gets_a_message_not_a_traceback(tmp_path: Path) -> None:
    path = write(tmp_path, "broken.yaml", "notification: {received_on: 2026-99-01\n")
    for argv in (["submit", str(path)], ["outcome", str(path), "accepted"]):
        code, out, err = run(*argv)
        assert code == 1
        assert "Traceback" not in out + err
        assert str(path) in err


def test_missing_document_records_nothing(tmp_path: Path) -> None:
    path = _case(tmp_path)
    before = path.read_text(encoding="utf-8")
    code, _, err = run("submit", str(path), "--documents", str(tmp_path / "nope.pdf"))
    assert code == 1
    assert "no such document" in err
    assert path.read_text(encoding="utf-8") == before
    assert not (tmp_path / "acme.submissions").exists()


def test_existing_list_in_the_middle_of_the_file_gets_the_new_entry(tmp_path: Path) -> None:
    data = case("2026-12-10")
    body = yaml.safe_dump(data, sort_keys=False)
    earlier = (
        "submissions:  # what we sent before poa kept the log\n"
        "- submitted_on: 2026-11-01\n"
        "  outcome: rejected\n"
        "  reply: Not enough detail.\n"
        "\n"
        "# the seller's own notes below\n"
    )
    text = body.replace("seller:\n", earlier + "seller:\n", 1)
    path = write(tmp_path, "middle.yaml", text)
    code, out, err = run("submit", str(path), "--date", "2026-11-20")
    assert code == 0, err
    after = path.read_text(encoding="utf-8")
    assert "# what we sent before poa kept the log" in after
    assert "# the seller's own notes below" in after
    records = _record(path)
    assert [r["outcome"] for r in records] == ["rejected", "pending"]
    assert records[0]["reply"] == "Not enough detail."
    assert yaml.safe_load(after)["seller"] == data["seller"]
    assert not (tmp_path / "middle.yaml.orig").exists()
    assert "only the documents were compared" in out
    code, _, err = run("outcome", str(path), "accepted", "--date", "2026-11-21")
    assert code == 0, err
    assert [r["outcome"] for r in _record(path)] == ["rejected", "accepted"]
    assert "# the seller's own notes below" in path.read_text(encoding="utf-8")


def test_older_submission_entries_still_validate_and_bad_hashes_do_not() -> None:
    older = case(
        "2026-12-10",
        submissions=[{"submitted_on": "2026-11-01", "outcome": "rejected", "reply": "Not enough."}],
    )
    assert poa.case_from_data(older, today=TODAY).submissions[0].outcome == "rejected"
    bad = case(
        "2026-12-10",
        submissions=[
            {"submitted_on": "2026-11-01", "documents": [{"file": "a.pdf", "sha256": "xyz"}]}
        ],
    )
    with pytest.raises(poa.CaseInvalidError, match="sha256"):
        poa.case_from_data(bad, today=TODAY)
