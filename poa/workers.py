"""Worker processes for a batch. Each holds one task at a time, so when one dies (the system's
out-of-memory killer, say) only the task it held is lost, and that task is tried once more in
a fresh worker. Workers end when the process that started them ends, however it ends."""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from types import TracebackType
from typing import Any

from poa.outputs.atomic import pid_alive

ATTEMPTS = 2
WATCH_SECONDS = 0.25
STOP_SECONDS = 2.0
_PR_SET_PDEATHSIG = 1

Handler = Callable[[Any], Any]


@dataclass(frozen=True)
class Died:
    """What a task got when its worker died holding it on every attempt."""

    exitcode: int | None

    def describe(self) -> str:
        """How the worker ended, in words."""
        code = self.exitcode
        if code is not None and code < 0:
            try:
                name = signal.Signals(-code).name
            except ValueError:
                name = f"signal {-code}"
            hint = " (the system may have run out of memory)" if name == "SIGKILL" else ""
            return f"was killed by {name}{hint}"
        return f"ended unexpectedly (exit status {code})"


@dataclass(frozen=True)
class Crashed:
    """What a task got when its handler raised instead of returning."""

    message: str


class _Worker:
    def __init__(self, ctx: Any, setup: Callable[..., Handler], args: tuple[Any, ...]) -> None:
        self.conn, child = ctx.Pipe()
        self.process: BaseProcess = ctx.Process(
            target=_main, args=(child, os.getpid(), setup, args), daemon=True
        )
        self.process.start()
        child.close()
        self.task: tuple[Any, Any, int] | None = None


class Pool:
    """Up to `size` worker processes, each built by `setup(*args)` (which returns the function
    that handles a task's payload), each holding one task at a time."""

    def __init__(self, size: int, setup: Callable[..., Handler], args: tuple[Any, ...]) -> None:
        self.size = size
        self.setup = setup
        self.args = args
        self.ctx = multiprocessing.get_context()
        self.workers: list[_Worker] = []
        self.queue: deque[tuple[Any, Any, int]] = deque()
        self.pids: set[int] = set()

    def __enter__(self) -> Pool:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if exc is None:
            self.close()
        else:
            self.abort()

    @property
    def pending(self) -> int:
        """Tasks submitted and not yet collected."""
        return len(self.queue) + sum(1 for w in self.workers if w.task is not None)

    def has_room(self) -> bool:
        """Whether another task would start at once."""
        return self.pending < self.size

    def submit(self, ident: Any, payload: Any) -> None:
        """Queue a task; `ident` comes back with its outcome."""
        self.queue.append((ident, payload, 1))
        self._dispatch()

    def collect(self) -> list[tuple[Any, Any]]:
        """Wait until at least one task ends; its (ident, outcome): the handler's return value,
        a Crashed, or a Died after the last attempt."""
        while True:
            self._dispatch()
            busy = [w for w in self.workers if w.task is not None]
            if not busy:
                return []
            ready = set(wait([w.conn for w in busy] + [w.process.sentinel for w in busy]))
            done = []
            for worker in busy:
                if worker.conn in ready or worker.process.sentinel in ready:
                    done += self._settle(worker)
            if done:
                return done

    def _settle(self, worker: _Worker) -> list[tuple[Any, Any]]:
        assert worker.task is not None
        ident, payload, attempt = worker.task
        try:
            if worker.conn.poll():
                outcome = worker.conn.recv()
                worker.task = None
                return [(ident, outcome)]
        except (EOFError, OSError):
            pass  # the pipe closed: the worker is gone
        else:
            if worker.process.is_alive():
                return []  # woken with nothing to read yet
        # The worker died holding this task: only this task is affected.
        self._bury(worker)
        if attempt < ATTEMPTS:
            self.queue.appendleft((ident, payload, attempt + 1))
            return []
        return [(ident, Died(worker.process.exitcode))]

    def _dispatch(self) -> None:
        while self.queue:
            worker = next((w for w in self.workers if w.task is None), None)
            if worker is not None and not worker.process.is_alive():
                self._bury(worker)
                continue
            if worker is None:
                if len(self.workers) >= self.size:
                    return
                worker = _Worker(self.ctx, self.setup, self.args)
                if worker.process.pid is not None:
                    self.pids.add(worker.process.pid)
                self.workers.append(worker)
            task = self.queue.popleft()
            try:
                worker.conn.send(task[1])
            except (OSError, EOFError):
                self._bury(worker)
                self.queue.appendleft(task)
                continue
            worker.task = task

    def _bury(self, worker: _Worker) -> None:
        self.workers.remove(worker)
        worker.process.join(STOP_SECONDS)
        if worker.process.is_alive():
            worker.process.kill()
            worker.process.join()
        worker.conn.close()

    def close(self) -> None:
        """End the workers once their work is done."""
        for worker in self.workers:
            with contextlib.suppress(OSError, EOFError):
                worker.conn.send(None)
        self._reap(graceful=True)

    def abort(self) -> None:
        """Stop every worker now (Ctrl-C, SIGTERM, --fail-fast, an error)."""
        self.queue.clear()
        for worker in self.workers:
            with contextlib.suppress(OSError, ValueError):
                worker.process.terminate()
        self._reap(graceful=False)

    def _reap(self, graceful: bool) -> None:
        deadline = time.monotonic() + (STOP_SECONDS * 5 if graceful else STOP_SECONDS)
        for worker in self.workers:
            worker.process.join(max(0.0, deadline - time.monotonic()))
            if worker.process.is_alive():
                worker.process.kill()
                worker.process.join()
            worker.conn.close()
        self.workers.clear()


def _main(
    conn: Connection, parent: int, setup: Callable[..., Handler], args: tuple[Any, ...]
) -> None:
    """A worker's life: tie itself to its parent, build its state, then handle tasks until
    told to stop or the parent is gone."""
    _tie_to_parent(parent)
    # Ctrl-C reaches the whole process group; the parent decides what stops, and stops us.
    # SIGTERM ends a worker at once, whatever handler the parent had when it forked.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    try:
        handler: Handler | None = setup(*args)
        failure = ""
    except Exception as exc:  # reported as every task's outcome, so the batch goes on
        handler, failure = None, f"{exc.__class__.__name__}: {exc}"
    while True:
        try:
            payload = conn.recv()
        except (EOFError, OSError):
            return
        if payload is None:
            return
        try:
            outcome = handler(payload) if handler else Crashed(failure)
        except Exception as exc:
            outcome = Crashed(f"{exc.__class__.__name__}: {exc}")
        try:
            conn.send(outcome)
        except (OSError, EOFError):
            return


def _tie_to_parent(parent: int) -> None:
    """End this process when its parent ends: at once through the kernel where Linux offers
    it, and by a watchdog thread everywhere."""
    if sys.platform.startswith("linux"):
        with contextlib.suppress(Exception):
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    watched = os.getppid()
    if watched != parent and not pid_alive(parent):
        os._exit(1)
    thread = threading.Thread(target=_watch, args=(watched,), name="poa-watchdog", daemon=True)
    thread.start()


def _watch(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(WATCH_SECONDS)
    os._exit(1)
