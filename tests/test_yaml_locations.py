"""Reading YAML: each value's line and column, and the located message for what goes wrong."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from poa import CaseInvalidError, InputError, Problem, parse_case, yamlfile
from poa.yamldump import dump_yaml
from poa.yamlfile import format_loc

from .conftest import SAMPLES, TODAY, run

NESTED = """\
# a comment line
kind: plan-of-action
seller:
  legal_name:
  signatory:
    name: Dana
    role: Owner
  marketplaces:
    - US
    - CA
items: [a, {b: 1}]
"""


def located(text: str) -> list[tuple[int | None, int | None, str, str]]:
    """(line, column, field, message) of every problem in a case file's text."""
    with pytest.raises(InputError) as info:
        parse_case(text, "case.yaml", today=TODAY)
    assert all(p.file == "case.yaml" for p in info.value.problems)
    return [(p.line, p.column, p.field, p.message) for p in info.value.problems]


def only(text: str) -> tuple[int | None, int | None, str, str]:
    """The single problem of a text that is refused before any field is checked."""
    with pytest.raises(InputError) as info:
        yamlfile.parse(text, "case.yaml")
    [problem] = info.value.problems
    assert problem.file == "case.yaml"
    return problem.line, problem.column, problem.field, problem.message


def sample_text() -> str:
    return (SAMPLES / "odr-negative-feedback-us.yaml").read_text(encoding="utf-8")


def line_of(text: str, needle: str, nth: int = 0) -> int:
    """The 1-based number of the nth line that is exactly `needle`."""
    return [n for n, line in enumerate(text.splitlines(), 1) if line == needle][nth]


# Where values and keys stand


def test_nested_values_are_located_where_they_start() -> None:
    doc = yamlfile.parse(NESTED, "case.yaml")
    assert doc.position(("kind",)) == (2, 7)
    assert doc.position(("seller", "signatory", "name")) == (6, 11)
    assert doc.position(("seller", "signatory", "role")) == (7, 11)


def test_list_items_are_located_one_by_one() -> None:
    doc = yamlfile.parse(NESTED, "case.yaml")
    assert doc.position(("seller", "marketplaces", 0)) == (9, 7)
    assert doc.position(("seller", "marketplaces", 1)) == (10, 7)
    assert doc.position(("items", 0)) == (11, 9)  # flow style: [a, {b: 1}]
    assert doc.position(("items", 1, "b")) == (11, 16)


def test_keys_are_located_apart_from_their_values() -> None:
    doc = yamlfile.parse(NESTED, "case.yaml")
    assert doc.position(("seller", "signatory", "name"), prefer_key=True) == (6, 5)
    assert doc.keys[("seller", "marketplaces")] == (8, 3)
    assert doc.values[("seller", "marketplaces")] == (9, 5)


def test_a_location_not_in_the_file_falls_back_to_what_encloses_it() -> None:
    doc = yamlfile.parse(NESTED, "case.yaml")
    assert doc.position(("seller", "signatory", "email")) == (6, 5)  # the signatory block
    assert doc.position(("seller", "marketplaces", 7)) == (9, 5)  # the list
    assert doc.position(("notification", "subject")) == (2, 1)  # the document


def test_a_wrong_value_deep_in_a_list_is_reported_at_that_value() -> None:
    text = sample_text().replace(
        "    asins: [B08HPC4411]\n    units: 14", "    asins: [B08HPC441]\n    units: 14"
    )
    line = line_of(text, "    asins: [B08HPC441]")
    assert located(text) == [
        (
            line,
            13,
            "root_causes[1].asins[0]",
            "'B08HPC441' is not an ASIN: expected 10 characters such as B07XJ8C8F5 (or an "
            "ISBN-10 for books); copy it from the notification or the listing",
        )
    ]


def test_a_wrong_item_in_a_block_list_is_reported_at_its_line() -> None:
    text = sample_text().replace("    - 113-9021874-5521093", "    - 113-902187-5521093")
    line = line_of(text, "    - 113-902187-5521093")
    assert located(text) == [
        (
            line,
            7,
            "notification.order_ids[1]",
            "'113-902187-5521093' is not an Amazon order ID: expected 3-7-7 digits such as "
            "112-3456789-0123456",
        )
    ]


def test_a_key_with_no_value_is_reported_on_its_own_line() -> None:
    text = sample_text().replace("  store_name: Harbor & Pine", "  store_name:")
    line = line_of(text, "  store_name:")
    assert located(text) == [
        (
            line,
            14,
            "seller.store_name",
            "is required: fill it in",
        )
    ]


def test_a_missing_field_is_reported_at_the_block_it_belongs_in() -> None:
    text = sample_text().replace("  subject: Your Order Defect Rate is above Amazon's target\n", "")
    block = line_of(text, "notification:") + 1  # the block starts with its first field
    assert located(text) == [
        (block, 3, "notification.subject", "is required but missing: add it"),
    ]


def test_a_missing_field_of_a_list_item_is_reported_at_that_item() -> None:
    text = sample_text().replace(
        "    measure: The Account Health page and the response-time report are reviewed every "
        "Monday.\n",
        "",
    )
    item = line_of(text, "  - id: PM2")
    assert located(text) == [
        (item, 5, "preventive_measures[1].measure", "is required but missing: add it"),
    ]


def test_a_missing_top_level_field_is_reported_at_the_first_field() -> None:
    text = "# written by hand\n\n" + sample_text().split("root_causes:")[0]
    assert [p[:3] for p in located(text)] == [
        (3, 1, "root_causes"),
        (3, 1, "corrective_actions"),
        (3, 1, "preventive_measures"),
    ]


def test_a_byte_order_mark_does_not_shift_columns(tmp_path: Path) -> None:
    path = tmp_path / "bom.yaml"
    path.write_bytes(b"\xef\xbb\xbfkind: appeal\n")
    doc = yamlfile.parse(yamlfile.read_text(path), str(path))
    assert doc.data == {"kind": "appeal"}
    assert doc.position(("kind",)) == (1, 7)


# Unknown and duplicate fields


def test_an_unknown_field_is_reported_at_its_key_with_the_close_match() -> None:
    text = sample_text().replace("    role: Owner", "    rol: Owner")
    block = line_of(text, "    name: Dana Whitfield")
    assert located(text) == [
        (block, 5, "seller.signatory.role", "is required but missing: add it"),
        (block + 1, 5, "seller.signatory.rol", "unknown field: did you mean `role`?"),
    ]


def test_an_unknown_field_with_nothing_close_lists_the_known_ones() -> None:
    text = sample_text().replace("    role: Owner", "    role: Owner\n    phone: 555-0100")
    line = line_of(text, "    phone: 555-0100")
    assert located(text) == [
        (line, 5, "seller.signatory.phone", "unknown field: known fields: name, role")
    ]


def test_an_unknown_field_in_a_list_item_names_the_item() -> None:
    text = sample_text().replace("    kpi: every message", "    kpis: every message")
    line = line_of(text, "    kpis: every message answered within 12 hours")
    assert located(text) == [
        (line, 5, "preventive_measures[0].kpis", "unknown field: did you mean `kpi`?")
    ]


def test_a_duplicate_key_is_reported_where_it_comes_again() -> None:
    assert only("kind: plan-of-action\nseller:\n  email: a@b.c\n  email: d@e.f\n") == (
        4,
        3,
        "seller.email",
        "field 'email' appears twice here: keep one",
    )


def test_a_duplicate_key_inside_a_flow_list() -> None:
    assert only("a: [1, {b: 2, b: 3}]\n") == (
        1,
        15,
        "a[1].b",
        "field 'b' appears twice here: keep one",
    )


# What is refused before the fields are checked


@pytest.mark.parametrize(
    ("text", "tag"),
    [
        ("seller: !!python/object/apply:os.system ['echo hi']\n", "python/object/apply:os.system"),
        ("seller: !!set {a, b}\n", "set"),
        ("seller: !!omap [a: 1]\n", "omap"),
        ("seller: !!python/dict {a: 1}\n", "python/dict"),
    ],
)
def test_tags_on_blocks_and_lists_are_refused(text: str, tag: str) -> None:
    assert only(text) == (
        1,
        9,
        "seller",
        f"the YAML tag 'tag:yaml.org,2002:{tag}' is not allowed: "
        "case files hold plain text, numbers, dates and lists",
    )


@pytest.mark.parametrize(
    ("text", "tag"),
    [
        ("name: !!python/name:os.system\n", "tag:yaml.org,2002:python/name:os.system"),
        ("name: !Ref RC1\n", "!Ref"),
    ],
)
def test_unknown_tags_on_values_are_refused(text: str, tag: str) -> None:
    assert only(text) == (
        1,
        7,
        "name",
        f"cannot read this value (could not determine a constructor for the tag {tag!r}): "
        "remove the tag and write plain text, numbers, dates or lists",
    )


def test_merge_keys_are_refused() -> None:
    assert only("base: &b {role: Owner}\nsignatory:\n  name: Dana\n  <<: *b\n") == (
        4,
        3,
        "signatory",
        "'<<' merge keys are not supported: write the fields out",
    )


def test_a_field_name_must_be_plain_text() -> None:
    assert only("? [a, b]\n: c\n") == (1, 3, "", "a field name must be plain text")


def test_aliases_within_the_budget_are_expanded_and_located_at_the_alias() -> None:
    doc = yamlfile.parse("a: &x [US, CA]\nb: *x\n", "case.yaml")
    assert doc.data == {"a": ["US", "CA"], "b": ["US", "CA"]}
    assert doc.position(("b", 1)) == (1, 12)  # the anchored item the alias repeats


def test_too_many_values_are_refused_where_the_budget_runs_out(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(yamlfile, "MAX_NODES", 6)
    assert yamlfile.parse("a: [1, 2, 3, 4]\n", "case.yaml").data == {"a": [1, 2, 3, 4]}
    assert only("a: &x [1, 2]\nb: *x\n") == (
        1,
        11,
        "b",  # the alias that expands past the budget
        "too many values or levels (anchors and aliases expand too far): "
        "write the case out plainly",
    )


def test_an_alias_bomb_is_refused_quickly() -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 9)]
    _, _, _, message = only("\n".join(lines) + "\n")
    assert message.startswith("too many values")


def test_a_file_over_the_size_limit_is_not_read(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    path.write_bytes(b"#" * yamlfile.MAX_BYTES)
    assert yamlfile.read_text(path) == "#" * yamlfile.MAX_BYTES
    path.write_bytes(b"#" * (yamlfile.MAX_BYTES + 1))
    with pytest.raises(InputError) as info:
        yamlfile.read_text(path)
    assert info.value.message == (
        f"{path}: file is larger than 2 MB: a case file is a short text file; check you "
        "picked the right one"
    )


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            b"kind: x\x00\n",
            "{path}: is a binary file, not YAML text: check you picked the right one",
        ),
        (
            b"kind: plan-of-action\nseller:\n  name: Soci\xe9t\xe9\n",
            "{path}:3:1: file is not UTF-8 text: save it again as UTF-8 in your editor",
        ),
    ],
)
def test_files_that_are_not_text(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "case.yaml"
    path.write_bytes(content)
    with pytest.raises(InputError) as info:
        yamlfile.read_text(path)
    assert info.value.message == message.format(path=path)


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file: check the path"):
        yamlfile.read_text(tmp_path / "nope.yaml")
    with pytest.raises(InputError, match="is a folder, not a file"):
        yamlfile.read_text(tmp_path)


def test_a_syntax_error_names_where_the_broken_part_started() -> None:
    assert only("subject: 'Your Order Defect Rate\nkind: x\n") == (
        3,
        1,
        "",
        "YAML syntax error: found unexpected end of stream (scanning a quoted scalar that "
        "starts at line 1, column 10): check indentation and quote text that contains ': ' "
        "or starts with a special character",
    )


def test_an_unquoted_colon_is_a_syntax_error_at_the_colon() -> None:
    assert only("subject: Re: your account\n") == (
        1,
        12,
        "",
        "YAML syntax error: mapping values are not allowed in this context: check "
        "indentation and quote text that contains ': ' or starts with a special character",
    )


def test_a_second_document_is_located_where_it_starts() -> None:
    assert only("kind: plan-of-action\n---\nkind: plan-of-action\n") == (
        3,
        1,
        "",
        "file holds more than one YAML document ('---'): keep one case per file",
    )


@pytest.mark.parametrize("text", ["", "\n\n", "# only a comment\n"])
def test_an_empty_file(text: str) -> None:
    assert only(text) == (1, 1, "", "file is empty: start from `poa new ISSUE-TYPE`")


# Dates


@pytest.mark.parametrize("value", ["14/09/2026", "next week", "2026-09-14 10:00"])
def test_a_date_that_is_not_a_date(value: str) -> None:
    text = sample_text().replace("  received_on: 2026-09-14", f"  received_on: {value}")
    line = line_of(text, f"  received_on: {value}")
    assert located(text) == [
        (
            line,
            16,
            "notification.received_on",
            "is not a date: write it as YYYY-MM-DD, such as 2026-03-14",
        )
    ]


def test_an_impossible_date_is_kept_as_text_where_text_is_wanted() -> None:
    doc = yamlfile.parse("subject: 2026-02-30\nreceived_on: 2026-02-28\n", "case.yaml")
    assert doc.data["subject"] == "2026-02-30"
    assert doc.data["received_on"].isoformat() == "2026-02-28"


# Problems about the whole document


@pytest.mark.parametrize("text", ["- kind: plan-of-action\n- kind: x\n", "just words\n", "42\n"])
def test_a_document_that_is_not_a_set_of_fields(text: str) -> None:
    with pytest.raises(CaseInvalidError) as info:
        parse_case(text, "case.yaml", today=TODAY)
    [problem] = info.value.problems
    assert str(problem) == (
        "case.yaml:1:1: a case file must be a set of fields (kind:, seller:, notification:, "
        "...), not a list or a single value: start from `poa new ISSUE-TYPE`"
    )


def test_a_problem_at_the_root_has_no_field_name() -> None:
    doc = yamlfile.parse("\n\nkind: x\n", "case.yaml")
    assert doc.problem((), "whole file") == Problem("case.yaml", 3, 1, "", "whole file")


# How a location is written


@pytest.mark.parametrize(
    ("loc", "text"),
    [
        ((), ""),
        (("kind",), "kind"),
        (("corrective_actions", 1, "completed_on"), "corrective_actions[1].completed_on"),
        (("root_causes", 0, "evidence", 2), "root_causes[0].evidence[2]"),
        (("seller", "merchant_tokens", "DE"), "seller.merchant_tokens.DE"),
        ((3,), "[3]"),
        ((0, "key"), "[0].key"),
    ],
)
def test_format_loc(loc: tuple[str | int, ...], text: str) -> None:
    assert format_loc(loc) == text


@pytest.mark.parametrize(
    ("problem", "text"),
    [
        (Problem("a.yaml", 4, 9, "seller.email", "bad"), "a.yaml:4:9: seller.email: bad"),
        (Problem("a.yaml", 4, None, "kind", "bad"), "a.yaml:4:1: kind: bad"),
        (Problem("a.yaml", None, None, "kind", "bad"), "a.yaml: kind: bad"),
        (Problem("a.yaml", 1, 1, "", "empty"), "a.yaml:1:1: empty"),
    ],
)
def test_a_problem_reads_file_line_column_field_message(problem: Problem, text: str) -> None:
    assert str(problem) == text


def test_a_parsed_sample_locates_every_value_it_holds() -> None:
    text = sample_text()
    doc = yamlfile.parse(text, "case.yaml")
    assert doc.data == yaml.safe_load(text)
    lines = text.splitlines()
    for loc, (line, column) in doc.values.items():
        if loc and isinstance(loc[-1], str) and loc in doc.keys:
            key_line, key_column = doc.keys[loc]
            assert lines[key_line - 1][key_column - 1 :].startswith(f"{loc[-1]}:"), loc
            assert (line, column) >= (key_line, key_column), loc


# Numbers written where text is wanted


def test_a_number_written_where_text_is_wanted_is_taken_as_written() -> None:
    # YAML reads 0123 as the octal 83, 0x1F as 31 and 1.10 as 1.1; a seller means the text.
    text = (
        sample_text()
        .replace("legal_name: Harbor & Pine Home Goods LLC", "legal_name: 0x1F")
        .replace("store_name: Harbor & Pine", "store_name: 1.10")
        .replace("reference: ODR-US-5582914", "reference: 0123")
        .replace("asins: [B08HPC4411]", "asins: [0201633612]")
    )
    case = parse_case(text, "case.yaml", today=TODAY)
    assert (case.seller.legal_name, case.seller.store_name) == ("0x1F", "1.10")
    assert case.notification.reference == "0123"
    # An ISBN-10 ASIN, not the octal 34027402.
    assert {a for c in case.root_causes for a in c.asins} == {"0201633612"}


def test_a_number_read_from_a_file_is_written_back_as_it_was_written() -> None:
    data = yamlfile.parse("reference: 0123\nshare: 1.10\ncount: 7\n", "case.yaml").data
    assert dump_yaml(data) == "reference: 0123\nshare: 1.10\ncount: 7\n"
    assert (data["reference"], data["share"]) == (83, 1.1)  # still numbers where numbers are wanted


def test_yes_or_a_date_written_bare_where_text_is_wanted_says_to_quote_it() -> None:
    text = (
        sample_text()
        .replace("store_name: Harbor & Pine", "store_name: yes")
        .replace("reference: ODR-US-5582914", "reference: 2026-01-05")
    )
    found = {(field, message) for _, _, field, message in located(text)}
    assert (
        "seller.store_name",
        "should be text: YAML reads yes, no, on, off, true and false "
        "written bare as a yes-or-no answer; quote it",
    ) in found
    assert (
        "notification.reference",
        "should be text: YAML reads a date written bare as a date; quote it",
    ) in found


def test_a_tab_in_the_indentation_is_named_as_such() -> None:
    # libyaml calls it "a character that cannot start any token", which says nothing of tabs.
    text = "kind: plan-of-action\nseller:\n\tlegal_name: Acme\n"
    assert only(text) == (
        3,
        1,
        "",
        "a tab: YAML indents with spaces only, so replace it with spaces",
    )


def test_a_symbolic_link_that_leads_back_to_itself_is_named_as_such(tmp_path: Path) -> None:
    first, second = tmp_path / "a.yaml", tmp_path / "b.yaml"
    first.symlink_to(second)
    second.symlink_to(first)
    code, out, _ = run("validate", str(first))
    assert code == 1
    assert "symbolic links lead back round to themselves" in out
    assert "permissions" not in out


@pytest.mark.parametrize("day", ["2026-02-29", "2026-02-30", "2026-13-01", "2026-04-31"])
def test_a_date_written_right_that_is_no_real_day_says_so(day: str) -> None:
    text = sample_text().replace("received_on: 2026-09-14", f"received_on: {day}")
    [(_, _, field, message)] = located(text)
    assert field == "notification.received_on"
    assert message == "is not a real date: check the month and the day (YYYY-MM-DD)"
