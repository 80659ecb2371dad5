"""Whatever a user writes, `poa validate` answers with located lines and an exit code."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from poa import PoaError, parse_case
from poa.yamlfile import MAX_BYTES

from .conftest import TODAY, run

CASES: list[tuple[str, bytes, str]] = [
    ("empty", b"", "empty.yaml:1:1: file is empty"),
    ("only comments", b"# nothing here\n", "only comments.yaml:1:1: file is empty"),
    (
        "syntax",
        b"kind: [\nseller: x\n",
        "syntax.yaml:3:1: YAML syntax error: did not find expected ',' or ']' "
        "(parsing a flow sequence that starts at line 1, column 7)",
    ),
    ("list", b"- a\n- b\n", "list.yaml:1:1: a case file must be a set of fields"),
    ("scalar", b"just words\n", "scalar.yaml:1:1: a case file must be a set of fields"),
    (
        "wrong type",
        b"kind: plan-of-action\nseller: [1, 2]\n",
        "wrong type.yaml:2:9: seller: should be a group of fields",
    ),
    ("bad kind", b"kind: appeal\n", "bad kind.yaml:1:7: kind: must be one of"),
    (
        "duplicate key",
        b"kind: plan-of-action\nkind: plan-of-action\n",
        "duplicate key.yaml:2:1: kind: field 'kind' appears twice here",
    ),
    (
        "python tag",
        b"seller: !!python/object/apply:os.system ['echo hi']\n",
        "python tag.yaml:1:9: seller: the YAML tag",
    ),
    ("binary", b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary.yaml: is a binary file"),
    (
        "latin-1",
        "kind: plan-of-action\nseller: Société\n".encode("latin-1"),
        "latin-1.yaml:2:1: file is not UTF-8 text",
    ),
    (
        "two documents",
        b"kind: plan-of-action\n---\nkind: plan-of-action\n",
        "two documents.yaml:3:1: file holds more than one YAML document",
    ),
    (
        "alias bomb",
        b"a: &a [1,1,1,1,1,1,1,1,1,1]\n"
        + b"".join(
            f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 10)}]\n".encode()
            for i in range(7)
        ),
        "too many values",
    ),
]


@pytest.mark.parametrize(("name", "content", "expected"), CASES, ids=[c[0] for c in CASES])
def test_bad_files_get_one_clear_line_and_exit_1(
    tmp_path: Path, name: str, content: bytes, expected: str
) -> None:
    path = tmp_path / f"{name}.yaml"
    path.write_bytes(content)
    code, out, err = run("validate", "--today", TODAY.isoformat(), str(path))
    assert code == 1
    assert err == ""
    assert expected in out
    assert str(tmp_path) in out.splitlines()[0]
    assert "Traceback" not in out


def test_huge_file_is_refused_without_reading_it_all(tmp_path: Path) -> None:
    path = tmp_path / "huge.yaml"
    path.write_bytes(b"# " + b"x" * (MAX_BYTES + 10))
    code, out, _ = run("validate", str(path))
    assert code == 1
    assert "file is larger than 2 MB" in out


def test_missing_file_and_empty_folder_are_reported_and_others_still_checked(
    tmp_path: Path,
) -> None:
    (tmp_path / "empty").mkdir()
    code, out, _ = run(
        "validate",
        "--today",
        TODAY.isoformat(),
        str(tmp_path / "nope.yaml"),
        str(tmp_path / "empty"),
        "samples/drop-shipping-us.yaml",
    )
    assert code == 1
    assert "nope.yaml: no such file or folder" in out
    assert "empty: no case files (*.yaml, *.yml) in this folder" in out
    assert "1 file checked, 2 paths not found or empty; 2 problems" in out
    assert "valid" not in out  # never called valid after an error


def test_usage_errors_exit_2_on_stderr() -> None:
    code, _, err = run("validate")
    assert code == 2
    assert "the following arguments are required: PATH" in err
    code, _, err = run("validate", "--today", "yesterday", "x.yaml")
    assert code == 2
    assert "'yesterday' is not a date" in err
    code, _, err = run("frobnicate")
    assert code == 2
    assert "invalid choice: 'frobnicate'" in err


yaml_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False)
    | st.text(max_size=20)
    | st.dates(),
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(
            st.sampled_from(
                [
                    "kind",
                    "seller",
                    "notification",
                    "root_causes",
                    "id",
                    "legal_name",
                    "asins",
                    "x",
                    "evidence",
                ]
            )
            | st.text(max_size=8),
            children,
            max_size=4,
        )
    ),
    max_leaves=20,
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(yaml_values)
def test_arbitrary_yaml_documents_raise_only_poa_errors(value: object) -> None:
    text = yaml.safe_dump(value)
    try:
        parse_case(text, "fuzz.yaml", today=TODAY)
    except PoaError as exc:
        assert exc.lines()


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_arbitrary_text_raises_only_poa_errors(text: str) -> None:
    try:
        parse_case(text, "fuzz.yaml", today=TODAY)
    except PoaError as exc:
        assert exc.lines()
