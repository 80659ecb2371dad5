"""Reading a case file's text: once, at most MAX_BYTES, in an encoding poa can name."""

from __future__ import annotations

import codecs
import errno
from pathlib import Path

from poa.errors import InputError

MAX_BYTES = 2_000_000


def read_bytes(path: Path, limit: int = MAX_BYTES, too_large: str = "") -> bytes:
    """The bytes of a file, read once and at most `limit` of them (a pipe, /dev/stdin or a
    device works like a file); InputError says what is wrong with it, `too_large` when the
    file passes the limit."""
    name = str(path)
    try:
        with path.open("rb") as handle:
            raw = handle.read(limit + 1)
    except FileNotFoundError:
        raise InputError(f"{name}: no such file: check the path") from None
    except IsADirectoryError:
        raise InputError(f"{name}: is a folder, not a file") from None
    except OSError as exc:
        raise InputError(f"{name}: cannot be read ({exc.strerror}): {advice_for(exc)}") from None
    if len(raw) > limit:
        raise InputError(f"{name}: {too_large or TOO_LARGE}")
    return raw


def advice_for(exc: OSError) -> str:
    """What to do about a file or folder the system cannot open."""
    return _ADVICE.get(exc.errno or 0, "check the file")


_ADVICE = {
    errno.EACCES: "check its permissions",
    errno.EPERM: "check its permissions",
    errno.ELOOP: "its symbolic links lead back round to themselves: link it to the file itself",
}
TOO_LARGE = (
    f"file is larger than {MAX_BYTES // 1_000_000} MB: "
    "a case file is a short text file; check you picked the right one"
)
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF16_LE, "utf-16", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "UTF-16"),
)


def decode(raw: bytes, name: str) -> str:
    """Case text from a file's bytes: UTF-8 (with or without a byte-order mark), or UTF-16 or
    UTF-32 when a byte-order mark says so; InputError for anything else."""
    for bom, codec, label in _BOMS:
        if raw.startswith(bom):
            try:
                return raw.decode(codec)
            except UnicodeDecodeError:
                raise InputError(
                    f"{name}: file starts like {label} text but is not: save it again as UTF-8 "
                    "in your editor"
                ) from None
    if b"\x00" in raw:
        if _looks_like_utf16(raw):
            raise InputError(
                f"{name}: file is UTF-16 text without a byte-order mark: save it again as "
                "UTF-8 in your editor"
            )
        raise InputError(f"{name}: is a binary file, not YAML text: check you picked the right one")
    return utf8_text(raw, name, "file is not UTF-8 text: save it again as UTF-8 in your editor")


def utf8_text(raw: bytes, name: str, problem: str) -> str:
    """Bytes as UTF-8 text (a byte-order mark dropped), or InputError naming the line where
    they stop being UTF-8, with `problem` saying what to do."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise InputError(f"{name}:{line}:1: {problem}") from None


def read_text(path: Path) -> str:
    """Read a case file's text once, or raise InputError saying what is wrong with it."""
    return decode(read_bytes(path), str(path))


def _looks_like_utf16(raw: bytes) -> bool:
    """Mostly ASCII text saved as UTF-16: every other byte is zero."""
    sample = raw[:4096]
    if len(sample) < 4:
        return False
    for start in (0, 1):
        zeros = sample[start::2].count(0)
        if zeros >= 0.9 * len(sample[start::2]) and sample[1 - start :: 2].count(0) == 0:
            return True
    return False
