"""Documents other than a plan: chosen by the catalog's route, and what each of them says."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

import poa
from poa.documents.render import document_for, output_stem, render, template_name
from poa.documents.tree import plain_text, sections
from poa.errors import DocumentTemplateError

from .conftest import SAMPLES, TODAY
from .documents_helpers import (
    docx_words,
    list_markers,
    needs_poppler,
    pdf_words,
    tree_words,
    unhyphenated_words,
    words,
)

COUNTER = SAMPLES / "copyright-counter-notice-us.yaml"
RETRACTION = SAMPLES / "trademark-retraction-uk.yaml"
COVER = SAMPLES / "supply-chain-documents-us.yaml"
INTERNAL = SAMPLES / "on-time-delivery-note-us.yaml"
NEW = [COUNTER, RETRACTION, COVER, INTERNAL]


def load(path: Path) -> poa.Case:
    return poa.load_case(path, today=TODAY)


def markdown(case: poa.Case) -> str:
    return render(case, "md").decode()


def text_of(case: poa.Case) -> str:
    """The whole document as one line of plain text."""
    return " ".join(markdown(case).replace("**", "").replace("\\", " ").split())


def data_of(path: Path) -> dict[str, Any]:
    return load(path).model_dump(mode="json", exclude_none=True)


def changed(path: Path, **edits: Any) -> poa.Case:
    data = data_of(path)
    for dotted, value in edits.items():
        *parents, last = dotted.split("__")
        target = data
        for key in parents:
            target = target[key]
        target[last] = value
    return poa.case_from_data(data)


@pytest.mark.parametrize(
    ("path", "title", "stem_end"),
    [
        (COUNTER, "Copyright Counter-Notice:", "counter-notice"),
        (RETRACTION, "Request to Withdraw a Complaint:", "retraction-request"),
        (COVER, "Cover Note:", "cover-note"),
        (INTERNAL, "Internal Improvement Note:", "internal-note"),
    ],
)
def test_the_route_chooses_the_document_and_its_file_name(
    path: Path, title: str, stem_end: str
) -> None:
    case = load(path)
    rendered = poa.render_markdown(case)
    assert rendered.title.startswith(title)
    assert "Root causes" not in [h for h, _ in sections(rendered.tree)]
    assert output_stem(case).endswith(f"-{stem_end}")
    assert template_name(case) == f"{stem_end}.md.j2"


@pytest.mark.parametrize("path", NEW, ids=lambda p: p.stem)
def test_document_plan_of_action_forces_the_plan(path: Path) -> None:
    case = changed(path, document="plan-of-action")
    rendered = poa.render_markdown(case)
    plan = "Plan of Action" if case.kind is poa.Kind.PLAN_OF_ACTION else "Performance Improvement"
    assert rendered.title.startswith(plan)
    assert output_stem(case).endswith(("-poa", "-pip"))
    assert output_stem(case) != output_stem(load(path))


def test_a_route_without_its_own_document_keeps_the_plan() -> None:
    # pesticide-claims is a listing-edit route: no document of its own, so the plan is written.
    case = load(SAMPLES / "pesticide-claims-us.yaml")
    assert document_for(case).value == "plan-of-action"
    assert poa.render_markdown(case).title.startswith("Plan of Action")


def test_counter_notice_holds_every_element_the_statute_requires() -> None:
    case = load(COUNTER)
    text = text_of(case)
    # Identification of the material and where it appeared.
    assert "The main product photographs and the illustrated artwork" in text
    for asin in case.notification.asins:
        assert f"https://www.amazon.com/dp/{asin}" in text
    # Good-faith statement under penalty of perjury: mistake or misidentification.
    assert "under penalty of perjury, that I believe in good faith" in text
    assert "removed or disabled by mistake or because it was misidentified" in text
    # Name, address and telephone number.
    assert "Name: Maren Holt" in text
    assert "Address: 418 Alder Street, Suite 2, Portland, OR 97204" in text
    assert "Telephone: +1 503 555 0148" in text
    # Consent to jurisdiction, with the rule for an address outside the United States.
    assert "consent to the jurisdiction of the Federal District Court" in text
    assert "outside the United States, of any judicial district in which Amazon may be found" in (
        text
    )
    # Acceptance of service of process from the complainant.
    assert "accept service of process from the person who submitted the complaint" in text
    # A signature.
    assert "Signature: /Maren Holt/" in text


def test_counter_notice_opens_with_what_it_commits_the_seller_to() -> None:
    rendered = poa.render_markdown(load(COUNTER))
    first, *_ = [(h, b) for h, b in sections(rendered.tree) if h]
    heading, blocks = first
    assert heading.startswith("Before you sign")
    warning = " ".join(" ".join(tree_words(b)) for b in blocks)
    assert "10 to 14 business days to file a lawsuit" in warning
    assert "false statement" in warning
    assert "leave it out of what you send" in warning


@pytest.mark.parametrize("store", ["UK", "DE", "CA"])
def test_counter_notice_is_refused_outside_the_us(store: str) -> None:
    case = changed(COUNTER, notification__marketplace=store, seller__marketplaces=[store])
    with pytest.raises(DocumentTemplateError, match="US procedure") as caught:
        render(case, "pdf")
    assert "notification.marketplace" in caught.value.message
    assert store in caught.value.message


@pytest.mark.parametrize(
    ("field", "named"),
    [("seller__address", "seller.address"), ("seller__phone", "seller.phone")],
)
def test_counter_notice_without_contact_details_names_the_field(field: str, named: str) -> None:
    data = data_of(COUNTER)
    section, key = field.split("__")
    del data[section][key]
    case = poa.case_from_data(data)
    with pytest.raises(DocumentTemplateError, match=re.escape(named)):
        render(case, "md")


def test_retraction_request_names_the_asins_and_every_change_with_its_date() -> None:
    case = load(RETRACTION)
    text = text_of(case)
    assert text.startswith("# Request to Withdraw a Complaint: ASINs B0FRN2201H and B0FRN2202H")
    assert "Dear Hearthstone Brands Ltd," in text
    assert "To: Hearthstone Brands Ltd, brandprotection@hearthstone.example" in text
    assert "29 October 2026: Listing edited (ASINs B0FRN2201H and B0FRN2202H)" in text
    assert "30 October 2026: Units removed from sale (ASIN B0FRN2202H, 140 units)" in text
    assert "6 November 2026: Stock destroyed (ASIN B0FRN2202H, 140 units)" in text
    assert "We ask you to withdraw your complaint" in text
    # The rights owner sends the withdrawal to Amazon; no address is made up for it.
    assert "Amazon's notice-dispute team at the address Amazon gave you" in text
    assert "reference 8274615390" in text
    assert "@amazon" not in text
    # A letter to a rights owner carries no merchant token.
    assert "Merchant token" not in text


def test_retraction_request_without_changes_lists_the_corrective_actions() -> None:
    case = changed(RETRACTION, changes=[])
    text = text_of(case)
    assert "6 November 2026: Edited both listings and recalled and destroyed the packaging" in text


def test_retraction_request_needs_the_rights_owner() -> None:
    data = data_of(RETRACTION)
    del data["dispute"]
    with pytest.raises(DocumentTemplateError, match=re.escape("dispute.rights_owner")):
        render(poa.case_from_data(data), "md")


def test_cover_note_lists_each_document_with_what_it_shows() -> None:
    case = load(COVER)
    rendered = poa.render_markdown(case)
    assert "Dear Seller Performance Team," in rendered.markdown
    enclosed = dict(sections(rendered.tree))["Documents enclosed"]
    items = [plain_text(i.children[0].children[0]) for i in enclosed[0].children]
    assert len(items) == len(case.evidence) == 2
    for item, evidence in zip(items, case.evidence, strict=True):
        assert item.startswith(evidence.file)
        assert evidence.proves in item
    assert "we enclose two documents" in rendered.markdown


def test_cover_note_without_documents_is_refused() -> None:
    data = data_of(COVER)
    data["evidence"] = []
    for action in data["corrective_actions"]:
        action.pop("evidence", None)  # nothing left to cite
    case = poa.case_from_data(data)
    with pytest.raises(DocumentTemplateError, match="needs evidence"):
        render(case, "md")


def test_internal_note_says_at_the_top_it_is_not_for_amazon() -> None:
    case = load(INTERNAL)
    rendered = poa.render_markdown(case)
    first_paragraph = plain_text(rendered.tree.children[1].children[0])
    assert first_paragraph.startswith("Internal document: not for sending to Amazon.")
    text = text_of(case)
    assert "On-Time Delivery Rate: 86.4% (1,126 of 1,303 orders) over 14 days" in text
    assert "Shipping coordinator · weekly" in text
    assert "reviewed every week" in text
    # Nothing in it is addressed to Amazon.
    assert "Dear" not in text
    assert "Sincerely" not in text


@needs_poppler
@pytest.mark.parametrize("path", NEW, ids=lambda p: p.stem)
def test_docx_pdf_markdown_and_text_carry_the_same_words(path: Path, tmp_path: Path) -> None:
    case = load(path)
    rendered = poa.render_markdown(case)
    expected = tree_words(rendered.tree)
    assert docx_words(render(case, "docx", rendered=rendered)) == expected
    flat = unhyphenated_words(" ".join(plain_text(n) for n in _inlines(rendered.tree)))
    in_pdf = pdf_words(render(case, "pdf", rendered=rendered), tmp_path)
    assert in_pdf - list_markers(rendered.tree) == Counter(flat)
    # The text output is the whole document, not appeal-form boxes: no box is left out.
    txt = render(case, "txt", rendered=rendered).decode()
    assert "appeal form" not in txt
    assert Counter(words(txt)) - list_markers(rendered.tree) == Counter(expected)


def _inlines(node: Any) -> list[Any]:
    if node.type == "inline":
        return [node]
    return [n for child in node.children for n in _inlines(child)]


def test_a_users_template_folder_overrides_the_new_documents(tmp_path: Path) -> None:
    (tmp_path / "cover-note.md.j2").write_text(
        "# Our own cover note\n\n{% for item in exhibits %}- {{ item.file }}\n{% endfor %}\n",
        encoding="utf-8",
    )
    library = poa.TemplateLibrary([tmp_path])
    rendered = poa.render_markdown(load(COVER), library=library)
    assert rendered.title == "Our own cover note"
    assert "invoice-ridgeline-20260814.pdf" in rendered.markdown
