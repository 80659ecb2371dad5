"""The interview's terminal: questionary prompts on injectable input and output, ASCII if needed."""

from __future__ import annotations

import shlex
import subprocess
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, Protocol

import questionary
from prompt_toolkit.application.current import get_app_session

from poa.interview.drawing import (
    Drawn,
    draw_ascii_ticks,
    ignore_mouse_reports,
    refusal,
    show_messages_whole,
    wrap,
    wrap_options,
)
from poa.interview.environment import Environment

EDIT = ":e"  # typed as a long answer: write it in the editor instead
MIN_WIDTH, MAX_WIDTH = 40, 100
Tone = Literal["plain", "hint", "heading", "error", "alarm", "good"]
STYLES: dict[Tone, str | None] = {
    "plain": None,
    "hint": "fg:ansibrightblack",
    "heading": "bold",
    "error": "fg:ansired",
    "alarm": "fg:ansired bold",
    "good": "fg:ansigreen",
}
PLAIN = str.maketrans(
    {
        "…": "...",
        "’": "'",
        "‘": "'",
        "“": '"',
        "”": '"',
        "–": "-",
        "—": "-",
        "»": ">",
        "•": "*",
        "×": "x",
        "≤": "<=",
        "≥": ">=",
    }
)
Check = Callable[[str], bool | str]
# The hints after a question: questionary's own for menus and checklists, given to it here so
# that they wrap with the question, and the paste prompt's.
SELECT_HINT = "(Use arrow keys)"
SEARCH_HINT = "(Use arrow keys, type to filter)"
CHECKBOX_HINT = "(Use arrow keys to move, <space> to select, <a> to toggle, <i> to invert)"
PASTE_OR_FILE_HINT = "(paste it, or type a file's path; Enter to skip)"


@dataclass(frozen=True)
class Option:
    """One entry of a menu or checklist: what it shows and the answer it stands for."""

    title: str
    value: Any
    checked: bool = False


@dataclass(frozen=True)
class Heading:
    """A line between menu entries that cannot be picked."""

    title: str


Entry = Option | Heading


class Prompts(Protocol):
    """What the interview asks of a terminal (a test may answer instead)."""

    @property
    def width(self) -> int:
        """Columns available for a line."""
        ...

    def text(
        self,
        message: str,
        default: str = "",
        validate: Check | None = None,
        instruction: str | None = None,
    ) -> str:
        """A one-line answer, checked as typed."""
        ...

    def long_text(self, message: str, default: str = "", validate: Check | None = None) -> str:
        """A long answer, typed or written in an editor."""
        ...

    def paste(self, message: str) -> str:
        """Text of several lines, pasted as it is (empty for none)."""
        ...

    def select(
        self, message: str, entries: Sequence[Entry], default: Any = None, search: bool = False
    ) -> Any:
        """The value of one option."""
        ...

    def checkbox(self, message: str, entries: Sequence[Entry]) -> list[Any]:
        """The values of the options ticked."""
        ...

    def confirm(self, message: str, default: bool = True) -> bool:
        """Yes or no."""
        ...

    def say(self, text: str = "", tone: Tone = "plain") -> None:
        """Tell the user something."""
        ...


class Prompter:
    """questionary prompts that raise KeyboardInterrupt on Ctrl-C, optionally on given input
    and output (prompt_toolkit objects)."""

    def __init__(
        self,
        input: Any = None,
        output: Any = None,
        ascii: bool | None = None,
        environment: Environment | None = None,
    ) -> None:
        self.environment = environment or Environment.read()
        self.output = output
        self.streams = {k: v for k, v in (("input", input), ("output", output)) if v is not None}
        self.ascii = self.environment.ascii if ascii is None else ascii
        self.qmark = "?" if self.ascii else "»"
        self.pointer = ">" if self.ascii else "»"

    @property
    def width(self) -> int:
        """The terminal's columns, within limits that keep lines readable."""
        output = self.output or get_app_session().output
        return max(MIN_WIDTH, min(MAX_WIDTH, output.get_size().columns))

    def text(
        self,
        message: str,
        default: str = "",
        validate: Check | None = None,
        instruction: str | None = None,
    ) -> str:
        """A one-line answer, stripped; `validate` returns True or the problem to show."""

        def check(text: str) -> bool | str:
            result = validate(text) if validate else True
            if isinstance(result, str):
                return wrap(self.plain(refusal(result)), self.width - 1)
            return result

        message, hint = self.question(message, instruction or "", text=True)
        question = questionary.text(
            message,
            default=default,
            validate=check,
            qmark=self.qmark,
            instruction=hint or None,
            **self.streams,
        )
        show_messages_whole(question)
        ignore_mouse_reports(question)
        return str(question.unsafe_ask()).strip()

    def long_text(self, message: str, default: str = "", validate: Check | None = None) -> str:
        """A long answer typed here, or in the editor when the answer is ':e'."""
        answer = self.text(
            message,
            default,
            instruction=f"({EDIT} opens your editor)",
            validate=lambda t: True if t.strip() == EDIT else (validate(t) if validate else True),
        )
        while answer == EDIT:
            answer = self.edit(default)
            problem = validate(answer) if validate else True
            if problem is not True:
                self.say(f"  {refusal(str(problem))}", "error")
                answer = self.text(message, answer, validate=validate)
        return answer

    def paste(self, message: str) -> str:
        """Several lines pasted at once (terminals send a paste as one piece, new lines
        included), or one typed line; Enter alone for none."""
        message, hint = self.question(message, PASTE_OR_FILE_HINT, text=True)
        question = questionary.text(
            message, qmark=self.qmark, instruction=hint or None, **self.streams
        )
        ignore_mouse_reports(question)
        return str(question.unsafe_ask()).strip()

    def edit(self, text: str) -> str:
        """Open the editor on the text; return what was saved, as one paragraph."""
        editor = self.environment.editor
        with tempfile.NamedTemporaryFile(
            "w+", suffix=".txt", delete=False, encoding="utf-8"
        ) as handle:
            handle.write(text)
        try:
            subprocess.run([*shlex.split(editor), handle.name], check=False)
            return " ".join(Path(handle.name).read_text(encoding="utf-8").split())
        except OSError as exc:
            self.say(f"  could not start the editor {editor!r} ({exc.strerror}): type it here")
            return text
        finally:
            Path(handle.name).unlink(missing_ok=True)

    def select(
        self, message: str, entries: Sequence[Entry], default: Any = None, search: bool = False
    ) -> Any:
        """The value of the option picked; `search` filters the options as the user types."""
        values = [entry.value for entry in entries if isinstance(entry, Option)]
        longest = max(
            (len(self.plain(e.title)) for e in entries if isinstance(e, Option)), default=0
        )
        shown, hint = self.question(message, SEARCH_HINT if search else SELECT_HINT, answer=longest)
        while True:
            question = questionary.select(
                shown,
                choices=self.choices(entries, wrapped=True),
                default=default,
                qmark=self.qmark,
                pointer=self.pointer,
                use_search_filter=search,
                use_jk_keys=not search,
                instruction=hint,
                **self.streams,
            )
            wrap_options(question)
            ignore_mouse_reports(question)
            answer = question.unsafe_ask()
            # Enter on a search that matches nothing gives a heading's text, not an option.
            if any(answer == value for value in values):
                return answer
            self.say(
                "  Nothing matches what you typed: delete it and type part of a name.", "error"
            )

    def checkbox(self, message: str, entries: Sequence[Entry]) -> list[Any]:
        """The values of the options ticked."""
        shown, hint = self.question(message, CHECKBOX_HINT)
        question = questionary.checkbox(
            shown,
            choices=self.choices(entries),
            qmark=self.qmark,
            pointer=self.pointer,
            instruction=hint,
            **self.streams,
        )
        if self.ascii:
            draw_ascii_ticks(question)
        wrap_options(question)
        ignore_mouse_reports(question)
        return list(question.unsafe_ask())

    def confirm(self, message: str, default: bool = True) -> bool:
        """Yes or no."""
        shown, hint = self.question(message, "(Y/n)" if default else "(y/N)")
        question = questionary.confirm(
            shown,
            default=default,
            qmark=self.qmark,
            instruction=f"{hint} ",
            **self.streams,
        )
        ignore_mouse_reports(question)
        return bool(question.unsafe_ask())

    def say(self, text: str = "", tone: Tone = "plain") -> None:
        """Print a message, each line wrapped to the terminal's width (continuation lines
        indented as the line itself is)."""
        style = STYLES[tone] if self.environment.color else None
        questionary.print(
            wrap(self.plain(text), self.width - 2),  # wrapped as shown
            style=style,
            **{k: v for k, v in self.streams.items() if k == "output"},
        )

    def question(
        self, message: str, hint: str = "", text: bool = False, answer: int = 0
    ) -> tuple[str, str]:
        """The question and its hint as the prompt shows them. prompt_toolkit breaks a prompt
        line wider than the terminal wherever the edge falls, even mid-word; so a question
        that does not fit on one line with its hint, or with an `answer` that long (a menu's
        longest entry, shown after the question once picked), is wrapped by word here, and
        the hint (then the answer) starts a line of its own under it. A `text` prompt puts a
        space before its hint, besides the one after the question that every kind puts."""
        message = self.plain(message)
        lead = len(self.qmark) + 1  # the mark and a space come before the question
        room = max(len(hint), answer)
        if lead + len(message) + 1 + room < self.width and "\n" not in message:
            return message, hint
        folded = wrap(" " * lead + message, self.width - 1)
        if not hint or len(folded.rsplit("\n", 1)[-1]) + 1 + room < self.width:
            return folded[lead:], hint  # the hint (then the answer) fits on its last line
        folded = folded[lead:]
        under = " " * (lead - 1 - text)  # with questionary's spaces, the hint starts under it
        return f"{folded}\n{under}", wrap(" " * lead + hint, self.width - 1)[lead:]

    def plain(self, text: str) -> str:
        """The text as the terminal can show it: ASCII stand-ins on a plain terminal."""
        if not self.ascii or text.isascii():
            return text
        return text.translate(PLAIN).encode("ascii", "replace").decode()

    def choices(self, entries: Sequence[Entry], wrapped: bool = False) -> list[questionary.Choice]:
        """Menu entries as questionary draws them; when `wrapped`, each is drawn wrapped
        between words to the terminal after the pointer's column, its lines after the first
        indented under it (see `Drawn`)."""
        lead = len(self.pointer) + 2

        def title(text: str) -> str:
            text = self.plain(text)
            if not wrapped:
                return text
            # Once picked, the entry is shown as the answer, under the question (see `question`).
            shown = wrap(" " * (len(self.qmark) + 1) + text, self.width - 1)
            listed = wrap(" " * lead + text, self.width - 1, hang=2)
            return Drawn(shown[len(self.qmark) + 1 :], listed[lead:])

        return [
            questionary.Separator(title(entry.title))
            if isinstance(entry, Heading)
            else questionary.Choice(title(entry.title), entry.value, checked=entry.checked)
            for entry in entries
        ]
