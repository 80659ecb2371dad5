"""A batch names and writes each case's document by the catalog it was given (--catalog),
not only by the built-in one."""

from __future__ import annotations

from pathlib import Path

import yaml

from .conftest import ROOT, SAMPLES, TODAY, run


def test_a_users_catalog_decides_the_document_a_batch_writes(tmp_path: Path) -> None:
    builtin = yaml.safe_load(
        (ROOT / "templates" / "catalog" / "authenticity-condition.yaml").read_text("utf-8")
    )
    entry = next(e for e in builtin if e["key"] == "supply-chain-documents")
    own = {**entry, "key": "distributor-documents", "title": "Distributor documents request"}
    (tmp_path / "catalog").mkdir()
    (tmp_path / "catalog" / "own.yaml").write_text(yaml.safe_dump([own]), encoding="utf-8")
    case = (SAMPLES / "supply-chain-documents-us.yaml").read_text(encoding="utf-8")
    (tmp_path / "case.yaml").write_text(
        case.replace("issue_type: supply-chain-documents", "issue_type: distributor-documents"),
        encoding="utf-8",
    )
    code, out, _ = run(
        "render", "--today", TODAY.isoformat(), "--catalog", str(tmp_path / "catalog"),
        str(tmp_path / "case.yaml"), "-o", str(tmp_path / "out"), "-f", "md,txt",
    )  # fmt: skip
    assert code == 0, out
    [md] = (tmp_path / "out").glob("*.md")
    assert md.name.endswith("-distributor-documents-2026-11-10-cover-note.md")
    assert "Distributor documents request" in md.read_text(encoding="utf-8")
    [txt] = (tmp_path / "out").glob("*.txt")  # the whole note as text, not form boxes
    assert "Distributor documents request" in txt.read_text(encoding="utf-8")
