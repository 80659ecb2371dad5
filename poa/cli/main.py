"""The entry point: parse argv, set up the process, run the command, map errors to exits."""

from __future__ import annotations

import contextlib
import logging
import os
import signal
import sys
import threading
from collections.abc import Iterator, Sequence
from typing import Any, TextIO

import poa
from poa.cli.commands import COMMANDS, Streams
from poa.cli.parser import build_parser

# WeasyPrint reports refused fetches and CSS it ignores through its logger; poa reports what
# matters itself, so the command line keeps that logger quiet.
QUIET_LOGGERS = ("weasyprint", "fontTools")
# Font subsets carry a time stamp; fixing it keeps PDFs byte-identical between runs.
FIXED_SOURCE_DATE_EPOCH = "1767225600"
BROKEN_PIPE_EXIT = 141
TERMINATED_EXIT = 143  # 128 + SIGTERM, as a shell reports a process SIGTERM ended


def main(
    argv: Sequence[str] | None = None,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
    prompter: Any = None,
    stdin: TextIO | None = None,
) -> int:
    """Run poa with these arguments; return the exit status. Tests inject the streams and the
    interview's prompter."""
    io = Streams(stdin or sys.stdin, stdout or sys.stdout, stderr or sys.stderr, prompter)
    with _terminate_like_interrupt():
        try:
            code = _run(argv, io)
            io.stdout.flush()  # a full disk or a closed pipe shows here, not at exit
            return code
        except BrokenPipeError:
            _silence_stdout()
            return BROKEN_PIPE_EXIT
        except OSError as exc:  # files are named by poa's own errors: this is our output
            _silence_stdout()
            print(f"poa: {exc.filename or 'standard output'}: {exc.strerror}", file=io.stderr)
            return poa.PoaError.exit_code


def _run(argv: Sequence[str] | None, io: Streams) -> int:
    try:
        parser = build_parser()
        with contextlib.redirect_stdout(io.stdout):  # --help and --version print to stdout
            args = parser.parse_args(argv)
        if args.command is None:
            parser.print_help(io.stdout)
            return poa.UsageError.exit_code
        _set_up_process()
        return COMMANDS[args.command](args, io)
    except SystemExit as exc:  # argparse after --help or --version
        return exc.code if isinstance(exc.code, int) else 0
    except poa.PoaError as exc:
        for line in exc.lines():
            prefix = "" if exc.problems or line.startswith("poa") or not line else "poa: "
            print(prefix + line, file=io.stderr if exc.exit_code else io.stdout)
        return exc.exit_code
    except Terminated:
        print("poa: terminated", file=io.stderr)
        return TERMINATED_EXIT
    except KeyboardInterrupt:
        print("poa: interrupted", file=io.stderr)
        return poa.Interrupted.exit_code


class Terminated(KeyboardInterrupt):
    """SIGTERM (sent by `timeout`, CI runners, `docker stop`), handled as Ctrl-C is."""


@contextlib.contextmanager
def _terminate_like_interrupt() -> Iterator[None]:
    """While a command runs, SIGTERM stops it as Ctrl-C does: work in progress is stopped,
    the summary printed, and the exit status is 143. The previous handler is put back."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum: int, frame: object) -> None:
        signal.signal(signal.SIGTERM, signal.SIG_IGN)  # once: let the stopping finish
        raise Terminated

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _set_up_process() -> None:
    for name in QUIET_LOGGERS:
        logging.getLogger(name).setLevel(logging.CRITICAL)
    os.environ.setdefault("SOURCE_DATE_EPOCH", FIXED_SOURCE_DATE_EPOCH)


def _silence_stdout() -> None:
    # Python flushes stdout at exit; pointed at /dev/null, that flush cannot fail again.
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
