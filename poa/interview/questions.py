"""The interview's single answers: a table of case fields, asked as the model defines them."""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

from poa.case import rules
from poa.case.dates import as_date, usual_deadline
from poa.case.marketplaces import MARKETPLACES
from poa.case.model import Kind, Notification, Signatory
from poa.catalog import GROUPS, ROUTES, IssueType
from poa.errors import InterviewStopped
from poa.interview import fields
from poa.interview.answers import Answers, model_of
from poa.interview.profile import load_profile, save_profile
from poa.interview.terminal import Heading, Option

Form = Literal["text", "long", "date", "choice", "pasted", "items", "custom"]
Rule = Callable[[Answers, date], str | None]
URGENT_DAYS = 3
DEFAULT_MARKET = "US"
DEADLINE_HINT = "The date the notice gives; if it gives none, keep the usual window proposed."


@dataclass(frozen=True)
class Question:
    """One answer the interview asks for: the case field it fills, its label in the review,
    and how it is asked (a form for plain fields, a function for the rest)."""

    name: str
    label: str
    message: str = ""
    form: Form = "text"
    # Choices: titles by value ("" is the empty choice), and values when the model has none.
    titles: Mapping[Any, str] = field(default_factory=dict)
    values: tuple[Any, ...] = ()
    propose: Callable[[Answers], Any] | None = None
    rule: Rule | None = None
    custom: Callable[[Answers], None] | None = None
    then: Callable[[Answers], None] | None = None  # after the answer is saved

    @property
    def listed(self) -> bool:
        """Whether the answer is a list of items, asked item by item."""
        return self.form == "items"


def ask(answers: Answers, question: Question) -> None:
    """Ask one question and save its answer."""
    if question.custom:
        question.custom(answers)
    else:
        FORMS[question.form](answers, question)
    if question.then:
        question.then(answers)


def _proposed(answers: Answers, question: Question, fallback: Any) -> Any:
    return question.propose(answers) if question.propose else fallback


def ask_text(answers: Answers, question: Question) -> None:
    """A text field, typed on one line or (long) possibly in the editor."""
    name, model = question.name, model_of(question.name)
    current = answers.value(name)
    value = fields.ask_field(
        answers.prompter,
        model,
        name,
        question.message,
        _proposed(answers, question, "") if current is None else current,
        optional=fields.optional(model, name),
        long=question.form == "long",
    )
    answers.answer(name, value)


def ask_date(answers: Answers, question: Question) -> None:
    """A date field, checked by the question's rule too."""
    name, model, rule = question.name, model_of(question.name), question.rule
    value = fields.ask_date(
        answers.prompter,
        model,
        name,
        question.message,
        as_date(answers.value(name)) or _proposed(answers, question, None),
        optional=fields.optional(model, name),
        extra=(lambda day: rule(answers, day)) if rule else None,
    )
    answers.answer(name, value)


def ask_choice(answers: Answers, question: Question) -> None:
    """One of the values the field allows; an empty choice when it may be left out."""
    name, model = question.name, model_of(question.name)
    values = question.values or fields.choice_values(model, name)
    entries = [
        Option(question.titles.get(v, str(v).replace("-", " ").capitalize()), v) for v in values
    ]
    if "" in question.titles:  # the field may be left out, and the seller may say so
        entries.append(Option(question.titles[""], ""))
    default = answers.value(name) or _proposed(answers, question, model.model_fields[name].default)
    answers.answer(name, answers.prompter.select(question.message, entries, default=default or ""))


def ask_pasted(answers: Answers, question: Question) -> None:
    """A list of identifiers pasted in one go."""
    name = question.name
    value = fields.ask_pasted(
        answers.prompter, model_of(name), name, question.message, answers.value(name) or []
    )
    answers.answer(name, value)


FORMS: dict[Form, Callable[[Answers, Question], None]] = {
    "text": ask_text,
    "long": ask_text,
    "date": ask_date,
    "choice": ask_choice,
    "pasted": ask_pasted,
}


# The notification.


def current_issue(answers: Answers) -> IssueType:
    """The notice's issue type; asked first if the case has none the catalog knows."""
    key = answers.value("issue_type")
    if not isinstance(key, str) or key not in answers.catalog:
        if key:
            answers.prompter.say(f"  {key!r} is not an issue type poa knows: pick one.")
        ask_issue(answers)
        key = answers.value("issue_type")
    return answers.catalog.get(str(key))


def notice_issues(answers: Answers) -> list[IssueType]:
    """The notice's issue types the catalog knows: the main one, then the others it names."""
    main = current_issue(answers)
    others = answers.value("other_issue_types")
    keys = [k for k in others if isinstance(k, str)] if isinstance(others, list) else []
    catalog = answers.catalog
    return [main, *(catalog.get(k) for k in keys if k in catalog and k != main.key)]


def ask_issue(answers: Answers) -> None:
    """The issue type, from the catalog; stops when a plan is not the way to answer it."""
    note = answers.section("notification")
    before = note.get("issue_type")
    issue = choose_issue(answers, before)
    note["issue_type"] = issue.key
    if issue.key != before or not note.get("policies"):
        if issue.policy:
            note["policies"] = [issue.policy]
        else:
            note.pop("policies", None)
    answers.save()
    kept = issue.key == before and answers.value("document") == "plan-of-action"
    if issue.route == "poa" or kept:  # kept: the seller chose to write a plan already
        return
    say = answers.prompter.say
    say("\nA Plan of Action is usually not the right answer to this notice.", "heading")
    say(f"Amazon expects {ROUTES[issue.route]}.", "heading")
    say(f"  {issue.route_advice or ''}")
    if not answers.prompter.confirm("Write a plan anyway?", default=False):
        raise InterviewStopped(
            f"Nothing more to write: {ROUTES[issue.route]} is the way to answer this notice. "
            f"Your answers are saved in {answers.draft.path}."
        )
    answers.answer("document", "plan-of-action")  # the seller's choice, over the route's own


def choose_issue(answers: Answers, current: Any) -> IssueType:
    """The catalog's issue types by group (as `poa catalog` lists them), found by typing."""
    catalog = answers.catalog
    entries: list[Heading | Option] = []
    for group, title in GROUPS.items():
        members = [t for t in catalog if t.group == group]
        if members:
            entries.append(Heading(f"-- {title} --"))
            entries += [Option(f"{t.title} ({t.key})", t.key) for t in members]
    key = answers.prompter.select(
        "What is the notice about?",
        entries,
        default=current if isinstance(current, str) and current in catalog else None,
        search=True,
    )
    issue = catalog.get(key)
    answers.prompter.say(f"  {issue.summary}", "hint")
    return issue


def proposed_kind(answers: Answers) -> str:
    """An improvement plan for performance notices, a plan of action otherwise."""
    if current_issue(answers).category == "performance-improvement":
        return Kind.PERFORMANCE_IMPROVEMENT_PLAN.value
    return Kind.PLAN_OF_ACTION.value


def ask_deadline(answers: Answers) -> None:
    """The due date, the usual window proposed; then the days left, in red when few."""
    issue, say, today = current_issue(answers), answers.prompter.say, answers.today
    received = as_date(answers.value("received_on")) or today
    if issue.deadline_days:
        say(f"  Notices of this kind usually give {issue.deadline_days} days.", "hint")
    due = fields.ask_date(
        answers.prompter,
        Notification,
        "deadline",
        "When is your answer due?",
        as_date(answers.value("deadline")) or usual_deadline(received, issue),
        optional=issue.deadline_days is None,  # no usual window: the notice may give none
        extra=lambda day: rules.deadline_problem(day, received),
        hint=DEADLINE_HINT,
    )
    answers.answer("deadline", due)
    if due is None:
        return
    left = (due - today).days
    if left < 0:
        when = f"The deadline passed {-left} days ago: answer as soon as you can"
    else:
        when = "Due today" if left == 0 else f"{left} day{'s' if left != 1 else ''} left"
    say(f"  {when} (due {due}).", "alarm" if left <= URGENT_DAYS else "good")


def add_market(markets: list[str], market: str | None) -> list[str]:
    """The stores with this one added (all sorted), or as they are when it is there."""
    return list(markets) if not market or market in markets else sorted({*markets, market})


def add_notice_market(answers: Answers) -> None:
    """The seller sells in the store the notice is about."""
    markets = answers.value("marketplaces")
    if markets:
        answers.answer("marketplaces", add_market(markets, answers.value("marketplace")))


def market_options(checked: Collection[str] = ()) -> list[Heading | Option]:
    """Every store poa knows, by code and name."""
    return [Option(MARKET_TITLES[code], code, code in checked) for code in MARKETPLACES]


MARKET_TITLES = {m.code: f"{m.code}  {m.name}" for m in MARKETPLACES.values()}


# The seller, remembered in a profile.


def offer_profile(answers: Answers) -> None:
    """Offer the seller details saved last time, when the case has none yet."""
    saved = load_profile(answers.profile) if not answers.data.get("seller") else None
    if saved and answers.prompter.confirm(
        f"Use your saved details for {saved.get('legal_name', 'your business')}?"
    ):
        seller = dict(saved)
        seller["marketplaces"] = add_market(
            seller.get("marketplaces", []), answers.value("marketplace")
        )
        answers.data["seller"] = seller
        answers.save()


def remember_profile(answers: Answers) -> None:
    """Save the seller details for next time, when they are new (saying where)."""
    seller = answers.data.get("seller", {})
    if seller and load_profile(answers.profile) != seller:
        where = save_profile(seller, answers.profile)
        answers.prompter.say(f"  Your details are saved for next time in {where}.", "hint")


def ask_marketplaces(answers: Answers) -> None:
    """The stores the seller sells in; always the notice's own."""
    notice = answers.value("marketplace") or DEFAULT_MARKET
    current = {*fields.as_list(answers.value("marketplaces")), notice}
    markets = answers.prompter.checkbox(
        "Which stores do you sell in? (space to tick)", market_options(current)
    )
    answers.answer("marketplaces", add_market(sorted(markets), notice))


def ask_signatory(answers: Answers) -> None:
    """Who signs, and their role."""
    found = answers.value("signatory")
    # A hand-written file may give the signer as a plain name: proposed as the name.
    old = found if isinstance(found, dict) else {"name": found} if isinstance(found, str) else {}
    prompter = answers.prompter
    name = fields.ask_field(prompter, Signatory, "name", "Who signs the plan?", old.get("name", ""))
    if name != old.get("name"):  # kept at once: Ctrl-C at the role loses no name typed
        answers.answer("signatory", {**old, "name": name})
    role = fields.ask_field(prompter, Signatory, "role", "Their role", old.get("role", "Owner"))
    answers.answer("signatory", {"name": name, "role": role})


# The tables: in the order asked, with the label the review shows.

NOTIFICATION = (
    Question("issue_type", "Issue type", form="custom", custom=ask_issue),
    Question(
        "kind",
        "Document",
        "Which document do you need?",
        "choice",
        titles={
            Kind.PLAN_OF_ACTION.value: "Plan of Action (answer a notice)",
            Kind.PERFORMANCE_IMPROVEMENT_PLAN.value: "Performance Improvement Plan "
            "(metrics slipping, nothing lost yet)",
        },
        propose=proposed_kind,
    ),
    Question(
        "received_on",
        "Received",
        "When did the notice arrive?",
        "date",
        rule=lambda answers, day: rules.received_problem(day, answers.today),
    ),
    Question("deadline", "Due", form="custom", custom=ask_deadline),
    Question("subject", "Subject", "The notice's subject line"),
    Question("reference", "Reference", "Reference or violation ID"),
    Question(
        "marketplace",
        "Store",
        "Which store is it about?",
        "choice",
        titles=MARKET_TITLES,
        values=tuple(MARKETPLACES),
        propose=lambda answers: DEFAULT_MARKET,
        then=add_notice_market,
    ),
    Question(
        "severity", "Severity", "Severity shown in Account Health", "choice", {"": "Not shown"}
    ),
    Question(
        "account_status",
        "Account",
        "Where does the account stand?",
        "choice",
        {"warning": "A warning"},
    ),
    Question(
        "problem_started_on",
        "Problem began",
        "When did the problem begin?",
        "date",
        rule=lambda answers, day: rules.past_problem(day, answers.today),
    ),
    Question("text", "Notice text", "The notice's text, if you want it kept with the case", "long"),
)
SELLER = (
    Question("legal_name", "Legal name", "Business legal name"),
    Question("store_name", "Store name", "Store name"),
    Question("merchant_token", "Merchant token", "Merchant token"),
    Question("marketplaces", "Sells in", form="custom", custom=ask_marketplaces),
    Question("email", "Email", "Contact email"),
    Question("signatory", "Signed by", form="custom", custom=ask_signatory),
)
SCOPE = (
    Question(
        "scope",
        "Affects",
        "What does the notice affect?",
        "choice",
        {
            "account": "The whole account",
            "listing": "Some listings",
            "category": "A product category",
        },
    ),
    Question("asins", "ASINs", "ASINs named in the notice (paste the list)", "pasted"),
    Question("order_ids", "Order IDs", "Order IDs named in the notice", "pasted"),
)
