"""The one place the interview reads the process environment: terminal, editor and profile."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

ENV_ASCII = "POA_ASCII"
ENV_NO_COLOR = "NO_COLOR"
ENV_PROFILE = "POA_PROFILE"
FALLBACK_EDITOR = "vi"


@dataclass(frozen=True)
class Environment:
    """What the interview takes from its surroundings, read once."""

    ascii: bool  # draw in plain ASCII
    color: bool  # colours allowed (NO_COLOR unset)
    editor: str  # the command that edits long answers
    profile: Path | None  # the seller profile file, when POA_PROFILE names one

    @classmethod
    def read(cls) -> Environment:
        """The environment of this process: NO_COLOR, POA_ASCII, VISUAL/EDITOR, POA_PROFILE
        and the encoding of standard output."""
        env = os.environ
        encoding = (getattr(sys.stdout, "encoding", None) or "ascii").lower()
        return cls(
            ascii=bool(env.get(ENV_ASCII)) or "utf" not in encoding,
            color=not env.get(ENV_NO_COLOR),
            editor=env.get("VISUAL") or env.get("EDITOR") or FALLBACK_EDITOR,
            profile=Path(env[ENV_PROFILE]) if env.get(ENV_PROFILE) else None,
        )
