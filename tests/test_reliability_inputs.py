"""Whatever files a user hands over, each is judged alone: one located line per problem, the
others go on, exit status 1, and never a traceback (tests/corpus/pipeline/README.md)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import poa
from poa.yamlfile import MAX_BYTES, MAX_DEPTH, MAX_NODES

from .conftest import ROOT, SAMPLES, TODAY, run

CORPUS = ROOT / "tests" / "corpus" / "pipeline"
GOOD = SAMPLES / "drop-shipping-us.yaml"
GOOD_STEM = "ridgeback-pet-supply-drop-shipping-2026-11-06-poa"


@dataclass(frozen=True)
class Expected:
    """One line of the corpus's expected.tsv."""

    path: Path
    outcome: str
    where: str
    fragment: str

    def line_start(self, shown: Path) -> str:
        return f"{shown}:{self.where}:" if self.where != "-" else f"{shown}:"


def expectations() -> list[Expected]:
    rows = []
    for line in (CORPUS / "expected.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            name, outcome, where, fragment = line.split("\t")
            rows.append(Expected(CORPUS / name, outcome, where, fragment))
    return rows


EXPECTED = expectations()
CASE_FILES = [e for e in EXPECTED if e.path.suffix == ".yaml"]


def test_every_corpus_file_has_an_expectation_and_there_are_enough() -> None:
    listed = {e.path for e in EXPECTED}
    present = {p for p in CORPUS.rglob("*") if p.is_file() and p.name not in ("README.md",)}
    present.discard(CORPUS / "expected.tsv")
    assert listed == present
    assert len(present) >= 40


def copy_corpus(folder: Path) -> dict[Path, Expected]:
    """The corpus's case files and one good case in one folder, as a user's batch."""
    folder.mkdir()
    placed = {}
    for item in CASE_FILES:
        target = folder / item.path.relative_to(CORPUS)
        target.parent.mkdir(exist_ok=True)
        shutil.copy(item.path, target)
        placed[target] = item
    shutil.copy(GOOD, folder / "good.yaml")
    return placed


def assert_reported(output: str, placed: dict[Path, Expected]) -> None:
    lines = output.splitlines()
    for shown, item in placed.items():
        if item.outcome != "invalid":
            continue
        mine = [line for line in lines if line.startswith(f"{shown}:")]
        assert mine, f"{shown} is not reported"
        assert mine[0].startswith(item.line_start(shown)), mine[0]
        assert any(item.fragment in line for line in mine), (item.fragment, mine)


@pytest.mark.slow
def test_validate_reports_every_corpus_file_alone_and_never_crashes(tmp_path: Path) -> None:
    placed = copy_corpus(tmp_path / "cases")
    # A separate process: a crash (exit 139 from a C stack overflow) must show as a failure.
    done = subprocess.run(
        [sys.executable, "-m", "poa", "validate", "--today", TODAY.isoformat(), "cases"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stdout + done.stderr
    assert done.stderr == ""
    shown = {Path("cases") / p.relative_to(tmp_path / "cases"): e for p, e in placed.items()}
    assert_reported(done.stdout, shown)
    invalid = sum(e.outcome == "invalid" for e in placed.values())
    files = len(placed) + 1
    summary = done.stdout.strip().splitlines()[-1]
    assert summary.startswith(f"{files} files checked: ")
    assert f" {invalid} invalid" in summary or f" {invalid + 1} invalid" in summary


def test_render_reports_the_same_and_renders_every_valid_case(tmp_path: Path) -> None:
    placed = copy_corpus(tmp_path / "cases")
    out = tmp_path / "out"
    # The reviewer's checks are left out: this is about what render accepts, as validate does.
    code, text, err = run(
        "render",
        "--today",
        TODAY.isoformat(),
        str(tmp_path / "cases"),
        "-o",
        str(out),
        "-f",
        "md",
        "--no-check",
    )
    assert code == 1
    assert "Traceback" not in text + err
    assert_reported(text, placed)
    # What validate accepts, render renders: the good case and every valid encoding.
    valid = [p for p, e in placed.items() if e.outcome == "valid"]
    for path in valid:
        assert not any(line.startswith(f"{path}:") for line in text.splitlines()), path
    assert (out / f"{GOOD_STEM}.md").read_text(encoding="utf-8").startswith("# Plan of Action")
    rendered = list(out.rglob("*.md"))
    assert len(rendered) >= len(valid) + 1
    assert all(p.read_text(encoding="utf-8").startswith("# ") for p in rendered)
    assert text.strip().splitlines()[-1].startswith(f"{len(rendered)} of {len(placed) + 1} cases")


@pytest.mark.parametrize("item", CASE_FILES, ids=[e.path.name for e in CASE_FILES])
def test_the_api_raises_only_poa_errors_for_every_corpus_file(item: Expected) -> None:
    try:
        case = poa.load_case(item.path, today=TODAY)
    except poa.PoaError as exc:
        assert item.outcome in ("invalid", "either"), exc.lines()
        assert any(item.fragment in line for line in exc.lines()) or item.fragment == "-"
        return
    assert item.outcome in ("valid", "either")
    for fmt in ("md", "txt"):
        assert poa.render(case, fmt)


@pytest.mark.parametrize(
    "data",
    [None, [], ["kind", "plan-of-action"], "plan-of-action", 12, 1.5, b"kind: x", object()],
    ids=lambda d: type(d).__name__,
)
def test_case_from_data_refuses_what_is_not_a_mapping(data: Any) -> None:
    with pytest.raises(poa.CaseInvalidError) as caught:
        poa.case_from_data(data, today=TODAY)
    assert "must be a set of fields" in caught.value.lines()[0]


def test_case_from_data_with_a_cycle_or_odd_keys_raises_only_poa_errors() -> None:
    cyclic: dict[str, Any] = {"kind": "plan-of-action"}
    cyclic["seller"] = cyclic
    for data in (cyclic, {1: 2, None: 3, (1, 2): 4}, {"kind": float("nan")}):
        with pytest.raises(poa.PoaError):
            poa.case_from_data(data, today=TODAY)


def test_parse_case_given_bytes_is_an_input_error() -> None:
    with pytest.raises(poa.InputError, match="given as text"):
        poa.parse_case(b"kind: plan-of-action", "x.yaml")  # type: ignore[arg-type]


def nested(style: str, depth: int) -> str:
    if style == "flow-sequence":
        return "seller: " + "[" * depth + "]" * depth + "\n"
    if style == "flow-mapping":
        return "seller: " + "{a: " * depth + "x" + "}" * depth + "\n"
    if style == "block-mapping":
        return "".join("  " * i + f"k{i}:\n" for i in range(depth)) + "  " * depth + "x\n"
    return "".join("  " * i + "-\n" for i in range(depth)) + "  " * depth + "- x\n"


@pytest.mark.parametrize("style", ["flow-sequence", "flow-mapping", "block-mapping", "block-seq"])
@pytest.mark.parametrize("depth", [MAX_DEPTH + 1, 300, 5_000])
def test_nesting_past_the_limit_is_one_located_problem_naming_it(style: str, depth: int) -> None:
    if style.startswith("block") and depth > 1000:
        depth = 1000  # indentation grows quadratically; the limit is met long before
    with pytest.raises(poa.InputError) as caught:
        poa.parse_case(nested(style, depth), "deep.yaml", today=TODAY)
    line = caught.value.lines()[0]
    assert line.startswith("deep.yaml:")
    assert f"nested more than {MAX_DEPTH} levels deep" in line


@pytest.mark.parametrize("python_parser_too", [False, True])
def test_a_parser_stopping_at_its_own_depth_limit_still_gives_the_located_problem(
    python_parser_too: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    # libyaml (bundled with PyYAML from 6.0.4) reads far ahead and stops at 1,000 levels
    # before poa sees the events that pass its own limit; poa then finds where its limit is
    # passed, or, if that parser stops too, names the depth at the parser's place.
    real_parse = yaml.parse

    def stops_early(text: str, Loader: Any) -> Any:  # noqa: N803 (yaml's own argument name)
        if Loader is not yaml.SafeLoader or python_parser_too:
            mark = yaml.Mark("deep.yaml", 1000, 0, 1000, None, None)
            raise yaml.MarkedYAMLError(
                "while scanning", mark, "exceeded maximum nesting depth", mark
            )
        return real_parse(text, Loader=Loader)

    monkeypatch.setattr("poa.yamlfile.yaml.parse", stops_early)
    with pytest.raises(poa.InputError) as caught:
        poa.parse_case(nested("flow-sequence", 2_000), "deep.yaml", today=TODAY)
    (line,) = caught.value.lines()
    # The mapping holding `seller` is the first level, so the limit is passed at the bracket
    # after the first MAX_DEPTH - 1.
    where = "1:1001" if python_parser_too else f"1:{len('seller: ') + MAX_DEPTH}"
    assert line.startswith(f"deep.yaml:{where}: nested more than {MAX_DEPTH} levels deep")


def test_nesting_within_the_limit_reaches_the_model() -> None:
    with pytest.raises(poa.CaseInvalidError) as caught:
        poa.parse_case(nested("flow-sequence", MAX_DEPTH - 2), "ok.yaml", today=TODAY)
    assert "nested more than" not in "\n".join(caught.value.lines())


def test_too_many_values_are_refused_before_they_are_built() -> None:
    text = "seller: [" + ",".join(["1"] * (MAX_NODES + 1)) + "]\n"
    with pytest.raises(poa.InputError, match=f"more than {MAX_NODES:,} values"):
        poa.parse_case(text, "many.yaml")


def test_text_larger_than_the_limit_is_refused_by_parse_case_too() -> None:
    with pytest.raises(poa.InputError, match="larger than 2 MB"):
        poa.parse_case("#" * (MAX_BYTES + 1), "big.yaml")


def test_a_100_mb_file_and_dev_zero_are_refused_reading_at_most_the_limit(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    with big.open("wb") as handle:
        handle.truncate(100_000_000)  # sparse: no disk used, reads as zeros
    for path in (big, Path("/dev/zero")):
        for args in (["validate"], ["render", "-o", str(tmp_path / "o"), "-f", "md"]):
            code, out, _ = run(*args, str(path))
            assert code == 1
            assert f"{path}: file is larger than 2 MB" in out


@pytest.mark.slow
@pytest.mark.parametrize("command", ["validate", "render"])
def test_a_case_from_a_pipe_or_stdin_is_read_once(command: str, tmp_path: Path) -> None:
    args = f"--today {TODAY.isoformat()}"
    if command == "render":
        args += f" -o {tmp_path / 'out'} -f md"
    poa_cmd = f"{sys.executable} -m poa {command} {args}"
    for shell in (f"{poa_cmd} <(cat {GOOD})", f"{poa_cmd} /dev/stdin < {GOOD}"):
        done = subprocess.run(
            ["bash", "-c", shell], cwd=ROOT, capture_output=True, text=True, check=False
        )
        assert done.returncode == 0, done.stdout + done.stderr
        assert "empty" not in done.stdout
        if command == "render":
            assert (tmp_path / "out" / f"{GOOD_STEM}.md").is_file()
            shutil.rmtree(tmp_path / "out")


def test_an_unreadable_sub_folder_is_a_problem_and_the_rest_is_checked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cases = tmp_path / "cases"
    (cases / "locked").mkdir(parents=True)
    shutil.copy(GOOD, cases / "good.yaml")
    (cases / "locked" / "bad.yaml").write_text("kind: nonsense\n", encoding="utf-8")
    real_scandir = os.scandir

    def scandir(path: Any = ".") -> Any:
        if Path(path) == cases / "locked":  # as the kernel answers for a folder without r/x
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    code, out, _ = run("validate", "--today", TODAY.isoformat(), str(cases))
    assert code == 1
    assert f"{cases / 'locked'}: folder cannot be read (Permission denied)" in out
    assert "all valid" not in out
    code, out, _ = run(
        "render", "--today", TODAY.isoformat(), str(cases), "-o", str(tmp_path / "o"), "-f", "md"
    )
    assert code == 1
    assert f"{cases / 'locked'}: folder cannot be read" in out
    assert (tmp_path / "o" / f"{GOOD_STEM}.md").is_file()


def test_an_unreadable_path_on_the_command_line_does_not_stop_the_others(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    hidden = tmp_path / "private" / "case.yaml"
    real_stat = os.stat

    def stat(path: Any, *args: Any, **kwargs: Any) -> Any:
        if Path(os.fsdecode(path)) == hidden:  # a parent folder without search permission
            raise PermissionError(13, "Permission denied", str(path))
        return real_stat(path, *args, **kwargs)

    monkeypatch.setattr(os, "stat", stat)
    code, out, _ = run("validate", "--today", TODAY.isoformat(), str(hidden), str(GOOD))
    assert code == 1
    assert f"{hidden}: cannot be read (Permission denied): check its permissions" in out
    assert out.splitlines()[-1] == "1 file checked, 1 path not found or empty; 1 problem"


def test_validate_never_says_valid_after_an_error(tmp_path: Path) -> None:
    code, out, _ = run("validate", str(tmp_path / "missing.yaml"), str(GOOD))
    assert code == 1
    assert f"{tmp_path / 'missing.yaml'}: no such file or folder" in out
    assert out.splitlines()[-1] == "1 file checked, 1 path not found or empty; 1 problem"
    assert "valid" not in out.splitlines()[-1]


# Property tests: generated cases whose text holds any Unicode.

TEXT_FIELDS = [
    ("seller", "legal_name"),
    ("seller", "store_name"),
    ("notification", "subject"),
    ("root_causes", 0, "summary"),
    ("root_causes", 0, "detail"),
    ("corrective_actions", 0, "action"),
    ("preventive_measures", 0, "measure"),
    ("evidence", 0, "proves"),
]


def with_text(texts: list[str]) -> dict[str, Any]:
    base = SAMPLES / "inauthentic-invoices-us.yaml"
    data: dict[str, Any] = yaml.safe_load(base.read_text(encoding="utf-8"))
    for where, text in zip(TEXT_FIELDS, texts, strict=False):
        target: Any = data
        for part in where[:-1]:
            target = target[part]
        target[where[-1]] = text
    return data


def load_or_refuse(texts: list[str]) -> poa.Case | None:
    """The case, or None when validation refuses it; any other exception fails the test."""
    try:
        return poa.case_from_data(with_text(texts), today=TODAY)
    except poa.CaseInvalidError:
        return None


any_text = st.lists(st.text(min_size=1, max_size=80), min_size=1, max_size=len(TEXT_FIELDS))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(any_text)
def test_any_unicode_in_text_is_refused_at_load_or_rendered_to_md_and_txt(
    texts: list[str],
) -> None:
    case = load_or_refuse(texts)
    if case is not None:
        assert poa.render(case, "md").decode().startswith("# ")
        assert poa.render(case, "txt")


@pytest.mark.slow
@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.text(min_size=1, max_size=60), min_size=1, max_size=4))
def test_any_unicode_in_text_is_refused_at_load_or_rendered_to_docx_and_pdf(
    texts: list[str],
) -> None:
    # Controls, lone surrogates and noncharacters included: validation refuses what XML
    # cannot hold, so whatever it accepts renders in every format.
    case = load_or_refuse(texts)
    if case is not None:
        assert poa.render(case, "docx").startswith(b"PK")
        assert poa.render(case, "pdf").startswith(b"%PDF")


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=300))
def test_any_bytes_in_a_case_file_raise_only_poa_errors(tmp_path_factory: Any, raw: bytes) -> None:
    path = tmp_path_factory.mktemp("bytes") / "case.yaml"
    path.write_bytes(raw)
    try:
        poa.load_case(path, today=TODAY)
    except poa.PoaError as exc:
        assert exc.lines()[0].startswith(str(path))


def test_the_readme_counts_the_corpus_as_it_is() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    groups = {g: len(list((CORPUS / g).iterdir())) for g in ("structure", "tags", "values")}
    groups["encodings"] = len(list((CORPUS / "encoding").iterdir()))
    parts = ", ".join(f"{n} {g}" for g, n in groups.items())
    assert f"{len(CASE_FILES)} corpus case files ({parts})" in readme
    manifests = len(list((CORPUS / "manifests").iterdir()))
    assert f"{manifests} corpus manifests" in readme
