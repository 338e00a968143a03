"""Pausing Python's cyclic garbage collector while many small objects are built.

Building a million flags, records or list cells allocates far more objects
than the collector's thresholds, so it would scan every object alive (the
claims, the flags built so far) again and again; none of these objects form
cycles, so those scans find nothing.  :func:`no_gc` pauses the collector for
such a loop and restores it after.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["no_gc"]


@contextmanager
def no_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while building many small objects without cycles."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
