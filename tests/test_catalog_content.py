"""What the built-in catalog says: Amazon's rules, real policy names, US spelling, the right
answer route and submission for each notice, and items written the way a reviewer expects."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, get_args

import pytest
import yaml

from poa import load_catalog
from poa.case.kinds import EvidenceKind
from poa.catalog import CATEGORIES, GROUPS, ROUTES, SUBMIT_VIA, IssueType
from poa.checks.engine import check_text
from poa.checks.findings import FieldKind
from poa.scaffold import scaffold_text

from .conftest import SAMPLE_FILES, TODAY, run

CATALOG = load_catalog()
ISSUES = list(CATALOG)

# British spellings (and their inflections) that US letters must not carry. The letters convert
# US spelling to British for stores outside North America, never the other way round.
BRITISH = re.compile(
    r"\b("
    r"fulfil|fulfils|fulfilment|fulfilments"
    r"|(un)?authoris(e|ed|es|ing|ation|ations)"
    r"|organis(e|ed|es|ing|ation|ations)|recognis(e|ed|es|ing)|categoris(e|ed|es|ing|ation)"
    r"|minimis(e|ed|es|ing)|maximis(e|ed|es|ing)|prioritis(e|ed|es|ing)|optimis(e|ed|es|ing)"
    r"|standardis(e|ed|es|ing)|summaris(e|ed|es|ing)|apologis(e|ed|es|ing)|realis(e|ed|es|ing)"
    r"|sanitis(e|ed|es|ing)|utilis(e|ed|es|ing)|customis(e|ed|es|ing)|finalis(e|ed|es|ing)"
    r"|centralis(e|ed|es|ing)|emphasis(e|ed|es|ing)|analys(e|ed|es|ing)|licens(ed)?ing"
    r"|colour(s|ed|ing)?|favour(s|ed|ite|able)?|behaviour(s)?|labour|honour|neighbour|odour"
    r"|flavour(s)?|humour|vapour|endeavour|harbour"
    r"|centre(s|d)?|fibre(s)?|litre(s)?|metre(s)?|theatre"
    r"|licence(s)?|catalogue(s|d)?|programme(s)?|dialogue"
    r"|(re|mis|un)?label(l)(ed|ing)|cancel(l)(ed|ing)|travel(l)(ed|ing)|model(l)(ed|ing)"
    r"|defence|offence|judgement|ageing|mould(s|y)?|grey|cheque(s)?|tyre(s)?|jewellery"
    r"|aluminium|enrol|enrolment|instalment(s)?|practis(e|ed|es|ing)|whilst|amongst|dearer"
    r"|paediatric|storey|plough|manoeuvre|skilful|wilful|counsellor|per cent"
    r")\b",
    re.IGNORECASE,
)

# Names sellers see quoted as policies that Amazon has never used: metrics are not policies.
INVENTED_POLICIES = {
    "order defect rate policy",
    "late shipment rate policy",
    "shipping and late shipment rate policy",
    "pre-fulfillment cancel rate policy",
    "pre-fulfilment cancel rate policy",
    "valid tracking rate policy",
    "on-time delivery rate policy",
    "return dissatisfaction rate policy",
    "product safety and compliance policy",
    "expiration-dated products policy",
    "seller feedback guidelines",
}

NEW_TYPES: dict[str, tuple[str, str]] = {
    "counterfeit-complaint": ("poa", "ip-dispute"),
    "copyright-complaint-other-stores": ("retraction", "rights-owner"),
    "gpsr-product-safety": ("listing-edit", "listing-edit"),
    "epr-registration": ("documents-only", "compliance-upload"),
    "dangerous-goods-review": ("documents-only", "compliance-upload"),
    "dietary-supplement-testing": ("documents-only", "compliance-upload"),
    "pesticide-claims": ("listing-edit", "appeal-form"),
    "buyer-messaging-misuse": ("poa", "appeal-form"),
    "recalled-product": ("poa", "appeal-form"),
    "funds-held": ("documents-only", "appeal-form"),
    "suspension-reason-unstated": ("poa", "appeal-form"),
    "product-condition-complaint": ("poa", "appeal-form"),
}

HEDGES = re.compile(r"\b(try|tries|trying|aim|aims|hope|hopes|will|should|do our best)\b", re.I)
BLAME = re.compile(
    r"\b(not our fault|at fault|fault of|unfair|lied|lying|fraudulent buyers?|careless|blame)\b"
    r"|\b(carrier|supplier|buyer|customer|amazon)('s)? (failed|missed|lost|refused|caused)\b",
    re.I,
)


def strings(value: Any) -> Iterator[str]:
    """Every string inside a dumped catalog entry."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings(item)


@pytest.mark.parametrize("issue", ISSUES, ids=lambda i: i.key)
def test_every_entry_states_amazons_rule_as_a_sentence(issue: IssueType) -> None:
    assert issue.rule, f"{issue.key} has no rule"
    assert issue.rule[0].isupper() and issue.rule.endswith("."), issue.rule
    assert len(re.findall(r"[.;:]\s", issue.rule + " ")) <= 4, f"{issue.key}: rule too long"


def test_no_policy_name_is_invented() -> None:
    metric_names = {m.name.lower() for m in CATALOG.metrics.values()}
    for issue in ISSUES:
        if issue.policy is None:
            continue
        name = issue.policy.lower()
        assert name not in INVENTED_POLICIES, issue.key
        assert not any(name.startswith(metric) for metric in metric_names), issue.key


def test_no_catalog_text_uses_british_spelling() -> None:
    found = []
    for issue in ISSUES:
        for text in strings(issue.model_dump(mode="json")):
            found += [f"{issue.key}: {m.group(0)}" for m in BRITISH.finditer(text)]
    for table in (GROUPS, CATEGORIES, ROUTES, SUBMIT_VIA):
        for text in table.values():
            found += [f"label: {m.group(0)}" for m in BRITISH.finditer(text)]
    assert not found, found


def test_the_spelling_check_catches_british_words() -> None:
    text = "Authorised fulfilment centres relabelled the colour catalogue; licence cancelled."
    assert len(list(BRITISH.finditer(text))) == 8
    assert not BRITISH.search("Authorized fulfillment centers relabeled the license; canceled.")


@pytest.mark.parametrize("issue", ISSUES, ids=lambda i: i.key)
def test_scaffold_for_every_type_is_us_spelled(issue: IssueType) -> None:
    text = scaffold_text(issue)
    assert not BRITISH.search(text), [m.group(0) for m in BRITISH.finditer(text)]
    assert f"issue_type: {issue.key}" in text


@pytest.mark.parametrize("issue", ISSUES, ids=lambda i: i.key)
def test_scaffold_suggestions_read_as_written_and_parse_back(issue: IssueType) -> None:
    # A seller reads the offered causes in the file and uncomments one: "supplier's", not
    # "supplier\u0027s", and YAML must read back the catalog's sentence exactly.
    text = scaffold_text(issue)
    assert "\\u00" not in text
    summaries = [
        yaml.safe_load(line.split("#   ", 1)[1])["summary"]
        for line in text.splitlines()
        if line.strip().startswith("#   summary:")
    ]
    assert set(issue.root_causes) <= set(summaries)


@pytest.mark.parametrize("key", sorted(NEW_TYPES))
def test_new_notice_types_have_their_route_and_submission(key: str) -> None:
    issue = CATALOG.get(key)
    route, via = NEW_TYPES[key]
    assert (issue.route, issue.submit_via) == (route, via)


def test_advisory_metrics_are_improved_and_monitored_without_a_plan() -> None:
    advisory = [i for i in ISSUES if i.metric and not i.metric.enforced]
    assert {i.key for i in advisory} == {"on-time-delivery-rate", "return-dissatisfaction-rate"}
    for issue in advisory:
        assert issue.route == "improve-and-monitor" and issue.submit_via == "none", issue.key
        assert issue.deadline_days is None, issue.key
    enforced = [i for i in ISSUES if i.metric and i.metric.enforced]
    assert all(i.route == "poa" for i in enforced)


def test_intellectual_property_complaints_carry_no_default_deadline() -> None:
    ip = [i for i in ISSUES if i.group == "intellectual-property"]
    assert len(ip) >= 6
    assert all(i.deadline_days is None for i in ip), [i.key for i in ip if i.deadline_days]


def test_copyright_counter_notice_is_us_only_and_other_stores_ask_for_a_retraction() -> None:
    us = CATALOG.get("copyright-complaint")
    assert us.route == "counter-notice" and us.marketplaces == ["US"]
    assert us.route_advice and "not offered in other stores" in us.route_advice
    assert "10 to 14 business days" in (us.rule or "")
    other = CATALOG.get("copyright-complaint-other-stores")
    assert other.route == "retraction" and "US" not in other.marketplaces


def test_patent_complaints_name_amazons_patent_evaluation() -> None:
    patent = CATALOG.get("patent-complaint")
    assert "APEX" in (patent.route_advice or "") and "APEX" in (patent.rule or "")


def test_valid_tracking_rate_is_per_category_and_appealed_by_email() -> None:
    vtr = CATALOG.get("valid-tracking-rate")
    assert vtr.metric is not None and vtr.metric.per_category
    assert vtr.submit_via == "email"
    assert vtr.submit_to and "op-pso-vtr-appeals@amazon.com" in vtr.submit_to
    assert "US and Canada" in (vtr.rule or "")
    assert "exempt" in (vtr.route_advice or "")
    assert "enforced per product category" in "\n".join(vtr.metric.describe())


def test_feedback_and_claims_are_handled_per_order_unless_odr_is_cited() -> None:
    for key in ("negative-feedback", "a-to-z-claims"):
        issue = CATALOG.get(key)
        assert issue.route == "per-order", key
        assert "Order Defect Rate" in (issue.route_advice or ""), key
    assert CATALOG.get("order-defect-rate").route == "poa"


def test_related_accounts_do_not_assume_amazon_names_the_linked_account() -> None:
    issue = CATALOG.get("related-accounts")
    text = " ".join(strings(issue.model_dump(mode="json")))
    assert "named in the notice" not in text
    assert "rarely says which account" in (issue.route_advice or "")


def test_expired_products_know_fba_refuses_meltable_items_in_season() -> None:
    issue = CATALOG.get("expired-products")
    assert "meltable" in (issue.rule or "")
    assert any("cooler-season window" in m for m in issue.preventive_measures)


def test_pesticide_claims_are_not_answered_with_a_certificate_of_analysis() -> None:
    issue = CATALOG.get("pesticide-claims")
    assert "25(b)" in (issue.rule or "") and "EPA registration" in (issue.rule or "")
    assert not any("certificate of analysis" in e.lower() for e in issue.evidence)
    assert "pesticide" not in CATALOG.get("restricted-products").summary.split("(")[0]


def test_email_submissions_name_the_address() -> None:
    for issue in ISSUES:
        if issue.submit_via == "email":
            assert issue.submit_to and "@" in issue.submit_to, issue.key


def test_required_evidence_uses_the_case_models_kinds() -> None:
    kinds = set(get_args(EvidenceKind))
    required = {k for issue in ISSUES for k in issue.required_evidence}
    assert required and required <= kinds
    assert CATALOG.get("epr-registration").required_evidence == ["registration"]
    assert "invoice" in CATALOG.get("counterfeit-complaint").required_evidence


@pytest.mark.parametrize("issue", ISSUES, ids=lambda i: i.key)
def test_items_read_like_a_consultants(issue: IssueType) -> None:
    for action in issue.corrective_actions:
        first = action.split()[0]
        assert first.endswith("ed") or first in {"Had", "Held", "Set", "Rewrote", "Rebuilt"}, (
            f"{issue.key}: corrective action not in the past tense: {action}"
        )
    for text in [*issue.corrective_actions, *issue.preventive_measures]:
        assert not HEDGES.search(text), f"{issue.key}: hedge in {text!r}"
    for text in [*issue.root_causes, *issue.corrective_actions, *issue.preventive_measures]:
        assert not BLAME.search(text), f"{issue.key}: blame in {text!r}"


def test_every_sample_validates() -> None:
    code, out, _ = run("validate", "--today", TODAY.isoformat(), *map(str, SAMPLE_FILES))
    assert code == 0, out
    assert f"{len(SAMPLE_FILES)} files checked: all valid" in out


def test_samples_cover_at_least_five_new_types() -> None:
    import yaml

    used = {
        yaml.safe_load(p.read_text(encoding="utf-8"))["notification"]["issue_type"]
        for p in SAMPLE_FILES
    }
    assert len(used & set(NEW_TYPES)) >= 5


@pytest.mark.parametrize("issue", ISSUES, ids=lambda i: i.key)
def test_every_suggestion_passes_the_reviewers_wording_rules(issue: IssueType) -> None:
    # The catalog's causes, actions and measures are offered to sellers and quoted as examples
    # of what good looks like: none may break a rule `poa check` applies to the same field.
    fields = (
        (FieldKind.ROOT_CAUSE, issue.root_causes),
        (FieldKind.ACTION, issue.corrective_actions),
        (FieldKind.MEASURE, issue.preventive_measures),
    )
    broken = [
        (finding.rule, text)
        for kind, texts in fields
        for text in texts
        for finding in check_text(kind, text, issue)
    ]
    assert broken == []
