"""Characters no installed font can draw: the PDF would show an empty box for each, so render
names them and the fields they are in."""

from __future__ import annotations

import shutil
import subprocess
import unicodedata
from bisect import bisect_right
from collections.abc import Iterable
from functools import lru_cache

from poa.documents.tree import Rendered

FONT_PACKAGES = "fonts-noto-core, fonts-noto-cjk and fonts-noto-color-emoji"
# Characters that are never drawn themselves: spaces, controls, joiners, direction marks and
# variation selectors shape their neighbours but need no glyph of their own.
_INVISIBLE = {"Cc", "Cf", "Zs", "Zl", "Zp"}


class Coverage:
    """The union of every installed font's characters, as sorted ranges."""

    def __init__(self, ranges: Iterable[tuple[int, int]]) -> None:
        merged: list[tuple[int, int]] = []
        for low, high in sorted(ranges):
            if merged and low <= merged[-1][1] + 1:
                merged[-1] = (merged[-1][0], max(merged[-1][1], high))
            else:
                merged.append((low, high))
        self.starts = [low for low, _ in merged]
        self.ends = [high for _, high in merged]

    def __contains__(self, char: object) -> bool:
        if not isinstance(char, str):
            return False
        code = ord(char)
        index = bisect_right(self.starts, code) - 1
        return index >= 0 and code <= self.ends[index]

    @classmethod
    def parse(cls, text: str) -> Coverage:
        """Coverage from fontconfig charsets: hex code points and ranges such as '20-7e a0'."""
        ranges = []
        for token in text.split():
            low, _, high = token.partition("-")
            try:
                ranges.append((int(low, 16), int(high or low, 16)))
            except ValueError:
                continue
        return cls(ranges)


@lru_cache(maxsize=1)
def installed_coverage() -> Coverage | None:
    """What the fonts fontconfig knows can draw (the fonts the PDF engine falls back on);
    None when fontconfig's fc-list is not installed. Asked once per process."""
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return None
    try:
        done = subprocess.run(
            [fc_list, "--format", "%{charset}\n"],
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return Coverage.parse(done.stdout)


def _needs_glyph(char: str) -> bool:
    if char.isascii():
        return False  # every text font has these; no need to ask fontconfig for them
    if 0xFE00 <= ord(char) <= 0xFE0F or 0xE0100 <= ord(char) <= 0xE01EF:
        return False
    return unicodedata.category(char) not in _INVISIBLE


def missing_glyph_warnings(rendered: Rendered, coverage: Coverage | None = None) -> list[str]:
    """One warning per field (or for the template text) holding characters no installed font
    can draw, naming them as U+XXXX; empty when every character has a font."""
    wanted = sorted(c for c in set(rendered.markdown) if _needs_glyph(c))
    if not wanted:
        return []
    coverage = coverage or installed_coverage()
    if coverage is None:
        return [
            "cannot check that the fonts cover every character: fontconfig's fc-list is "
            f"not installed; characters outside Latin may print as empty boxes ({FONT_PACKAGES} "
            "cover most scripts)"
        ]
    missing = [c for c in wanted if c not in coverage]
    if not missing:
        return []
    warnings = []
    unplaced = set(missing)
    for path, text in rendered.fields:
        found = [c for c in missing if c in text]
        if found:
            unplaced -= set(found)
            warnings.append(f"{path}: {_describe(found)}")
    if unplaced:
        warnings.append(f"template text: {_describe(sorted(unplaced))}")
    return warnings


def _describe(chars: list[str]) -> str:
    names = ", ".join(f"U+{ord(c):04X}" for c in chars)
    return (
        f"no installed font can draw {names}, so the PDF shows an empty box for "
        f"{'it' if len(chars) == 1 else 'each'}: install fonts that cover "
        f"{'it' if len(chars) == 1 else 'them'} (on Debian or Ubuntu: {FONT_PACKAGES}) "
        "or write the text without"
        f" {'it' if len(chars) == 1 else 'them'}"
    )
