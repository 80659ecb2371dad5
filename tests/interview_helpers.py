"""Drive the real interview prompts in process: keys go in through prompt_toolkit's pipe input,
the screen comes out of a VT100 output writing to a string."""

from __future__ import annotations

import io
import re
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from prompt_toolkit.data_structures import Size
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output.color_depth import ColorDepth
from prompt_toolkit.output.vt100 import Vt100_Output

from poa.catalog import load_catalog
from poa.cli import main
from poa.interview.flow import Interview
from poa.interview.itemfields import FIELDS
from poa.interview.terminal import Option, Prompter

from .conftest import TODAY
from .interview_fake import FakePrompter

ENTER = "\r"
DOWN = "\x1b[B"
SPACE = " "
CTRL_C = "\x03"
SKIP = "\r"  # Enter alone: no notice pasted
CLEAR = "\x15"  # Ctrl-U: empty the line before typing a new answer
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07]*\x07|\r")


@dataclass
class Session:
    code: int
    stdout: str
    raw: str  # the screen as the terminal received it

    @property
    def screen(self) -> str:
        """The screen text without terminal control sequences."""
        return ANSI.sub("", self.raw)

    @property
    def said(self) -> str:
        """Everything the seller was told: the screen, then what the command printed."""
        return " ".join(self.screen.split()) + "\n" + self.stdout


@dataclass(frozen=True)
class Wait:
    """In a key list: wait until the screen shows this text before typing on. Keys typed all
    at once are handled before the screen is drawn, so a message that the next keys clear
    (a validation error) is only seen when the typing pauses for it."""

    text: str


def interview(keys: list[str | Wait] | str, *args: str, columns: int = 100) -> Session:
    """Run `poa interview ARGS...` on these keystrokes; the input ends after them, so a test
    that types too little fails (as an interrupted interview) instead of hanging."""
    screen = io.StringIO()
    with create_pipe_input() as pipe:
        feeder = threading.Thread(target=_type, args=(pipe, list(keys), screen), daemon=True)
        output = Vt100_Output(
            screen,
            lambda: Size(rows=50, columns=columns),
            term="xterm",
            default_color_depth=ColorDepth.from_env(),  # NO_COLOR, as the real terminal has it
            enable_cpr=False,
        )
        out = io.StringIO()
        prompter = Prompter(input=pipe, output=output, ascii=True)
        feeder.start()
        code = main(["interview", *args], stdout=out, stderr=out, prompter=prompter)
        feeder.join(timeout=30)
    return Session(code, out.getvalue(), screen.getvalue())


def _type(pipe: object, keys: list[str | Wait], screen: io.StringIO) -> None:
    for key in keys:
        if isinstance(key, Wait):
            deadline = time.monotonic() + 20
            while key.text not in ANSI.sub("", screen.getvalue()) and time.monotonic() < deadline:
                time.sleep(0.02)
        else:
            pipe.send_text(key)  # type: ignore[attr-defined]
    pipe.close()  # type: ignore[attr-defined]


def text(answer: str) -> str:
    """Replace whatever a text prompt proposes with this answer."""
    return CLEAR + answer + ENTER


def review_pick(case: Path, label: str) -> str:
    """The keys that pick the entry with this label ('Received', 'RC1', 'Add a root cause')
    in the review menu of this case: the entry is found by its label in the very menu the
    interview builds for the case, and the pointer moves down to it from the top."""
    interview = Interview.resume(case, load_catalog(), FakePrompter(), TODAY)
    options = [entry for entry in interview.review_menu() if isinstance(entry, Option)]
    (index,) = [
        n
        for n, option in enumerate(options)
        if option.title == label or option.title.startswith(f"{label}: ")
    ]
    return DOWN * index + ENTER


def field_pick(section: str, name: str) -> str:
    """The keys that pick one field in the review's menu of an item of this list."""
    return DOWN * [f.name for f in FIELDS[section]].index(name) + ENTER


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path
