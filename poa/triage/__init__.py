"""Triage of a pasted Amazon notice: what it is about, how grave it is, how long there is
to answer, and the facts a case file needs, each with the phrase of the notice behind it.

No network and no language model: rules over the catalog and the phrase table
(``templates/triage/phrases.yaml``), so the same text always gives the same result.
"""

from poa.triage.found import Found
from poa.triage.notice import read_notice, triage_notice
from poa.triage.phrases import PhraseTable, load_phrases
from poa.triage.report import format_triage
from poa.triage.result import Assessment, NoticeTriage

__all__ = [
    "Assessment",
    "Found",
    "NoticeTriage",
    "PhraseTable",
    "format_triage",
    "load_phrases",
    "read_notice",
    "triage_notice",
]
