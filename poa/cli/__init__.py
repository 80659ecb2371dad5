"""The `poa` command line: argv in, a library call, an exit status out."""

from poa.cli.main import main

__all__ = ["main"]
