"""Adversarial cases from tests/corpus/documents: every valid case renders in every format with
nothing lost from the PDF, and every invalid one is refused by validate with its location."""

from __future__ import annotations

import html
import io
import re
import subprocess
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import docx
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it.tree import SyntaxTreeNode

import poa
from poa.case.values import BIDI_CONTROLS
from poa.documents.formats import Format
from poa.documents.render import document_warnings
from poa.documents.tree import fit, plain_text

from .conftest import SAMPLES, TODAY, run
from .documents_helpers import needs_poppler, pdf_info, pdf_text

CORPUS = Path(__file__).parent / "corpus" / "documents"
CASES = sorted(CORPUS.glob("*.yaml"))
SNIPPETS = sorted((CORPUS / "snippets").glob("*.txt"))
PT_PER_MM = 72 / 25.4
WORD_BOX = re.compile(
    r'<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">(.*)</word>'
)
# The PDF's text layer maps each glyph to one piece of text, so a Devanagari vowel sign drawn
# before its consonant (U+093F) can drop out of extracted text although it is printed.
TEXT_LAYER_GAPS = str.maketrans("", "", "\u093f")


def expectations(path: Path) -> dict[str, list[str]]:
    """The `# expect...: value` lines at the top of a corpus case."""
    found: dict[str, list[str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if match := re.match(r"# (expect[\w-]*): (.*)$", line):
            found.setdefault(match.group(1), []).append(match.group(2).strip())
    return found


VALID = [p for p in CASES if expectations(p)["expect"] == ["valid"]]
INVALID = [p for p in CASES if expectations(p)["expect"] == ["invalid"]]


@dataclass(frozen=True)
class Word:
    """One word of a PDF page as pdftotext -bbox reports it."""

    text: str
    page: int
    width: float
    height: float
    x_min: float
    y_min: float
    x_max: float
    y_max: float


def pdf_boxes(data: bytes, tmp: Path) -> list[Word]:
    """Every word of a PDF with its page size and box, in points."""
    path = tmp / "boxes.pdf"
    path.write_bytes(data)
    out = subprocess.run(
        ["pdftotext", "-bbox", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    words: list[Word] = []
    page = 0
    size = (0.0, 0.0)
    for line in out.splitlines():
        if match := re.search(r'<page width="([\d.]+)" height="([\d.]+)"', line):
            page += 1
            size = (float(match.group(1)), float(match.group(2)))
        elif match := WORD_BOX.search(line):
            x0, y0, x1, y1 = (float(match.group(i)) for i in range(1, 5))
            words.append(Word(html.unescape(match.group(5)), page, *size, x0, y0, x1, y1))
    return words


def squeeze(text: str) -> str:
    """Text compared as a sequence of letters, marks, digits and symbols, in one Unicode form.
    Whitespace, punctuation and direction marks are left out: text extraction adds or drops
    them where lines wrap (a hyphen at a line end is taken for a word break) and places the
    punctuation between right-to-left and left-to-right words by its own guess."""
    text = unicodedata.normalize("NFC", re.sub(r"Page \d+ of \d+", "", text))
    text = text.translate(TEXT_LAYER_GAPS)
    return "".join(c for c in text if unicodedata.category(c)[0] in "LMNS")


def tree_words(tree: SyntaxTreeNode) -> list[str]:
    """The words a reader of the document sees: the text of every inline node."""
    found: list[str] = []

    def walk(node: SyntaxTreeNode) -> None:
        if node.type == "inline":
            found.extend(plain_text(node).split())
        for child in node.children:
            walk(child)

    walk(tree)
    return found


def assert_nothing_lost(rendered: poa.Rendered, pdf: bytes, tmp: Path) -> None:
    """Every word of the document is in the PDF's text, and every word's box lies inside the
    page's text area (a margin's width of slack at most)."""
    boxes = pdf_boxes(pdf, tmp)
    assert boxes, "the PDF has no text"
    printed = squeeze(pdf_text(pdf, tmp))  # logical order; boxes hold right-to-left words reversed
    missing = [w for w in tree_words(rendered.tree) if squeeze(w) not in printed]
    assert not missing, f"words missing from the PDF: {missing[:5]}"
    slack = 15 * PT_PER_MM  # the theme's side margins are 19 mm
    outside = [
        w
        for w in boxes
        if w.x_min < slack or w.x_max > w.width - slack or w.y_min < 0 or w.y_max > w.height
    ]
    assert not outside, f"words outside the page's text area: {outside[:3]}"


def load(path: Path) -> poa.Case:
    return poa.load_case(path, today=TODAY)


@pytest.mark.parametrize("path", INVALID, ids=lambda p: p.name)
def test_invalid_corpus_cases_are_refused_with_their_location(path: Path) -> None:
    code, out, _ = run("validate", "--today", TODAY.isoformat(), str(path))
    assert code == 1
    for expected in expectations(path)["expect-problem"]:
        field, _, fragment = expected.rpartition(": ")
        lines = [line for line in out.splitlines() if fragment in line]
        assert lines, f"no problem mentions {fragment!r}:\n{out}"
        assert re.match(rf"{re.escape(str(path))}:\d+:\d+: ", lines[0]), lines[0]
        if field:
            assert f" {field}: " in lines[0]
        if fragment.startswith("U+"):
            assert "delete it" in lines[0] or "retype" in lines[0]


@pytest.mark.parametrize("path", VALID, ids=lambda p: p.name)
def test_valid_corpus_cases_render_every_format(path: Path) -> None:
    case = load(path)
    rendered = poa.render_markdown(case)
    for fmt in ("md", "txt", "docx"):
        assert poa.render(case, fmt, rendered=rendered)
    document = docx.Document(io.BytesIO(poa.render(case, "docx", rendered=rendered)))
    props = document.core_properties
    for value in (props.title, props.subject, props.keywords, props.author):
        assert 0 < len(value) <= 255
    assert not BIDI_CONTROLS.search(rendered.markdown)


@needs_poppler
@pytest.mark.parametrize("path", VALID, ids=lambda p: p.name)
def test_valid_corpus_cases_lose_nothing_in_the_pdf(path: Path, tmp_path: Path) -> None:
    case = load(path)
    rendered = poa.render_markdown(case)
    pdf = poa.render(case, "pdf", rendered=rendered)
    assert_nothing_lost(rendered, pdf, tmp_path)
    printed = squeeze(pdf_text(pdf, tmp_path))
    for text in expectations(path).get("expect-pdf-text", []):
        assert squeeze(text) in printed, text
    info = pdf_info(pdf, tmp_path)
    for key in ("Title", "Subject", "Keywords", "Author"):
        assert len(info.get(key, "")) <= 255


@pytest.mark.parametrize("path", VALID, ids=lambda p: p.name)
def test_render_warns_about_what_it_could_not_print(path: Path) -> None:
    rendered = poa.render_markdown(load(path))
    warnings = document_warnings(rendered, [Format.PDF])
    expected = expectations(path).get("expect-warning", [])
    for item in expected:
        field, _, fragment = item.rpartition(": ")
        assert any(w.startswith(f"{field}: ") and fragment in w for w in warnings), warnings
    assert len(warnings) == len(expected), warnings


def snippet_case(text: str) -> dict[str, Any]:
    """An improvement plan (it has tables) with the snippet in long and short fields."""
    data: dict[str, Any] = yaml.safe_load((SAMPLES / "late-shipment-pip-uk.yaml").read_text())
    short = text[:300]
    data["root_causes"][0]["detail"] = text
    data["corrective_actions"][0]["action"] = text
    data["preventive_measures"][0]["measure"] = text
    data["preventive_measures"][1]["owner"] = short
    data["preventive_measures"][2]["frequency"] = short
    data["milestones"][0]["note"] = short
    data["metrics"][0]["cause"] = text
    return data


@needs_poppler
@pytest.mark.parametrize("path", SNIPPETS, ids=lambda p: p.name)
def test_snippets_in_every_field_lose_nothing(path: Path, tmp_path: Path) -> None:
    text = path.read_text(encoding="utf-8").strip("\n")
    case = poa.case_from_data(snippet_case(text), today=TODAY)
    rendered = poa.render_markdown(case)
    for fmt in ("md", "txt", "docx"):
        assert poa.render(case, fmt, rendered=rendered)
    assert_nothing_lost(rendered, poa.render(case, "pdf", rendered=rendered), tmp_path)


def test_a_lone_surrogate_given_as_data_is_named_by_validate() -> None:
    data = snippet_case("Orders \ud800 late")
    with pytest.raises(poa.CaseInvalidError) as caught:
        poa.case_from_data(data, today=TODAY)
    line = caught.value.lines()[0]
    assert "root_causes[0].detail: holds U+D800" in line


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.text(st.characters(exclude_categories=()), min_size=1, max_size=40),
    st.sampled_from(["detail", "store_name"]),
)
def test_validate_and_render_never_disagree(text: str, where: str) -> None:
    """Whatever text a case holds, either validate refuses it, naming the field, or every
    XML-based format renders it."""
    data = snippet_case("Orders were late.")
    target = data["root_causes"][0] if where == "detail" else data["seller"]
    target[where] = "Late " + text
    try:
        case = poa.case_from_data(data, today=TODAY)
    except poa.CaseInvalidError as exc:
        assert all(where in line or "placeholder" in line for line in exc.lines()), exc.lines()
        return
    rendered = poa.render_markdown(case)
    for fmt in ("docx", "txt", "md"):
        assert poa.render(case, fmt, rendered=rendered)


def test_fit_cuts_at_a_word_with_an_ellipsis() -> None:
    text = "word " * 100
    cut = fit(text)
    assert len(cut) <= 255 and cut.endswith("word…")
    assert fit("short text") == "short text"
    cjk = "深" * 400
    assert fit(cjk) == "深" * 254 + "…"
    accents = "a" * 253 + "e\u0301\u0301xyz"
    assert not unicodedata.combining(fit(accents)[-2])
    keywords = ", ".join(f"B0{n:08d}" for n in range(40))
    assert fit(keywords).endswith("…") and not fit(keywords).endswith(",…")


@needs_poppler
def test_long_properties_are_cut_cleanly_in_docx_and_pdf(tmp_path: Path) -> None:
    case = load(CORPUS / "many-asins.yaml")
    document = docx.Document(io.BytesIO(poa.render(case, "docx")))
    keywords = document.core_properties.keywords
    assert keywords.startswith("order-defect-rate, US, B000000010") and keywords.endswith("…")
    assert len(keywords) <= 255
    info = pdf_info(poa.render(case, "pdf"), tmp_path)
    assert info["Keywords"] == keywords
    long = load(CORPUS / "long-subject.yaml")
    subject = docx.Document(io.BytesIO(poa.render(long, "docx"))).core_properties.subject
    assert subject.startswith("Your account has been flagged") and subject.endswith("…")
    assert pdf_info(poa.render(long, "pdf"), tmp_path)["Subject"] == subject


def test_warnings_reach_the_batch_result(tmp_path: Path) -> None:
    from poa.batch import Options, jobs_for, render_batch

    jobs, errors = jobs_for([CORPUS / "private-use-character.yaml"])
    assert not errors
    options = Options(output=tmp_path, formats=(Format.PDF,), today=TODAY)
    (result,) = list(render_batch(jobs, options))
    name = str(CORPUS / "private-use-character.yaml")
    assert any(
        w.startswith(f"{name}: seller.store_name: ") and "U+F8FF" in w for w in result.warnings
    )
    docx_only = Options(output=tmp_path / "docx", formats=(Format.DOCX,), today=TODAY)
    (result,) = list(render_batch(jobs, docx_only))
    assert result.warnings == []  # the PDF's fonts are not the Word reader's


def test_glyph_check_names_fields_against_the_fonts_it_is_given(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from poa.documents import glyphs

    rendered = poa.render_markdown(load(CORPUS / "chinese-seller.yaml"))
    latin_only = glyphs.Coverage.parse("20-7e a0-ff 2010-2027")
    warnings = glyphs.missing_glyph_warnings(rendered, latin_only)
    fields = [w.split(": ")[0] for w in warnings]
    assert fields == ["seller.legal_name", "seller.store_name", "root_causes[0].detail"]
    assert "U+6DF1" in warnings[0]  # 深
    assert glyphs.missing_glyph_warnings(rendered, glyphs.Coverage.parse("0-10ffff")) == []
    monkeypatch.setattr(glyphs, "installed_coverage", lambda: None)
    (warning,) = glyphs.missing_glyph_warnings(rendered)
    assert "fc-list" in warning
