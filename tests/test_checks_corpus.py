"""The wording rules measured on the labelled corpus: precision and recall per rule on the
held-out test set must each reach 0.9. Run with -s to see the table."""

from __future__ import annotations

from poa.checks.findings import FieldKind
from poa.checks.rulebook import TEXT_RULE_IDS
from tests.check_scores import THRESHOLD, load, score, table


def test_the_corpus_is_large_labelled_and_a_third_is_held_out() -> None:
    tune, test = load("tune"), load("test")
    total = len(tune) + len(test)
    assert total >= 250
    assert 0.30 <= len(test) / total <= 0.36
    kinds = {kind.value for kind in FieldKind}
    for entry in tune + test:
        assert entry["field"] in kinds, entry
        assert set(entry["expect"]) <= set(TEXT_RULE_IDS), entry
        assert entry["text"].strip()
    texts = [(e["field"], e["text"]) for e in tune + test]
    assert len(texts) == len(set(texts)), "an entry appears twice"
    for rule in TEXT_RULE_IDS:
        positives = sum(rule in e["expect"] for e in test)
        assert positives >= 10, f"{rule} has only {positives} positives in the test set"


def test_precision_and_recall_on_the_held_out_set() -> None:
    entries = load("test")
    scores = score(entries)
    print()
    print(table(scores, f"test set: {len(entries)} entries"))
    low = {
        rule: (round(s.precision, 2), round(s.recall, 2), s.misses)
        for rule, s in scores.items()
        if min(s.precision, s.recall) < THRESHOLD
    }
    assert not low, low
