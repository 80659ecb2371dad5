"""The garbage collector during a run over many case files."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def settled() -> Iterator[None]:
    """Run a batch with everything made before it (modules, the catalog, the rules' tables)
    set aside from the collector. Those objects live until the command ends; without this,
    each full pass of the collector, which a batch of cases sets off again and again, walks
    them all. They are handed back when the batch ends, so a process that goes on (a test, a
    program calling `main`) loses nothing."""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()
