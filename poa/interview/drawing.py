"""How the interview's prompts are drawn: entries and messages wrapped between words, ticks
in ASCII, refusals shown whole, and mouse reports ignored (questionary and prompt_toolkit
take no options for these)."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from typing import Any

import questionary
from prompt_toolkit.filters import to_filter
from prompt_toolkit.key_binding import KeyBindings, merge_key_bindings
from prompt_toolkit.keys import Keys
from prompt_toolkit.layout.controls import FormattedTextControl
from questionary.constants import INDICATOR_SELECTED, INDICATOR_UNSELECTED
from questionary.prompts.common import InquirerControl

from poa.case.values import REMOVE_IF_OPTIONAL

ASCII_TICKS = {INDICATOR_SELECTED + " ": "[x] ", INDICATOR_UNSELECTED + " ": "[ ] "}


class Drawn(str):
    """A menu entry's title: the text the answer shows once the entry is picked (and the
    search reads), drawn in the list as `drawn`; each is wrapped between words for where it
    stands (questionary formats each entry as it draws the list, and shows the answer as it
    is)."""

    drawn: str

    def __new__(cls, text: str, drawn: str) -> Drawn:
        title = super().__new__(cls, text)
        title.drawn = drawn
        return title

    def __format__(self, spec: str) -> str:
        return self.drawn


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
    and `hang` more; words longer than a line stay whole, and so does a line that is a poa
    command to copy (`poa ...`), which a line break would cut in two."""
    lines = []
    for line in text.split("\n"):
        indent = line[: len(line) - len(line.lstrip())]
        command = line.lstrip().startswith("poa ")
        lines.append(
            textwrap.fill(
                line,
                width=width,
                subsequent_indent=indent + " " * hang,
                break_long_words=False,
                break_on_hyphens=False,
            )
            if line.strip() and not command
            else line.rstrip()
        )
    return "\n".join(lines)


def refusal(problem: str) -> str:
    """A problem with an answer as the interview shows it under the question: `poa validate`'s
    message (which follows the field's name there) with the answer as its subject, and
    without the advice to remove the field, which an answer cannot do."""
    problem = problem.replace(REMOVE_IF_OPTIONAL, "")
    return f"The answer {problem}" if problem.startswith(("is ", "should ", "must ")) else problem
