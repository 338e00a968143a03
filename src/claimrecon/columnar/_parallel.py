"""When the engine runs two of its passes side by side, in threads.

polars spreads one operation over both cores, but between operations, and in
its streaming engine, a core often waits.  Running two independent passes at
once (the gate's two passes over a file, two flag checks) fills that time: at
ten million claims on a 2-core machine the gate takes about a second less and
flagging 15 to 20% less.  It also holds both passes' intermediate columns at
once, which raised the peak at a million claims by 20 to 60 MB (from about
550 to about 610 MB, measured with ``benchmarks/scale.py``).  Below
:data:`PARALLEL_ROWS` claims, where a run takes seconds and memory is the
tighter bound, the passes run one after another.
"""

from __future__ import annotations

__all__ = ["PARALLEL_ROWS", "side_by_side"]

#: from this many claims on, independent passes run two at a time
PARALLEL_ROWS = 2_000_000


def side_by_side(rows: int) -> int:
    """How many passes to run at once over ``rows`` claims: 2 from :data:`PARALLEL_ROWS`, else 1."""
    return 2 if rows >= PARALLEL_ROWS else 1
