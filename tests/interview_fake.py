"""A stand-in for the interview's terminal: it answers from a script and records what it was
asked and told, so the real flow runs with no terminal at all."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from poa.interview.terminal import Check, Entry, Option

ENTER = "<enter>"  # take what the question proposes
CTRL_C = "<ctrl-c>"  # the seller presses Ctrl-C at this question


class UnscriptedQuestionError(AssertionError):
    """The flow asked something the script does not answer."""


@dataclass
class Asked:
    """One question as the flow put it."""

    how: str  # text, select, checkbox or confirm
    message: str
    default: Any = None
    options: list[Option] = field(default_factory=list)

    @property
    def titles(self) -> list[str]:
        """The titles of the options offered."""
        return [option.title for option in self.options]


class FakePrompter:
    """Answers the flow's questions in the order of `script`, a list of (start of the
    question, answer); questions not next in the script take a `standing` answer by their
    start. A text answer the flow rejects is recorded, and the next scripted answer (for the
    same question) is tried, as a seller would type again."""

    def __init__(
        self,
        script: Iterable[tuple[str, Any]] = (),
        *,
        standing: Mapping[str, Any] | None = None,
        width: int = 100,
    ) -> None:
        self.script = list(script)
        self.standing = dict(standing or {})
        self.width = width
        self.asked: list[Asked] = []
        self.said: list[tuple[str, str]] = []
        self.rejected: list[tuple[str, str, str]] = []  # question, answer, message

    @property
    def questions(self) -> list[str]:
        """Every question asked, in order."""
        return [asked.message for asked in self.asked]

    @property
    def told(self) -> str:
        """Everything said to the seller, one message a line."""
        return "\n".join(text for text, _ in self.said)

    def next_answer(self, message: str) -> tuple[Any, bool]:
        """The answer for this question, and whether it came from the script."""
        if self.script and message.startswith(self.script[0][0]):
            answer = self.script.pop(0)[1]
            scripted = True
        else:
            answer = next((a for s, a in self.standing.items() if message.startswith(s)), None)
            scripted = False
            if answer is None:
                expected = self.script[0][0] if self.script else "nothing more"
                raise UnscriptedQuestionError(f"asked {message!r}, the script expects {expected!r}")
        if answer == CTRL_C:
            raise KeyboardInterrupt
        return answer, scripted

    def text(
        self,
        message: str,
        default: str = "",
        validate: Check | None = None,
        instruction: str | None = None,
    ) -> str:
        """A typed answer, checked by the flow's own check."""
        self.asked.append(Asked("text", message, default))
        while True:
            answer, scripted = self.next_answer(message)
            typed = default if answer == ENTER else str(answer)
            verdict = validate(typed) if validate else True
            if verdict is True:
                return typed.strip()
            self.rejected.append((message, typed, str(verdict)))
            if not scripted:
                raise AssertionError(f"the standing answer {typed!r} to {message!r}: {verdict}")

    def long_text(self, message: str, default: str = "", validate: Check | None = None) -> str:
        """A long answer, typed (the fake has no editor)."""
        return self.text(message, default, validate)

    def paste(self, message: str) -> str:
        """Pasted lines, as the script gives them; nothing when the script does not say
        (a seller who skips the notice presses Esc and Enter)."""
        scripted = self.script and message.startswith(self.script[0][0])
        if not scripted and not any(message.startswith(s) for s in self.standing):
            self.asked.append(Asked("paste", message, ""))
            return ""
        return self.text(message)

    def select(
        self, message: str, entries: Sequence[Entry], default: Any = None, search: bool = False
    ) -> Any:
        """The option named by the answer: its value, its title, or the label its title
        starts with ('Due' for 'Due: 2026-12-07')."""
        options = [e for e in entries if isinstance(e, Option)]
        self.asked.append(Asked("select", message, default, options))
        answer, _ = self.next_answer(message)
        if answer == ENTER:
            return options[0].value if default is None else default
        return find(options, answer).value

    def checkbox(self, message: str, entries: Sequence[Entry]) -> list[Any]:
        """The options named by the answer (a list), or those ticked already (ENTER)."""
        options = [e for e in entries if isinstance(e, Option)]
        self.asked.append(Asked("checkbox", message, None, options))
        answer, _ = self.next_answer(message)
        if answer == ENTER:
            return [option.value for option in options if option.checked]
        return [find(options, one).value for one in answer]

    def confirm(self, message: str, default: bool = True) -> bool:
        """Yes or no; ENTER takes the default."""
        self.asked.append(Asked("confirm", message, default))
        answer, _ = self.next_answer(message)
        return default if answer == ENTER else bool(answer)

    def say(self, text: str = "", tone: str = "plain") -> None:
        """Record what the seller is told."""
        self.said.append((text, tone))


def find(options: Sequence[Option], answer: Any) -> Option:
    """The one option whose value or title is the answer, or whose title starts with it as a
    label."""
    for test in (
        lambda o: o.value == answer,
        lambda o: o.title == answer,
        lambda o: isinstance(answer, str) and o.title.startswith(answer + ":"),
    ):
        found = [option for option in options if test(option)]
        if len(found) == 1:
            return found[0]
        if found:
            raise AssertionError(f"{answer!r} names several options: {found}")
    raise AssertionError(f"no option {answer!r} in {[o.title for o in options]}")
