"""One run at a time in an output folder: an advisory lock held for the length of a run."""

from __future__ import annotations

import contextlib
import errno
import os
import time
from pathlib import Path
from types import TracebackType

from poa.errors import OutputError

try:
    import fcntl
except ImportError:  # Windows: no flock; runs there are not serialised
    fcntl = None  # type: ignore[assignment]

LOCK_FILE = ".poa-lock"
_POLL_SECONDS = 0.1
_READ_ONLY = (errno.EACCES, errno.EPERM, errno.EROFS)


class FolderLock:
    """An exclusive `flock` on `ROOT/.poa-lock`, waiting at most `wait` seconds for another
    run to finish. The kernel drops the lock when its holder ends, however it ends.

    A folder that cannot be written needs no lock (no run can change it), so one whose lock
    file cannot be created is used unlocked."""

    def __init__(self, root: Path, wait: float) -> None:
        self.root = root
        self.wait = wait
        self.fd: int | None = None

    def __enter__(self) -> FolderLock:
        if fcntl is None:
            return self
        path = self.root / LOCK_FILE
        self.fd = _open(path)
        if self.fd is None:
            return self
        try:
            if self._wait(path, self.fd):
                with contextlib.suppress(OSError):
                    os.ftruncate(self.fd, 0)
                    os.pwrite(self.fd, f"{os.getpid()}\n".encode(), 0)
            else:
                self.release()
        except BaseException:  # a timeout, or Ctrl-C while waiting
            self.release()
            raise
        return self

    def _wait(self, path: Path, fd: int) -> bool:
        """Take the lock, waiting at most `wait` seconds; False where locks are not offered."""
        deadline = time.monotonic() + self.wait
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                return True
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise OutputError(
                        f"{self.root} is in use by another poa run{_holder(path)} and stayed "
                        f"busy for {self.wait:g} seconds: wait for that run to finish, or "
                        "choose another -o folder"
                    ) from None
                time.sleep(_POLL_SECONDS)
            except OSError as exc:  # a file system without locks: go on unlocked
                if exc.errno not in (errno.ENOLCK, errno.EOPNOTSUPP, errno.EINVAL):
                    raise OutputError(f"{path}: cannot be locked ({exc.strerror})") from None
                return False

    def __exit__(
        self,
        kind: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.release()

    def release(self) -> None:
        """Let the next run in."""
        if self.fd is not None:
            with contextlib.suppress(OSError):
                os.close(self.fd)
            self.fd = None


def _open(path: Path) -> int | None:
    flags = os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        return os.open(path, os.O_RDWR | flags, 0o666)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise OutputError(
                f"{path} is a symbolic link: poa keeps its lock file inside the output "
                "folder; remove the link"
            ) from None
        if exc.errno not in _READ_ONLY:
            raise OutputError(f"{path.parent}: cannot be used ({exc.strerror})") from None
    try:
        return os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return None


def _holder(path: Path) -> str:
    with contextlib.suppress(OSError, ValueError):
        pid = int(path.read_text(encoding="ascii").strip())
        return f" (pid {pid})"
    return ""
