"""The garbage collector during a run over many case files."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator

# Allocations between two collections of the youngest objects during a batch (Python's default
# is 700). Reading a case makes and drops many short-lived containers; collecting every 700 of
# them walks the case being read again and again.
BATCH_THRESHOLD = 5000


@contextlib.contextmanager
def settled() -> Iterator[None]:
    """Run a batch with everything made before it (modules, the catalog, the rules' tables)
    set aside from the collector, and with fewer collections of the youngest objects. Those
    objects live until the command ends; without this, each full pass of the collector, which
    a batch of cases sets off again and again, walks them all. Both are handed back when the
    batch ends, so a process that goes on (a test, a program calling `main`) loses nothing."""
    thresholds = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(max(BATCH_THRESHOLD, thresholds[0]), *thresholds[1:])
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)
        gc.unfreeze()
