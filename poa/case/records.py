"""The records a case keeps beside its answer: the dispute behind an IP complaint, the changes
made since, and each submission to Amazon with the documents sent."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import Field

from poa.case.kinds import ChangeKind, Count
from poa.case.values import Asin, PastedText, ShortText, Strict, Text


class Dispute(Strict):
    """The other side of an IP complaint: who complained, and the material in question."""

    rights_owner: ShortText = Field(description="The rights owner's name, as the notice gives it.")
    contact: ShortText | None = Field(default=None, description="Their email, from the notice.")
    material: Text | None = Field(
        default=None, description="For a counter-notice: the material removed and where it was."
    )


class Change(Strict):
    """One thing done to the listings or stock since the complaint."""

    kind: ChangeKind = Field(description="listing-edit, units-removed, stock-destroyed...")
    done_on: date = Field(description="The date it was done.")
    asins: list[Asin] = Field(default_factory=list, description="The ASINs it concerned.")
    units: Count | None = Field(default=None, description="Units removed or destroyed.")
    detail: Text = Field(description="What was changed, in one sentence.")


Channel = Literal[
    "appeal-form", "email", "ip-dispute", "compliance-upload", "listing-edit", "rights-owner"
]
Outcome = Literal["pending", "accepted", "rejected", "more-information-requested"]


class SentDocument(Strict):
    """One document sent with a submission, as kept beside the case."""

    file: ShortText = Field(description="The document's file name.")
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$", description="Its SHA-256 hash, in hex.")


class Submission(Strict):
    """A submission of this case to Amazon, kept as the case's record."""

    submitted_on: date
    outcome: Outcome = Field(default="pending", description="Amazon's answer, or pending.")
    reply: PastedText | None = Field(default=None, max_length=20000, description="Amazon's reply.")
    answered_on: date | None = Field(default=None, description="When Amazon answered.")
    channel: Channel | None = Field(default=None, description="How the answer was sent.")
    folder: ShortText | None = Field(
        default=None, description="Where the documents sent and the case as sent are kept."
    )
    documents: list[SentDocument] = Field(
        default_factory=list, description="The documents sent, with their hashes."
    )
