"""The wording rules on phrasings a second author's texts showed they missed or misread (see
tests/corpus/checks/README.md, the probe set): each sentence here is written for this test."""

from __future__ import annotations

import pytest

from poa.checks.textrules import rules_broken

CAUGHT = [
    ("root-cause-detail", "Our parcels were lost by the courier at its Bristol hub.", "blame"),
    ("root-cause-detail", "The late orders were down to DHL's depot in Leipzig.", "blame"),
    ("root-cause-detail", "UPS dropped the ball during the December peak.", "blame"),
    ("other", "The complaints were filed by a rival seller after our price cut.", "blame"),
    ("action", "Took care of the problem right after we got the notification.", "vague-action"),
    ("action", "Our team fixed the problem with the affected ASINs.", "vague-action"),
    ("measure", "Our aim is to reconcile stock with the 3PL every Friday.", "measure-hedge"),
    ("measure", "Where feasible, inserts are checked before packing.", "measure-hedge"),
    ("measure", "A monthly audit of 20 units is planned for March.", "measure-hedge"),
    ("measure", "We will try our best to pack more carefully.", "measure-hedge"),
    ("owner", "Ops team", "vague-owner"),
    ("owner", "The relevant department", "vague-owner"),
    ("frequency", "every now and then", "vague-frequency"),
    ("root-cause", "Errors occurred during order processing.", "vague-root-cause"),
    ("root-cause", "Customers received items later than promised.", "vague-root-cause"),
    ("root-cause", "The product did not comply with the category policy.", "vague-root-cause"),
    ("other", "The suspension has put our household under financial strain.", "emotive"),
    ("other", "This shop is our only source of income.", "emotive"),
    ("action", "We are gonna remove the listing.", "future-tense"),
    ("action", "So sorry, this won't happen again.", "absolute-claim"),
    ("action", "The new label check ends mislabelled parcels for good.", "absolute-claim"),
    ("other", "We are SO sorry about the delays.", "shouting"),
    (
        "root-cause-detail",
        "Our Amazon account manager said the rule did not apply.",
        "support-case",
    ),
    ("root-cause-detail", "Nothing like this in our 11 years of selling.", "unrelated-history"),
    ("measure", "All staff have been retrained on the returns checklist.", "one-off-measure"),
    ("measure", "The lead has rewritten the packing guide.", "one-off-measure"),
    ("measure", "All pickers were re-trained on 12.03.2025.", "one-off-measure"),
    ("action", "A new inbound check at the dock is underway.", "future-tense"),
    ("action", "The title of B0C9876XYZ is being corrected.", "future-tense"),
    ("action", "Supplier visit scheduled for the week of 9 June.", "future-tense"),
    ("action", "All the points raised in the notification were addressed.", "vague-action"),
    ("measure", "Packers ought to weigh each parcel.", "measure-hedge"),
    ("measure", "We are looking to add a second scanner.", "measure-hedge"),
    ("measure", "We are fully committed to excellent service.", "generic-measure"),
    ("root-cause", "Royal Mail's failure to scan the parcels lowered our tracking rate.", "blame"),
    ("other", "It was the courier who lost two parcels at the depot.", "blame"),
    ("evidence", "Exhibit 2 shows the listing was changed by hijackers.", "blame"),
    ("other", "Losing the account would mean laying off six people.", "emotive"),
    ("root-cause", "Sincere apologies: the inbound check skipped expiry dates.", "apology"),
    ("other", "Thank you for reading！", "exclamation"),
    ("other", "Pls advise what else is needed.", "question"),
    ("other", "Do you need the brand owner's letter as well", "question"),
    ("other", "As per your colleague's email, we resubmit the plan.", "support-case"),
    ("other", "Our feedback score is 99% positive.", "unrelated-history"),
    ("other", "We started selling in 2016 and grew into a 7-figure brand.", "unrelated-history"),
    ("owner", "Operations Manager - NAME HERE", "placeholder"),
    ("evidence", "Exhibit 5: the signed invoice (insert scan)", "placeholder"),
    ("measure", "A wrong item can no longer reach a buyer.", "absolute-claim"),
    ("other", "We stand behind our goods one hundred percent.", "absolute-claim"),
    ("root-cause", "Some buyers received items that were not as described.", "vague-root-cause"),
    ("action", "Currently moving all FBM SKUs to a new shipping tool.", "future-tense"),
    ("action", "Our plan is to drop the supplier of the blue mugs.", "future-tense"),
    ("root-cause", "A rival filed a false trademark complaint against the listing.", "blame"),
    ("other", "We are deeply regretful about the late orders.", "apology"),
    ("root-cause-detail", "Losing the store would destroy us.", "emotive"),
    ("measure", "Heightened focus on quality across the warehouse.", "generic-measure"),
    ("measure", "Cartons are weighed as far as is practicable.", "measure-hedge"),
    ("other", "A late parcel cannot possibly leave the building now.", "absolute-claim"),
    ("action", "Took care of the listings concerned.", "vague-action"),
    ("root-cause", "Canada Post delays", "blame"),
    (
        "root-cause-detail",
        "Most of the damage came from the courier's sorting belt in Lyon.",
        "blame",
    ),
    ("other", "The rights owner flagged us by mistake.", "blame"),
    ("root-cause", "Staff negligence.", "vague-root-cause"),
    ("root-cause", "Our error in the listing.", "vague-root-cause"),
    ("action", "Going to refund the three buyers today.", "future-tense"),
    ("action", "Next steps: relabel the stock and ask for a reinspection.", "future-tense"),
    ("action", "Our warehouse is re-checking the 300 returned units.", "future-tense"),
    (
        "measure",
        "The dispatch lead makes every effort to hand parcels over by 15:00.",
        "measure-hedge",
    ),
    ("frequency", "On a need basis", "vague-frequency"),
    ("other", "Our store holds 4.8 stars across all marketplaces.", "unrelated-history"),
    ("other", "Customers love the quality of our mugs.", "unrelated-history"),
    ("root-cause-detail", "In our entire history this has never come up.", "unrelated-history"),
    ("other", "Over nine years in the business we never saw this.", "unrelated-history"),
    ("other", "Our workers depend on this account for their wages.", "emotive"),
    ("other", "As a small family business this is very hard on us.", "emotive"),
    ("other", "Is there any update on our appeal", "question"),
    ("other", "We ask Amazon to review the listing again.", "question"),
    ("other", "Such a mix-up cannot recur anymore.", "absolute-claim"),
    ("evidence", "The lab report proves beyond all doubt that the dye is safe.", "absolute-claim"),
    ("root-cause-detail", "The delay was outside of our control.", "blame"),
    (
        "root-cause-detail",
        "Amazon's FBA centre LTN4 lost 30 units during the stock count.",
        "blame",
    ),
    ("root-cause", "The complaint is groundless.", "blame"),
    ("root-cause-detail", "The delays came mostly from Japan Post's Osaka hub.", "blame"),
    ("root-cause", "Delayed shipments over the holiday weeks", "vague-root-cause"),
    ("root-cause", "The seller was not familiar with the battery rules.", "vague-root-cause"),
    (
        "root-cause",
        "Buyers left negative feedbacks because of quality problems.",
        "vague-root-cause",
    ),
    ("measure", "The Returns lead ensures full compliance with every policy.", "generic-measure"),
    ("measure", "The QC officer keeps the team up to date with Amazon rules.", "generic-measure"),
    ("measure", "The Inbound supervisor checked all 40 cartons on 3 March.", "one-off-measure"),
    ("measure", "Our lead aims at same-day replies to every message.", "measure-hedge"),
    ("measure", "If time permits, the lead reads the feedback page each evening.", "measure-hedge"),
    ("action", "Handled all the issues flagged in the notice.", "vague-action"),
    ("action", "Currently re-labelling the 60 returned units.", "future-tense"),
    ("action", "Pending: relisting of the two ASINs after the photo shoot.", "future-tense"),
    ("other", "This suspension is killing our family business.", "emotive"),
    ("other", "We are small company, please understand.", "emotive"),
    ("other", "Mea culpa: the wrong label template was ours.", "apology"),
    ("other", "Please share the ASINs the complaint covers.", "question"),
    ("other", "Kindly guide us on the documents needed.", "question"),
    ("action", "Wrote to SPS about the listing.", "support-case"),
    ("other", "Never before has a buyer complained about our lamps.", "unrelated-history"),
    ("measure", "The new scanner now ensures zero mislabelled parcels.", "absolute-claim"),
]

CLEAR = [
    ("action", "Will Osei, the stock lead, recounted all 140 units on 4 June.", "future-tense"),
    (
        "measure",
        "Should a buyer report a broken seal, the CS lead replies within 12 hours and logs it.",
        "measure-hedge",
    ),
    ("action", "Relabelled 30 units of SKU TENT-XXL-GRN on 2 May.", "shouting"),
    (
        "measure",
        "The upload script blocks any draft still holding text such as '[colour]'; Ana reads"
        " the block log every morning.",
        "placeholder",
    ),
    (
        "root-cause",
        "Human error in the upload: the case quantity went into the unit column and no second"
        " person checked the file.",
        "vague-root-cause",
    ),
    ("other", "A complaint was filed by a buyer on 3 May.", "blame"),
    ("measure", "For good measure, a second person weighs every carton.", "absolute-claim"),
    ("measure", "We have learned from the audit and pick against the list.", "one-off-measure"),
    (
        "root-cause-detail",
        "The buyer wrote 'I'm sorry but it's a fake' about a unit from a batch we never opened.",
        "apology",
    ),
    ("measure", "Should we find a damaged unit, the lead quarantines the lot.", "question"),
    ("other", "One hundred percent of the units are scanned at packing.", "absolute-claim"),
    (
        "root-cause-detail",
        "The family-run workshop that made the lamps had no CE test, and we asked for none.",
        "unrelated-history",
    ),
    (
        "measure",
        "Closer attention to hazmat goes through a rule in our listing tool that blocks"
        " lithium SKUs until an SDS is attached.",
        "generic-measure",
    ),
    (
        "measure",
        "Each listing rated below 4.5 stars is reviewed by the catalogue lead on Mondays.",
        "unrelated-history",
    ),
    ("root-cause", "Employee negligence", "blame"),
    ("action", "We mistakenly listed the kettle as new; the listing now reads used.", "blame"),
    ("action", "Relisted the jacket in XS, XL and XXL with a new size chart.", "shouting"),
    (
        "measure",
        "Listings for the DE, FR and ES stores are checked by the listing lead before upload.",
        "shouting",
    ),
    ("measure", "Enhanced oversight of inbound FBA shipments.", "one-off-measure"),
    (
        "measure",
        "Tighter checks at packing: the packer scans every item against the pick list.",
        "generic-measure",
    ),
    (
        "root-cause",
        "Shipping error: the label printer skipped every second label and the count was never"
        " compared.",
        "vague-root-cause",
    ),
    (
        "root-cause-detail",
        "The buyer reported us for a missing manual, which we had left out of 40 boxes.",
        "blame",
    ),
    ("action", "Going forward, the QC lead signs off each batch.", "future-tense"),
    ("other", "A refund was issued the first time the buyer wrote.", "unrelated-history"),
    (
        "root-cause-detail",
        "Canada Post collected the parcels on time; our labels were wrong.",
        "blame",
    ),
    (
        "root-cause-detail",
        "The carrier's tracking showed both parcels at the depot; our label had the wrong"
        " postcode.",
        "blame",
    ),
    ("measure", "The Returns lead opens every return and photographs the seal.", "generic-measure"),
    ("measure", "Improved quality checks run on every inbound carton.", "one-off-measure"),
    ("action", "Filed the trademark with the UKIPO on 4 May.", "shouting"),
    ("other", "A buyer wrote that the late parcel hurt her plans.", "emotive"),
    (
        "action",
        "After the A-to-z claim, case number 3344556677, the buyer was refunded on 9 May.",
        "support-case",
    ),
    (
        "root-cause-detail",
        "When we started selling in 2021 we chose one carrier, and its cut-off never changed in"
        " our template.",
        "unrelated-history",
    ),
    (
        "measure",
        "The cancellation rate aims at under 1%; the lead reviews open orders at 11:00 daily.",
        "measure-hedge",
    ),
    (
        "measure",
        "A new SKU will start selling only after the QC lead signs its test report.",
        "measure-hedge",
    ),
]


@pytest.mark.parametrize(("kind", "text", "rule"), CAUGHT)
def test_phrasings_that_break_a_rule_are_caught(kind: str, text: str, rule: str) -> None:
    assert rule in rules_broken(text, kind)


@pytest.mark.parametrize(("kind", "text", "rule"), CLEAR)
def test_phrasings_that_only_look_like_a_rule_are_cleared(kind: str, text: str, rule: str) -> None:
    assert rule not in rules_broken(text, kind)
