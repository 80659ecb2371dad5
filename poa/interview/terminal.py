"""The interview's terminal: questionary prompts on injectable input and output, ASCII if needed."""

from __future__ import annotations

import shlex
import subprocess
import tempfile
import textwrap
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, Protocol

import questionary
from prompt_toolkit.application.current import get_app_session
from prompt_toolkit.filters import to_filter
from prompt_toolkit.key_binding import KeyBindings, merge_key_bindings
from prompt_toolkit.keys import Keys
from prompt_toolkit.layout.controls import FormattedTextControl
from questionary.constants import INDICATOR_SELECTED, INDICATOR_UNSELECTED
from questionary.prompts.common import InquirerControl

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
ASCII_TICKS = {INDICATOR_SELECTED + " ": "[x] ", INDICATOR_UNSELECTED + " ": "[ ] "}
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
            return wrap(self.plain(result), self.width - 1) if isinstance(result, str) else result

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
                self.say(f"  {problem}", "error")
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
        shown, hint = self.question(message, SEARCH_HINT if search else SELECT_HINT)
        while True:
            question = questionary.select(
                shown,
                choices=self.choices(entries),
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
            choices=self.choices(entries, ticks=True),
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

    def question(self, message: str, hint: str = "", text: bool = False) -> tuple[str, str]:
        """The question and its hint as the prompt shows them. prompt_toolkit breaks a prompt
        line wider than the terminal wherever the edge falls, even mid-word; so a question
        that does not fit on one line with its hint is wrapped by word here, and the hint
        (then the answer) starts a line of its own under it. A `text` prompt puts a space
        before its hint, besides the one after the question that every kind puts."""
        message = self.plain(message)
        lead = len(self.qmark) + 1  # the mark and a space come before the question
        if lead + len(message) + 1 + len(hint) < self.width and "\n" not in message:
            return message, hint
        folded = wrap(" " * lead + message, self.width - 1)[lead:]
        if not hint:
            return folded, hint
        under = " " * (lead - 1 - text)  # with questionary's spaces, the hint starts under it
        return f"{folded}\n{under}", wrap(" " * lead + hint, self.width - 1)[lead:]

    def plain(self, text: str) -> str:
        """The text as the terminal can show it: ASCII stand-ins on a plain terminal."""
        if not self.ascii or text.isascii():
            return text
        return text.translate(PLAIN).encode("ascii", "replace").decode()

    def choices(self, entries: Sequence[Entry], ticks: bool = False) -> list[questionary.Choice]:
        """Menu entries as questionary draws them, each wrapped between words to the terminal
        (after the pointer's column, and a tick's when `ticks`), its lines after the first
        indented under it."""
        lead = len(self.pointer) + 2 + (4 if ticks else 0)
        width = self.width - 1

        def fold(title: str) -> str:
            return wrap(" " * lead + self.plain(title), width, hang=2)[lead:]

        return [
            questionary.Separator(fold(entry.title))
            if isinstance(entry, Heading)
            else questionary.Choice(fold(entry.title), entry.value, checked=entry.checked)
            for entry in entries
        ]


def ignore_mouse_reports(question: questionary.Question) -> None:
    """Drop what reads as a mouse report: the interview uses no mouse, and a colour code
    typed or pasted without bracketed paste (ESC [31m) reaches prompt_toolkit's own mouse
    handler as one, which fails with a traceback and waits for Enter."""
    ignore = KeyBindings()
    ignore.add(Keys.Vt100MouseEvent)(lambda event: None)
    app = question.application
    app.key_bindings = merge_key_bindings([app.key_bindings or KeyBindings(), ignore])


def wrap_options(question: questionary.Question) -> None:
    """Let an option wider than the terminal go on to the next line: questionary draws its
    list in a window that cuts each line at the edge, and an issue type's key or the end of
    a suggested action is then never seen."""
    for window in question.application.layout.find_all_windows():
        if isinstance(window.content, InquirerControl):
            window.wrap_lines = to_filter(True)
            window.get_line_prefix = lambda _line, wrapped: "     " if wrapped else ""


def draw_ascii_ticks(question: questionary.Question) -> None:
    """Make this checklist draw its ticks as [x] and [ ]. questionary takes no option for
    them, so the list's own text is translated as it is drawn; nothing else is touched."""
    for window in question.application.layout.find_all_windows():
        control = window.content
        if isinstance(control, InquirerControl):
            draw: Any = control.text

            def ascii_text(draw: Callable[[], Any] = draw) -> list[tuple[Any, ...]]:
                return [(part[0], ASCII_TICKS.get(part[1], part[1]), *part[2:]) for part in draw()]

            control.text = ascii_text


def show_messages_whole(question: questionary.Question) -> None:
    """Let the line under a prompt that shows why an answer is refused grow to as many lines
    as the message has: prompt_toolkit gives it one line, and cuts the rest (often the part
    that says how to fix the answer) at the terminal's edge."""
    for window in question.application.layout.find_all_windows():
        control = window.content
        text = getattr(control, "text", None)
        if isinstance(control, FormattedTextControl) and "ValidationToolbar" in getattr(
            text, "__qualname__", ""
        ):
            window.height = None
            window.wrap_lines = to_filter(True)
            window.get_line_prefix = lambda _line, wrapped: "     " if wrapped else ""
            window.dont_extend_height = to_filter(True)


def wrap(text: str, width: int, hang: int = 0) -> str:
    """Each line of the text filled to the width, its continuation lines indented as it is
    and `hang` more; words longer than a line stay whole."""
    lines = []
    for line in text.split("\n"):
        indent = line[: len(line) - len(line.lstrip())]
        lines.append(
            textwrap.fill(
                line,
                width=width,
                subsequent_indent=indent + " " * hang,
                break_long_words=False,
                break_on_hyphens=False,
            )
            if line.strip()
            else ""
        )
    return "\n".join(lines)
