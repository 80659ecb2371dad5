"""Numbers as YAML reads them, with the text they were written as.

YAML reads `0123` as the octal 83, `0x1F` as 31 and `1.10` as 1.1. Where a case wants text (a
reference, a name, an ASIN such as the ISBN 0201633612), the seller means what they wrote; where
it wants a number, the number stands."""

from __future__ import annotations

from typing import Any


class WrittenInt(int):
    """A whole number as YAML read it, with the text it was written as, which is also how it
    reads as text (a resumed interview shows `0123`, not 83)."""

    written: str

    def __str__(self) -> str:
        return self.written


class WrittenFloat(float):
    """A number with a fraction as YAML read it, with the text it was written as, which is
    also how it reads as text."""

    written: str

    def __str__(self) -> str:
        return self.written


def written(value: Any, text: str) -> Any:
    """The value as read, a number keeping the text it was written as."""
    kind = type(value)
    if kind is not int and kind is not float:
        return value
    number: WrittenInt | WrittenFloat = WrittenInt(value) if kind is int else WrittenFloat(value)
    number.written = text
    return number
